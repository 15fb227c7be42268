"""TEMPORARY stand-in for extract.timex.tag / extract.dates until they land: a few common patterns."""

from __future__ import annotations

import re
from datetime import date, timedelta

from extract.temporal_types import Relation, Tense, Timex
from graph.model import DateInterval

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = "january february march april may june july august september october november december".split()
_PATTERN = re.compile(
    r"\b(?:(?P<lastwk>last week)|(?P<lastmo>last month)|(?P<prevwk>the previous week)"
    r"|(?P<rel>(?P<n>two|three|\d+) days after the (?P<anchor>\w+))"
    r"|(?P<part>late|early|mid)[- ](?P<pmonth>" + "|".join(m.title() for m in _MONTHS) + r")"
    r"|(?P<month>"
    + "|".join(m.title() for m in _MONTHS)
    + r")(?: (?P<day>\d{1,2})(?:st|nd|rd|th)?)?(?:,? (?P<year>\d{4}))?"
    r"|(?:last )?(?P<wd>" + "|".join(d.title() for d in _DAYS) + r")"
    r"|(?<=in )(?P<y>(?:19|20)\d\d))\b"
)


def tag(text: str, dct: date | None) -> list[Timex]:
    out = []
    for m in _PATTERN.finditer(text):
        if m.group("month") and not (m.group("day") or m.group("year")):
            continue
        rel = None
        if m.group("rel"):
            n = {"two": 2, "three": 3}.get(m.group("n"), None) or int(m.group("n"))
            rel = Relation("after", n, "day", "the " + m.group("anchor"))
        elif m.group("prevwk"):
            rel = Relation("before", None, "week", None)
        t = Timex(m.start(), m.end(), m.group(0), "DATE", "", None, rel)
        out.append(t)
    return out


def resolve(timex: Timex, dct: date, tense: Tense) -> DateInterval | None:
    m = _PATTERN.fullmatch(timex.text)
    if m is None:
        return None
    if m.group("lastwk"):
        start = dct - timedelta(days=dct.weekday() + 7)
        return DateInterval(start, start + timedelta(days=6), "week")
    if m.group("lastmo"):
        end = dct.replace(day=1) - timedelta(days=1)
        return DateInterval(end.replace(day=1), end, "month")
    if m.group("part"):
        mo = _MONTHS.index(m.group("pmonth").lower()) + 1
        year = dct.year if mo <= dct.month else dct.year - 1
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (20, 30)}[m.group("part")]
        return DateInterval(date(year, mo, lo), date(year, mo, hi), "range")
    if m.group("month"):
        mo = _MONTHS.index(m.group("month").lower()) + 1
        year = int(m.group("year")) if m.group("year") else (dct.year if mo <= dct.month else dct.year - 1)
        if m.group("day"):
            d = date(year, mo, int(m.group("day")))
            return DateInterval(d, d)
        end = (date(year + mo // 12, mo % 12 + 1, 1)) - timedelta(days=1)
        return DateInterval(date(year, mo, 1), end, "month")
    if m.group("wd"):
        wd = _DAYS.index(m.group("wd").lower())
        back = (dct.weekday() - wd) % 7 or 7
        if tense == "future":
            back = -((wd - dct.weekday()) % 7 or 7)
        d = dct - timedelta(days=back)
        return DateInterval(d, d)
    if m.group("y"):
        y = int(m.group("y"))
        return DateInterval(date(y, 1, 1), date(y, 12, 31), "year")
    return None


def shift(anchor: DateInterval, relation: Relation) -> DateInterval:
    if relation.amount is None:
        start = anchor.start - timedelta(days=anchor.start.weekday() + 7)
        return DateInterval(start, start + timedelta(days=6), "week")
    d = anchor.start + timedelta(days=relation.amount if relation.direction == "after" else -relation.amount)
    return DateInterval(d, d)
