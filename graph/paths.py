"""Chains of events and affiliations linking two actors, computed once for both stores.

A hop joins two actors either through one event both take part in (as agent or
target) or through one affiliation (``A`` holds ``role`` in ``B``: "Esper —Secretary
of Defense→ United States", "Kata'ib Hizbollah —member→ Iran-backed militias"),
walked either way. A store only answers "which events and affiliations does each of
these actors take part in, and who else is in them" (``Adjacency``); the search here is
shared, so the embedded store and Neo4j return the same paths by construction.

Semantics: actors on a path are distinct and so are its links. Affiliations carry no
date: a window filters event hops only, and with ``ordered`` the events must be dated
and their start dates non-decreasing along the path, affiliation hops in between
leaving the order alone. Shortest paths count an affiliation hop like an event hop.
Paths come shortest first; among paths of one length, in lexicographic order of their
hops' (start date, link id, next actor id), affiliations sorting first and undated
events last. The
depth-first search visits hops in exactly that order and prunes with hop
distances to the target (a lower bound that ignores dates), so the first
``limit`` paths it meets are the answer. The last hop of a path is read from the
target's own links (an index by actor), so the actors just before the target
are never expanded, and the next actors' links are fetched in round trips of
growing size (16, 32, 64, ...) rather than one per actor. ``budget`` caps visited hops so a
hostile query on hub actors stays bounded; both stores hit it at the same place.

Hubs (issue 18): a store that is also ``Paged`` tells link counts cheaply, and the links of an
actor with more than ``BIG`` of them are read in pages of growing size in search order, only as far
as the search consumes them; the last hop is read from whichever of the actor and the target has
fewer links (between two hubs, a ``Shared`` store sends only the links they share); and a
distance-bound step whose frontier has more than ``FRONTIER_BUDGET`` links is not
taken: actors beyond the distances known so far keep the bound "one more than the last known
depth", still a lower bound, so the answer is the same, only less is pruned (so a query that hits
``budget`` may stop at another place than with the full bound: a documented limit). A
``Deadline`` (graph.deadline; the caller's by default) is checked at every visited hop, every
distance step and every round trip, so a search the API has given up on stops there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Literal, Protocol, runtime_checkable

from eventgraph.graph import deadline as deadlines
from eventgraph.graph.deadline import Deadline
from eventgraph.graph.model import DateInterval

_LAST = date.max  # sorts undated events after every date
_FIRST = date.min  # sorts affiliations (no date) before every event
PREFETCH = 16  # next actors whose events are fetched in the first round trip of a step; doubles after
BIG = 512  # actors with more links than this are paged (stores that can, see ``Paged``)
PAGE = 64  # a hub's first page of links; each next page is as large as all read before
FRONTIER_BUDGET = 20_000  # links a distance-bound step may read before the bound stops there


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


@runtime_checkable
class Paged(Protocol):
    """What a store adds so a hub's links are read lazily instead of all at once (optional)."""

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        """An upper bound on each actor's links (its events and affiliations), cheap to read."""
        ...

    def incidences_page(
        self,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """The actor's usable links after ``after`` (exclusive) in (``link_key``, id) order, at most
        ``limit`` of them, or more when they are all the rest (a store whose page costs as much as
        the rest); the first page (``after`` None) also holds every affiliation."""
        ...


@runtime_checkable
class Shared(Protocol):
    """What a paging store may add so the last hop between two hubs reads only what they share."""

    def links_between(
        self,
        actor_id: str,
        other_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """The usable links both actors take part in, paged as ``Paged.incidences_page``: events
        after ``after`` (at most ``limit``, or the rest), and on the first page the affiliations
        between them."""
        ...


def link_key(inc: Incidence) -> tuple[date, str]:
    """A link's place in search order: (start date, date.min affiliations, date.max undated; id)."""
    return _key(inc), inc.event


def _key(inc: Incidence) -> date:
    return _FIRST if inc.kind == "affiliation" else inc.start or _LAST


class _Search:
    def __init__(
        self, adj: Adjacency, target: str, ordered: bool, window: DateInterval | None, deadline: Deadline
    ) -> None:
        self.adj = adj
        self.paged: Paged | None = adj if isinstance(adj, Paged) else None
        self.deadline = deadline
        self.target = target
        self.ordered = ordered
        self.window = window
        self.incs: dict[str, list[Incidence]] = {}  # fully read actors
        self.pages: dict[str, list[Incidence]] = {}  # paged actors (or pairs): links read so far, in order
        self.ends: set[str] = set()  # paged actors (or pairs) whose last page has been read
        self.counts: dict[str, int] = {}
        self.by_id: dict[str, Incidence] = {}
        self.hops: dict[str, list[Hop]] = {}
        self.dist: dict[str, int] = {target: 0}
        self.frontier = [target]
        self.depth = 0
        self.capped = False  # the bound stopped at a hub frontier: unknown actors may be close
        self.links: dict[str, list[Hop]] | None = None  # actor -> its hops to the target

    def count(self, actor_ids: Sequence[str]) -> None:
        """Learn the link counts of actors not seen yet (paging stores only), in one round trip."""
        missing = sorted({a for a in actor_ids if a not in self.counts})
        if self.paged is not None and missing:
            self.deadline.check()
            found = self.paged.link_counts(missing)
            self.counts.update((a, found.get(a, 0)) for a in missing)

    def big(self, actor: str) -> bool:
        return self.paged is not None and self.counts.get(actor, 0) > BIG

    def fetch(self, actor_ids: Sequence[str]) -> None:
        """Load the usable links of actors not seen yet in one store round trip; hubs are left
        to ``hop_iter``, which pages them in as the search consumes them."""
        self.count(actor_ids)
        missing = sorted({a for a in actor_ids if a not in self.incs and not self.big(a)})
        if not missing:
            return
        self.deadline.check()
        found = self.adj.incidences(missing, self.window, self.ordered)
        for actor in missing:
            unique = {inc.event: inc for inc in found.get(actor, [])}
            self.incs[actor] = [inc for inc in unique.values() if usable(inc, self.window, self.ordered)]
            self.by_id.update((inc.event, inc) for inc in self.incs[actor])

    def hops_of(self, actor: str) -> list[Hop]:
        """A fully read actor's hops in search order, built on first use."""
        if actor not in self.hops:
            hops = [
                (_key(inc), inc.event, other)
                for inc in self.incs[actor]
                for other in inc.actors
                if other != actor
            ]
            hops.sort()
            self.hops[actor] = hops
        return self.hops[actor]

    def hop_iter(self, actor: str) -> Iterator[Hop]:
        """The actor's hops in search order; a hub's links are read in pages of growing size
        (PAGE, then doubling) only as far as the search goes."""
        self.fetch([actor])
        if actor in self.incs:
            yield from self.hops_of(actor)
            return
        assert self.paged is not None
        paged = self.paged
        for inc in self.paged_links(
            actor, lambda after, size: paged.incidences_page(actor, after, size, self.window, self.ordered)
        ):
            for other in inc.actors:
                if other != actor:
                    yield (_key(inc), inc.event, other)

    def paged_links(
        self, key: str, read_page: Callable[[tuple[date, str] | None, int], list[Incidence]]
    ) -> Iterator[Incidence]:
        """Links in search order from ``read_page(after, size)``, pages of growing size (PAGE, then
        as many as read before) read only as far as the caller goes; kept under ``key``."""
        read = self.pages.setdefault(key, [])
        i = 0
        while True:
            if i == len(read):
                if key in self.ends:
                    return
                self.deadline.check()
                size = max(PAGE, len(read))
                page = read_page(link_key(read[-1]) if read else None, size)
                page = sorted((inc for inc in page if usable(inc, self.window, self.ordered)), key=link_key)
                if sum(inc.kind == "event" for inc in page) != size:  # fewer: the end; more: the rest
                    self.ends.add(key)
                read.extend(page)
                self.by_id.update((inc.event, inc) for inc in page)
                continue
            i += 1
            yield read[i - 1]

    def hops_to_target(self, actor: str) -> Iterator[Hop]:
        """``hops_of(actor)`` restricted to the target, read from the side with fewer links: the
        target's own links (an index by actor, built once) or, when the actor has fewer, its own;
        between two hubs, from a ``Shared`` store's links of both, paged as ``hop_iter`` pages."""
        self.count([actor, self.target])
        if self.big(self.target) and self.big(actor) and isinstance(self.adj, Shared):
            shared, target = self.adj, self.target
            both = self.paged_links(
                f"{actor}\x00{target}",
                lambda after, size: shared.links_between(
                    actor, target, after, size, self.window, self.ordered
                ),
            )
            return ((_key(inc), inc.event, target) for inc in both)
        if self.big(self.target) and self.counts.get(actor, 0) <= self.counts[self.target]:
            return (hop for hop in self.hop_iter(actor) if hop[2] == self.target)
        if self.big(self.target):  # both hubs, the target the smaller: scan its links for the actor
            return (
                (start, event, self.target)
                for start, event, other in self.hop_iter(self.target)
                if other == actor
            )
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
        return iter(self.links.get(actor, []))

    def bound(self, actor: str) -> int:
        """A lower bound on the actor's hop distance to the target."""
        if actor in self.dist:
            return self.dist[actor]
        return self.depth + 1 if self.frontier else 1 << 30

    def reach(self, depth: int) -> None:
        """Extend hop distances from the target out to ``depth``, unless the frontier has more than
        FRONTIER_BUDGET links (paging stores): then unknown actors keep the bound depth + 1."""
        while self.depth < depth and self.frontier and not self.capped:
            self.deadline.check()
            self.count(self.frontier)
            if self.paged is not None and sum(self.counts[a] for a in self.frontier) > FRONTIER_BUDGET:
                self.capped = True
                return
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
    search.count([source, target])
    if search.paged is not None and not (search.counts[source] and search.counts[target]):
        return []  # an actor without links (or unknown): no path, and no distance steps to learn it
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
        candidates = search.hops_to_target(here) if left == 1 else search.hop_iter(here)
        nexts = (
            hop
            for hop in candidates
            if search.bound(hop[2]) <= left - 1
            and hop[2] not in actors
            and hop[1] not in events
            and (hop[2] != target or left == 1)
            and not (ordered and last is not None and hop[0] < last and search.by_id[hop[1]].kind == "event")
        )
        chunk = PREFETCH
        while True:
            batch = list(islice(nexts, chunk))  # the next actors' links, in round trips of growing size
            if not batch:
                return True
            if left > 2 or (left == 2 and search.big(target)):
                search.fetch([hop[2] for hop in batch])
            chunk *= 2
            for start, event, other in batch:
                visited += 1
                if visited > budget:
                    return False
                clock.check()
                actors.append(other)
                events.append(event)
                dated = search.by_id[event].kind == "event"  # an affiliation hop keeps the order's last date
                going = walk(actors, events, start if dated else last, left - 1)
                actors.pop()
                events.pop()
                if not going:
                    return False

    for hops in range(1, max_hops + 1):
        search.reach(hops - 1)
        if search.bound(source) > hops:
            continue
        if not walk([source], [], None, hops):
            break
    return found
