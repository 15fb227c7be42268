"""A hub's links in search order for the embedded store, read a page at a time (graph.paths.Paged).

The path search visits an actor's hops in (start date, link id) order and usually stops early, so a
hub with hundreds of thousands of events needs only the first few pages of that order: an index of
(key, event id) per actor, sorted once after each upsert, answers a page by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from eventgraph.graph.model import DateInterval
from eventgraph.graph.paths import Incidence, link_key, usable

Order = list[tuple[date, str]]  # (link_key date, event id), sorted


def order(incs: Iterable[Incidence]) -> tuple[Order, list[Incidence]]:
    """An actor's events in search order, and its affiliations (few: all on page one)."""
    incs = list(incs)
    events = sorted(link_key(inc) for inc in incs if inc.kind == "event")
    return events, [inc for inc in incs if inc.kind == "affiliation"]


def page(
    keys: Order,
    incidence: Callable[[str], Incidence],
    after: tuple[date, str] | None,
    limit: int,
    window: DateInterval | None,
    dated: bool,
    max_span: int,
) -> list[Incidence]:
    """Up to ``limit`` usable events after ``after`` in ``keys``; a window starts the scan at its
    start less the longest event span and stops it past its end."""
    i = bisect_right(keys, after) if after else 0
    stop = date.max if dated or window else None  # undated events sort last under date.max
    if window is not None:
        try:
            first = window.start - timedelta(days=max_span)
        except OverflowError:
            first = date.min
        i = max(i, bisect_left(keys, (first, "")))
        stop = window.end + timedelta(days=1) if window.end < date.max else date.max
    out: list[Incidence] = []
    while i < len(keys) and len(out) < limit:
        key, event_id = keys[i]
        if stop is not None and key >= stop:
            break
        inc = incidence(event_id)
        if usable(inc, window, dated):
            out.append(inc)
        i += 1
    return out
