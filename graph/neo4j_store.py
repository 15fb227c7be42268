"""The Neo4j store: the graph model of docs/architecture.md over Bolt, every statement read from cypher/.

Writes are batched ``UNWIND $rows ... MERGE`` statements, one managed write
transaction per batch (the driver retries it on transient errors and lost
connections), so a load can be re-run after any failure and converge on the
same graph. Reads go through ``execute_query`` with READ routing, a time limit
and a row cap; the server rejects any write attempted in them. Dates are Neo4j
``date`` values so window predicates are index range scans; they come back as
``datetime.date`` so both stores return identical Python values.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from datetime import date
from typing import Any, cast

from neo4j import Driver, GraphDatabase, ManagedTransaction, Query, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from eventgraph.graph import actor_rank, cypher, neo4j_shape
from eventgraph.graph import deadline as deadlines
from eventgraph.graph.errors import QueryTimeout, StoreAuthError, StoreError, StoreUnavailable
from eventgraph.graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event, Place, Source
from eventgraph.graph.neo4j_overview import Neo4jOverview
from eventgraph.graph.neo4j_paths import PathPages, incidence, link_filter
from eventgraph.graph.paths import Incidence, find_paths
from eventgraph.graph.store import (
    ActorDetail,
    ActorPath,
    Counts,
    EventDetail,
    EventRow,
    Interaction,
    PlaceSummary,
    SourceDetail,
    TimelineFilter,
    TimelinePage,
    path_hops,
)
from eventgraph.graph.version import GRAPH_VERSION, LAYOUT, SPAN_CLASS_LAYOUT, outdated
from eventgraph.graph.window import ROW_CAP, SPAN_CLASSES, bounds, class_floors, encode_cursor, span_class

INTERACTION_CAP = 100
INDEX_WAIT = 300  # seconds the first connection waits for indexes to come online (after a bulk import)
Row = dict[str, Any]


def _day(value: Any) -> date | None:
    """Neo4j ``Date`` or an ISO string (what the row queries send) -> ``datetime.date``."""
    if value is None:
        return None
    return date.fromisoformat(value) if isinstance(value, str) else cast(date, value.to_native())


def _interval(start: Any, end: Any, precision: Any) -> DateInterval | None:
    first, last = _day(start), _day(end)
    return DateInterval(first, last or first, precision or "day") if first else None


def _actor(data: Row) -> Actor:
    return Actor(data["id"], data["name"], data["kind"], list(data.get("aliases") or []))


def _place(data: Row) -> Place:
    kind = data.get("kind") or "place"
    return Place(
        data["id"],
        data["name"],
        data.get("lat"),
        data.get("lon"),
        data.get("country"),
        kind,
        data.get("precision"),
        data.get("admin1"),
        data.get("admin2"),
    )


def node_writes(batch: Batch) -> list[tuple[str, str, list[Any]]]:
    """(statement, parameter, rows) for the nodes, written before the events that link to them."""
    described = {a.id for a in batch.articles}
    stubs = sorted({s.doc for e in batch.events for s in e.sources} - described)
    return [
        ("write_articles", "rows", [
            {"id": a.id, "title": a.title, "publisher": a.publisher, "url": a.url, "published": a.published,
             "name": a.name}
            for a in batch.articles
        ]),
        ("write_article_stubs", "ids", stubs),
        ("write_places", "rows", [
            {"id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country, "kind": p.kind,
             "precision": p.precision, "admin1": p.admin1, "admin2": p.admin2}
            for p in batch.places
        ]),
        ("write_actors", "rows", [
            {"id": a.id, "name": a.name, "kind": a.kind, "aliases": a.aliases,
             "terms": actor_rank.search_terms(a), "labels": neo4j_shape.actor_labels(a.kind)}
            for a in batch.actors
        ]),
        ("write_affiliations", "rows", [
            {"actor": f.actor, "org": f.org, "role": f.role} for f in batch.affiliations
        ]),
    ]  # fmt: skip


def _event_row(e: Event) -> Row:
    """One row of write_events.cypher: the event's properties with its links nested (sources as
    positional lists, which pack smaller and faster than maps)."""
    when = e.date
    return {
        "id": e.id,
        "type": e.type,
        "labels": neo4j_shape.event_labels(e.type),
        "start": when.start if when else None,
        "end": when.end if when else None,
        "precision": when.precision if when else None,
        "span_class": span_class(when.start, when.end) if when else None,
        "summary": e.summary,
        "confidence": e.confidence,
        "disputed": e.disputed,
        "attrs": neo4j_shape.attribute_properties(e.attributes),
        "agents": e.agents,
        "targets": e.targets,
        "sources": [_report(s) for s in e.sources],
    }


def _new_event_row(e: Event) -> Row:
    """A row of write_new_events.cypher: links deduplicated, since CREATE would repeat them where
    MERGE would not (a source per article, the last one told winning, as in a merge)."""
    row = _event_row(e)
    row["agents"] = list(dict.fromkeys(e.agents))
    row["targets"] = list(dict.fromkeys(e.targets))
    row["sources"] = list({s[0]: s for s in row["sources"]}.values())
    row["place"] = e.place
    row["attrs"] = {k: v for k, v in row["attrs"].items() if v is not None}  # a new node has none to clear
    return row


def event_chunks(events: Sequence[Event], size: int) -> list[list[Event]]:
    """Chunks of about ``size`` events, every repeat of an id in the chunk of its first telling, so
    concurrent chunks never touch the same event and the last telling still wins."""
    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault(e.id, []).append(e)
    chunks: list[list[Event]] = [[]]
    for group in groups.values():
        if len(chunks[-1]) >= size:
            chunks.append([])
        chunks[-1].extend(group)
    return [c for c in chunks if c]


def write_chunk(tx: ManagedTransaction, chunk: Sequence[Event]) -> None:
    """One event chunk in one transaction: events the graph lacks are created outright, the rest
    (and repeats within the chunk) merged after them, so the latest told wins as in a plain merge."""
    ids = [e.id for e in chunk]
    existing = {r["id"] for r in tx.run(cypher.load("existing_events"), ids=ids)}
    fresh: list[Event] = []
    known: list[Event] = []
    for e in chunk:
        (known if e.id in existing else fresh).append(e)
        existing.add(e.id)
    if fresh:
        tx.run(cypher.load("write_new_events"), rows=[_new_event_row(e) for e in fresh]).consume()
    if known:
        tx.run(cypher.load("write_events"), rows=[_event_row(e) for e in known]).consume()
        places = [[e.id, e.place] for e in known if e.place]
        tx.run(cypher.load("write_places_of_events"), rows=places).consume()


class Neo4jStore(Neo4jOverview, PathPages):
    kind = "neo4j"

    def __init__(
        self,
        uri: str = "bolt://127.0.0.1:7687",
        user: str = "neo4j",
        password: str = "eventgraph",
        *,
        database: str | None = None,
        timeout: float = 10.0,
        batch_size: int = 2000,
        node_batch_size: int = 10_000,
        writers: int = 2,
    ) -> None:
        self.uri, self.user, self.database = uri, user, database
        self.timeout, self.batch_size, self.node_batch_size = timeout, batch_size, node_batch_size
        self.writers = writers
        self._outdated: str | None = None  # why this graph cannot be used until cleared
        self._links: dict[str, int] = {}  # graph.neo4j_paths: link counts, for how much a page asks
        self.driver: Driver = GraphDatabase.driver(
            uri, auth=(user, password), connection_timeout=5.0, max_transaction_retry_time=30.0
        )
        try:
            with self._errors("connect"):
                self.driver.verify_connectivity()
            self._outdated = _prepare(self)
        except BaseException:
            self.driver.close()
            raise

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Driver exceptions -> graph.errors with a message a user can act on."""
        try:
            yield
        except AuthError as exc:
            raise StoreAuthError(
                f"Neo4j rejected the credentials for user {self.user!r} at {self.uri}"
            ) from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise StoreUnavailable(f"cannot reach Neo4j at {self.uri}: {' '.join(str(exc).split())}") from exc
        except ClientError as exc:
            if "TransactionTimedOut" in (exc.code or ""):
                raise QueryTimeout(f"{what} ran past its time limit of {self.timeout:g} s") from exc
            raise StoreError(f"Neo4j refused {what}: {exc.message}") from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j failed in {what}: {exc.message}") from exc

    def _query(self, name: str, timeout: float | None = None) -> Query:
        return Query(cypher.load(name), metadata={"file": name}, timeout=timeout)

    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        """Run cypher/NAME.cypher in a read transaction within the time limit and the caller's deadline."""
        if name not in ("ping", "store_version") and self._outdated:
            raise StoreError(self._outdated)
        with self._errors(name):
            records, _, _ = self.driver.execute_query(
                self._query(name, deadlines.bounded(timeout or self.timeout)),
                params,
                routing_=RoutingControl.READ,
                database_=self.database,
            )
        return [dict(record) for record in records]  # shallow: data() walks every nested value

    def _run_auto(self, name: str, text: str, attempts: int = 5, params: Row | None = None) -> None:
        """An auto-commit statement (schema, chunked wipe), retried on transient errors like the
        managed transactions are: concurrent loads can briefly exhaust the server's memory pool."""
        for attempt in range(attempts):
            try:
                with self._errors(name), self.driver.session(database=self.database) as session:
                    session.run(Query(text, metadata={"file": name}), params or {}).consume()
                return
            except StoreError as exc:
                if not isinstance(exc.__cause__, TransientError) or attempt == attempts - 1:
                    raise
                time.sleep(0.5 * 2**attempt)

    # -- writing ------------------------------------------------------------

    def write_steps(self, steps: list[tuple[str, Row]]) -> None:
        """Run several statements in one managed write transaction (retried as a whole)."""

        def work(tx: ManagedTransaction) -> None:
            for name, params in steps:
                tx.run(cypher.load(name), params).consume()

        with self._errors(steps[0][0]), self.driver.session(database=self.database) as session:
            session.execute_write(work)

    def upsert(self, batch: Batch, *, progress: Callable[[int, int], None] | None = None) -> None:
        """Merge the batch: nodes first, then events with their links, one transaction per chunk.

        Node rows are packed into transactions of up to ``node_batch_size`` rows over all node
        kinds (a small batch is one transaction); each event chunk is one transaction of two
        statements. Every statement is idempotent, so a retried or re-run chunk converges."""
        require_usable(self)
        steps: list[tuple[str, Row]] = []
        size = 0
        for name, param, rows in node_writes(batch):
            for i in range(0, len(rows), self.node_batch_size):
                part = rows[i : i + self.node_batch_size]
                if steps and size + len(part) > self.node_batch_size:
                    self.write_steps(steps)
                    steps, size = [], 0
                steps.append((name, {param: part}))
                size += len(part)
        if steps:
            self.write_steps(steps)
        self._write_events(batch.events, progress)
        spans = [(e.date.end - e.date.start).days for e in batch.events if e.date]
        self.write_steps([("write_meta", {"span": max(spans, default=0)})])

    def _write_events(self, events: Sequence[Event], progress: Callable[[int, int], None] | None) -> None:
        """Event chunks on ``writers`` threads, each chunk its own managed transaction; progress
        counts finished chunks. A failure stops new chunks, lets running ones finish, and raises."""
        chunks = event_chunks(events, self.batch_size)
        done = 0

        def write(chunk: Sequence[Event]) -> int:
            for attempt in range(3):
                try:
                    with self._errors("write_new_events"), self.driver.session(database=self.database) as s:
                        s.execute_write(write_chunk, chunk)
                    break
                except StoreError as exc:  # another loader created one of these events first
                    if not isinstance(exc.__cause__, ConstraintError) or attempt == 2:
                        raise
            return len(chunk)

        with ThreadPoolExecutor(max_workers=max(1, self.writers)) as pool:
            pending = {pool.submit(write, c) for c in chunks[: self.writers]}
            queued = iter(chunks[self.writers :])
            try:
                while pending:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        done += future.result()
                        if progress:
                            progress(done, len(events))
                        if (chunk := next(queued, None)) is not None:
                            pending.add(pool.submit(write, chunk))
            except BaseException:
                wait(pending)  # running transactions commit or roll back before the error surfaces
                raise

    def clear(self) -> None:
        for statement in cypher.statements("admin/wipe"):
            self._run_auto("admin/wipe", statement)
        self._outdated = _format_problem(self)

    # -- reading ------------------------------------------------------------

    def _window_params(self, flt: TimelineFilter, cursor: str | None) -> Row:
        """graph.window's bounds as parameters; the statements widen an overlap window's lower
        start bound by the stored longest interval themselves (no extra round trip for it)."""
        win = bounds(flt, 0, cursor)
        after = win.after
        return {
            "classes": [list(floor) for floor in class_floors(flt, cursor)],
            "start_lo": win.start_lo,
            "shift_from": flt.start if flt.match == "overlap" and flt.start else None,
            "start_hi": win.start_hi,
            "end_lo": win.end_lo,
            "end_hi": win.end_hi,
            "after_start": after[0] if after else None,
            "after_end": after[1] if after else None,
            "after_id": after[2] if after else None,
            "types": list(flt.types) or None,
            "disputed": flt.disputed,
            "place": flt.place,
            "actor": flt.actor,
        }

    def timeline(self, flt: TimelineFilter, *, limit: int = 100, cursor: str | None = None) -> TimelinePage:
        """One round trip: the window's events with their participants (limit + 1 to see if more)."""
        limit = max(1, min(limit, ROW_CAP))
        params = self._window_params(flt, cursor)
        found = self.read("timeline_actor" if flt.actor else "timeline", limit=limit + 1, **params)
        rows = [_row(r) for r in found[:limit]]
        more = len(found) > limit
        last = rows[-1].event if rows else None
        cursor_out = (
            encode_cursor((last.date.start, last.date.end, last.id)) if more and last and last.date else None
        )
        return TimelinePage(rows, cursor_out)

    def count(self, flt: TimelineFilter) -> int:
        return int(self.read("count", **self._window_params(flt, None))[0]["n"])

    def _rows(self, event_ids: Sequence[str]) -> list[EventRow]:
        if not event_ids:
            return []
        found = {r["e"]["id"]: r for r in self.read("event_rows", ids=list(event_ids))}
        return [_row(found[i]) for i in event_ids if i in found]

    def event(self, event_id: str) -> EventDetail | None:
        return self.events([event_id]).get(event_id)

    def events(self, event_ids: Sequence[str]) -> dict[str, EventDetail]:
        rows = self._rows(list(dict.fromkeys(event_ids)))
        return _with_sources(rows, self.read("events_sources", ids=[r.event.id for r in rows]))

    def actors(self, query: str = "", *, limit: int = 20) -> list[Actor]:
        limit = max(1, min(limit, ROW_CAP))
        if not query.strip():
            return [_actor(r["a"]) for r in self.read("actors_all", limit=limit)]
        rows = self.read("actor_candidates", stems=actor_rank.stems(query), cap=actor_rank.CANDIDATE_CAP)
        return actor_rank.rank(query, (_actor(r["a"]) for r in rows), limit=limit)

    def actor(self, actor_id: str) -> ActorDetail | None:
        rows = self.read("actor", id=actor_id)
        if not rows:
            return None
        row = rows[0]
        links = row["affiliations"]
        affiliations = sorted(
            (Affiliation(x["actor"], x["org"], x["role"]) for x in links),
            key=lambda a: (a.actor, a.org, a.role),
        )
        related = {x["other"]["id"]: _actor(x["other"]) for x in links if x["other"]["id"] != actor_id}
        interactions = [
            Interaction(_actor(r["o"]), int(r["n"]), _day(r["first"]), _day(r["last"]), sorted(r["types"]))
            for r in self.read("actor_interactions", id=actor_id, cap=INTERACTION_CAP)
        ]
        return ActorDetail(_actor(row["a"]), affiliations, related, interactions, int(row["events"]))

    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        """The path search's view of the graph (graph.paths.Adjacency)."""
        out: dict[str, list[Incidence]] = {}
        for r in self.read("incidences", ids=list(actor_ids), **link_filter(window, dated)):
            out.setdefault(r["id"], []).append(incidence(r))
        return out

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        rows = self.read("neighbours", ids=list(actor_ids), **link_filter(window, dated))
        return {r["id"] for r in rows}

    def path(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        ordered: bool = False,
        window: DateInterval | None = None,
        limit: int = 5,
    ) -> list[ActorPath]:
        known = {r["a"]["id"]: _actor(r["a"]) for r in self.read("actors_by_id", ids=[source, target])}
        if source not in known or target not in known:
            return []
        found = find_paths(
            self, source, target, max_hops=max_hops, ordered=ordered, window=window, limit=limit
        )
        event_ids = {link.event for p in found for link in p.links if link.kind == "event"}
        rows = {r.event.id: r for r in self._rows(sorted(event_ids))}
        actors = {
            r["a"]["id"]: _actor(r["a"])
            for r in self.read("actors_by_id", ids=sorted({a for p in found for a in p.actors}))
        }
        return [
            ActorPath(
                [actors[a] for a in p.actors],
                path_hops(p, rows),
            )
            for p in found
        ]

    def places(self) -> list[PlaceSummary]:
        return [PlaceSummary(_place(r["p"]), int(r["n"])) for r in self.read("places")]

    def counts(self) -> Counts:
        r = self.read("counts")[0]
        types = {row["type"]: row["n"] for row in self.read("type_counts")}
        return Counts(r["articles"], r["events"], r["actors"], r["places"], r["disputed"], types, r["dated"])

    def date_span(self) -> DateInterval | None:
        r = self.read("date_span")[0]
        first, last = _day(r["first"]), _day(r["last"])
        return DateInterval(first, last, "range") if first and last else None

    def ping(self) -> bool:
        try:
            return bool(self.read("ping", timeout=2.0))
        except StoreError:
            return False

    def close(self) -> None:
        self.driver.close()


def _prepare(store: Neo4jStore) -> str | None:
    """Apply the schema and migrations (idempotent), then check the store format (_format_problem)."""
    try:
        for statement in cypher.statements("schema"):
            store._run_auto("schema", statement)
    except StoreError as exc:
        if isinstance(exc.__cause__, ClientError) and (exc.__cause__.code or "").endswith("DatabaseNotFound"):
            raise StoreError(
                f"Neo4j at {store.uri} has no database {store.database!r} "
                "(chosen with --neo4j-database or NEO4J_DATABASE)"
            ) from exc.__cause__
        raise
    with store._errors("await_indexes"), store.driver.session(database=store.database) as session:
        session.run(store._query("await_indexes"), seconds=INDEX_WAIT).consume()
    store.write_steps([("migrate_span_class", {"layout": SPAN_CLASS_LAYOUT, "bounds": list(SPAN_CLASSES)})])
    # millions of links are not one transaction: the statement commits its own (IN TRANSACTIONS)
    store._run_auto("migrate_link_keys", cypher.load("migrate_link_keys"), params={"layout": LAYOUT})
    store.write_steps([("write_layout", {"layout": LAYOUT})])
    return _format_problem(store)


def require_usable(store: Neo4jStore) -> None:
    """Raise why this graph cannot be used (an older release loaded it), if it cannot."""
    if store._outdated:
        raise StoreError(store._outdated)


def _format_problem(store: Neo4jStore) -> str | None:
    """Mark an empty graph with graph.version's format; for a graph of another format (an older
    release's), why every read and write refuses it until ``clear`` (``load --replace``)."""
    row = store.read("store_version")[0]
    version = row["version"]
    if not row["events"] and (version is None or version < GRAPH_VERSION):  # an empty graph is of any format
        store.write_steps([("write_store_version", {"version": GRAPH_VERSION, "layout": LAYOUT})])
    elif version != GRAPH_VERSION:
        return outdated(f"the Neo4j graph at {store.uri}", version, GRAPH_VERSION)
    return None


def _report(src: Source) -> list[Any]:
    """A source as write_events.cypher reads it: [doc, sentence, char_start, char_end, date_text,
    start, end, precision]."""
    when = src.date
    return [
        src.doc,
        src.sentence,
        src.char_start,
        src.char_end,
        src.date_text,
        when.start if when else None,
        when.end if when else None,
        when.precision if when else None,
    ]


def _row(r: Row) -> EventRow:
    e = r["e"]
    agents = [_actor(a) for a in r["agents"]]
    targets = [_actor(a) for a in r["targets"]]
    place = _place(r["place"][0]) if r["place"] else None
    event = Event(
        id=e["id"],
        type=e["type"],
        date=_interval(e.get("start"), e.get("end"), e.get("precision")),
        agents=[a.id for a in agents],
        targets=[a.id for a in targets],
        place=place.id if place else None,
        attributes=neo4j_shape.attributes_from(e),
        confidence=float(e.get("confidence") or 0.0),
        disputed=bool(e.get("disputed")),
        summary=e.get("summary") or "",
    )
    return EventRow(event, agents, targets, place, int(r["sources"]))


def _with_sources(rows: Sequence[EventRow], reports: Sequence[Row]) -> dict[str, EventDetail]:
    """Events from their rows and the rows of events_sources: ``Neo4jStore.events`` answers any
    number of events in two round trips."""
    found = {r.event.id: EventDetail(r, []) for r in rows}
    for r in reports:
        found[r["id"]].sources.append(_source(r["article"], r["report"]))
    return found


def _source(art: Row, rep: Row) -> SourceDetail:
    source = Source(
        art["id"],
        rep.get("sentence") or "",
        rep.get("char_start") or 0,
        rep.get("char_end") or 0,
        rep.get("date_text"),
        _interval(rep.get("start"), rep.get("end"), rep.get("precision")),
    )
    published = _day(art.get("published"))
    article = Article(
        art["id"],
        art.get("title") or "",
        art.get("publisher") or "",
        art.get("url") or "",
        published,
        art.get("name") or "",
    )
    return SourceDetail(source, article)
