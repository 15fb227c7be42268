"""Value types of the temporal tagger, apart so that ``timex`` and ``dates`` import them without a cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from eventgraph.graph.model import DateInterval

Tense = Literal["past", "present", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Unit = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Relation:
    """A date given only relative to another event ("two days after the attack", "the previous week").

    ``amount`` is None when the text names the neighbouring calendar unit rather than a count
    ("the previous week"); ``anchor_text`` is None when the anchor is the event the sentence continues.
    """

    direction: Literal["before", "after", "same"]
    amount: int | None
    unit: Unit
    anchor_text: str | None = None


@dataclass(frozen=True)
class Timex:
    """One temporal expression with its TIMEX3 reading and the calendar interval it denotes.

    ``anchor`` keeps the underspecified TIMEX3 value ("XXXX-WXX-3", "XXXX-12-09") of expressions whose
    calendar position depends on the tense of the governing verb, so that ``dates.resolve`` can
    re-anchor them; ``mod`` is the TIMEX3 modifier (START, MID, END, SINCE) that narrows or widens the
    interval of ``value``. ``outside_calendar`` marks an expression whose date would fall outside
    0001-01-01..9999-12-31 ("next year" written on 9999-12-31): its value is then "XXXX-XX-XX", unresolved.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    interval: DateInterval | None
    relation: Relation | None = None
    anchor: str | None = None
    mod: str | None = None
    outside_calendar: bool = False

    def to_json(self) -> dict[str, int | str]:
        """The docs/formats.md §3 object."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
