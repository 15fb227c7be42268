"""Alias-aware actor search ranked in one place, so both stores answer alike.

A store only supplies candidates: actors whose name or an alias contains the
first three letters of a query word (an index-friendly CONTAINS in Neo4j). The
ranking is exact, then prefix, then whole words, then substring, then fuzzy.
A typo in a word's first three letters is not found; that keeps the candidate
query cheap on both stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from eventgraph.graph.model import Actor

CANDIDATE_CAP = 5000  # most candidates a store hands to the ranking, lowest ids first
FUZZY_MIN = 75.0
_WORD = re.compile(r"\w+")


def search_terms(actor: Actor) -> list[str]:
    """What candidate lookup matches against: name and aliases, case-folded."""
    return [name.casefold() for name in [actor.name, *actor.aliases]]


def search_grams(terms: Iterable[str]) -> set[str]:
    """Every substring of the terms that a stem can be (2 or 3 letters, as ``stems`` cuts them): an
    index from these to actors finds exactly the actors ``is_candidate`` accepts."""
    return {term[i : i + n] for term in terms for n in (2, 3) for i in range(len(term) - n + 1)}


def stems(query: str) -> list[str]:
    """The query words' first three letters: the candidate test."""
    return sorted({word[:3] for word in _WORD.findall(query.casefold()) if len(word) >= 2})


def is_candidate(terms: list[str], query_stems: list[str]) -> bool:
    return any(stem in term for term in terms for stem in query_stems)


def _tier(query: str, names: Sequence[str]) -> int | None:
    words = set(_WORD.findall(query))
    if query in names:
        return 0
    if any(name.startswith(query) for name in names):
        return 1
    if words and any(words <= set(_WORD.findall(name)) for name in names):
        return 2
    if any(query in name for name in names):
        return 3
    return None


def ranked_names(actor: Actor) -> list[str]:
    """What the ranking compares a query with: name and aliases, case-folded, words joined by spaces."""
    return [" ".join(_WORD.findall(n.casefold())) for n in [actor.name, *actor.aliases]]


def rank(query: str, candidates: Iterable[Actor], *, limit: int) -> list[Actor]:
    """Best matches first; ties broken by score, then name, then id."""
    return rank_prepared(query, ((actor, ranked_names(actor)) for actor in candidates), limit=limit)


def rank_prepared(
    query: str, candidates: Iterable[tuple[Actor, Sequence[str]]], *, limit: int
) -> list[Actor]:
    """``rank`` for a store that keeps each actor's ``ranked_names`` (computed at upsert)."""
    q = " ".join(_WORD.findall(query.casefold()))
    scored: list[tuple[int, float, str, str, Actor]] = []
    for actor, names in candidates:
        score = round(max(fuzz.WRatio(q, name) for name in names), 2)
        tier = _tier(q, names)
        if tier is None and score >= FUZZY_MIN:
            tier = 4
        if tier is not None:
            scored.append((tier, -score, actor.name, actor.id, actor))
    scored.sort(key=lambda item: item[:4])
    return [item[4] for item in scored[:limit]]
