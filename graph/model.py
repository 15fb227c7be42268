"""The graph model shared by extraction, both stores and the API.

Pure dataclasses (stdlib only) so that any layer may import them without pulling
in spaCy, networkx or a database driver. Event time (when it happened) is kept
apart from report time (what each article said), as in ``Source.date``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

EventType = Literal[
    "rocket_attack",
    "drone_attack",
    "missile_attack",
    "airstrike",
    "other_attack",
    "phone_call",
    "meeting",
    "visit",
    "statement",
    "resignation",
    "appointment",
    "protest",
    "deployment",
    "legal_action",
    "agreement",
    "death",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
ActorKind = Literal["person", "org", "gpe", "group", "media"]
ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
Precision = Literal["day", "week", "month", "year", "range"]
PRECISIONS: tuple[str, ...] = Precision.__args__  # type: ignore[attr-defined]

# CAMEO root code and PLOVER category per event type, so GDELT and POLECAT users
# can join our output with theirs.
CAMEO_PLOVER: dict[str, tuple[str, str]] = {
    "rocket_attack": ("19", "ASSAULT"),
    "drone_attack": ("19", "ASSAULT"),
    "missile_attack": ("19", "ASSAULT"),
    "airstrike": ("19", "ASSAULT"),
    "other_attack": ("18", "ASSAULT"),
    "phone_call": ("04", "CONSULT"),
    "meeting": ("04", "CONSULT"),
    "visit": ("04", "CONSULT"),
    "statement": ("01", "OTHER"),
    "resignation": ("08", "CONCEDE"),
    "appointment": ("01", "OTHER"),
    "protest": ("14", "PROTEST"),
    "deployment": ("15", "MOBILIZE"),
    "legal_action": ("17", "COERCE"),
    "agreement": ("05", "AGREE"),
    "death": ("18", "ASSAULT"),
}
# A statement's CAMEO root and PLOVER category depend on its speech act.
SPEECH_ACT_CAMEO_PLOVER: dict[str, tuple[str, str]] = {
    "claim": ("01", "OTHER"),
    "warning": ("13", "THREATEN"),
    "threat": ("13", "THREATEN"),
    "accusation": ("11", "ACCUSE"),
    "demand": ("10", "REQUEST"),
    "appeal": ("02", "REQUEST"),
    "denial": ("01", "REJECT"),
    "report": ("01", "OTHER"),
    "testimony": ("01", "OTHER"),
    "other": ("01", "OTHER"),
}


def cameo_plover(event_type: str, speech_act: str | None = None) -> tuple[str, str]:
    """CAMEO root code and PLOVER category for an event type (and speech act)."""
    if event_type == "statement" and speech_act in SPEECH_ACT_CAMEO_PLOVER:
        return SPEECH_ACT_CAMEO_PLOVER[speech_act]
    return CAMEO_PLOVER.get(event_type, ("01", "OTHER"))


def slug(text: str) -> str:
    """Lower-case ASCII slug: the stable part of node ids."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-") or "x"


def actor_id(kind: str, name: str) -> str:
    return f"{kind}:{slug(name)}"


def place_id(name: str, country: str | None = None) -> str:
    """``place:<country>:<name>``: the country keeps Libya's Tripoli apart from Lebanon's."""
    return f"place:{country.lower()}:{slug(name)}" if country else f"place:{slug(name)}"


def digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True, order=True)
class DateInterval:
    """A calendar interval [start, end] (inclusive) with the precision the text gave."""

    start: date
    end: date
    precision: Precision = "day"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start}..{self.end}")

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "precision": self.precision}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> DateInterval | None:
        if not data or not data.get("start"):
            return None
        start = date.fromisoformat(data["start"])
        end = date.fromisoformat(data.get("end") or data["start"])
        return cls(start, end, data.get("precision") or "day")

    def overlaps(self, other: DateInterval) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass
class Article:
    id: str  # unique and stable: an explicit id, else "file name@digest of the text" (extract.article_ids)
    title: str = ""
    publisher: str = ""
    url: str = ""
    published: date | None = None
    name: str = ""  # the file's name or relative path, docs/formats.md's sources[].doc ("" = the id)


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)


@dataclass
class Affiliation:
    """A title or membership: ``actor`` holds ``role`` in/for ``org``."""

    actor: str
    org: str
    role: str


@dataclass
class Place:
    id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    kind: str = "place"
    precision: str | None = None  # point, town, district, province or country
    admin1: str | None = None  # the province (governorate, state) it lies in, where known
    admin2: str | None = None  # the district it lies in, where the text names it
    # the gazetteer's spelling where ``name`` is the article's own transliteration of it ("Baramulla"
    # where GeoNames has "Baramula"); None when they agree
    gazetteer_name: str | None = None


@dataclass
class Source:
    """One article's report of an event: the REPORTS link."""

    doc: str  # the article's id (exported as sources[].doc_id; sources[].doc is the article's name)
    sentence: str
    char_start: int
    char_end: int
    date_text: str | None = None
    date: DateInterval | None = None


@dataclass
class Event:
    id: str
    type: EventType
    date: DateInterval | None
    agents: list[str] = field(default_factory=list)  # actor ids
    targets: list[str] = field(default_factory=list)  # actor ids
    place: str | None = None  # place id
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    disputed: bool = False
    summary: str = ""
    sources: list[Source] = field(default_factory=list)

    @property
    def speech_act(self) -> str | None:
        value = self.attributes.get("speech_act")
        return value if isinstance(value, str) else None


@dataclass
class Batch:
    """Everything one extraction run produced; the unit a store upserts."""

    articles: list[Article] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
