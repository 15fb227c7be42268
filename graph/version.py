"""The store format version both stores record, and the advice for a store an older release wrote.

Version 2: articles are keyed by a stable id (no longer the file name), and the embedded store's
file carries an event count and a checksum. A store of an older version cannot be merged into or
served (its article ids would not match new loads): it is rebuilt from the articles.
"""

from __future__ import annotations

STORE_VERSION = 2
REBUILD = "eventgraph extract ARTICLES... --out X.jsonl && eventgraph load X.jsonl --replace"


def outdated(what: str, found: object) -> str:
    """The message for a store of another version: what was found and how to rebuild it."""
    if isinstance(found, int) and found > STORE_VERSION:
        return (
            f"{what} was written by a newer eventgraph (store format {found}; this one reads "
            f"{STORE_VERSION}): upgrade eventgraph, or rebuild it: {REBUILD}"
        )
    return (
        f"{what} was written by an older eventgraph (store format {found or 1}; this one reads "
        f"{STORE_VERSION}): rebuild it: {REBUILD}"
    )
