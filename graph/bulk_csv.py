"""The graph as CSV files in ``neo4j-admin database import full``'s header format (issue 18, bulk).

The files hold exactly the graph ``eventgraph load`` would build from the same batches into an
empty database, so an imported graph answers like a loaded one: repeated events, actors and
articles are merged here the way the loader's statements merge them (cypher/write_*.cypher: the
last telling's properties win, links and aliases are unioned, one REPORTS per article and event,
the last known place), labels and typed properties come from graph.neo4j_shape, and the Meta node
carries the graph format. Constraints and indexes are not in the files: the server creates them
(cypher/schema.cypher) on the first connection after the import.

Every string field is quoted and nulls are left empty (see _Writer), so the import tool tells an empty string
from a missing property; arrays are joined by ARRAY_DELIMITER (the unit separator, which no name
of ours holds: a value holding it is refused, naming the input).
"""

from __future__ import annotations

import csv
import gc
import json
import multiprocessing
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventgraph.graph import actor_rank, neo4j_shape
from eventgraph.graph.model import Article, Batch, Event, Place, Source
from eventgraph.graph.version import GRAPH_VERSION
from eventgraph.graph.window import span_class

ARRAY_DELIMITER = "\x1f"
LAYOUT = 2  # graph.neo4j_store.LAYOUT: every event carries its span class
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


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


class _Bare:
    """A field the csv module writes unquoted: it passes for a number (QUOTE_NONNUMERIC quotes
    everything else), and prints as its text."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __float__(self) -> float:
        return 0.0


NULL, TRUE, FALSE = _Bare(""), _Bare("true"), _Bare("false")


def _cell(value: Any) -> Any:
    """None -> an empty unquoted field (no property), booleans as the tool spells them."""
    if value is None:
        return NULL
    if value is True or value is False:
        return TRUE if value else FALSE
    return value


class _Writer:
    """Rows of one import file, header first, through the csv module (QUOTE_NONNUMERIC): every string
    is quoted, so "" stays an empty string, while NULL (an empty unquoted field) is no property."""

    def __init__(self, fh: Any, header: list[str]) -> None:
        fh.write(",".join(header) + "\n")
        self.rows = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        # the first cells of a row whose fixed tail (e.g. all-empty columns) goes straight to write()
        self.head = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="")
        self.write = fh.write

    def writerow(self, row: list[Any]) -> None:
        self.rows.writerow([NULL if v is None else v for v in row])


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

    def event(self, position: int, event_id: str) -> Any:
        return event_id if self.id_type == "string" else position


class _Files:
    """The import files one task writes, each through a _Writer; closed together."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.stack = ExitStack()

    def writer(self, name: str, header: list[str]) -> _Writer:
        path = self.out / f"{name}.csv"
        fh = self.stack.enter_context(path.open("w", encoding="utf-8", newline="", buffering=1 << 20))
        return _Writer(fh, header)

    def __enter__(self) -> _Files:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stack.close()


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
    with _Files(out) as files:
        meta = files.writer(
            "meta",
            [
                ":ID(Meta)",
                "id",
                ":LABEL",
                "max_span_days:long",
                "store_version:long",
                "layout:long",
                "generation",
            ],
        )
        # a new generation, as every load writes one (cypher/write_meta.cypher): HTTP validators change
        meta.writerow(
            [
                "events" if id_type == "string" else 0,
                "events",
                "Meta",
                span,
                GRAPH_VERSION,
                LAYOUT,
                uuid.uuid4().hex,
            ]
        )
    counts["meta"] = 1
    multiline = [name for name in TEXT_FILES if _breaks(out / f"{name}.csv", counts[name])]
    manifest = {"id_type": id_type, "counts": counts, "multiline": multiline}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return counts


def _write_nodes(graph: BulkGraph, numbers: Numbers, out: Path) -> dict[str, int]:
    with _Files(out) as files:
        _write_articles(graph, numbers.articles, files)
        _write_places(graph, numbers.places, files)
        _write_actors(graph, numbers.actors, files)
        links = files.writer("affiliated_with", [":START_ID(Actor)", ":END_ID(Actor)", "role"])
        actor = numbers.actors
        links.rows.writerows((actor[a], actor[o], role) for a, o, role in graph.affiliations)
    return {
        "articles": len(graph.articles), "places": len(graph.places), "actors": len(graph.actors),
        "affiliated_with": len(graph.affiliations),
    }  # fmt: skip


def _write_articles(graph: BulkGraph, ids: dict[str, Any], files: _Files) -> None:
    w = files.writer(
        "articles",
        [":ID(Article)", "id", ":LABEL", "title", "publisher", "url", "published:date", "name"],
    )
    for art_id, art in graph.articles.items():
        i = ids[art_id]
        if art is None:  # a stub, as write_article_stubs creates it
            w.writerow([i, art_id, "Article", "", "", "", None, None])
        else:
            w.writerow(
                [i, art_id, "Article", art.title, art.publisher, art.url, _day(art.published), art.name]
            )


def _write_places(graph: BulkGraph, ids: dict[str, Any], files: _Files) -> None:
    w = files.writer("places", [
        ":ID(Place)", "id", ":LABEL", "name", "lat:double", "lon:double", "country", "kind", "precision",
        "admin1", "admin2", "location:point{crs:WGS-84}",
    ])  # fmt: skip
    for key, p in graph.places.items():
        i = ids[key]
        valid = p.lat is not None and p.lon is not None and -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        location = f"{{latitude:{p.lat!r}, longitude:{p.lon!r}}}" if valid else None
        w.writerow([
            i, p.id, "Place", p.name, p.lat, p.lon, p.country, p.kind, p.precision, p.admin1, p.admin2,
            location,
        ])  # fmt: skip


def _write_actors(graph: BulkGraph, ids: dict[str, Any], files: _Files) -> None:
    w = files.writer(
        "actors", [":ID(Actor)", "id", ":LABEL", "name", "kind", "aliases:string[]", "terms:string[]"]
    )
    for actor_id, a in graph.actors.items():
        i = ids[actor_id]
        labels = ARRAY_DELIMITER.join(["Actor", *neo4j_shape.actor_labels(a.kind)])
        what = f"actor {actor_id}"
        w.writerow([i, actor_id, labels, a.name, a.kind, _array(a.aliases, what), _array(a.terms, what)])


def _attribute_header() -> list[str]:
    """Typed attribute columns: each property's one type (graph.neo4j_shape.PROPERTY_TYPES)."""
    typed = [f"{name}:{_ATTR_TYPES[kind]}" for name, kind in neo4j_shape.PROPERTY_TYPES.items()]
    return [*typed, neo4j_shape.EXTRA]


_NAMES = [*neo4j_shape.PROPERTY_TYPES, neo4j_shape.EXTRA]
_NO_ATTRIBUTES = [NULL] * len(_NAMES)


def _attribute_cells(attributes: dict[str, Any]) -> list[Any]:
    if not attributes:
        return _NO_ATTRIBUTES
    props = neo4j_shape.attribute_properties(attributes)
    return [_cell(props[n]) for n in _NAMES]


class _Days(dict[date, str]):
    """One ISO string per distinct day (a few thousand days for millions of dates): a plain dict
    lookup once the day is known."""

    def __missing__(self, day: date) -> str:
        self[day] = text = day.isoformat()
        return text


def _write_events(graph: BulkGraph, numbers: Numbers, out: Path) -> dict[str, int]:
    """Events and their links to actors and places: the hot loop of an export (rows straight to the
    csv module)."""
    with _Files(out) as files:
        events = files.writer("events", [
            ":ID(Event)", "id", ":LABEL", "type", "start:date", "end:date", "precision", "span_class:int",
            "summary", "confidence:double", "disputed:boolean", *_attribute_header(),
        ])  # fmt: skip
        no_attributes = "," * len(_NAMES) + "\n"  # most events: every attribute column empty
        agent = files.writer("agent_of", [":START_ID(Actor)", ":END_ID(Event)"]).rows
        target = files.writer("targets", [":START_ID(Event)", ":END_ID(Actor)"]).rows
        at = files.writer("at", [":START_ID(Event)", ":END_ID(Place)"]).rows
        labels = {
            t: ARRAY_DELIMITER.join(["Event", *neo4j_shape.event_labels(t)]) for t in neo4j_shape.EVENT_LABELS
        }
        actor, place, day = numbers.actors, numbers.places, _Days()
        n_agents = n_targets = n_at = longest = 0
        for n, rec in enumerate(graph.merged_events()):
            e, when = rec.event, rec.event.date
            i = numbers.event(n, e.id)
            if when:
                dated: list[Any] = [
                    day[when.start],
                    day[when.end],
                    when.precision,
                    span_class(when.start, when.end),
                ]
            else:
                dated = [NULL, NULL, NULL, NULL]
            row = [
                i, e.id, labels.get(e.type) or "Event", e.type, *dated, e.summary, float(e.confidence),
                TRUE if e.disputed else FALSE,
            ]  # fmt: skip
            if e.attributes:
                events.rows.writerow(row + _attribute_cells(e.attributes))
            else:
                events.head.writerow(row)
                events.write(no_attributes)
            agent.writerows([(actor[a], i) for a in rec.agents])
            target.writerows([(i, actor[a]) for a in rec.targets])
            if rec.place:
                at.writerow((i, place[rec.place]))
                n_at += 1
            n_agents += len(rec.agents)
            n_targets += len(rec.targets)
            longest = max(longest, rec.longest)
    return {
        "events": len(graph.events), "agent_of": n_agents, "targets": n_targets, "at": n_at,
        "max_span_days": longest,
    }  # fmt: skip


def _write_reports(graph: BulkGraph, numbers: Numbers, out: Path) -> dict[str, int]:
    """One REPORTS row per article and event, with the telling's own date."""
    with _Files(out) as files:
        reports = files.writer("reports", [
            ":START_ID(Article)", ":END_ID(Event)", "sentence", "char_start:long", "char_end:long",
            "start:date", "end:date", "precision", "date_text",
        ])  # fmt: skip
        article, day = numbers.articles, _Days()
        rows, head, write = reports.rows.writerow, reports.head.writerow, reports.write
        n_reports = 0
        for n, (event_id, sources) in enumerate(graph.merged_sources()):
            i = numbers.event(n, event_id)
            for s in sources:
                d = s.date
                said: tuple[Any, ...] = (day[d.start], day[d.end], d.precision) if d else (NULL, NULL, NULL)
                if s.date_text is None:  # the common case: no column to quote, an empty last field
                    head((article[s.doc], i, s.sentence, s.char_start, s.char_end, *said))
                    write(",\n")
                else:
                    rows((article[s.doc], i, s.sentence, s.char_start, s.char_end, *said, s.date_text))
                n_reports += 1
    return {"reports": n_reports}
