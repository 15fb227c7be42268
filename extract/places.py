"""Offline geocoding of place spans: countries, provinces, districts and populated places down to
villages (extract.gazetteer: GeoNames cities500 and ISO 3166-2), airports and air bases
(airportsdata), and the project's own gazetteer.tsv of bases, neighbourhoods and regions.

Names are compared as normalised word sequences (extract.gazetteer.normal). A name several places
share is decided by the article's context (extract.gazetteer.context): the countries it names and the
admin areas it names, nearest first; without context the most populous place wins, and a small place
(a village) is only taken where the context or a place noun ("X village") supports it. Within a span
the coarser areas are resolved first and anchor the finer ones ("Kafr Nabl village, Maarat al-Numan
district, Idlib province"), and the most precise place named wins: a site before a town, a town
before its district, a district before its province, a province before its country.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

import airportsdata
from rapidfuzz import fuzz, process

from eventgraph.extract.gazetteer import context as article_context
from eventgraph.extract.gazetteer import index as geo_index
from eventgraph.extract.gazetteer.context import Anchor, ArticleContext
from eventgraph.extract.gazetteer.distance import distance_km
from eventgraph.extract.gazetteer.normal import key, skeleton, words, written
from eventgraph.extract.lexicons.countries import COUNTRY_FORMS, countries
from eventgraph.extract.lexicons.places import (
    AROUND_TOWN_NOUNS,
    DISTRICT_NOUNS,
    GENERIC_WORDS,
    NAME_PARTICLES,
    ORGANISATION_HEADS,
    PREMISES_NOUNS,
    STREET_NOUNS,
    TOPONYM_HEADS,
)
from eventgraph.extract.lexicons.time import MONTHS, WEEKDAYS
from eventgraph.graph.model import Place, place_id

__all__ = [
    "SPECIFICITY",
    "Entry",
    "Gazetteer",
    "default_gazetteer",
    "find_place",
    "key",
    "place_phrase",
    "set_article",
    "unlocated_place",
    "words",
]

GAZETTEER = Path(__file__).with_name("gazetteer.tsv")
# Lower ranks are more specific and win when a span names several places.
SPECIFICITY = {
    "embassy": 0,
    "military_base": 0,
    "airport": 0,
    "site": 0,
    "neighbourhood": 1,
    "city": 2,
    "district": 3,
    "province": 4,
    "region": 4,
    "border": 4,
    "sea": 4,
    "country": 5,
}
# How precisely a kind of place pins down where something happened.
PRECISION = {
    "embassy": "point",
    "military_base": "point",
    "airport": "point",
    "site": "point",
    "neighbourhood": "point",
    "city": "town",
    "district": "district",
    "province": "province",
    "region": "province",
    "border": "province",
    "sea": "province",
    "country": "country",
}
# Admin nouns that name the first level in some countries and a lower one in others ("Artibonite
# department" in Haiti, "Kaya department" in Burkina Faso): "admin" accepts a province or a district.
_EITHER_LEVEL = frozenset(["department", "prefecture"])
# Nouns after a name ("X province") or before "of" ("the village of X") that say which kind is meant.
_NOUN_KIND = {
    "province": "province",
    "state": "province",
    "region": "province",
    "oblast": "province",
    "district": "district",
    "subdistrict": "district",
    "county": "district",
    "village": "city",
    "town": "city",
    "city": "city",
    "neighbourhood": "city",
    "suburb": "city",
    "area": "city",
    **dict.fromkeys(DISTRICT_NOUNS - _EITHER_LEVEL, "district"),
    **dict.fromkeys(_EITHER_LEVEL, "admin"),
    **dict.fromkeys(AROUND_TOWN_NOUNS, "city"),
}
# Nouns after a name that make it a natural feature, not the town or area of that name ("the Pacific
# Ocean", "the Jordan River").
_FEATURES = frozenset(
    [
        "ocean",
        "sea",
        "river",
        "lake",
        "gulf",
        "strait",
        "bay",
        "mountains",
        "mountain",
        "mount",
        "desert",
        "valley",
        "peninsula",
        "island",
        "islands",
        "canal",
        "channel",
        "coast",
    ]
)
# Capitalised words that are dates, not places ("in March", "on Sunday").
_NOT_PLACES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_AIRPORT_NAME = re.compile(r"air\s*base|airfield|air\s*field|airport|air\s*station", re.IGNORECASE)
_EMBASSY = re.compile(
    r"\b(US|U\.S\.|American|British|UK|[A-Z][a-z]+)\s+[Ee]mbassy\s+in\s+([A-Z][\w-]+)(?:['’]s?)?"
)
_MAX_WORDS = 6
_FOUND_CACHE = 50_000
_SMALL = 15_000  # below this a place needs support from the context or a place noun
_NEAR_KM = 150.0
_ALIAS_CITY = 100_000
_UNKNOWN_POP = 500
_PARTICLES = frozenset(
    NAME_PARTICLES
)  # GeoNames gives 0 for an unknown population; cities500 lists places of 500 and more
# A small place is taken on country context alone only in a country the article is mostly about:
# news names the US in passing everywhere, and "Pacific" is also a Missouri town.
_MAIN_SHARE = 0.4


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    uid: str | None = None  # unique id part; None derives it from country and name
    written: str | None = None  # the article's spelling of the name, where it is another transliteration

    def place(self) -> Place:
        pid = f"place:{self.uid}" if self.uid else place_id(self.name, self.country)
        precision = PRECISION.get(self.kind)
        name, gazetteer_name = (self.written, self.name) if self.written else (self.name, None)
        return Place(
            pid,
            name,
            self.lat,
            self.lon,
            self.country,
            self.kind,
            precision,
            self.admin1,
            self.admin2,
            gazetteer_name,
        )


@dataclass
class _Match:
    start: int
    end: int
    noun: str | None  # the kind a place noun asks for
    curated: Entry | None
    rows: tuple[int, ...]
    entry: Entry | None = None
    fallback: _Match | None = None  # the exact name inside an unknown one, if that is not found


class Gazetteer:
    """Normalised name -> curated place (first registration wins), over the world index of towns and
    admin areas, whose shared names the article context decides."""

    def __init__(self, geo: geo_index.GeoIndex | None = None) -> None:
        self._index: dict[tuple[str, ...], Entry] = {}
        self._geo = geo
        self._by_country: dict[str, list[int]] | None = None  # town rows per country, for spelling
        self._area_keys: dict[int, list[str]] | None = None  # admin area row -> its keys, for spelling
        # find() by text and context: articles repeat their place phrases
        self._found: dict[tuple[str, int], Entry | None] = {}

    def add(self, name: str, entry: Entry) -> None:
        k = key(name)
        if k:
            self._index.setdefault(k, entry)

    def get(self, name: str) -> Entry | None:
        """The place a whole name names (curated first, then the best town or area of that name; a
        village only where the article context supports it, as in find)."""
        k = key(name)
        if not k:
            return None
        curated = self._index.get(k)
        if curated is not None:
            return curated
        rows = self._geo.lookup(" ".join(k)) if self._geo else ()
        return self._choose(rows, None, article_context.current(), [], supported=False, name_key=" ".join(k))

    def find(self, text: str) -> Entry | None:
        """The most specific place named in ``text``, leftmost first among equals."""
        cache_key = (text, article_context.current().serial)
        if cache_key in self._found:
            return self._found[cache_key]
        if len(self._found) >= _FOUND_CACHE:
            self._found.clear()
        entry = self._found[cache_key] = self._find(text)
        return entry

    def _find(self, text: str) -> Entry | None:
        ws = words(text)
        matches = self._matches(ws)
        ctx = article_context.current()
        self._same_country(matches)
        local: list[Anchor] = []
        # Coarse first: a province or district named in the span anchors the towns it holds.
        for m in sorted(matches, key=_coarseness):
            m.entry = self._resolve(m, ws, ctx, local)
            if m.entry is None and m.fallback is not None:
                m.entry = self._resolve(m.fallback, ws, ctx, local)
            if (
                m.entry is not None
                and m.entry.lat is not None
                and m.entry.lon is not None
                and m.entry.country
            ):
                province = m.entry.name if m.entry.kind == "province" else None
                local.append(Anchor(m.entry.lat, m.entry.lon, m.entry.country, province))
        _drop_foreign_quarters(matches, ws)
        found = [m for m in matches if m.entry is not None]
        # "Northfield, Lower Valley region": a town of another country than the areas the span names is
        # some other place of that name
        areas = {m.entry.country for m in found if m.entry and m.entry.kind in ("province", "district")}
        if not areas and len({m.entry.country for m in found if m.entry and m.entry.kind != "country"}) > 1:
            # "X (Y, Z)": the names after the first are the areas around it
            areas = {m.entry.country for m in found[-1:] if m.entry}
        if areas:
            found = [m for m in found if m.entry and (m.entry.country in areas or m.entry.kind == "country")]
        if not found:
            return None
        best = min(found, key=lambda m: (_rank_in_span(m, found), m.start))
        assert best.entry is not None
        return _as_written(_with_admin(best.entry, found), best, text)

    def _matches(self, ws: list[tuple[str, bool]]) -> list[_Match]:
        out: list[_Match] = []
        i = 0
        while i < len(ws):
            hit = None
            for j in range(min(len(ws), i + _MAX_WORDS), i, -1):
                k = tuple(w for w, _ in ws[i:j])
                if j - i > 1 and not ws[j - 1][1] and k[-1] in _PARTICLES:
                    continue  # "Russia as ...": a name does not end with a particle
                curated = self._index.get(k)
                rows = self._geo.lookup(" ".join(k)) if self._geo else ()
                if curated is None and not rows:
                    continue
                common = not ws[i][1] or (j - i == 1 and (k[0] in _NOT_PLACES or k[0] in GENERIC_WORDS))
                if common and (curated is None or curated.kind in ("city", "country")):
                    continue  # "hit", "chad", "march": common words are names only when capitalised
                if curated is None and j < len(ws) and ws[j][0] in _FEATURES:
                    break  # "Pacific Ocean": no town
                if curated is None and (_street_at(ws, j - 1) or _street_at(ws, j)):
                    break  # "Elm Road", "the Northgate highway": a street, not the town of its name
                if curated is None and j == i + 1 and k[0] in _PARTICLES:
                    continue  # "Los Hermanos": a particle alone names nothing
                if curated is None and j == i + 1 and k[0] in ORGANISATION_HEADS and i and ws[i - 1][1]:
                    continue  # "Riverside County Police": an organisation, not the town Police
                if curated is None and j == i + 1 and k[0] in TOPONYM_HEADS and j < len(ws) and ws[j][1]:
                    break  # "Ain Issa" unknown: not the "Ain" it starts with
                noun = _NOUN_KIND.get(ws[j][0]) if j < len(ws) else None
                if noun is None and i >= 2 and ws[i - 1][0] == "of":
                    noun = _NOUN_KIND.get(ws[i - 2][0])
                if k[-1] in _NOUN_KIND:
                    noun = _NOUN_KIND[k[-1]]
                hit = _Match(i, j, noun, curated, rows)
                break
            if hit is not None and hit.curated is None and self._curated_across(ws, i, hit.end):
                i += 1  # "Ain al-Asad air base": not a village "Ain Asad", but the base the words name
                continue
            unknown = _unknown_area(ws, i)
            area = unknown is not None and unknown.noun in ("province", "district", "admin")
            if unknown is not None and (
                (hit is not None and self._known(ws[hit.end : unknown.end], area))
                or any(self._known(ws[k : unknown.end], area) for k in range(i + 1, unknown.end - 1))
            ):
                unknown = None  # "Nigeria's Borno state", "Lakeview, Northern region": a known area
            if unknown is not None and (hit is None or unknown.end > hit.end):
                # "Ash Shajarrah village": the whole name before the noun, not the "Ash" it starts with
                unknown.fallback, hit = hit, unknown
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.end
        return out

    def _same_country(self, matches: list[_Match]) -> None:
        """ "Westport (Coastal)": a name several countries' places share is, within one span, the one in a
        country the span's other names can be in (Pakistan's Punjab, not India's)."""
        geo = self._geo
        if geo is None or len(matches) < 2:
            return
        by_match = [
            {geo.countries[i] for i in m.rows}
            | ({m.curated.country} if m.curated and m.curated.country else set())
            for m in matches
        ]
        for n, m in enumerate(matches):
            if m.curated is not None or len(by_match[n]) < 2:
                continue
            others = set().union(*(c for k, c in enumerate(by_match) if k != n and c))
            keep = by_match[n] & others
            if keep and keep != by_match[n]:
                m.rows = tuple(i for i in m.rows if geo.countries[i] in keep)

    def _curated_across(self, ws: list[tuple[str, bool]], start: int, end: int) -> bool:
        """Whether a project, airport or country name starts inside ws[start:end] and runs past it."""
        k = tuple(w for w, _ in ws)
        return any(
            k[a:b] in self._index
            for a in range(start + 1, end)
            for b in range(end + 1, min(len(k), a + _MAX_WORDS) + 1)
        )

    def _known(self, ws: list[tuple[str, bool]], area: bool = False) -> bool:
        """Whether the words name a known place, with or without their trailing place noun; with
        ``area``, an admin area: "Valle Alto region" is no region of a town called Alto."""
        k = tuple(w for w, _ in ws)
        names = (k, k[:-1]) if len(k) > 1 and k[-1] in _NOUN_KIND else (k,)
        geo = self._geo
        for n in names:
            curated = self._index.get(n)
            if curated is not None and not (area and curated.kind == "city"):
                return True
            rows = geo.lookup(" ".join(n)) if geo else ()
            if geo and any(not area or geo.kinds[r] != 0 for r in rows):
                return True
        return False

    def _resolve(
        self, m: _Match, ws: list[tuple[str, bool]], ctx: ArticleContext, local: list[Anchor]
    ) -> Entry | None:
        if m.curated is not None and (m.noun is None or m.curated.kind != "country"):
            return m.curated
        name_key = " ".join(w for w, _ in ws[m.start : m.end])
        entry = self._choose(m.rows, m.noun, ctx, local, supported=m.noun is not None, name_key=name_key)
        if entry is not None or m.noun not in ("province", "district", "city", "admin"):
            return entry
        noun = "district" if m.noun == "admin" else m.noun
        name = " ".join(w.title() for w, _ in ws[m.start : m.end] if w not in _NOUN_KIND)
        if noun == "city":
            return None if m.rows else self._near_town(name, ctx, local)
        # "X province" that no admin area is called: the province of its seat, or a near spelling.
        seat = self._choose(m.rows, "city", ctx, local, supported=True, name_key=name_key)
        if seat is None and noun == "district":
            seat = self._near_spelling(name, noun, ctx) or self._near_town(name, ctx, local)
            if seat is None or seat.kind == "district":
                return seat
        if seat is not None:
            return replace(seat, name=f"{seat.name} {noun.title()}", kind=noun, uid=None, admin2=None)
        return self._near_spelling(name, noun, ctx)

    def _choose(
        self,
        rows: tuple[int, ...],
        noun: str | None,
        ctx: ArticleContext,
        local: list[Anchor],
        supported: bool,
        name_key: str | None = None,
    ) -> Entry | None:
        """The row the context favours: the article's countries, nearness to the admin areas it names,
        national capitals and population; small places need some support."""
        geo = self._geo
        if geo is None:
            return None
        best: tuple[float, int] | None = None
        # A town that shares its name with an area of its country is that area's seat ("Menaka",
        # Menaka Region): the area vouches for it however small it is.
        areas = [i for i in rows if geo.kinds[i] != 0]
        seats = {geo.countries[i] for i in areas}
        provinces = {a.province for a in local if a.province}
        for i in rows:
            kind = geo_index.KINDS[geo.kinds[i]]
            if noun is not None and kind != noun and not (noun == "admin" and kind != "city"):
                continue
            cc, pop = geo.countries[i], geo.pops[i]
            share = ctx.weight(cc)
            near = _nearness(geo.lats[i], geo.lons[i], cc, local, ctx.anchors)
            in_span = any(a.country == cc for a in local)
            alias = (
                kind == "city"
                and not _seat_of(geo, i, areas)
                and name_key is not None
                and _other_name(geo.names[i], name_key)
            )
            # a town known by another name ("Ras al-Ain" among Rosh HaAyin's names) needs support
            # as a small one does, unless it is a city of note
            small = kind == "city" and (pop < _SMALL or (alias and pop < _ALIAS_CITY))
            if small and not (supported or share >= _MAIN_SHARE or near or in_span or cc in seats):
                continue
            if alias and ctx.countries and not share and not near:
                continue  # "Boni" in a report about Mali is no other name of Bonn
            if (
                ctx.countries
                and not (share or near or supported or in_span)
                and _respelt(geo.names[i], name_key)
            ):
                continue  # "Marsa" in a report about one country is no spelling of a town abroad
            score = math.log10(max(pop, _UNKNOWN_POP)) if kind == "city" else 5.0
            score -= 1.5 if alias else 0.0
            # a respelling loses to a town of that very name of like size ("Florencia": Colombia's)
            score -= 0.5 if name_key is not None and _respelt(geo.names[i], name_key) else 0.0
            if i in geo.capitals:  # a capital, the less so in an article about other countries
                score += 3.5 if share or not ctx.countries else 1.5
            if share:
                score += (2.0 + 4.0 * share) * (0.5 if cc in ctx.by_adjective else 1.0)
            score += 6.0 if in_span else 0.0
            a1 = geo.admin1[i]
            if provinces and a1 >= 0 and geo.admin1_names[a1] in provinces:
                score += 8.0  # "Sadove village, Mykolaiv province": the Sadove of that province
            score += 4.0 * near
            if kind != "city" and noun is None:
                score -= 1.5  # a bare name is the town before the area named after it
            if best is None or score > best[0]:
                best = (score, i)
        return _row_entry(geo.row(best[1])) if best else None

    def _near_town(self, name: str, ctx: ArticleContext, local: list[Anchor]) -> Entry | None:
        """A village or town spelt otherwise than the index has it ("Kafr Nbudah" for Kafr Nabudah),
        among the towns within _NEAR_KM of an area the report names: transliterations vary, but only
        near a named area is a near spelling safe to take."""
        geo = self._geo
        anchors = [*local, *ctx.anchors]
        if geo is None or not anchors:
            return None
        if self._by_country is None:
            self._by_country = {}
            for i, (cc, kind) in enumerate(zip(geo.countries, geo.kinds, strict=True)):
                if kind == 0:
                    self._by_country.setdefault(cc, []).append(i)
        pool = {
            i: " ".join(key(geo.names[i]))
            for cc in {a.country for a in anchors}
            for i in self._by_country.get(cc, [])
            if _nearness(geo.lats[i], geo.lons[i], cc, local, ctx.anchors) > 0
        }
        best = process.extractOne(" ".join(key(name)), pool, scorer=fuzz.ratio, score_cutoff=85)
        return _row_entry(geo.row(best[2])) if best else None

    def _near_spelling(self, name: str, kind: str, ctx: ArticleContext) -> Entry | None:
        """A misspelt admin area ("Nangahar province") in one of the article's countries."""
        geo = self._geo
        if geo is None or not ctx.countries:
            return None
        if self._area_keys is None:
            self._area_keys = {}
            for k, rows in geo.keys.items():
                for i in (rows,) if isinstance(rows, int) else rows:
                    if geo.kinds[i] != 0:
                        self._area_keys.setdefault(i, []).append(k)
        pool = {
            (i, n): k
            for i, keys in self._area_keys.items()
            if geo.countries[i] in ctx.countries and geo_index.KINDS[geo.kinds[i]] == kind
            for n, k in enumerate(keys)
        }
        best = process.extractOne(" ".join(key(name)), pool, scorer=fuzz.ratio, score_cutoff=85)
        return _row_entry(geo.row(best[2][0])) if best else None


@lru_cache(maxsize=65536)
def _skeleton_of(name: str) -> str:
    return skeleton(" ".join(key(name)))


_SEAT_KM = 300.0


def _seat_of(geo: geo_index.GeoIndex, town: int, areas: list[int]) -> bool:
    """Whether a town lies by an admin area of its name in its country (Menaka, seat of Menaka
    Region); a town named like a province elsewhere in the country is no seat of it."""
    return any(
        geo.countries[a] == geo.countries[town]
        and distance_km(geo.lats[a], geo.lons[a], geo.lats[town], geo.lons[town]) < _SEAT_KM
        for a in areas
    )


def _respelt(name: str, name_key: str | None) -> bool:
    """Whether a town was found under a spelling other than its own name's (a transliteration or
    another name): such a match is trusted only in the article's countries or near its places."""
    return name_key is not None and " ".join(key(name)) != name_key


def _other_name(name: str, name_key: str) -> bool:
    """Whether a town was found under another of its names (GeoNames' alternate names: "Boni" is a
    name of Bonn) rather than its own name or a transliteration of it."""
    return _skeleton_of(name) != skeleton(name_key)


def _street_at(ws: list[tuple[str, bool]], j: int) -> bool:
    """Whether ws[j] begins a run of capitalised words that ends in a capitalised street noun ("Oak
    Lane", "Oak Tree Road"); "the Kabul road" names the road to a town, which stays."""
    for n in range(j, min(len(ws), j + 3)):
        if not ws[n][1]:
            return False
        if ws[n][0] in STREET_NOUNS:
            return True
    return False


def _unknown_area(ws: list[tuple[str, bool]], i: int) -> _Match | None:
    """Capitalised words no index knows before "province", "district", "village" or "town"
    ("Nangahar province", "Kafr Nbudah village"): a place to look for by spelling."""
    for n in (1, 2, 3):
        if i + n >= len(ws) or not all(cap for _, cap in ws[i : i + n]):
            return None
        noun = _NOUN_KIND.get(ws[i + n][0])
        if noun in ("province", "district", "admin") or ws[i + n][0] in ("village", "town"):
            return _Match(i, i + n + 1, noun, None, ())
    return None


_QUARTER_KM = 50.0


def _drop_foreign_quarters(matches: list[_Match], ws: list[tuple[str, bool]]) -> None:
    """ "the Mayo area of Khartoum", "the Hillside quarter of Port City": a place named as a part
    "of" a town lies in or beside it, and a village listed before a town ("X, Y (Z)") lies near it; a
    homonym elsewhere (a Mayo in the US) is another place, and the town itself stands."""
    for part, whole in itertools.pairwise(matches):
        between = [w for w, _ in ws[part.end : whole.start]]
        a, b = part.entry, whole.entry
        if a is None or b is None or a.kind == "country":
            continue
        if "of" in between:
            reach = _QUARTER_KM
            if a.country != b.country:
                part.entry = None
                continue
        elif not between and a.kind == b.kind == "city" and whole is not matches[-1]:
            # "Greenhill, Stonebridge (Lakeland)": a village listed before the town it lies by, areas
            # after both (a last name alone is more often the area: "Riverton (Highland)")
            reach = _NEAR_KM
        else:
            continue
        if b.kind == "city" and None not in (a.lat, a.lon, b.lat, b.lon):
            assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
            if distance_km(a.lat, a.lon, b.lat, b.lon) > reach:
                part.entry = None


def _rank_in_span(m: _Match, found: list[_Match]) -> int:
    """A match's specificity; a bare name after a district or town the span names with its noun is
    the area around it, listed finest first ("Old Mill district (Eastvale)" is not the town Eastvale)."""
    assert m.entry is not None
    rank = SPECIFICITY.get(m.entry.kind, 3)
    first = found[0]
    if (
        m is not first
        and m.noun is None
        and m.curated is None
        and first.noun in ("district", "city", "admin")
        and first.entry is not None
        and first.entry.country == m.entry.country
        and first.entry.kind in ("district", "city")
    ):
        return max(rank, SPECIFICITY["province"])
    return rank


def _coarseness(m: _Match) -> tuple[int, int]:
    """Coarser kinds first; among equals the later name, which in "X (Y, Z)" or "X, Y" is the wider
    area that anchors the earlier one."""
    kind = m.noun or (m.curated.kind if m.curated else "city")
    return (-SPECIFICITY.get("district" if kind == "admin" else kind, 2), -m.start)


def _nearness(lat: float, lon: float, cc: str, local: list[Anchor], anchors: tuple[Anchor, ...]) -> float:
    """1 for a place beside an anchor of its own country, falling to 0 at _NEAR_KM; the span's own
    anchors count double."""
    best = 0.0
    for weight, group in ((2.0, local), (1.0, anchors)):
        for a in group:
            if a.country != cc:
                continue
            d = distance_km(lat, lon, a.lat, a.lon)
            if d < 1.0:
                continue  # the anchor itself: "the Odesa region" is no reason to read "Odesa" as it
            if d < _NEAR_KM:
                best = max(best, weight * (1.0 - d / _NEAR_KM))
    return best


def _row_entry(row: geo_index.Row) -> Entry:
    return Entry(row.name, row.kind, row.lat, row.lon, row.country, row.admin1, None, row.uid)


# Name words the gazetteer adds after a derived area's name ("Punch District").
_AREA_WORDS = frozenset([*_NOUN_KIND, "governorate", "county", "state"])


def _as_written(entry: Entry, m: _Match, text: str) -> Entry:
    """The place under the article's own spelling where the match is a transliteration of the
    gazetteer's name ("Northbrooke", "the Eastfeld district" for a gazetteer's Northbrook and
    Eastfield): readers and analysts know it as the article writes it. Id and coordinates stay the
    gazetteer's; curated names, countries and other names of a place (aliases) keep their own name."""
    if m.curated is not None or entry.kind not in ("city", "district", "province", "neighbourhood"):
        return entry
    raw = written(text)
    ws = words(text)
    if len(raw) != len(ws):
        return entry
    span = [(r, w) for r, (w, _) in zip(raw[m.start : m.end], ws[m.start : m.end], strict=True)]
    core = [r for r, w in span if w not in _AREA_WORDS] or [r for r, _ in span]
    gazetteer = entry.name.split()
    last = key(gazetteer[-1]) if len(gazetteer) > 1 else ()
    tail = gazetteer[-1] if len(last) == 1 and last[0] in _AREA_WORDS else None
    base = " ".join(gazetteer[:-1]) if tail else entry.name
    mine = " ".join(core)
    if mine == base:
        return entry
    if skeleton(" ".join(key(mine))) != skeleton(" ".join(key(base))) and not (
        entry.country and article_context.current().weight(entry.country)
    ):
        return entry  # another name of a place outside the article's countries: no reader's name

    return replace(entry, written=f"{mine} {tail}" if tail else mine)


def _with_admin(entry: Entry, found: list[_Match]) -> Entry:
    """The admin areas the span names around its most precise place ("X village, Y district, Z
    province") become that place's admin fields."""
    admin1, admin2 = entry.admin1, entry.admin2
    for m in found:
        other = m.entry
        if other is None or other is entry or other.country != entry.country:
            continue
        if other.kind == "province" and SPECIFICITY.get(entry.kind, 3) < SPECIFICITY["province"]:
            admin1 = other.name
        elif other.kind == "district" and SPECIFICITY.get(entry.kind, 3) < SPECIFICITY["district"]:
            admin2 = other.name
    return (
        replace(entry, admin1=admin1, admin2=admin2)
        if (admin1, admin2) != (entry.admin1, entry.admin2)
        else entry
    )


@cache
def default_gazetteer() -> Gazetteer:
    """Project entries first, then airports and bases, countries, and the world index (loaded once
    per process)."""
    geo = geo_index.load()
    gaz = Gazetteer(geo)
    for row in csv.reader(
        (line for line in GAZETTEER.read_text(encoding="utf-8").splitlines() if not line.startswith("#")),
        delimiter="\t",
    ):
        name, aliases, kind, lat, lon, country = (row + [""] * 6)[:6]
        entry = Entry(name, kind, float(lat) if lat else None, float(lon) if lon else None, country or None)
        for alias in (name, *filter(None, aliases.split("|"))):
            gaz.add(alias, entry)
    _add_airports(gaz)
    _add_countries(gaz, geo)
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


def _add_countries(gaz: Gazetteer, geo: geo_index.GeoIndex) -> None:
    """Countries, placed at the population-weighted centre of their towns."""
    entries: dict[str, Entry] = {}
    for code, name in countries().items():
        lat, lon = geo.country_centres.get(code, (None, None))
        entries[code] = Entry(name, "country", lat, lon, code)
        gaz.add(name, entries[code])
    for form, code in COUNTRY_FORMS.items():
        if code in entries:
            gaz.add(form, entries[code])


def set_article(text: str | None) -> None:
    """Make ``text`` the article whose countries and admin areas bias the place lookups that follow
    (None: no article). Called once per article before its places are resolved."""
    if text is None:
        article_context.use(article_context.EMPTY)
        return
    gaz = default_gazetteer()
    article_context.use(article_context.build(text, []))
    anchors: list[Anchor] = []
    for phrase in article_context.ADMIN_PHRASE.finditer(text):
        # "the Valle Alto region of Northland": the area the phrase goes on to name counts
        more = _CONTINUATION.match(text, phrase.end(1))
        entry = gaz.find(text[phrase.start(1) : max(phrase.end(), more.end() if more else 0)])
        if entry is None or entry.lat is None or entry.lon is None or not entry.country:
            continue
        if entry.kind in ("province", "district", "region"):
            anchors.append(Anchor(entry.lat, entry.lon, entry.country))
    article_context.use(article_context.build(text, anchors))


_PARTICLE = "|".join(NAME_PARTICLES)
# a capitalised word, or a particle inside a name ("Deir ez-Zor", "Jisr ash Shughur"), never at its end
_NAME_WORD = rf"(?:[A-Z][\w'’-]*|(?:{_PARTICLE})-\w+|(?:{_PARTICLE})(?=[ -]+[A-Z]))"
_AREA_NOUNS = "|".join(
    ["sub-?district", "province", "governorate", "region", "state", "oblast", *sorted(DISTRICT_NOUNS)]
)
_AREA_NOUN = rf"(?i:{_AREA_NOUNS})"
_AROUND = "|".join(sorted(AROUND_TOWN_NOUNS))
_DIRECTIONS = r"(?:(?:north|south)?(?:east|west)?(?:ern)?|northern|southern|central)"
# "the village of X", "the town of X": the noun before the name belongs to the phrase.
_NOUN_OF = re.compile(
    r"\b(?:village|town|city|hamlet|settlement|neighbou?rhood|district|area)\s+of\s+$", re.IGNORECASE
)
# What follows a place span in the same phrase: the rest of its name, its place noun, and the admin
# areas an incident report lists after it ("Ash| Shajarah village, Daraa governorate").
_CONTINUATION = re.compile(
    rf"(?:[ -]+{_NAME_WORD})*"
    rf"(?:\s+(?:village|town|city|neighbou?rhood|area|quarter|sector|favela|slum|{_AROUND}|{_AREA_NOUNS}|LGA)\b"
    # "the Nyakabiga area of (southern) Bujumbura": the town the quarter belongs to
    rf"(?:\s+of\s+(?:the\s+)?(?:{_DIRECTIONS}\s+)?{_NAME_WORD}(?:[ -]+{_NAME_WORD})*)?)?"
    rf"(?:,\s+(?:the\s+)?{_NAME_WORD}(?:[ -]+{_NAME_WORD})*\s+{_AREA_NOUN})*"
    # "Barangay X, |Jolo (Sulu)": a town named after a comma when admin areas follow it in brackets
    rf"(?:,\s+{_NAME_WORD}(?:[ -]+{_NAME_WORD})*(?=\s*\())?"
    # "Kafr Nabl (Maarat al-Numan, Idlib)": the admin areas an analyst puts in brackets
    rf"(?:\s*\({_NAME_WORD}(?:[ -]+{_NAME_WORD})*(?:\s+{_AREA_NOUN})?"
    rf"(?:,\s*{_NAME_WORD}(?:[ -]+{_NAME_WORD})*(?:\s+{_AREA_NOUN})?)*\))?"
)


_PREMISES = "|".join(PREMISES_NOUNS)
_OF_WHAT = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"  # "Ministry of Interior"
# "the visa section of the Ruritanian embassy in |Capitalia": the premises before "in" (from the last
# "the") belong to the phrase.
_PREMISES_BEFORE = re.compile(
    rf"\bthe\s+((?:(?!the\b)[\w'’-]+\s+){{0,4}}(?:{_PREMISES}){_OF_WHAT})\s+in\s+$", re.IGNORECASE
)
_PREMISES_IN = re.compile(
    rf"^(?:the\s+)?((?:[\w'’-]+\s+){{0,4}}(?:{_PREMISES}){_OF_WHAT})\s+in\s+(.+)$", re.IGNORECASE
)


# "Upton LGA, |Lakeland state", "Kafr Nabl (|Idlib)", "Kafr Nabl (Maarat al-Numan, |Idlib)": a finer
# place listed before the span, as reports list them, of which the span is the area around it.
_FINER_BEFORE = re.compile(
    rf"(?<![\w-])[A-Z][\w'’-]*(?:[ -]+{_NAME_WORD}){{0,3}}\s+(?:village|town|{_AREA_NOUNS}|LGA),\s+$"
    rf"|(?:(?<![\w-])[A-Z][\w'’-]*(?:[ -]+{_NAME_WORD}){{0,3}}(?:\s+(?:village|town|{_AREA_NOUNS}|LGA))?\s*)?"
    rf"\((?:{_NAME_WORD}(?:[ -]+{_NAME_WORD})*(?:\s+{_AREA_NOUN})?,\s*)*$"
)


def place_phrase(text: str, start: int, end: int) -> str:
    """The span text[start:end] widened over the rest of its place phrase, so that a model that
    split "Ash Shajarah" or a pattern that stopped before "village, Daraa governorate" still hands
    the whole phrase to find_place."""
    match = _CONTINUATION.match(text, end)
    before = (
        _NOUN_OF.search(text, max(0, start - 30), start)
        or _PREMISES_BEFORE.search(text, max(0, start - 80), start)
        or _FINER_BEFORE.search(text, max(0, start - 80), start)
    )
    return text[before.start() if before else start : match.end() if match else end]


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
    premises = _PREMISES_IN.match(text.strip())
    if premises:
        city = gaz.find(premises.group(2))
        if city is not None and city.kind in ("city", "neighbourhood", "district"):
            name = f"{premises.group(1)} in {city.name}"
            return Entry(name, "site", city.lat, city.lon, city.country, city.admin1).place()
    entry = gaz.find(text)
    if entry is None:
        return None
    return _unknown_before_area(text, entry, gaz) or entry.place()


# "Xanadu district, Yonder province", "Zorba (Wexland)": a name listed first, before the areas
_LISTED_FIRST = re.compile(
    rf"\s*(?:the\s+)?({_NAME_WORD}(?:[ -]+{_NAME_WORD})*"
    r"(?:\s+(?:village|town|city|district|township|county|commune|municipality|sub-?district|LGA))?)\s*[,(]"
)
_CALENDAR = frozenset([*MONTHS, *WEEKDAYS])  # a date, not a place, leads the listing


def _unknown_before_area(text: str, entry: Entry, gaz: Gazetteer) -> Place | None:
    """A place no gazetteer knows, listed before the admin area that holds it ("X district, Y
    province"): named as written, as analysts name it, at the area's point (its precision says so)."""
    if entry.kind not in ("province", "district", "region"):
        return None
    m = _LISTED_FIRST.match(text)
    if m is None or m.group(1).split()[0].lower() in _CALENDAR:
        return None
    own = gaz.find(m.group(1))
    if own is not None and (own == entry or own.country == entry.country):
        return None
    name = m.group(1)
    return Place(
        place_id(name, entry.country),
        name,
        entry.lat,
        entry.lon,
        entry.country,
        "place",
        PRECISION.get(entry.kind),
        entry.name if entry.kind == "province" else entry.admin1,
        entry.name if entry.kind == "district" else None,
    )


def unlocated_place(name: str, country: str | None = None) -> Place:
    """A place the article names that no gazetteer knows: its name as written, no coordinates, in
    ``country`` when the text gives it, else in the country the article is mostly about (if one has
    at least half its country mentions)."""
    if country is None:
        shares = article_context.current().countries
        main = max(shares, key=lambda c: shares[c]) if shares else None
        country = main if main and shares[main] >= 0.5 else None
    return Place(place_id(name, country), name, None, None, country, "place", None)
