"""The embedded store's overview reads: places and histograms of a timeline window, and the
generation that HTTP validators are derived from. A mixin of MemoryGraph, so the walk over the
window is the timeline's own (``_matching``)."""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from typing import Any

from eventgraph.graph.model import Place
from eventgraph.graph.store import Bucket, HistogramBin, PlaceSummary, TimelineFilter
from eventgraph.graph.window import SortKey, bucket_start


class MemoryOverview:
    _events: dict[str, Any]
    _places: dict[str, Place]
    _generation: str = ""

    def _matching(self, flt: TimelineFilter, cursor: str | None, limit: int) -> list[SortKey]:
        raise NotImplementedError  # MemoryGraph's

    def _changed(self) -> None:
        """Called whenever the graph changes: a new generation, never one seen before."""
        self._generation = uuid.uuid4().hex

    def generation(self) -> str:
        return self._generation

    def _all_matching(self, flt: TimelineFilter) -> list[SortKey]:
        return self._matching(flt, None, len(self._events) + 1)

    def places_matching(self, flt: TimelineFilter) -> list[PlaceSummary]:
        counts = Counter(p for k in self._all_matching(flt) if (p := self._events[k[2]].place))
        out = [PlaceSummary(dataclasses.replace(self._places[p]), n) for p, n in counts.items()]
        out.sort(key=lambda s: (-s.event_count, s.place.name, s.place.id))
        return out

    def histogram(self, flt: TimelineFilter, bucket: Bucket) -> list[HistogramBin]:
        lo = flt.start
        counts = Counter(
            (bucket_start(k[0], bucket, lo), self._events[k[2]].type) for k in self._all_matching(flt)
        )
        return [HistogramBin(day, kind, n) for (day, kind), n in sorted(counts.items())]
