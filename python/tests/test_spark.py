"""Spark in local[2] mode over a few thousand records made from the
corpus pages: `rdd.pipe` through `newsbody --jsonl`, and the Python
package mapped over the same records, both equal to the single-process
run record for record.

Opt-in (it starts a JVM and needs pyspark): run with NEWSBODY_SPARK=1;
skipped without pyspark, Java, the release binary (target/release/newsbody
or $NEWSBODY_BIN) or the corpus.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import REPO, corpus_root

pytestmark = pytest.mark.skipif(os.environ.get("NEWSBODY_SPARK") != "1", reason="set NEWSBODY_SPARK=1 to run")


def binary() -> str:
    path = os.environ.get("NEWSBODY_BIN") or str(REPO / "target" / "release" / "newsbody")
    if not os.access(path, os.X_OK):
        pytest.skip(f"{path} not built (cargo build --release)")
    return path


def records() -> list[str]:
    """One JSON line per wceb page (html) and per truth text (text)."""
    root = corpus_root()
    if root is None:
        pytest.skip("shared corpus absent")
    lines = []
    for i, page in enumerate(sorted((root / "wceb").glob("*/html/*.html"))):
        html = page.read_bytes().decode("utf-8", errors="replace")
        lines.append(json.dumps({"id": f"h{i}", "source": page.name, "html": html}))
    for i, truth in enumerate(sorted((root / "wceb").glob("*/truth/*.txt"))):
        text = truth.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            lines.append(json.dumps({"id": f"t{i}", "text": text}))
    return lines


def clean_line(line: str) -> str:
    """What the Python package makes of one record, as a JSON object with
    the record's own fields first (as --jsonl writes them)."""
    import newsbody

    rec = json.loads(line)
    kind = "html" if "html" in rec else "text"
    doc = rec.pop(kind)
    out = json.loads(newsbody.clean(doc, input=kind).to_json())
    return json.dumps({**rec, **out}, sort_keys=True)


def test_pipe_and_python_package_match_the_single_process_run(tmp_path):
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java")
    exe = binary()
    lines = records()
    assert len(lines) > 2000
    src = tmp_path / "records.jsonl"
    src.write_text("\n".join(lines) + "\n")
    single = subprocess.run([exe, "--jsonl", "-j", "1", str(src)], capture_output=True, text=True)
    assert single.returncode == 0, single.stderr
    want = single.stdout.splitlines()
    assert len(want) == len(lines)

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("newsbody-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    try:
        rdd = spark.sparkContext.parallelize(lines, 8)
        start = time.perf_counter()
        # pipe() takes one command string, split like a shell would.
        piped = rdd.pipe(f"sh -c '{exe} --jsonl -j 1; test $? -le 1'").collect()
        pipe_s = time.perf_counter() - start
        start = time.perf_counter()
        mapped = rdd.map(clean_line).collect()
        map_s = time.perf_counter() - start
    finally:
        spark.stop()
    print(
        f"\n{len(lines)} records: rdd.pipe {pipe_s:.1f} s ({len(lines) / pipe_s:.0f} records/s), "
        f"python map {map_s:.1f} s ({len(lines) / map_s:.0f} records/s)"
    )
    assert piped == want, "rdd.pipe output equals the single-process run, line for line"
    assert mapped == [json.dumps(json.loads(w), sort_keys=True) for w in want]
