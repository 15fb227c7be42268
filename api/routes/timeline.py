"""GET /timeline: what happened in a window, in date order."""

from __future__ import annotations

from fastapi import APIRouter

from eventgraph.api import caching
from eventgraph.api.deps import RunDep
from eventgraph.api.query import TimelineQueryDep
from eventgraph.api.schemas import EventOut, TimelineOut

router = APIRouter(tags=["timeline"], dependencies=caching.Validated)


@router.get("/timeline", response_model=TimelineOut)
async def timeline(run: RunDep, tq: TimelineQueryDep) -> TimelineOut:
    """Events in the window (start/end, or q in words), filtered, one page at a time."""
    page = await run(run.store.timeline, tq.flt, limit=tq.limit, cursor=tq.cursor)
    return TimelineOut(
        window=tq.window,
        filters=tq.filters,
        events=[EventOut.of(row) for row in page.rows],
        limit=tq.limit,
        next_cursor=page.next_cursor,
    )
