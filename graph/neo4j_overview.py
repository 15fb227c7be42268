"""Neo4j's overview reads: places and histograms of a timeline window (cypher/places_matching and
cypher/histogram, the timeline's own window parameters), and the generation that HTTP validators
are derived from. A mixin of Neo4jStore."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventgraph.graph.store import Bucket, HistogramBin, PlaceSummary, TimelineFilter

Row = dict[str, Any]


class Neo4jOverview:
    def read(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        raise NotImplementedError  # Neo4jStore's

    def _window_params(self, flt: TimelineFilter, cursor: str | None) -> Row:
        raise NotImplementedError  # Neo4jStore's

    def places_matching(self, flt: TimelineFilter) -> list[PlaceSummary]:
        from eventgraph.graph.neo4j_store import _place  # the row decoding Neo4jStore.places uses

        rows = self.read("places_matching", **self._window_params(flt, None))
        return [PlaceSummary(_place(r["p"]), int(r["n"])) for r in rows]

    def histogram(self, flt: TimelineFilter, bucket: Bucket) -> list[HistogramBin]:
        params = self._window_params(flt, None)
        rows = self.read("histogram", bucket=bucket, clamp=flt.start, **params)
        return [HistogramBin(date.fromisoformat(r["bucket"]), r["type"], int(r["n"])) for r in rows]

    def generation(self) -> str:
        row = self.read("generation")[0]
        return f"{row['version']}:{row['generation']}"
