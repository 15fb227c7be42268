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
from datetime import date

from eventgraph.extract.json_input import parse_json
from eventgraph.extract.temporal import calendar as timecal
from eventgraph.extract.temporal import relative_rules as timex_rules_relative
from eventgraph.extract.temporal import rules as timex_rules
from eventgraph.extract.temporal.calendar import apply_mod, interval_of_value
from eventgraph.extract.temporal.grammar import RULES, UNRESOLVED, Context, NoDct, Reading, Rule
from eventgraph.extract.temporal.joins import join_neighbours
from eventgraph.extract.temporal.timex_types import Relation, Tense, Timex
from eventgraph.graph.model import DateInterval

__all__ = ["Relation", "Timex", "calendar_notes", "tag", "timex_jsonl_lines"]
assert timex_rules and timex_rules_relative  # imported for the rules they register

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
    return join_neighbours(timexes, text, dct)


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


def calendar_notes(timexes: Iterable[Timex], dct: date | None) -> Iterator[str]:
    """One "note: ..." line per expression left unresolved because its date leaves the calendar."""
    for t in timexes:
        if t.outside_calendar:
            yield (
                f"note: {t.text!r} (characters {t.start}-{t.end}) falls outside the calendar "
                f"({timecal.CALENDAR}) counted from {dct}; its value is left unresolved ({UNRESOLVED})"
            )


def timex_jsonl_lines(lines: Iterable[str], on_error: Callable[[str], None] | None = None) -> Iterator[str]:
    """Batch form of docs/formats.md §3: ``{"doc","dct","text"}`` lines in, ``{"doc","timexes"}`` lines out.

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
