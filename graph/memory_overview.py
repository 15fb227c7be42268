"""The embedded store's overview reads: places and histograms of a timeline window, and the
generation that HTTP validators are derived from. A mixin of MemoryGraph, so the walk over the
window is the timeline's own (``_matching``)."""

from __future__ import annotations

import dataclasses
import uuid
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import Any

from eventgraph.graph import deadline as deadlines
from eventgraph.graph.model import Place
from eventgraph.graph.store import Bucket, HistogramBin, PlaceSummary, TimelineFilter
from eventgraph.graph.window import DATE_MAX, DATE_MIN, SortKey, bounds, bucket_start

CHECK_EVERY = 1024  # keys between two looks at the caller's deadline


class MemoryOverview:
    _events: dict[str, Any]
    _places: dict[str, Place]
    _classes: dict[Any, Any]  # scope -> its span classes (longest, keys in timeline order)
    _generation: str = ""

    def _passes(self, event: Any, flt: TimelineFilter) -> bool:
        raise NotImplementedError  # MemoryGraph's

    def _changed(self) -> None:
        """Called whenever the graph changes: a new generation, never one seen before."""
        self._generation = uuid.uuid4().hex

    def generation(self) -> str:
        return self._generation

    def _all_matching(self, flt: TimelineFilter) -> Iterator[SortKey]:
        """Every key the timeline would list for ``flt``, in no particular order: each span class
        walked over its own start range, as MemoryGraph._matching does, without merging them."""
        scope = ("actor", flt.actor) if flt.actor else ("place", flt.place) if flt.place else None
        bounds(flt, 0)  # a bad window fails even on an empty store
        # the scope's index already holds only its actor's (or place's) events
        check = bool(flt.types) or flt.disputed is not None or bool(flt.actor and flt.place)
        seen = 0
        for cls in self._classes.get(scope, ()):
            win = bounds(flt, cls.longest)
            keys = cls.keys
            first = bisect_left(keys, (win.start_lo, DATE_MIN, ""))
            last = bisect_right(keys, (win.start_hi, DATE_MAX, chr(0x10FFFF)))
            for i in range(first, last):
                seen += 1
                if not seen % CHECK_EVERY:
                    deadlines.check()
                key = keys[i]
                if win.end_lo <= key[1] <= win.end_hi and (
                    not check or self._passes(self._events[key[2]], flt)
                ):
                    yield key

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
