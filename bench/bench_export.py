"""Export throughput: events/s of each format over a synthetic store, against the timeline pages alone.

The baseline is reading the same pages (``GraphStore.timeline`` + ``events``) without writing a
format, so the figure shows what each writer adds. Also the peak Python memory (tracemalloc) of
the whole run: row formats stay flat, the network formats hold the graph.

    python -m bench.bench_export 20000 [--neo4j]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from bench.gen_synthetic import generate
from eventgraph.graph.exports import FORMATS, Selection, export_text
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.store import GraphStore, TimelineFilter


def _once(store: GraphStore, name: str | None) -> tuple[int, int]:
    """(events, bytes written) for one format, or the pages alone (None)."""
    selection = Selection(store, TimelineFilter())
    size = 0
    if name is None:
        for _ in selection.pages():
            pass
    else:
        for chunk in export_text(selection, FORMATS[name]):
            size += len(chunk.encode())
    return selection.exported, size


def _run(store: GraphStore, name: str | None) -> tuple[int, float, float, int]:
    """(events, seconds, peak MiB, bytes): timed bare, then once more under tracemalloc for the peak
    (which slows Python several times over)."""
    started = time.perf_counter()
    n, size = _once(store, name)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    _once(store, name)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return n, seconds, peak, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("events", type=int)
    parser.add_argument("--neo4j", action="store_true", help="export from the Neo4j of NEO4J_URI")
    args = parser.parse_args()
    batch = generate(args.events)
    if args.neo4j:
        from tests.factories import neo4j_store

        store: GraphStore = neo4j_store()
        store.clear()
    else:
        store = MemoryStore()
    store.upsert(batch)
    print("| store | format | events | seconds | events/s | peak MiB | output MB |")
    print("|---|---|---|---|---|---|---|")
    for name in [None, *FORMATS]:
        n, seconds, peak, size = _run(store, name)
        label = name or "pages only (baseline)"
        out = f"{size / 1e6:.1f}" if name else "–"
        print(f"| {store.kind} | {label} | {n} | {seconds:.2f} | {n / seconds:,.0f} | {peak:.0f} | {out} |")
    store.close()


if __name__ == "__main__":
    main()
