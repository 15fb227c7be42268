"""The path search as it was before paging (issue 18 part 4), kept for bench.bench_paths only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

from eventgraph.graph import deadline as deadlines
from eventgraph.graph.deadline import Deadline
from eventgraph.graph.model import DateInterval

_LAST = date.max  # sorts undated events after every date
_FIRST = date.min  # sorts affiliations (no date) before every event
PREFETCH = 16  # next actors whose events are fetched in the first round trip of a step; doubles after


LinkKind = Literal["event", "affiliation"]


@dataclass(frozen=True)
class Incidence:
    """A link one actor takes part in: an event with everyone who takes part in it, or an
    affiliation (``actors`` = (holder, org), ``role``; no dates, ids from ``affiliation``)."""

    event: str  # the link id: the event id, or the affiliation's id
    start: date | None
    end: date | None
    actors: tuple[str, ...]
    kind: LinkKind = "event"
    role: str | None = None


def affiliation(holder: str, org: str, role: str) -> Incidence:
    """The incidence of an affiliation; both stores build it here so link ids agree."""
    return Incidence(f"affiliation:{holder}>{org}:{role}", None, None, (holder, org), "affiliation", role)


def usable(inc: Incidence, window: DateInterval | None, dated: bool) -> bool:
    """Whether a search may hop along a link: affiliations always; events overlapping the window
    (dated events only, when there is a window or ``dated`` asks for an order)."""
    if inc.kind == "affiliation":
        return True
    if window is not None:
        return (
            inc.start is not None
            and inc.end is not None
            and window.overlaps(DateInterval(inc.start, inc.end))
        )
    return not dated or inc.start is not None


class Adjacency(Protocol):
    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        """For each actor id, the events and affiliations (either end) it takes part in
        (unknown ids may be left out; links the search cannot use, see ``usable``, may be too)."""
        ...

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        """Every actor sharing a usable link with one of these actors: a step of the hop-distance
        bound, which a server can answer without sending the links themselves."""
        ...


def neighbours(
    adj: Adjacency, actor_ids: Sequence[str], window: DateInterval | None, dated: bool
) -> set[str]:
    """``Adjacency.neighbours`` from ``incidences``, for stores where reading links costs nothing."""
    found = adj.incidences(actor_ids, window, dated)
    return {
        other
        for links in found.values()
        for inc in links
        if usable(inc, window, dated)
        for other in inc.actors
    }


Hop = tuple[date, str, str]  # (start date, date.max undated, date.min affiliation; link id; next actor id)


@dataclass(frozen=True)
class FoundPath:
    actors: tuple[str, ...]
    events: tuple[str, ...]  # link ids, one per hop
    links: tuple[Incidence, ...]  # the links themselves


def _key(inc: Incidence) -> date:
    return _FIRST if inc.kind == "affiliation" else inc.start or _LAST


class _Search:
    def __init__(
        self, adj: Adjacency, target: str, ordered: bool, window: DateInterval | None, deadline: Deadline
    ) -> None:
        self.adj = adj
        self.deadline = deadline
        self.target = target
        self.ordered = ordered
        self.window = window
        self.incs: dict[str, list[Incidence]] = {}
        self.by_id: dict[str, Incidence] = {}
        self.hops: dict[str, list[Hop]] = {}
        self.dist: dict[str, int] = {target: 0}
        self.frontier = [target]
        self.depth = 0
        self.links: dict[str, list[Hop]] | None = None  # actor -> its hops to the target

    def fetch(self, actor_ids: Sequence[str]) -> None:
        """Load the usable events of actors not seen yet, in one store round trip."""
        missing = sorted({a for a in actor_ids if a not in self.incs})
        if not missing:
            return
        self.deadline.check()
        found = self.adj.incidences(missing, self.window, self.ordered)
        for actor in missing:
            unique = {inc.event: inc for inc in found.get(actor, [])}
            self.incs[actor] = [inc for inc in unique.values() if usable(inc, self.window, self.ordered)]
            self.by_id.update((inc.event, inc) for inc in self.incs[actor])

    def hops_of(self, actor: str) -> list[Hop]:
        """The actor's hops in search order, built on first use (hubs have many)."""
        if actor not in self.hops:
            self.fetch([actor])
            hops = [
                (_key(inc), inc.event, other)
                for inc in self.incs[actor]
                for other in inc.actors
                if other != actor
            ]
            hops.sort()
            self.hops[actor] = hops
        return self.hops[actor]

    def hops_to_target(self, actor: str) -> list[Hop]:
        """``hops_of(actor)`` restricted to the target, read from the target's own events: the
        last step of a path never needs the events of the actor before the target."""
        if self.links is None:
            self.fetch([self.target])
            links: dict[str, list[Hop]] = {}
            for inc in self.incs[self.target]:
                for other in inc.actors:
                    if other != self.target:
                        links.setdefault(other, []).append((_key(inc), inc.event, self.target))
            for hops in links.values():
                hops.sort()
            self.links = links
        return self.links.get(actor, [])

    def reach(self, depth: int) -> None:
        """Extend hop distances from the target out to ``depth``."""
        while self.depth < depth and self.frontier:
            self.deadline.check()
            nxt = sorted(self.adj.neighbours(self.frontier, self.window, self.ordered) - self.dist.keys())
            self.dist.update((other, self.depth + 1) for other in nxt)
            self.frontier = nxt
            self.depth += 1


def find_paths(
    adj: Adjacency,
    source: str,
    target: str,
    *,
    max_hops: int,
    ordered: bool = False,
    window: DateInterval | None = None,
    limit: int = 5,
    budget: int = 20_000,
    deadline: Deadline | None = None,
) -> list[FoundPath]:
    """Up to ``limit`` paths of at most ``max_hops`` hops, shortest first (see module doc);
    raises QueryTimeout once ``deadline`` (default: the caller's, if any) has passed."""
    if source == target or limit <= 0:
        return []
    clock = deadline or deadlines.current() or Deadline(float("inf"))
    search = _Search(adj, target, ordered, window, clock)
    found: list[FoundPath] = []
    visited = 0

    def walk(actors: list[str], events: list[str], last: date | None, left: int) -> bool:
        """Depth-first in hop order; False once the limit or the budget is reached."""
        nonlocal visited
        here = actors[-1]
        if left == 0:
            if here == target:
                links = tuple(search.by_id[e] for e in events)
                found.append(FoundPath(tuple(actors), tuple(events), links))
            return len(found) < limit
        nexts = [
            hop
            for hop in (search.hops_to_target(here) if left == 1 else search.hops_of(here))
            if search.dist.get(hop[2], left) <= left - 1
            and hop[2] not in actors
            and hop[1] not in events
            and (hop[2] != target or left == 1)
            and not (ordered and last is not None and hop[0] < last and search.by_id[hop[1]].kind == "event")
        ]
        fetched, chunk = 0, PREFETCH
        for i, (start, event, other) in enumerate(nexts):
            visited += 1
            if visited > budget:
                return False
            clock.check()
            if left > 2 and i >= fetched:  # the next actors' events, in round trips of growing size
                search.fetch([hop[2] for hop in nexts[i : i + chunk]])
                fetched, chunk = i + chunk, chunk * 2
            actors.append(other)
            events.append(event)
            dated = search.by_id[event].kind == "event"  # an affiliation hop keeps the order's last date
            going = walk(actors, events, start if dated else last, left - 1)
            actors.pop()
            events.pop()
            if not going:
                return False
        return True

    for hops in range(1, max_hops + 1):
        search.reach(hops - 1)
        if search.dist.get(source, hops) > hops:
            continue
        if not walk([source], [], None, hops):
            break
    return found
