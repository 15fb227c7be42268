"""Widget feeds: the /timeline answer shaped for Knight Lab TimelineJS and for vis-timeline."""

from __future__ import annotations

import html
from datetime import timedelta

from fastapi import APIRouter

from eventgraph.api import caching
from eventgraph.api import timelinejs as timelinejs_slides
from eventgraph.api.deps import RunDep
from eventgraph.api.query import TimelineQueryDep, event_details
from eventgraph.api.schemas import EventOut, SourceOut, TimelineJSOut, VisGroup, VisItem, VisOut
from eventgraph.api.timelinejs import display_date, label
from eventgraph.graph.store import EventRow

router = APIRouter(tags=["feeds"], dependencies=caching.Validated)


def vis_item(ev: EventOut) -> VisItem:
    assert ev.date is not None
    is_range = ev.date.end != ev.date.start
    classes = ["ev", f"ev-{ev.type.replace('_', '-')}", *(["ev-disputed"] if ev.disputed else [])]
    return VisItem(
        id=ev.id,
        content=html.escape(ev.summary),
        start=ev.date.start,
        end=ev.date.end + timedelta(days=1) if is_range else None,
        type="range" if is_range else "point",
        group=ev.type,
        className=" ".join(classes),
        title=f"{ev.summary} ({display_date(ev) or ev.date.start.isoformat()})",
    )


def _dated(rows: list[EventRow]) -> list[EventOut]:
    """Widgets need a date to place an event; undated ones stay in /timeline only."""
    return [EventOut.of(r) for r in rows if r.event.date is not None]


@router.get("/timeline/timelinejs", response_model=TimelineJSOut)
async def timelinejs(run: RunDep, tq: TimelineQueryDep) -> TimelineJSOut:
    """A title slide naming the window, then one slide per dated event quoting its sources."""
    page = await run(run.store.timeline, tq.flt, limit=tq.limit, cursor=tq.cursor)
    events = _dated(page.rows)
    details = await run(event_details, run.store, (ev.id for ev in events))
    sources = {i: [SourceOut.of(s.source, s.article) for s in d.sources] for i, d in details.items()}
    return TimelineJSOut(
        title=timelinejs_slides.title(tq.window, len(events), page.next_cursor is not None),
        events=[timelinejs_slides.slide(ev, sources.get(ev.id, [])) for ev in events],
        window=tq.window,
        next_cursor=page.next_cursor,
    )


@router.get("/timeline/vis", response_model=VisOut)
async def vis(run: RunDep, tq: TimelineQueryDep) -> VisOut:
    page = await run(run.store.timeline, tq.flt, limit=tq.limit, cursor=tq.cursor)
    events = _dated(page.rows)
    groups = sorted({ev.type for ev in events})
    return VisOut(
        items=[vis_item(ev) for ev in events],
        groups=[VisGroup(id=g, content=label(g)) for g in groups],
        window=tq.window,
        filters=tq.filters,
        next_cursor=page.next_cursor,
    )
