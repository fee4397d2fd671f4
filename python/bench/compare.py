"""Records/s of newsbody's Python package against trafilatura's and
resiliparse's Python calls, on the same pages, one after another in one
process (pin it to one core with taskset).

    taskset -c 0 python python/bench/compare.py [--rounds 3] DIR...

Each tool gets each page's bytes and does its own decoding, as a pipeline
would call it: newsbody ``Cleaner(input="html").clean(bytes)``;
trafilatura ``extract(bytes, include_comments=False)``; resiliparse
``extract_plain_text(bytes_to_str(b, detect_encoding(b)),
main_content=True, comments=False)`` (the settings of the shared corpus
README). Prints pages/s per round and the median. Needs all three
installed (``pip install trafilatura resiliparse`` in a venv outside the
repository, plus this package).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path


def tools():
    import newsbody
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    cleaner = newsbody.Cleaner(input="html")

    def resiliparse(b: bytes) -> str:
        return extract_plain_text(bytes_to_str(b, detect_encoding(b)), main_content=True, comments=False)

    return {
        f"newsbody {newsbody.__version__}": lambda b: cleaner.clean(b).body,
        f"trafilatura {trafilatura.__version__}": lambda b: trafilatura.extract(b, include_comments=False) or "",
        "resiliparse": resiliparse,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args()
    pages = [p.read_bytes() for d in args.dirs for p in sorted(d.rglob("*.html"))]
    mb = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {mb:.1f} MB", flush=True)
    results: dict[str, list[float]] = {}
    for r in range(args.rounds):
        for name, fn in tools().items():
            start = time.perf_counter()
            for b in pages:
                fn(b)
            rate = len(pages) / (time.perf_counter() - start)
            results.setdefault(name, []).append(rate)
            print(f"round {r + 1}: {name}: {rate:.0f} pages/s", flush=True)
    for name, rates in results.items():
        print(f"{name}: median {statistics.median(rates):.0f} pages/s ({', '.join(f'{x:.0f}' for x in rates)})")


if __name__ == "__main__":
    sys.exit(main())
