"""Throughput and p99 of ``/timeline`` under concurrent load, against ``/health`` on the same server.

The server is uvicorn in a subprocess on a free loopback port, so the load generator
(bare asyncio keep-alive connections, a fixed number of them) does not share its interpreter.
Load is bounded by time and by request count; any non-200 answer or transport error
counts as an error. Endpoints alternate in slices so machine drift hits both.

    python -m bench.bench_api serve --events 100000 --store memory --port 8123
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from bench.gen_synthetic import DAYS, EPOCH, generate
from bench.loadtest import free_port, wait_ready
from bench.report import Figure, latency

ROOT = Path(__file__).resolve().parent.parent
MAX_REQUESTS = 200_000  # per endpoint: the count bound beside the time bound
TARGET_ERRORS = 0


@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.times) / self.seconds if self.seconds else 0.0


def _timeline_params(rng: random.Random) -> dict[str, str]:
    start = EPOCH + timedelta(days=rng.randrange(DAYS - 60))
    return {"start": start.isoformat(), "end": (start + timedelta(days=60)).isoformat(), "limit": "50"}


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str) -> bool:
    """One keep-alive HTTP/1.1 GET, body read in full; True on a 200."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(
        (int(v) for k, _, v in (x.partition(":") for x in lines) if k.lower() == "content-length"), None
    )
    if length is None:
        raise ConnectionError("response without Content-Length")
    await reader.readexactly(length)
    return lines[0].split(" ", 2)[1] == "200"


async def _slice(port: int, path: str, clients: int, seconds: float, budget: int, tally: Tally) -> None:
    """``clients`` concurrent connections on one endpoint until the time or the request budget runs out.

    A bare asyncio client: with httpx the generator itself saturated a core at under 100 req/s.
    """
    deadline = time.perf_counter() + seconds
    left = [budget]

    async def client(seed: int) -> None:
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline and left[0] > 0:
                left[0] -= 1
                target = f"{path}?{urlencode(_timeline_params(rng))}" if path == "/timeline" else path
                started = time.perf_counter()
                try:
                    ok = await _get(reader, writer, target)
                except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                tally.times.append(time.perf_counter() - started)
                tally.errors += not ok
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(len(tally.times) + i) for i in range(clients)))
    tally.seconds += time.perf_counter() - started


async def _load(port: int, clients: int, seconds: float, slices: int) -> dict[str, Tally]:
    tallies = {"/health": Tally(), "/timeline": Tally()}
    for _ in range(slices):
        for path, tally in tallies.items():
            await _slice(port, path, clients, seconds / slices, MAX_REQUESTS // slices, tally)
    return tallies


def run(events: int, *, store: str = "memory", clients: int = 20, seconds: float = 10.0) -> list[Figure]:
    """Both endpoints loaded for ``seconds`` each, in alternating slices."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_api", "serve", "--events", str(events), "--store", store,
         "--port", str(port)],
        cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, proc, timeout=120 + events / 1000)
        tallies = asyncio.run(_load(port, clients, seconds, slices=2))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    health, tl = tallies["/health"], tallies["/timeline"]
    errors = health.errors + tl.errors
    return [
        Figure(
            f"{store} {events:,}: /timeline requests/s ({clients} clients, 60-day window, 50 rows)",
            f"{tl.rate:,.0f} req/s",
            f"{health.rate:,.0f} req/s (/health)",
            tl.rate / health.rate if health.rate else None,
            f"{TARGET_ERRORS} errors",
            errors == TARGET_ERRORS,
        ),
        Figure(
            f"{store} {events:,}: /timeline latency under load",
            latency(tl.times),
            latency(health.times) + " (/health)",
            statistics.median(health.times) / statistics.median(tl.times) if tl.times else None,
        ),
        Figure(
            f"{store} {events:,}: requests and errors",
            f"{len(tl.times):,} sent, {tl.errors} errors",
            f"{len(health.times):,} sent, {health.errors} errors",
            None,
            f"{TARGET_ERRORS} errors",
            errors == TARGET_ERRORS,
        ),
    ]


def serve(events: int, store_kind: str, port: int) -> None:
    """The server side: a store of synthetic events behind the real app, on loopback."""
    import uvicorn

    from eventgraph.api.app import create_app
    from eventgraph.graph.open import open_store
    from eventgraph.graph.store import GraphStore
    from eventgraph.settings import Settings

    batch = generate(events)
    store: GraphStore
    if store_kind == "memory":
        from eventgraph.graph.memory import MemoryStore

        store = MemoryStore()
    else:
        store = open_store("neo4j", timeout=60)
        store.clear()
    store.upsert(batch)
    app = create_app(store, Settings(query_timeout=30))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    srv = sub.add_parser("serve", help="run the server side (bench.run starts it)")
    srv.add_argument("--events", type=int, default=100_000)
    srv.add_argument("--store", choices=["memory", "neo4j"], default="memory")
    srv.add_argument("--port", type=int, required=True)
    args = ap.parse_args()
    serve(args.events, args.store, args.port)


if __name__ == "__main__":
    main()
