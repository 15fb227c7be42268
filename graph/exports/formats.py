"""The export formats by name: media type, file suffix and writer, for the CLI and the API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from eventgraph.graph.exports.selection import ExportPage, Selection


class Writer(Protocol):
    """Turns pages into text: ``head``, then ``page`` per page, then ``tail``. Row formats write
    each page as it comes (the API streams it); network formats collect and write at the end."""

    def head(self) -> str: ...

    def page(self, page: ExportPage) -> str: ...

    def tail(self) -> str: ...


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    suffix: str
    what: str  # one line for --help and the API docs
    writer: Callable[[], Writer]


def _formats() -> dict[str, ExportFormat]:
    from eventgraph.graph.exports import csv_table, geojson, jsonl, network

    found = [
        ExportFormat("csv", "text/csv; charset=utf-8", ".csv", csv_table.WHAT, csv_table.CsvWriter),
        ExportFormat("geojson", "application/geo+json", ".geojson", geojson.WHAT, geojson.GeoJsonWriter),
        ExportFormat(
            "graphml", "application/graphml+xml", ".graphml", network.GRAPHML_WHAT, network.GraphMLWriter
        ),
        ExportFormat("gexf", "application/gexf+xml", ".gexf", network.GEXF_WHAT, network.GexfWriter),
        ExportFormat("jsonl", "application/x-ndjson; charset=utf-8", ".jsonl", jsonl.WHAT, jsonl.JsonlWriter),
    ]
    return {f.name: f for f in found}


FORMATS = _formats()


def export_text(selection: Selection, fmt: ExportFormat) -> Iterator[str]:
    """The whole export as chunks of text, one per page (the CLI's path; the API steps a Selection
    itself so that each page runs under its own time limit)."""
    writer = fmt.writer()
    yield writer.head()
    for page in selection.pages():
        yield writer.page(page)
    yield writer.tail()
