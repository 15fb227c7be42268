"""Second pass of the temporal tagger: expressions that qualify or continue their neighbours.

"since October 28" runs to the publication date, "between Oct 28 and Dec 16 1850" is one span whose
year both ends share, "Saturday, April 25" is one day, "10 p.m. Wednesday" one time on that day.
Apart from ``timex`` so the grammar's first pass and these joins can change independently.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventgraph.extract.temporal import calendar as timecal
from eventgraph.extract.temporal.calendar import apply_mod, interval_of_value
from eventgraph.extract.temporal.timex_types import Timex
from eventgraph.graph.model import DateInterval

__all__ = ["join_neighbours"]

_SINCE = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_WEEKDAY_GAP = re.compile(r"\s*,?\s*(?:the\s+)?", re.IGNORECASE)
_WEEKDAY_ANCHOR = re.compile(r"XXXX-WXX-([1-7])")
_CLOCK_GAP = re.compile(r"\s*(?:,|on|at)?\s*", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T\d\d:\d\d)")
_YEARLESS = re.compile(r"XXXX-(?:\d\d|SP|SU|FA|WI)(?:-\d\d)?(?:T\w+)?")  # not weekdays: no year to lend


def join_neighbours(timexes: list[Timex], text: str, dct: date | None) -> list[Timex]:
    """All the joins, in order: since, ranges, weekday + date, clock time + day."""
    joined = _join_weekday_dates(_join_ranges(_mark_since(timexes, text, dct), text, dct), text)
    return _join_clock_times(joined, text)


def _mark_since(timexes: list[Timex], text: str, dct: date | None) -> list[Timex]:
    """ "since October 28" runs from October 28 to the publication date."""
    out = []
    for t in timexes:
        if t.interval and t.mod is None and dct and _SINCE.search(text, max(0, t.start - 12), t.start):
            since = apply_mod(t.interval, "SINCE", dct)
            if since != t.interval and text[max(0, t.start - 12) : t.start].strip().lower().endswith("since"):
                t = replace(t, interval=since, mod="SINCE")
        out.append(t)
    return out


def _join_ranges(timexes: list[Timex], text: str, dct: date | None) -> list[Timex]:
    """ "between X and Y", "from X to Y", "X - Y": both ends get the whole span as their interval.

    A year written at one end only is the other end's too: "between Oct 28 and Dec 16 1850" starts on
    1850-10-28 (or in 1849 for "Dec 28 to Jan 5 1851"), "from Oct 28 1850 to Dec 16" ends in 1850.
    """
    out = list(timexes)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (a.interval and b.interval and _RANGE_GAP.fullmatch(text, a.end, b.start)):
            continue
        gap = text[a.end : b.start].strip().lower()
        opened = _RANGE_OPEN.search(text, max(0, a.start - 10), a.start)
        if gap == "and" and not (opened and opened[0].lower().startswith("between")):
            continue
        if gap in ("to", "through", "thru", "until", "till") and not opened:
            continue
        first, last = a.interval, b.interval
        if a.anchor and not b.anchor:
            a = _in_year(a, last.end.year, dct, before=last.end) or a
        elif b.anchor and not a.anchor:
            b = _in_year(b, first.start.year, dct, after=first.start) or b
        start_iv, end_iv = a.interval, b.interval
        if start_iv is None or end_iv is None:
            continue
        if end_iv.end < start_iv.start and b.anchor:
            end_iv = _next_year(end_iv)
        if end_iv.end < start_iv.start:
            continue
        span = DateInterval(start_iv.start, end_iv.end, "range")
        out[i], out[i + 1] = replace(a, interval=span), replace(b, interval=span)
    return out


def _in_year(
    t: Timex, year: int, dct: date | None, *, before: date | None = None, after: date | None = None
) -> Timex | None:
    """The year-less ``t`` ("Oct 28", "December", "the summer") in ``year``, or in the year before
    (after) when it would end after ``before`` (start before ``after``); None if it cannot move so."""
    for candidate in (year, year - 1) if before else (year, year + 1):
        moved = _placed(t, candidate, dct)
        if moved is None or moved.interval is None:
            return None
        if (before and moved.interval.start > before) or (after and moved.interval.end < after):
            continue
        return moved
    return None


def _placed(t: Timex, year: int, dct: date | None) -> Timex | None:
    if not (t.anchor and t.interval and _YEARLESS.fullmatch(t.anchor)):
        return None
    try:
        value = timecal.year_value(year) + t.anchor[4:]
    except ValueError:
        return None
    interval = interval_of_value(value)
    if interval is None:
        return None
    if t.interval.precision == "range" and t.mod is None:  # "Dec. 9-11": the span moves whole
        try:
            interval = DateInterval(
                t.interval.start.replace(year=year), t.interval.end.replace(year=year), "range"
            )
        except ValueError:
            return None
    else:
        interval = apply_mod(interval, t.mod, dct)
    return replace(t, value=value, interval=interval, anchor=None)


def _next_year(interval: DateInterval) -> DateInterval:
    try:
        start = interval.start.replace(year=interval.start.year + 1)
        end = interval.end.replace(year=interval.end.year + 1)
    except ValueError:
        return interval
    return DateInterval(start, end, interval.precision)


def _join_weekday_dates(timexes: list[Timex], text: str) -> list[Timex]:
    """ "Saturday, April 25", "Friday Oct. 13": one DATE, the day the date names. A year-less date goes
    to the year next to its guess where it falls on that weekday, which then fixes it."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        weekday = _WEEKDAY_ANCHOR.fullmatch(prev.anchor or "") if prev else None
        if (
            prev is None
            or weekday is None
            or t.type != "DATE"
            or t.interval is None
            or t.interval.precision != "day"
            or not _WEEKDAY_GAP.fullmatch(text, prev.end, t.start)
        ):
            out.append(t)
            continue
        day, anchor = t.interval.start, t.anchor
        if anchor is not None:
            for year in (day.year, day.year - 1, day.year + 1):
                try:
                    candidate = day.replace(year=year)
                except ValueError:
                    continue
                if candidate.isoweekday() == int(weekday[1]):
                    day, anchor = candidate, None
                    break
        out[-1] = Timex(
            prev.start,
            t.end,
            text[prev.start : t.end],
            "DATE",
            day.isoformat(),
            DateInterval(day, day, "day"),
            anchor=anchor,
        )
    return out


def _join_clock_times(timexes: list[Timex], text: str) -> list[Timex]:
    """ "10 p.m. Wednesday", "Monday at 3 p.m.": one TIME on that day."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev and _CLOCK_GAP.fullmatch(text, prev.end, t.start):
            clock, day = (prev, t) if _CLOCK_VALUE.fullmatch(prev.value) else (t, prev)
            clock_m = _CLOCK_VALUE.fullmatch(clock.value)
            if clock_m and day.type == "DATE" and day.interval and day.interval.precision == "day":
                value = day.interval.start.isoformat() + clock_m[1]
                out[-1] = Timex(
                    prev.start,
                    t.end,
                    text[prev.start : t.end],
                    "TIME",
                    value,
                    day.interval,
                    anchor=day.anchor,
                )
                continue
        out.append(t)
    return out
