"""Response models: the documented shape of every answer, built from the store's dataclasses."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from eventgraph.graph.model import Actor, Affiliation, Article, DateInterval, Place, Source, cameo_plover
from eventgraph.graph.store import ActorPath, EventDetail, EventRow, Interaction, Match, SourceDetail


class Problem(BaseModel):
    """An error as RFC 9457 problem details (``application/problem+json``), with our extension
    members: the offending ``parameter``, the closest names of an unknown one, every problem of a
    request that failed validation (``errors``)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="The problem type: a URI under /problems/, or about:blank.")
    title: str = Field(description="The problem type in a few words (the same for every occurrence).")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong, naming the input, in words a user can act on.")
    instance: str = Field(description="The request that failed: path and query.")
    parameter: str | None = Field(default=None, description="The offending parameter, where there is one.")


class DateOut(BaseModel):
    start: date
    end: date
    precision: str

    @classmethod
    def of(cls, interval: DateInterval) -> DateOut:
        return cls(start=interval.start, end=interval.end, precision=interval.precision)

    @classmethod
    def maybe(cls, interval: DateInterval | None) -> DateOut | None:
        return cls.of(interval) if interval else None


class ActorRef(BaseModel):
    id: str
    name: str
    kind: str

    @classmethod
    def of(cls, actor: Actor) -> ActorRef:
        return cls(id=actor.id, name=actor.name, kind=actor.kind)


class ActorOut(ActorRef):
    aliases: list[str]

    @classmethod
    def of(cls, actor: Actor) -> ActorOut:
        return cls(id=actor.id, name=actor.name, kind=actor.kind, aliases=list(actor.aliases))


class PlaceRef(BaseModel):
    id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None

    @classmethod
    def of(cls, place: Place) -> PlaceRef:
        return cls(id=place.id, name=place.name, lat=place.lat, lon=place.lon, country=place.country)


class Claim(BaseModel):
    """One date the sources gave for a disputed event, and how many sources gave it."""

    date: DateOut
    sources: int


class EventOut(BaseModel):
    id: str
    type: str
    date: DateOut | None
    summary: str
    agents: list[ActorRef]
    targets: list[ActorRef]
    place: PlaceRef | None
    source_count: int
    disputed: bool
    confidence: float
    cameo: str
    plover: str
    attributes: dict[str, Any]

    @classmethod
    def of(cls, row: EventRow) -> EventOut:
        return cls(**_event_fields(row))


class ArticleOut(BaseModel):
    id: str
    title: str
    publisher: str
    url: str
    published: date | None

    @classmethod
    def of(cls, article: Article) -> ArticleOut:
        return cls(
            id=article.id,
            title=article.title,
            publisher=article.publisher,
            url=article.url,
            published=article.published,
        )


class SourceOut(BaseModel):
    doc: str
    sentence: str
    char_start: int
    char_end: int
    date_text: str | None
    date: DateOut | None = Field(description="The date this source gave for the event.")
    article: ArticleOut | None = None

    @classmethod
    def of(cls, source: Source, article: Article | None = None) -> SourceOut:
        return cls(
            doc=source.doc,
            sentence=source.sentence,
            char_start=source.char_start,
            char_end=source.char_end,
            date_text=source.date_text,
            date=DateOut.maybe(source.date),
            article=ArticleOut.of(article) if article else None,
        )


class EventWithSources(EventOut):
    claims: list[Claim] = Field(
        description="For disputed events: each date the sources gave, and how many gave it."
    )
    sources: list[SourceOut]


def _summary(row: EventRow) -> str:
    """The store's summary, or one built from the participants so every row reads as a sentence."""
    if row.event.summary:
        return row.event.summary
    agents = ", ".join(a.name for a in row.agents) or "Someone"
    targets = ", ".join(a.name for a in row.targets)
    return " ".join(part for part in (agents, row.event.type.replace("_", " "), targets) if part)


def _claims(disputed: bool, sources: list[SourceDetail]) -> list[Claim]:
    counts: dict[DateInterval, int] = {}
    for detail in sources if disputed else []:
        if detail.source.date:
            counts[detail.source.date] = counts.get(detail.source.date, 0) + 1
    return [Claim(date=DateOut.of(d), sources=n) for d, n in sorted(counts.items())]


def _event_fields(row: EventRow) -> dict[str, Any]:
    ev = row.event
    cameo, plover = cameo_plover(ev.type, ev.speech_act)
    return {
        "id": ev.id,
        "type": ev.type,
        "date": DateOut.maybe(ev.date),
        "summary": _summary(row),
        "agents": [ActorRef.of(a) for a in row.agents],
        "targets": [ActorRef.of(a) for a in row.targets],
        "place": PlaceRef.of(row.place) if row.place else None,
        "source_count": row.source_count,
        "disputed": ev.disputed,
        "confidence": round(ev.confidence, 3),
        "cameo": cameo,
        "plover": plover,
        "attributes": dict(ev.attributes),
    }


def event_with_sources(detail: EventDetail) -> EventWithSources:
    return EventWithSources(
        **_event_fields(detail.row),
        claims=_claims(detail.row.event.disputed, detail.sources),
        sources=[SourceOut.of(d.source, d.article) for d in detail.sources],
    )


class YearCount(BaseModel):
    year: int
    events: int


class WindowOut(BaseModel):
    """The window the answer covers, echoed so the user sees how a phrase was understood."""

    start: date | None
    end: date | None
    match: Match
    query: str | None = Field(default=None, description="The q phrase, when the window was given in words.")
    year_given: bool | None = None
    resolved_year: int | None = Field(default=None, description="The year chosen for a year-less phrase.")
    other_years: list[YearCount] = Field(
        default_factory=list, description="Other years whose same window also holds events."
    )


class FiltersOut(BaseModel):
    types: list[str]
    actor: ActorRef | None
    place: PlaceRef | None
    disputed: bool | None


class TimelineOut(BaseModel):
    window: WindowOut
    filters: FiltersOut
    events: list[EventOut]
    limit: int
    next_cursor: str | None = Field(description="Pass as cursor= to get the next page; null on the last.")


class AffiliationOut(BaseModel):
    actor: ActorRef
    role: str
    org: ActorRef


class InteractionOut(BaseModel):
    actor: ActorRef
    count: int
    first: date | None
    last: date | None
    types: list[str]

    @classmethod
    def of(cls, item: Interaction) -> InteractionOut:
        return cls(
            actor=ActorRef.of(item.actor),
            count=item.count,
            first=item.first,
            last=item.last,
            types=item.types,
        )


class ActorDetailOut(BaseModel):
    actor: ActorOut
    event_count: int
    affiliations: list[AffiliationOut]
    interactions: list[InteractionOut]


def affiliation_out(aff: Affiliation, actors: dict[str, Actor]) -> AffiliationOut | None:
    """None when an end of the affiliation is unknown to the store (a dangling link shows nothing)."""
    if aff.actor not in actors or aff.org not in actors:
        return None
    return AffiliationOut(
        actor=ActorRef.of(actors[aff.actor]), role=aff.role, org=ActorRef.of(actors[aff.org])
    )


class ActorSearchOut(BaseModel):
    query: str
    actors: list[ActorOut]


class HopOut(BaseModel):
    source: ActorRef
    target: ActorRef
    kind: Literal["event", "affiliation"] = Field(
        description="'event': both take part in the event; 'affiliation': one holds a role in the other."
    )
    event: EventWithSources | None = Field(description="The shared event; null for an affiliation hop.")
    role: str | None = Field(
        default=None, description="Affiliation hops: the role held (a title, or 'member')."
    )
    holder: str | None = Field(
        default=None, description="Affiliation hops: id of the actor holding the role (source or target)."
    )


class PathOut(BaseModel):
    length: int
    actors: list[ActorRef]
    hops: list[HopOut]

    @classmethod
    def of(cls, path: ActorPath, details: dict[str, EventDetail]) -> PathOut:
        """``details``: the hop events with their sources (rows in a path carry none)."""
        refs = {a.id: ActorRef.of(a) for a in path.actors}
        for row in (h.event for h in path.hops if h.event is not None):
            refs.update({a.id: ActorRef.of(a) for a in [*row.agents, *row.targets]})
        hops = [
            HopOut(
                source=refs[h.source],
                target=refs[h.target],
                kind=h.kind,
                event=event_with_sources(details.get(h.event.event.id) or EventDetail(h.event, []))
                if h.event is not None
                else None,
                role=h.role,
                holder=h.holder,
            )
            for h in path.hops
        ]
        return cls(length=len(path.hops), actors=[ActorRef.of(a) for a in path.actors], hops=hops)


class PathsOut(BaseModel):
    source: ActorRef
    target: ActorRef
    max_hops: int
    window: WindowOut | None
    shortest: list[PathOut]
    ordered: list[PathOut] | None = Field(
        description="Chains whose events happen in date order; only with ordered=true."
    )


class PlaceOut(PlaceRef):
    kind: str
    event_count: int


class PlacesOut(BaseModel):
    places: list[PlaceOut]
    window: WindowOut | None = Field(
        default=None, description="The window and filters the counts cover; null: every event, dated or not."
    )
    filters: FiltersOut | None = None


class PointGeometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="[lon, lat] as GeoJSON orders them.")


class PlaceFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry
    properties: dict[str, Any]


class PlacesGeoJSON(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[PlaceFeature]


class CountsOut(BaseModel):
    articles: int
    events: int
    actors: int
    places: int
    disputed: int


class HealthOut(BaseModel):
    status: Literal["ok", "degraded"]
    store: str
    reachable: bool
    counts: CountsOut | None
    detail: str | None = None


def _absent(value: object) -> bool:
    return value is None


def _omit() -> Any:
    """An optional TimelineJS field left out of the JSON when unset: TimelineJS reads a present
    ``null`` as a value ("Cannot read properties of null (reading 'year')") and draws nothing."""
    return Field(default=None, exclude_if=_absent)


class TJSDate(BaseModel):
    """A TimelineJS date: only the parts the precision supports."""

    year: int
    month: int | None = _omit()
    day: int | None = _omit()


class TJSText(BaseModel):
    headline: str
    text: str


class TJSEvent(BaseModel):
    """A slide; end_date and display_date are left out for a point event and a certain day."""

    unique_id: str
    start_date: TJSDate
    end_date: TJSDate | None = _omit()
    display_date: str | None = Field(
        default=None, exclude_if=_absent, description="Set when the date is not a certain single day."
    )
    text: TJSText
    group: str


class TJSTitle(BaseModel):
    """The title slide: which window the timeline shows."""

    unique_id: str = "title"
    text: TJSText


class TimelineJSOut(BaseModel):
    """Knight Lab TimelineJS JSON; extra keys (window, next_cursor) are ignored by the widget."""

    title: TJSTitle
    events: list[TJSEvent]
    window: WindowOut
    next_cursor: str | None


class VisItem(BaseModel):
    id: str
    content: str
    start: date
    end: date | None = Field(default=None, description="Exclusive, as vis-timeline draws ranges.")
    type: Literal["point", "range"]
    group: str
    className: str  # vis-timeline's spelling
    title: str


class VisGroup(BaseModel):
    id: str
    content: str


class VisOut(BaseModel):
    items: list[VisItem]
    groups: list[VisGroup]
    window: WindowOut
    filters: FiltersOut
    next_cursor: str | None


class HistogramBucketOut(BaseModel):
    start: date = Field(description="The bucket's first day (a week starts on Monday).")
    end: date = Field(description="The bucket's last day.")
    total: int
    by_type: dict[str, int] = Field(description="Events per type; types with none left out.")


class HistogramOut(BaseModel):
    """Events per day, week or month for a timeline's overview band. An event counts once, in the
    bucket of its first day inside the window; buckets without events are left out."""

    bucket: Literal["day", "week", "month"]
    window: WindowOut
    filters: FiltersOut
    total: int = Field(description="Events counted: the events /timeline lists for the same query.")
    types: list[str] = Field(description="The types that occur, in order of their counts.")
    buckets: list[HistogramBucketOut]
