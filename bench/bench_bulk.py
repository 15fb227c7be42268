"""Bulk import (`eventgraph bulk-export` files + neo4j-admin) against the UNWIND loader and the Spark
writer, same run.

The bulk path starts where a user's does, from an event JSONL file (``--jsonl``, else the synthetic
generator's lines written first, untimed; ``python -m bench.gen_synthetic N`` writes the same lines):

- bulk: read, merge and write the import files as `eventgraph bulk-export` does (eventgraph.bulk_read,
  graph.bulk_merge; ``--jobs`` reader processes); then
  ``neo4j-admin database import full`` into a private server's home (graph.bulk_import) for each
  tool setting tried; the first connection after the start (schema.cypher: constraints, indexes,
  then waiting for them online) is timed too, since an imported graph is not usable before it;
- UNWIND: ``Neo4jStore.upsert`` (what `eventgraph load` runs) into a fresh private server, on the
  first ``--load-events`` events when the whole batch would take too long (said in the table);
- Spark writer: the same events through `extract --engine spark --to-neo4j`'s write step
  (eventgraph.spark.neo4j_writer, `local[2]`, 2 partitions) into another fresh private server.

    .venv/bin/python -m bench.bench_bulk --events 1000000 --jsonl syn1m.jsonl --threads 2 \
        --load-events 200000

Prints ``uptime`` before every timed step (other work on the machine skews wall times) and one
markdown table for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import neo4j_server
from bench.gen_synthetic import generate
from eventgraph import bulk_read
from eventgraph.graph import bulk_csv, bulk_import, bulk_merge, bulk_tellings
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.model import Batch
from eventgraph.graph.neo4j_store import Neo4jStore

LIB = neo4j_server.ROOT / ".neo4j" / "lib"


def _server(home: Path) -> neo4j_server.PrivateServer:
    return neo4j_server.private_server(home, HEAP="1g", PAGECACHE="512m", JIT="full")


def _load() -> str:
    """The load average, printed beside each timed step."""
    text = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    print(text, flush=True)
    return text.rsplit("load average:", 1)[-1].split(",")[0].strip()


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the export's forks, the tool)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass
class Run:
    n: int
    rows: list[str] = field(default_factory=list)
    export: float = 0.0  # the export time of the files being imported
    best: tuple[float, Path, str, float] | None = None  # tool time, home, settings, export time

    def row(self, *cells: str) -> None:
        self.rows.append("| " + " | ".join(cells) + " |")


def _rss() -> str:
    """Peak resident memory of this process and of its largest finished child."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return f"peak RSS {me.ru_maxrss / 1e6:.2f} GB (a child {kids.ru_maxrss / 1e6:.2f} GB)"


def _export_jsonl(run: Run, jsonl: Path, files: Path, jobs: int, id_type: str) -> None:
    """What `eventgraph bulk-export` runs: JSONL read into tellings, merged and written."""
    load = _load()
    t, cpu = time.perf_counter(), _cpu()
    bulk_read.arrow_memory()
    read = bulk_tellings.Read()
    problems: list[str] = []
    bulk_read.read_file(jsonl, read, problems.append, problems.append, jobs=jobs)
    took_read = time.perf_counter() - t
    counts = bulk_merge.write(read, files, id_type=id_type)
    run.export, export_cpu = time.perf_counter() - t, _cpu() - cpu
    rels = sum(counts[f] for f in bulk_csv.RELATIONSHIP_FILES)
    size = sum(p.stat().st_size for p in files.glob("*.csv")) / 1e6
    rss = _rss()
    print(
        f"export from JSONL: {run.export:.1f} s (read {took_read:.1f} s: {read.fast} lines fast, "
        f"{read.exact} "
        f"line by line), CPU {export_cpu:.1f} s, {rels} rels, {rss}, {len(problems)} problems",
        flush=True,
    )
    run.row(
        f"export from JSONL ({jsonl.stat().st_size / 1e9:.2f} GB): read + merge + write {size:.0f} MB, "
        f"{jobs} reader process(es), {id_type} ids",
        f"{run.export:.1f} s (read {took_read:.1f} s)",
        f"{run.n / run.export:,.0f} events/s",
        f"{export_cpu:.1f} s",
        load,
        f"{counts['actors']:,} actors, {counts['articles']:,} articles, {rels:,} relationships; {rss}",
    )


def _import(run: Run, files: Path, work: Path, threads: str, off_heap: str) -> None:
    id_type = bulk_import.id_type(files)
    home = work / f"home-{id_type}-{threads}-{off_heap.replace('%', 'pc')}"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    settings = bulk_import.ImportSettings(
        threads=int(threads), max_off_heap_memory=None if off_heap == "default" else off_heap, heap="1g"
    )
    load = _load()
    t, cpu = time.perf_counter(), _cpu()
    bulk_import.run_import(files, home, lib=LIB, settings=settings)
    tool, tool_cpu = time.perf_counter() - t, _cpu() - cpu
    total = run.export + tool
    name = f"`--id-type={id_type} --threads={threads} --max-off-heap-memory={off_heap}`"
    print(f"import {name}: {tool:.1f} s, CPU {tool_cpu:.1f} s", flush=True)
    run.row(
        f"import {name}",
        f"{tool:.1f} s",
        f"tool alone {run.n / tool:,.0f} events/s; export + import **{run.n / total:,.0f}** events/s",
        f"{tool_cpu:.1f} s",
        load,
        f"end to end / tool alone = {total / tool:.2f}x",
    )
    if run.best is None or tool < run.best[0]:
        run.best = (tool, home, name, run.export)


def _first_connection(run: Run) -> None:
    assert run.best is not None
    server = _server(run.best[1])
    server.script("up")
    try:
        load = _load()
        t = time.perf_counter()
        store = Neo4jStore(server.uri, "neo4j", server.password, timeout=1800.0)
        ready = time.perf_counter() - t
        assert store.counts().events == run.n
        store.close()
    finally:
        server.script("down")
    print(f"first connection: {ready:.1f} s", flush=True)
    step = f"first connection after the import {run.best[2]}: schema.cypher, indexes online"
    run.row(step, f"{ready:.1f} s", "", "", load, "the graph is usable after it")


def _loader(run: Run, batch: Batch, work: Path) -> float:
    home = work / "home-load"
    shutil.rmtree(home, ignore_errors=True)
    server = _server(home)
    server.script("up")
    try:
        store = Neo4jStore(server.uri, "neo4j", server.password, timeout=600.0)
        load = _load()
        t = time.perf_counter()
        store.upsert(batch)
        took = time.perf_counter() - t
        store.close()
    finally:
        server.script("down")
    n = len(batch.events)
    print(f"UNWIND loader, {n} events: {took:.1f} s", flush=True)
    bulk = ""
    if run.best:
        bulk = f"bulk end to end {(run.n / (run.best[3] + run.best[0])) / (n / took):.1f}x its events/s"
    step = f"UNWIND loader (`eventgraph load`), {n:,} events"
    run.row(step, f"{took:.1f} s", f"{n / took:,.0f} events/s", "", load, bulk)
    return n / took


def _spark_writer(run: Run, batch: Batch, work: Path, loader_rate: float | None) -> None:
    """The Spark writer (`extract --engine spark --to-neo4j`'s write step, 2 executors) into a fresh
    private server, on the loader's events: the third way into Neo4j, in the same run."""
    from eventgraph.spark.job import spark_context
    from eventgraph.spark.neo4j_writer import Target, write_batch

    home = work / "home-spark"
    shutil.rmtree(home, ignore_errors=True)
    server = _server(home)
    server.script("up")
    sc = spark_context("local[2]")
    try:
        Neo4jStore(server.uri, "neo4j", server.password, timeout=600.0).close()  # schema, as the loader's
        load = _load()
        t = time.perf_counter()
        target = Target(server.uri, "neo4j", server.password, batch_size=2000)
        stats = write_batch(sc, batch, target, partitions=2)
        took = time.perf_counter() - t
    finally:
        sc.stop()
        server.script("down")
    n = len(batch.events)
    print(f"Spark writer, {n} events: {took:.1f} s", flush=True)
    note = f"{stats.transactions} transactions, {stats.retries} retries, {stats.deadlocks} deadlocks"
    if loader_rate:
        note += f"; x{(n / took) / loader_rate:.2f} the loader's events/s"
    step = f"Spark writer (`--to-neo4j`, `local[2]`, 2 partitions), {n:,} events"
    run.row(step, f"{took:.1f} s", f"{n / took:,.0f} events/s", "", load, note)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2, help="export processes")
    ap.add_argument(
        "--jsonl", type=Path, help="the events as JSONL (default: the generator's, written first)"
    )
    ap.add_argument("--id-types", default="integer", help="comma-separated id types to export and import")
    ap.add_argument("--threads", default="2", help="comma-separated --threads values to try")
    ap.add_argument("--off-heap", default="default", help="comma-separated --max-off-heap-memory values")
    ap.add_argument("--load-events", type=int, default=None, help="UNWIND loader on the first N events only")
    ap.add_argument("--no-load", action="store_true", help="skip the UNWIND loader and the Spark writer")
    ap.add_argument("--no-spark", action="store_true", help="skip the Spark writer")
    ap.add_argument("--no-start", action="store_true", help="skip starting the imported server")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="eventgraph-bulk-"))
    work.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    jsonl: Path = args.jsonl or work / "events.jsonl"
    batch = None
    if args.jsonl is None:
        batch = generate(args.events)
        with jsonl.open("w", encoding="utf-8") as fh:
            fh.writelines(line + "\n" for line in dumps_rows(batch))
        print(f"generated {args.events} events as JSONL in {time.perf_counter() - t:.1f} s", flush=True)
    run = Run(args.events)
    for id_type in args.id_types.split(","):
        files = work / f"files-{id_type}"
        _export_jsonl(run, jsonl, files, args.jobs, id_type)
        for threads in args.threads.split(","):
            for off_heap in args.off_heap.split(","):
                _import(run, files, work, threads, off_heap)
        if args.work is None:
            shutil.rmtree(files)
    if run.best and not args.no_start:
        _first_connection(run)
    if not args.no_load:
        if batch is None or (args.load_events and args.load_events < run.n):
            del batch
            batch = generate(args.load_events or run.n)  # the same generator's first events
        rate = _loader(run, batch, work)
        if not args.no_spark:
            _spark_writer(run, batch, work, rate)
    print(f"\n{run.n:,} synthetic events\n")
    print("| step | wall time | rate | CPU time | load average | note |\n|---|---|---|---|---|---|")
    print("\n".join(run.rows))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
