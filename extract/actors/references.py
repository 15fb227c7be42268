"""Descriptions that point at a name next to them or before them: "the group, Memorial" (a name in
apposition), "UN Special Envoy for Yemen Hans Grundberg" (a title followed by its holder's name), and
"the observatory", "the ministry", "the army" (a definite noun naming an actor the article named)."""

from __future__ import annotations

import re

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.forces import FORCE_WORDS
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.actors.names import named_actor
from eventgraph.extract.lexicons.agents import agent_nouns
from eventgraph.extract.lexicons.descriptors import CONTAINER_HEADS, ORG_NOUNS
from eventgraph.extract.lexicons.function_words import BACK_DETS
from eventgraph.extract.lexicons.roles import role_lookup
from eventgraph.extract.lexicons.time import MONTHS, WEEKDAYS

# ", Memorial," / ", Memorial." after a description: a capitalised name closing the phrase.
_APPOSED = re.compile(
    r",\s+((?:[A-Z][\w'’.&-]*)(?:\s+(?:of|for|the|and|[A-Z][\w'’.&-]*)){0,5})\s*(?=[,.;:]|$)"
)
# What may stand between a title and its holder's name: "for Yemen", "to Mali", "of Iraq".
_TITLE_GAP = re.compile(
    r"(?:\s+(?:to|for|of|in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}?)?,?\s+"
)
# Heads of descriptions of an organisation, which a name in apposition may follow.
_BODIES = (
    CONTAINER_HEADS
    | ORG_NOUNS
    | {
        *("organisation", "organization", "monitor", "company", "firm", "outlet", "body", "party", "charity"),
        *("watchdog", "union", "council", "committee", "office", "department", "service", "ngo"),
    }
)
# Words of the forces' names a bare "the army" refers back to.
_FORCES_WORDS = frozenset(["army", "military", "forces", "troops", "soldiers", "police", "idf"])


def apposed_name(article: Article, start: int, end: int) -> DocActor | None:
    """ "the group, Memorial, said": an unnamed description followed by the name of what it describes
    (an organisation, never a person or a place)."""
    words = article.low[start:end].split()
    if not words or len(words) > 3 or not article.text[start:end].split()[-1][:1].islower():
        return None
    if words[-1] not in _BODIES:
        return None  # "two civilians, Ahmed and Ali": people, not an organisation's name
    m = _APPOSED.match(article.text, end)
    if m is None:
        return None
    name_start = m.start(1)
    named = next((n for n in article.named if n.start == name_start), None)
    if named is not None:
        return named.actor if named.actor.kind in ("org", "group", "media") else None
    return named_actor(article, m.group(1), "ORG")


def titled_person(article: Article, end: int) -> DocActor | None:
    """ "French Ambassador to Mali Joel Meyer" given as "French Ambassador": the person
    whose name follows the title."""
    last = re.search(r"([a-z][a-z'-]*)\s*$", article.low[max(0, end - 40) : end])
    if last is None or last.group(1) not in role_lookup():
        return None
    gap = _TITLE_GAP.match(article.text, end)
    if gap is None:
        return None
    return next((p[2] for p in article.people if p[0] == gap.end()), None)


def named_before(article: Article, start: int, end: int) -> DocActor | None:
    """ "the observatory", "the ministry", "the army": a definite noun, or a bare one, that is a word
    of the name of an organisation or group the article named before (for "the army": its forces)."""
    words = re.findall(r"[a-z][a-z'-]*", article.low[start:end])
    if not words or len(words) > 3 or not article.text[start:end].split()[-1][:1].islower():
        return None
    compound = _compound_named_before(article, start, words)
    if compound is not None or len(words) > 2:
        return compound
    if len(words) == 2 and words[0] not in BACK_DETS:
        return _its_forces(article, start, words)
    head = words[-1]
    wanted = {head} | (_FORCES_WORDS if agent_nouns().get(head) in ("military", "police") else set())
    for actor in reversed(_before(article, start)):
        name_words = set(re.findall(r"[a-z]+", actor.name.lower()))
        if actor.kind in ("org", "group", "media") and wanted & name_words:
            return actor
    return None


def _compound_named_before(article: Article, start: int, words: list[str]) -> DocActor | None:
    """ "the coast guard", "the foreign ministry": a definite two-word noun both of whose words are
    words of the name of an organisation the article named before (the last such)."""
    head = words[1:] if words[0] in BACK_DETS else words
    definite = words[0] in BACK_DETS or article.low[max(0, start - 4) : start] == "the "
    if len(head) != 2 or not definite:
        return None
    for actor in reversed(_before(article, start)):
        name_words = set(re.findall(r"[a-z]+", actor.name.lower()))
        if actor.kind in ("org", "group", "media") and set(head) <= name_words:
            return actor
    return None


def _before(article: Article, start: int) -> list[DocActor]:
    """Non-person actors named or resolved before ``start``, in text order."""
    found = [(n.start, n.actor) for n in article.named if n.end <= start]
    found += [(s, a) for s, e, a in article.others if e <= start]
    return [a for _, a in sorted(found, key=lambda f: f[0])]


def _its_forces(article: Article, start: int, words: list[str]) -> DocActor | None:
    """ "coalition warplanes", "coalition forces": the forces or aircraft of the organisation named
    before whose name holds the modifier ("the Saudi-led coalition")."""
    modifier, head = words
    if head not in FORCE_WORDS and agent_nouns().get(head) != "military":
        return None
    for actor in reversed(_before(article, start)):
        if actor.kind in ("org", "group") and modifier in re.findall(r"[a-z]+", actor.name.lower()):
            return actor
    return None


# Heads of a description that a company's or organisation's name may follow without a comma
# ("French energy company Total", "the mining firm Acme"): the name is what the phrase describes.
_COMPANY_HEADS = frozenset(
    [
        *("company", "firm", "giant", "operator", "producer", "maker", "manufacturer", "contractor"),
        *("conglomerate", "insurer", "retailer", "carrier", "airline", "lender", "bank", "charity"),
    ]
)
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,3})")


def described_name(article: Article, start: int, end: int) -> DocActor | None:
    """ "French energy company Total" given as "French energy company": the organisation whose name
    follows the description (never a weekday or month, which a date puts there)."""
    words = re.findall(r"[a-z][a-z'-]*", article.low[start:end])
    if not words or words[-1] not in _COMPANY_HEADS:
        return None
    m = _NAME_AFTER.match(article.text, end)
    if m is None or m.group(1).split()[0].lower() in WEEKDAYS or m.group(1).split()[0].lower() in MONTHS:
        return None
    named = next((n for n in article.named if n.start == m.start(1)), None)
    if named is not None:
        return named.actor if named.actor.kind in ("org", "group", "media") else None
    actor = named_actor(article, m.group(1), "ORG")
    return actor if actor is not None and actor.kind in ("org", "group", "media") else None
