"""A request's time limit, seen by the work itself so that a timed-out query stops.

The API runs store calls in worker threads. A thread cannot be killed, so the long loops
(the path search, the timeline scan, Neo4j round trips) check the deadline of the call they
serve and raise ``QueryTimeout`` once it has passed or the caller has given up. The deadline
travels in a context variable, bound by the worker for the duration of one call, so store
methods keep their signatures.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from eventgraph.graph.errors import QueryTimeout


class Deadline:
    """A point in monotonic time, and a flag the caller sets when it stops waiting."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self._cancelled = threading.Event()

    def remaining(self) -> float:
        """Seconds left (0 once expired or cancelled)."""
        return 0.0 if self._cancelled.is_set() else max(0.0, self.at - time.monotonic())

    def expired(self) -> bool:
        return self._cancelled.is_set() or time.monotonic() >= self.at

    def cancel(self) -> None:
        """The caller gave up (it answered 504, or the client left): the work should stop now."""
        self._cancelled.set()

    def check(self) -> None:
        """Raise QueryTimeout when the work should stop; cheap enough for every loop iteration."""
        if self.expired():
            raise QueryTimeout(f"the query ran past its time limit of {self.seconds:g} s and was stopped")


_current: ContextVar[Deadline | None] = ContextVar("eventgraph_deadline", default=None)


def current() -> Deadline | None:
    """The deadline of the call this thread serves, if any (None: no limit, as in the CLI)."""
    return _current.get()


@contextmanager
def bound(deadline: Deadline | None) -> Iterator[None]:
    """Make ``deadline`` the current one for the calls made inside the block."""
    token = _current.set(deadline)
    try:
        yield
    finally:
        _current.reset(token)


def bounded(seconds: float) -> float:
    """``seconds``, or less when the current deadline leaves less (a server-side time limit);
    raises QueryTimeout once that deadline has passed, so nothing more is sent."""
    deadline = _current.get()
    if deadline is None:
        return seconds
    deadline.check()
    return min(seconds, max(deadline.remaining(), 0.001))


def check() -> None:
    """``current().check()`` when there is a current deadline."""
    deadline = _current.get()
    if deadline is not None:
        deadline.check()
