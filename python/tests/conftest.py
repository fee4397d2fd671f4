"""Shared helpers: where the repository, its fixtures and the shared corpus
are, and a small WARC writer (the tests build their own files)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"


def corpus_root() -> Path | None:
    """The shared corpus (NEWSBODY_CORPUS, or ../shared/corpus beside the
    repository), or None when it is absent."""
    for p in (os.environ.get("NEWSBODY_CORPUS"), REPO.parent / "shared" / "corpus", "/work/shared/corpus"):
        if p and Path(p, "wceb").is_dir():
            return Path(p)
    return None


def wceb_pages(limit: int | None = None) -> list[Path]:
    """The wceb pages, sorted, or skip the test when the corpus is absent."""
    root = corpus_root()
    if root is None:
        pytest.skip("shared corpus absent")
    pages = sorted((root / "wceb").glob("*/html/*.html"))
    return pages[:limit] if limit else pages


def fixture_cases() -> list[Path]:
    """Every fixture folder with an input and an expected body."""
    return sorted(p.parent for p in FIXTURES.glob("*/*/expected.txt"))


class WarcWriter:
    """Writes WARC records, one gzip member each."""

    def __init__(self, out):
        self.out = out
        self.serial = 0
        self.record("warcinfo", None, "application/warc-fields", b"software: newsbody pytest\r\n")

    def record(self, kind: str, url: str | None, content_type: str, block: bytes) -> None:
        self.serial += 1
        head = (
            f"WARC/1.1\r\nWARC-Type: {kind}\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{self.serial:012x}>\r\n"
            f"WARC-Date: 2024-03-05T10:00:00Z\r\n"
        )
        if url:
            head += f"WARC-Target-URI: {url}\r\n"
        head += f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
        self.out.write(gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=1))

    def page(self, url: str, html: bytes, charset: str | None = None, gzip_body: bool = False) -> None:
        ctype = "text/html" + (f"; charset={charset}" if charset else "")
        extra = ""
        if gzip_body:
            html = gzip.compress(html, compresslevel=1)
            extra = "Content-Encoding: gzip\r\n"
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n{extra}Content-Length: {len(html)}\r\n\r\n"
        self.record("request", url, "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n")
        self.record("response", url, "application/http; msgtype=response", head.encode() + html)
