"""GET /places: places with their event counts, as JSON or GeoJSON for map widgets."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from eventgraph.api import caching
from eventgraph.api.deps import RunDep
from eventgraph.api.query import WindowQueryDep
from eventgraph.api.schemas import PlaceFeature, PlaceOut, PlacesGeoJSON, PlacesOut, PointGeometry

router = APIRouter(tags=["places"], dependencies=caching.Validated)


@router.get("/places", response_model=PlacesOut | PlacesGeoJSON)
async def places(
    run: RunDep,
    wq: WindowQueryDep,
    format: Annotated[
        Literal["json", "geojson"],
        Query(description="geojson: a FeatureCollection of the places with coordinates."),
    ] = "json",
) -> PlacesOut | PlacesGeoJSON:
    """Without a window or filter, every place and all its events, dated or not; with any, the
    places of the events /timeline lists for the same query, counted alike."""
    found = await run(run.store.places_matching, wq.flt) if wq.filtered else await run(run.store.places)
    if format == "geojson":
        return PlacesGeoJSON(
            features=[
                PlaceFeature(
                    id=s.place.id,
                    geometry=PointGeometry(coordinates=(s.place.lon, s.place.lat)),
                    properties={
                        "name": s.place.name,
                        "country": s.place.country,
                        "event_count": s.event_count,
                    },
                )
                for s in found
                if s.place.lat is not None and s.place.lon is not None
            ]
        )
    return PlacesOut(
        places=[
            PlaceOut(
                id=s.place.id,
                name=s.place.name,
                lat=s.place.lat,
                lon=s.place.lon,
                country=s.place.country,
                kind=s.place.kind,
                event_count=s.event_count,
            )
            for s in found
        ],
        window=wq.window if wq.filtered else None,
        filters=wq.filters if wq.filtered else None,
    )
