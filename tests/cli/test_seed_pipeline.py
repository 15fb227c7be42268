"""The whole path a user takes: extract the seed articles, load them into both stores, twice.

Runs the real spaCy model and the real Neo4j server that `make test` starts.
"""

from __future__ import annotations

import os
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventgraph.cli import main
from eventgraph.graph.open import open_store
from eventgraph.graph.store import Counts, GraphStore, TimelineFilter

ROOT = Path(__file__).resolve().parents[2]
NEO4J = {
    "uri": os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
    "user": os.environ.get("NEO4J_USER", "neo4j"),
    "password": os.environ.get("NEO4J_PASSWORD", "eventgraph"),
}

pytestmark = [pytest.mark.slow, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    result = CliRunner().invoke(
        main,
        [
            "extract",
            str(ROOT / "seeds"),
            "--manifest",
            str(ROOT / "seeds" / "manifest.json"),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def load(events: Path, store: str, data: Path, *extra: str) -> Counts:
    args = ["load", str(events), "--store", store, "--data", str(data), *extra]
    result = CliRunner().invoke(
        main,
        args,
        env={"NEO4J_URI": NEO4J["uri"], "NEO4J_USER": NEO4J["user"], "NEO4J_PASSWORD": NEO4J["password"]},
    )
    assert result.exit_code == 0, result.output
    with opened(store, data) as s:
        return s.counts()


@contextmanager
def opened(kind: str, data: Path) -> Iterator[GraphStore]:
    store = open_store(kind, data_dir=data, **NEO4J)
    try:
        yield store
    finally:
        store.close()


def test_loading_twice_changes_no_count_and_both_stores_agree(events: Path, tmp_path: Path) -> None:
    memory_first = load(events, "memory", tmp_path, "--replace")
    memory_again = load(events, "memory", tmp_path)
    neo4j_first = load(events, "neo4j", tmp_path, "--replace")
    neo4j_again = load(events, "neo4j", tmp_path)
    assert memory_first.events > 20 and memory_first.disputed >= 1
    assert memory_first == memory_again == neo4j_first == neo4j_again

    window = TimelineFilter(start=date(2019, 10, 28), end=date(2019, 12, 16))
    with opened("memory", tmp_path) as memory, opened("neo4j", tmp_path) as neo4j:
        on_memory = memory.timeline(window, limit=500)
        on_neo4j = neo4j.timeline(window, limit=500)
    assert on_memory.rows and on_memory == on_neo4j


def test_neo4j_browser_answers() -> None:
    port = os.environ.get("NEO4J_HTTP_PORT", "7474")
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/browser/", timeout=10) as response:
        assert response.status == 200
        assert "Neo4j Browser" in response.read().decode("utf-8", "replace")
