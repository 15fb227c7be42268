"""The cross-article merge as a distributed step over blocks, giving the same events as one process.

``extract.resolve.merge.cluster`` joins mentions greedily, best pair first, and two clusters only
ever join along a pair scoring at least MERGE_THRESHOLD. So the clustering falls apart exactly into
the connected components of the graph of such pairs (plus the mentions one article folds into one):

1. each article's own duplicates are folded (``fold_duplicates``), giving the merge's units;
2. units are grouped by block, type family x tally flag x canonical participant or place, and each
   block (in an executor) scores the pairs ``candidate_pairs`` gives for it, within which the 8-day
   time buckets and the buckets next to them are handled; a pair is scored in the block of its first
   shared key only;
3. the union of the pairs at or above the threshold, streamed from the executors, gives the
   components (union-find on the driver: one 8-byte integer per unit);
4. each component is clustered and made into events in an executor by the merge's own ``cluster``
   and ``to_event``, from slices of mentions the driver wrote to the work dir one at a time; the
   driver puts the events in the single-process order and gives the rare colliding event id its
   disambiguated form, as ``to_event`` does in one process.
"""

from __future__ import annotations

import copy
import pickle
import shutil
import tempfile
import uuid
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from eventgraph.extract.events.mention import Mention
from eventgraph.extract.pipeline.spool import Spool
from eventgraph.extract.resolve.merge import (
    MERGE_THRESHOLD,
    Resolved,
    candidate_pairs,
    cluster,
    family,
    fold_duplicates,
    pair_score,
    to_event,
)
from eventgraph.graph.model import Event, digest

Key = tuple[str, bool, str]  # type family, tally flag, "p:" participant or "l:" place


@dataclass
class MergeStats:
    """What the last distributed merge did, for the bench and the tests."""

    units: int = 0
    blocks: int = 0
    edges: int = 0
    components: int = 0
    largest_component: int = 0  # units


def block_keys(unit: Resolved) -> list[Key]:
    """The blocks of a unit, as ``candidate_pairs`` forms them (before time buckets)."""
    head = (family(unit.type), unit.aggregate)
    own = sorted({"p:" + p for p in unit.participants} | ({"l:" + unit.place} if unit.place else set()))
    return [(*head, k) for k in own]


def fold_units(resolved: list[Resolved]) -> tuple[list[Resolved], list[list[int]]]:
    """The merge's units in its own order (articles by id, then fold order) and, for each, the
    positions in ``resolved`` of the mentions it folds; ``resolved`` itself is left untouched."""
    by_doc: dict[str, list[int]] = {}
    for n, item in enumerate(resolved):
        by_doc.setdefault(item.doc, []).append(n)
    units: list[Resolved] = []
    members: list[list[int]] = []
    for doc in sorted(by_doc):
        copies = [copy.copy(resolved[n]) for n in by_doc[doc]]  # fold_duplicates extends its hosts' lists
        for c in copies:
            c.agents, c.targets, c.extra = list(c.agents), list(c.targets), list(c.extra)
        seq = {id(c): n for c, n in zip(copies, by_doc[doc], strict=True)}
        for unit in fold_duplicates(copies):
            units.append(unit)
            members.append([seq[id(unit)], *(seq[id(m)] for m in unit.extra)])
    return units, members


def block_edges(block: Iterable[tuple[int, Resolved]], key: Key) -> Iterator[tuple[int, int]]:
    """Pairs of unit numbers in one block that score at least MERGE_THRESHOLD (counted in the
    block of their first shared key only)."""
    rows = sorted(block, key=lambda r: r[0])
    units = [u for _, u in rows]
    keys = [set(block_keys(u)) for u in units]
    for i, j in candidate_pairs(units):
        if min(keys[i] & keys[j]) != key:
            continue
        if pair_score(units[i], units[j]) >= MERGE_THRESHOLD:
            yield rows[i][0], rows[j][0]


def components(n: int, edges: Iterable[tuple[int, int]]) -> array[int]:
    """Union-find: the component (its smallest unit number) of each of ``n`` units."""
    parent = array("q", range(n))  # 8 bytes a unit

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return array("q", (root(x) for x in range(n)))


def component_events(
    items: Iterable[tuple[int, Resolved]], names: dict[str, str], place_names: dict[str, str]
) -> list[tuple[int, Event, str]]:
    """One component's events: (position in ``resolved`` of the event's key unit, the event with
    its plain id, the id it takes when an earlier event already has the plain one)."""
    rows = sorted(items, key=lambda r: r[0])
    seq = {id(item.mention): n for n, item in rows}
    keys: list[int] = []
    groups = cluster([item for _, item in rows], keys)
    # cluster's own unit order: articles by id, then fold order (title last, by sentence, then input).
    units = sorted(
        (u for g in groups for u in g),
        key=lambda u: (u.doc, u.mention.from_title, u.mention.char_start, seq[id(u.mention)]),
    )
    out: list[tuple[int, Event, str]] = []
    for key, group in zip(keys, groups, strict=True):
        event = to_event(group, names, set(), place_names)
        first = min(group, key=lambda r: (r.mention.doc, r.mention.char_start)).mention
        alternative = "evt_" + digest(event.id.removeprefix("evt_"), first.doc, str(first.char_start))
        out.append((seq[id(units[key].mention)], event, alternative))
    return out


def ordered(found: Iterable[tuple[int, Event, str]], position: dict[int, int]) -> list[Event]:
    """Events in the single-process order (by their key unit), colliding ids disambiguated in it."""
    taken: set[str] = set()
    events: list[Event] = []
    for _, event, alternative in sorted(found, key=lambda f: position[f[0]]):
        if event.id in taken:
            event.id = alternative
        taken.add(event.id)
        events.append(event)
    return events


# Rows (units, or mentions) a slice file holds.
SLICE_ROWS = 2000
_Row = TypeVar("_Row")


def write_slices(rows: Iterable[_Row], folder: Path) -> list[str]:
    """A step's input as files of SLICE_ROWS rows, for the executors to read: the driver serializes
    one slice at a time (of the component step, one slice's full mentions, never the corpus's)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    batch: list[_Row] = []

    def flush() -> None:
        path = folder / f"slice-{len(paths):06d}.pkl"
        with path.open("wb") as fh:
            pickle.dump(batch, fh, protocol=pickle.HIGHEST_PROTOCOL)
        paths.append(str(path))
        batch.clear()

    for row in rows:
        batch.append(row)
        if len(batch) >= SLICE_ROWS:
            flush()
    if batch:
        flush()
    return paths


def read_slice(path: str) -> list[Any]:
    """Rows ``write_slices`` wrote into the run's own work dir."""
    with open(path, "rb") as fh:
        rows: list[Any] = pickle.load(fh)
    return rows


class SparkMerge:
    """``BatchBuilder.finish``'s ``events_of`` on a SparkContext; the component step's input goes
    through ``work_dir`` (a temporary folder when None; on a cluster, one every executor reads)."""

    def __init__(self, sc: Any, work_dir: Path | None = None) -> None:
        self.sc = sc
        self.work_dir = work_dir
        self.stats = MergeStats()

    def __call__(
        self,
        resolved: list[Resolved],
        names: dict[str, str],
        place_names: dict[str, str],
        spilled: Spool[Mention],
    ) -> list[Event]:
        if self.work_dir is not None:
            return self._merge(resolved, names, place_names, spilled, self.work_dir)
        with tempfile.TemporaryDirectory(prefix="eventgraph-merge-") as tmp:
            return self._merge(resolved, names, place_names, spilled, Path(tmp))

    def _merge(
        self,
        resolved: list[Resolved],
        names: dict[str, str],
        place_names: dict[str, str],
        spilled: Spool[Mention],
        work_dir: Path,
    ) -> list[Event]:
        units, members = fold_units(resolved)  # compact records: scoring reads no full mention
        folder = work_dir / f"merge-{uuid.uuid4().hex}"
        try:
            return self._steps(units, members, resolved, names, place_names, spilled, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _steps(
        self,
        units: list[Resolved],
        members: list[list[int]],
        resolved: list[Resolved],
        names: dict[str, str],
        place_names: dict[str, str],
        spilled: Spool[Mention],
        folder: Path,
    ) -> list[Event]:
        numbered = write_slices(enumerate(units), folder / "units")
        width = max(self.sc.defaultParallelism, len(numbered))
        blocks = (
            self.sc.parallelize(numbered, numSlices=max(1, len(numbered)))
            .flatMap(read_slice)
            .flatMap(lambda nu: [(k, nu) for k in block_keys(nu[1])])
            .groupByKey(numPartitions=width)
        )
        packed = blocks.mapPartitions(lambda part: [_packed(kv for kv in part)]).collect()
        edges = Counted(zip(*[iter(a for p in packed for a in p)] * 2, strict=True))
        comp = components(len(units), edges)
        del packed
        # position of each unit's host mention -> the unit's number: the single-process order.
        position = {m[0]: n for n, m in enumerate(members)}

        def rows() -> Iterator[tuple[int, tuple[int, Resolved]]]:
            for n, m in enumerate(members):
                for s in m:
                    r = copy.copy(resolved[s])  # the slice holds the mention, ``resolved`` does not
                    r.attach(spilled.get(r.ref))
                    yield comp[n], (s, r)

        slices = write_slices(rows(), folder / "mentions")
        names_b = self.sc.broadcast(names)
        places_b = self.sc.broadcast(place_names)
        found = (
            self.sc.parallelize(slices, numSlices=max(1, len(slices)))
            .flatMap(read_slice)
            .groupByKey(numPartitions=width)
            .flatMap(lambda kv: component_events(kv[1], names_b.value, places_b.value))
            .collect()
        )
        sizes = Counter(comp)
        n_blocks = blocks.count()  # from the shuffle files already written
        self.stats = MergeStats(len(units), n_blocks, edges.count, len(sizes), max(sizes.values(), default=0))
        return ordered(found, position)


def _packed(blocks: Iterable[tuple[Key, Iterable[tuple[int, Resolved]]]]) -> array[int]:
    """One partition's merge pairs as a flat array of unit numbers (16 bytes a pair to the driver)."""
    out = array("q")
    for key, block in blocks:
        for a, b in block_edges(block, key):
            out.extend((a, b))
    return out


class Counted(Iterator[tuple[int, int]]):
    """An iterator of pairs that counts what went through it."""

    def __init__(self, items: Iterable[tuple[int, int]]) -> None:
        self._items = iter(items)
        self.count = 0

    def __next__(self) -> tuple[int, int]:
        item = next(self._items)
        self.count += 1
        return item
