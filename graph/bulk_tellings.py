"""Event JSONL as flat Arrow tables of tellings (issue 18, bulk export from JSONL): no Event objects.

Every valid line becomes rows of six tables (TABLES): the event as told, its actor mentions in the
order ``graph.export.batch_from_rows`` meets them, the affiliations, the agent and target links,
the place and the sources with their article. Rows carry the line's position (``line``) and, where
a line has several, a rank within it (``sub``), so graph.bulk_merge can merge them as the loader
would. Two producers fill the same tables: graph.bulk_fast (Arrow's JSON reader with the line
model's checks done vectorised) and ``Tellings.add_line`` here, the exact per-line path through
graph.event_line, which names a bad line with the same message as ``eventgraph load``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from eventgraph.graph import neo4j_shape
from eventgraph.graph.event_line import ActorLine, ArticleLine, DateLine, EventLine, OrgLine

S, L, D, F, B, I8 = pa.string(), pa.int64(), pa.date32(), pa.float64(), pa.bool_(), pa.int8()
_ATTR_ARROW = {int: L, str: S, bool: B, float: F}
# The attribute properties (graph.neo4j_shape): typed ones, then the JSON rest.
ATTRIBUTE_FIELDS = [
    *((name, _ATTR_ARROW[kind]) for name, kind in neo4j_shape.PROPERTY_TYPES.items()),
    (neo4j_shape.EXTRA, S),
]
TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "events": [
        ("line", L), ("id", S), ("type", S), ("start", D), ("end", D), ("precision", S),
        ("summary", S), ("confidence", F), ("disputed", B), ("place", S), *ATTRIBUTE_FIELDS,
    ],
    # location: the point property's text where the exact path computed it ("" = none), null to compute
    "places": [
        ("line", L), ("id", S), ("name", S), ("lat", F), ("lon", F), ("country", S), ("precision", S),
        ("admin1", S), ("admin2", S), ("location", S),
    ],
    "mentions": [("line", L), ("sub", L), ("id", S), ("name", S), ("kind", S), ("aliases", pa.list_(S))],
    "affiliations": [("line", L), ("sub", L), ("actor", S), ("org", S), ("role", S)],
    "links": [("line", L), ("side", I8), ("pos", L), ("actor", S)],
    "sources": [
        ("line", L), ("pos", L), ("doc", S), ("name", S), ("sentence", S), ("char_start", L),
        ("char_end", L), ("start", D), ("end", D), ("precision", S), ("date_text", S), ("title", S),
        ("publisher", S), ("url", S), ("published", D),
    ],
}  # fmt: skip
SCHEMAS = {name: pa.schema(cols) for name, cols in TABLES.items()}
# Row order within the input: a line's rows keep the order the exact path meets them in.
ORDER = {
    "events": ["line"], "places": ["line"], "mentions": ["line", "sub"], "affiliations": ["line", "sub"],
    "links": ["line", "side", "pos"], "sources": ["line", "pos"],
}  # fmt: skip


def location_text(lat: float | None, lon: float | None) -> str:
    """The point property as the import tool reads it ("" when the place has no valid point)."""
    valid = lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180
    return f"{{latitude:{lat!r}, longitude:{lon!r}}}" if valid else ""


@dataclass
class Tellings:
    """Rows of the six tables: Arrow tables from the fast reader, Python rows from the exact path."""

    tables: dict[str, list[pa.Table]] = field(default_factory=lambda: {n: [] for n in TABLES})
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: {n: [] for n in TABLES})
    block: dict[str, pa.Table] = field(default_factory=dict)  # the fast rows of the block being read

    def add_tables(self, tables: dict[str, pa.Table]) -> None:
        """The fast reader's rows of a block; end_block() files them."""
        self.block = tables

    def end_block(self) -> None:
        """File the block's rows, the exact path's sorted in among the fast ones (a block at a time:
        the whole input is never sorted)."""
        for name, rows in self.rows.items():
            parts = [self.block[name]] if name in self.block else []
            if rows:
                cols = zip(*rows, strict=True)
                arrays = [pa.array(c, t) for c, (_, t) in zip(cols, TABLES[name], strict=True)]
                parts.append(pa.Table.from_arrays(arrays, schema=SCHEMAS[name]))
            if len(parts) > 1:
                parts = [pa.concat_tables(parts).sort_by([(key, "ascending") for key in ORDER[name]])]
            self.tables[name] += parts
            rows.clear()
        self.block = {}

    def table(self, name: str) -> pa.Table:
        """All rows of one table in line order, in one chunk per column."""
        if not self.tables[name]:
            return SCHEMAS[name].empty_table()
        return pa.concat_tables(self.tables[name]).combine_chunks()

    def add_line(self, row: EventLine, line: int) -> None:
        """One validated line, as graph.export._parse_event reads it."""
        rows = self.rows
        location = row.location
        if location:
            rows["places"].append((
                line, location.id, location.name, location.lat, location.lon, location.country,
                location.precision, location.admin1, location.admin2,
                location_text(location.lat, location.lon),
            ))  # fmt: skip
        for pos, src in enumerate(row.sources):
            doc = src.doc_id or src.doc
            meta = src.article or ArticleLine()
            start, end, precision = _interval(src.date)
            rows["sources"].append((
                line, pos, doc, src.doc if src.doc != doc else "", src.sentence or "",
                src.char_start or 0, src.char_end or 0, start, end, precision, src.date_text,
                meta.title or "", meta.publisher or "", meta.url or "", meta.published,
            ))  # fmt: skip
        sub = [0]
        for side, refs in enumerate((row.agents or [], row.targets or [])):
            for pos, ref in enumerate(refs):
                rows["links"].append((line, side, pos, ref.id))
                self._actor(ref, line, sub)
        attributes = {k: v for k, v in (row.attributes or {}).items() if v is not None}
        props = neo4j_shape.attribute_properties(attributes)
        start, end, precision = _interval(row.date)
        rows["events"].append((
            line, row.id, row.type, start, end, precision, row.summary or "", row.confidence or 0.0,
            bool(row.disputed), location.id if location else None,
            *(props[name] for name, _ in ATTRIBUTE_FIELDS),
        ))  # fmt: skip

    def _actor(self, ref: OrgLine, line: int, sub: list[int]) -> str:
        """graph.export._parse_actor's walk: the actor, its organisations, then its holders."""
        aliases = list(ref.aliases or []) if isinstance(ref, ActorLine) else []
        self.rows["mentions"].append((line, sub[0], ref.id, ref.name, ref.kind or "org", aliases))
        sub[0] += 1
        if isinstance(ref, ActorLine):
            for link in ref.affiliations or []:
                org = self._actor(link.org, line, sub)
                self.rows["affiliations"].append((line, sub[0], ref.id, org, link.role or ""))
                sub[0] += 1
            for held in ref.held_by or []:
                holder = self._actor(held.actor, line, sub)
                self.rows["affiliations"].append((line, sub[0], holder, ref.id, held.role or ""))
                sub[0] += 1
        return ref.id


def _interval(line: DateLine | None) -> tuple[Any, Any, str | None]:
    if line is None:
        return None, None, None
    return line.start, line.end or line.start, line.precision or "day"


@dataclass
class Read:
    """Tellings of every file read, with the file each line came from (lines numbered across files)."""

    tellings: Tellings = field(default_factory=Tellings)
    files: list[int] = field(default_factory=list)  # the first line index of each file read
    lines: int = 0
    events: int = 0  # valid lines
    fast: int = 0  # lines the fast reader took
    exact: int = 0  # lines the exact path took (read or refused)
