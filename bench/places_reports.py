"""Places on made-up incident reports: the share placed within 50 km of the true village.

Villages are drawn at random (fixed seed) from the gazetteer's small places in conflict-affected
countries, preferring names that other places share, and written into one-sentence reports in the
analysts' style ("... in X village, Y province"). ``--pipeline`` runs the whole extraction (spaCy,
event detection, place resolution) instead of the place lookup alone.

``--file REPORTS.jsonl`` scores reports with the analysts' true point ({"text", "lat", "lon"}; e.g.
tests/fixtures/incidents/located.jsonl) through the pipeline; ``--misses`` lists those placed wrong.

Run: ``.venv/bin/python -m bench.places_reports [--n 200] [--pipeline | --file F [--misses]]``.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path

from eventgraph.extract.gazetteer import index as geo_index
from eventgraph.extract.gazetteer.distance import distance_km
from eventgraph.extract.places import find_place, set_article
from eventgraph.graph.model import Place

COUNTRIES = ("AF", "SY", "YE", "IQ", "NG", "ML", "BF", "SO", "PK", "UA", "CD", "MZ")
TEMPLATES = (
    "On 3 May 2020, unidentified gunmen attacked a police checkpoint in {v} village, {p}, killing two.",
    "On 14 June 2021, a roadside bomb struck a military vehicle near {v} village in {p}.",
    "On 9 September 2019, militants raided {v} village, {p}, and burned several houses.",
)


def reports(n: int, seed: int = 13) -> list[tuple[str, str, float, float]]:
    """(report, village phrase, lat, lon) for n villages, about half with names shared elsewhere."""
    geo = geo_index.load()
    rng = random.Random(seed)
    rows = [
        i
        for i in range(len(geo))
        if geo.kinds[i] == 0 and geo.countries[i] in COUNTRIES and geo.pops[i] < 15_000 and geo.admin1[i] >= 0
    ]
    shared = [i for i in rows if len(geo.lookup(" ".join(geo.names[i].lower().split()))) > 1]
    picks = rng.sample(shared, n // 2) + rng.sample(rows, n - n // 2)
    out = []
    for i in picks:
        row = geo.row(i)
        province = (row.admin1 or "").rsplit(" ", 1)[0] + " province"
        text = rng.choice(TEMPLATES).format(v=row.name, p=province)
        out.append((text, f"{row.name} village, {province}", row.lat, row.lon))
    return out


def pipeline_places(texts: list[str]) -> list[Place | None]:
    """The place of each report's first event with coordinates, by the whole extraction (one report
    an article, as the analysts' reports come)."""
    from eventgraph.extract.ingest.read import RawArticle
    from eventgraph.extract.pipeline.run import extract_articles
    from eventgraph.graph.model import Article

    raws = [
        RawArticle(Article(f"r{i}.txt", published=date(2022, 6, 1)), text, "manifest")
        for i, text in enumerate(texts)
    ]
    batch = extract_articles(raws)
    places = {p.id: p for p in batch.places}
    by_doc: dict[str, Place] = {}
    for ev in batch.events:
        p = places.get(ev.place or "")
        if p and p.lat is not None and p.lon is not None:
            by_doc.setdefault(ev.sources[0].doc, p)
    return [by_doc.get(f"r{i}.txt") for i in range(len(texts))]


def located(path: Path) -> list[tuple[str, float, float]]:
    """(report, lat, lon) from a JSONL file of {"text", "lat", "lon"}: reports with the analysts' point
    (rows without one, such as a nationwide truce, are left out)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], float(r["lat"]), float(r["lon"])) for r in rows if r.get("lat") is not None]


def shares(placed: list[Place | None], points: list[tuple[float, float]]) -> tuple[float, float]:
    """(share placed with coordinates, share placed within 50 km of the true point)."""
    with_coords = sum(1 for p in placed if p is not None)
    near = sum(
        1
        for p, (lat, lon) in zip(placed, points, strict=True)
        if p is not None
        and p.lat is not None
        and p.lon is not None
        and distance_km(p.lat, p.lon, lat, lon) < 50
    )
    return with_coords / len(points), near / len(points)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--pipeline", action="store_true")
    parser.add_argument("--file", type=Path, help="JSONL reports with the true lat/lon (runs the pipeline)")
    parser.add_argument("--misses", action="store_true", help="with --file: print the reports placed wrong")
    args = parser.parse_args()
    if args.file:
        cases = located(args.file)
        placed = pipeline_places([text for text, _, _ in cases])
        coords, near = shares(placed, [(lat, lon) for _, lat, lon in cases])
        summary = f"place with coordinates {coords:.2f}, within 50 km {near:.2f}"
        print(f"{args.file.name}: {len(cases)} reports, {summary}")
        for (text, lat, lon), p in zip(cases, placed, strict=True):
            far = p is None or p.lat is None or p.lon is None or distance_km(p.lat, p.lon, lat, lon) >= 50
            if args.misses and far:
                print(f"  {p.name if p else None!r:40} {text}")
        return
    cases = reports(args.n)
    if args.pipeline:
        found = pipeline_places([text for text, *_ in cases])
        placed = [(p.lat, p.lon) if p and p.lat is not None and p.lon is not None else None for p in found]
    else:
        placed = []
        for text, phrase, _, _ in cases:
            set_article(text)
            p = find_place(phrase)
            placed.append((p.lat, p.lon) if p and p.lat is not None and p.lon is not None else None)
        set_article(None)
    with_coords = sum(1 for p in placed if p)
    near = sum(
        1 for p, (_, _, lat, lon) in zip(placed, cases, strict=True) if p and distance_km(*p, lat, lon) < 50
    )
    mode = "pipeline" if args.pipeline else "lookup"
    print(
        f"{mode}: {len(cases)} reports, place with coordinates {with_coords / len(cases):.2f}, "
        f"within 50 km {near / len(cases):.2f}"
    )


if __name__ == "__main__":
    main()
