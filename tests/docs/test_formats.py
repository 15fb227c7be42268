"""docs/event.schema.json stays the model `load` validates with, and the lines we write pass it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs  # comes with schemathesis (dev)
import pytest

from eventgraph.graph.event_line import parse_line
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.exports import FORMATS, Selection, export_text
from eventgraph.graph.exports.jsonl import schema_text
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.store import TimelineFilter
from tests.factories import seed_batch

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = DOCS / "event.schema.json"


def test_the_schema_file_is_generated_from_the_line_model() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "regenerate: python -c 'from eventgraph.graph.exports.jsonl import schema_text; "
        'open("docs/event.schema.json", "w").write(schema_text())\''
    )


def test_extract_and_export_lines_pass_the_schema() -> None:
    validator = jsonschema_rs.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    store = MemoryStore()
    store.upsert(seed_batch())
    exported = "".join(export_text(Selection(store, TimelineFilter()), FORMATS["jsonl"])).splitlines()
    lines = [*dumps_rows(seed_batch()), *exported]
    assert len(lines) == 9 + 8
    for line in lines:
        validator.validate(json.loads(line))


@pytest.mark.parametrize(
    ("field", "value"),
    [("type", "picnic"), ("id", "has space"), ("confidence", 2.0), ("sources", None)],
)
def test_a_line_load_refuses_the_schema_refuses(field: str, value: object) -> None:
    validator = jsonschema_rs.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    line = json.loads(next(dumps_rows(seed_batch())))
    line[field] = value
    assert not validator.is_valid(line)
    with pytest.raises(ValueError):
        parse_line(json.dumps(line))


def test_formats_doc_names_every_export_route_and_csv_column() -> None:
    from eventgraph.graph.exports.csv_table import COLUMNS

    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    for name in FORMATS:
        assert f"`GET /export.{name}`" in text
    for column in COLUMNS:
        assert f"`{column}`" in text, column
