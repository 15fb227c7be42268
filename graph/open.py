"""Choose and open a store: the only place besides tests that names a backend."""

from __future__ import annotations

import os
from pathlib import Path

from graph.store import GraphStore

STORE_FILE = "graph.jsonl"


def open_store(
    kind: str,
    *,
    data_dir: Path | str = "data",
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    timeout: float = 10.0,
) -> GraphStore:
    """``memory`` persists to DATA_DIR/graph.jsonl; ``neo4j`` connects (NEO4J_* environment as defaults)."""
    if kind == "memory":
        from graph.memory import MemoryStore

        return MemoryStore.open(Path(data_dir) / STORE_FILE)
    if kind == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(
            uri or os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
            user or os.environ.get("NEO4J_USER", "neo4j"),
            password or os.environ.get("NEO4J_PASSWORD", "eventgraph"),
            database=database,
            timeout=timeout,
        )
    raise ValueError(f"unknown store {kind!r}: use memory or neo4j")
