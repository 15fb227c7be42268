"""GET /problems/{type}: what each problem type of the error answers means (RFC 9457 ``type``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel

from eventgraph.api.errors import PROBLEM_TYPES, not_found

router = APIRouter(tags=["problems"])


class ProblemTypeOut(BaseModel):
    type: str
    title: str
    status: int
    description: str


@router.get("/problems/{slug}", response_model=ProblemTypeOut)
async def problem_type(slug: Annotated[str, Path(max_length=40, pattern=r"^[a-z-]+$")]) -> ProblemTypeOut:
    if slug not in PROBLEM_TYPES:
        known = ", ".join(sorted(PROBLEM_TYPES))
        raise not_found(f"no problem type {slug!r}; the known ones: {known}", parameter="slug")
    title, status, description = PROBLEM_TYPES[slug]
    return ProblemTypeOut(type=f"/problems/{slug}", title=title, status=status, description=description)
