"""Paging a hub's links and capping the distance bound leave the path search's answer unchanged.

Random small graphs (events of 2-3 actors, some undated, some affiliations) are searched three
ways: a brute-force enumeration of every path, the search over a store read all at once, and the
search over the same store paged with tiny pages, every actor a "hub" and the bound capped at once.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.graph import neo4j_paths, paths
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event, Source
from eventgraph.graph.paths import FoundPath, Incidence, affiliation, find_paths, link_key, usable
from tests.factories import neo4j_store

ACTORS = [f"a{i}" for i in range(7)]
DAY0 = date(2020, 1, 1)


class Full:
    """Links read all at once: the stores' Adjacency over a list of incidences."""

    def __init__(self, links: list[Incidence]) -> None:
        self.links = links

    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        return {a: [inc for inc in self.links if a in inc.actors] for a in actor_ids}

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        return paths.neighbours(self, actor_ids, window, dated)


class Paged(Full):
    """The same links, also served a page at a time in search order (graph.paths.Paged)."""

    def __init__(self, links: list[Incidence]) -> None:
        super().__init__(links)
        self.pages = 0

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        return {a: len(found) for a, found in self.incidences(actor_ids).items()}

    def incidences_page(
        self,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        self.pages += 1
        mine = sorted(
            (inc for inc in self.links if actor_id in inc.actors and usable(inc, window, dated)),
            key=link_key,
        )
        affs = [inc for inc in mine if inc.kind == "affiliation"] if after is None else []
        events = [inc for inc in mine if inc.kind == "event" and (after is None or link_key(inc) > after)]
        return affs + events[:limit]


def brute(
    links: list[Incidence],
    source: str,
    target: str,
    max_hops: int,
    ordered: bool,
    window: DateInterval | None,
    limit: int,
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every path by exhaustive enumeration, sorted as the module doc says."""
    found: list[tuple[int, list[tuple[date, str, str]], tuple[str, ...], tuple[str, ...]]] = []
    use = [inc for inc in links if usable(inc, window, ordered)]

    def go(actors: list[str], hops: list[tuple[date, str, str]], last: date | None) -> None:
        here = actors[-1]
        if here == target:
            found.append((len(hops), list(hops), tuple(actors), tuple(h[1] for h in hops)))
            return
        if len(hops) == max_hops:
            return
        for inc in use:
            if here not in inc.actors or inc.event in {h[1] for h in hops}:
                continue
            key = link_key(inc)[0]
            if ordered and inc.kind == "event" and last is not None and key < last:
                continue
            for other in inc.actors:
                if other != here and other not in actors:
                    hops.append((key, inc.event, other))
                    actors.append(other)
                    go(actors, hops, key if inc.kind == "event" else last)
                    actors.pop()
                    hops.pop()

    go([source], [], None)
    found.sort(key=lambda f: (f[0], f[1]))
    return [(f[2], f[3]) for f in found[:limit]]


@st.composite
def graphs(draw: st.DrawFn) -> list[Incidence]:
    n = draw(st.integers(1, 14))
    links = []
    for i in range(n):
        members = draw(st.lists(st.sampled_from(ACTORS), min_size=2, max_size=3, unique=True))
        day = draw(st.one_of(st.none(), st.integers(0, 6)))
        start = None if day is None else DAY0 + timedelta(days=day)
        links.append(Incidence(f"e{i:02d}", start, start, tuple(sorted(members))))
    for holder, org in draw(
        st.lists(st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS)), max_size=3)
    ):
        if holder != org:
            links.append(affiliation(holder, org, "member"))
    return list({inc.event: inc for inc in links}.values())


def _ids(found: list[FoundPath]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(p.actors, p.events) for p in found]


@settings(max_examples=300, deadline=None)
@given(
    links=graphs(),
    pair=st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS)).filter(lambda p: p[0] != p[1]),
    max_hops=st.integers(1, 4),
    ordered=st.booleans(),
    windowed=st.booleans(),
    limit=st.integers(1, 6),
)
def test_paged_and_capped_search_finds_what_brute_force_finds(
    links: list[Incidence],
    pair: tuple[str, str],
    max_hops: int,
    ordered: bool,
    windowed: bool,
    limit: int,
) -> None:
    window = DateInterval(DAY0 + timedelta(days=1), DAY0 + timedelta(days=4), "range") if windowed else None
    source, target = pair
    expected = brute(links, source, target, max_hops, ordered, window, limit)
    args = {"max_hops": max_hops, "ordered": ordered, "window": window, "limit": limit}
    assert _ids(find_paths(Full(links), source, target, **args)) == expected
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paths, "BIG", 0)  # every actor paged
        mp.setattr(paths, "PAGE", 1)  # one link on the first page, then doubling
        mp.setattr(paths, "FRONTIER_BUDGET", 0)  # the distance bound never leaves the target
        assert _ids(find_paths(Paged(links), source, target, **args)) == expected


def test_a_hub_is_read_only_as_far_as_the_search_goes() -> None:
    """Two hubs sharing every event: the first paths need the first page only."""
    links = [
        Incidence(f"e{i:04d}", DAY0 + timedelta(days=i), DAY0 + timedelta(days=i), ("hub:a", "hub:b"))
        for i in range(5000)
    ]
    store = Paged(links)
    found = find_paths(store, "hub:a", "hub:b", max_hops=3, limit=5)
    assert [p.events for p in found] == [(f"e{i:04d}",) for i in range(5)]
    assert store.pages == 1


class CountsOnly(Paged):
    """Link counts only: any other read fails the test."""

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        return {a: sum(a in inc.actors for inc in self.links) for a in actor_ids}

    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        raise AssertionError("read the links")

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        raise AssertionError("stepped the distance bound")


def test_an_actor_without_links_ends_the_search_before_any_read() -> None:
    """A link count of 0 (an unknown actor, or one without links) means no path: no distance step
    around the other actor is taken to learn it."""
    store = CountsOnly([Incidence(f"e{i}", DAY0, DAY0, ("hub:a", f"p:{i}")) for i in range(50)])
    assert find_paths(store, "p:missing", "hub:a", max_hops=3) == []
    assert find_paths(store, "hub:a", "p:missing", max_hops=3) == []
    assert store.pages == 0


class Unpaged:
    """A store seen through the plain Adjacency only: the search reads every link at once."""

    def __init__(self, store: MemoryStore) -> None:
        self.store = store

    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        return self.store.incidences(actor_ids, window, dated)

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        return self.store.neighbours(actor_ids, window, dated)


def hub_batch(seed: int) -> Batch:
    """Three hubs in most of 3,000 events over four years (some undated), 60 others, affiliations."""
    rng = random.Random(seed)
    hubs = ["group:hub-0", "group:hub-1", "group:hub-2"]
    others = [f"person:p-{i:02d}" for i in range(60)]
    src = [Source("a.txt", "They met.", 0, 9)]
    events = []
    for i in range(3000):
        who = rng.sample(hubs, rng.randint(0, 2)) + rng.sample(others, 2)
        day = date(2017, 1, 1) + timedelta(days=rng.randrange(4 * 365))
        when = (
            None
            if rng.random() < 0.05
            else DateInterval(day, day + timedelta(days=rng.choice([0, 0, 3, 40])), "range")
        )
        events.append(Event(f"evt_{i:04d}", "meeting", when, who[:1], who[1:], None, sources=src))
    actors = [Actor(a, a, "group") for a in hubs + others]
    affs = [Affiliation(others[0], hubs[1], "member"), Affiliation(others[1], others[2], "advisor")]
    return Batch([Article("a.txt")], events, actors, [], affs)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_embedded_store_pages_hubs_with_the_same_answers(seed: int) -> None:
    store = MemoryStore()
    store.upsert(hub_batch(seed))
    assert store.link_counts(["group:hub-0"])["group:hub-0"] > paths.BIG  # paged
    year = DateInterval(date(2019, 1, 1), date(2019, 12, 31), "range")
    rng = random.Random(seed)
    names = ["group:hub-0", "group:hub-1", "group:hub-2", "person:p-00", "person:p-01", "person:p-07"]
    for _ in range(12):
        a, b = rng.sample(names, 2)
        for args in (
            {"max_hops": 3, "limit": 5},
            {"max_hops": 3, "ordered": True, "window": year, "limit": 7},
        ):
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(paths, "FRONTIER_BUDGET", rng.choice([0, 10**9]))
                paged = _ids(find_paths(store, a, b, **args))  # type: ignore[arg-type]
            assert paged == _ids(find_paths(Unpaged(store), a, b, **args))  # type: ignore[arg-type]
            assert paged  # the hubs are linked: the comparison is not between two empty answers


def test_a_page_of_the_embedded_index_starts_after_the_cursor_and_stays_in_the_window() -> None:
    store = MemoryStore()
    store.upsert(hub_batch(0))
    window = DateInterval(date(2019, 3, 1), date(2019, 3, 31), "range")
    first = store.incidences_page("group:hub-0", None, 10, window, True)
    rest = store.incidences_page("group:hub-0", link_key(first[-1]), 10, window, True)
    everything = sorted(
        (
            i
            for i in store.incidences(["group:hub-0"])["group:hub-0"]
            if i.kind == "event" and usable(i, window, True)
        ),
        key=link_key,
    )
    assert [i.event for i in first + rest] == [i.event for i in everything[:20]]


def test_the_embedded_store_keeps_each_hubs_order_current_at_upsert() -> None:
    """The (start, id) order of every actor over BIG events is there right after each upsert (no
    first search pays for it) and equals a fresh sort, whether batches add events, re-date them or
    add participants, a few at a time (insorts) or many (a fresh sort)."""
    batch = hub_batch(2)
    store = MemoryStore()
    part = dataclasses.replace(batch, events=batch.events[:2000])
    store.upsert(part)
    store.upsert(dataclasses.replace(batch, events=batch.events[2000:2050]))  # a few new: insorts
    store.upsert(dataclasses.replace(batch, events=batch.events[2050:]))
    shift = timedelta(days=400)
    redated = [
        dataclasses.replace(e, date=DateInterval(e.date.start - shift, e.date.end - shift, "range"))
        if e.date and i % 2
        else dataclasses.replace(e, date=None, targets=[*e.targets, "person:p-59"])
        for i, e in enumerate(batch.events[::50])
    ]
    store.upsert(dataclasses.replace(batch, events=redated))  # a few moved: removals and insorts
    checked = 0
    for actor in [a.id for a in batch.actors]:
        events = [i for i in store.incidences([actor])[actor] if i.kind == "event"]
        kept = store._path_order.get(actor)
        if len(events) > paths.BIG:
            assert kept == sorted(link_key(i) for i in events)
            checked += 1
        else:
            assert kept is None
    assert checked == 3
    moved = {e.id for e in redated}
    assert any(k[1] in moved and k[0] == date.max for k in store._path_order.get("group:hub-0") or [])


@pytest.mark.neo4j
@pytest.mark.parametrize("rest", [0, 10**6])  # pages of the asked size / every actor's rest at once
def test_neo4j_pages_hubs_as_the_embedded_store_does(rest: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Walked page by page, a hub's links in Neo4j (its link_key index range) are the embedded
    store's, in the same order, with or without a window or dates (undated events last), and so are
    the links two hubs share; paths between hubs and from hubs to others are the same too."""
    batch = hub_batch(0)
    memory = MemoryStore()
    memory.upsert(batch)
    neo = neo4j_store()
    neo.clear()
    neo.upsert(batch)
    monkeypatch.setattr(neo4j_paths, "REST", rest)
    march = DateInterval(date(2019, 3, 1), date(2019, 3, 31), "range")
    try:
        hub, other = "group:hub-1", "group:hub-0"
        assert neo.link_counts([hub, other])[hub] > paths.BIG  # type: ignore[attr-defined]
        for window, dated in ((None, False), (None, True), (march, True)):
            walked = _walk(partial(neo.incidences_page, hub), window, dated, affiliations=1)
            mine = [
                i for i in memory.incidences([hub])[hub] if i.kind == "event" and usable(i, window, dated)
            ]
            assert [i.event for i in walked] == [i.event for i in sorted(mine, key=link_key)]
            assert any(i.start is None for i in walked) == (window is None and not dated)
            shared = _walk(partial(neo.links_between, other, hub), window, dated, affiliations=0)
            both = [i for i in mine if other in i.actors]
            assert [i.event for i in shared] == [i.event for i in sorted(both, key=link_key)]
            assert len(shared) > 50 or window is not None  # more than one page without a window
        year = DateInterval(date(2019, 1, 1), date(2019, 12, 31), "range")
        pairs = [
            ("group:hub-0", "group:hub-1"),
            ("group:hub-2", "group:hub-0"),
            ("group:hub-1", "person:p-03"),
        ]
        for a, b in pairs:
            for args in (
                {"max_hops": 2, "limit": 5},
                {"max_hops": 3, "ordered": True, "window": year, "limit": 7},
            ):
                found = _ids(find_paths(neo, a, b, **args))  # type: ignore[arg-type]
                assert found == _ids(find_paths(memory, a, b, **args))  # type: ignore[arg-type]
                assert found
    finally:
        neo.close()


def _walk(
    read: Callable[..., list[Incidence]], window: DateInterval | None, dated: bool, affiliations: int
) -> list[Incidence]:
    """Every event of pages of 50 read one after another (``read(after, limit, window, dated)``);
    the affiliations on the first page only."""
    walked: list[Incidence] = []
    after = None
    while True:
        page = read(after, 50, window, dated)
        assert sum(i.kind == "affiliation" for i in page) == (affiliations if after is None else 0)
        events = [i for i in page if i.kind == "event"]
        walked += events
        if len(events) != 50:
            return walked
        after = link_key(events[-1])
