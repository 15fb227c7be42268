"""GET /events/{id}: one event with every source and the date each gave."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from eventgraph.api import caching
from eventgraph.api.deps import RunDep
from eventgraph.api.errors import not_found
from eventgraph.api.schemas import EventWithSources, event_with_sources

router = APIRouter(tags=["events"], dependencies=caching.Validated)

EventId = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_.:-]+$")]


@router.get("/events/{event_id}", response_model=EventWithSources)
async def event(run: RunDep, event_id: EventId) -> EventWithSources:
    detail = await run(run.store.event, event_id)
    if detail is None:
        raise not_found(f"no event with id {event_id!r}; ids come from /timeline", parameter="event_id")
    return event_with_sources(detail)
