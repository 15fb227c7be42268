"""Finding names: NER entities and lexicon names of one article become its named actors.

Persons are clustered by name form (a surname joins the full name it ends); the small
model's mislabels are corrected: news outlets tagged PERSON, persons tagged GPE or ORG,
given names left out of a PERSON entity.
"""

from __future__ import annotations

import re

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.actors.text import strip_determiners
from eventgraph.extract.lexicons.countries import capital_lookup, countries, country_lookup, demonym_lookup
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.function_words import NOT_GIVEN_NAMES
from eventgraph.extract.lexicons.media import (
    MEDIA_APPOSITION_NOUNS,
    MEDIA_NAME_FOLLOWERS,
    MEDIA_NAME_WORDS,
    PUBLISHING_VERBS,
)
from eventgraph.extract.lexicons.organisations import GROUPISH_WORDS, organisation_lookup
from eventgraph.extract.lexicons.places import LANDMARK_HEADS, ORGANISATION_HEADS
from eventgraph.extract.lexicons.roles import ROLE_QUALIFIERS, role_lookup
from eventgraph.extract.lexicons.speech import SPEAKER_VERBS
from eventgraph.extract.lexicons.titles import HONORIFICS, NOT_PERSON_CUES
from eventgraph.extract.places import find_place
from eventgraph.extract.resolve.names import acronym_definitions, person_tokens, same_person, strip_possessive
from eventgraph.graph.model import ActorKind

_PUBLISHED = "|".join(PUBLISHING_VERBS)
# One item of a bracketed location: capitalised words, with "-" and "of" ("Jammu", "Al-Hasakeh").
_LOCALITY_ITEM = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|del|de|la|al|el|ez|es))*")
# A name in a media context: "X reported", "X, the media outlet of ...", "X news agency", "told X TV".
_MEDIA_CONTEXT_AFTER = re.compile(
    r"(?:\s*+,\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(MEDIA_APPOSITION_NOUNS) + r")\b|"
    r"\s++(?:" + "|".join(MEDIA_NAME_FOLLOWERS) + "|" + _PUBLISHED + r")\b)"
)
_SPEAKER_AFTER = re.compile(r"\s+(?:" + "|".join(SPEAKER_VERBS) + r")\b")
_PUBLISHED_END = re.compile(r"(?:" + _PUBLISHED + r")$")
# A coalition named by its leader ("the Saudi-led coalition", "a US-led mission"): an organisation of
# its own, which "the coalition" and "coalition warplanes" then refer back to.
_LED = re.compile(
    r"\b([A-Z][\w.]*(?:-[A-Z][\w.]*)?)-led\s+(coalition|alliance|mission|force|bloc|operation)\b"
)
# Non-ASCII letters that re.IGNORECASE matches to ASCII ones (İ ı ſ and the Kelvin sign).
_CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


def register(article: Article, entities: list[tuple[int, int, str]]) -> None:
    """Register the article's lexicon names, then its NER entities, as named actors."""
    for start, end, name, kind in lexicon_hits(article.text):
        if _inside_longer_name(article.text, entities, start, end):
            continue  # "Congress" of "the X Congress of Trade Unions": a name of its own
        article.add_named(start, end, article.actor(f"canon:{name}", kind, name), "ORG")
    for m in _LED.finditer(article.text):
        if not article.taken(m.start(), m.end()):
            name = f"{m.group(1)}-led {m.group(2).lower()}"
            article.add_named(m.start(), m.end(), article.actor(f"org:{fold(name)}", "org", name), "ORG")
    persons: list[tuple[int, int, list[str]]] = []
    people = article.known_people + [
        person_tokens(article.text[s:e]) for s, e, label in entities if label == "PERSON"
    ]
    outlets = _outlets(article, entities, people)
    for start, end, label in entities:
        if article.taken(start, end) or article.inside_role(start, end):
            continue
        if in_locality(article.text, start, end):
            continue  # "in Tafas (Daraa, Southern)": the places of a report's location, no actor
        outlet = strip_possessive(article.text[start:end])
        if label in ("PERSON", "ORG") and outlet in outlets:
            article.add_named(start, end, article.actor(f"media:{fold(outlet)}", "media", outlet), "ORG")
            continue
        if label in ("ORG", "GPE", "NORP") and _mislabelled_person(article, start, end, people):
            label = "PERSON"
        if label == "PERSON":
            start = _extend_left(article, start)
            words = person_tokens(article.text[start:end])
            if words and not is_place_word(" ".join(words)):
                persons.append((start, end, words))
        elif label in ("ORG", "GPE", "NORP"):
            actor = _state_body(article, start, end) if label == "ORG" else None
            actor = actor or named_actor(article, article.text[start:end], label)
            if actor is not None:
                article.add_named(start, end, actor, label)
    _register_people(article, persons)
    article.named.sort(key=lambda n: n.start)
    article.people.sort(key=lambda p: p[0])


def _inside_longer_name(text: str, entities: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether a lexicon name is a word of a longer organisation's name the tagger gives: the
    entity adds capitalised words that are no place, demonym or title ("the Zambia Congress of
    Trade Unions", "Indian National Congress"), not just "the" or a country ("Lebanese Hezbollah")."""
    for e_start, e_end, label in entities:
        if label != "ORG" or not (e_start <= start and end <= e_end) or (e_start, e_end) == (start, end):
            continue
        extra = re.findall(r"[A-Za-z][\w'’-]*", f"{text[e_start:start]} {text[end:e_end]}")
        names = [
            w
            for w in extra
            if w[:1].isupper()
            and w.lower() != "the"
            and not is_place_word(strip_possessive(w))
            and fold(w) not in role_lookup()
        ]
        if names:
            return True
    return False


def _state_body(article: Article, start: int, end: int) -> DocActor | None:
    """A body the tagger calls an organisation but the text writes in lower case after a state's
    possessive ("Freedonia's coast guard", "Freedonia's navy"): that state's body, named as written."""
    noun = article.text[start:end]
    if not noun[:1].islower():
        return None
    owner = next((n for n in reversed(article.named) if n.end <= start), None)
    if owner is None or owner.actor.kind != "gpe" or not owner.actor.key.startswith("gpe:"):
        return None
    if not re.fullmatch(r"['’]s?\s+", article.text[owner.end : start]):
        return None
    code = owner.actor.key.split(":", 1)[1]
    name = f"{article.text[owner.start : start].strip()} {noun}"
    return article.actor(f"forces:{code}:{fold(noun)}", "org", name)


def named_actor(article: Article, text: str, label: str) -> DocActor | None:
    """The actor an ORG, GPE or NORP entity names: a state, a lexicon organisation, or itself."""
    name = strip_determiners(strip_possessive(text))
    key = fold(name)
    if not key or _no_name(text):
        return None
    code = country_lookup().get(key) or capital_lookup().get(key) or demonym_lookup().get(key)
    if code and label == "NORP" and key.endswith("s") and len(key) > 4:
        return article.actor(f"group:{key}", "group", name)  # "the Iraqis": people, not the state
    if code and label in ("GPE", "NORP"):
        return article.actor(f"gpe:{code}", "gpe", countries().get(code, name))
    if key in organisation_lookup():
        canon, kind = organisation_lookup()[key]
        return article.actor(f"canon:{canon}", kind, canon)
    if label == "GPE" and not _organisation_name(name):
        return article.actor(f"gpe:{key}", "gpe", name)
    if label in ("ORG", "GPE"):
        kind = org_kind(name)
        return article.actor(f"{kind}:{key}", kind, name)
    return None


def _no_name(text: str) -> bool:
    """An entity that names no actor: a description after "a" with no capitalised word ("a giraffe
    reserve"), or a landmark's name ("Capital Hill", "Freedom Square")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) > 1 and words[0].lower() in ("a", "an") and not any(w[:1].isupper() for w in words[1:]):
        return True
    return len(words) > 1 and words[-1].lower() in LANDMARK_HEADS and words[-1][:1].isupper()


def _organisation_name(name: str) -> bool:
    """A name of capitalised words that ends with an organisation's head ("Riverside County Police",
    "Millbrook Council") names the organisation even when the tagger calls it a place."""
    words = name.split()
    return (
        len(words) > 1
        and all(w[:1].isupper() for w in words)
        and words[-1].lower() in ORGANISATION_HEADS - {"government"}
    )


def org_kind(name: str) -> ActorKind:
    """An unknown organisation is an outlet or an armed group by the words of its name."""
    low = fold(name)
    if any(cue in low.split() for cue in MEDIA_NAME_WORDS):
        return "media"
    if any(cue in low for cue in GROUPISH_WORDS):
        return "group"
    return "org"


def in_locality(text: str, start: int, end: int) -> bool:
    """Is the name one of the places in brackets that locate an incident after a place ("in Aranpur
    (Dantewada, Chhattisgarh)")? Every item of the brackets is a capitalised name, not an acronym,
    and the gazetteer knows one of them; "(Maoist)" or "(ISWAP)" after a group's name are no places."""
    opened = text.rfind("(", max(0, start - 80), start)
    closed = text.find(")", end, end + 80)
    if opened < 0 or closed < 0 or ")" in text[opened:start] or "(" in text[end:closed]:
        return False
    items = [i.strip() for i in re.split(r",|\band\b", text[opened + 1 : closed])]
    if not items or any(not _LOCALITY_ITEM.fullmatch(i) or i.isupper() for i in items if i):
        return False
    return any(find_place(i) is not None for i in items if i)


def is_place_word(name: str) -> bool:
    key = fold(name)
    return key in country_lookup() or key in demonym_lookup() or key in capital_lookup()


def lexicon_hits(text: str) -> list[tuple[int, int, str, ActorKind]]:
    """Lexicon names and bracketed acronyms found in the text (the small NER model misses many)."""
    table: dict[str, tuple[str, ActorKind]] = dict(organisation_lookup())
    for short, long_form in acronym_definitions(text).items():
        entry = table.get(fold(long_form), (long_form, org_kind(long_form)))
        table[fold(long_form)] = table[fold(short)] = entry
    hits: list[tuple[int, int, str, ActorKind]] = []
    straight = text.replace("’", "'")
    # Keys are folded ASCII: one absent from the lower-cased text cannot match, so its pattern is
    # never compiled (the table outgrows re's pattern cache). Unless the text holds one of the few
    # non-ASCII letters that match an ASCII one case-insensitively.
    probe = None if _CASE_TWINS.intersection(straight) else straight.lower()
    for key, (canon, kind) in table.items():
        if probe is not None and key not in probe:
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", straight, re.IGNORECASE):
            found = m.group(0)
            # Short forms (AP, IS, RT) count only when written in capitals, as names are.
            if len(key) <= 4 and found != found.upper():
                continue
            if not found[0].isupper():
                continue
            hits.append((m.start(), m.end(), canon, kind))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, ActorKind]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def _outlets(article: Article, entities: list[tuple[int, int, str]], people: list[list[str]]) -> set[str]:
    """Names the model tags PERSON or ORG that the text treats as a news outlet: followed by an
    apposition such as ", the media outlet of ..." or by "news agency"/"TV"; or a one-word name
    followed by "reported"/"published"/"cited" that no fuller person name of the batch contains."""
    found: set[str] = set()
    for start, end, label in entities:
        if label not in ("PERSON", "ORG"):
            continue
        name = strip_possessive(article.text[start:end])
        words = name.split()
        m = _MEDIA_CONTEXT_AFTER.match(article.low, start + len(name))
        if m is None or not words or len(words) > 3 or not name[:1].isupper():
            continue
        if _PUBLISHED_END.search(m.group(0)):
            fuller = any(len(p) > 1 and same_person(words, p) for p in people)
            if len(words) > 1 or fuller or label != "PERSON":
                continue
        found.add(name)
    return found


def _mislabelled_person(article: Article, start: int, end: int, people: list[list[str]]) -> bool:
    """The small model tags some persons as GPE/ORG ("Pompeo", "Soleimani"). A name is a person
    when the batch tags the same name as a person elsewhere, or when a rank or honorific stands
    before it ("Gen. X", "Mr. X") or a speech verb follows it ("X said"); never a known country,
    capital, demonym, lexicon organisation or name ending with an organisation's head ("X Police")."""
    text = strip_possessive(article.text[start:end])
    if not text[:1].isupper() or is_place_word(text) or fold(text) in organisation_lookup():
        return False
    if _organisation_name(text):
        return False
    words = person_tokens(text)
    if not words or len(words) > 4:
        return False
    if any(same_person(words, p) for p in people if p):
        return True
    before = re.search(r"(\S+)\s+$", article.text[max(0, start - 20) : start])
    if before and fold(before.group(1)) in HONORIFICS and fold(before.group(1)) not in NOT_PERSON_CUES:
        return True
    return re.match(_SPEAKER_AFTER, article.text[end : end + 12]) is not None and (len(words) >= 2)


def _extend_left(article: Article, start: int) -> int:
    """Take in given names the model left out ("Adil" before "Abdul Mahdi")."""
    text = article.text
    while True:
        m = re.search(r"([A-Z][a-z'’-]+)\s+$", text[max(0, start - 30) : start])
        if not m:
            return start
        word = fold(m.group(1))
        word_start = start - len(m.group(0))
        if word_start in article.common or article.inside_role(word_start, word_start + len(word)):
            return start
        if word in HONORIFICS or word in role_lookup() or word in ROLE_QUALIFIERS or is_place_word(word):
            return start
        if word in NOT_GIVEN_NAMES:
            return start
        before = text[:word_start].rstrip(" ")
        if not before or before[-1] in '.!?\n"“”]':
            return start  # a sentence-initial capital is no evidence of a name
        start -= len(m.group(0))


def _register_people(article: Article, persons: list[tuple[int, int, list[str]]]) -> None:
    """Cluster person names: longest forms first, shorter forms join the full name they end."""
    clusters: list[tuple[list[str], DocActor]] = []
    for start, end, words in sorted(persons, key=lambda p: (-len(p[2]), p[0])):
        matches = [c for c in clusters if same_person(words, c[0])]
        if matches:
            best = min(matches, key=lambda c: _distance(c[1], start, article.people))
            actor = best[1]
            actor.names[" ".join(words)] += 1
        else:
            name = " ".join(words)
            actor = DocActor(kind="person", name=name, key=f"person:{fold(name)}")
            actor.names[name] += 1
            article.actors.append(actor)
            clusters.append((words, actor))
        article.add_named(start, end, actor, "PERSON")


def _distance(actor: DocActor, start: int, people: list[tuple[int, int, DocActor]]) -> int:
    """How far back the actor was last named before ``start`` (for an ambiguous surname)."""
    before = [s for s, _, a in people if a is actor and s <= start]
    return start - before[-1] if before else 10**9
