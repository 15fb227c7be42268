"""GeoJSON (RFC 7946) FeatureCollection of events, so a map can follow the timeline.

A geocoded event is a Point at its place, ``[longitude, latitude]`` (the RFC's order, at most six
decimals, about 0.1 m). An event without coordinates stays in the collection with
``"geometry": null`` (RFC 7946 §3.2, an unlocated feature): the export lists the same events as
the timeline and the CSV, and map tools (QGIS, Leaflet) draw the located ones and skip the rest.
"""

from __future__ import annotations

import json
from typing import Any

from eventgraph.graph.exports.selection import ExportPage
from eventgraph.graph.store import EventDetail

WHAT = "FeatureCollection of events, Points where geocoded, geometry null where not"
DECIMALS = 6


def feature(detail: EventDetail) -> dict[str, Any]:
    """One event as a Feature; its properties are what a map popup or a time slider needs."""
    row = detail.row
    ev = row.event
    place = row.place
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(place.lon, DECIMALS), round(place.lat, DECIMALS)]}
    return {
        "type": "Feature",
        "id": ev.id,
        "geometry": geometry,
        "properties": {
            "type": ev.type,
            "start": ev.date.start.isoformat() if ev.date else None,
            "end": ev.date.end.isoformat() if ev.date else None,
            "precision": ev.date.precision if ev.date else None,
            "summary": ev.summary,
            "agents": [a.name for a in row.agents],
            "targets": [a.name for a in row.targets],
            "place": place.name if place else None,
            "place_id": place.id if place else None,
            "country": place.country if place else None,
            "geo_precision": place.precision if place else None,
            "killed": ev.attributes.get("killed"),
            "wounded": ev.attributes.get("wounded"),
            "source_count": row.source_count,
            "publishers": list(
                dict.fromkeys(s.article.publisher for s in detail.sources if s.article.publisher)
            ),
            "disputed": ev.disputed,
        },
    }


class GeoJsonWriter:
    """The collection written as it goes: features are separated by commas across pages."""

    def __init__(self) -> None:
        self.written = 0

    def head(self) -> str:
        return '{"type": "FeatureCollection", "features": ['

    def page(self, page: ExportPage) -> str:
        parts = []
        for detail in page.events:
            lead = ",\n" if self.written else "\n"
            parts.append(lead + json.dumps(feature(detail), ensure_ascii=False))
            self.written += 1
        return "".join(parts)

    def tail(self) -> str:
        return "\n]}\n"
