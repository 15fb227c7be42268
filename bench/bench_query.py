"""Query latency of a store against a full scan of the embedded store's events.

The scan answers the same window as the store under test (same seeded windows,
interleaved with it) by touching every event: the cost the stores' indexes exist
to avoid. It returns ids only, so it is a generous baseline.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bench.gen_synthetic import DAYS, EPOCH
from bench.report import Figure, latency, ms, quantile
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Batch, DateInterval, Event
from eventgraph.graph.store import GraphStore, TimelineFilter

TARGET_P99 = 0.020
SCAN_EVERY = 5  # one scan sample per this many store samples keeps big scans affordable


@dataclass
class Case:
    name: str
    call: Callable[[random.Random], Any]
    window_days: int | None = None  # timeline cases: scanned for the baseline
    limit: int = 0


def scan(events: list[Event], start: date, end: date, limit: int) -> list[str]:
    """The window without an index: every event is looked at, the hits sorted."""
    hits = sorted(
        (e.date.start, e.date.end, e.id)
        for e in events
        if e.date and e.date.start <= end and e.date.end >= start
    )
    return [h[2] for h in hits[:limit]]


def _window(rng: random.Random, days: int) -> tuple[date, date]:
    start = EPOCH + timedelta(days=rng.randrange(DAYS - days))
    return start, start + timedelta(days=days)


def cases(store: GraphStore, batch: Batch) -> list[Case]:
    busy = [a.id for a in batch.actors[:2000]]
    names = [a.name.split()[0] for a in batch.actors[:500]]
    year = DateInterval(date(2019, 1, 1), date(2019, 12, 31), "range")

    def timeline(days: int, limit: int) -> Callable[[random.Random], Any]:
        return lambda rng: store.timeline(TimelineFilter(*_window(rng, days)), limit=limit)

    return [
        Case("timeline narrow (7 days, 50 rows)", timeline(7, 50), 7, 50),
        Case("timeline wide (365 days, 100 rows)", timeline(365, 100), 365, 100),
        Case("actor search (by name, 10)", lambda rng: store.actors(rng.choice(names), limit=10)),
        Case("actor detail (interactions)", lambda rng: store.actor(rng.choice(busy))),
        Case(
            "path shortest (<= 3 hops, 5)",
            lambda rng: store.path(rng.choice(busy), rng.choice(busy), max_hops=3, limit=5),
        ),
        Case(
            "path time-ordered (<= 3 hops, 2019)",
            lambda rng: store.path(
                rng.choice(busy), rng.choice(busy), max_hops=3, ordered=True, window=year, limit=5
            ),
        ),
    ]


def run(store: GraphStore, batch: Batch, *, rounds: int) -> list[Figure]:
    """p50/p99 per case; timeline cases against an interleaved scan of the same windows."""
    size = len(batch.events)
    in_process = isinstance(store, MemoryStore)  # its CPU time is the query's; Neo4j's is in the server
    out = []
    reference: list[float] = []  # narrow-window scans: the yardstick for cases without a window
    for case in cases(store, batch):
        case.call(random.Random(0))  # warm caches, lazy indexes and query plans
        n = rounds if case.window_days else max(10, rounds // 4)
        rng, scan_rng = random.Random(1), random.Random(1)
        samples: list[float] = []
        cpu: list[float] = []
        scans: list[float] = []
        for i in range(n):
            started, cpu_started = time.perf_counter(), time.process_time()
            case.call(rng)
            samples.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            if case.window_days and i % SCAN_EVERY == 0:
                start, end = _window(scan_rng, case.window_days)
                for _ in range(SCAN_EVERY - 1):
                    _window(scan_rng, case.window_days)  # keep the scan on the store's windows
                started = time.perf_counter()
                scan(batch.events, start, end, case.limit)
                scans.append(time.perf_counter() - started)
        if scans:
            reference = reference or scans
        base = scans or reference
        p99 = quantile(samples, 0.99)
        timeline = case.window_days is not None
        out.append(
            Figure(
                f"{store.kind} {size:,}: {case.name}",
                latency(samples) + (f" (CPU p99 {ms(quantile(cpu, 0.99))})" if in_process else ""),
                f"scan p50 {ms(statistics.median(base))}" + ("" if scans else " (7-day window)"),
                statistics.median(base) / statistics.median(samples),
                f"p99 < {TARGET_P99 * 1000:.0f} ms" if timeline else "",
                p99 < TARGET_P99 if timeline else None,
            )
        )
    return out


def memory_per_100k(batch: Batch) -> tuple[MemoryStore, float]:
    """A loaded embedded store and its traced bytes per 100k events, indexes built."""
    gc.collect()
    tracemalloc.start()
    try:
        store = MemoryStore()
        store.upsert(batch)
        store.timeline(TimelineFilter(), limit=1)  # builds the sorted-date index
        current, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return store, current / len(batch.events) * 100_000
