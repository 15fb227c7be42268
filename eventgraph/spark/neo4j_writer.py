"""Spark partitions written into Neo4j through the official driver, with the very statements and
transaction steps of ``eventgraph load`` (graph.neo4j_store: its node rows and its event chunk).

Hub actors are where concurrent writers meet: every event linked to an actor locks that actor's
node. So the actors (and every other node) are written first, in one pass from the driver, sorted
by id; then each event goes to the partition of its busiest actor, so the events of one hub are
written by one executor, and each partition's events run in (hub, id) order. A transaction that
still meets a deadlock or another transient error is retried by ``session.execute_write``; the
retries and deadlocks are counted and returned.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import Neo4jError

from eventgraph.graph.model import Batch, Event
from eventgraph.graph.neo4j_store import Neo4jStore, event_chunks, node_writes, require_usable, write_chunk

DEADLOCK = "Neo.TransientError.Transaction.DeadlockDetected"


@dataclass(frozen=True)
class Target:
    """Where the executors write (picklable: each partition opens its own driver)."""

    uri: str
    user: str
    password: str
    database: str | None = None
    batch_size: int = 500  # events a transaction


@dataclass
class WriteStats:
    events: int = 0
    transactions: int = 0
    retries: int = 0  # attempts beyond the first, over all transactions
    deadlocks: int = 0

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(
            *(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other), strict=True))
        )


def hub_of(event: Event, degree: Counter[str]) -> str:
    """The event's busiest actor (ties by id), or its id when it has none."""
    actors = [*event.agents, *event.targets]
    return min(actors, key=lambda a: (-degree[a], a)) if actors else event.id


def partition_events(events: list[Event], partitions: int) -> list[list[Event]]:
    """Events grouped so one hub's events share a partition, each in (hub, id) order."""
    degree = Counter(a for e in events for a in {*e.agents, *e.targets})
    out: list[list[tuple[str, Event]]] = [[] for _ in range(partitions)]
    for e in events:
        hub = hub_of(e, degree)
        out[zlib.crc32(hub.encode()) % partitions].append((hub, e))
    return [[e for _, e in sorted(p, key=lambda he: (he[0], he[1].id))] for p in out]


def write_partition(target: Target, events: list[Event]) -> WriteStats:
    """One partition's events, a managed write transaction per chunk (retried on transient errors)."""
    stats = WriteStats()
    driver = GraphDatabase.driver(target.uri, auth=(target.user, target.password))
    try:
        with driver.session(database=target.database) as session:
            for chunk in event_chunks(events, target.batch_size):
                attempts = 0

                def work(tx: ManagedTransaction, chunk: list[Event] = chunk) -> None:
                    nonlocal attempts
                    attempts += 1
                    try:
                        write_chunk(tx, chunk)
                    except Neo4jError as exc:
                        if exc.code == DEADLOCK:
                            stats.deadlocks += 1
                        raise

                session.execute_write(work)
                stats.events += len(chunk)
                stats.transactions += 1
                stats.retries += attempts - 1
    finally:
        driver.close()
    return stats


def write_batch(sc: Any, batch: Batch, target: Target, partitions: int = 2) -> WriteStats:
    """Nodes from the driver (each kind sorted by id, one pass), then events from ``partitions``
    Spark tasks, then the store's meta, as ``Neo4jStore.upsert`` does."""
    store = Neo4jStore(target.uri, target.user, target.password, database=target.database)
    try:
        require_usable(store)
        for name, param, rows in node_writes(batch):
            ordered = sorted(rows, key=lambda r: r["id"] if isinstance(r, dict) and "id" in r else str(r))
            for i in range(0, len(ordered), store.node_batch_size):
                store.write_steps([(name, {param: ordered[i : i + store.node_batch_size]})])
        parts = partition_events(batch.events, partitions)
        results = (
            sc.parallelize(parts, numSlices=partitions).map(lambda p: write_partition(target, p)).collect()
        )
        spans = [(e.date.end - e.date.start).days for e in batch.events if e.date]
        store.write_steps([("write_meta", {"span": max(spans, default=0)})])
    finally:
        store.close()
    return sum(results, WriteStats())


def stats_lines(stats: WriteStats) -> Iterator[str]:
    yield f"{stats.events} events in {stats.transactions} transactions"
    yield f"{stats.retries} retries, {stats.deadlocks} deadlocks"
