"""Realistic synthetic batches for tests and benchmarks.

Real event graphs are lopsided: a few actors (states, ministries, militias)
take part in a large share of events while most appear once or twice. Actors
are therefore drawn from a Zipf-like distribution; each event has 1-4 sources,
dates spread over a few years with mixed precision, and a few undated or
disputed events, so every query path of the stores is exercised.

    python -m bench.gen_synthetic 10000 > data/synthetic.jsonl
"""

from __future__ import annotations

import itertools
import random
import sys
from datetime import date, timedelta

from eventgraph.graph.export import dumps_rows
from eventgraph.graph.model import (
    ACTOR_KINDS,
    EVENT_TYPES,
    Actor,
    Affiliation,
    Article,
    Batch,
    DateInterval,
    Event,
    Place,
    Source,
    actor_id,
    place_id,
)

FIRST = [
    "Adil",
    "Mark",
    "Sara",
    "Omar",
    "Lena",
    "Hadi",
    "Nour",
    "Jon",
    "Rana",
    "Ali",
    "Eva",
    "Karim",
    "Mina",
    "Tom",
    "Yara",
    "Sami",
    "Dana",
    "Fadi",
    "Ivan",
    "Maya",
]
LAST = [
    "Mahdi",
    "Esper",
    "Haddad",
    "Saleh",
    "Novak",
    "Karimi",
    "Aziz",
    "Reed",
    "Barzani",
    "Sadr",
    "Hakim",
    "Moss",
    "Tariq",
    "Jaber",
    "Holt",
    "Nasser",
]
ORGS = [
    "Ministry",
    "Brigade",
    "Council",
    "Front",
    "Agency",
    "Party",
    "Command",
    "Movement",
    "Office",
    "Alliance",
]
EPOCH = date(2018, 1, 1)
DAYS = 3 * 365


def _actors(rng: random.Random, n: int) -> list[Actor]:
    names = (f"{f} {last}" for last, f in itertools.product(LAST, FIRST))
    out = []
    for i in range(n):
        kind = ACTOR_KINDS[0] if i % 3 else rng.choice(ACTOR_KINDS[1:])
        base = next(names, None) if kind == "person" else f"{rng.choice(LAST)} {rng.choice(ORGS)}"
        name = f"{base or 'Actor'} {i}"
        aliases = [name.split()[-2]] if kind == "person" else [f"the {name.lower()}"]
        out.append(Actor(actor_id(kind, name), name, kind, aliases))  # type: ignore[arg-type]
    return out


def _date(rng: random.Random) -> DateInterval | None:
    roll = rng.random()
    if roll < 0.02:
        return None
    start = EPOCH + timedelta(days=rng.randrange(DAYS))
    if roll < 0.85:
        return DateInterval(start, start, "day")
    if roll < 0.93:
        return DateInterval(start, start + timedelta(days=6), "week")
    if roll < 0.98:
        return DateInterval(start, start + timedelta(days=rng.randrange(9, 31)), "range")
    return DateInterval(start, start + timedelta(days=29), "month")


def actor_ranks(n_events: int, *, seed: int = 0) -> list[str]:
    """The ids of ``generate(n_events, seed=seed)``'s actors, busiest first, without drawing the
    events: a bench against a graph loaded earlier needs only these."""
    return [a.id for a in _actors(random.Random(seed), _actor_count(n_events))]


def _actor_count(n_events: int) -> int:
    return max(10, n_events // 5)


def generate(n_events: int, *, seed: int = 0) -> Batch:
    """``n_events`` events with ~n/5 actors, ~n/40 places and ~n/3 articles."""
    rng = random.Random(seed)
    actors = _actors(rng, _actor_count(n_events))
    places = [
        Place(
            place_id(f"Town {i}"),
            f"Town {i}",
            round(rng.uniform(29, 37), 4),
            round(rng.uniform(39, 48), 4),
            "IQ",
        )
        for i in range(max(3, n_events // 40))
    ]
    articles = [
        Article(f"art_{i:07d}.txt", f"Report {i}", rng.choice(["Wire", "Daily", "Post"]), "", EPOCH)
        for i in range(max(2, n_events // 3))
    ]
    weights = list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(actors))))
    events = []
    for i in range(n_events):
        when = _date(rng)
        drawn = list(
            dict.fromkeys(a.id for a in rng.choices(actors, cum_weights=weights, k=rng.randint(1, 4)))
        )
        split = rng.randint(1, len(drawn))
        sources = [
            Source(doc, f"Sentence about event {i}.", 10 * i, 10 * i + 25, None, when)
            for doc in sorted({rng.choice(articles).id for _ in range(rng.randint(1, 4))})
        ]
        event_type = EVENT_TYPES[min(int(rng.expovariate(0.25)), len(EVENT_TYPES) - 1)]
        events.append(
            Event(
                f"evt_{i:07d}",
                event_type,  # type: ignore[arg-type]
                when,
                agents=drawn[:split],
                targets=drawn[split:],
                place=rng.choice(places).id if rng.random() < 0.8 else None,
                attributes={"count": rng.randint(1, 20)} if event_type.endswith("attack") else {},
                confidence=round(rng.uniform(0.3, 1.0), 2),
                disputed=rng.random() < 0.05,
                summary=f"{event_type.replace('_', ' ')} {i}",
                sources=sources,
            )
        )
    orgs = [a for a in actors if a.kind != "person"]
    affiliations = [
        Affiliation(a.id, rng.choice(orgs).id, rng.choice(["Minister", "Commander", "Spokesman", "Member"]))
        for a in actors[: len(actors) // 4]
        if a.kind == "person" and orgs
    ]
    return Batch(articles, events, actors, places, affiliations)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for line in dumps_rows(generate(n)):
        print(line)
