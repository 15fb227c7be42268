"""Bulk import (`eventgraph bulk-export` files + neo4j-admin) against the UNWIND loader, same run.

Both start from the same in-memory synthetic batch (bench/gen_synthetic.py), as bench_load does:

- bulk: merge + write the import files (graph.bulk_csv), then ``neo4j-admin database import full``
  into a private server's home (graph.bulk_import) for each tool setting tried; the first
  connection after the start (schema.cypher: constraints, indexes, then waiting for them online) is
  timed too, since an imported graph is not usable before it;
- UNWIND: ``Neo4jStore.upsert`` (what `eventgraph load` runs) into a fresh private server.

    .venv/bin/python -m bench.bench_bulk --events 1000000 --threads 2,1 --off-heap default,50%

Prints one markdown table for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench import neo4j_server
from bench.gen_synthetic import generate
from eventgraph.graph import bulk_csv, bulk_import
from eventgraph.graph.neo4j_store import Neo4jStore

LIB = neo4j_server.ROOT / ".neo4j" / "lib"


def _server(home: Path) -> neo4j_server.PrivateServer:
    return neo4j_server.private_server(home, HEAP="1g", PAGECACHE="512m", JIT="full")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--threads", default="2", help="comma-separated --threads values to try")
    ap.add_argument("--off-heap", default="default", help="comma-separated --max-off-heap-memory values")
    ap.add_argument("--no-load", action="store_true", help="skip the UNWIND loader")
    ap.add_argument("--no-start", action="store_true", help="skip starting the imported server")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="eventgraph-bulk-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list[str] = []

    t = time.perf_counter()
    batch = generate(args.events, seed=1)
    n = len(batch.events)
    print(f"generated {n} events in {time.perf_counter() - t:.1f} s", flush=True)

    files = work / "files"
    t, cpu = time.perf_counter(), time.process_time()
    graph = bulk_csv.BulkGraph()
    graph.add(batch)
    merged = time.perf_counter() - t
    counts = bulk_csv.write(graph, files)
    export, export_cpu = time.perf_counter() - t, time.process_time() - cpu
    rels = sum(counts[f] for f in bulk_csv.RELATIONSHIP_FILES)
    size = sum(p.stat().st_size for p in files.glob("*.csv")) / 1e6
    print(
        f"export: {export:.1f} s, CPU {export_cpu:.1f} s (merge {merged:.1f} s), {rels} rels, {size:.0f} MB",
        flush=True,
    )
    rows.append(
        f"| export (merge + write CSV) | {export:.1f} s (CPU {export_cpu:.1f} s) "
        f"| {n / export:,.0f} events/s "
        f"| {size:.0f} MB, {rels:,} relationships |"
    )

    best = None
    for threads in args.threads.split(","):
        for off_heap in args.off_heap.split(","):
            home = work / f"home-{threads}-{off_heap.replace('%', 'pc')}"
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir(parents=True)
            settings = bulk_import.ImportSettings(
                threads=int(threads),
                max_off_heap_memory=None if off_heap == "default" else off_heap,
                heap="1g",
            )
            t, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            bulk_import.run_import(files, home, lib=LIB, settings=settings)
            tool = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            tool_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            total = export + tool
            print(f"import --threads={threads} --max-off-heap-memory={off_heap}: {tool:.1f} s", flush=True)
            rows.append(
                f"| import `--threads={threads} --max-off-heap-memory={off_heap}` "
                f"| {tool:.1f} s (CPU {tool_cpu:.1f} s) "
                f"| tool alone {n / tool:,.0f} events/s; export + import {n / total:,.0f} events/s "
                f"| end to end / tool = {total / tool:.2f}x |"
            )
            if best is None or tool < best[0]:
                best = (tool, home)
    if best and not args.no_start:
        server = _server(best[1])
        server.script("up")
        try:
            t = time.perf_counter()
            store = Neo4jStore(server.uri, "neo4j", server.password, timeout=600.0)
            ready = time.perf_counter() - t
            assert store.counts().events == n
            store.close()
        finally:
            server.script("down")
        rows.append(
            f"| first connection after the import (schema.cypher, indexes online) | {ready:.1f} s | | |"
        )
    if not args.no_load:
        home = work / "home-load"
        shutil.rmtree(home, ignore_errors=True)
        server = _server(home)
        server.script("up")
        try:
            store = Neo4jStore(server.uri, "neo4j", server.password, timeout=600.0)
            t = time.perf_counter()
            store.upsert(batch)
            load = time.perf_counter() - t
            store.close()
        finally:
            server.script("down")
        print(f"UNWIND loader: {load:.1f} s", flush=True)
        ratio = f"bulk (best) {(load / (export + best[0])):.1f}x faster" if best else ""
        rows.append(
            f"| UNWIND loader (`eventgraph load`) | {load:.1f} s | {n / load:,.0f} events/s | {ratio} |"
        )
    print(f"\n{n:,} synthetic events\n\n| step | time | rate | note |\n|---|---|---|---|")
    print("\n".join(rows))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
