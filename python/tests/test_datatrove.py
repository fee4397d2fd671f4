"""newsbody.datatrove.NewsbodyExtractor in a small local datatrove
pipeline over corpus pages (skipped without datatrove or the corpus)."""

from __future__ import annotations

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402

import newsbody  # noqa: E402
from conftest import wceb_pages  # noqa: E402
from newsbody.datatrove import NewsbodyExtractor  # noqa: E402


def test_a_local_pipeline_gives_the_bodies_of_newsbody(tmp_path):
    pages = wceb_pages(300)
    docs = [
        Document(text=p.read_text(encoding="utf-8", errors="replace"), id=p.stem, metadata={"path": str(p)})
        for p in pages
    ]
    out: dict[str, str] = {}

    def collect(data, rank: int = 0, world_size: int = 1):
        # A last step in place of a writer (JsonlWriter needs orjson); with
        # one worker the pipeline runs in this process.
        for doc in data:
            out[doc.id] = doc.text
            yield doc

    executor = LocalPipelineExecutor(
        pipeline=[docs, NewsbodyExtractor(timeout=10), collect],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    cleaner = newsbody.Cleaner(input="html")
    want = {d.id: cleaner.clean(d.text).body for d in docs}
    assert out == {k: v for k, v in want.items() if v}, "non-empty bodies forwarded, empty ones dropped"
    assert len(out) >= 290


def test_the_extractor_pickles_without_its_cleaner():
    import pickle

    ex = NewsbodyExtractor(rules=[("promo.rules", "drop:40 my.promo ^try our puzzle$\n")])
    page = "<p>The bridge reopens in May.</p><p>Try our puzzle</p>"
    assert ex.extract(page) == "The bridge reopens in May.\n"
    again = pickle.loads(pickle.dumps(ex))
    assert again.extract(page) == "The bridge reopens in May.\n"
