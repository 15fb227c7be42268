"""GET /path: the chains of events and affiliations linking two actors, with dates and sources at
each event hop and the role at each affiliation hop."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from eventgraph.api import caching
from eventgraph.api.deps import RunDep
from eventgraph.api.errors import bad_request
from eventgraph.api.query import event_details, resolve_actor
from eventgraph.api.schemas import ActorRef, PathOut, PathsOut, WindowOut
from eventgraph.graph.model import DateInterval

router = APIRouter(tags=["path"], dependencies=caching.Validated)


@router.get("/path", response_model=PathsOut)
async def path(
    run: RunDep,
    source: Annotated[
        str, Query(alias="from", min_length=1, max_length=200, description="Actor id or name.")
    ],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200, description="Actor id or name.")],
    max_hops: Annotated[
        int, Query(ge=1, le=6, description="Longest chain, in hops (events and affiliations).")
    ] = 4,
    ordered: Annotated[
        bool, Query(description="Also find chains whose events follow in date order.")
    ] = False,
    start: Annotated[
        date | None, Query(description="Only events from this day on (affiliations have no date).")
    ] = None,
    end: Annotated[date | None, Query(description="Only events up to this day.")] = None,
    limit: Annotated[int, Query(ge=1, le=20, description="Most chains of each kind.")] = 5,
) -> PathsOut:
    if start and end and end < start:
        raise bad_request(f"the window ends ({end}) before it starts ({start})", parameter="end")
    a = await resolve_actor(run, source, role="from")
    b = await resolve_actor(run, target, role="to")
    window = DateInterval(start or date.min, end or date.max, "range") if start or end else None
    kwargs = {"max_hops": max_hops, "window": window, "limit": limit}
    shortest = await run(run.store.path, a.id, b.id, ordered=False, **kwargs)
    chains = await run(run.store.path, a.id, b.id, ordered=True, **kwargs) if ordered else None
    hops = [h for p in [*shortest, *(chains or [])] for h in p.hops]
    event_ids = {h.event.event.id for h in hops if h.event is not None}
    details = await run(event_details, run.store, event_ids)
    return PathsOut(
        source=ActorRef.of(a),
        target=ActorRef.of(b),
        max_hops=max_hops,
        window=WindowOut(start=start, end=end, match="overlap") if window else None,
        shortest=[PathOut.of(p, details) for p in shortest],
        ordered=[PathOut.of(p, details) for p in chains] if chains is not None else None,
    )
