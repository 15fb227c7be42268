"""The Neo4j store's side of paging hub links for graph.paths (``Paged``): link counts from the
relationship counts, and pages of an actor's links in search order, keyset-paged on (start, id).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from eventgraph.graph.model import DateInterval
from eventgraph.graph.paths import Incidence, affiliation

Row = dict[str, Any]


class PathPages:
    """Mixed into Neo4jStore, whose ``read`` runs a cypher/ file with parameters."""

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        raise NotImplementedError

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        """Relationship counts per actor, an upper bound on its links (graph.paths.Paged)."""
        return {r["id"]: r["links"] for r in self.read("path_link_counts", ids=list(actor_ids))}

    def incidences_page(
        self,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """A page of the actor's links in search order, keyset-paged (graph.paths.Paged)."""
        start = None if after is None or after[0] == date.max else after[0]
        rows = self.read(
            "path_links_page",
            id=actor_id,
            after_start=start,
            after_id=after[1] if after else None,
            limit=limit,
            **link_filter(window, dated),
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
