"""The graph as CSV files in ``neo4j-admin database import full``'s header format (issue 18, bulk).

The files hold exactly the graph ``eventgraph load`` would build from the same batches into an
empty database, so an imported graph answers like a loaded one: repeated events, actors and
articles are merged here the way the loader's statements merge them (cypher/write_*.cypher: the
last telling's properties win, links and aliases are unioned, one REPORTS per article and event,
the last known place), labels and typed properties come from graph.neo4j_shape, and the Meta node
carries the graph format. Constraints and indexes are not in the files: the server creates them
(cypher/schema.cypher) on the first connection after the import.

Every string field is quoted and nulls are left empty (Arrow's CSV writer, see _write_file), so
the import tool tells an empty string from a missing property; arrays are joined by
ARRAY_DELIMITER (the unit separator, which no name of ours holds: a value holding it is refused,
naming the input).
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import uuid
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from eventgraph.graph import actor_rank, neo4j_shape
from eventgraph.graph.model import Article, Batch, Event, Place, Source
from eventgraph.graph.version import GRAPH_VERSION, LAYOUT
from eventgraph.graph.window import SPAN_CLASSES

ARRAY_DELIMITER = "\x1f"
_ATTR_TYPES = {int: "long", str: "string", bool: "boolean", float: "double"}


@dataclass
class _Actor:
    name: str
    kind: str
    aliases: list[str]
    terms: list[str]


@dataclass
class _Event:
    event: Event  # the last telling: its properties win
    agents: dict[str, None] = field(default_factory=dict)  # ordered sets
    targets: dict[str, None] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)  # article id -> last report
    place: str | None = None
    longest: int = 0  # the longest interval of any telling (the Meta node's max_span_days)


@dataclass
class BulkGraph:
    """Batches merged as the loader merges them, ready to be written as import files."""

    articles: dict[str, Article | None] = field(default_factory=dict)  # None: a stub (cited, undescribed)
    places: dict[str, Place] = field(default_factory=dict)
    actors: dict[str, _Actor] = field(default_factory=dict)
    affiliations: dict[tuple[str, str, str], None] = field(default_factory=dict)
    events: dict[str, Event | _Event] = field(default_factory=dict)

    def add(self, batch: Batch) -> None:
        """Merge one batch, in the loader's order: nodes, then events."""
        for art in batch.articles:
            self.articles[art.id] = art
        for e in batch.events:
            for s in e.sources:
                self.articles.setdefault(s.doc, None)
        for place in batch.places:
            self.places[place.id] = place
        for actor in batch.actors:
            self._add_actor(actor.id, actor.name, actor.kind, actor.aliases, actor_rank.search_terms(actor))
        for aff in batch.affiliations:
            if aff.actor in self.actors and aff.org in self.actors:
                self.affiliations[(aff.actor, aff.org, aff.role)] = None
        for e in batch.events:
            self._add_event(e)

    def _add_actor(self, actor_id: str, name: str, kind: str, aliases: list[str], terms: list[str]) -> None:
        old = self.actors.get(actor_id)
        if old is None:
            self.actors[actor_id] = _Actor(name, kind, list(aliases), list(terms))
            return
        merged = old.aliases + [x for x in aliases if x not in old.aliases]
        if old.name != name and old.name not in merged:
            merged.append(old.name)
        old.aliases = merged
        old.terms = old.terms + [t for t in terms if t not in old.terms]
        old.name, old.kind = name, kind

    def _add_event(self, e: Event) -> None:
        """Most events are told once: kept as they are; a repeat turns the entry into an _Event."""
        known = self.events.get(e.id)
        if known is None:
            self.events[e.id] = e
            return
        if isinstance(known, Event):
            known = self.events[e.id] = self._merged(_Event(known), known)
        self._merged(known, e)

    def _merged(self, into: _Event, e: Event) -> _Event:
        into.event = e
        into.agents.update(dict.fromkeys(a for a in e.agents if a in self.actors))
        into.targets.update(dict.fromkeys(t for t in e.targets if t in self.actors))
        for s in e.sources:
            into.sources[s.doc] = s
        if e.place and e.place in self.places:
            into.place = e.place
        if e.date:
            into.longest = max(into.longest, (e.date.end - e.date.start).days)
        return into

    def merged_events(self) -> Iterator[_Event]:
        """Every event as the loader leaves it: links deduplicated and to known nodes only."""
        actors, places = self.actors, self.places
        for rec in self.events.values():
            if isinstance(rec, _Event):
                yield rec
            else:  # told once: built in one go (the common case, the export's hot path)
                when = rec.date
                yield _Event(
                    rec,
                    dict.fromkeys(a for a in rec.agents if a in actors),
                    dict.fromkeys(t for t in rec.targets if t in actors),
                    {s.doc: s for s in rec.sources},
                    rec.place if rec.place and rec.place in places else None,
                    (when.end - when.start).days if when else 0,
                )

    def merged_sources(self) -> Iterator[tuple[str, Iterable[Source]]]:
        """Each event's id and its reports (one per article, the last telling's), in event order."""
        for rec in self.events.values():
            if isinstance(rec, _Event):
                yield rec.event.id, rec.sources.values()
            else:
                yield rec.id, {s.doc: s for s in rec.sources}.values()


def _text(value: str, what: str) -> str:
    if ARRAY_DELIMITER in value:
        raise ValueError(
            f"{what}: holds the unit separator (U+001F), which the bulk files use between array items"
        )
    return value


def _array(values: Iterable[str], what: str) -> str | None:
    items = [_text(v, what) for v in values]
    return ARRAY_DELIMITER.join(items) if items else None


# Column types: Arrow's writer (quoting "needed") quotes every string and leaves nulls empty and
# unquoted, as the tool reads them: "" is an empty string, an empty field no property. Numbers,
# booleans (true/false) and dates (ISO) go unquoted.
STRING, LONG, DOUBLE, BOOL, DATE = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
_ARROW_TYPES = {int: LONG, str: STRING, bool: BOOL, float: DOUBLE}
_OPTIONS = pa_csv.WriteOptions(include_header=False, quoting_style="needed", batch_size=1 << 16)


def _write_file(path: Path, header: list[str], columns: list[tuple[Any, pa.DataType]]) -> None:
    """One import file: our header line (the tool's names, unquoted), then the rows column by column
    through Arrow's C++ CSV writer: no Python call per cell."""
    arrays = [
        values if isinstance(values, (pa.Array, pa.ChunkedArray)) else pa.array(values, kind)
        for values, kind in columns
    ]
    table = pa.Table.from_arrays(arrays, names=[str(n) for n in range(len(arrays))])
    with pa.OSFile(str(path), "wb") as sink:
        sink.write((",".join(header) + "\n").encode("utf-8"))
        if table.num_rows:
            pa_csv.write_csv(table, sink, _OPTIONS)


def _id_column(numbers: Numbers, ids: list[str]) -> tuple[Any, pa.DataType]:
    """The tool's ids of a group in its order: positions, or the string ids themselves."""
    if numbers.id_type == "string":
        return ids, STRING
    return pa.array(range(len(ids)), LONG), LONG


def _fields(items: list[Any], *names: str) -> list[list[Any]]:
    """Columns of attributes of items, each read in one C-level pass (map over an attrgetter)."""
    return [list(map(attrgetter(name), items)) for name in names]


def _date_columns(dates: list[Any]) -> list[tuple[Any, pa.DataType]]:
    """start, end and precision of optional date spans."""
    if None not in dates:
        start, end, precision = _fields(dates, "start", "end", "precision")
    else:
        start = [d.start if d else None for d in dates]
        end = [d.end if d else None for d in dates]
        precision = [d.precision if d else None for d in dates]
    return [(start, DATE), (end, DATE), (precision, STRING)]


def _mapped(ids: dict[str, Any], keys: Iterable[str]) -> list[Any]:
    return list(map(ids.__getitem__, keys))


LINK_KEY_HEADER = ["actor", "key:date", "event"]  # on AGENT_OF and TARGETS, as write_events sets them
UNDATED = date.max  # an undated event's key (graph.neo4j_paths.UNDATED)
NODE_FILES = ("articles", "places", "actors", "events", "meta")
# Relationship files and their type (given on the command line: no :TYPE column to write and parse).
RELATIONSHIP_FILES = {
    "agent_of": "AGENT_OF", "targets": "TARGETS", "at": "AT", "reports": "REPORTS",
    "affiliated_with": "AFFILIATED_WITH",
}  # fmt: skip
# Files with free text, which may hold line breaks; the others hold numbers only.
TEXT_FILES = ("articles", "places", "actors", "events", "reports", "affiliated_with")
ID_TYPES = ("integer", "string")
MANIFEST = "manifest.json"  # rows per file and the files with line breaks (graph.bulk_import reads it)


@dataclass(frozen=True)
class Numbers:
    """The import tool's node ids: each node's position in its group (``--id-type=integer``: the
    tool maps numbers far cheaper than strings, and numbers make shorter relationship files). The
    string id stays the node's ``id`` property."""

    articles: dict[str, Any]
    places: dict[str, Any]
    actors: dict[str, Any]
    id_type: str = "integer"

    @classmethod
    def of(cls, graph: BulkGraph, id_type: str = "integer") -> Numbers:
        """Numbers in the graph's own order; events are numbered by their position in graph.events.
        ``id_type="string"`` keeps the string ids as the tool's ids (slower; the bench compares)."""
        if id_type not in ID_TYPES:
            raise ValueError(f"id type {id_type!r}: expected one of {', '.join(ID_TYPES)}")
        strings = id_type == "string"
        art, place, actor = (
            {k: k if strings else i for i, k in enumerate(d)}
            for d in (graph.articles, graph.places, graph.actors)
        )
        return cls(art, place, actor, id_type)


def _breaks(path: Path, rows: int) -> bool:
    """Whether a field of the file holds a line break: more line ends than rows and header, or any
    carriage return. Only such files are parsed as multiline (one reader thread) by the tool."""
    lines = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 24):
            if b"\r" in chunk:
                return True
            lines += chunk.count(b"\n")
    return lines != rows + 1


# A task writes some of the files and returns their row counts. Tasks run in forked processes
# (write(jobs=2)): the graph is shared copy-on-write, set here before the fork.
_Task = Callable[[BulkGraph, Numbers, Path], dict[str, int]]
_SHARED: tuple[BulkGraph, Numbers, Path] | None = None
FORK_FROM = 20_000  # events: below, starting the processes costs more than it saves


def _run(task: _Task) -> dict[str, int]:
    assert _SHARED is not None
    return task(*_SHARED)


def write(graph: BulkGraph, out: Path, *, jobs: int = 2, id_type: str = "integer") -> dict[str, int]:
    """Write the import files and their manifest into ``out`` (created); returns rows per file.

    ``jobs`` > 1 writes the files in that many forked processes (the events and their links, the
    reports, the other nodes): the export then takes about half its CPU time on two cores."""
    global _SHARED
    out.mkdir(parents=True, exist_ok=True)
    numbers = Numbers.of(graph, id_type)
    tasks: list[_Task] = [_write_events, _write_reports, _write_nodes]
    counts: dict[str, int] = {}
    if jobs > 1 and len(graph.events) >= FORK_FROM and "fork" in multiprocessing.get_all_start_methods():
        _SHARED = (graph, numbers, out)
        gc.freeze()  # the forks' collector leaves the shared graph alone: fewer pages copied
        try:
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=fork) as pool:
                for part in pool.map(_run, tasks):
                    counts.update(part)
        finally:
            _SHARED = None
            gc.unfreeze()
    else:
        for task in tasks:
            counts.update(task(graph, numbers, out))
    span = counts.pop("max_span_days")
    _write_file(out / "meta.csv", *meta_columns(span, id_type))
    counts["meta"] = 1
    write_manifest(out, counts, id_type)
    return counts


def meta_columns(span: int, id_type: str) -> tuple[list[str], list[tuple[Any, pa.DataType]]]:
    """The Meta node's row; a new generation, as every load writes one (cypher/write_meta.cypher):
    HTTP validators change."""
    kind = STRING if id_type == "string" else LONG
    return META_HEADER, [
        (["events" if id_type == "string" else 0], kind), (["events"], STRING), (["Meta"], STRING),
        ([span], LONG), ([GRAPH_VERSION], LONG), ([LAYOUT], LONG), ([uuid.uuid4().hex], STRING),
    ]  # fmt: skip


def write_manifest(out: Path, counts: dict[str, int], id_type: str) -> None:
    """Rows per file and the files holding a line break (graph.bulk_import reads it)."""
    multiline = [name for name in TEXT_FILES if _breaks(out / f"{name}.csv", counts[name])]
    manifest = {"id_type": id_type, "counts": counts, "multiline": multiline}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _write_nodes(graph: BulkGraph, numbers: Numbers, out: Path) -> dict[str, int]:
    _write_articles(graph, numbers, out)
    _write_places(graph, numbers, out)
    _write_actors(graph, numbers, out)
    actor, affs = numbers.actors, list(graph.affiliations)
    _write_file(out / "affiliated_with.csv", AFFILIATION_HEADER, [
        (_mapped(actor, (a for a, _, _ in affs)), _kind(numbers)),
        (_mapped(actor, (o for _, o, _ in affs)), _kind(numbers)),
        ([role for _, _, role in affs], STRING),
    ])  # fmt: skip
    return {
        "articles": len(graph.articles), "places": len(graph.places), "actors": len(graph.actors),
        "affiliated_with": len(graph.affiliations),
    }  # fmt: skip


def _kind(numbers: Numbers) -> pa.DataType:
    return STRING if numbers.id_type == "string" else LONG


def _write_articles(graph: BulkGraph, numbers: Numbers, out: Path) -> None:
    """A stub (cited, undescribed) as write_article_stubs creates it: empty strings, no date or name."""
    ids = list(graph.articles)
    arts = list(graph.articles.values())
    _write_file(out / "articles.csv", ARTICLE_HEADER, [
        _id_column(numbers, ids), (ids, STRING), (["Article"] * len(ids), STRING),
        ([a.title if a else "" for a in arts], STRING),
        ([a.publisher if a else "" for a in arts], STRING),
        ([a.url if a else "" for a in arts], STRING),
        ([a.published if a else None for a in arts], DATE),
        ([a.name if a else None for a in arts], STRING),
    ])  # fmt: skip


def _location(p: Place) -> str | None:
    valid = p.lat is not None and p.lon is not None and -90 <= p.lat <= 90 and -180 <= p.lon <= 180
    return f"{{latitude:{p.lat!r}, longitude:{p.lon!r}}}" if valid else None


def _write_places(graph: BulkGraph, numbers: Numbers, out: Path) -> None:
    ids, ps = list(graph.places), list(graph.places.values())
    _write_file(out / "places.csv", PLACE_HEADER, [
        _id_column(numbers, ids), ([p.id for p in ps], STRING), (["Place"] * len(ps), STRING),
        ([p.name for p in ps], STRING), ([p.lat for p in ps], DOUBLE), ([p.lon for p in ps], DOUBLE),
        ([p.country for p in ps], STRING), ([p.kind for p in ps], STRING),
        ([p.precision for p in ps], STRING), ([p.admin1 for p in ps], STRING),
        ([p.admin2 for p in ps], STRING), ([_location(p) for p in ps], STRING),
    ])  # fmt: skip


def _write_actors(graph: BulkGraph, numbers: Numbers, out: Path) -> None:
    ids, actors = list(graph.actors), list(graph.actors.values())
    labels = {
        k: ARRAY_DELIMITER.join(["Actor", *neo4j_shape.actor_labels(k)]) for k in {a.kind for a in actors}
    }
    _write_file(out / "actors.csv", ACTOR_HEADER, [
        _id_column(numbers, ids), (ids, STRING), ([labels[a.kind] for a in actors], STRING),
        ([a.name for a in actors], STRING), ([a.kind for a in actors], STRING),
        ([_array(a.aliases, f"actor {i}") for i, a in zip(ids, actors, strict=True)], STRING),
        ([_array(a.terms, f"actor {i}") for i, a in zip(ids, actors, strict=True)], STRING),
    ])  # fmt: skip


def _attribute_columns(told: list[Event]) -> list[tuple[Any, pa.DataType]]:
    """Typed attribute columns (graph.neo4j_shape.PROPERTY_TYPES) and the JSON rest: all null but
    where an event has attributes."""
    n = len(told)
    cols: dict[str, list[Any]] = {name: [None] * n for name in _NAMES}
    for i, e in enumerate(told):
        if e.attributes:
            for name, value in neo4j_shape.attribute_properties(e.attributes).items():
                if value is not None:
                    cols[name][i] = value
    kinds = [_ARROW_TYPES[k] for k in neo4j_shape.PROPERTY_TYPES.values()] + [STRING]
    return [(cols[name], kind) for name, kind in zip(_NAMES, kinds, strict=True)]


def _attribute_header() -> list[str]:
    """Typed attribute columns: each property's one type (graph.neo4j_shape.PROPERTY_TYPES)."""
    typed = [f"{name}:{_ATTR_TYPES[kind]}" for name, kind in neo4j_shape.PROPERTY_TYPES.items()]
    return [*typed, neo4j_shape.EXTRA]


_NAMES = [*neo4j_shape.PROPERTY_TYPES, neo4j_shape.EXTRA]
# The files' headers: the import tool's names and types, shared by both column producers.
ARTICLE_HEADER = [":ID(Article)", "id", ":LABEL", "title", "publisher", "url", "published:date", "name"]
PLACE_HEADER = [
    ":ID(Place)", "id", ":LABEL", "name", "lat:double", "lon:double", "country", "kind", "precision",
    "admin1", "admin2", "location:point{crs:WGS-84}",
]  # fmt: skip
ACTOR_HEADER = [":ID(Actor)", "id", ":LABEL", "name", "kind", "aliases:string[]", "terms:string[]"]
AFFILIATION_HEADER = [":START_ID(Actor)", ":END_ID(Actor)", "role"]
EVENT_HEADER = [
    ":ID(Event)", "id", ":LABEL", "type", "start:date", "end:date", "precision", "span_class:int",
    "summary", "confidence:double", "disputed:boolean", *_attribute_header(),
]  # fmt: skip
REPORT_HEADER = [
    ":START_ID(Article)", ":END_ID(Event)", "sentence", "char_start:long", "char_end:long",
    "start:date", "end:date", "precision", "date_text",
]  # fmt: skip
META_HEADER = [
    ":ID(Meta)", "id", ":LABEL", "max_span_days:long", "store_version:long", "layout:long", "generation",
]  # fmt: skip


class _Classes(dict[int, int]):
    """Span class per interval length in days (a few thousand lengths for millions of events)."""

    def __missing__(self, days: int) -> int:
        self[days] = k = bisect_left(SPAN_CLASSES, days)
        return k


def _twice(positions: list[int], names: pa.Array) -> bool:
    """Whether an (event position, name) pair comes twice (a told-once event naming an actor or an
    article twice): one hash pass in Arrow; only then the slower path keeps each pair once."""
    if not positions:
        return False
    codes = names.dictionary_encode().indices.cast(LONG)
    keys = pc.add(pc.multiply(pa.array(positions, LONG), len(names) + 1), codes)
    return bool(pc.count_distinct(keys).as_py() < len(positions))


def _node_column(names: pa.Array, group: pa.Array, id_type: str) -> tuple[pa.Array, pa.Array]:
    """The tool's ids of the named nodes (their position in the group, or the names) and a mask of
    the names the group holds."""
    found = pc.index_in(names, value_set=group)
    return (names if id_type == "string" else found.cast(LONG)), found.is_valid()


def _links(
    recs: list[Event | _Event], group: pa.Array, id_type: str, side: str
) -> tuple[pa.Array, pa.Array, pa.Array]:
    """The tool's ids of each event's agents or targets, their actor ids and the events' positions:
    known actors only, each pair once, in event order (flat lists, the per-pair work only when a
    pair repeats)."""
    groups = [getattr(r, side) for r in recs]
    names = [a for g in groups for a in g]
    positions = [i for i, g in enumerate(groups) for _ in g]
    if _twice(positions, pa.array(names, STRING)):
        pairs = list(dict.fromkeys(zip(names, positions, strict=True)))
        names, positions = [a for a, _ in pairs], [i for _, i in pairs]
    actor_ids = pa.array(names, STRING)
    nodes, known = _node_column(actor_ids, group, id_type)
    at = pa.array(positions, LONG)
    if known.false_count:  # links to actors the batch does not describe: dropped, as the loader does
        return nodes.filter(known), actor_ids.filter(known), at.filter(known)
    return nodes, actor_ids, at


def _write_events(graph: BulkGraph, numbers: Numbers, out: Path) -> dict[str, int]:
    """Events and their links to actors and places, one column at a time (the export's hot path)."""
    recs = list(graph.events.values())
    told = [r.event if isinstance(r, _Event) else r for r in recs]
    ids_, types, dates, summaries, confidences, disputed = _fields(
        told, "id", "type", "date", "summary", "confidence", "disputed"
    )
    ids = list(ids_)
    spans = [(d.end - d.start).days if d else None for d in dates]
    classes = _Classes()
    labels = {t: ARRAY_DELIMITER.join(["Event", *neo4j_shape.event_labels(t)]) for t in set(types)}
    _write_file(out / "events.csv", EVENT_HEADER, [
        _id_column(numbers, ids), (ids, STRING), (list(map(labels.__getitem__, types)), STRING),
        (types, STRING), *_date_columns(list(dates)),
        ([classes[s] if s is not None else None for s in spans], LONG),
        (summaries, STRING), (confidences, DOUBLE), (disputed, BOOL), *_attribute_columns(told),
    ])  # fmt: skip
    event_ids = pa.array(ids, STRING)
    event = event_ids if numbers.id_type == "string" else None
    actor_ids = pa.array(list(graph.actors), STRING)
    # each link's path-search key (cypher/schema.cypher link_key: actor, event start or UNDATED, event)
    keys = pa.array([d.start if d else UNDATED for d in dates], DATE)
    counts = {"events": len(recs)}
    for name, side, header in (
        ("agent_of", "agents", [":START_ID(Actor)", ":END_ID(Event)", *LINK_KEY_HEADER]),
        ("targets", "targets", [":START_ID(Event)", ":END_ID(Actor)", *LINK_KEY_HEADER]),
    ):
        actors, names, positions = _links(recs, actor_ids, numbers.id_type, side)
        actor_col = (actors, _kind(numbers))
        event_col = (event.take(positions) if event else positions, _kind(numbers))
        cols = [actor_col, event_col] if name == "agent_of" else [event_col, actor_col]
        cols += [(names, STRING), (keys.take(positions), DATE), (event_ids.take(positions), STRING)]
        _write_file(out / f"{name}.csv", header, cols)
        counts[name] = len(positions)
    place = numbers.places
    at = [(i, place[p]) for i, p in enumerate(r.place for r in recs) if p and p in place]
    at_events = pa.array([i for i, _ in at], LONG)
    _write_file(out / "at.csv", [":START_ID(Event)", ":END_ID(Place)"], [
        (event.take(at_events) if event else at_events, _kind(numbers)), ([p for _, p in at], _kind(numbers)),
    ])  # fmt: skip
    counts["at"] = len(at)
    merged = [r.longest for r in recs if isinstance(r, _Event)]
    counts["max_span_days"] = max([0, *(s for s in spans if s is not None), *merged])
    return counts


def _write_reports(graph: BulkGraph, numbers: Numbers, out: Path) -> dict[str, int]:
    """One REPORTS row per article and event (the last telling's), with the telling's own date."""
    recs = list(graph.events.values())
    groups = [r.sources.values() if isinstance(r, _Event) else r.sources for r in recs]
    srcs = [s for g in groups for s in g]
    positions = [i for i, g in enumerate(groups) for _ in g]
    docs = pa.array([s.doc for s in srcs], STRING)
    if _twice(positions, docs):
        reports = {(i, s.doc): s for i, s in zip(positions, srcs, strict=True)}  # the last report wins
        positions, srcs = [i for i, _ in reports], list(reports.values())
        docs = pa.array([s.doc for s in srcs], STRING)
    articles, _ = _node_column(docs, pa.array(list(graph.articles), STRING), numbers.id_type)
    if numbers.id_type == "string":
        ids = pa.array([r.event.id if isinstance(r, _Event) else r.id for r in recs], STRING)
        event_col: tuple[Any, pa.DataType] = (ids.take(pa.array(positions, LONG)), STRING)
    else:
        event_col = (positions, LONG)
    sentences, starts, ends, dates, date_texts = _fields(
        srcs, "sentence", "char_start", "char_end", "date", "date_text"
    )
    _write_file(out / "reports.csv", REPORT_HEADER, [
        (articles, _kind(numbers)), event_col,
        (sentences, STRING), (starts, LONG), (ends, LONG), *_date_columns(list(dates)),
        (date_texts, STRING),
    ])  # fmt: skip
    return {"reports": len(srcs)}
