"""The Spark path beside the single-process one, in the same run: extraction words/s with 1 and 2
local executors against ``extract_paths`` on distinct stories (bench.spark_corpus), the driver's
peak RSS against the corpus size, and the Spark writer's events/s into Neo4j against the UNWIND
loader (``Neo4jStore.upsert``). Results go to bench/RESULTS.md by hand (see its Spark section).

    NEO4J_URI=bolt://127.0.0.1:7706 .venv/bin/python -m bench.bench_spark --articles 1000 \
        --driver-sizes 300 1000 3000 --events 20000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.gen_synthetic import generate
from eventgraph.extract.ingest.read import RawArticle, read_inputs
from eventgraph.extract.nlp import load
from eventgraph.extract.pipeline.run import extract_paths
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.neo4j_store import Neo4jStore
from eventgraph.spark.job import extract_with_spark, spark_context
from eventgraph.spark.merge import SparkMerge
from eventgraph.spark.neo4j_writer import Target, write_batch


def _words(corpus: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _corpus(folder: Path, articles: int) -> Path:
    """Distinct stories (bench.spark_corpus), written by a child so this process loads nothing."""
    corpus = folder / f"stories-{articles}.jsonl"
    args = [sys.executable, "-m", "bench.spark_corpus", str(corpus), "-n", str(articles)]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return corpus


def extraction(articles: int, part_size: int) -> list[str]:
    """Words/s on distinct stories: single process, then Spark local[1] and local[2] (warm workers:
    a warm-up run on a few parts first), each beside the machine's load."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _corpus(Path(tmp), articles)
        words = _words(corpus)
        load()  # the model once, outside the timing, as the Spark workers' warm-up does
        t = time.perf_counter()
        local = list(dumps_rows(extract_paths([corpus], warn=lambda _: None)))
        base = time.perf_counter() - t
        lines.append(f"{articles} articles, {words} words, {len(local)} events")
        lines.append(f"single process: {base:.1f} s, {words / base:.0f} words/s  [{_uptime()}]")
        for executors in (1, 2):
            sc = spark_context(f"local[{executors}]")
            raws = [r for r in read_inputs([corpus]) if isinstance(r, RawArticle)]
            extract_with_spark(raws[: part_size * executors], sc=sc, work_dir=Path(tmp) / f"warm{executors}",
                               warn=lambda _: None, chunk_size=part_size)  # fmt: skip
            work = Path(tmp) / f"w{executors}"
            merge = SparkMerge(sc, work)
            t = time.perf_counter()
            batch = extract_with_spark(
                raws, sc=sc, work_dir=work, warn=lambda _: None, chunk_size=part_size, merge=merge
            )
            took = time.perf_counter() - t
            same = list(dumps_rows(batch)) == local
            s = merge.stats
            lines.append(
                f"spark local[{executors}]: {took:.1f} s, {words / took:.0f} words/s "
                f"(x{base / took:.2f} of single process), identical JSONL: {same}; merge: {s.units} units, "
                f"{s.blocks} blocks, {s.edges} edges, {s.components} components, "
                f"largest {s.largest_component}  [{_uptime()}]"
            )
            sc.stop()
    return lines


def driver_memory(sizes: list[int], part_size: int) -> list[str]:
    """The Spark driver's peak RSS against the corpus size: each run is a child process (the
    driver; the JVM and the executors' Python workers are processes of their own)."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for articles in sizes:
            corpus = _corpus(Path(tmp), articles)
            args = [sys.executable, "-m", "bench.bench_spark", "--driver-child", str(corpus)]
            args += ["--part-size", str(part_size)]
            out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            lines.append(
                f"driver, {articles} articles ({corpus.stat().st_size / 1e6:.1f} MB of JSONL): "
                f"{row['events']} events in {row['seconds']:.0f} s, peak RSS {row['peak_mb']:.0f} MB "
                f"(after imports {row['start_mb']:.0f} MB)  [{_uptime()}]"
            )
    return lines


def _peak_mb() -> float:
    """This process's peak RSS: VmHWM (reset by exec, unlike ru_maxrss, which a child started by
    subprocess inherits from its parent's fork)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _driver_child(corpus: Path, part_size: int) -> None:
    """One Spark run from this process as the driver; prints its figures as JSON."""
    start = _peak_mb()
    sc = spark_context("local[2]")
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        raws = (r for r in read_inputs([corpus]) if isinstance(r, RawArticle))
        batch = extract_with_spark(raws, sc=sc, work_dir=Path(tmp), warn=lambda _: None, chunk_size=part_size)
        took = time.perf_counter() - t
    peak = _peak_mb()
    sc.stop()
    print(json.dumps({"events": len(batch.events), "seconds": took, "peak_mb": peak, "start_mb": start}))


def writing(n_events: int) -> list[str]:
    """Events/s into the real Neo4j: the UNWIND loader, then the Spark writer with 2 executors."""
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "eventgraph")
    batch = generate(n_events)
    store = Neo4jStore(uri, user, password, timeout=60.0)
    lines: list[str] = [f"{len(batch.events)} synthetic events, {len(batch.actors)} actors"]
    try:
        store.clear()
        t = time.perf_counter()
        store.upsert(batch)
        took = time.perf_counter() - t
        lines.append(
            f"UNWIND loader (2 writer threads): {took:.1f} s, {len(batch.events) / took:.0f} events/s"
        )
        counts = store.counts()
        store.clear()
        sc = spark_context("local[2]")
        t = time.perf_counter()
        stats = write_batch(sc, batch, Target(uri, user, password, batch_size=2000), partitions=2)
        took = time.perf_counter() - t
        sc.stop()
        lines.append(
            f"Spark writer (2 executors): {took:.1f} s, {len(batch.events) / took:.0f} events/s, "
            f"{stats.transactions} transactions, {stats.retries} retries, {stats.deadlocks} deadlocks, "
            f"same counts: {store.counts() == counts}"
        )
        store.clear()
    finally:
        store.close()
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="distinct stories for words/s")
    parser.add_argument("--part-size", type=int, default=16)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--driver-sizes", type=int, nargs="*", default=[], help="articles, for driver RSS")
    parser.add_argument("--driver-child", type=Path, help=argparse.SUPPRESS)
    args: Any = parser.parse_args(argv)
    if args.driver_child:
        _driver_child(args.driver_child, args.part_size)
        return
    lines = [] if args.skip_extract else extraction(args.articles, args.part_size)
    for line in lines:
        print(line, flush=True)
    lines = driver_memory(args.driver_sizes, args.part_size)
    if args.events:
        lines += writing(args.events)
    for line in lines:
        print(line, flush=True)


if __name__ == "__main__":
    main()
