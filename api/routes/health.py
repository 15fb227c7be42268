"""GET /health: which store answers, how much it holds, and whether it is reachable."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request, Response

from eventgraph.api.deps import RunDep, Runner
from eventgraph.api.schemas import CountsOut, HealthOut
from eventgraph.graph.errors import StoreError
from eventgraph.graph.store import Counts

router = APIRouter(tags=["health"])
# Monitors and load balancers poll /health; counting by type reads every event (100k events on
# Neo4j: ~40 ms of server CPU), so counts are reused for this many seconds. Reachability is live.
COUNTS_MAX_AGE = 5.0


async def _counts(run: Runner, request: Request) -> Counts:
    state = request.app.state
    cached: tuple[float, Counts] | None = getattr(state, "health_counts", None)
    now = time.monotonic()
    if cached and now - cached[0] < COUNTS_MAX_AGE:
        return cached[1]
    counts = await run(run.store.counts)
    state.health_counts = (now, counts)
    return counts


@router.get(
    "/health",
    response_model=HealthOut,
    responses={503: {"model": HealthOut, "description": "The store cannot be reached (status degraded)."}},
)
async def health(run: RunDep, request: Request, response: Response) -> HealthOut:
    """200 when the store answers, 503 when it does not, so a load balancer or an orchestrator can
    act on the status alone; the body says what is wrong. Counts may be COUNTS_MAX_AGE s old."""
    store = run.store
    try:
        reachable = await run(store.ping)
        counts = await _counts(run, request) if reachable else None
    except (StoreError, TimeoutError) as exc:
        response.status_code = 503
        return HealthOut(status="degraded", store=store.kind, reachable=False, counts=None, detail=str(exc))
    if not reachable:
        response.status_code = 503
    return HealthOut(
        status="ok" if reachable else "degraded",
        store=store.kind,
        reachable=reachable,
        counts=CountsOut(**vars(counts)) if counts else None,
        detail=None if reachable else f"the {store.kind} store does not answer",
    )
