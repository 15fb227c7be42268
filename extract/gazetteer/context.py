"""The article's country context: which countries an article is about, and the admin areas it names.

"Tripoli" is Lebanon's in a story about Lebanon and Libya's in one about Libya; "Kafr Nabl" is the
village in Idlib when the report names Idlib province. The context is computed once per article
(``set_article``) and read by every place lookup made while that article is resolved.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field

from eventgraph.extract.lexicons.countries import country_lookup, demonym_lookup
from eventgraph.extract.lexicons.folding import fold

# "X province", "X governorate", "X district": admin areas anywhere in the article anchor its villages.
ADMIN_PHRASE = re.compile(
    r"\b((?:[A-Z][\w'’-]*|al-\w+|al|el|ad|ar|as)(?:[\s-]+(?:[A-Z][\w'’-]*|al-\w+|al|el|ad|ar|as)){0,3})\s+"
    r"(?i:province|governorate|district|state|region|oblast)\b"
)


_SERIAL = itertools.count()


@dataclass(frozen=True)
class Anchor:
    """A place the article names that nearby smaller places are likely to be near."""

    lat: float
    lon: float
    country: str
    province: str | None = None  # the province's name when the anchor is one: its towns are in it


@dataclass(frozen=True, eq=False)
class ArticleContext:
    """Countries named by the article with their share of all country mentions, and anchors;
    ``serial`` tells contexts apart for caches (lookups are memoised per context)."""

    countries: dict[str, float] = field(default_factory=dict)
    anchors: tuple[Anchor, ...] = ()
    # countries known only from adjectives ("Russian artillery", "Malian soldiers"): they say who
    # acted more often than where, so they weigh less in choosing between towns
    by_adjective: frozenset[str] = frozenset()
    serial: int = field(default_factory=lambda: next(_SERIAL))

    def weight(self, country: str) -> float:
        return self.countries.get(country, 0.0)


EMPTY = ArticleContext()
_CURRENT: ContextVar[ArticleContext] = ContextVar("article_places", default=EMPTY)


def current() -> ArticleContext:
    return _CURRENT.get()


_TOKEN = re.compile(r"[A-Za-z][\w’'-]*(?:\.(?:[A-Za-z]\.)+)?")


def countries_named(text: str, adjectives: Counter[str] | None = None) -> Counter[str]:
    """ISO code -> how often the text names the country or its demonym ("U.S.", "Iraqi"); only
    capitalised words count, so "turkey" the bird and "us" the pronoun do not. Capitals are left out:
    "Tripoli" is the very name the context must decide. ``adjectives`` counts the demonym mentions."""
    names = country_lookup()
    demonyms = demonym_lookup()
    tokens = _TOKEN.findall(text)
    counts: Counter[str] = Counter()
    i = 0
    while i < len(tokens):
        step = 1
        if tokens[i][0].isupper():
            for n in (3, 2, 1):
                if i + n > len(tokens):
                    continue
                phrase = fold(" ".join(tokens[i : i + n])).replace("’", "'")
                phrase = phrase[:-2] if phrase.endswith("'s") else phrase
                code = names.get(phrase)
                # "a US drone strike": a country's name after an article is a modifier, as a demonym is
                adjective = (code is None and phrase in demonyms) or (
                    code is not None and i > 0 and tokens[i - 1].lower() in ("a", "an")
                )
                code = code or demonyms.get(phrase)
                if code and (n > 1 or phrase != "us" or tokens[i] != "Us"):
                    counts[code] += 1
                    if adjective and adjectives is not None:
                        adjectives[code] += 1
                    step = n
                    break
        i += step
    return counts


def build(text: str, anchors: list[Anchor]) -> ArticleContext:
    """The context of one article from its text and the admin areas already resolved in it."""
    adjectives: Counter[str] = Counter()
    counts = countries_named(text, adjectives)
    for anchor in anchors:
        counts[anchor.country] += 1
    total = sum(counts.values())
    shares = {code: n / total for code, n in counts.items()} if total else {}
    only_adjective = frozenset(code for code, n in counts.items() if adjectives[code] == n)
    return ArticleContext(shares, tuple(anchors), only_adjective)


def use(context: ArticleContext) -> None:
    _CURRENT.set(context)
