"""Places on made-up incident reports: the share placed within 50 km of the true village.

Villages are drawn at random (fixed seed) from the gazetteer's small places in conflict-affected
countries, preferring names that other places share, and written into one-sentence reports in the
analysts' style ("... in X village, Y province"). ``--pipeline`` runs the whole extraction (spaCy,
event detection, place resolution) instead of the place lookup alone.

Run: ``.venv/bin/python -m bench.places_reports [--n 200] [--pipeline]``.
"""

from __future__ import annotations

import argparse
import random
from datetime import date

from eventgraph.extract.gazetteer import index as geo_index
from eventgraph.extract.gazetteer.distance import distance_km
from eventgraph.extract.places import find_place, set_article

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--pipeline", action="store_true")
    args = parser.parse_args()
    cases = reports(args.n)
    placed: list[tuple[float, float] | None] = []
    if args.pipeline:
        from eventgraph.extract.ingest.read import RawArticle
        from eventgraph.extract.pipeline.run import extract_articles
        from eventgraph.graph.model import Article

        raws = [
            RawArticle(Article(f"r{i}.txt", published=date(2022, 6, 1)), text, "manifest")
            for i, (text, *_) in enumerate(cases)
        ]
        batch = extract_articles(raws)
        places = {p.id: p for p in batch.places}
        by_doc: dict[str, tuple[float, float]] = {}
        for ev in batch.events:
            p = places.get(ev.place or "")
            if p and p.lat is not None and p.lon is not None:
                by_doc.setdefault(ev.sources[0].doc, (p.lat, p.lon))
        placed = [by_doc.get(f"r{i}.txt") for i in range(len(cases))]
    else:
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
