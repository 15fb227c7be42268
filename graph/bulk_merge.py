"""Tellings (graph.bulk_tellings) merged as the loader merges them, written as the import files.

The merge is graph.export.batch_from_rows per file (the first mention of an actor, place or
article in a file describes it; an actor's aliases are unioned in order) then the loader's
statements across files and tellings (cypher/write_*.cypher: the last file's description and the
last telling's properties win, links and aliases are unioned, one REPORTS per article and event,
the last known place), all in Arrow and numpy: no Python call per event. The files and their
columns are graph.bulk_csv's (headers, types, manifest).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventgraph.graph import bulk_csv, neo4j_shape
from eventgraph.graph.bulk_tellings import ATTRIBUTE_FIELDS, Read, location_text
from eventgraph.graph.window import SPAN_CLASSES

S, L = pa.string(), pa.int64()
SEP = bulk_csv.ARRAY_DELIMITER


def _np(arr: Any) -> np.ndarray:
    return np.asarray(arr.to_numpy(zero_copy_only=False))


def _codes(arr: Any) -> tuple[np.ndarray, pa.Array]:
    """Each value's position among the distinct values in order of first appearance, and those."""
    enc = pc.dictionary_encode(arr)
    if isinstance(enc, pa.ChunkedArray):
        enc = (
            enc.unify_dictionaries().combine_chunks()
            if enc.num_chunks
            else pa.array([], S).dictionary_encode()
        )
    return _np(enc.indices).astype(np.int64), enc.dictionary


def _identity(rows: np.ndarray, n: int) -> bool:
    """Whether taking these of n rows keeps every row in place (every event told once: the common case)."""
    return bool(len(rows) == n and (n == 0 or (rows[0] == 0 and (np.diff(rows) == 1).all())))


def _order(keys: np.ndarray) -> np.ndarray:
    """A stable sort's order of the keys (none needed when they ascend already: events told once)."""
    if len(keys) < 2 or bool((keys[1:] >= keys[:-1]).all()):
        return np.arange(len(keys), dtype=np.int64)
    return np.argsort(keys, kind="stable")


def _first(keys: np.ndarray) -> np.ndarray:
    """Rows where a key first appears, in row order."""
    _, first = np.unique(keys, return_index=True)
    return np.sort(first)


def _described(rows: np.ndarray, codes: np.ndarray, files: np.ndarray, n: int) -> np.ndarray:
    """Per node: the row describing it, its first mention in the last file that mentions it."""
    pairs = files[rows] * n + codes[rows] if len(rows) else rows
    firsts = rows[np.argsort(pairs, kind="stable")][np.unique(np.sort(pairs), return_index=True)[1]]
    out = np.zeros(n, dtype=np.int64)
    np.maximum.at(out, codes[firsts], firsts)  # rows ascend with files: the last file's row
    return out


def _file(lines: Any, starts: list[int]) -> np.ndarray:
    return np.searchsorted(np.asarray(starts, dtype=np.int64), _np(lines), side="right") - 1


def write(read: Read, out: Path, *, id_type: str = "integer") -> dict[str, int]:
    """Merge what was read and write the import files and manifest into ``out``; rows per file."""
    if id_type not in bulk_csv.ID_TYPES:
        raise ValueError(f"id type {id_type!r}: expected one of {', '.join(bulk_csv.ID_TYPES)}")
    out.mkdir(parents=True, exist_ok=True)
    t = read.tellings
    jobs: list[tuple[str, list[str], list[tuple[Any, pa.DataType]]]] = []
    kind = S if id_type == "string" else L

    def ids(values: pa.Array, positions: np.ndarray | pa.Array) -> tuple[Any, pa.DataType]:
        return (values.take(pa.array(positions)) if id_type == "string" else pa.array(positions, L)), kind

    actor_ids, actor_jobs, affs = _actors(t.table("mentions"), t.table("affiliations"), read.files, id_type)
    jobs += actor_jobs
    place_ids, places = _places(t.table("places"), read.files, id_type)
    jobs.append(places)
    events = t.table("events")
    ev_codes, ev_ids = _codes(events.column("id"))
    last = np.full(len(ev_ids), -1, dtype=np.int64)
    np.maximum.at(last, ev_codes, np.arange(len(ev_codes), dtype=np.int64))
    told = events if _identity(last, events.num_rows) else events.take(pa.array(last))
    jobs.append(_events(told, id_type))
    days = _np(
        pc.fill_null(
            pc.subtract(events.column("end").cast(pa.int32()), events.column("start").cast(pa.int32())), 0
        )
    )
    span = int(days.max()) if len(days) else 0
    ev_lines = _np(events.column("line"))

    def event_of(lines: Any) -> np.ndarray:
        return ev_codes[np.searchsorted(ev_lines, _np(lines))]

    counts: dict[str, int] = {"events": len(ev_ids)}
    links = t.table("links")
    key_dates = pc.fill_null(told.column("start"), pa.scalar(bulk_csv.UNDATED, pa.date32()))
    sides = (("agent_of", bulk_csv.AGENT_OF_HEADER), ("targets", bulk_csv.TARGETS_HEADER))
    for side, (name, header) in enumerate(sides):
        lk = links.filter(pc.equal(links.column("side"), side))
        ev = event_of(lk.column("line"))
        actor = _np(pc.index_in(lk.column("actor"), value_set=actor_ids)).astype(np.int64)
        order = _order(ev)
        keep = order[_first(ev[order] * (len(actor_ids) + 1) + actor[order])]
        cols = [ids(actor_ids, actor[keep]), ids(ev_ids, ev[keep])]
        at_event = pa.array(ev[keep])
        link_key = [  # cypher/schema.cypher link_key: actor, event start or UNDATED, event
            (actor_ids.take(pa.array(actor[keep])), S), (key_dates.take(at_event), pa.date32()),
            (ev_ids.take(at_event), S),
        ]  # fmt: skip
        jobs.append((name, header, [*(cols if side == 0 else cols[::-1]), *link_key]))
        counts[name] = len(keep)
    placed = events.filter(events.column("place").is_valid())
    at = np.full(len(ev_ids), -1, dtype=np.int64)
    np.maximum.at(at, event_of(placed.column("line")), np.arange(placed.num_rows, dtype=np.int64))
    has = np.nonzero(at >= 0)[0]
    where = _np(pc.index_in(placed.column("place").take(pa.array(at[has])), value_set=place_ids))
    jobs.append(("at", [":START_ID(Event)", ":END_ID(Place)"], [ids(ev_ids, has), ids(place_ids, where)]))
    counts["at"] = len(has)
    art_ids, articles, reports = _articles(t.table("sources"), read.files, event_of, ev_ids, id_type)
    jobs += [articles, reports]
    counts["reports"] = len(reports[2][0][0])
    counts.update(articles=len(art_ids), places=len(place_ids), actors=len(actor_ids), affiliated_with=affs)
    meta = bulk_csv.meta_columns(span, id_type)
    jobs.append(("meta", meta[0], meta[1]))
    counts["meta"] = 1
    with ThreadPoolExecutor(2) as pool:  # Arrow's writer releases the GIL: two files at once
        list(pool.map(lambda job: bulk_csv.write_file(out / f"{job[0]}.csv", job[1], job[2]), jobs))
    bulk_csv.write_manifest(out, counts, id_type)
    return counts


def _events(told: pa.Table, id_type: str) -> tuple[str, list[str], list[tuple[Any, pa.DataType]]]:
    n = told.num_rows
    types = told.column("type")
    labels = {t: SEP.join(["Event", *neo4j_shape.event_labels(t)]) for t in pc.unique(types).to_pylist()}
    label_col = pa.array([labels[t] for t in labels], S).take(
        pc.index_in(types, value_set=pa.array(list(labels), S))
    )
    start, end = told.column("start"), told.column("end")
    days = pc.subtract(end.cast(pa.int32()), start.cast(pa.int32()))
    classes = pa.array(np.searchsorted(SPAN_CLASSES, _np(pc.fill_null(days, 0)), side="left"), L)
    classes = pc.if_else(days.is_valid(), classes, pa.nulls(n, L))
    first = told.column("id")
    id_col = (first, S) if id_type == "string" else (pa.array(np.arange(n), L), L)
    return "events", bulk_csv.EVENT_HEADER, [
        id_col, (first, S), (label_col, S), (types, S), (start, pa.date32()), (end, pa.date32()),
        (told.column("precision"), S), (classes, L), (told.column("summary"), S),
        (told.column("confidence"), pa.float64()), (told.column("disputed"), pa.bool_()),
        *((told.column(name), kind) for name, kind in ATTRIBUTE_FIELDS),
    ]  # fmt: skip


def _places(places: pa.Table, files: list[int], id_type: str) -> tuple[pa.Array, Any]:
    codes, ids = _codes(places.column("id"))
    rows = _described(np.arange(len(codes)), codes, _file(places.column("line"), files), len(ids))
    p = places.take(pa.array(rows))
    loc = p.column("location").to_pylist()
    lat, lon = p.column("lat").to_pylist(), p.column("lon").to_pylist()
    loc = [location_text(a, o) if x is None else x for x, a, o in zip(loc, lat, lon, strict=True)]
    kind = S if id_type == "string" else L
    return ids, ("places", bulk_csv.PLACE_HEADER, [
        ((ids if id_type == "string" else pa.array(np.arange(len(ids)), L)), kind), (ids, S),
        (pa.array(["Place"] * len(ids), S), S), (p.column("name"), S), (p.column("lat"), pa.float64()),
        (p.column("lon"), pa.float64()), (p.column("country"), S), (pa.array(["place"] * len(ids), S), S),
        (p.column("precision"), S), (p.column("admin1"), S), (p.column("admin2"), S),
        ([x or None for x in loc], S),
    ])  # fmt: skip


def _articles(
    src: pa.Table, files: list[int], event_of: Any, ev_ids: pa.Array, id_type: str
) -> tuple[pa.Array, Any, Any]:
    codes, ids = _codes(src.column("doc"))
    f = _file(src.column("line"), files)
    rows = _described(np.arange(len(codes)), codes, f, len(ids))
    a = src.take(pa.array(rows))
    kind = S if id_type == "string" else L
    articles = ("articles", bulk_csv.ARTICLE_HEADER, [
        ((ids if id_type == "string" else pa.array(np.arange(len(ids)), L)), kind), (ids, S),
        (pa.array(["Article"] * len(ids), S), S), (a.column("title"), S), (a.column("publisher"), S),
        (a.column("url"), S), (a.column("published"), pa.date32()), (a.column("name"), S),
    ])  # fmt: skip
    ev = event_of(src.column("line"))
    perm = _order(ev)
    keys = ev[perm] * (len(ids) + 1) + codes[perm]
    uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    if len(uniq) == len(keys):
        rows = perm
    else:  # an article reporting an event twice: the last report, in the first one's place
        lastpos = np.zeros(len(uniq), dtype=np.int64)
        np.maximum.at(lastpos, inverse, np.arange(len(keys), dtype=np.int64))
        rows = perm[lastpos[np.argsort(first)]]
    r = src if _identity(rows, src.num_rows) else src.take(pa.array(rows))
    reports = ("reports", bulk_csv.REPORT_HEADER, [
        ((ids.take(pa.array(codes[rows])) if id_type == "string" else pa.array(codes[rows], L)), kind),
        ((ev_ids.take(pa.array(ev[rows])) if id_type == "string" else pa.array(ev[rows], L)), kind),
        (r.column("sentence"), S), (r.column("char_start"), L), (r.column("char_end"), L),
        (r.column("start"), pa.date32()), (r.column("end"), pa.date32()), (r.column("precision"), S),
        (r.column("date_text"), S),
    ])  # fmt: skip
    return ids, articles, reports


def _actors(
    mentions: pa.Table, affs: pa.Table, files: list[int], id_type: str
) -> tuple[pa.Array, list[Any], int]:
    """Actors in order of first mention: per file the first mention's name and kind and the ordered
    union of aliases (the first mention's list as it is), then the loader's merge across files."""
    codes, ids = _codes(mentions.column("id"))
    n = len(ids)
    f = _file(mentions.column("line"), files)
    groups = f * n + codes
    first_rows = _first(groups)
    aliases = mentions.column("aliases").combine_chunks()
    items = aliases.flatten()
    parents = _np(pc.list_parent_indices(aliases)).astype(np.int64)
    item_codes, _ = _codes(items)
    is_first = np.zeros(len(groups), dtype=bool)
    is_first[first_rows] = True
    g = groups[parents]
    key = g * (int(item_codes.max()) + 1 if len(item_codes) else 1) + item_codes
    head = is_first[parents]
    extra = np.nonzero(~head & ~np.isin(key, key[head]))[0]
    extra = extra[_first(key[extra])]
    kept = np.concatenate([np.nonzero(head)[0], extra])
    kept = kept[np.lexsort((kept, g[kept]))]
    uniq_groups = np.unique(groups[first_rows])
    # per group: its first row and its aliases (offsets over the kept items, ordered by group)
    gi = np.searchsorted(uniq_groups, g[kept])
    lengths = np.bincount(gi, minlength=len(uniq_groups))
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    lists = pa.ListArray.from_arrays(pa.array(offsets), items.take(pa.array(kept)))
    joined = pc.if_else(pc.greater(pc.list_value_length(lists), 0), pc.binary_join(lists, SEP), None)
    first_of = first_rows[np.argsort(groups[first_rows])]  # per sorted group
    names = mentions.column("name").take(pa.array(first_of)).to_pylist()
    kinds = mentions.column("kind").take(pa.array(first_of)).to_pylist()
    alias_text = joined.to_pylist()
    actor_of = uniq_groups % n
    if len(files) > 1 and len(uniq_groups) > n:
        name, kind, al, terms = _across_files(actor_of, names, kinds, alias_text, n)
    else:
        order = np.argsort(actor_of)
        name = [names[i] for i in order]
        kind = [kinds[i] for i in order]
        al = [alias_text[i] for i in order]
        terms = [x.casefold() + (SEP + a.casefold() if a else "") for x, a in zip(name, al, strict=True)]
    _separator(ids, codes[parents[_np(pc.fill_null(pc.match_substring(items, SEP), False))]], name)
    labels = {k: SEP.join(["Actor", *neo4j_shape.actor_labels(k)]) for k in set(kind)}
    kind_id = S if id_type == "string" else L
    actors = ("actors", bulk_csv.ACTOR_HEADER, [
        ((ids if id_type == "string" else pa.array(np.arange(n), L)), kind_id), (ids, S),
        ([labels[k] for k in kind], S), (name, S), (kind, S), (al, S), (terms, S),
    ])  # fmt: skip
    a_codes = _np(pc.index_in(affs.column("actor"), value_set=ids)).astype(np.int64)
    o_codes = _np(pc.index_in(affs.column("org"), value_set=ids)).astype(np.int64)
    r_codes, _ = _codes(affs.column("role"))
    akey = (a_codes * n + o_codes) * (int(r_codes.max()) + 1 if len(r_codes) else 1) + r_codes
    keep = _first(akey)
    roles = affs.column("role").take(pa.array(keep))
    aff_cols = [
        ((ids.take(pa.array(a_codes[keep])) if id_type == "string" else pa.array(a_codes[keep], L)), kind_id),
        ((ids.take(pa.array(o_codes[keep])) if id_type == "string" else pa.array(o_codes[keep], L)), kind_id),
        (roles, S),
    ]
    return ids, [actors, ("affiliated_with", bulk_csv.AFFILIATION_HEADER, aff_cols)], len(keep)


def _separator(ids: pa.Array, in_aliases: np.ndarray, names: list[str]) -> None:
    """Refuse a name holding the array delimiter (graph.bulk_csv.no_separator), naming the first
    actor whose aliases, else whose name, hold it."""
    first = int(in_aliases.min()) if len(in_aliases) else None
    if first is None:
        first = next((i for i, x in enumerate(names) if SEP in x), None)
    if first is not None:
        bulk_csv.no_separator(SEP, f"actor {ids[first].as_py()}")


def _across_files(
    actor_of: np.ndarray, names: list[str], kinds: list[str], aliases: list[str | None], n: int
) -> tuple[list[str], list[str], list[str | None], list[str]]:
    """The loader's actor merge over the files in order (cypher/write_actors.cypher: the last name and
    kind win, the earlier name becomes an alias, aliases and terms unioned)."""
    merged: dict[int, list[Any]] = {}
    for k, a in enumerate(actor_of.tolist()):
        text = aliases[k]
        al = text.split(SEP) if text is not None else []
        terms = [x.casefold() for x in [names[k], *al]]
        old = merged.get(a)
        if old is None:
            merged[a] = [names[k], kinds[k], al, terms]
            continue
        new = old[2] + [x for x in al if x not in old[2]]
        if old[0] != names[k] and old[0] not in new:
            new.append(old[0])
        old[2] = new
        old[3] = old[3] + [t for t in terms if t not in old[3]]
        old[0], old[1] = names[k], kinds[k]
    rows = [merged[a] for a in range(n)]
    return (
        [r[0] for r in rows], [r[1] for r in rows],
        [SEP.join(r[2]) if r[2] else None for r in rows], [SEP.join(r[3]) for r in rows],
    )  # fmt: skip
