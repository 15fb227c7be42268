"""Widget feeds: the /timeline answer shaped for Knight Lab TimelineJS and for vis-timeline."""

from __future__ import annotations

import html
from datetime import timedelta

from fastapi import APIRouter

from api.deps import RunDep
from api.query import TimelineQueryDep
from api.schemas import (
    EventOut,
    TimelineJSOut,
    TJSDate,
    TJSEvent,
    TJSText,
    VisGroup,
    VisItem,
    VisOut,
)
from graph.store import EventRow

router = APIRouter(tags=["feeds"])


def _label(event_type: str) -> str:
    return event_type.replace("_", " ")


def _display_date(ev: EventOut) -> str | None:
    """Words for any date that is not one certain day, so the widget does not overstate precision."""
    assert ev.date is not None
    d = ev.date
    text = {
        "day": None,
        "week": f"week of {d.start:%d %B %Y}",
        "month": f"{d.start:%B %Y}",
        "year": f"{d.start:%Y}",
    }.get(d.precision, f"{d.start:%d %b %Y} – {d.end:%d %b %Y}")
    if ev.disputed:
        text = f"{text or f'{d.start:%d %B %Y}'} (disputed: the sources disagree)"
    return text


def _tjs_dates(ev: EventOut) -> tuple[TJSDate, TJSDate | None]:
    assert ev.date is not None
    d = ev.date
    if d.precision == "year":
        return TJSDate(year=d.start.year), None
    if d.precision == "month":
        return TJSDate(year=d.start.year, month=d.start.month), None
    start = TJSDate(year=d.start.year, month=d.start.month, day=d.start.day)
    end = TJSDate(year=d.end.year, month=d.end.month, day=d.end.day) if d.end != d.start else None
    return start, end


def _details(ev: EventOut) -> str:
    parts = [
        f"<p>{html.escape(', '.join(a.name for a in ev.agents) or '?')} → "
        f"{html.escape(', '.join(a.name for a in ev.targets) or '—')}</p>"
    ]
    if ev.place:
        parts.append(f"<p>{html.escape(ev.place.name)}</p>")
    parts.append(f"<p>{ev.source_count} source(s); CAMEO {ev.cameo}, PLOVER {ev.plover}</p>")
    return "".join(parts)


def tjs_event(ev: EventOut) -> TJSEvent:
    start, end = _tjs_dates(ev)
    return TJSEvent(
        unique_id=ev.id,
        start_date=start,
        end_date=end,
        display_date=_display_date(ev),
        text=TJSText(headline=html.escape(ev.summary), text=_details(ev)),
        group=_label(ev.type),
    )


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
        title=f"{ev.summary} ({_display_date(ev) or ev.date.start.isoformat()})",
    )


def _dated(rows: list[EventRow]) -> list[EventOut]:
    """Widgets need a date to place an event; undated ones stay in /timeline only."""
    return [EventOut.of(r) for r in rows if r.event.date is not None]


@router.get("/timeline/timelinejs", response_model=TimelineJSOut)
async def timelinejs(run: RunDep, tq: TimelineQueryDep) -> TimelineJSOut:
    page = await run(run.store.timeline, tq.flt, limit=tq.limit, cursor=tq.cursor)
    return TimelineJSOut(
        events=[tjs_event(ev) for ev in _dated(page.rows)], window=tq.window, next_cursor=page.next_cursor
    )


@router.get("/timeline/vis", response_model=VisOut)
async def vis(run: RunDep, tq: TimelineQueryDep) -> VisOut:
    page = await run(run.store.timeline, tq.flt, limit=tq.limit, cursor=tq.cursor)
    events = _dated(page.rows)
    groups = sorted({ev.type for ev in events})
    return VisOut(
        items=[vis_item(ev) for ev in events],
        groups=[VisGroup(id=g, content=_label(g)) for g in groups],
        window=tq.window,
        filters=tq.filters,
        next_cursor=page.next_cursor,
    )
