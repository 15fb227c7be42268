"""States as actors: a country by name, capital or "<Demonym> government", and its armed forces."""

from __future__ import annotations

import itertools
import re

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.actors.text import strip_determiners
from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.countries import capital_lookup, countries, country_lookup, demonym_lookup
from eventgraph.extract.lexicons.descriptors import (
    FORCES_MODIFIERS,
    FORCES_NOUNS,
    GOVERNMENT_NOUNS,
    PERSON_NOUNS,
)
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.roles import role_lookup
from eventgraph.extract.resolve.names import strip_possessive

GOVERNMENT = re.compile(r"\b(" + "|".join(GOVERNMENT_NOUNS) + r")\b")
# Words after a demonym or country that make the phrase a state's armed forces ("Iraqi soldiers").
_FORCES = re.compile(
    r"(?:"
    + "|".join(m + r"\s+" for m in FORCES_MODIFIERS)
    + r")?(?:"
    + "|".join(n.replace(" ", r"\s+") for n in FORCES_NOUNS)
    + r")\b"
)


def armed_forces(article: Article, end: int, inside: list[Named]) -> DocActor | None:
    """ "Iraqi soldiers", "US troops", "Iraq's security forces": a state's armed forces, one actor
    per country, not the state itself (nor a person when a rank or title follows)."""
    low = article.low
    gpes = [n for n in inside if n.actor.kind == "gpe" and n.actor.key.startswith("gpe:")]
    if not gpes:
        return None
    n = gpes[-1]
    gap = re.match(r"(?:'s|')?\s+", low[n.end : n.end + 4])
    if gap is None:
        return None
    m = _FORCES.match(low, n.end + gap.end())
    if m is None or (m.start() >= end and n.end < end - 1):
        return None
    following = re.match(r"\s+([a-z]+)", low[m.end() : m.end() + 20])
    if following and (following.group(1) in PERSON_NOUNS or following.group(1) in role_lookup()):
        return None
    code = n.actor.key.split(":", 1)[1]
    return article.actor(f"forces:{code}", "org", _as_written(article, n, m.start(), m.end()))


def coordinated_forces(article: Article, start: int, end: int) -> list[DocActor]:
    """ "Indian and Pakistani troops": the forces of every state joined by "and" before the force noun
    but the last (which ``armed_forces`` gives), each named with the shared noun ("Indian troops")."""
    gpes = [n for n in article.named if start <= n.start and n.end <= end and n.actor.key.startswith("gpe:")]
    if len(gpes) < 2:
        return []
    last = gpes[-1]
    gap = re.match(r"(?:'s|')?\s+", article.low[last.end : last.end + 4])
    noun = _FORCES.match(article.low, last.end + gap.end()) if gap else None
    if noun is None or noun.end() > end:
        return []
    out = []
    for first, second in itertools.pairwise(gpes):
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", article.low[first.end : second.start]):
            return []
        code = first.actor.key.split(":", 1)[1]
        out.append(
            article.actor(f"forces:{code}", "org", _as_written(article, first, noun.start(), noun.end()))
        )
    return out


def _as_written(article: Article, country: Named, start: int, end: int) -> str:
    """The forces' name as the text writes it ("Pakistani troops", "Kenya's security forces"): news
    analysts file a state's forces under the article's own words, so its first wording is the name
    (one soldier stands for the troops: "a Chilean soldier" -> "Chilean soldiers")."""
    modifier = strip_determiners(article.text[country.start : country.end])
    possessive = re.match(r"['’]s?", article.text[country.end : country.end + 2])
    noun = re.sub(r"\s+", " ", article.low[start:end])
    if noun == "soldier":
        noun = "soldiers"
    return f"{modifier}{possessive.group(0) if possessive else ''} {noun}"


def capital(article: Article, start: int) -> DocActor | None:
    """ "the capital" as an actor: the government of the country whose capital the article last
    named (as a place it is left to the place resolver)."""
    for n in reversed(article.named):
        if n.end <= start and n.actor.kind == "gpe":
            key = fold(strip_possessive(article.text[n.start : n.end]))
            if key in capital_lookup():
                return n.actor
    return None


def country_in(article: Article, span: Span, inside: list[Named]) -> DocActor | None:
    """A country named by itself, by its capital or as "<Demonym> government" is the state as actor."""
    gpes = [n for n in inside if n.actor.kind == "gpe"]
    if gpes:
        heads = [n for n in gpes if not n.possessive]
        return (heads or gpes)[-1].actor
    low = article.low[span.start : span.end]
    words = re.findall(r"[a-z.]+", low)
    if words and words[-1] in ("north", "south", "east", "west") and len(words) <= 2:
        return _divided_country(article, span.start, words[-1])
    for word in words:
        code = country_lookup().get(word) or capital_lookup().get(word)
        if code and GOVERNMENT.search(low) is None and len(words) <= 2:
            return article.actor(f"gpe:{code}", "gpe", countries()[code])
        code = code or demonym_lookup().get(word)
        if code and GOVERNMENT.search(low):
            return article.actor(f"gpe:{code}", "gpe", countries()[code])
    return None


def _divided_country(article: Article, start: int, compass: str) -> DocActor | None:
    """ "the North" after "North Korea": the country named earlier whose name opens with the word."""
    for n in reversed(article.named):
        if n.end <= start and n.actor.kind == "gpe" and n.actor.name.lower().startswith(compass + " "):
            return n.actor
    return None


def country_key(article: Article, start: int, end: int) -> str | None:
    """The key of the organisation or state a phrase names ("the US defense secretary" -> gpe:US)."""
    for n in article.named:
        if start <= n.start and n.end <= end and n.actor.kind != "person":
            return n.actor.key
    for word in re.findall(r"[a-z.]+", article.low[start:end]):
        code = country_lookup().get(word) or demonym_lookup().get(word)
        if code:
            return f"gpe:{code}"
    return None
