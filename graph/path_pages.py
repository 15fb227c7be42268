"""A hub's links in search order, read a page at a time (graph.paths.Paged): the cursor arithmetic
both stores share (``seek``), and the embedded store's per-actor orders (``Orders``).

The path search visits an actor's hops in (start date, link id) order and usually stops early, so a
hub with hundreds of thousands of events needs only the first few pages of that order. The embedded
store keeps, for every actor with more than graph.paths.BIG events, its (key, event id) list sorted
and up to date at every upsert (insort for a few changes, a sort for many), so even the first search
after a load answers a page by bisection; Neo4j seeks the same range on its ``event_start`` index.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from eventgraph.graph.model import DateInterval
from eventgraph.graph.paths import BIG, Incidence, usable

Key = tuple[date, str]  # graph.paths.link_key of an event: (start, date.max when undated; id)
Order = list[Key]  # sorted
REBUILD_SHARE = 8  # an order changed by more than 1/REBUILD_SHARE of its length is sorted afresh


@dataclass(frozen=True)
class Seek:
    """Where a page of an actor's events starts and stops in (start, id) order: the cursor
    arithmetic both stores share (the embedded store bisects, Neo4j seeks its index)."""

    after: Key | None  # strictly after this key (the cursor), None: from the first
    window_start: date | None  # usable events end on or after it (a start bound: less the longest span)
    hi: date | None  # highest start (the window's end); undated events sort past any hi
    undated: bool  # whether undated events (last in the order) may be on the page

    @property
    def after_start(self) -> date | None:
        """The cursor's start date; None when there is no cursor or it is among undated events."""
        return None if self.after is None or self.after[0] == date.max else self.after[0]

    @property
    def after_id(self) -> str | None:
        return self.after[1] if self.after else None

    @property
    def in_undated(self) -> bool:
        """The cursor is past every dated event: only undated ones may follow."""
        return self.after is not None and self.after[0] == date.max

    def lo(self, max_span: int) -> date | None:
        """The lowest start a usable event may have: the window's start less the longest span."""
        if self.window_start is None:
            return None
        try:
            return self.window_start - timedelta(days=max_span)
        except OverflowError:
            return date.min


def seek(after: Key | None, window: DateInterval | None, dated: bool) -> Seek:
    """A page's range from its cursor and the search's filter (graph.paths.usable)."""
    return Seek(
        after, window.start if window else None, window.end if window else None, window is None and not dated
    )


def page(
    keys: Order,
    incidence: Callable[[str], Incidence],
    at: Seek,
    limit: int,
    window: DateInterval | None,
    dated: bool,
    max_span: int,
) -> list[Incidence]:
    """Up to ``limit`` usable events of the range ``at`` in ``keys``, by bisection then a scan."""
    i = bisect_right(keys, at.after) if at.after else 0
    lo = at.lo(max_span)
    if lo is not None:
        i = max(i, bisect_left(keys, (lo, "")))
    stop = (at.hi + timedelta(days=1)) if at.hi is not None and at.hi < date.max else None
    if stop is None and not at.undated:
        stop = date.max  # undated events sort last under date.max
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


Change = tuple[Key | None, frozenset[str], Key | None, frozenset[str]]  # old key, old actors, new ...


class Orders:
    """Every paged actor's events in search order, kept current at upsert (graph.memory)."""

    def __init__(self) -> None:
        self.keys: dict[str, Order] = {}

    def get(self, actor_id: str) -> Order | None:
        return self.keys.get(actor_id)

    def clear(self) -> None:
        self.keys.clear()

    def update(
        self, changes: Iterable[Change], events_of: Callable[[str], list[str]], key: Callable[[str], Key]
    ) -> None:
        """Apply a batch's event changes: actors whose order changes little take insorts, the
        others (and actors just past BIG events) get their order sorted afresh."""
        gone: dict[str, list[Key]] = {}
        came: dict[str, list[Key]] = {}
        for old_key, old_actors, new_key, new_actors in changes:
            same = old_key == new_key
            for actor in old_actors - new_actors if same else old_actors:
                assert old_key is not None
                gone.setdefault(actor, []).append(old_key)
            for actor in new_actors - old_actors if same else new_actors:
                assert new_key is not None
                came.setdefault(actor, []).append(new_key)
        for actor in gone.keys() | came.keys():
            events = events_of(actor)
            order = self.keys.get(actor)
            if len(events) <= BIG:
                self.keys.pop(actor, None)
            elif order is None or (len(gone.get(actor, ())) + len(came.get(actor, ()))) * REBUILD_SHARE > len(
                order
            ):
                new = came.get(actor, [])  # every event of the actor came in this batch: keys known
                self.keys[actor] = sorted(new) if len(new) == len(events) else sorted(map(key, events))
            else:
                for k in gone.get(actor, ()):
                    i = bisect_left(order, k)
                    if i < len(order) and order[i] == k:
                        del order[i]
                for k in came.get(actor, ()):
                    insort(order, k)
