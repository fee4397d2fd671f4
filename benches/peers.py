"""Pages/s of newsbody beside resiliparse and trafilatura: the same pages,
cleaning time only, taking turns in one run (pin it to one core).

    cargo build --release --example throughput
    taskset -c 0 python3 benches/peers.py [--rounds 3] DIR...

In each round, newsbody cleans every page once (``examples/throughput.rs``,
run as a child process; reading the files and start-up are not timed),
then resiliparse 2 (``extract_plain_text(bytes_to_str(b,
detect_encoding(b)), main_content=True, comments=False)``) and trafilatura
(``extract(b, include_comments=False)``) take the same bytes, in this
process, timed the same way; the settings are the shared corpus README's.
Prints pages/s per round and the median of each, wall time and (after
the slash) per second on a CPU, which a busy machine disturbs less. Needs ``resiliparse`` and
``trafilatura`` installed (in a venv outside the repository).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "target/release/examples/throughput"


def peers():
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def resiliparse(b: bytes) -> str:
        return extract_plain_text(bytes_to_str(b, detect_encoding(b)), main_content=True, comments=False)

    return {
        "resiliparse": resiliparse,
        f"trafilatura {trafilatura.__version__}": lambda b: trafilatura.extract(b, include_comments=False) or "",
    }


def newsbody(dirs: list[Path]) -> tuple[float, float]:
    out = subprocess.run(
        [str(EXAMPLE), "--rounds", "1", *map(str, dirs)], check=True, capture_output=True, text=True
    ).stdout
    m = re.search(r"round 1: newsbody: (\d+) pages/s.*, (\d+) pages per CPU second", out)
    return float(m.group(1)), float(m.group(2))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args()
    pages = [p.read_bytes() for d in args.dirs for p in sorted(d.rglob("*.html"))]
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB", flush=True)
    tools = peers()
    results: dict[str, list[tuple[float, float]]] = {}
    for r in range(args.rounds):
        rates = newsbody(args.dirs)
        results.setdefault("newsbody", []).append(rates)
        print(f"round {r + 1}: newsbody: {rates[0]:.0f} / {rates[1]:.0f} pages/s", flush=True)
        for name, fn in tools.items():
            start, cpu = time.perf_counter(), time.thread_time()
            for b in pages:
                fn(b)
            rates = (len(pages) / (time.perf_counter() - start), len(pages) / (time.thread_time() - cpu))
            results.setdefault(name, []).append(rates)
            print(f"round {r + 1}: {name}: {rates[0]:.0f} / {rates[1]:.0f} pages/s", flush=True)
    for name, rates in results.items():
        wall = statistics.median(w for w, _ in rates)
        cpu = statistics.median(c for _, c in rates)
        print(f"{name}: median {wall:.0f} pages/s wall, {cpu:.0f} per CPU second")


if __name__ == "__main__":
    sys.exit(main())
