"""Calendar arithmetic over TIMEX3 values: value -> interval, modifiers, tense-aware anchoring, shifting.

Kept free of any text handling so the grammar (``timex_rules``) and the resolver (``dates``) share one
definition of what "2019-W50", "late November" or "the previous Wednesday" covers.

The calendar is 0001-01-01 .. 9999-12-31: TIMEX3 writes years with four digits, Python's dates stop
there too. A value whose interval does not lie wholly inside it has no interval (``interval_of_value``
gives None) and every function that would have to leave it raises ValueError instead of clamping.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from eventgraph.extract.temporal.timex_types import Tense, Unit
from eventgraph.graph.model import DateInterval

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # meteorological seasons: three months from here

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_ANCHOR_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])(T\w+)?")
_ANCHOR_MONTHDAY = re.compile(r"XXXX-(\d\d)-(\d\d)(T\w+)?")
_ANCHOR_MONTH = re.compile(r"XXXX-(\d\d)")
_ANCHOR_SEASON = re.compile(r"XXXX-(SP|SU|FA|WI)")


FIRST_DAY, LAST_DAY = date.min, date.max
CALENDAR = f"{FIRST_DAY.isoformat()}..{LAST_DAY.isoformat()}"  # for messages


def year_value(year: int) -> str:
    """The TIMEX3 year "0012"; ValueError for a year the calendar does not hold (0, 10000)."""
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise ValueError(f"year {year} is outside the calendar ({CALENDAR})")
    return f"{year:04d}"


def decade_value(year: int, step: int = 0) -> str:
    """The TIMEX3 decade ("201" for the 2010s) ``step`` decades from the one holding ``year``."""
    index = year // 10 + step
    if not 0 <= index <= LAST_DAY.year // 10:
        raise ValueError(f"decade {index}0 is outside the calendar ({CALENDAR})")
    return f"{index:03d}"


def century_value(year: int, step: int = 0) -> str:
    """The TIMEX3 century ("20" for 2000-2099) ``step`` centuries from the one holding ``year``."""
    index = year // 100 + step
    if not 0 <= index <= LAST_DAY.year // 100:
        raise ValueError(f"century {index}00 is outside the calendar ({CALENDAR})")
    return f"{index:02d}"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the last day of a shorter month (Jan 31 + 1 = Feb 28);
    ValueError past the calendar's ends."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    year_value(year)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_end(start: date, months: int) -> date:
    """The last day of the ``months`` months from ``start``'s month: the end of a quarter or a third."""
    last = add_months(start.replace(day=1), months - 1)
    return month_end(last.year, last.month)


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def quarter_value(day: date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def interval_of_value(value: str) -> DateInterval | None:
    """The calendar interval a TIMEX3 date value covers; None for durations, references, X-values and
    values not wholly inside the calendar ("10000", "9999-W52" whose Sunday is in 10000)."""
    try:
        return _interval_of_value(value)
    except (ValueError, OverflowError):
        return None


def _interval_of_value(value: str) -> DateInterval | None:
    if m := _DAY.fullmatch(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return DateInterval(day, day, "day")
    if m := _WEEK.fullmatch(value):
        start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return DateInterval(start + timedelta(days=5), start + timedelta(days=6), "range")
        return DateInterval(start, start + timedelta(days=6), "week")
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return DateInterval(date(year, month, 1), month_end(year, month), "month")
    if m := _PART.fullmatch(value):
        year, part = int(m[1]), m[2]
        if part[0] == "Q":
            first, months = 3 * int(part[1]) - 2, 3
        elif part[0] == "H":
            first, months = 6 * int(part[1]) - 5, 6
        else:
            first, months = SEASON_MONTHS[part], 3
        start = date(year, first, 1)
        return DateInterval(start, months_end(start, months), "range")
    if m := _YEAR.fullmatch(value):
        year = int(m[1])
        return DateInterval(date(year, 1, 1), date(year, 12, 31), "year")
    if m := _DECADE.fullmatch(value):
        decade = int(m[1]) * 10
        return DateInterval(date(max(decade, 1), 1, 1), date(decade + 9, 12, 31), "range")
    if m := _CENTURY.fullmatch(value):
        century = int(m[1]) * 100
        return DateInterval(date(max(century, 1), 1, 1), date(century + 99, 12, 31), "range")
    return None


def apply_mod(interval: DateInterval, mod: str | None, dct: date | None) -> DateInterval:
    """Narrow an interval to its START/MID/END part, or stretch it to the publication date.

    Parts of a month follow newsroom usage (early 1-10, mid 11-20, late 20-end), parts of a year are
    thirds (late 2017 = Sep-Dec); SINCE runs to the publication date, EARLIER to the day before it, LATER
    from it.
    """
    start, end = interval.start, interval.end
    if mod in ("START", "MID", "END"):
        part = ("START", "MID", "END").index(mod)
        if interval.precision == "month":
            bounds = ((1, 10), (11, 20), (20, end.day))[part]
            return DateInterval(start.replace(day=bounds[0]), start.replace(day=bounds[1]), "range")
        if interval.precision == "year":
            first = add_months(start, 4 * part)
            return DateInterval(first, months_end(first, 4), "range")
        span = (end - start).days + 1
        if span < 3:
            return interval
        third = span // 3
        bounds_d = ((0, third - 1), (third, span - third - 1), (span - third, span - 1))[part]
        return DateInterval(start + timedelta(days=bounds_d[0]), start + timedelta(days=bounds_d[1]), "range")
    if dct is not None and mod == "EARLIER" and start <= dct:
        # "earlier this month" is before the day of writing, not on it
        before = date.fromordinal(dct.toordinal() - 1) if dct > date.min else dct
        return DateInterval(start, max(min(before, end), start), "range")
    if dct is not None and mod == "SINCE" and start <= dct:
        return DateInterval(start, max(dct, start), "range")
    if dct is not None and mod == "LATER" and dct <= end:
        return DateInterval(max(dct, start), end, "range")
    return interval


def anchor_value(anchor: str, dct: date, tense: Tense | None) -> str:
    """Place an underspecified value ("XXXX-WXX-3", "XXXX-12-09", "XXXX-04", "XXXX-SU") on the calendar.

    Past tense takes the latest occurrence on or before the publication date, future the earliest on or
    after it; without a tense (or present) the nearest one wins, a future one counting at double distance.
    A weekday that is the publication day itself is that day: wire reports say "said Friday" of the day
    they are filed. February 29 is looked for in leap years only. ValueError (or OverflowError) when the
    occurrence the tense asks for is outside the calendar.
    """
    if m := _ANCHOR_WEEKDAY.fullmatch(anchor):
        delta = int(m[1]) - 1 - dct.weekday()
        if tense == "future":
            delta %= 7
        elif tense == "past" or delta > 0:
            delta = -(-delta % 7)
        return (dct + timedelta(days=delta)).isoformat() + (m[2] or "")
    if m := _ANCHOR_MONTHDAY.fullmatch(anchor):
        month, day = int(m[1]), int(m[2])
        years = range(dct.year - 1, dct.year + 2)
        if (month, day) == (2, 29):
            years = range(dct.year - 8, dct.year + 9)  # at most eight years apart (1896 -> 1904)
        year = _pick_year(dct, tense, years, lambda y: DateInterval(date(y, month, day), date(y, month, day)))
        return f"{year:04d}-{month:02d}-{day:02d}" + (m[3] or "")
    if m := _ANCHOR_MONTH.fullmatch(anchor):
        month = int(m[1])
        years = range(dct.year - 1, dct.year + 2)
        year = _pick_year(dct, tense, years, lambda y: DateInterval(date(y, month, 1), month_end(y, month)))
        return f"{year:04d}-{month:02d}"
    if m := _ANCHOR_SEASON.fullmatch(anchor):
        season = m[1]
        years = range(dct.year - 1, dct.year + 2)
        year = _pick_year(dct, tense, years, lambda y: _interval_of_value(f"{y:04d}-{season}"))
        return f"{year:04d}-{season}"
    return anchor


def _pick_year(
    dct: date, tense: Tense | None, years: range, interval: Callable[[int], DateInterval | None]
) -> int:
    """The year whose occurrence of a yearly-recurring interval fits the tense best (see anchor_value);
    years where it does not exist (Feb 29) or leaves the calendar are no candidates."""
    candidates: list[tuple[int, DateInterval]] = []
    for y in years:
        try:
            iv = interval(y)
        except (ValueError, OverflowError):
            continue
        if iv is not None:
            candidates.append((y, iv))
    if tense == "past":
        candidates = [(y, iv) for y, iv in candidates if iv.start <= dct]
    elif tense == "future":
        candidates = [(y, iv) for y, iv in candidates if iv.end >= dct]
    if not candidates:
        raise ValueError(f"no such {tense or 'nearby'} date inside the calendar ({CALENDAR})")
    if tense == "past":
        return max(y for y, _ in candidates)
    if tense == "future":
        return min(y for y, _ in candidates)

    def distance(item: tuple[int, DateInterval]) -> tuple[int, int]:
        iv = item[1]
        gap = 0 if iv.start <= dct <= iv.end else min(abs((iv.start - dct).days), abs((iv.end - dct).days))
        ahead = iv.start > dct
        return gap * (2 if ahead else 1), int(ahead)  # news mostly reports the past: the future counts double

    return min(candidates, key=distance)[0]


def shift_value(value: str, amount: int, unit: Unit) -> str | None:
    """Move a date value by ``amount`` units, keeping the value's own granularity ("1989-Q3" - 1 year);
    None when it cannot move so (a week by months) or would leave the calendar."""
    try:
        if m := _DAY.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return shift_day(day, amount, unit).isoformat()
        if (m := _WEEK.fullmatch(value)) and not m[3]:
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return week_value(shift_day(start, amount, unit))
        if m := _MONTH.fullmatch(value):
            moved = shift_day(date(int(m[1]), int(m[2]), 1), amount, unit)
            return f"{moved.year:04d}-{moved.month:02d}" if unit != "day" else moved.isoformat()
        if (m := _PART.fullmatch(value)) and unit == "year":
            return f"{year_value(int(m[1]) + amount)}-{m[2]}"
        if (m := _YEAR.fullmatch(value)) and unit == "year":
            return year_value(int(m[1]) + amount)
    except (ValueError, OverflowError):
        return None
    return None


def coarsen(value: str, unit: Unit) -> str:
    """``value`` at no finer a granularity than ``unit``: "the following year" of 1996-05-22 is 1996,
    "later that month" of 1998-06-03 is 1998-06, "the previous week" of a day is that day's week."""
    day = _DAY.fullmatch(value)
    if unit == "year" and re.match(r"\d{4}-", value):
        return value[:4]
    if unit == "month" and day:
        return value[:7]
    if unit == "week" and day:
        return week_value(date(int(day[1]), int(day[2]), int(day[3])))
    return value


def shift_day(day: date, amount: int, unit: Unit) -> date:
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    return add_months(day, amount * (12 if unit == "year" else 1))
