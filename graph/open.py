"""Choose and open a store: the only place besides tests that names a backend.

Readers use ``open_store``: an embedded store must exist (a mistyped data folder is an error, not
an empty graph). Writers use ``open_writer``: it creates the store, holds the data folder's writer
lock for the whole run, and saves only when the run ends without an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventgraph.graph.errors import StoreError
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings

if TYPE_CHECKING:
    from eventgraph.graph.neo4j_store import Neo4jStore

STORE_FILE = "graph.jsonl"
LOCK_FILE = "graph.jsonl.lock"


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
    """``memory`` reads DATA_DIR/graph.jsonl (which must exist); ``neo4j`` connects (what is not
    given comes from the settings)."""
    if kind == "memory":
        from eventgraph.graph.memory import MemoryStore

        path = Path(data_dir) / STORE_FILE
        if not path.exists():
            raise StoreError(
                f"{data_dir} holds no store (no {STORE_FILE}): check --data / EVENTGRAPH_DATA, or "
                "create one with: eventgraph load EVENTS.jsonl"
            )
        return MemoryStore.open(path)
    if kind == "neo4j":
        return _neo4j(uri, user, password, database, timeout)
    raise ValueError(f"unknown store {kind!r}: use memory or neo4j")


@contextmanager
def open_writer(
    kind: str,
    *,
    data_dir: Path | str = "data",
    replace: bool = False,
    say: Callable[[str], None] | None = None,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    timeout: float = 10.0,
) -> Iterator[GraphStore]:
    """A store to load into. The embedded one is read after the writer lock is taken (so a
    concurrent load's events are never lost) and saved only if the block ends normally: an error
    leaves the file as it was. With ``replace`` the old file is not read at all, so a damaged or
    outdated one can be rebuilt (a Neo4j graph of an older format is usable again once cleared)."""
    if kind == "neo4j":
        from eventgraph.graph.neo4j_store import require_usable

        store = _neo4j(uri, user, password, database, timeout)
        try:
            if not replace:
                require_usable(store)  # merging into an older release's graph: refused up front
            yield store
        finally:
            store.close()
        return
    if kind != "memory":
        raise ValueError(f"unknown store {kind!r}: use memory or neo4j")
    from eventgraph.graph import persist
    from eventgraph.graph.lock import exclusive
    from eventgraph.graph.memory import MemoryStore

    path = Path(data_dir) / STORE_FILE
    with exclusive(Path(data_dir) / LOCK_FILE, say):
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a store file: move it away and load again")
        orphans = persist.remove_orphans(path)
        if orphans and say:
            say(f"note: removed {len(orphans)} temporary file(s) that an interrupted save left in {data_dir}")
        memory = MemoryStore(path) if replace else MemoryStore.open(path)
        yield memory
        memory.save()


def _neo4j(
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    timeout: float,
) -> Neo4jStore:
    from eventgraph.graph.neo4j_store import Neo4jStore

    configured = Settings()  # what is not given comes from the one configuration
    return Neo4jStore(
        uri or configured.neo4j_uri,
        user or configured.neo4j_user,
        password or configured.neo4j_password.get_secret_value(),
        database=database or configured.neo4j_database,
        timeout=timeout,
    )


def open_configured(settings: Settings) -> GraphStore:
    """The store the settings name, for reading (the CLI's readers and the API)."""
    return open_store(settings.store, data_dir=settings.data, **_connection(settings))


def writer_for(
    settings: Settings, *, replace: bool = False, say: Callable[[str], None] | None = None
) -> AbstractContextManager[GraphStore]:
    """The store the settings name, for one load (see ``open_writer``)."""
    return open_writer(
        settings.store, data_dir=settings.data, replace=replace, say=say, **_connection(settings)
    )


def _connection(settings: Settings) -> dict[str, Any]:
    return {
        "uri": settings.neo4j_uri,
        "user": settings.neo4j_user,
        "password": settings.neo4j_password.get_secret_value(),
        "database": settings.neo4j_database,
        "timeout": settings.query_timeout,
    }
