"""Load throughput and query latency of both stores on synthetic graphs (issue 6).

    python -m bench.bench_store --sizes 10000 100000 --stores memory neo4j

Loading: events/s of the batched loader into Neo4j vs a naive one-statement-per-event
loader on the first events. Queries: p50/p99 of timeline windows, actor search and
paths on each store, and a full scan of the embedded store as the baseline for windows.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from bench.gen_synthetic import EPOCH, generate
from graph import cypher
from graph.memory import MemoryStore
from graph.model import Batch, DateInterval
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore, TimelineFilter


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):7.2f} ms  p99 {p99:7.2f} ms  (n={len(ms)})"


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def naive_load(store: Neo4jStore, batch: Batch, n: int) -> float:
    """Events/s of one auto-commit MERGE statement per event (nodes loaded beforehand)."""
    text = cypher.load("bench/naive_event")
    t = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        for e in batch.events[:n]:
            when = e.date
            sources = [
                {"doc": s.doc, "sentence": s.sentence, "char_start": s.char_start, "char_end": s.char_end}
                for s in e.sources
            ]
            params = {
                "id": e.id,
                "type": e.type,
                "start": when.start if when else None,
                "end": when.end if when else None,
                "precision": when.precision if when else None,
                "summary": e.summary,
                "confidence": e.confidence,
                "disputed": e.disputed,
                "agents": e.agents,
                "targets": e.targets,
                "sources": sources,
            }
            session.run(text, params).consume()
    return n / (time.perf_counter() - t)


def queries(store: GraphStore, batch: Batch, rounds: int) -> None:
    rng = random.Random(42)

    def window(days: int) -> TimelineFilter:
        start = EPOCH + timedelta(days=rng.randrange(3 * 365 - days))
        return TimelineFilter(start, start + timedelta(days=days))

    busy = [a.id for a in batch.actors[:50]]
    names = [a.name.split()[0] for a in batch.actors[:500]]
    pairs = [(rng.choice(batch.actors[:2000]).id, rng.choice(batch.actors[:2000]).id) for _ in range(rounds)]
    it = itertools.cycle(pairs)
    win = DateInterval(date(2019, 1, 1), date(2019, 12, 31))
    cases: list[tuple[str, Callable[[], Any], int]] = [
        ("timeline narrow (7 d, 50)", lambda: store.timeline(window(7), limit=50), rounds * 5),
        ("timeline wide (365 d, 100)", lambda: store.timeline(window(365), limit=100), rounds * 5),
        (
            "timeline actor filter",
            lambda: store.timeline(TimelineFilter(actor=rng.choice(busy)), limit=50),
            rounds * 2,
        ),
        ("actor search", lambda: store.actors(rng.choice(names), limit=10), rounds * 2),
        ("path shortest (<=3 hops)", lambda: store.path(*next(it), max_hops=3, limit=5), rounds),
        (
            "path time-ordered (<=3, 2019)",
            lambda: store.path(*next(it), max_hops=3, ordered=True, window=win, limit=5),
            rounds,
        ),
    ]
    for label, fn, n in cases:
        fn()  # warm caches and query plans
        print(f"  {store.kind:6} {label:32} {percentiles(timed(fn, n))}")


def full_scan(batch: Batch, rounds: int) -> None:
    rng = random.Random(42)

    def scan() -> list[str]:
        start = EPOCH + timedelta(days=rng.randrange(3 * 365 - 7))
        end = start + timedelta(days=7)
        hits = sorted(
            (e.date.start, e.date.end, e.id)
            for e in batch.events
            if e.date and e.date.start <= end and e.date.end >= start
        )
        return [h[2] for h in hits[:50]]

    print(f"  scan   {'timeline narrow, full scan':32} {percentiles(timed(scan, rounds))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--stores", nargs="+", default=["memory", "neo4j"])
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--naive", type=int, default=2000, help="events for the naive loader baseline")
    args = ap.parse_args()
    for size in args.sizes:
        batch = generate(size)
        print(
            f"== {size} events, {len(batch.actors)} actors, {len(batch.places)} places,"
            f" {len(batch.articles)} articles"
        )
        for kind in args.stores:
            store: GraphStore
            if kind == "memory":
                store = MemoryStore()
                t = time.perf_counter()
                store.upsert(batch)
                print(f"  memory load {size / (time.perf_counter() - t):10.0f} events/s")
                full_scan(batch, args.rounds)
            else:
                neo = Neo4jStore(timeout=60.0, batch_size=2000)
                neo.clear()
                t = time.perf_counter()
                neo.upsert(batch)
                rate = size / (time.perf_counter() - t)
                print(f"  neo4j  load {rate:10.0f} events/s (batched UNWIND, 2000 per transaction)")
                if args.naive:
                    neo.clear()
                    neo.upsert(Batch(batch.articles, [], batch.actors, batch.places, batch.affiliations))
                    naive = naive_load(neo, batch, min(args.naive, size))
                    print(
                        f"  neo4j  naive {naive:9.0f} events/s (one statement per event)"
                        f" -> batched is x{rate / naive:.1f}"
                    )
                    neo.clear()
                    neo.upsert(batch)
                store = neo
            queries(store, batch, args.rounds)
            store.close()


if __name__ == "__main__":
    main()
