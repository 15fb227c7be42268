"""Timeline windows and cursors, shared so both stores select and page identically.

A filter becomes four bounds on an event's (start, end): an index range on
``start`` plus exact checks. For ``overlap`` the lower start bound is the window
start minus the longest event interval in the store, so the range is exact
without scanning everything before the window.
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from eventgraph.graph.store import TimelineFilter

DATE_MIN = date(1, 1, 1)
DATE_MAX = date(9999, 12, 31)
ROW_CAP = 10_000  # most rows one call returns, whatever limit is asked for
# Upper bounds (days) of the interval-length classes both stores index separately: an overlap window
# then starts each class's range at that class's longest span before the window, not the store's
# longest, and each class's range comes back in start order (what lets a store stop at ``limit``).
SPAN_CLASSES = (0, 7, 31, 92, 366)

SortKey = tuple[date, date, str]  # (start, end, id): the timeline order


class BadCursor(ValueError):
    """A cursor that this code did not hand out."""


@dataclass(frozen=True)
class Bounds:
    start_lo: date
    start_hi: date
    end_lo: date
    end_hi: date
    after: SortKey | None  # rows strictly after this key (cursor paging)

    def admits(self, key: SortKey) -> bool:
        start, end, _ = key
        return (
            self.start_lo <= start <= self.start_hi
            and self.end_lo <= end <= self.end_hi
            and (self.after is None or key > self.after)
        )


def bounds(flt: TimelineFilter, max_span_days: int, cursor: str | None = None) -> Bounds:
    """Turn a filter (and cursor) into the range both stores query."""
    if flt.start and flt.end and flt.end < flt.start:
        raise ValueError(f"window ends before it starts: {flt.start}..{flt.end}")
    if flt.match == "within":
        start_lo, start_hi = flt.start or DATE_MIN, flt.end or DATE_MAX
        end_lo, end_hi = DATE_MIN, flt.end or DATE_MAX
    else:
        start_lo = _minus_days(flt.start, max_span_days) if flt.start else DATE_MIN
        start_hi, end_lo, end_hi = flt.end or DATE_MAX, flt.start or DATE_MIN, DATE_MAX
    after = decode_cursor(cursor) if cursor else None
    if after:
        start_lo = max(start_lo, after[0])
    return Bounds(start_lo, start_hi, end_lo, end_hi, after)


def span_class(start: date, end: date) -> int:
    """Index into SPAN_CLASSES of an interval (len(SPAN_CLASSES): longer than a year)."""
    return bisect_left(SPAN_CLASSES, (end - start).days)


def class_floors(flt: TimelineFilter, cursor: str | None = None) -> list[tuple[int, date | None]]:
    """(class, lowest start) per span class for a window; None where the class is unbounded (the
    longest class of an overlap window: the store widens it by its own longest interval)."""
    floors: list[tuple[int, date | None]] = [
        (k, bounds(flt, longest, cursor).start_lo) for k, longest in enumerate(SPAN_CLASSES)
    ]
    unbounded = flt.match == "overlap" and flt.start is not None
    floors.append((len(SPAN_CLASSES), None if unbounded else bounds(flt, 0, cursor).start_lo))
    return floors


def bucket_start(day: date, bucket: str, window_start: date | None = None) -> date:
    """The first day of the histogram bucket an event starting on ``day`` counts in: its first day
    inside the window, truncated to the day, the ISO week (Monday) or the month."""
    if window_start is not None and day < window_start:
        day = window_start
    if bucket == "week":
        return day - timedelta(days=day.weekday())  # 0001-01-01 is a Monday: never off the calendar
    if bucket == "month":
        return day.replace(day=1)
    return day


def _minus_days(day: date, days: int) -> date:
    return day - timedelta(days=days) if (day - DATE_MIN).days > days else DATE_MIN


def encode_cursor(key: SortKey) -> str:
    raw = json.dumps([key[0].isoformat(), key[1].isoformat(), key[2]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> SortKey:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        start, end, event_id = json.loads(raw)
        return date.fromisoformat(start), date.fromisoformat(end), str(event_id)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise BadCursor(f"not a timeline cursor: {cursor[:40]!r}") from exc
