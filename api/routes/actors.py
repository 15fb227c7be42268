"""GET /actors (alias-aware search) and GET /actors/{id} (who it dealt with, and when)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from eventgraph.api import caching
from eventgraph.api.deps import RunDep, SettingsDep
from eventgraph.api.errors import not_found
from eventgraph.api.query import ACTOR_ID
from eventgraph.api.schemas import ActorDetailOut, ActorOut, ActorSearchOut, InteractionOut, affiliation_out

router = APIRouter(tags=["actors"], dependencies=caching.Validated)


@router.get("/actors", response_model=ActorSearchOut)
async def search(
    run: RunDep,
    settings: SettingsDep,
    q: Annotated[str, Query(max_length=200, description="Name or alias, fuzzy; empty lists actors.")] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> ActorSearchOut:
    found = await run(run.store.actors, q, limit=min(limit, settings.max_limit))
    return ActorSearchOut(query=q, actors=[ActorOut.of(a) for a in found])


@router.get("/actors/{actor_id}", response_model=ActorDetailOut)
async def actor(
    run: RunDep,
    actor_id: Annotated[
        str, Path(max_length=210, pattern=ACTOR_ID.pattern, description="e.g. person:mark-esper")
    ],
) -> ActorDetailOut:
    detail = await run(run.store.actor, actor_id)
    if detail is None:
        raise not_found(f"no actor with id {actor_id!r}; search names with /actors?q=", parameter="actor_id")
    known = {**detail.related, detail.actor.id: detail.actor}
    affiliations = [out for aff in detail.affiliations if (out := affiliation_out(aff, known))]
    return ActorDetailOut(
        actor=ActorOut.of(detail.actor),
        event_count=detail.event_count,
        affiliations=affiliations,
        interactions=[InteractionOut.of(i) for i in detail.interactions],
    )
