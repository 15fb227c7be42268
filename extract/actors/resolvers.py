"""Resolving a participant span: an ordered list of small resolvers, the first that decides wins.

A resolver returns an actor (decided), ``NOBODY`` (decided: the span names no actor) or None
(not its case: ask the next one). The order is the policy; read it in ``RESOLVERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.descriptions import BACKED, backed_group, descriptor, militia
from eventgraph.extract.actors.generic import generic_group, group_after
from eventgraph.extract.actors.holders import office, possessive_title, role_holder, untagged_person
from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.actors.names import in_locality, named_actor
from eventgraph.extract.actors.pronouns import collective_pronoun, person_pronoun
from eventgraph.extract.actors.references import apposed_name, described_name, named_before, titled_person
from eventgraph.extract.actors.states import GOVERNMENT, armed_forces, capital, country_in
from eventgraph.extract.actors.text import hyphen_start, strip_determiners
from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.descriptors import DESCRIPTOR_HEADS
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.media import PLATFORMS
from eventgraph.extract.lexicons.organisations import organisation_lookup
from eventgraph.extract.lexicons.pronouns import NEUTER_PRONOUNS, PLURAL_PRONOUNS, PRONOUNS_PERSON
from eventgraph.extract.places import default_gazetteer, find_place

_ADMINISTRATION = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:administration|government|White House)\b")
_OFFICE = re.compile(r"(?:'s|’s)\s+office\b", re.IGNORECASE)
_CAPITAL = re.compile(r"(?:the\s+)?capital")


class Verdict(Enum):
    NOBODY = "the span names no actor"


NOBODY = Verdict.NOBODY
Found = DocActor | Literal[Verdict.NOBODY] | None


@dataclass(frozen=True)
class Query:
    """A span with what most resolvers look at: its words, and the named mentions inside it."""

    span: Span
    word: str  # the span's own lower-cased text (pronouns are matched on it)
    start: int  # the span's start, taking in a hyphenated modifier it left out
    text: str  # lower-cased text from ``start``
    inside: list[Named]  # named mentions overlapping the span
    heads: list[Named]  # ... that are not possessives ("Iraq's")
    org: DocActor | None  # the first organisation, group or outlet among the heads

    @classmethod
    def of(cls, article: Article, span: Span) -> Query:
        start = hyphen_start(article.text, span.start)
        inside = [n for n in article.named if n.start < span.end and start < n.end]
        # "Iraq's" of "Iraq's leaders" is no head; a span that is the possessor itself ("X's decree") is
        heads = [n for n in inside if not n.possessive or n.end >= span.end]
        org = next((n.actor for n in heads if n.actor.kind in ("org", "group", "media")), None)
        word = article.low[span.start : span.end].strip()
        return cls(span, word, start, article.low[start : span.end].strip(), inside, heads, org)


def _person_pronoun(article: Article, q: Query) -> Found:
    if q.word not in PRONOUNS_PERSON:
        return None
    return person_pronoun(article, q.span) or NOBODY


def _collective_pronoun(article: Article, q: Query) -> Found:
    if q.word not in PLURAL_PRONOUNS and q.word not in NEUTER_PRONOUNS:
        return None
    return collective_pronoun(article, q.span, plural=q.word in PLURAL_PRONOUNS) or NOBODY


def _other_pronoun(article: Article, q: Query) -> Found:
    return NOBODY if q.span.label == "PRON" else None


_ON_PLATFORM = re.compile(r"\b(?:on|via|through)\s+(?:its\s+|his\s+|her\s+|their\s+|the\s+)?$", re.IGNORECASE)


def _platform(article: Article, q: Query) -> Found:
    """ "said on Twitter", "via Telegram": the platform a statement was posted on, no actor."""
    if fold(strip_determiners(q.text)) not in PLATFORMS:
        return None
    return NOBODY if _ON_PLATFORM.search(article.text, max(0, q.start - 16), q.start) else None


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_after_locative(article: Article, q: Query) -> Found:
    """ "positions in <town>": a town or area after a locative preposition is where, not who (a
    country stays a state: "attacks in Iraq" may be on it)."""
    if q.span.label not in ("GPE", "LOC", "FAC", "ORG") or not _LOCATIVE_BEFORE.search(
        article.text, max(0, q.span.start - 12), q.span.start
    ):
        return None
    text = article.text[q.span.start : q.span.end]
    if q.span.label == "ORG" and (
        fold(text) in organisation_lookup() or default_gazetteer().get(text) is None
    ):
        return None  # an organisation, unless the tagger mislabelled a town the gazetteer knows by name
    place = find_place(text)
    return NOBODY if place is not None and place.kind != "country" else None


def _locality(article: Article, q: Query) -> Found:
    return NOBODY if q.span.label != "NOUN" and in_locality(article.text, q.start, q.span.end) else None


def _possessive_title(article: Article, q: Query) -> Found:
    return possessive_title(article, q.span.end, q.inside)


def _armed_forces(article: Article, q: Query) -> Found:
    return armed_forces(article, q.span.end, q.inside)


def _nationality_of_group(article: Article, q: Query) -> Found:
    return group_after(article, q.start, q.span.end, q.inside) if q.span.label in ("NORP", "GPE") else None


def _the_capital(article: Article, q: Query) -> Found:
    if not _CAPITAL.fullmatch(q.text):
        return None
    return capital(article, q.span.start) or NOBODY


def _administration(article: Article, q: Query) -> Found:
    m = _ADMINISTRATION.search(article.text, q.start, q.span.end)
    if m is None or not any(n.actor.kind == "person" for n in q.inside):
        return None
    name = f"{m.group(1)} administration"
    return article.actor(f"org:{fold(name)}", "org", name)


def _named_person(article: Article, q: Query) -> Found:
    return next((n.actor for n in q.heads if n.actor.kind == "person"), None)


def _untagged_person(article: Article, q: Query) -> Found:
    return None if q.inside else untagged_person(article, q.start, q.span.end)


def _office(article: Article, q: Query) -> Found:
    m = _OFFICE.search(article.text, q.start, q.span.end)
    return office(article, q.start, m.start(), resolve_span) if m else None


def _militia(article: Article, q: Query) -> Found:
    return militia(article, q.text) if q.org is None else None


def _backed_group(article: Article, q: Query) -> Found:
    m = BACKED.search(q.text)
    return backed_group(article, m) if m else None


def _titled_person(article: Article, q: Query) -> Found:
    return titled_person(article, q.span.end) if q.span.label == "NOUN" else None


def _described_name(article: Article, q: Query) -> Found:
    return described_name(article, q.start, q.span.end) if q.span.label == "NOUN" else None


def _apposed_name(article: Article, q: Query) -> Found:
    return apposed_name(article, q.start, q.span.end) if q.span.label == "NOUN" else None


def _named_before(article: Article, q: Query) -> Found:
    return named_before(article, q.start, q.span.end) if q.span.label == "NOUN" else None


def _role_holder(article: Article, q: Query) -> Found:
    return role_holder(article, q.start, q.span.end)


def _named_org(article: Article, q: Query) -> Found:
    return q.org


def _lower_case_org(article: Article, q: Query) -> Found:
    """ "the coast guard" the tagger calls an organisation: the one named before whose name has its
    words, not a body of its own."""
    text = article.text[q.start : q.span.end]
    lower_org = q.org is not None and not any(c.isupper() for c in q.org.name)
    if (q.span.label != "ORG" and not lower_org) or any(c.isupper() for c in text):
        return None
    return named_before(article, q.start, q.span.end)


# Nouns of a body inside an organisation that its name plus a lower-case description names ("the UN
# refugee agency", "the UN nuclear watchdog", "the EU executive").
_SUB_BODY = re.compile(
    r"((?:\s+[a-z][a-z'’-]*){0,3}\s+(?:agency|office|watchdog|mission|body|executive))\s*$"
)


def _sub_body(article: Article, q: Query) -> Found:
    """ "the UN food agency": a body of the named organisation, named as written (analysts name
    it so, not by its parent), when lower-case words and a body noun follow the name in the span."""
    head = next((n for n in q.heads if n.actor is q.org), None)
    if head is None or head.start < q.start:
        return None
    m = _SUB_BODY.fullmatch(article.text, head.end, q.span.end)
    if m is None:
        return None
    name = f"{article.text[head.start : head.end]}{m.group(1)}".replace("’", "'")
    return article.actor(f"org:{fold(name)}", "org", name)


def _generic_group(article: Article, q: Query) -> Found:
    return generic_group(article, q.start, q.span.end, q.inside) if q.span.label == "NOUN" else None


def _descriptor(article: Article, q: Query) -> Found:
    head = (re.findall(r"[a-z][a-z'-]*", q.text) or [""])[-1]
    if head not in DESCRIPTOR_HEADS or GOVERNMENT.search(q.text):
        return None
    return descriptor(article, q.span, q.text) or NOBODY


def _untagged_org(article: Article, q: Query) -> Found:
    if q.span.label != "ORG" or q.inside:
        return None
    return named_actor(article, article.text[q.start : q.span.end], "ORG") or NOBODY


def _state_or_descriptor(article: Article, q: Query) -> Found:
    return country_in(article, q.span, q.inside) or descriptor(article, q.span, q.text)


Resolver = Callable[[Article, Query], Found]

# Tried in this order; the first that decides wins.
RESOLVERS: tuple[Resolver, ...] = (
    _person_pronoun,  # "he", "her" -> the person the text last spoke of
    _collective_pronoun,  # "they", "its" -> the last group, organisation or state
    _other_pronoun,  # any other pronoun: no actor
    _platform,  # "Twitter" of "said on Twitter": where it was posted, no actor
    _place_after_locative,  # "positions in <town>": the town is where, no actor
    _locality,  # "(Djugu, Ituri)" after a place: the report's location, no actor
    _possessive_title,  # "Iraq's Prime Minister, Adil Abdul Mahdi" given as "Iraq" -> the person
    _armed_forces,  # "Iraqi soldiers", "US troops" -> the country's forces
    _nationality_of_group,  # "Palestinian" of "two Palestinian youths" -> "Civilians (Palestine)"
    _the_capital,  # "the capital" -> the state whose capital the article last named
    _administration,  # "the Trump administration" -> an org
    _named_person,  # a person named in the span
    _untagged_person,  # a surname the model left untagged -> the person named elsewhere
    _office,  # "Abdul Mahdi's office" -> the office, an org
    _militia,  # "Shiite militias" in an article about "Iranian-backed militias" -> that group
    _backed_group,  # "Iranian-backed militias" -> "Iran-backed militias"
    _titled_person,  # "French Ambassador" of "French Ambassador to Mali Joel Meyer" -> him
    _described_name,  # "French energy company" of "French energy company Total" -> Total
    _role_holder,  # "the US defense secretary" -> the person given that title
    _lower_case_org,  # "the coast guard" tagged ORG -> the coast guard named before
    _sub_body,  # "the UN food agency" -> a body of the UN, as written
    _named_org,  # an organisation, group or outlet named in the span
    _apposed_name,  # "the group, Memorial" -> Memorial
    _named_before,  # "the observatory", "the army" -> the organisation or forces named before
    _generic_group,  # "unidentified gunmen", "rioters", "police" -> "Unidentified Armed Group (Mali)" ...
    _descriptor,  # "a senior US official", "the militias" -> anonymous or earlier actor
    _untagged_org,  # a speaker the tagger gave another label ("Maersk said")
    _state_or_descriptor,  # "the Peruvian government", "Nairobi" -> the state
)


def resolve_span(article: Article, span: Span) -> DocActor | None:
    """The actor the span refers to, by the first resolver that decides; None when none does."""
    query = Query.of(article, span)
    for resolver in RESOLVERS:
        found = resolver(article, query)
        if found is NOBODY:
            return None
        if found is not None:
            return found
    return None
