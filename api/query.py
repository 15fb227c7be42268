"""Turns what users type (names, a window in words) into store filters, shared by /timeline and the feeds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated

from fastapi import Depends, Query
from rapidfuzz import fuzz, process, utils

from eventgraph.api.deps import RunDep, SettingsDep
from eventgraph.api.errors import bad_request, not_found
from eventgraph.api.schemas import ActorRef, FiltersOut, PlaceRef, WindowOut, YearCount
from eventgraph.extract.temporal.intervals import QueryWindow, parse_window
from eventgraph.graph.model import Actor, EventType, Place
from eventgraph.graph.store import EventDetail, GraphStore, Match, TimelineFilter

ACTOR_ID = re.compile(r"^(person|org|gpe|group|media):[a-z0-9-]{1,200}$")
NAME_MATCH = 85.0  # score a name must reach to stand for an actor without an exact match
MAX_CANDIDATE_YEARS = 200  # a year-less phrase is tried in at most this many years of the store's span

Cursor = Annotated[
    str | None,
    Query(max_length=512, pattern=r"^[A-Za-z0-9_=-]+$", description="The next_cursor of the previous page."),
]


def _name_score(query: str, name: str) -> float:
    """Typos ("Espr") and parts of a name ("Esper") match; a short alias inside a word ("KH" in
    "Khamenei") does not, as it would with rapidfuzz's WRatio."""
    return max(
        fuzz.ratio(query, name, processor=utils.default_process),
        fuzz.token_set_ratio(query, name, processor=utils.default_process),
    )


def event_details(store: GraphStore, event_ids: Iterable[str]) -> dict[str, EventDetail]:
    """Events with their sources (timeline and path rows carry none), in one worker call and a
    fixed number of store round trips; ids the store no longer holds are left out."""
    return store.events(sorted(set(event_ids)))


async def resolve_actor(run: RunDep, value: str, *, role: str = "actor") -> Actor:
    """An id, or a name/alias close enough; otherwise 404 listing the closest names."""
    if ACTOR_ID.match(value):
        detail = await run(run.store.actor, value)
        if detail:
            return detail.actor
    found = await run(run.store.actors, value, limit=8)
    key = value.casefold().strip()
    for actor in found:
        if key in {actor.name.casefold(), *(a.casefold() for a in actor.aliases)}:
            return actor
    scored = [(max(_name_score(value, n) for n in [a.name, *a.aliases]), a) for a in found]
    best = max(scored, key=lambda s: s[0], default=None)
    if best and best[0] >= NAME_MATCH:
        return best[1]
    raise not_found(
        f"no {role} matches {value!r}; try one of the closest names or search /actors?q=",
        parameter=role,
        closest=[ActorRef.of(a).model_dump() for a in found[:5]],
    )


async def resolve_place(run: RunDep, value: str) -> Place:
    """An id or a name; otherwise 404 listing the closest place names."""
    places = [p.place for p in await run(run.store.places)]
    key = value.casefold().strip()
    for place in places:
        if place.id == value or place.name.casefold() == key:
            return place
    names = {p.name: p for p in places}
    closest = process.extract(
        value, list(names), scorer=fuzz.WRatio, processor=utils.default_process, limit=5
    )
    raise not_found(
        f"no place matches {value!r}; see /places for the known ones",
        parameter="place",
        closest=[PlaceRef.of(names[name]).model_dump() for name, _, _ in closest],
    )


@dataclass
class WindowQuery:
    """The parsed window and filters, plus what to echo back to the user."""

    flt: TimelineFilter
    window: WindowOut
    filters: FiltersOut

    @property
    def filtered(self) -> bool:
        """Whether any window bound or filter narrows the store's events."""
        f = self.flt
        return any((f.start, f.end, f.types, f.actor, f.place, f.disputed is not None))


@dataclass
class TimelineQuery(WindowQuery):
    """A window query and one page of it."""

    limit: int
    cursor: str | None


def _year_counts(
    store: GraphStore, window: QueryWindow, flt: TimelineFilter, years: range
) -> list[YearCount]:
    """Events the filter matches with the window in each year, in one worker call."""
    counts = []
    for year in years:
        try:
            candidate = window.in_year(year)
        except ValueError:  # Feb 29 in a common year, or past the calendar's end
            continue
        n = store.count(replace(flt, start=candidate.start, end=candidate.end))
        if n:
            counts.append(YearCount(year=year, events=n))
    return counts


async def _window_in_words(run: RunDep, text: str, flt: TimelineFilter) -> WindowOut:
    """Parse ``q``; a year-less window goes to the year where it holds the most events (ties: latest)."""
    try:
        window = parse_window(text)
    except ValueError as exc:  # the message names the phrase and why: unreadable, backwards, off the calendar
        raise bad_request(f"{exc}; try e.g. 'between Oct 28 and Dec 16 2019'", parameter="q") from None
    out = WindowOut(
        start=window.start, end=window.end, match=flt.match, query=text, year_given=window.year_given
    )
    span = None if window.year_given else await run(run.store.date_span)
    if span is None:
        return out.model_copy(update={"resolved_year": None if window.year_given else window.start.year})
    first = max(span.start.year - 1, span.end.year - MAX_CANDIDATE_YEARS, 1)
    counts = await run(_year_counts, run.store, window, flt, range(span.end.year, first - 1, -1))
    if not counts:
        return out.model_copy(update={"resolved_year": window.start.year})
    best = max(counts, key=lambda c: (c.events, c.year))
    chosen = window.in_year(best.year)
    others = sorted((c for c in counts if c.year != best.year), key=lambda c: c.year)
    return out.model_copy(
        update={"start": chosen.start, "end": chosen.end, "resolved_year": best.year, "other_years": others}
    )


async def window_query(
    run: RunDep,
    start: Annotated[date | None, Query(description="Window start (YYYY-MM-DD), inclusive.")] = None,
    end: Annotated[date | None, Query(description="Window end (YYYY-MM-DD), inclusive.")] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="The window in words: 'between Oct 28 and Dec 16'."),
    ] = None,
    match: Annotated[
        Match, Query(description="overlap: the event may fall in the window; within: it certainly does.")
    ] = "overlap",
    types: Annotated[
        list[EventType] | None, Query(alias="type", description="Event types (repeatable).")
    ] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200, description="Actor id or name.")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=200, description="Place id or name.")] = None,
    disputed: Annotated[
        bool | None, Query(description="Only disputed (true) or undisputed (false) events.")
    ] = None,
) -> WindowQuery:
    """The timeline's window and filters, shared by every route that selects events."""
    if q is not None and (start or end):
        raise bad_request(
            "give the window either as start/end dates or as q in words, not both", parameter="q"
        )
    if start and end and end < start:
        raise bad_request(f"the window ends ({end}) before it starts ({start})", parameter="end")
    actor_obj = await resolve_actor(run, actor) if actor else None
    place_obj = await resolve_place(run, place) if place else None
    flt = TimelineFilter(
        start=start,
        end=end,
        match=match,
        types=list(types or []),
        actor=actor_obj.id if actor_obj else None,
        place=place_obj.id if place_obj else None,
        disputed=disputed,
    )
    window = await _window_in_words(run, q, flt) if q else WindowOut(start=start, end=end, match=match)
    flt.start, flt.end = window.start, window.end
    filters = FiltersOut(
        types=flt.types,
        actor=ActorRef.of(actor_obj) if actor_obj else None,
        place=PlaceRef.of(place_obj) if place_obj else None,
        disputed=disputed,
    )
    return WindowQuery(flt, window, filters)


WindowQueryDep = Annotated[WindowQuery, Depends(window_query)]


async def timeline_query(
    wq: WindowQueryDep,
    settings: SettingsDep,
    cursor: Cursor = None,
    limit: Annotated[
        int | None, Query(ge=1, le=10_000, description="Page size; capped by the server.")
    ] = None,
) -> TimelineQuery:
    cap = settings.max_limit
    return TimelineQuery(wq.flt, wq.window, wq.filters, min(limit or min(100, cap), cap), cursor)


TimelineQueryDep = Annotated[TimelineQuery, Depends(timeline_query)]
