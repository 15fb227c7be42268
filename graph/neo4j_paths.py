"""The Neo4j store's side of paging hub links for graph.paths (``Paged``, ``Shared``): link counts
from the relationship counts, and pages of an actor's links in search order, keyset-paged on
(key, event id) over the link_key indexes.

Every AGENT_OF and TARGETS relationship carries the actor's id, the event's start (its ``key``:
9999-12-31, date.max, when undated, so undated links sort last as graph.paths orders them) and the
event's id, indexed together (cypher/schema.cypher): an actor's links in search order are one index
range, so a page of ``limit`` costs about ``limit`` index entries whatever the actor's size
(path_links_page). The links two hubs share are the smaller one's range with each event checked
against the other (path_links_between): a page costs about ``limit`` x (its links / the shared
ones), at most its links, where reading the events' start index or either hub's relationships cost
tens of thousands of reads between two mid-size hubs sharing few events (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from eventgraph.graph.model import DateInterval
from eventgraph.graph.path_pages import Seek, seek
from eventgraph.graph.paths import Incidence, affiliation

Row = dict[str, Any]
REST = 4  # an actor with at most REST x limit links sends them all on its first page: one round trip
UNDATED = date.max  # the key of an undated event's links (graph.paths sorts them last)


class PathPages:
    """Mixed into Neo4jStore, whose ``read`` runs a cypher/ file with parameters."""

    _links: dict[str, int]  # actor -> its links when last counted (a stale count only changes how
    # many rows a page asks for, never the answer: Neo4jStore sets it empty)

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        raise NotImplementedError

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        """Relationship counts per actor, an upper bound on its links (graph.paths.Paged)."""
        rows = self.read("path_link_counts", ids=list(actor_ids))
        self._links.update((r["id"], r["links"]) for r in rows)
        return {r["id"]: r["links"] for r in rows}

    def incidences_page(
        self,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """A page of the actor's links in search order (graph.paths.Paged) from the link_key
        indexes; an actor of few links sends the rest at once."""
        return self._page("path_links_page", actor_id, after, self._limit(actor_id, limit), window, dated)

    def links_between(
        self,
        actor_id: str,
        other_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """A page of the links two actors share (graph.paths.Shared), walked along the one with
        fewer links (fewer entries read for the same shared links)."""
        if self._links.get(actor_id, 0) > self._links.get(other_id, 0):
            actor_id, other_id = other_id, actor_id
        limit = self._limit(actor_id, limit)
        return self._page("path_links_between", actor_id, after, limit, window, dated, other=other_id)

    def _limit(self, actor_id: str, limit: int) -> int:
        return 1 << 62 if self._links.get(actor_id, 0) <= REST * limit else limit

    def _page(
        self,
        name: str,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
        **more: Any,
    ) -> list[Incidence]:
        at = seek(after, window, dated)
        rows = self.read(
            name,
            id=actor_id,
            after_key=at.after[0] if at.after else None,
            after_id=at.after_id,
            hi=highest_key(at),
            limit=limit,
            **link_filter(window, dated),
            **more,
        )
        return [incidence(r) for r in rows]


def highest_key(at: Seek) -> date:
    """The last key a page may read: the window's end, else the last date (dated events only) or
    the undated events' key."""
    if at.hi is not None:
        return min(at.hi, UNDATED - timedelta(days=1))
    return UNDATED if at.undated else UNDATED - timedelta(days=1)


def incidence(r: Row) -> Incidence:
    """A row of incidences.cypher or path_links_page.cypher as the path search's link."""
    if r["role"] is not None:  # an affiliation, either end
        return affiliation(r["actors"][0], r["actors"][1], r["role"])
    start, end = r["start"], r["end"]
    return Incidence(
        r["event"],
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
        tuple(sorted(r["actors"])),
    )


def link_filter(window: DateInterval | None, dated: bool) -> Row:
    """Parameters of incidences.cypher and neighbours.cypher: graph.paths.usable in the server."""
    return {
        "win_start": window.start if window else None,
        "win_end": window.end if window else None,
        "dated": dated,
    }
