"""Executors write a batch into the real Neo4j server with the loader's own statements: the graph
is the one ``eventgraph load`` makes, a second write changes nothing, and the write counts its
retries and deadlocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventgraph.extract.ingest.manifest import load_manifest
from eventgraph.extract.pipeline.run import extract_paths
from eventgraph.graph.model import Batch
from eventgraph.graph.neo4j_store import Neo4jStore
from eventgraph.graph.store import TimelineFilter
from eventgraph.spark.neo4j_writer import Target, partition_events, write_batch
from tests.factories import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, small_batch

pytestmark = [pytest.mark.spark, pytest.mark.neo4j]
ROOT = Path(__file__).resolve().parents[2]


def _graph(store: Neo4jStore) -> tuple[Any, list[Any], Any]:
    page = store.timeline(TimelineFilter(), limit=1000)
    ids = [r.event.id for r in page.rows]
    return store.counts(), ids, store.events(ids)


def _seeds() -> Batch:
    manifest, _ = load_manifest(ROOT / "seeds" / "manifest.json")
    return extract_paths([ROOT / "seeds"], manifest)


@pytest.mark.slow
def test_spark_writer_makes_the_loaded_graph(sc: Any) -> None:
    batch = _seeds()
    store = Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, timeout=20.0)
    try:
        store.clear()
        store.upsert(batch)
        loaded = _graph(store)
        store.clear()
        target = Target(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, batch_size=7)
        stats = write_batch(sc, batch, target, partitions=2)
        assert stats.events == len(batch.events) > 50
        assert stats.transactions >= len(batch.events) // 7
        assert _graph(store) == loaded
        write_batch(sc, batch, target, partitions=2)  # idempotent
        assert _graph(store) == loaded
    finally:
        store.clear()
        store.close()


def test_one_hub_one_partition() -> None:
    events = small_batch().events
    parts = partition_events(events, 2)
    assert sorted(e.id for p in parts for e in p) == sorted(e.id for e in events)
    degree: dict[str, int] = {}
    for e in events:
        for a in {*e.agents, *e.targets}:
            degree[a] = degree.get(a, 0) + 1
    hub = max(degree, key=lambda a: (degree[a], a))
    holding = [
        n
        for n, p in enumerate(parts)
        if any(hub == min([*e.agents, *e.targets], key=lambda a: (-degree[a], a)) for e in p)
    ]
    assert len(holding) == 1
