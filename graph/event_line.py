"""The event JSONL line (docs/formats.md §2) as a pydantic model: what ``load`` and the store file accept.

``graph.export`` writes these lines; every line read back is validated against this
model before it can touch a store, so a value the API cannot serve (a latitude of
"abc", a title of 12345, a date past the calendar the API can page, an id no URL
can fetch) is refused with the field's path, never stored. Validation parses the
JSON itself (pydantic-core), which bounds nesting depth: a line of 50,000 brackets
is a bad line like any other, not a RecursionError.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from eventgraph.graph.model import ActorKind, EventType, Precision

# The last day the API can serve: the timeline feed adds a day to an interval's end (vis.js end
# dates are exclusive), so the calendar's last day cannot be stored.
LAST_DAY = date(9998, 12, 31)
# Ids the API's routes can fetch (api/routes/events.py, api/query.py ACTOR_ID): nothing else loads.
EVENT_ID = r"^[A-Za-z0-9_.:-]{1,200}$"
ACTOR_ID = r"^(person|org|gpe|group|media):[a-z0-9-]{1,200}$"


def _served(day: date) -> date:
    if day > LAST_DAY:
        raise ValueError(f"date {day} is after {LAST_DAY}, the last day eventgraph serves")
    return day


Day = Annotated[date, AfterValidator(_served)]
Text = Annotated[str, Field(max_length=100_000)]


class _Line(BaseModel):
    # strict: no "12345" for a number or 12345 for a title; unknown keys are allowed (docs/formats.md
    # may be extended) and ignored.
    model_config = ConfigDict(strict=True, extra="ignore", allow_inf_nan=False, frozen=True)


class DateLine(_Line):
    start: Day
    end: Day | None = None  # the start's day when missing
    precision: Precision | None = None  # "day" when missing

    @model_validator(mode="after")
    def _ordered(self) -> DateLine:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"date ends before it starts: {self.start}..{self.end}")
        return self


class OrgLine(_Line):
    id: Annotated[str, Field(pattern=ACTOR_ID)]
    name: Text
    kind: ActorKind | None = None  # "org" when missing


class ActorLine(OrgLine):
    aliases: list[Text] | None = None
    affiliations: list[AffiliationLine] | None = None
    held_by: list[HolderLine] | None = None


class AffiliationLine(_Line):
    role: Text | None = None
    org: OrgLine


class HolderLine(_Line):
    role: Text | None = None
    actor: ActorLine


class LocationLine(_Line):
    id: Annotated[str, Field(min_length=1, max_length=300)]
    name: Text
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    country: Text | None = None
    precision: Literal["point", "town", "district", "province", "country"] | None = None
    admin1: Text | None = None
    admin2: Text | None = None
    gazetteer_name: Text | None = None


class ArticleLine(_Line):
    title: Text | None = None
    publisher: Text | None = None
    url: Text | None = None
    published: Day | None = None


class SourceLine(_Line):
    doc: Annotated[str, Field(min_length=1, max_length=1000)]  # the article's name
    doc_id: Annotated[str, Field(min_length=1, max_length=1000)] | None = None  # its id (name if none)
    sentence: Text | None = None
    char_start: Annotated[int, Field(ge=0)] | None = None
    char_end: Annotated[int, Field(ge=0)] | None = None
    date_text: Text | None = None
    date: DateLine | None = None
    article: ArticleLine | None = None


class EventLine(_Line):
    id: Annotated[str, Field(pattern=EVENT_ID)]
    type: EventType
    date: DateLine | None = None
    agents: list[ActorLine] | None = None
    targets: list[ActorLine] | None = None
    location: LocationLine | None = None
    attributes: dict[str, Any] | None = None
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    disputed: bool | None = None
    summary: Text | None = None
    sources: list[SourceLine]


ActorLine.model_rebuild()
EventLine.model_rebuild()


def parse_line(line: str | bytes) -> EventLine:
    """The line's event; a ValueError whose message names the first bad field otherwise."""
    try:
        return EventLine.model_validate_json(line)
    except ValidationError as exc:
        raise ValueError(reason(exc)) from None


def reason(exc: ValidationError) -> str:
    """One short line: the first problem with its field path, and how many more there are."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"])
    kind, got = first["type"], first.get("input")
    if kind == "json_invalid":
        text = f"not valid JSON ({first.get('ctx', {}).get('error', first['msg'])})"
    elif kind == "model_type" and not where:
        text = "not a JSON object"
    elif kind == "missing":
        text = f"missing {where!r}"
    elif kind == "literal_error" and where == "type":
        text = f"unknown event type {_short(got)}"
    else:
        message = first["msg"].removeprefix("Value error, ")
        text = f"{where}: {message[:120]} (got {_short(got)})"
    more = len(errors) - 1
    return text + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
