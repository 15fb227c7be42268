"""Neo4j load throughput of the real loader (what ``eventgraph load`` runs) against a naive one.

The naive loader sends one auto-commit MERGE per event (cypher/bench/naive_event.cypher),
the way a first attempt would; the real one sends batched ``UNWIND`` transactions.
Both start from a wiped database, so runs by other engineers in between cannot skew them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.report import Figure
from eventgraph.graph import cypher
from eventgraph.graph.errors import StoreError
from eventgraph.graph.model import Batch
from eventgraph.graph.neo4j_store import Neo4jStore

TARGET_RATE = 20_000
TARGET_SPEEDUP = 20.0


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


def wipe(store: Neo4jStore, attempts: int = 4) -> None:
    """Empty the database, retrying: other test runs share the server and its transaction memory pool."""
    for attempt in range(attempts):
        try:
            store.clear()
            return
        except StoreError:
            if attempt == attempts - 1:
                raise
            time.sleep(2.0 * (attempt + 1))


def naive_rate(store: Neo4jStore, batch: Batch, n: int) -> float:
    """Events/s of the naive loader on the first ``n`` events, its nodes loaded beforehand."""
    wipe(store)
    store.upsert(Batch(batch.articles, [], batch.actors, batch.places, batch.affiliations))
    return naive_load(store, batch, min(n, len(batch.events)))


def server_cpu(pid_file: Path | None) -> float | None:
    """CPU seconds used so far by the Neo4j JVM that scripts/neo4j.sh runs (None: not ours/local)."""
    try:
        pid = pid_file.read_text().strip() if pid_file else ""
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def real_rate(store: Neo4jStore, batch: Batch, pid_file: Path | None = None) -> tuple[float, float | None]:
    """Events/s of ``Neo4jStore.upsert`` into a wiped database, and the server's CPU seconds per
    event during it (what bounds the rate on a small machine); the data stays for the query bench."""
    wipe(store)
    cpu = server_cpu(pid_file)
    started = time.perf_counter()
    store.upsert(batch)
    rate = len(batch.events) / (time.perf_counter() - started)
    after = server_cpu(pid_file)
    return rate, (after - cpu) / len(batch.events) if cpu is not None and after is not None else None


def figure(store: Neo4jStore, size: int, rate: float, naive: float, naive_n: int) -> Figure:
    speedup = rate / naive
    return Figure(
        f"Neo4jStore.upsert, {size:,} events ({store.batch_size} per transaction, {store.writers} writers)",
        f"{rate:,.0f} events/s",
        f"{naive:,.0f} events/s (naive, first {naive_n:,})",
        speedup,
        f">= {TARGET_RATE:,} events/s and >= {TARGET_SPEEDUP:.0f}x",
        rate >= TARGET_RATE and speedup >= TARGET_SPEEDUP,
    )
