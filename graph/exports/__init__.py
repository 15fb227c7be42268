"""Exports of a timeline selection for the tools analysts use: CSV (pandas, spreadsheets),
GeoJSON (QGIS, web maps), GraphML and GEXF (Gephi, networkx) and the event JSONL.

One module per format; all read the same pages (``selection``), so the CLI and the API
select events with the timeline's own filter and paging code.
"""

from __future__ import annotations

from eventgraph.graph.exports.formats import FORMATS, ExportFormat, Writer, export_text
from eventgraph.graph.exports.selection import ExportPage, Selection

__all__ = ["FORMATS", "ExportFormat", "ExportPage", "Selection", "Writer", "export_text"]
