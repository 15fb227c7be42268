"""Blocks of event JSONL straight into tellings (graph.bulk_tellings) with Arrow's JSON reader.

A block is taken only when the reader and the checks are sure to agree with the line model
(graph.event_line): one JSON object per line, valid UTF-8, no escaped surrogates, no key outside
the schema below, every value of the schema's type; then the model's value checks (id patterns,
enums, lengths, ranges, date order) run vectorised. A block the reader refuses goes line by line
through the exact path, as do the single lines a check flags, so a bad line is named with the same
message as in ``eventgraph load`` and the rest goes through.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json

from eventgraph.graph import bulk_tellings as bt
from eventgraph.graph.event_line import ACTOR_ID, EVENT_ID, LAST_DAY
from eventgraph.graph.model import ACTOR_KINDS, EVENT_TYPES, PRECISIONS

S, L, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
TEXT = 100_000  # event_line.Text's max_length
_DATE = pa.struct([("start", S), ("end", S), ("precision", S)])
_ORG = pa.struct([("id", S), ("name", S), ("kind", S)])
_HOLDER = pa.struct([("id", S), ("name", S), ("kind", S), ("aliases", pa.list_(S))])
_ACTOR = pa.struct([
    ("id", S), ("name", S), ("kind", S), ("aliases", pa.list_(S)),
    ("affiliations", pa.list_(pa.struct([("role", S), ("org", _ORG)]))),
    ("held_by", pa.list_(pa.struct([("role", S), ("actor", _HOLDER)]))),
])  # fmt: skip
_ARTICLE = pa.struct([("title", S), ("publisher", S), ("url", S), ("published", S)])
_PLACE_PRECISIONS = ["point", "town", "district", "province", "country"]
_TYPED = [
    (n, t) for n, t in bt.ATTRIBUTE_FIELDS if not n.startswith("casualties_") and n != "attributes_extra"
]
SCHEMA = pa.schema([
    ("id", S), ("type", S), ("date", _DATE), ("agents", pa.list_(_ACTOR)), ("targets", pa.list_(_ACTOR)),
    ("location", pa.struct([
        ("id", S), ("name", S), ("lat", F), ("lon", F), ("country", S), ("precision", S), ("admin1", S),
        ("admin2", S), ("gazetteer_name", S),
    ])),
    # only the typed attributes (others go to JSON: the exact path writes those), casualties only null
    ("attributes", pa.struct([*_TYPED, ("casualties", pa.null())])),
    ("confidence", F), ("disputed", B), ("summary", S), ("cameo", S), ("plover", S),
    ("sources", pa.list_(pa.struct([
        ("doc", S), ("doc_id", S), ("sentence", S), ("char_start", L), ("char_end", L), ("date_text", S),
        ("date", _DATE), ("article", _ARTICLE),
    ]))),
])  # fmt: skip
_PARSE = pa_json.ParseOptions(explicit_schema=SCHEMA, unexpected_field_behavior="error")
_READ = pa_json.ReadOptions(use_threads=True, block_size=1 << 22)
_SPAN = 1 << 20  # sub ranks: side, then position in the list, then the walk within an actor


def sure(data: bytes) -> bool:
    """Whether a block (whole lines, each ending in a newline) is one JSON object per line in UTF-8
    with no escaped surrogate: the byte-level conditions under which the reader's rows are the lines."""
    lines = data.count(b"\n")
    if not data.startswith(b"{") or not data.endswith(b"}\n") or data.count(b"}\n{") != lines - 1:
        return False  # blank lines, objects across lines or several per line, CRLF, a BOM
    if b"\\u" in data and re.search(rb"\\u[dD][89a-fA-F]", data):
        return False
    if data.isascii():  # valid UTF-8 as it is: no decoded copy of the block (a scan ~10x cheaper)
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_block(data: bytes, line0: int) -> tuple[dict[str, pa.Table], np.ndarray] | None:
    """The block's tellings (lines numbered from ``line0``) and a mask of the lines to take through
    the exact path instead (their rows are left out); None when the reader refuses the block."""
    if not sure(data):
        return None
    try:
        table = pa_json.read_json(pa.py_buffer(data), read_options=_READ, parse_options=_PARSE)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    n = table.num_rows
    if n != data.count(b"\n"):
        return None
    cols = {name: table.column(name).combine_chunks() for name in table.column_names}
    bad = np.zeros(n, dtype=bool)
    lines = np.arange(line0, line0 + n, dtype=np.int64)
    out: dict[str, Any] = {}
    _check_event(cols, bad)
    out["events"] = _events(cols, lines, bad)
    out["places"] = _places(cols["location"], lines, bad)
    out["sources"] = _sources(cols["sources"], lines, bad)
    out["links"], out["mentions"], out["affiliations"] = _actors(cols, lines, bad)
    if bad.any():
        out = {k: t.filter(pa.array(~bad[t.column("line").to_numpy() - line0])) for k, t in out.items()}
    return out, bad


# ---- vectorised checks: each marks the lines whose values the line model would refuse or where
# ---- the reader's value may differ from the model's (those go through the exact path)


def _np(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(mask, False).to_numpy(zero_copy_only=False), dtype=bool)


def _mark(bad: np.ndarray, parents: np.ndarray, elem_bad: np.ndarray) -> None:
    if elem_bad.any():
        bad[np.unique(parents[elem_bad])] = True


def _fields(arr: pa.StructArray) -> dict[str, pa.Array]:
    """The struct's fields, null where the struct is null."""
    return {f.name: child for f, child in zip(arr.type, arr.flatten(), strict=True)}


def _flat(arr: pa.ListArray) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """The items of a list column, their row and their position in the row's list."""
    values = arr.flatten()
    parents = np.asarray(pc.list_parent_indices(arr).to_numpy(zero_copy_only=False), dtype=np.int64)
    lengths = np.asarray(pc.fill_null(pc.list_value_length(arr), 0).to_numpy(zero_copy_only=False))
    starts = np.cumsum(lengths) - lengths
    return values, parents, np.arange(len(values), dtype=np.int64) - starts[parents]


def _long(text: pa.Array, most: int = TEXT) -> np.ndarray:
    return _np(pc.greater(pc.utf8_length(text), most))


def _not_in(values: pa.Array, allowed: list[str] | tuple[str, ...]) -> np.ndarray:
    """Set and not among the allowed values."""
    return _np(pc.and_(values.is_valid(), pc.invert(pc.is_in(values, pa.array(list(allowed), S)))))


def _date_bad(arr: pa.Array, required: bool) -> np.ndarray:
    """A date string the model would refuse or read otherwise: anything but YYYY-MM-DD from year 1 to
    event_line.LAST_DAY (a valid calendar day). Checked once per distinct string (a few thousand)."""
    enc = pc.dictionary_encode(arr)
    days = enc.dictionary
    fine = pc.and_(
        pc.match_substring_regex(days, r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        pc.and_(pc.greater_equal(days, "0001-01-01"), pc.less_equal(days, LAST_DAY.isoformat())),
    )
    parsed = pc.strptime(days, format="%Y-%m-%d", unit="s", error_is_null=True)
    fine = pc.and_(fine, pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), days))  # no 30 February
    wrong: np.ndarray = ~_np(fine.take(enc.indices))  # null (missing) where the string is
    return wrong if required else wrong & ~_np(arr.is_null())


def _span_bad(arr: pa.StructArray) -> np.ndarray:
    """A DateLine (where set): a valid start, an end (if any) not before it, a known precision."""
    f, present = _fields(arr), _np(arr.is_valid())
    bad = _date_bad(f["start"], True) | _date_bad(f["end"], False) | _not_in(f["precision"], PRECISIONS)
    bad |= _np(pc.less(f["end"], f["start"]))
    out: np.ndarray = bad & present
    return out


def _to_date(arr: pa.Array) -> pa.Array:
    """Checked YYYY-MM-DD strings as dates, parsed once per distinct string."""
    enc = pc.dictionary_encode(arr)
    days = pc.strptime(enc.dictionary, format="%Y-%m-%d", unit="s", error_is_null=True).cast(pa.date32())
    return days.take(enc.indices)


def _check_event(cols: dict[str, Any], bad: np.ndarray) -> None:
    bad |= ~_np(pc.match_substring_regex(cols["id"], EVENT_ID))
    bad |= ~_np(pc.is_in(cols["type"], pa.array(EVENT_TYPES, S)))
    bad |= _span_bad(cols["date"])
    conf = cols["confidence"]
    bad |= _np(pc.or_(pc.less(conf, 0), pc.greater(conf, 1))) | _np(pc.is_nan(conf))
    bad |= _long(cols["summary"])
    bad |= _np(cols["sources"].is_null())


def _events(cols: dict[str, Any], lines: np.ndarray, bad: np.ndarray) -> pa.Table:
    date = _fields(cols["date"])
    start = _to_date(date["start"])
    end = pc.coalesce(_to_date(date["end"]), start)
    precision = pc.if_else(cols["date"].is_valid(), pc.coalesce(date["precision"], "day"), None)
    conf = pc.coalesce(cols["confidence"], 0.0)
    conf = pc.if_else(pc.equal(conf, 0.0), 0.0, conf)  # `or 0.0`: -0.0 is 0.0
    attrs = _fields(cols["attributes"])
    n = len(lines)
    values = {
        "line": pa.array(lines), "id": cols["id"], "type": cols["type"], "start": start, "end": end,
        "precision": precision, "summary": pc.coalesce(cols["summary"], ""), "confidence": conf,
        "disputed": pc.coalesce(cols["disputed"], False), "place": _fields(cols["location"])["id"],
    }  # fmt: skip
    arrays = [
        values[name] if name in values else attrs[name] if name in attrs else pa.nulls(n, kind)
        for name, kind in bt.TABLES["events"]
    ]
    return pa.Table.from_arrays(arrays, schema=bt.SCHEMAS["events"])


def _places(arr: pa.StructArray, lines: np.ndarray, bad: np.ndarray) -> pa.Table:
    f, present = _fields(arr), _np(arr.is_valid())
    length = pc.utf8_length(f["id"])
    wrong = _np(pc.or_(pc.less(length, 1), pc.greater(length, 300))) | ~_np(f["name"].is_valid())
    for name in ("name", "country", "admin1", "admin2", "gazetteer_name"):
        wrong |= _long(f[name])
    wrong |= _not_in(f["precision"], _PLACE_PRECISIONS)
    for name, most in (("lat", 90), ("lon", 180)):
        v = f[name]
        # a whole number: the exact path keeps JSON's int, whose text in the point property differs
        wrong |= _np(pc.or_(pc.greater(pc.abs(v), most), pc.equal(pc.floor(v), v))) | _np(pc.is_nan(v))
    bad |= wrong & present
    table = pa.Table.from_arrays(
        [pa.array(lines), *(f[n] for n, _ in bt.TABLES["places"][1:-1]), pa.nulls(len(lines), S)],
        schema=bt.SCHEMAS["places"],
    )
    return table.filter(pa.array(present))


def _sources(arr: pa.ListArray, lines: np.ndarray, bad: np.ndarray) -> pa.Table:
    items, parents, pos = _flat(arr)
    f = _fields(items)
    wrong = ~_np(items.is_valid())
    for name, least, most in (("doc", 1, 1000), ("doc_id", 1, 1000)):
        length = pc.utf8_length(f[name])
        wrong |= _np(pc.or_(pc.less(length, least), pc.greater(length, most)))
    wrong |= ~_np(f["doc"].is_valid())
    for name in ("sentence", "date_text"):
        wrong |= _long(f[name])
    wrong |= _np(pc.or_(pc.less(f["char_start"], 0), pc.less(f["char_end"], 0)))
    wrong |= _span_bad(f["date"])
    art, has_art = _fields(f["article"]), _np(f["article"].is_valid())
    art_bad = _long(art["title"]) | _long(art["publisher"]) | _long(art["url"])
    art_bad |= _date_bad(art["published"], False)
    wrong |= art_bad & has_art
    _mark(bad, parents, wrong)
    doc = pc.coalesce(f["doc_id"], f["doc"])
    date = _fields(f["date"])
    start = _to_date(date["start"])
    arrays = [
        pa.array(lines[parents]), pa.array(pos), doc,
        pc.if_else(pc.equal(f["doc"], doc), "", f["doc"]), pc.coalesce(f["sentence"], ""),
        pc.coalesce(f["char_start"], 0), pc.coalesce(f["char_end"], 0), start,
        pc.coalesce(_to_date(date["end"]), start),
        pc.if_else(f["date"].is_valid(), pc.coalesce(date["precision"], "day"), None), f["date_text"],
        pc.coalesce(art["title"], ""), pc.coalesce(art["publisher"], ""), pc.coalesce(art["url"], ""),
        _to_date(art["published"]),
    ]  # fmt: skip
    return pa.Table.from_arrays(arrays, schema=bt.SCHEMAS["sources"])


def _actor_bad(arr: pa.StructArray) -> np.ndarray:
    """An ActorLine or OrgLine the model would refuse (nested lists are checked by the caller)."""
    f = _fields(arr)
    wrong: np.ndarray = ~_np(arr.is_valid()) | ~_np(pc.match_substring_regex(f["id"], ACTOR_ID))
    wrong |= ~_np(f["name"].is_valid()) | _long(f["name"]) | _not_in(f["kind"], ACTOR_KINDS)
    if "aliases" in f:
        items, parents, _ = _flat(f["aliases"])
        _mark(wrong, parents, ~_np(items.is_valid()) | _long(items))
    return wrong


def _mention(lines: np.ndarray, rows: np.ndarray, sub: np.ndarray, actor: pa.StructArray) -> pa.Table:
    f = _fields(actor)
    aliases = f.get("aliases", pa.nulls(len(actor), pa.list_(S)))
    return pa.Table.from_arrays(
        [pa.array(lines[rows]), pa.array(sub), f["id"], f["name"], pc.coalesce(f["kind"], "org"), aliases],
        schema=bt.SCHEMAS["mentions"],
    )


def _actors(cols: dict[str, Any], lines: np.ndarray, bad: np.ndarray) -> tuple[pa.Table, pa.Table, pa.Table]:
    """Links, actor mentions and affiliations in the exact path's walk: each agent, its
    organisations (each followed by its affiliation), its holders (likewise), then the targets."""
    links, mentions, affs = [], [], []
    for side, name in enumerate(("agents", "targets")):
        actors, rows, pos = _flat(cols[name])
        wrong = _actor_bad(actors)
        base = side * (_SPAN << 20) + pos * _SPAN  # the actor's own rank
        f = _fields(actors)
        links.append(pa.Table.from_arrays(
            [pa.array(lines[rows]), pa.array(np.full(len(rows), side, np.int8)), pa.array(pos), f["id"]],
            schema=bt.SCHEMAS["links"],
        ))  # fmt: skip
        mentions.append(_mention(lines, rows, base, actors))
        n_affs = np.asarray(pc.fill_null(pc.list_value_length(f["affiliations"]), 0))
        for key in ("affiliations", "held_by"):
            links_, owner, k = _flat(f[key])
            lf = _fields(links_)
            other = lf["org" if key == "affiliations" else "actor"]
            elem_bad = ~_np(links_.is_valid()) | _long(lf["role"]) | _actor_bad(other)
            _mark(wrong, owner, elem_bad)
            rank = 1 + 2 * (k if key == "affiliations" else n_affs[owner] + k)
            wrong[owner[rank + 1 >= _SPAN]] = True
            sub = base[owner] + rank
            mentions.append(_mention(lines, rows[owner], sub, other))
            of = _fields(other)
            pair = (f["id"].take(pa.array(owner)), of["id"])
            affs.append(pa.Table.from_arrays(
                [pa.array(lines[rows[owner]]), pa.array(sub + 1),
                 *(pair if key == "affiliations" else pair[::-1]), pc.coalesce(lf["role"], "")],
                schema=bt.SCHEMAS["affiliations"],
            ))  # fmt: skip
        _mark(bad, rows, wrong)
    mention = pa.concat_tables(mentions)
    aff = pa.concat_tables(affs)
    link = pa.concat_tables(links)
    return (
        link.sort_by([("line", "ascending"), ("side", "ascending"), ("pos", "ascending")]),
        mention.sort_by([("line", "ascending"), ("sub", "ascending")]),
        aff.sort_by([("line", "ascending"), ("sub", "ascending")]),
    )
