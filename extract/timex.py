"""The temporal tagger: TIMEX3 expressions in text, each with the calendar interval it denotes.

``tag`` runs every grammar rule (``timex_rules``, ``timex_rules_relative``) over the text, keeps the
longest non-overlapping matches, then reads expressions in text order so that anaphoric ones ("a year
earlier", "the previous week") take the last date mentioned as their reference, and joins neighbours
that form one period ("since October 28", "between Oct 28 and Dec 16", "10 p.m. Wednesday").
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date

from extract import timecal, timex_rules, timex_rules_relative
from extract.json_input import parse_json
from extract.temporal_types import Relation, Tense, Timex
from extract.timecal import apply_mod, interval_of_value
from extract.timex_grammar import RULES, UNRESOLVED, Context, NoDct, Reading, Rule
from graph.model import DateInterval

__all__ = ["Relation", "Timex", "calendar_notes", "tag", "timex_jsonl_lines"]
assert timex_rules and timex_rules_relative  # imported for the rules they register

_SINCE = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_WEEKDAY_GAP = re.compile(r"\s*,?\s*(?:the\s+)?", re.IGNORECASE)
_WEEKDAY_ANCHOR = re.compile(r"XXXX-WXX-([1-7])")
_CLOCK_GAP = re.compile(r"\s*(?:,|on|at)?\s*", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T\d\d:\d\d)")
_YEARLESS = re.compile(r"XXXX-(?:\d\d|SP|SU|FA|WI)(?:-\d\d)?(?:T\w+)?")  # not weekdays: no year to lend
_CALENDAR_VALUE = re.compile(r"-?\d")  # a value that names a calendar position, which must have an interval
_WINDOW_BEFORE, _WINDOW_AFTER = 100, 60  # longest expression around its trigger word
_Candidate = tuple[int, int, Reading]


def tag(text: str, dct: date | None, tense: Tense | None = None) -> list[Timex]:
    """Temporal expressions of ``text`` in text order; ``tense`` overrides the guess from nearby words."""
    ctx = Context(text, dct, tense)
    timexes: list[Timex] = []
    reference: str | None = None
    for start, end, reading in _select(_candidates(ctx)):
        value = reading.from_ref(reference) if reading.from_ref else reading.value
        interval = _interval(reading, value, dct)
        outside = reading.outside_calendar or (
            reading.type in ("DATE", "TIME")
            and _CALENDAR_VALUE.match(value) is not None
            and interval_of_value(value) is None
        )
        if outside:
            value, interval = UNRESOLVED, None
        timexes.append(
            Timex(
                start,
                end,
                text[start:end],
                reading.type,
                value,
                interval,
                reading.relation,
                reading.anchor,
                reading.mod,
                outside,
            )
        )
        if reading.type in ("DATE", "TIME") and value[:1].isdigit() and not reading.from_ref:
            reference = value
    joined = _join_weekday_dates(_join_ranges(_mark_since(timexes, text, dct), text, dct), text)
    return _join_clock_times(joined, text)


def _candidates(ctx: Context) -> list[_Candidate]:
    found: list[_Candidate] = []
    windows: dict[re.Pattern[str], list[list[int]]] = {}
    for rule in RULES:
        if rule.trigger is not None and rule.trigger not in windows:
            windows[rule.trigger] = _windows(rule.trigger, ctx.text)
        for m in _matches(rule, ctx.text, windows.get(rule.trigger) if rule.trigger else None):
            try:
                reading = rule.normalize(m, ctx)
            except NoDct:
                reading = Reading("DATE", UNRESOLVED)
            except (ValueError, OverflowError):  # "next year" written on 9999-12-31: tagged, unresolved
                reading = Reading("DATE", UNRESOLVED, outside_calendar=True)
            if reading is None:
                continue
            start, end = reading.extent or m.span()
            text = ctx.text[start:end]
            start, end = start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
            if end > start:
                found.append((start, end, reading))
    return found


def _windows(trigger: re.Pattern[str], text: str) -> list[list[int]]:
    windows: list[list[int]] = []
    for hit in trigger.finditer(text):
        start, end = max(0, hit.start() - _WINDOW_BEFORE), hit.end() + _WINDOW_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return windows


def _matches(rule: Rule, text: str, windows: list[list[int]] | None) -> Iterator[re.Match[str]]:
    """All matches of the rule; with a trigger, only those in windows around the trigger's hits."""
    if windows is None:
        yield from rule.pattern.finditer(text)
        return
    last_end = -1
    for start, end in windows:
        for m in rule.pattern.finditer(text, max(start, last_end), end):
            last_end = m.end()
            yield m


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match first, then leftmost; a candidate overlapping a kept one is dropped."""
    starts: list[int] = []
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        start, end, _ = candidate
        i = bisect.bisect_right(starts, start)
        if (i and kept[i - 1][1] > start) or (i < len(kept) and kept[i][0] < end):
            continue
        starts.insert(i, start)
        kept.insert(i, candidate)
    return kept


def _interval(reading: Reading, value: str, dct: date | None) -> DateInterval | None:
    if reading.interval is not None:
        return reading.interval
    if reading.type in ("DURATION", "SET"):
        return None
    interval = interval_of_value(value)
    return apply_mod(interval, reading.mod, dct) if interval else None


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


def calendar_notes(timexes: Iterable[Timex], dct: date | None) -> Iterator[str]:
    """One "note: ..." line per expression left unresolved because its date leaves the calendar."""
    for t in timexes:
        if t.outside_calendar:
            yield (
                f"note: {t.text!r} (characters {t.start}-{t.end}) falls outside the calendar "
                f"({timecal.CALENDAR}) counted from {dct}; its value is left unresolved ({UNRESOLVED})"
            )


def timex_jsonl_lines(lines: Iterable[str], on_error: Callable[[str], None] | None = None) -> Iterator[str]:
    """Batch form of EXPORT.md §3: ``{"doc","dct","text"}`` lines in, ``{"doc","timexes"}`` lines out.

    A line that is not such an object is skipped and reported through ``on_error`` as
    "line N: reason" (default: printed to stderr), so one bad document does not stop a batch; the
    CLI passes a collector to set its exit status. Blank lines are ignored. An expression whose date
    leaves the calendar is reported the same way as "line N: note: ..." (see ``calendar_notes``).
    """
    report = on_error or (lambda message: print(message, file=sys.stderr))
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = parse_json(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            doc, text = record["doc"], record["text"]
            if not isinstance(text, str):
                raise ValueError('"text" is not a string')
            dct = date.fromisoformat(record["dct"]) if record.get("dct") else None
        except (ValueError, KeyError, TypeError) as error:
            reason = f"missing field {error}" if isinstance(error, KeyError) else str(error)
            report(f"line {number}: {reason}")
            continue
        timexes = tag(text, dct)
        for note in calendar_notes(timexes, dct):
            report(f"line {number}: {note}")
        yield json.dumps({"doc": doc, "timexes": [t.to_json() for t in timexes]}, ensure_ascii=False)
