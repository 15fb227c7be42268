"""The Neo4j store's side of paging hub links for graph.paths (``Paged``): link counts from the
relationship counts, and pages of an actor's links in search order, keyset-paged on (start, id).

A page is read one of two ways, whichever reads less: from the actor's relationships
(path_links_page: every one of them, sorted on the server, so a page costs the actor's degree), or
from the ``event_start`` index in date order, keeping the events that link the actor
(path_links_page_by_date: a page of ``limit`` costs about ``limit`` / the actor's share of all
events). The second bounds a page of a hub in a third of all events to a few hundred index entries;
the first, for an actor in a small share, reads the rest of its links at once (the next page would
cost as much), so the search reads no further page of it. The last hop between two hubs reads only
the links they share (graph.paths.Shared) the same two ways: the index, keeping events that link
both (a page costs about ``limit`` / the product of their shares), or the smaller one's
relationships checked against the other (path_links_between).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from eventgraph.graph.model import DateInterval
from eventgraph.graph.path_pages import Seek, seek
from eventgraph.graph.paths import Incidence, affiliation

Row = dict[str, Any]
INDEX_COST = 1.0  # an index entry checked against the actor, in relationships expanded (measured)


class PathPages:
    """Mixed into Neo4jStore, whose ``read`` runs a cypher/ file with parameters."""

    _links: dict[str, tuple[int, int]]  # actor -> (links, events in the graph) when last counted
    # (a stale count only makes a page slower, never another answer: Neo4jStore sets it empty)

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        raise NotImplementedError

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        """Relationship counts per actor, an upper bound on its links (graph.paths.Paged)."""
        rows = self.read("path_link_counts", ids=list(actor_ids))
        self._links.update((r["id"], (r["links"], r["events"])) for r in rows)
        return {r["id"]: r["links"] for r in rows}

    def incidences_page(
        self,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """A page of the actor's links in search order (graph.paths.Paged), read from its
        relationships or from the event_start index, whichever reads less (module doc); from its
        relationships, every link after the cursor (more than ``limit``: the rest)."""
        at = seek(after, window, dated)
        links, events = self._links.get(actor_id) or (0, 0)
        if at.in_undated or not links or limit * events * INDEX_COST >= links * links:
            return self._page("path_links_page", actor_id, at, 1 << 62, window, dated)
        found = self._page("path_links_page_by_date", actor_id, at, limit, window, dated)
        more = limit - sum(inc.kind == "event" for inc in found)
        if more > 0 and at.undated:  # the dated events are exhausted: undated ones come last
            rest = Seek((date.max, ""), None, None, True)
            found += self._page("path_links_page", actor_id, rest, more, window, dated)
        return found

    def links_between(
        self,
        actor_id: str,
        other_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """A page of the links two actors share (graph.paths.Shared): from the event_start index
        when both are in a large enough share of the events that a page reads fewer entries than
        the smaller one's relationships, else the rest expanded from the smaller one."""
        at = seek(after, window, dated)
        (mine, events), (theirs, _) = self._links.get(actor_id, (0, 0)), self._links.get(other_id, (0, 0))
        if mine > theirs:
            actor_id, other_id, mine, theirs = other_id, actor_id, theirs, mine
        if at.in_undated or not mine or limit * events * events * INDEX_COST >= mine * theirs * mine:
            return self._page("path_links_between", actor_id, at, 1 << 62, window, dated, other=other_id)
        found = self._page("path_links_between_by_date", actor_id, at, limit, window, dated, other=other_id)
        more = limit - sum(inc.kind == "event" for inc in found)
        if more > 0 and at.undated:  # the dated events are exhausted: undated ones come last
            rest = Seek((date.max, ""), None, None, True)
            found += self._page("path_links_between", actor_id, rest, 1 << 62, window, dated, other=other_id)
        return found

    def _page(
        self,
        name: str,
        actor_id: str,
        at: Seek,
        limit: int,
        window: DateInterval | None,
        dated: bool,
        **more: Any,
    ) -> list[Incidence]:
        rows = self.read(
            name,
            id=actor_id,
            after_start=at.after_start,
            after_id=at.after_id,
            limit=limit,
            **link_filter(window, dated),
            **more,
        )
        return [incidence(r) for r in rows]


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
