"""GET /health: which store answers, how much it holds, and whether it is reachable."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import RunDep
from api.schemas import CountsOut, HealthOut
from graph.errors import StoreError

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut)
async def health(run: RunDep) -> HealthOut:
    """Always 200 so monitors can read the body: "degraded" says what is wrong."""
    store = run.store
    try:
        reachable = await run(store.ping)
        counts = await run(store.counts) if reachable else None
    except (StoreError, TimeoutError) as exc:
        return HealthOut(status="degraded", store=store.kind, reachable=False, counts=None, detail=str(exc))
    return HealthOut(
        status="ok" if reachable else "degraded",
        store=store.kind,
        reachable=reachable,
        counts=CountsOut(**vars(counts)) if counts else None,
        detail=None if reachable else f"the {store.kind} store does not answer",
    )
