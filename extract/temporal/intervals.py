"""Date resolution for the extractor and the API: tense-aware re-anchoring, relative shifts, query windows.

The tagger (``extract.timex``) guesses a tense from nearby words; once the extractor knows the tense
of the governing verb, ``resolve`` re-anchors the expressions whose position that tense decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from eventgraph.extract.temporal import calendar as timecal
from eventgraph.extract.temporal.tagger import tag
from eventgraph.extract.temporal.timex_types import Relation, Tense, Timex
from eventgraph.graph.model import DateInterval

__all__ = ["QueryWindow", "Relation", "parse_window", "resolve", "shift"]


def resolve(timex: Timex, dct: date, tense: Tense | None) -> DateInterval | None:
    """The interval of ``timex`` when its governing verb has ``tense``.

    Only expressions that name a calendar position without fixing it ("Wednesday", "December 9",
    "in April", "the summer") move; everything else keeps the interval the tagger gave it. None when
    the tense puts it outside the calendar ("Monday" in the future of 9999-12-31).
    """
    if timex.anchor is None or ("X" in timex.value[:4] and timex.interval is None and dct is None):
        return timex.interval
    try:
        value = timecal.anchor_value(timex.anchor, dct, tense)
    except (ValueError, OverflowError):
        return None
    interval = timecal.interval_of_value(value)
    if interval is None:
        return timex.interval
    if timex.interval is not None and timex.interval.precision == "range" and timex.mod is None:
        # a span the anchor starts ("Dec. 9-11", "the first week of December"): move it whole
        moved = interval.start - timex.interval.start
        if timex.interval.start.month == interval.start.month:
            try:
                return DateInterval(timex.interval.start + moved, timex.interval.end + moved, "range")
            except OverflowError:
                return None
    return timecal.apply_mod(interval, timex.mod, dct)


def shift(anchor: DateInterval, relation: Relation) -> DateInterval | None:
    """Apply "two days after", "a week later", "the previous week", "that same day" to an event's date.

    A counted shift moves the anchor by that many units and keeps its precision ("two days after" a
    day is a day). An uncounted neighbouring unit is the calendar unit next to the anchor's, stretched
    to the anchor itself because "the previous week" may mean the calendar week before or the seven
    days before: the previous week of Sunday 27 June is 14-26 June (precision range). None when the
    result would leave the calendar ("a year later" than 9999-06-01).
    """
    try:
        return _shift(anchor, relation)
    except (ValueError, OverflowError):
        return None


def _shift(anchor: DateInterval, relation: Relation) -> DateInterval:
    if relation.direction == "same":
        return anchor
    sign = -1 if relation.direction == "before" else 1
    if relation.amount is not None:
        start = timecal.shift_day(anchor.start, sign * relation.amount, relation.unit)
        end = timecal.shift_day(anchor.end, sign * relation.amount, relation.unit)
        return DateInterval(start, max(start, end), anchor.precision)
    if relation.unit == "day":
        day = (anchor.start - timedelta(days=1)) if sign < 0 else (anchor.end + timedelta(days=1))
        return DateInterval(day, day, "day")
    if relation.unit == "week":
        if sign < 0:
            start = timecal.monday(anchor.start) - timedelta(days=7)
            return DateInterval(start, anchor.start - timedelta(days=1), "range")
        end = timecal.monday(anchor.end) + timedelta(days=13)
        return DateInterval(anchor.end + timedelta(days=1), end, "range")
    if relation.unit == "month":
        first = timecal.add_months(anchor.start.replace(day=1), sign)
        return DateInterval(first, timecal.month_end(first.year, first.month), "month")
    year = anchor.start.year + sign
    return DateInterval(date(year, 1, 1), date(year, 12, 31), "year")


@dataclass(frozen=True)
class QueryWindow:
    """A date range asked for by an API user; ``year_given`` is False for "between Oct 28 and Dec 16"."""

    start: date
    end: date
    year_given: bool

    def in_year(self, year: int) -> QueryWindow:
        """The same month-days starting in ``year``; a range that wraps the new year ends in the next.
        ValueError when that year lacks one of its days (Feb 29) or is outside the calendar."""
        try:
            start = _with_year(self.start, year)
            end = _with_year(self.end, year + (self.end.year - self.start.year))
            if end < start:
                end = _with_year(self.end, year + 1)
        except ValueError as exc:
            raise ValueError(f"cannot place the window in {year}: {exc}") from None
        return QueryWindow(start, end, self.year_given)


def _with_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:
        timecal.year_value(year)  # names a year outside the calendar
        raise ValueError(f"{year} has no {day:%B} {day.day}") from None


_UNREAD_NUMBER = re.compile(r"\S*\d\S*")


def parse_window(text: str, ref: date | None = None) -> QueryWindow:
    """A query window from "between Oct 28 and Dec 16", "from 2019-10-28 to 2019-12-16", "in December
    2019" or "last week" (relative to ``ref``, default today).

    Raises ValueError naming the phrase when no date in it can be placed on the calendar, when it holds
    a number that is not part of a date ("December 21000": not silently December of this year), when a
    date it names lies outside the calendar, or when its dates run backwards ("between Oct 28 2019 and
    Oct 27 2019").
    """
    today = ref or date.today()
    timexes = tag(text, today, "past")
    for t in timexes:
        if t.outside_calendar:
            raise ValueError(f"{t.text!r} in {text!r} falls outside the calendar ({timecal.CALENDAR})")
    unread = _UNREAD_NUMBER.findall(_blank_out(text, timexes))
    if unread:
        raise ValueError(f"cannot read {' '.join(unread)!r} in {text!r} as part of a date")
    dated = [t for t in timexes if t.interval is not None and t.type != "SET"]  # "the past 30 days" too
    if not dated:
        raise ValueError(f"cannot read a date range from {text!r}")
    intervals = [t.interval for t in dated if t.interval]
    for (earlier, first), (later, second) in pairwise(zip(dated, intervals, strict=True)):
        if earlier.anchor is None and later.anchor is None and second.end < first.start:
            raise ValueError(f"{text!r} ends ({second.end}) before it starts ({first.start})")
    start = min(iv.start for iv in intervals)
    end = max(iv.end for iv in intervals)
    year_given = all(t.anchor is None for t in dated)
    if not year_given:
        start = intervals[0].start
        if end < start:
            end = _with_year(end, start.year + 1)
    return QueryWindow(start, end, year_given)


def _blank_out(text: str, timexes: list[Timex]) -> str:
    """``text`` with the expressions the tagger read replaced by spaces."""
    chars = list(text)
    for t in timexes:
        chars[t.start : t.end] = " " * (t.end - t.start)
    return "".join(chars)
