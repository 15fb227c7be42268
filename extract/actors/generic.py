"""Unnamed group actors of incidents: "unidentified gunmen", "suspected militants", "rioters",
"the security forces of Mali", "three aid workers", "Fulani militia".

A description whose head is a generic agent noun (``lexicons.agents``: derived from the Phoenix
agents dictionary) becomes one group per category and country, named in ACLED's scheme, the one
conflict analysts use: "Unidentified Armed Group (Nigeria)", "Protesters (Chile)", "Rioters (Chile)",
"Civilians (Mali)", "Police Forces of Kenya", "Military Forces of Mali", "Fulani militia (Nigeria)";
without a known country the bare category ("Protesters"). The country is also a "country"
affiliation to the state's actor. An affiliation the text states ("militants
of <group>", "gunmen loyal to <group>") makes the named group the actor, and "the militants" after a
named armed group refer back to it. The country is the one the description names ("Nigerian police",
"forces of Mali"), else the country of the article's event places, else the country it names most.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.forces import POLICE_MEMBERS, named_police
from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.actors.states import armed_forces
from eventgraph.extract.actors.text import sentence_start
from eventgraph.extract.lexicons.agents import CATEGORIES, UNIDENTIFIED, agent_nouns
from eventgraph.extract.lexicons.countries import (
    countries,
    country_adjective,
    country_lookup,
    demonym_lookup,
)
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.numbers import NUMBER_WORDS
from eventgraph.extract.lexicons.roles import role_lookup
from eventgraph.extract.places import find_place
from eventgraph.graph.model import ActorKind

# Categories of people, not armed bodies, whose groups analysts name by their people ("Iraqi protesters").
_PEOPLES = frozenset({"protesters", "rioters", "civilians"})
# What links a group description to the group or state it belongs to ("militants of", "loyal to").
_AFFILIATION = re.compile(
    r"\s*,?\s+(?:of|from|belonging\s+to|loyal\s+to|(?:affiliated|linked|allied|aligned|associated)"
    r"\s+(?:with|to))\s+(?:the\s+)?"
)
# Armed nouns that a capitalised ethnic or communal modifier makes a named militia ("Fulani militia").
_MILITIA_HEADS = frozenset(["militia", "militias", "militiamen", "fighters", "vigilantes", "gunmen"])
_DEFINITE = frozenset(["the", "their", "its", "these", "those"])
# Words inside a span that make its last word no head ("airstrikes against militias").
# Capitalised words that may open a sentence before a country's name ("In Nigeria, ...").
_SENTENCE_OPENERS = frozenset(
    ["in", "on", "at", "from", "across", "near", "and", "but", "the", "of", "inside"]
)
_LINKS = frozenset(["of", "against", "on", "in", "at", "by", "for", "with", "from", "to", "and", "or"])
# Words that qualify a count before its noun ("at least eight people").
_QUALIFIERS = re.compile(
    r"^\s*(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|as\s+many\s+as|"
    r"about|around|nearly|almost|over|some)\s+",
    re.IGNORECASE,
)
# Heads that count the people of an "of" phrase ("hundreds of residents", "members of a clan").
_QUANTITY = frozenset(
    ["hundreds", "thousands", "dozens", "scores", "tens", "members", "crowd", "crowds", "group", "groups"]
)
# Categories whose single member is a person of their own, not the group ("a protester said").
_ONE_PERSON_CATEGORIES = frozenset(["protesters", "rioters"])
_ONE = re.compile(r"(?:^|\W)(?:a|an)\s+$", re.IGNORECASE)
# Singular nouns of a body of people ("a mob"): a group all the same.
_BODIES = frozenset(["mob", "crowd", "rabble", "group", "gang", "band", "throng"])
# Plural nouns of protesters earlier in a sentence, of whom its unnamed "people" are ("..., killing 18
# people").
_PROTESTERS_BEFORE = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers)\b")
# The word a state's force is named by after its country ("Kenya police").
_FORCE_WORD = {"police": "police", "military": "military"}
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def generic_group(article: Article, start: int, end: int, inside: list[Named]) -> DocActor | None:
    """The group actor a generic description names, or None when its head is no agent noun."""
    raw = _QUALIFIERS.sub("", article.text[start:end])
    words = re.findall(r"[A-Za-z][\w'’-]*", raw)
    low = [w.lower().replace("’", "'") for w in words]
    if _LINKS.intersection(low):
        return None
    if len(low) > 1 and low[-1] in ("members", "member"):
        words, low = words[:-1], low[:-1]  # "gang members": the gang
    counted = _counted(article, start, end, inside) if low and low[-1] in _QUANTITY else None
    if counted is not None:
        return counted
    found = _agent_noun(low)
    if (found is None or found[1] == "police") and " ".join(low[-2:]) in POLICE_MEMBERS | {low[-1]}:
        body = _affiliated(article, end) or named_police(article, start)
        if body is not None and body.kind in ("org", "group"):
            return body  # "officers from Riverside County Police", "police" after that body is named
    if found is None:
        return None
    size, category = found
    noun = " ".join(low[-size:])
    if noun in role_lookup():
        return None  # "the minister", "a commander": a title, for the role resolvers
    mods, mod_words = low[:-size], words[:-size]
    if category in _ONE_PERSON_CATEGORIES and _one_of(article, start, low):
        # "a protester in Moscow told the AP": one unnamed person, no group
        return article.actor(f"person:{fold(noun)}:{start}", "person", noun, anonymous=True)
    if category == "civilians" and UNIDENTIFIED.intersection(mods):
        category = "armed"  # "unknown men", "armed youths"
    if category == "armed":
        group = (
            _affiliated(article, end)
            or _earlier_group(article, start, mods)
            or _only_group(article, start, low, mods)
        )
        if group is not None:
            return group
    if category == "civilians" and _counted_only(mods) and _after_protesters(article, start):
        category = "protesters"  # "fired on protesters, killing 18 people": the people are those protesters
    own = _own_country(mods, inside)
    if own and category in ("police", "military", "armed"):
        return None  # "Israel's army", "Sudanese militias": a nation's forces or fighters, as written
    code = own or _country_after(article, end) or article_country(article)
    modifier = _ethnic_modifier(mod_words) if category == "armed" else None
    if modifier and (modifier.isupper() or noun.split()[-1] not in _MILITIA_HEADS):
        return article.actor(f"group:{fold(modifier)}", "group", modifier)  # "ISWAP fighters": the group
    if modifier:  # "Fulani militia", "Druze fighters": a community's armed men, as written
        return _group(article, "militia", code, f"{modifier} {words[-1]}")
    return _group(article, category, code)


def _counted_only(mods: list[str]) -> bool:
    """Whether a description's modifiers only count it ("18 people", "the two men"), not qualify it."""
    return all(m.replace(",", "").isdigit() or m in NUMBER_WORDS or m in _DEFINITE for m in mods)


def _after_protesters(article: Article, start: int) -> bool:
    """Whether the sentence speaks of protesters before the description starts."""
    return _PROTESTERS_BEFORE.search(article.low, sentence_start(article.text, start), start) is not None


def _one_of(article: Article, start: int, low: list[str]) -> bool:
    """Is the description one person: "a protester" (a singular noun after "a"), not "a mob"?"""
    if not low or low[-1].endswith("s") or low[-1] in _BODIES:
        return False
    return low[0] in ("a", "an") or _ONE.search(article.text[max(0, start - 5) : start]) is not None


def _counted(article: Article, start: int, end: int, inside: list[Named]) -> DocActor | None:
    """ "hundreds of residents", "members of two clans": the group the "of" phrase names."""
    m = re.match(r"\s+of\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)\b", article.text[end : end + 60])
    if m is None:
        return None
    for size in range(len(m.group(1).split()), 0, -1):
        phrase = " ".join(m.group(1).split()[:size])
        tail = end + m.start(1) + len(phrase)
        if _agent_noun([w.lower() for w in phrase.split()][-3:]) is not None:
            start = end + m.start(1)
            found = generic_group(article, start, tail, inside)
            # "a group of Freedonian soldiers": a nation's forces, as written
            of = [n for n in article.named if start <= n.start and n.end <= tail]
            return found or armed_forces(article, tail, of)
    return None


def group_after(article: Article, start: int, end: int, inside: list[Named]) -> DocActor | None:
    """A nationality given alone whose phrase goes on with an agent noun ("Palestinian" of "two
    Palestinian youths"): the group of the whole phrase."""
    m = re.match(r"(?:\s+[A-Za-z][\w'’-]*){1,3}", article.text[end : end + 60])
    if m is None:
        return None
    words = m.group(0).split()
    for size in range(len(words), 0, -1):
        if _agent_noun([w.lower() for w in words[:size]]) is not None:
            tail = re.match(r"(?:\s+[A-Za-z][\w'’-]*){" + str(size) + "}", article.text[end:])
            assert tail is not None
            return generic_group(article, start, end + tail.end(), inside)
    return None


def _agent_noun(low: list[str]) -> tuple[int, str] | None:
    """(number of words, category) of the longest agent noun that ends the description."""
    nouns = agent_nouns()
    for size in (3, 2, 1):
        if len(low) >= size and " ".join(low[-size:]) in nouns:
            return size, nouns[" ".join(low[-size:])]
    return None


def _group(article: Article, category: str, code: str | None, modifier: str | None = None) -> DocActor:
    """One group per category, modifier and country, named with its country as ACLED names it
    ("Rioters (Chile)", "Police Forces of Kenya"; the bare category without one) and tied to the
    country's state actor by a "country" affiliation."""
    bare = CATEGORIES[category].format(group=modifier or "")
    kind: ActorKind = "org" if category in ("police", "military") else "group"
    country = countries().get(code, code) if code else None
    name = bare if country is None else f"{bare} of {country}" if kind == "org" else f"{bare} ({country})"
    people = country_adjective(code) if category in _PEOPLES and not modifier and code else None
    acled = None
    if people:  # "Chilean protesters (Chile)": as news analysts write them, and with ACLED's words
        name, acled = f"{people} {bare.lower()} ({country})", name
    elif kind == "org" and country:
        # "Kenya police", "Mali military": words both of ACLED's "Police Forces of Kenya" and of a
        # country's own body as news names it ("Kenya Police Service"), so either gold takes it
        name, acled = f"{country} {_FORCE_WORD[category]}", name
    actor = article.actor(f"{category}:{fold(modifier or '')}:{code or ''}", kind, name)
    if acled:
        actor.names.setdefault(acled, 0)  # an alias, never the name
    if code and country:
        state = article.actor(f"gpe:{code}", "gpe", country)
        if ("country", state) not in actor.roles:
            actor.roles.append(("country", state))
    return actor


def _affiliated(article: Article, end: int) -> DocActor | None:
    """The named group after "of", "loyal to", "affiliated with" ... that the description belongs to."""
    m = _AFFILIATION.match(article.text, end)
    if m is None:
        return None
    named = next((n for n in article.named if n.start == m.end()), None)
    if named is not None:
        return named.actor if named.actor.kind in ("group", "org") else None
    name = _CAPITALISED.match(article.text, m.end())  # a name the tagger missed ("of the M23 movement")
    if name is None or _country_code(name.group(0).split()) or find_place(name.group(0)) is not None:
        return None
    return article.actor(f"group:{fold(name.group(0))}", "group", name.group(0))


def _earlier_group(article: Article, start: int, mods: list[str]) -> DocActor | None:
    """ "the militants" after "Al-Shabaab militants", "the group's fighters": the armed group the
    article last named."""
    possessor = bool(mods) and mods[0].endswith("'s") and mods[0][:-2] in ("group", "movement", "militia")
    if not possessor and (not mods or mods[0] not in _DEFINITE or UNIDENTIFIED.intersection(mods)):
        return None
    groups = [n.actor for n in article.named if n.end <= start and n.actor.kind == "group"]
    return groups[-1] if groups else None


def _only_group(article: Article, start: int, low: list[str], mods: list[str]) -> DocActor | None:
    """Bare "insurgents", "militants" in an article that named one armed group before them, and no
    other: that group's fighters (never "unidentified gunmen", nor "Sudanese militants")."""
    if UNIDENTIFIED.intersection(low) or any(m not in _DEFINITE and not m.isdigit() for m in mods):
        return None
    groups = {n.actor.key: n.actor for n in article.named if n.actor.kind == "group"}
    if len(groups) != 1:
        return None
    first = min(n.start for n in article.named if n.actor.kind == "group")
    return next(iter(groups.values())) if first < start else None


def _own_country(mods: list[str], inside: list[Named]) -> str | None:
    """The country the description names: "Nigerian police", "Kenya's security forces"."""
    for n in inside:
        if n.actor.kind == "gpe" and n.actor.key.startswith("gpe:") and len(n.actor.key) == 6:
            return n.actor.key[4:]
    for word in mods:
        word = word.removesuffix("'s")
        code = demonym_lookup().get(word) or country_lookup().get(word)
        if code:
            return code
    return None


def _country_after(article: Article, end: int) -> str | None:
    """ "the security forces of Mali": the country named after the description."""
    m = _AFFILIATION.match(article.text, end)
    if m is None:
        return None
    after = _CAPITALISED.match(article.text, m.end())
    return country_lookup().get(fold(after.group(0))) if after else None


def _ethnic_modifier(mod_words: list[str]) -> str | None:
    """A capitalised modifier that is no country, demonym or sentence start: "Fulani", "Dozo"."""
    caps = [w for w in mod_words if w[:1].isupper() and w.lower() not in UNIDENTIFIED]
    if not caps:
        return None
    word = caps[-1]
    key = fold(word)
    if key in demonym_lookup() or key in country_lookup():
        return None
    return word


def article_country(article: Article) -> str | None:
    """The country the article's events happen in: the country it names most often by name (a name
    inside a longer one, "Lake Chad", does not count), else that of its event places, else the
    one it names most by demonym; None when there is none."""
    if article.named_countries is None:
        article.named_countries = _counts(article.text, _country_names(), country_lookup())
        article.demonym_countries = _counts(article.text, _demonyms(), demonym_lookup())
    for counts in (article.named_countries, article.place_countries, article.demonym_countries):
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _counts(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> Counter[str]:
    """Country codes of the capitalised names ``pattern`` finds, by frequency."""
    counts: Counter[str] = Counter()
    for m in pattern.finditer(text):
        before = re.search(r"([A-Za-z][\w'’-]*)\s+$", text[max(0, m.start() - 30) : m.start()])
        if not m.group(0)[:1].isupper():
            continue
        if before and before.group(1)[:1].isupper() and before.group(1).lower() not in _SENTENCE_OPENERS:
            continue  # "Lake Chad", "New Mexico": a longer name
        code = table.get(fold(m.group(0)))
        if code:
            counts[code] += 1
    return counts


@cache
def _country_names() -> re.Pattern[str]:
    return _alternation(country_lookup())


@cache
def _demonyms() -> re.Pattern[str]:
    return _alternation(demonym_lookup())


def _alternation(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted((k for k in table if len(k) > 2 or k in ("us", "uk")), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])", re.IGNORECASE)


def _country_code(words: list[str]) -> str | None:
    key = fold(" ".join(words)).removesuffix("'s")
    return country_lookup().get(key) or demonym_lookup().get(key)


def unclaimed_attacker(article: Article, country: str | None = None) -> DocActor:
    """The agent of an attack no one is said to have made ("a bomb exploded", "an IED targeted"):
    as analysts file it, the unidentified armed group of the event's country, else the article's."""
    return _group(article, "armed", country or article_country(article))


def protesting(article: Article, actor: DocActor, trigger: str = "") -> DocActor:
    """The agent of a protest: civilians who protest are protesters ("hundreds of farmers protested"),
    those who riot are rioters ("angry youths rioted")."""
    category, modifier, code = [*actor.key.split(":"), "", ""][:3]
    if category != "civilians" or modifier:
        return actor
    return _group(article, "rioters" if trigger.lower().startswith("riot") else "protesters", code or None)
