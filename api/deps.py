"""Typed dependencies: the store, the settings, and a runner that bounds each request's store time."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request

from api.settings import Settings
from graph.store import GraphStore

T = TypeVar("T")


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class Runner:
    """Runs blocking store calls in worker threads against one deadline for the whole request.

    A request may need several calls (resolving a name, choosing a year, the query itself);
    the time limit covers them all. A call that overruns is abandoned and the request answers
    504, while the concurrency limiter keeps abandoned calls from piling up.
    """

    def __init__(self, store: GraphStore, timeout: float, limiter: anyio.CapacityLimiter) -> None:
        self.store = store
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.limiter = limiter

    async def __call__(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"time limit of {self.timeout:g} s reached")
        try:
            with anyio.fail_after(remaining):
                return await anyio.to_thread.run_sync(
                    partial(fn, *args, **kwargs), abandon_on_cancel=True, limiter=self.limiter
                )
        except TimeoutError:
            raise TimeoutError(f"time limit of {self.timeout:g} s reached") from None


def get_runner(request: Request) -> Runner:
    state = request.app.state
    return Runner(state.store, state.settings.query_timeout, state.limiter)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RunDep = Annotated[Runner, Depends(get_runner)]
