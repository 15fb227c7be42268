"""The store format versions both stores record, and the advice for a store an older release wrote.

STORE_VERSION is the embedded store's file format. Version 2: articles are keyed by a stable id (no
longer the file name), and the embedded store's file carries an event count and a checksum.

GRAPH_VERSION is the Neo4j graph's format (on its Meta node). Version 2 as above; version 3: event
types and actor kinds as labels (``:Event:RocketAttack``, ``:Actor:Person``), attributes as typed
properties instead of one JSON string, actor search terms in a full-text index, places with a
``point``. A graph of an older version cannot be merged into or served (Cypher alone cannot turn
its JSON attributes into properties): it is rebuilt from the articles.

LAYOUT is what the Neo4j graph's format adds within a version, which Cypher can migrate in place
(graph.neo4j_store runs the migrations at every start; the Meta node's layout marks them done): 2,
every event's span class (migrate_span_class); 3, every AGENT_OF / TARGETS link's path-search key
(actor, key, event: migrate_link_keys), which the link_key indexes order per actor.
"""

from __future__ import annotations

STORE_VERSION = 2
GRAPH_VERSION = 3
LAYOUT = 3
SPAN_CLASS_LAYOUT = 2  # the layout of migrate_span_class
REBUILD = "eventgraph extract ARTICLES... --out X.jsonl && eventgraph load X.jsonl --replace"


def outdated(what: str, found: object, current: int = STORE_VERSION) -> str:
    """The message for a store of another version than ``current``: what was found and how to rebuild it."""
    if isinstance(found, int) and found > current:
        return (
            f"{what} was written by a newer eventgraph (store format {found}; this one reads "
            f"{current}): upgrade eventgraph, or rebuild it: {REBUILD}"
        )
    return (
        f"{what} was written by an older eventgraph (store format {found or 1}; this one reads "
        f"{current}): rebuild it: {REBUILD}"
    )
