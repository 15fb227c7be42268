"""The bulk files' format: ``neo4j-admin database import full``'s header format (issue 18, bulk).

graph.bulk_merge fills these files with exactly the graph ``eventgraph load`` would build from the
same input into an empty database, so an imported graph answers like a loaded one; labels and typed
properties come from graph.neo4j_shape, and the Meta node carries the graph format. Constraints and
indexes are not in the files: the server creates them (cypher/schema.cypher) on the first
connection after the import.

Every string field is quoted and nulls are left empty (Arrow's CSV writer, see write_file), so
the import tool tells an empty string from a missing property; arrays are joined by
ARRAY_DELIMITER (the unit separator, which no name of ours holds: a value holding it is refused,
naming the input).
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv

from eventgraph.graph import neo4j_shape
from eventgraph.graph.version import GRAPH_VERSION, LAYOUT

ARRAY_DELIMITER = "\x1f"
_ATTR_TYPES = {int: "long", str: "string", bool: "boolean", float: "double"}


def no_separator(value: str, what: str) -> str:
    """The value, or a ValueError naming it when it holds the array delimiter."""
    if ARRAY_DELIMITER in value:
        raise ValueError(
            f"{what}: holds the unit separator (U+001F), which the bulk files use between array items"
        )
    return value


# Column types: Arrow's writer (quoting "needed") quotes every string and leaves nulls empty and
# unquoted, as the tool reads them: "" is an empty string, an empty field no property. Numbers,
# booleans (true/false) and dates (ISO) go unquoted.
STRING, LONG, DOUBLE, BOOL, DATE = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
_OPTIONS = pa_csv.WriteOptions(include_header=False, quoting_style="needed", batch_size=1 << 16)


def write_file(path: Path, header: list[str], columns: list[tuple[Any, pa.DataType]]) -> None:
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


def _attribute_header() -> list[str]:
    """Typed attribute columns: each property's one type (graph.neo4j_shape.PROPERTY_TYPES)."""
    typed = [f"{name}:{_ATTR_TYPES[kind]}" for name, kind in neo4j_shape.PROPERTY_TYPES.items()]
    return [*typed, neo4j_shape.EXTRA]


# The files' headers: the import tool's names and types (graph.bulk_merge fills the columns).
ARTICLE_HEADER = [":ID(Article)", "id", ":LABEL", "title", "publisher", "url", "published:date", "name"]
PLACE_HEADER = [
    ":ID(Place)", "id", ":LABEL", "name", "lat:double", "lon:double", "country", "kind", "precision",
    "admin1", "admin2", "location:point{crs:WGS-84}",
]  # fmt: skip
ACTOR_HEADER = [":ID(Actor)", "id", ":LABEL", "name", "kind", "aliases:string[]", "terms:string[]"]
AFFILIATION_HEADER = [":START_ID(Actor)", ":END_ID(Actor)", "role"]
# AGENT_OF and TARGETS: the two ends, then the link's path-search key (LINK_KEY_HEADER), one list
# for both files (graph.bulk_merge fills the key from the merged event).
AGENT_OF_HEADER = [":START_ID(Actor)", ":END_ID(Event)", *LINK_KEY_HEADER]
TARGETS_HEADER = [":START_ID(Event)", ":END_ID(Actor)", *LINK_KEY_HEADER]
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
