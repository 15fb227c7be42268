"""Titles and names that refer to a person the article named: "the US defense secretary",
"Iraq's acting Prime Minister, Adil Abdul Mahdi", an untagged surname, "X's office"."""

from __future__ import annotations

import re
from collections.abc import Callable

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor, Named, holds
from eventgraph.extract.actors.states import country_key
from eventgraph.extract.actors.text import strip_det
from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.countries import country_demonym
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.roles import ROLE_QUALIFIERS, role_lookup, role_pattern
from eventgraph.extract.lexicons.titles import HONORIFICS
from eventgraph.extract.resolve.names import person_tokens, same_person, strip_possessive


def possessive_title(article: Article, end: int, inside: list[Named]) -> DocActor | None:
    """ "Iraq's acting Prime Minister, Adil Abdul Mahdi" or "a Pentagon spokesperson, Cmdr. X" given
    as the span "Iraq"/"Pentagon": a country or organisation (possessive or as a modifier) followed by
    a title names the title's holder, the person in apposition when there is one, else the person
    the article gave that title."""
    low = article.low
    owner = next((n for n in reversed(inside) if n.actor.kind != "person"), None)
    if owner is None or owner.end < end - 3:
        return None
    tail = re.match(r"(?:'s|')?\s+", low[owner.end : owner.end + 4])
    if tail is None:
        return None
    pos = owner.end + tail.end()
    role = next(iter(role_pattern().finditer(low, pos, min(len(low), pos + 80))), None)
    if role is None or any(w not in ROLE_QUALIFIERS for w in low[pos : role.start()].split()):
        return None
    after = low[role.end() : role.end() + 3]
    if after.startswith(("'s", "' ")) or re.match(r"[a-z]", after):
        return None  # "Iraq's prime minister's office", or a longer word
    gap = re.match(r"\s*,?\s*", low[role.end() :])
    near = role.end() + (gap.end() if gap else 0)
    for p_start, _, actor in article.people:
        between = low[near:p_start].split()
        if near <= p_start <= near + 30 and all(fold(w) in HONORIFICS for w in between):
            return actor
    return role_holder(article, owner.start, role.end())


def role_holder(article: Article, start: int, end: int) -> DocActor | None:
    """ "the US defense secretary", "Iraq's acting Prime Minister" -> the person the article
    gave that title, the last one named before the span, else the first named after it."""
    low = article.low[start:end]
    hits = list(role_pattern().finditer(low))
    if not hits:
        return None
    m = hits[-1]
    if low[m.end() :].strip() and not re.match(r"\s+(of|at|for)\b", low[m.end() :]):
        return None
    role = role_lookup()[m.group(1)]
    country = country_key(article, start, end)
    holders = [a for a in article.actors if a.kind == "person" and holds(a, role, country)]
    if country is not None and not country.startswith("gpe:"):
        # "a Foreign Office spokesman": a holder filed for that organisation, not any spokesman
        holders = [a for a in holders if any(r == role and o is not None for r, o in a.roles)]
    if not holders:
        return None
    before = [p for p in article.people if p[2] in holders and p[0] < start]
    if before:
        return before[-1][2]
    after = [p for p in article.people if p[2] in holders]
    return after[0][2] if after else holders[0]


def untagged_person(article: Article, start: int, end: int) -> DocActor | None:
    """A capitalised name the model left untagged ("Taeb") that is the name, or the surname, of a
    person the article names elsewhere: the nearest such person before the span."""
    words = person_tokens(article.text[start:end])
    if not words or not all(w[:1].isupper() for w in words):
        return None
    matches = [p for p in article.people if same_person(words, p[2].tokens)]
    before = [p for p in matches if p[0] < start]
    return (before or matches)[-1 if before else 0][2] if matches else None


def office(
    article: Article, start: int, possessor_end: int, resolve: Callable[[Article, Span], DocActor | None]
) -> DocActor:
    """ "Abdul Mahdi's office", "the Iraqi prime minister's office" -> the office, an org; the
    possessor is resolved with ``resolve`` when no person is named in it."""
    text = article.text
    named = [n.actor for n in article.named if n.start < possessor_end and start < n.end]
    holder = next((a for a in named if a.kind == "person"), None) or resolve(
        article, Span(text[start:possessor_end], start, possessor_end, "NOUN")
    )
    if holder is not None and holder.kind == "person":
        title = next(((r, o) for r, o in holder.roles if o is not None and o.kind == "gpe"), None)
        if title is not None and title[1] is not None:
            demonym = country_demonym().get(title[1].key.split(":", 1)[1])
            name = f"Office of the {demonym} {title[0]}" if demonym else f"Office of the {title[0]}"
            return article.actor(f"office:{fold(name)}", "org", name)
        written = strip_possessive(text[start:possessor_end]).replace("\xa0", " ")
        return article.actor(f"office:{holder.key}", "org", f"{strip_det(written)}'s office")
    possessor = text[start:possessor_end]
    return article.actor(f"office:{fold(possessor)}", "org", f"{strip_possessive(possessor)} office")
