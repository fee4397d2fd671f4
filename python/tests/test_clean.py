"""newsbody.clean and newsbody.Cleaner: the library's results, types and
errors, seen from Python."""

from __future__ import annotations

import threading
import time

import pytest

import newsbody
from conftest import FIXTURES, fixture_cases

ARTICLE = (
    "The council approved the budget on Tuesday after a long debate.\n"
    "It takes effect in March, the finance office said.\n"
    "A Message from The Daily Example:\n"
    "Dear readers,\n"
    "We rely on you. Please support us monthly from just $3.\n"
    "Remind me later.\n"
)
BODY = (
    "The council approved the budget on Tuesday after a long debate.\n"
    "It takes effect in March, the finance office said.\n"
)
PAGE = (
    '<html lang="en"><head><title>Budget passes</title>'
    '<meta property="og:site_name" content="The Daily Example"></head><body>'
    "<p>The council approved the budget on Tuesday after a long debate.</p>"
    "<p>Read more: Other news</p></body></html>"
)


def test_text_in_bytes_and_str_gives_the_body_and_the_reasons():
    for data in (ARTICLE, ARTICLE.encode()):
        r = newsbody.clean(data)
        assert isinstance(r, newsbody.Result)
        assert r.body == BODY
        assert r.title is None
        assert [x.kind for x in r.removed] == ["appeal"] * 4
        first = r.removed[0]
        assert (first.rule, first.text, first.position) == (
            "en.appeal.message-from",
            "A Message from The Daily Example:",
            2,
        )
        assert first.evidence
        assert r.warnings == []
        assert r.metadata.to_dict() == dict.fromkeys(
            ["title", "author", "date", "language", "url", "site_name", "description"]
        )


def test_a_page_gives_title_and_metadata():
    r = newsbody.clean(PAGE)
    assert r.body == "The council approved the budget on Tuesday after a long debate.\n"
    assert r.title == "Budget passes"
    assert r.metadata.language == "en"
    assert r.metadata.site_name == "The Daily Example"
    assert r.removed[0].kind == "related"
    assert '"schema":1' in r.to_json()
    assert "drop related en.related.read-more" in r.explain()
    assert r.to_markdown().startswith("The council")


def test_input_kind_is_obeyed():
    as_text = newsbody.clean(PAGE, input="text")
    assert "<p>" in as_text.body
    assert newsbody.Cleaner(input="html").clean(PAGE).body == newsbody.clean(PAGE).body


def test_every_fixture_cleans_to_its_expected_body():
    cases = fixture_cases()
    assert len(cases) > 50
    cleaner = newsbody.Cleaner()
    for case in cases:
        src = case / "input.html" if (case / "input.html").exists() else case / "input.txt"
        got = cleaner.clean(src.read_bytes()).body
        assert got == (case / "expected.txt").read_text(encoding="utf-8"), case.name


def test_legacy_bytes_are_decoded_with_a_warning():
    r = newsbody.clean("Caf\xe9 cr\xe8me br\xfbl\xe9e, tr\xe8s bon.".encode("latin-1"))
    assert r.body.startswith("Café crème")
    assert r.warnings


def test_rules_from_files_and_pairs(tmp_path):
    rule = "drop:60 my.local.promo ^try our new puzzle page[.!]?$\n"
    text = "The bridge reopens in May.\nTry our new puzzle page!\n"
    assert newsbody.clean(text).body == text
    path = tmp_path / "promo.rules"
    path.write_text(rule)
    for rules in (path, str(path), [path], [("promo.rules", rule)], ("promo.rules", rule)):
        r = newsbody.clean(text, rules=rules)
        assert r.body == "The bridge reopens in May.\n", rules
        assert r.removed[0].rule == "my.local.promo"


def test_errors_carry_the_library_messages():
    with pytest.raises(newsbody.NewsbodyError) as e:
        newsbody.Cleaner(rules=[("promo.rules", "drop\n")])
    assert str(e.value).startswith("rule file promo.rules, line 1:")
    assert isinstance(e.value, ValueError)
    with pytest.raises(OSError, match="cannot read rules"):
        newsbody.Cleaner(rules="/nonexistent/x.rules")
    with pytest.raises(ValueError, match='input must be "auto", "html" or "text"'):
        newsbody.clean("x", input="pdf")
    with pytest.raises(TypeError, match="bytes or str"):
        newsbody.clean(42)
    with pytest.raises(TypeError):
        newsbody.Cleaner(rules=[42])


def test_a_cleaner_is_shared_by_threads_with_the_same_results():
    cleaner = newsbody.Cleaner()
    docs = [p.read_bytes() for p in sorted(FIXTURES.glob("*/*/input.*"))]
    want = [cleaner.clean(d).body for d in docs]
    got: dict[int, str] = {}

    def work(k: int) -> None:
        for i in range(k, len(docs), 4):
            got[i] = cleaner.clean(docs[i]).body

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(docs))] == want


def test_the_gil_is_released_while_cleaning():
    # About 8 MB of text takes a good second to clean; a Python thread
    # must keep running meanwhile.
    big = (ARTICLE * 40_000).encode()
    done = threading.Event()
    ticks = 0

    def clean() -> None:
        newsbody.clean(big)
        done.set()

    t = threading.Thread(target=clean)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    elapsed = time.perf_counter() - start
    assert elapsed > 0.2, "the document should take a while to clean"
    # Held GIL: the loop would not run at all until cleaning ends.
    assert ticks > elapsed * 100, (ticks, elapsed)


def test_reprs_and_version():
    r = newsbody.clean(ARTICLE)
    assert repr(r).startswith("Result(")
    assert "appeal" in repr(r.removed[0])
    assert newsbody.__version__
