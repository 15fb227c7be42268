"""p50/p99 latency of /timeline and /path over loopback HTTP, on a store of synthetic events.

    python -m bench.api_latency --events 100000 --store memory --requests 300

The app runs in uvicorn on a free port in this process; requests are sequential
so the numbers are per-request latency, not throughput.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import threading
import time
from collections.abc import Callable
from datetime import timedelta

import httpx
import uvicorn

from bench.gen_synthetic import DAYS, EPOCH, generate
from eventgraph.api.app import create_app
from eventgraph.graph.open import open_store
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _measure(
    client: httpx.Client, n: int, params: Callable[[random.Random], tuple[str, dict[str, str]]]
) -> str:
    rng = random.Random(1)
    times = []
    codes: dict[int, int] = {}
    for _ in range(n):
        url, query = params(rng)
        started = time.perf_counter()
        response = client.get(url, params=query)
        times.append((time.perf_counter() - started) * 1000)
        codes[response.status_code] = codes.get(response.status_code, 0) + 1
    q = statistics.quantiles(times, n=100, method="inclusive")
    return f"p50 {q[49]:.1f} ms  p99 {q[98]:.1f} ms  max {max(times):.1f} ms  statuses {codes}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--store", choices=["memory", "neo4j"], default="memory")
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()

    batch = generate(args.events)
    store: GraphStore
    if args.store == "memory":
        from eventgraph.graph.memory import MemoryStore

        store = MemoryStore()
    else:
        store = open_store("neo4j", timeout=60)
        store.clear()
    started = time.perf_counter()
    store.upsert(batch)
    print(f"{args.store}: loaded {args.events} events in {time.perf_counter() - started:.1f} s")
    actors = [a.id for a in batch.actors]
    hubs = actors[:50]  # the generator's most frequent actors

    def window(rng: random.Random) -> tuple[str, dict[str, str]]:
        start = EPOCH + timedelta(days=rng.randrange(DAYS - 60))
        return "/timeline", {"start": start.isoformat(), "end": (start + timedelta(days=60)).isoformat()}

    def actor_window(rng: random.Random) -> tuple[str, dict[str, str]]:
        url, query = window(rng)
        return url, {**query, "actor": rng.choice(hubs)}

    def in_words(rng: random.Random) -> tuple[str, dict[str, str]]:
        return "/timeline", {"q": rng.choice(["between Oct 28 and Dec 16", "between Mar 1 and Apr 15"])}

    def path(rng: random.Random) -> tuple[str, dict[str, str]]:
        return "/path", {"from": rng.choice(actors), "to": rng.choice(actors), "max_hops": "4"}

    def ordered_path(rng: random.Random) -> tuple[str, dict[str, str]]:
        return "/path", {"from": rng.choice(hubs), "to": rng.choice(actors), "ordered": "true"}

    port = _port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store, Settings(query_timeout=30)), port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, fn in [
                ("/timeline 60-day window, 100 rows", window),
                ("/timeline 60-day window + hub actor", actor_window),
                ("/timeline q= year-less (year chosen)", in_words),
                ("/path random pair, max_hops=4", path),
                ("/path hub -> random, ordered=true", ordered_path),
            ]:
                print(f"{name:40s} {_measure(client, args.requests, fn)}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


if __name__ == "__main__":
    main()
