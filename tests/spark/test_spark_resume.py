"""A Spark run whose driver is killed part-way, started again with the same work dir, redoes only the
unfinished partitions and writes the same events as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.spark_corpus import write_corpus
from eventgraph.extract.pipeline.run import extract_paths
from eventgraph.graph.export import dumps_rows

pytestmark = [pytest.mark.spark, pytest.mark.slow]
EVENTGRAPH = Path(sys.executable).with_name("eventgraph")


def _extract(corpus: Path, work: Path, out: Path) -> subprocess.Popen[bytes]:
    args = [str(EVENTGRAPH), "extract", str(corpus), "--engine", "spark", "--master", "local[2]"]
    args += ["--work-dir", str(work), "--part-size", "1", "--out", str(out)]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def test_killed_driver_then_rerun_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    total = write_corpus(corpus, copies=2)  # 18 articles, one a partition
    work, out = tmp_path / "work", tmp_path / "out.jsonl"
    first = _extract(corpus, work, out)
    try:
        while len(list(work.glob("part-*.pkl"))) < 2:
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.1)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the driver, its JVM and the executors' Python workers
        first.wait()
    done = {p: p.stat().st_mtime_ns for p in work.glob("part-*.pkl")}
    assert 2 <= len(done) < total and not out.exists()

    second = _extract(corpus, work, out)
    _, err = second.communicate(timeout=1200)
    assert second.returncode == 0, err.decode()
    assert len(list(work.glob("part-*.pkl"))) == total
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in done.items())  # finished parts not redone

    expected = [line + "\n" for line in dumps_rows(extract_paths([corpus]))]
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == expected
