"""ACLED's name for a state's forces, kept as an alias of the forces as the text names them.

News names a state's forces as written ("Iraqi forces", "Mexican army soldiers", "the Nigerian
police"); conflict analysts file them as "Military Forces of Iraq" / "Police Forces of Nigeria".
The written name stays the actor's name (news readers and the news gold use it); the analysts'
name becomes an alias so that both match. The category comes from the agent-noun lexicon
(derived from the Phoenix agents dictionary), the country from the demonym or country word the
name opens with.
"""

from __future__ import annotations

import re

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.lexicons.agents import CATEGORIES, agent_nouns
from eventgraph.extract.lexicons.countries import countries, country_lookup, demonym_lookup
from eventgraph.extract.lexicons.folding import fold

# Categories of a state's own forces, as agent nouns file them.
_STATE_FORCES = ("military", "police")
# Words of a state's forces that the agent lexicon files under no force ("forces", "jets").
FORCE_WORDS = {
    "forces": "military",
    "security forces": "military",
    "armed forces": "military",
    "military": "military",
    "jets": "military",
    "warplanes": "military",
    "aircraft": "military",
    "military aircraft": "military",
}


def add_forces_alias(actor: DocActor) -> None:
    """Give a state's forces named as written ("Mexican army soldiers") the analysts' name
    ("Military Forces of Mexico") as an alias; leave any other actor as it is."""
    if actor.kind not in ("org", "group"):
        return
    found = forces_name(actor.name)
    if found is not None and found != actor.name:
        actor.names.setdefault(found, 0)


def forces_name(name: str) -> str | None:
    """ "Military Forces of Mexico" for "Mexican army soldiers", "Iraqi forces", "Kenya's police";
    None when the name is no country word followed by a noun of its forces."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", name)
    for size in (2, 1):
        if len(words) <= size:
            continue
        key = fold(" ".join(words[:size])).removesuffix("'s").removesuffix("’s")
        code = country_lookup().get(key) or demonym_lookup().get(key)
        if code is None:
            continue
        rest = " ".join(w.lower() for w in words[size:])
        category = _category(rest)
        if category is None or code not in countries():
            return None
        return f"{CATEGORIES[category]} of {countries()[code]}"
    return None


def _category(rest: str) -> str | None:
    """The force category of the words after the country: the longest known noun they end with."""
    parts = rest.split()
    nouns = agent_nouns()
    for size in range(len(parts), 0, -1):
        tail = " ".join(parts[-size:])
        category = FORCE_WORDS.get(tail) or nouns.get(tail)
        if category in _STATE_FORCES:
            return category
    return None


# Last words of the names of police bodies ("Riverside County Police", "the National Police Service").
_POLICE_NAME = re.compile(r"\b(?:police(?:\s+(?:service|force))?|constabulary|gendarmerie)$", re.IGNORECASE)
# Bare nouns of police members that, in an article naming a police body, are its officers.
POLICE_MEMBERS = frozenset(["officers", "officer", "police", "policemen", "police officers", "detectives"])


def named_police(article: Article, start: int) -> DocActor | None:
    """ "police", "officers" in an article that names a police body ("Riverside County Police") refer
    to that body: the one named last before the mention, else the first named after it."""
    bodies = [
        n for n in article.named if n.actor.kind in ("org", "group") and _POLICE_NAME.search(n.actor.name)
    ]
    before = [n for n in bodies if n.end <= start]
    if before:
        return before[-1].actor
    return bodies[0].actor if bodies else None
