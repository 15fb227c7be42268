"""Machinery of the temporal grammar: rules (pattern + normalizer), readings and the matching context.

A rule's pattern finds an expression; its normalizer turns the match into a ``Reading`` (TIMEX3 type
and value, the underspecified anchor when the tense decides, a modifier, a relation to another event).
Every normalizer may return None to veto a match its pattern over-generates ("May" the verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from eventgraph.extract.temporal import calendar as timecal
from eventgraph.extract.temporal.timex_types import Relation, Tense, TimexType
from eventgraph.graph.model import DateInterval


class NoDct(Exception):
    """Raised by a normalizer that needs the publication date when none was given."""


@dataclass(frozen=True)
class Reading:
    type: TimexType
    value: str
    anchor: str | None = None
    mod: str | None = None
    interval: DateInterval | None = None  # when set, replaces the interval of ``value``
    relation: Relation | None = None
    extent: tuple[int, int] | None = None  # when set, the span of the expression inside the match
    # value computed from the last date the text mentioned (TimeML's reference time), if any
    from_ref: Callable[[str | None], str] | None = field(default=None, compare=False)
    outside_calendar: bool = False  # the date it names is not in 0001-01-01..9999-12-31


UNRESOLVED = "XXXX-XX-XX"  # the value of a date expression the tagger cannot place on the calendar


@dataclass
class Context:
    text: str
    dct: date | None
    tense: Tense | None  # imposed by the caller; otherwise guessed around each match

    def need_dct(self) -> date:
        if self.dct is None:
            raise NoDct
        return self.dct

    def tense_at(self, start: int, end: int) -> Tense | None:
        """The imposed tense, else "future" after a future cue, else unknown (past-leaning nearest)."""
        if self.tense is not None:
            return self.tense
        before = self.text[max(0, start - 45) : start]
        after = self.text[end : end + 20]
        return "future" if _FUTURE_CUE.search(before) or _FUTURE_AFTER.match(after) else None

    def previous_word(self, start: int) -> str:
        m = _LAST_WORD.search(self.text, max(0, start - 30), start)
        return m[1].lower() if m else ""


_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|wo n't|'ll|shall|going to|plans? to|planning to|expected to|scheduled(?: to)?|due to|"
    r"set to|is to|are to|deadline|"
    r"(?:extended|postponed|delayed|pushed\s+back|moved|adjourned)\s+(?:to|until|till))"
    r"\b[^.;!?]*$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(r"\s*(?:,\s*)?(?:will|'ll)\b", re.IGNORECASE)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")

Normalizer = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalize: Normalizer
    # a cheap regex that every match contains; the pattern then only runs in windows around its hits
    trigger: re.Pattern[str] | None = None


RULES: list[Rule] = []
UNIT_TRIGGER = (
    r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|annum|daily|weekly|"
    r"monthly|annually|yearly|quarterly|nightly|hourly|spring|summer|fall|autumn|winter|morning|evening"
)


def rule(pattern: str, trigger: str | None = None) -> Callable[[Normalizer], Normalizer]:
    """Register a normalizer under its pattern (case-insensitive unless the macro says otherwise)."""

    def register(fn: Normalizer) -> Normalizer:
        compiled = re.compile(rf"(?<![\w$£€#]){pattern}(?![\w])", re.IGNORECASE)
        RULES.append(Rule(fn.__name__, compiled, fn, re.compile(trigger, re.IGNORECASE) if trigger else None))
        return fn

    return register


def cs(macro: str) -> str:
    """A macro matched case-sensitively inside an otherwise case-insensitive rule."""
    return f"(?-i:{macro})"


def iso(value: date) -> str:
    return value.isoformat()


def month_str(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}"


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def anchored(anchor: str, m: re.Match[str], ctx: Context) -> Reading | None:
    """A reading whose calendar position the tense decides."""
    if ctx.dct is None:
        return Reading("DATE", anchor, anchor=anchor)
    value = timecal.anchor_value(anchor, ctx.dct, ctx.tense_at(m.start(), m.end()))
    return Reading("TIME" if "T" in anchor[4:] else "DATE", value, anchor=anchor)


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower().rstrip("-")
    return {"early": "START", "mid": "MID", "late": "END", "earlier": "EARLIER", "later": "LATER"}.get(word)


PART_OF = (
    r"the\s+(?P<part>end|beginning|start|middle|close|(?:first|last|final|closing|opening)\s+(?:few\s+)?"
    r"(?:days|weeks))\s+of\s+"
)


def part_mod(word: str | None) -> str | None:
    """TIMEX3 mod of "the end of", "the beginning of", "the middle of", "the first days of", "the last
    weeks of"."""
    if not word:
        return None
    word = word.lower().split()[0]  # "the last days of": its first word decides
    return {
        "end": "END",
        "close": "END",
        "middle": "MID",
        "last": "END",
        "final": "END",
        "closing": "END",
    }.get(word, "START")
