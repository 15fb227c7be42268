"""The GraphStore protocol: every query the API needs, answered alike by both stores.

Results are plain dataclasses so one contract test suite can compare the
embedded store and Neo4j value for value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol, runtime_checkable

from eventgraph.graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event, Place, Source
from eventgraph.graph.paths import FoundPath

Match = Literal["overlap", "within"]


@dataclass
class TimelineFilter:
    """A date window and filters. ``match='overlap'``: the event may have fallen in the
    window; ``'within'``: it certainly did (its whole interval is inside)."""

    start: date | None = None
    end: date | None = None
    match: Match = "overlap"
    types: list[str] = field(default_factory=list)
    actor: str | None = None  # actor id
    place: str | None = None  # place id
    disputed: bool | None = None


@dataclass
class EventRow:
    """An event as a timeline lists it: participants resolved to names."""

    event: Event
    agents: list[Actor]
    targets: list[Actor]
    place: Place | None
    source_count: int


@dataclass
class TimelinePage:
    rows: list[EventRow]
    next_cursor: str | None  # opaque: pass back to get the next page


@dataclass
class SourceDetail:
    source: Source
    article: Article


@dataclass
class EventDetail:
    row: EventRow
    sources: list[SourceDetail]


@dataclass
class Interaction:
    """Another actor this one shared events with."""

    actor: Actor
    count: int
    first: date | None
    last: date | None
    types: list[str]


@dataclass
class ActorDetail:
    actor: Actor
    affiliations: list[Affiliation]  # both directions: roles it holds and roles held in it
    related: dict[str, Actor]  # the other ends of affiliations, by id
    interactions: list[Interaction]
    event_count: int


@dataclass
class PlaceSummary:
    place: Place
    event_count: int


Bucket = Literal["day", "week", "month"]


@dataclass(frozen=True)
class HistogramBin:
    """Events of one type in one bucket. An event counts once, in the bucket of its first day inside
    the window (its start, or the window's start for an event that began before it)."""

    start: date  # the bucket's first day: the day, the ISO week's Monday, the month's first
    type: str
    count: int


@dataclass
class Hop:
    """One step of a path: ``source`` and ``target`` actors joined through ``event``, or, for an
    affiliation hop, through ``holder`` holding ``role`` in the other one (``event`` is None)."""

    source: str  # actor id
    target: str  # actor id
    event: EventRow | None
    kind: Literal["event", "affiliation"] = "event"
    role: str | None = None
    holder: str | None = None  # affiliation hops: the actor holding the role (source or target)


def path_hops(found: FoundPath, rows: Mapping[str, EventRow]) -> list[Hop]:
    """The hops of a path the search found, event hops with their rows (by event id)."""
    return [
        Hop(found.actors[i], found.actors[i + 1], rows[link.event])
        if link.kind == "event"
        else Hop(found.actors[i], found.actors[i + 1], None, "affiliation", link.role, link.actors[0])
        for i, link in enumerate(found.links)
    ]


@dataclass
class ActorPath:
    actors: list[Actor]
    hops: list[Hop]


@dataclass
class Counts:
    articles: int
    events: int
    actors: int
    places: int
    disputed: int
    by_type: dict[str, int] = field(default_factory=dict)  # events per type, dated or not
    dated: int = 0  # events with a date (the timeline lists these)


@runtime_checkable
class GraphStore(Protocol):
    kind: str

    def upsert(self, batch: Batch, *, progress: Callable[[int, int], None] | None = None) -> None:
        """Merge the batch in; ``progress(done, total)`` is called as events are written."""
        ...

    def clear(self) -> None:
        """Remove everything (``eventgraph load --replace``)."""
        ...

    def counts(self) -> Counts: ...

    def timeline(
        self, flt: TimelineFilter, *, limit: int = 100, cursor: str | None = None
    ) -> TimelinePage: ...

    def event(self, event_id: str) -> EventDetail | None: ...

    def events(self, event_ids: Sequence[str]) -> dict[str, EventDetail]:
        """``event`` for many ids in a fixed number of round trips (feeds quote every event's
        sources); ids the store does not hold are left out."""
        ...

    def actors(self, query: str = "", *, limit: int = 20) -> list[Actor]: ...

    def actor(self, actor_id: str) -> ActorDetail | None: ...

    def path(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        ordered: bool = False,
        window: DateInterval | None = None,
        limit: int = 5,
    ) -> list[ActorPath]: ...

    def places(self) -> list[PlaceSummary]: ...

    def places_matching(self, flt: TimelineFilter) -> list[PlaceSummary]:
        """Places of the events the filter matches (as /timeline lists them), with how many each,
        busiest first; places with none are left out."""
        ...

    def histogram(self, flt: TimelineFilter, bucket: Bucket) -> list[HistogramBin]:
        """Matching events per bucket and type, in (start, type) order; empty buckets left out."""
        ...

    def generation(self) -> str:
        """Changes whenever the stored graph does (HTTP validators are derived from it)."""
        ...

    def count(self, flt: TimelineFilter) -> int:
        """How many events the filter matches (no cap): picks the year of year-less questions."""
        ...

    def date_span(self) -> DateInterval | None:
        """First and last event date in the store."""
        ...

    def ping(self) -> bool: ...

    def close(self) -> None: ...
