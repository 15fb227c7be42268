"""The benchmark entry point (`make bench`, `make bench-full`): runs every bench, writes RESULTS.md.

    python -m bench.run --quick            # < 5 minutes: 10k/100k events, 30k words
    python -m bench.run --full             # 10k/100k/1M events, 200k words, Neo4j API
    python -m bench.run --quick --only query api --no-neo4j

The Neo4j figures come from the bench's own server (scripts/neo4j.sh with the home
.neo4j-bench/ and free ports, started empty and stopped afterwards), so a dev server or a
test run on the machine is left alone; the database is wiped before every load.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench import bench_api, bench_extract, bench_limits, bench_load, bench_query
from bench.gen_synthetic import generate
from bench.neo4j_server import PrivateServer, private_server
from bench.report import Figure, Section, machine, versions, write
from eventgraph.graph.errors import StoreError
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Batch
from eventgraph.graph.neo4j_store import Neo4jStore

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
BENCH_HOME = ROOT / ".neo4j-bench"  # the bench's own Neo4j (bench.neo4j_server)
PARTS = ("extract", "load", "query", "api", "limits")


@dataclass(frozen=True)
class Plan:
    mode: str
    words: int
    extract_rounds: int
    sizes: tuple[int, ...]
    naive: int
    rounds: int
    memory_size: int
    api_events: int
    api_seconds: float
    api_stores: tuple[str, ...]
    heap: str
    pagecache: str


QUICK = Plan(
    "quick", 30_000, 1, (10_000, 100_000), 2_000, 60, 10_000, 100_000, 10.0, ("memory",), "2g", "1g"
)  # fmt: skip
FULL = Plan(
    "full", 200_000, 2, (10_000, 100_000, 1_000_000), 10_000, 200, 100_000,
    100_000, 30.0, ("memory", "neo4j"), "4g", "6g",
)  # fmt: skip

APPENDIX = """
## Profiles and fixes

Hot spots found with `py-spy record` (raw stacks, aggregated); before/after pairs were
measured in one process, interleaved, on the same windows, as CPU time (the machine had a
load average of 7-10 on 2 cores from other test runs, so wall times are several times CPU times).

- **Load generator, not the API, was the bottleneck.** With 20 httpx `AsyncClient` loops the
  server's event loop was busy 17% of the time while the client process was 92% busy, 88% of it
  in httpx/httpcore's connection pool (`current_async_library` import lookups per request).
  Fixed: a bare asyncio keep-alive HTTP/1.1 client (bench/bench_api.py). `/health` went from 49 to
  274 requests/s at 10k events on the same loaded machine, so the figures now describe the server.
- **Timeline windows walked a month of events before the window.** An overlap window started its
  index walk at window start minus the longest event interval in the store (30 days in the
  synthetic data), although 85% of events last one day, so a 7-day window at 100k events checked
  ~3,400 keys to return 50. Fixed in graph/memory.py: dated keys are split into interval-length
  classes (0, <=7, <=31, <=92, <=366, longer days), each walked from its own longest span and merged
  lazily in timeline order (same answers: asserted in the comparison, and tests/graph pass).
  At 100k events, CPU per query: 7-day p50 3.22 -> 1.59 ms, p99 4.09 -> 2.52 ms; 365-day
  p50 6.06 -> 3.63 ms, p99 8.23 -> 5.54 ms. The rest of a timeline call is building the rows
  (`dataclasses.replace` copies and networkx `in_edges` to count sources).
- **Fixed afterwards (measured the same way, CPU time, 100k events, old vs new store in one script):**
  (1) paths: the last hop is read from the target's own events and hop lists are prefetched in
  growing batches (graph/paths.py): 80 path queries 53.5 s -> 19.5 s, p50 537 -> 0.7 ms.
  (2) actor search: names prepared once at upsert with a 2/3-letter gram index (memory.py,
  actor_rank.py): p50/p99 29.5/84.0 -> 0.25/28 ms. (3) `counts()`: counters kept on upsert,
  14.2 -> 0.001 ms. (4) memory: networkx keeps actors and affiliations only, events are compact
  tuples: 421.9 -> 102.5 MiB per 100k events (tracemalloc). Busy-actor timeline p99 65.7 -> 1.8 ms
  (per-actor order maintained on upsert instead of rebuilt lazily).
- **Neo4j, earlier:** one statement writes a batch of events with their agents, targets and
  sources (two statements per 2,000-event transaction instead of five), and the timeline is one
  round trip: load at 10k 574 -> ~1,200 events/s, 7-day timeline p99 at 10k 272 -> 65 ms.
- **Neo4j timeline windows sorted the whole window.** PROFILE of a 365-day window (30k events):
  `Top` over all 9,253 events of the range, because an overlap window's range starts at window
  start minus the longest interval and the sort key (start, end, id) was not served by the index.
  Fixed: events carry their interval-length class (graph.window.SPAN_CLASSES, shared with the
  embedded store) and a composite index on (span_class, start); the query seeks each class from
  its own bound and sorts with span_class leading, which the planner serves from the index
  (`PartialTop`: 313 rows read instead of 9,253); 365-day window at 30k 70 -> 21 ms. Then the
  client: cProfile showed the driver's `Record.data()` walking every nested value (39% of client
  time) and its Date objects; rows are now shallow dicts with ISO date strings: 365-day window at
  100k p50 20.6 -> 12.1 ms, p99 40.2 -> 26.7 ms (same server, 100 windows, one after the other).
  Quick runs at 100k, before (dev server, C1 JIT) -> after (bench server, full JIT): 7-day p99
  39.5 -> 18.8 ms, 365-day p99 302 -> 27 ms.
- **Neo4j load: MERGE checks and commit work on the server.** jstack samples of the Bolt worker
  (36 runnable samples): ~55% in commit (applying records and 5 index updates per event), the
  rest in the statement, where PROFILE showed MERGE's `Expand(Into)` checks on busy articles and
  actors (62,946 db hits for 5,025 REPORTS links in one 2,000-event chunk). Fixed: (1) the chunk
  transaction first asks which of its ids exist; new events and their links are CREATEd
  (cypher/write_new_events.cypher), known ones MERGEd as before (1.0-1.1 -> 0.65 s per chunk);
  (2) two writer threads, chunks never sharing an event id (100k: 3,460 -> 5,166 events/s);
  (3) the bench runs its own server with the JVM's full JIT (the dev server runs C1 only, for
  fast test starts): server CPU 0.54 -> 0.24-0.27 ms per event. Quick run at 100k:
  1,928 -> 4,734 events/s (17x -> 53x the naive loader). **What bounds it:** the server's
  ~0.24 ms of CPU per event (a node, ~6 relationships, ~20 properties, 5 index entries) caps a
  2-core machine near 8k events/s even with a client that took no CPU (ours takes ~0.09 ms per
  event); the 20k events/s target needs more cores or an offline import (`neo4j-admin database
  import`), which cannot merge into a live graph.
- **Neo4j time-ordered paths fetched most of the graph.** Instrumented at 100k: 10 queries read
  427,779 incidence rows (39.8 s), mostly for the hop-distance bound, which fetched every event of
  every actor near the target. Fixed: the bound is computed in the server (cypher/neighbours.cypher
  returns only actor ids), incidences are filtered by the window there, dates sent as strings:
  10 queries 39.8 -> 11.8 s (same server); quick runs (C1 dev server -> full-JIT bench server)
  p50 2,859 -> 282 ms, p99 8,346 -> 1,512 ms.
- **Embedded actor detail walked every event of a hub.** At 1M events the busiest actor takes part
  in 287k events; `actor()` built the interaction list per call (p99 629 ms, top actor 2.6 s
  CPU). Fixed: actors in >= 256 events keep a tally per counterpart (count, first, last, types)
  updated on upsert and kept in count order; others are tallied per call by the same code.
  At 1M: p50/p99 1.70/629 -> 0.97/1.82 ms; top actor 2,566 -> 0.5 ms. Cost: upsert ~8% slower,
  105.8 -> 110.9 MiB per 100k events.
"""


def _bench_server(plan: Plan) -> PrivateServer:
    """The bench's own Neo4j: a new, empty store every run (wiped stores keep their grown files),
    the JVM's full JIT and memory for 1M events, as a server in service runs; the dev server's
    C1-only JIT and small page cache are for fast test starts."""
    server = private_server(BENCH_HOME, JIT="full", HEAP=plan.heap, PAGECACHE=plan.pagecache)
    server.script("reset")
    server.script("up")
    os.environ["NEO4J_URI"] = server.uri  # the API bench's server subprocess connects here too
    os.environ["NEO4J_PASSWORD"] = server.password
    return server


def _server_settings(plan: Plan) -> str:
    return f"bench's own server: empty store, full JIT, heap {plan.heap}, page cache {plan.pagecache}"


def _server_version(store: Neo4jStore) -> str:
    records, _, _ = store.driver.execute_query("CALL dbms.components()", database_=store.database)
    return ", ".join(f"{r['name']} {r['versions'][0]} {r['edition']}" for r in records)


def _store_benches(plan: Plan, parts: set[str], neo: Neo4jStore | None) -> list[Section]:
    load = Section("Loading into Neo4j: events/s of Neo4jStore.upsert vs one MERGE per event")
    query = Section("Queries: p50/p99 latency vs a full scan of the embedded store's events")
    memory = Section("Memory of the embedded store")
    naive: float | None = None
    for size in plan.sizes:
        print(f"== {size:,} events", flush=True)
        batch = generate(size)
        if "query" in parts:
            if size == plan.memory_size:
                store, per_100k = bench_query.memory_per_100k(batch)
                memory.add(
                    Figure(
                        f"MemoryStore, measured at {size:,} events (tracemalloc)",
                        f"{per_100k / 2**20:,.0f} MiB per 100k events",
                        "-",
                        None,
                    )
                )
            else:
                store = MemoryStore()
                store.upsert(batch)
            for figure in bench_query.run(store, batch, rounds=plan.rounds):
                query.add(figure)
            del store
            gc.collect()
        if neo is not None and ({"load", "query"} & parts):
            try:
                naive = _neo4j_size(plan, parts, neo, batch, naive, load, query)
            except StoreError as exc:
                load.notes.append(f"Neo4j at {size:,} events failed, figures left out: {exc}")
                print(f"  neo4j failed: {exc}", flush=True)
        del batch
        gc.collect()
    if neo is None:
        load.notes.append("Neo4j was not used (--no-neo4j, or the server was unavailable): no Neo4j figures.")
    load.notes.append(
        "The naive loader is cypher/bench/naive_event.cypher, one auto-commit statement per event with"
        " its articles, actors and places loaded beforehand (so it is timed on events and links only)."
    )
    query.notes.append(
        "Baseline: a full scan of the same events for the same seeded windows, interleaved with the"
        " store's samples (one scan per 5 queries); it returns ids only. Cases without a window are"
        " shown against the 7-day scan as a yardstick of 'touching every event once'."
    )
    return [s for s, part in ((load, "load"), (query, "query"), (memory, "query")) if part in parts]


def _neo4j_size(
    plan: Plan, parts: set[str], neo: Neo4jStore, batch: Batch, naive: float | None, load: Section,
    query: Section,
) -> float | None:  # fmt: skip
    """Naive baseline (first size only), the real load, then queries on what was loaded."""
    size = len(batch.events)
    if naive is None and "load" in parts:
        naive = bench_load.naive_rate(neo, batch, plan.naive)
    rate, cpu = bench_load.real_rate(neo, batch, BENCH_HOME / "run" / "neo4j.pid")
    if "load" in parts and naive is not None:
        load.add(bench_load.figure(neo, size, rate, naive, min(plan.naive, size)))
        if cpu is not None:
            cores = os.cpu_count() or 1
            load.notes.append(
                f"At {size:,} events the server used {cpu * 1000:.2f} ms of CPU per event (JVM process"
                f" time): on {cores} cores the server alone caps the load at ~{cores / cpu:,.0f} events/s."
            )
    if "query" in parts:
        for figure in bench_query.run(neo, batch, rounds=plan.rounds):
            query.add(figure)
    return naive


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--quick", action="store_const", const=QUICK, dest="plan")
    mode.add_argument("--full", action="store_const", const=FULL, dest="plan")
    ap.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS))
    ap.add_argument("--no-neo4j", action="store_true", help="skip everything that needs the server")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    plan: Plan = args.plan
    parts = set(args.only)
    started = time.time()
    env = machine()
    neo, server = None, None
    if not args.no_neo4j:
        try:
            server = _bench_server(plan)
            neo = Neo4jStore(server.uri, "neo4j", server.password, timeout=120.0)
        except (StoreError, subprocess.CalledProcessError) as exc:
            print(f"Neo4j unavailable, its figures are left out: {exc}", flush=True)
    extra = (
        [("Neo4j server", _server_version(neo)), ("Neo4j settings", _server_settings(plan))] if neo else []
    )
    try:
        sections = []
        if "extract" in parts:
            print("== extraction", flush=True)
            sections.append(bench_extract.run(plan.words, rounds=plan.extract_rounds))
        if {"load", "query"} & parts:
            sections += _store_benches(plan, parts, neo)
        if "api" in parts:
            print("== API", flush=True)
            api = Section("API: /timeline under concurrent load vs /health on the same server")
            for kind in plan.api_stores if neo else ("memory",):
                for figure in bench_api.run(plan.api_events, store=kind, seconds=plan.api_seconds):
                    api.add(figure)
            api.notes.append(
                f"uvicorn in a subprocess on 127.0.0.1, 20 concurrent httpx async clients in this process,"
                f" {plan.api_seconds:g} s per endpoint in 2 alternating slices, at most"
                f" {bench_api.MAX_REQUESTS:,} requests per endpoint; the load generator shares the 2 cores."
            )
            sections.append(api)
        if "limits" in parts:
            print("== speed limits once asserted in tests", flush=True)
            sections.append(bench_limits.run())
    finally:
        if neo is not None:
            neo.close()
        if server is not None:
            server.script("down")
    write(args.out, mode=plan.mode, started=started, env=env + versions(extra), sections=sections,
          appendix=APPENDIX)  # fmt: skip
    print(f"wrote {args.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
