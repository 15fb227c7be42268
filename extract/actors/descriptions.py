"""Unnamed participants: sponsored militias ("Iranian-backed militias") and descriptions
("a senior US military official", "the militias") as actors of the article."""

from __future__ import annotations

import re
from collections import Counter

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.actors.text import strip_det
from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.countries import countries, country_lookup, demonym_lookup
from eventgraph.extract.lexicons.descriptors import (
    GROUP_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPONSORSHIP_PARTICIPLES,
)
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.places import find_place
from eventgraph.graph.model import ActorKind

BACKED = re.compile(
    r"\b(?:pro-([a-z]+)|([a-z]+)(?:-| )(?:" + "|".join(SPONSORSHIP_PARTICIPLES) + r"))"
    r"\s+(?:[a-z]+\s+){0,2}?(militias?|groups?|factions?|paramilitary groups|paramilitaries|proxies|rebels|"
    r"fighters|separatists|forces)\b"
)
# Plural descriptions of one armed movement ("Shiite militias", "the militia leaders", "pro-X factions").
_MILITIA = re.compile(r"\b(?:militias?|paramilitar(?:y|ies)|factions|proxies)\b")
_LOCATIVE = re.compile(
    r"\b(?:in|across|inside|near|into|visited|outside)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)


# Nouns by which news refers back to a named armed group ("the group said", "the movement's fighters").
_BODY_NOUNS = frozenset(
    ["group", "movement", "organisation", "organization", "militia", "faction", "insurgency"]
)


def sponsors(low: str) -> Counter[str]:
    """Sponsors of the militias an article names ("Iranian-backed militias" -> IR), by frequency."""
    return Counter(
        code
        for m in BACKED.finditer(low)
        if _MILITIA.search(m.group(0)) and (code := _sponsor_code(m)) is not None
    )


def backed_group(article: Article, m: re.Match[str]) -> DocActor:
    """ "Iranian-backed militias", "pro-Iran factions" -> one group named "Iran-backed militias"."""
    sponsor = m.group(1) or m.group(2) or ""
    head = m.group(3)
    head = "militias" if head.startswith(("militia", "group", "faction", "paramilitar", "prox")) else head
    return _sponsored(article, _sponsor_code(m) or sponsor.title(), head)


def militia(article: Article, text: str) -> DocActor | None:
    """Plural militia descriptions ("Shiite militias", "the militia leaders", "pro-X factions") in an
    article that names a sponsored militia ("X-backed militias") are that one group, unless they name
    another sponsor, or a nationality that is neither the sponsor's nor the article's main country."""
    if not article.sponsors or not _MILITIA.search(text):
        return None
    if BACKED.search(text):
        return None  # names its own sponsor: see backed_group
    code = article.sponsors.most_common(1)[0][0]
    words = re.findall(r"[a-z]+", text)
    nations = {demonym_lookup().get(w) or country_lookup().get(w) for w in words} - {None}
    if nations - {code, _main_country(article, exclude=code)}:
        return None
    return _sponsored(article, code, "militias")


def descriptor(article: Article, span: Span, low: str) -> DocActor | None:
    """An unnamed participant ("a senior US military official", "the militias"): definite group
    nouns refer back to the last group of that kind; others become anonymous actors of this article."""
    words = re.findall(r"[a-z][a-z'-]*", low)
    if not words:
        return None
    head = words[-1]
    definite = (
        words[0] == "the" if len(words) == 2 else article.low[max(0, span.start - 4) : span.start] == "the "
    )
    if len(words) <= 2 and definite and head.removesuffix("'s") in _BODY_NOUNS:
        armed = [n.actor for n in article.named if n.end <= span.start and n.actor.kind == "group"]
        if armed:
            return armed[-1]  # "the group", "the movement": the armed group the article last named
    if head in GROUP_NOUNS:
        stem = head.rstrip("s")
        if words[0] in ("the", "its", "their") or len(words) == 1:
            earlier = [n.actor for n in article.named if n.end <= span.start and stem in n.actor.name.lower()]
            groups = [a for a in article.actors if a.kind == "group" and stem in a.name.lower()]
            if earlier or groups:
                return (earlier or groups)[-1]
        name = strip_det(article.text[span.start : span.end].strip())
        return article.actor(f"anon:{article.doc_id}:{fold(name)}", "group", name, anonymous=True)
    if head in PERSON_NOUNS or head in ORG_NOUNS:
        name = strip_det(article.text[span.start : span.end].strip())
        kind: ActorKind = "person" if head in PERSON_NOUNS else "org"
        return article.actor(f"anon:{article.doc_id}:{fold(name)}", kind, name, anonymous=True)
    return None


def _sponsored(article: Article, sponsor: str, head: str) -> DocActor:
    """The group a country (ISO code) or another sponsor backs, one actor per sponsor and head."""
    sponsor_name = countries().get(sponsor, sponsor)
    name = f"{sponsor_name}-backed {head}"
    return article.actor(f"group:{fold(name)}", "group", name)


def _main_country(article: Article, exclude: str | None) -> str | None:
    """The country where the article's events happen: the one its locative phrases ("in Baghdad",
    "visited Erbil", "across Iraq") geocode to most often."""
    if article.where is None:
        article.where = Counter()
        for m in _LOCATIVE.finditer(article.text):
            place = find_place(m.group(1))
            if place is not None and place.country:
                article.where[place.country] += 1
    counts = Counter({code: n for code, n in article.where.items() if code != exclude})
    return counts.most_common(1)[0][0] if counts else None


def _sponsor_code(m: re.Match[str]) -> str | None:
    """The country code of the sponsor a ``BACKED`` match names ("Iranian-backed", "pro-Iran")."""
    sponsor = m.group(1) or m.group(2) or ""
    return country_lookup().get(sponsor) or demonym_lookup().get(sponsor)
