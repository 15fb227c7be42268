"""Paths between hub actors at scale: the paged search (graph.paths) against the search before
paging (bench/old_paths.py, kept here only), same queries, same run, on both stores.

    python -m bench.bench_paths --events 1000000 --rounds 40 --old-rounds 10 [--neo4j bolt://...]

Pairs: "hub" pairs among the 20 busiest actors, "busy" pairs among the 2,000 busiest (the
pairs bench_query draws). Cases: shortest (<= 3 hops, 5 paths) and time-ordered (<= 3 hops,
2019, 5 paths). Old and new answer the same first ``--old-rounds`` pairs of a case; their paths
are compared and mismatches counted.
"""

from __future__ import annotations

import argparse
import dataclasses
import fcntl
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import date
from typing import Any

from bench import old_paths
from bench.gen_synthetic import actor_ranks, generate
from bench.report import latency
from eventgraph.graph import deadline as deadlines
from eventgraph.graph import path_pages
from eventgraph.graph.deadline import Deadline
from eventgraph.graph.errors import QueryTimeout, StoreError
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Batch, DateInterval
from eventgraph.graph.paths import find_paths

YEAR = DateInterval(date(2019, 1, 1), date(2019, 12, 31), "range")
Search = Callable[..., list[Any]]


def _pairs(pool: list[str], n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        a, b = rng.choice(pool), rng.choice(pool)
        if a != b:
            out.append((a, b))
    return out


def _time(
    search: Search, store: Any, pairs: list[tuple[str, str]], cap: float = float("inf"), **args: Any
) -> tuple[list[float], list[Any]]:
    """Each pair's time and answer; a search still running after ``cap`` seconds is stopped (its
    time counts as ``cap``, its answer as None: not compared)."""
    samples, answers = [], []
    for a, b in pairs:
        started = time.perf_counter()
        try:
            with deadlines.bound(Deadline(cap)):
                found: list[Any] | None = search(store, a, b, **args)
        except (QueryTimeout, StoreError):
            found = None
        samples.append(time.perf_counter() - started)
        answers.append(None if found is None else [(p.actors, p.events) for p in found])
    return samples, answers


def _uptime() -> str:
    """The load average beside a timed row (the machine is shared)."""
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def _upsert_costs(batch: Batch) -> MemoryStore:
    """The embedded store loaded, with what keeping the hubs' path orders costs at upsert: the
    whole load, the orders built from scratch alone, and a batch of 1,000 events more."""
    store = MemoryStore()
    head, tail = dataclasses.replace(batch, events=batch.events[:-1000]), batch.events[-1000:]
    started = time.perf_counter()
    store.upsert(head)
    load = time.perf_counter() - started
    orders = path_pages.Orders()
    started = time.perf_counter()
    orders.update(
        ((None, frozenset(), *store._linked(store._events[e.id])) for e in head.events),
        store._actor_events.__getitem__,
        store._link_key,
    )
    built = time.perf_counter() - started
    started = time.perf_counter()
    store.upsert(dataclasses.replace(batch, events=tail))
    more = time.perf_counter() - started
    print(
        f"memory upsert of {len(head.events):,} events: {load:.1f} s, of which the path orders of "
        f"{len(orders.keys):,} actors over BIG links ({sum(map(len, orders.keys.values())):,} keys) "
        f"{built:.1f} s; then 1,000 events more: {more:.2f} s "
        f"({_uptime()})",
        flush=True,
    )
    return store


@contextmanager
def _locked(path: str) -> Iterator[None]:
    """Timed rows under the shared bench lock (flock, as `flock PATH cmd` takes it), at the priority
    the bench started with; the setup around them (generating, loading) runs niced (+10)."""
    base = os.getpriority(os.PRIO_PROCESS, 0)
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            os.setpriority(os.PRIO_PROCESS, 0, base - 10)
        except PermissionError:
            print("note: could not leave the setup's niceness: timed rows run niced", flush=True)
        try:
            yield
        finally:
            os.setpriority(os.PRIO_PROCESS, 0, max(base, os.getpriority(os.PRIO_PROCESS, 0)))
            fcntl.flock(lock, fcntl.LOCK_UN)


def run(
    store: Any,
    label: str,
    actors: list[str],
    rounds: int,
    old_rounds: int,
    warm_all: bool = False,
    old_cap: float = float("inf"),
) -> list[str]:
    """Table rows: case, new p50/p99, old p50/p99 on the first pairs, answers compared."""
    rows = []
    cases = {
        "shortest (<= 3 hops, 5)": {"max_hops": 3, "limit": 5},
        "time-ordered (<= 3 hops, 2019, 5)": {"max_hops": 3, "ordered": True, "window": YEAR, "limit": 5},
    }
    for pool_name, pool in (("hub pairs (top 20)", actors[:20]), ("busy pairs (top 2,000)", actors[:2000])):
        for case, args in cases.items():
            pairs = _pairs(pool, rounds, seed=len(pool))
            for pair in pairs if warm_all else pairs[:1]:  # warm: lazy indexes, query plans
                find_paths(store, *pair, **args)
            new, new_answers = _time(find_paths, store, pairs, **args)
            old, old_answers = _time(old_paths.find_paths, store, pairs[:old_rounds], old_cap, **args)
            same = sum(x == y for x, y in zip(new_answers, old_answers, strict=False))
            stopped = sum(x is None for x in old_answers)
            capped = f", {stopped} stopped at {old_cap:.0f} s" if stopped else ""
            before = f"{latency(old)} ({len(old)} pairs{capped})" if old else "not run"
            warm = " warm" if warm_all else ""
            row = (
                f"| {label}{warm}: {pool_name}, {case} | {latency(new)} ({len(new)} pairs) | "
                f"{before} | {same}/{len(old) - stopped} | {_uptime()} |"
            )
            print(row, flush=True)
            rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--old-rounds", type=int, default=10)
    parser.add_argument("--neo4j", default="", help="bolt URI of a server to load the events into")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument(
        "--old-cap", type=float, default=float("inf"), help="seconds the old search may take a pair"
    )
    parser.add_argument("--warm-all", action="store_true", help="each pair searched once before timing")
    parser.add_argument("--skip-load", action="store_true", help="the Neo4j server holds them already")
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        help="the generator's seed: with --skip-load, the one the server's events were made with "
        "(`python -m bench.gen_synthetic N` writes seed 0); other seeds name other org actors",
    )
    parser.add_argument(
        "--lock", help="a lock file: only the timed rows hold it (flock), the setup runs niced outside it"
    )
    opts = parser.parse_args()
    if opts.lock:
        os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0) + 10)
    timed = (lambda: _locked(opts.lock)) if opts.lock else nullcontext
    started = time.perf_counter()
    if opts.skip_memory and opts.skip_load:  # only the actors' ranks are needed, not the events
        batch, actors = None, actor_ranks(opts.events, seed=opts.seed)
    else:
        batch = generate(opts.events, seed=opts.seed)
        actors = [a.id for a in batch.actors]
    print(
        f"generated {opts.events:,} events (seed {opts.seed}) in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    print("| case | paged search p50 / p99 | search before paging p50 / p99 | same answers | uptime |")
    print("|---|---|---|---|---|")
    if batch is not None and not opts.skip_memory:
        store = _upsert_costs(batch)
        with timed():
            run(
                store,
                f"memory {opts.events:,}",
                actors,
                opts.rounds,
                opts.old_rounds,
                opts.warm_all,
                opts.old_cap,
            )
        del store
    if opts.neo4j:
        from eventgraph.graph.neo4j_store import Neo4jStore

        neo = Neo4jStore(opts.neo4j, "neo4j", os.environ.get("NEO4J_PASSWORD", "eventgraph"), timeout=600.0)
        if batch is not None and not opts.skip_load:
            neo.clear()  # a private or scratch server: its graph is replaced by the synthetic one
            started = time.perf_counter()
            neo.upsert(batch)
            print(f"loaded into Neo4j in {time.perf_counter() - started:.0f} s", flush=True)
        with timed():
            run(
                neo,
                f"neo4j {opts.events:,}",
                actors,
                opts.rounds,
                opts.old_rounds,
                opts.warm_all,
                opts.old_cap,
            )
        neo.close()


if __name__ == "__main__":
    main()
