"""Typed dependencies: the store, the settings, and a runner that bounds each request's store time."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request

from eventgraph.graph import deadline as deadlines
from eventgraph.graph.deadline import Deadline
from eventgraph.graph.errors import QueryTimeout
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings

T = TypeVar("T")


class Slots:
    """At most ``size`` store calls at work at once. A slot is freed when the work stops, not
    when the request gives up on it, so timed-out calls still count until they have stopped.

    Worker threads give slots back, so the count is a thread-safe semaphore; waiting requests
    sleep on an event of their own loop, and each slot given back wakes the longest waiter.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = threading.Semaphore(size)
        self._lock = threading.Lock()
        self._waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = deque()
        self.in_use = 0

    def try_take(self) -> bool:
        if not self._free.acquire(blocking=False):
            return False
        with self._lock:
            self.in_use += 1
        return True

    async def take(self) -> None:
        """Wait for a slot (cancellable: the request's time limit covers the wait)."""
        while not self.try_take():
            waiter = (asyncio.get_running_loop(), asyncio.Event())
            with self._lock:
                self._waiters.append(waiter)
            try:
                if self.try_take():  # freed between the first look and joining the queue
                    with self._lock:
                        self._leave(waiter)
                    return
                await waiter[1].wait()
            except BaseException:
                with self._lock:
                    woken = waiter not in self._waiters  # a slot given back chose this waiter
                    self._leave(waiter)
                if woken:
                    self._wake_one()  # woken, then cancelled: pass the turn on
                raise

    def _leave(self, waiter: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
        if waiter in self._waiters:
            self._waiters.remove(waiter)

    def give_back(self) -> None:
        """Called by whoever ends the work: the worker thread, or the caller if it never started."""
        with self._lock:
            self.in_use -= 1
        self._free.release()
        self._wake_one()

    def _wake_one(self) -> None:
        with self._lock:
            waiter = self._waiters.popleft() if self._waiters else None
        if waiter is not None:
            loop, event = waiter
            with contextlib.suppress(RuntimeError):  # that loop has closed: nobody waits there
                loop.call_soon_threadsafe(event.set)


class _Call:
    """One store call's hand-over between the request and its worker thread: exactly one of them
    gives the slot back, the worker when it ran, the request when the worker never started."""

    def __init__(self, slots: Slots) -> None:
        self.slots = slots
        self.lock = threading.Lock()
        self.held = self.started = self.closed = False

    def run(self, work: Callable[[], T], deadline: Deadline) -> T:
        with self.lock:
            if self.closed:
                raise QueryTimeout("the request gave up before the query started")
            self.started = True
        try:
            with deadlines.bound(deadline):
                return work()
        finally:
            self.slots.give_back()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            if self.held and not self.started:
                self.slots.give_back()


def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class Runner:
    """Runs blocking store calls in worker threads against one deadline for the whole request.

    A request may need several calls (resolving a name, choosing a year, the query itself);
    the time limit covers them all. The store's loops and Neo4j transactions see the deadline
    (graph.deadline), so a call that overruns stops soon after: the request answers 504 at the
    deadline and the call keeps its slot (``Slots``) until it has actually stopped.
    """

    def __init__(self, store: GraphStore, timeout: float, slots: Slots) -> None:
        self.store = store
        self.timeout = timeout
        self.deadline = Deadline(timeout)
        self.slots = slots

    async def __call__(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        remaining = self.deadline.remaining()
        if remaining <= 0:
            raise TimeoutError(f"time limit of {self.timeout:g} s reached")
        call = _Call(self.slots)
        done = False
        try:
            with anyio.fail_after(remaining):
                await self.slots.take()
                call.held = True
                work = partial(call.run, partial(fn, *args, **kwargs), self.deadline)
                result = await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
            done = True
            return result
        except TimeoutError:
            raise TimeoutError(f"time limit of {self.timeout:g} s reached") from None
        finally:
            call.close()
            if not done:  # timed out, failed or the client left: the work stops at its next check
                self.deadline.cancel()


def get_runner(request: Request) -> Runner:
    state = request.app.state
    return Runner(state.store, state.settings.query_timeout, state.slots)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RunDep = Annotated[Runner, Depends(get_runner)]
