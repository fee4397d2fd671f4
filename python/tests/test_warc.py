"""newsbody.iter_warc: the cleaned pages of WARC files written here."""

from __future__ import annotations

import gzip

import pytest

import newsbody
from conftest import FIXTURES, WarcWriter, wceb_pages

CAFE = (
    "<html><body><p>Le café de la gare rouvre en mai, après deux ans de travaux.</p>"
    "<p>Les habitués s'en réjouissent déjà.</p></body></html>"
)


def write_warc(path, pages):
    with open(path, "wb") as f:
        w = WarcWriter(f)
        for i, html in enumerate(pages):
            w.page(f"https://news.example/{i}", html, gzip_body=i % 2 == 1)
        return w


def test_pages_clean_as_they_do_one_by_one(tmp_path):
    pages = [p.read_bytes() for p in sorted(FIXTURES.glob("*/*/input.html"))]
    write_warc(tmp_path / "f.warc.gz", pages)
    it = newsbody.iter_warc(tmp_path / "f.warc.gz")
    records = list(it)
    assert len(records) == len(pages)
    html = newsbody.Cleaner(input="html")
    for i, (rec, page) in enumerate(zip(records, pages)):
        assert rec.error is None, rec.error
        assert rec.url == f"https://news.example/{i}"
        assert rec.warc_record_id.startswith("<urn:uuid:")
        assert rec.date == "2024-03-05T10:00:00Z"
        assert rec.result.body == html.clean(page).body
    assert it.skipped == {"other_type": 1 + len(pages), "not_html": 0}


def test_the_http_charset_decodes_the_page(tmp_path):
    with open(tmp_path / "c.warc.gz", "wb") as f:
        WarcWriter(f).page("https://x.example/", CAFE.encode("cp1252"), charset="windows-1252")
    (rec,) = newsbody.iter_warc(str(tmp_path / "c.warc.gz"))
    assert rec.result.body.startswith("Le café de la gare")
    assert rec.result.warnings == []


def test_a_broken_record_is_an_error_and_iteration_goes_on(tmp_path):
    path = tmp_path / "b.warc.gz"
    with open(path, "wb") as f:
        w = WarcWriter(f)
        w.page("https://x.example/1", CAFE.encode())
        f.write(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n\r\n"))
        w.record("response", "https://x.example/img", "application/http",
                 b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG")
        w.page("https://x.example/2", CAFE.encode())
    it = newsbody.iter_warc(path)
    recs = list(it)
    assert [r.url for r in recs] == ["https://x.example/1", None, "https://x.example/2"]
    assert recs[1].result is None
    assert "no Content-Length" in recs[1].error
    assert recs[1].offset > 0
    assert it.skipped["not_html"] == 1


def test_a_missing_file_is_an_oserror(tmp_path):
    with pytest.raises(OSError, match="cannot read"):
        newsbody.iter_warc(tmp_path / "none.warc.gz")


def test_corpus_pages_clean_as_they_do_one_by_one(tmp_path):
    pages = wceb_pages(300)
    write_warc(tmp_path / "w.warc.gz", [p.read_bytes() for p in pages])
    html = newsbody.Cleaner(input="html")
    for rec, page in zip(newsbody.iter_warc(tmp_path / "w.warc.gz", cleaner=html), pages, strict=True):
        assert rec.result.body == html.clean(page.read_bytes()).body, page
