"""A bounded load test of the API on loopback: N concurrent clients for a fixed time, per store.

    python -m bench.loadtest                      # both stores, 30 s, 20 clients
    python -m bench.loadtest --store memory --duration 5 --clients 10

Each store gets a synthetic graph, then `eventgraph serve` runs in a uvicorn subprocess on a
free 127.0.0.1 port and the clients send a mix of every read route with valid parameters, so
any answer but 200 is an error. Traffic goes only to loopback and stops by itself (time and
request caps); the server is stopped afterwards. Prints requests/s, latency and errors per store;
exits non-zero when any request failed. The Neo4j store is the server at NEO4J_URI; the synthetic
events are merged into what it holds (nothing is deleted).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx

from bench.gen_synthetic import DAYS, EPOCH, generate
from eventgraph.graph.model import Batch
from eventgraph.graph.open import STORE_FILE, open_writer

STORES = ("memory", "neo4j")
Request = tuple[str, dict[str, str]]


@dataclass
class Result:
    store: str
    seconds: float
    clients: int
    requests: int = 0
    errors: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    first_errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        q = statistics.quantiles(self.latencies_ms, n=100) if len(self.latencies_ms) > 1 else [0.0] * 99
        return {
            "store": self.store,
            "clients": self.clients,
            "seconds": round(self.seconds, 2),
            "requests": self.requests,
            "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "errors": self.errors,
            "p50_ms": round(q[49], 1),
            "p95_ms": round(q[94], 1),
            "statuses": dict(self.statuses),
            "first_errors": self.first_errors,
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request_mix(batch: Batch) -> Callable[[random.Random], Request]:
    """A random valid request over every read route, weighted towards the timeline."""
    actors = batch.actors
    hubs = [a.id for a in actors[:50]]  # the generator's busiest actors
    events = [e.id for e in batch.events]

    def window(rng: random.Random) -> dict[str, str]:
        start = EPOCH + timedelta(days=rng.randrange(DAYS - 60))
        return {"start": start.isoformat(), "end": (start + timedelta(days=60)).isoformat(), "limit": "50"}

    routes: list[tuple[int, Callable[[random.Random], Request]]] = [
        (4, lambda r: ("/timeline", window(r))),
        (2, lambda r: ("/timeline", {**window(r), "actor": r.choice(hubs)})),
        (1, lambda r: ("/timeline/vis", window(r))),
        (2, lambda r: ("/actors", {"q": r.choice(actors).name.split()[0], "limit": "10"})),
        (1, lambda r: (f"/actors/{r.choice(hubs)}", {})),
        (2, lambda r: (f"/events/{r.choice(events)}", {})),
        # Two hops: a three-hop search between two hubs can pass the 30 s limit on a busy Neo4j (504).
        (1, lambda r: ("/path", {"from": r.choice(hubs), "to": r.choice(actors).id, "max_hops": "2"})),
        (1, lambda r: ("/places", {})),
        (1, lambda r: ("/health", {})),
    ]
    makers = [fn for _, fn in routes]
    weights = [w for w, _ in routes]

    def pick(rng: random.Random) -> Request:
        return rng.choices(makers, weights)[0](rng)

    return pick


def prepare(store: str, batch: Batch, data: Path) -> None:
    """Put the synthetic graph where `eventgraph serve --store STORE --data DATA` will find it."""
    with open_writer(store, data_dir=data, timeout=60) as opened:  # the embedded store is saved here
        opened.upsert(batch)


def serve(store: str, data: Path, port: int) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "eventgraph.cli", "serve", "--store", store, "--data", str(data)]
    return subprocess.Popen(
        [*args, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"EVENTGRAPH_QUERY_TIMEOUT": "30"},
    )


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the API server exited with status {server.returncode} during start-up")
        try:
            if httpx.get(f"{base}/health", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the API at {base} did not answer within {timeout:g} s")


async def drive(
    base: str, pick: Callable[[random.Random], Request], result: Result, duration: float, max_requests: int
) -> None:
    """``result.clients`` workers, each sending one request at a time until time or the cap runs out."""
    deadline = time.monotonic() + duration
    limits = httpx.Limits(max_connections=result.clients, max_keepalive_connections=result.clients)

    async def worker(n: int, client: httpx.AsyncClient) -> None:
        rng = random.Random(n)
        while time.monotonic() < deadline and result.requests < max_requests:
            url, params = pick(rng)
            started = time.perf_counter()
            try:
                response = await client.get(url, params=params)
                status = str(response.status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.requests += 1
            result.statuses[status] += 1
            if status != "200":
                result.errors += 1
                if len(result.first_errors) < 5:
                    result.first_errors.append(f"{status} {url} {params}")

    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as client:
        started = time.monotonic()
        await asyncio.gather(*(worker(n, client) for n in range(result.clients)))
        result.seconds = time.monotonic() - started


def run(store: str, *, duration: float, clients: int, events: int, max_requests: int) -> Result:
    """Load test one store: prepare its graph, serve it in a subprocess, drive it, stop it."""
    batch = generate(events, seed=1)
    with tempfile.TemporaryDirectory(prefix="eventgraph-loadtest-") as tmp:
        data = Path(tmp)
        prepare(store, batch, data)
        if store == "memory":
            assert (data / STORE_FILE).exists()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = serve(store, data, port)
        try:
            wait_ready(base, server)
            result = Result(store, 0.0, clients)
            asyncio.run(drive(base, request_mix(batch), result, duration, max_requests))
            return result
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", choices=[*STORES, "both"], default="both")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of traffic per store")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients")
    ap.add_argument("--events", type=int, default=5000, help="synthetic events in the graph")
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    ap.add_argument("--json", action="store_true", help="one JSON object per store instead of text")
    args = ap.parse_args(argv)

    errors = 0
    for store in STORES if args.store == "both" else (args.store,):
        result = run(
            store,
            duration=args.duration,
            clients=args.clients,
            events=args.events,
            max_requests=args.max_requests,
        )
        s = result.summary()
        errors += result.errors
        if args.json:
            print(json.dumps(s), flush=True)
        else:
            print(
                f"{store:6s} {s['clients']} clients, {s['seconds']} s: {s['requests']} requests, "
                f"{s['requests_per_s']} req/s, p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, "
                f"errors {s['errors']} {s['first_errors'] or ''}",
                flush=True,
            )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
