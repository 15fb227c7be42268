"""Who did it, to whom, where: participant spans read off the dependency parse.

Spans stay raw (a name, a pronoun, a role noun such as "the defense secretary"); the
resolver maps them to canonical actors by offset.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.countries import country_lookup
from eventgraph.extract.lexicons.events import ATTACK_NOUNS, WEAPONS
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.numbers import NUMBER_WORDS
from eventgraph.extract.lexicons.places import SETTLEMENT_NOUNS
from eventgraph.extract.lexicons.pronouns import (
    PARTICIPANT_PRONOUNS,
    PLURAL_REFERENCE_NOUNS,
    SIDE_NOUNS,
    STATE_REFERENCE_NOUNS,
)
from eventgraph.extract.lexicons.speech import SPEECH_VERBS

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "FAC", "LOC"})
# Labels the tagger gives names of companies and outlets it does not know ("Maersk" as a PRODUCT).
MISREAD_NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})
# Posts, vehicles and positions an attack on which is an attack on their holder ("a police post").
INSTALLATION_NOUNS = frozenset(
    [
        "post",
        "station",
        "checkpoint",
        "vehicle",
        "position",
        "outpost",
        "convoy",
        "patrol",
        "camp",
        "barracks",
    ]
)
# Modifiers of such nouns that name the force holding them.
FORCE_MODIFIERS = frozenset(["police", "army", "military", "security", "gendarmerie", "militia"])
# A compass word alone that stands for "North Korea", "South Sudan" once the article has named it.
COMPASS_WORDS = frozenset(["north", "south", "east", "west"])
# Labels of a count that stands for the people it counts ("hundreds of residents").
COUNT_LABELS = frozenset({"CARDINAL", "QUANTITY"})
# Nouns of a body of people that stand for the people of their "of" phrase ("a convoy of soldiers"),
# and of a run of attacks that stands for the attacks ("a series of Israeli strikes").
COLLECTIVE_NOUNS = frozenset(
    [
        *("convoy", "patrol", "column", "unit", "team", "crowd", "band", "contingent", "squad", "hundreds"),
        *("series", "wave", "spate", "string", "volley", "salvo", "round"),
    ]
)
# Label of a span that counts participants named before ("the two leaders"): "COUNT:<kind>:<n>".
COUNT_REFERENCE = "COUNT"
# What each kind of counted reference counts, tried in turn: people, states, sides (people, else any actor).
_COUNTED_LABELS: dict[str, tuple[tuple[str, ...], ...]] = {
    "person": (("PERSON",),),
    "state": (("GPE",),),
    "side": (("PERSON",), ("PERSON", "ORG", "GPE")),
}
_DROP_FROM_NP = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "prep", "advcl", "det", "predet"})


def _entity_of(tok: Token) -> Span | None:
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first, last = doc[start], doc[end - 1]
    return Span(doc[start:end].text, first.idx, last.idx + len(last), tok.ent_type_)


def _noun_phrase(tok: Token) -> Span:
    """The head noun with its premodifiers ("Iran-backed militias", "the US defense secretary")."""
    left = tok
    for child in tok.lefts:
        if child.dep_ not in _DROP_FROM_NP:
            left = child.left_edge
            break
    words = [t for t in tok.doc[left.i : tok.i + 1]]
    while words and (words[0].dep_ in ("det", "punct", "cc") or words[0].is_punct):
        words = words[1:]
    first = words[0] if words else tok
    return Span(tok.doc[first.i : tok.i + 1].text, first.idx, tok.idx + len(tok), "NOUN")


def participant(tok: Token) -> Span | None:
    """One participant for a subject/object head, or None for words that name no actor."""
    if tok.lower_ in PARTICIPANT_PRONOUNS:
        return Span(tok.text, tok.idx, tok.idx + len(tok), "PRON")
    reference = _count_reference(tok)
    if reference is not None:
        return reference
    for child in tok.children:
        if child.dep_ == "appos":
            ent = _entity_of(child)
            if ent and ent.label in ("PERSON", "ORG"):
                return ent
    ent = _entity_of(tok)
    if (ent and ent.label in COUNT_LABELS and tok.pos_ == "NOUN") or (
        not ent and tok.lemma_.lower() in COLLECTIVE_NOUNS
    ):
        counted = pobjs(tok, frozenset({"of"}))
        if counted:
            return participant(counted[0])  # "hundreds of residents", "a convoy of soldiers": the people
        if ent:
            return None
    if (
        ent
        and ent.label in MISREAD_NAME_LABELS
        and tok.dep_ == "nsubj"
        and tok.head.lemma_.lower() in SPEECH_VERBS
    ):
        return Span(ent.text, ent.start, ent.end, "ORG")  # "Maersk said": whatever says something is an actor
    if ent and ent.label == "LOC" and ent.text.lower() in COMPASS_WORDS and tok.dep_ in ("nsubj", "poss"):
        return Span(ent.text, ent.start, ent.end, "GPE")  # "the North fired": a divided country, acting
    if ent:
        return ent if ent.label in ACTOR_LABELS else None
    if tok.pos_ in ("NOUN", "PROPN"):
        owner = _owner_of_installation(tok) or _owner_of_attack(tok)
        if owner is not None:
            return owner
        # "Iran's leaders", "Iranian-backed militias": the named modifier is the actor when nothing else is.
        return _noun_phrase(tok)
    return None


def _owner_of_installation(tok: Token) -> Span | None:
    """ "a police post", "a Malian army position", "PKK positions": what an attack on a post, vehicle
    or position hits is whoever holds it, the force or group that modifies the noun."""
    if tok.lemma_.lower() not in INSTALLATION_NOUNS:
        return None
    for child in tok.children:
        if child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        ent = _entity_of(child)
        if ent is not None and ent.label == "ORG":
            return ent
        if child.lower_ in FORCE_MODIFIERS:
            return _noun_phrase(child)
    return None


def _owner_of_attack(tok: Token) -> Span | None:
    """ "Israeli strikes killed", "Russian missiles pounded", "an attack claimed by X killed": an attack
    or weapon as the subject or object of a verb stands for its claimant, else for the state or group
    its national or named modifier names."""
    lemma = tok.lemma_.lower()
    if lemma not in ATTACK_NOUNS and lemma not in WEAPONS:
        return None
    for child in tok.children:
        if child.dep_ == "acl" and child.lemma_.lower() == "claim" and by_agent(child):
            return participant(by_agent(child)[0])  # "an attack claimed by X killed": the claimant
    for child in tok.children:
        if child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        if any(c.dep_ == "conj" for c in child.children):
            return None  # "U.S. and British warplanes": the whole phrase names both
        ent = _entity_of(child)
        if ent is not None and ent.label in ("NORP", "GPE", "ORG"):
            return ent
    return None


def with_conjuncts(tok: Token) -> Iterator[Token]:
    yield tok
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            yield from with_conjuncts(child)


def spans(heads: Iterable[Token]) -> list[Span]:
    out: list[Span] = []
    for head in heads:
        for tok in with_conjuncts(head):
            listed: list[Span | None] = list(_listed_after(tok))
            for span in listed or [participant(tok)]:
                if span and span not in out:
                    out.append(span)
    return out


def _listed_after(tok: Token) -> list[Span]:
    """ "his counterparts, A and B, respectively": people named in a list right after a plural noun of
    people, which the parse often leaves unattached; none when something else follows the comma."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.ent_type_:
        return []
    doc = tok.doc
    i = tok.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return []
    out: list[Span] = []
    i += 1
    while i < len(doc):
        ent = _entity_of(doc[i])
        if ent is None or ent.label != "PERSON":
            break
        out.append(ent)
        i = next((t.i for t in doc[i:] if t.idx >= ent.end), len(doc))
        while i < len(doc) and doc[i].lower_ in (",", "and"):  # "A, B and C", "A and B"
            i += 1
    return out if len(out) >= 2 else []


def _named_settlement(tok: Token) -> Span | None:
    """The proper name in "the city of X", whatever label the tagger gave it."""
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    if tok.head.head.lemma_.lower() not in SETTLEMENT_NOUNS:
        return None
    first = tok
    while first.i > 0 and (prev := first.doc[first.i - 1]).dep_ == "compound" and prev.head.i == tok.i:
        first = prev
    return Span(tok.doc[first.i : tok.i + 1].text, first.idx, tok.idx + len(tok), "GPE")


def place_in(tokens: Iterable[Token]) -> Span | None:
    """The first place entity among the tokens (and their subtrees): a name the text calls a city or town
    first, then FAC before LOC before GPE."""
    found: list[Span] = []
    for tok in tokens:
        for sub in tok.subtree:
            settlement = _named_settlement(sub)
            if settlement:
                return settlement
            ent = _entity_of(sub)
            if ent and ent.label in PLACE_LABELS and ent not in found:
                found.append(ent)
    for label in ("FAC", "LOC", "GPE"):
        for span in found:
            if span.label == label:
                return span
    return None


def subject_of(verb: Token) -> list[Token]:
    """Subjects of a verb, climbing through shared subjects and control ("X visited and urged")."""
    cur = verb
    for _ in range(4):
        subs = [
            c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "that")
        ]
        if subs:
            return subs
        if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return [cur.head]
        if (
            cur.dep_ == "acl"
            and cur.head.ent_type_ == "PERSON"
            and cur.i > 0
            and cur.doc[cur.i - 1].text == ","
            and any(c.dep_ in ("dobj", "oprd") for c in cur.children)
        ):
            return [cur.head]  # "Its leader, General X, called Y": a finite verb misread as a modifier
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return []


def by_agent(tok: Token) -> list[Token]:
    """The "by X" agent of a passive verb or an action noun."""
    return [
        g
        for c in tok.children
        if c.dep_ in ("agent", "prep") and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def reported_subjects(verb: Token) -> list[Span]:
    """Whom a statement is about: the named subject of the clause it reports ("X said Y would ...",
    "Y's strikes must stop, X said"). The schema's statement targets are those it is addressed to or made
    about. Left out: pronouns (mostly the speaker again: "it plans"), a people named by its plural
    ("Ukrainians will ...": a population, no actor), and the speaker of a report inside the report
    ("told reporters that X had reiterated ...": X makes a statement of its own)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)  # the saying hangs from the clause it reports
    out: list[Span] = []
    for clause in clauses:
        if clause.lemma_.lower() in SPEECH_VERBS:
            continue
        heads = [
            c
            for c in clause.children
            if c.dep_ in ("nsubj", "nsubjpass") and not (c.ent_type_ == "NORP" and c.tag_ in ("NNS", "NNPS"))
        ]
        for head in heads:
            for span in spans([head]):
                if span not in out and (
                    span.label in ACTOR_LABELS
                    or span.label.startswith(COUNT_REFERENCE)
                    or (span.label == "NOUN" and _named_owner(head))
                ):
                    out.append(span)
    return out


def _named_owner(tok: Token) -> bool:
    """ "Bolivia's legislature", "Israeli aggression": a description its named state or group owns."""
    return any(
        c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG") for c in tok.children
    )


def _count_reference(tok: Token) -> Span | None:
    """ "The two held talks", "the two leaders", "both sides", "the three sides": a definite count of
    participants already named, to be replaced by them (``expand_counts``)."""
    words = {c.lower_: c for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    if tok.pos_ == "NUM" and "the" in words:
        n, kind = NUMBER_WORDS.get(tok.lower_, 0), "person"  # "the two" alone: people
    elif tok.lower_ in PLURAL_REFERENCE_NOUNS and ("the" in words or "both" in words):
        numbers = [NUMBER_WORDS.get(w, 0) for w in words if w in NUMBER_WORDS]
        n = numbers[0] if numbers else (2 if "both" in words else 0)
        kind = (
            "state"
            if tok.lower_ in STATE_REFERENCE_NOUNS
            else "side"
            if tok.lower_ in SIDE_NOUNS
            else "person"
        )
    else:
        return None
    if not 2 <= n <= 5:
        return None
    first = min([tok, *words.values()], key=lambda t: t.i)
    return Span(
        tok.doc[first.i : tok.i + 1].text, first.idx, tok.idx + len(tok), f"{COUNT_REFERENCE}:{kind}:{n}"
    )


def expand_counts(doc_ents: Iterable[Span], found: list[Span]) -> list[Span]:
    """Counted references replaced by the participants they count: the last ``n`` distinct people
    (or states; sides are people when enough were named, else any actors) named before them; a count the
    text before does not fill is dropped."""
    ents = list(doc_ents)
    out: list[Span] = []
    for span in found:
        if not span.label.startswith(COUNT_REFERENCE + ":"):
            if span not in out:
                out.append(span)
            continue
        _, kind, count = span.label.split(":")
        for labels in _COUNTED_LABELS[kind]:
            named = _last_named([e for e in ents if e.end <= span.start and e.label in labels], int(count))
            if named:
                out += [e for e in named if e not in out]
                break
    return out


def _last_named(before: list[Span], count: int) -> list[Span]:
    """The last ``count`` distinct names of ``before`` in text order, or none when fewer were named."""
    named: list[Span] = []
    seen: list[set[str]] = []
    for ent in reversed(before):
        if ent.label == "PERSON" and fold(ent.text.replace("’s", "").replace("'s", "")) in country_lookup():
            continue  # "Niger" of "Niger's President X" tagged as a person: a state, not one of them
        words = set(ent.text.lower().replace("’s", "").replace("'s", "").split())
        if any(words <= other or other <= words for other in seen):
            continue  # "Xi" after "Xi Jinping": the same one
        seen.append(words)
        named.append(ent)
        if len(named) == count:
            return named[::-1]
    return []


def attacked_states(attack: Token) -> list[Span]:
    """ "missile attacks on Israel", "strikes against Ukraine": a country (by its name, not a city) an attack
    is made on or against is the state attacked; "in"/"near" a country only places it. (A country invaded
    is left out: analysts name the regime or forces attacked there, not the state.)"""
    out: list[Span] = []
    for head in pobjs(attack, frozenset({"on", "against"})):
        for tok in with_conjuncts(head):
            ent = _entity_of(tok)
            if (
                ent is not None
                and ent.label == "GPE"
                and fold(ent.text.removeprefix("the ")) in country_lookup()
            ):
                out.append(ent)
    return out


def people_of(found: list[Span]) -> list[Span]:
    """The named people among participants, each once."""
    out: list[Span] = []
    for span in found:
        if span.label == "PERSON" and span not in out:
            out.append(span)
    return out


def people_for_they(together: list[Span], found: list[Span]) -> list[Span]:
    """ "X and Y met on Monday. They agreed ...": a plural pronoun right after an event two or more named
    people took part in stands for them (the start of its span is theirs, earlier than the sentence's)."""
    if len(together) < 2 or not any(s.label == "PRON" and s.text.lower() in ("they", "them") for s in found):
        return found
    out: list[Span] = []
    for span in found:
        group = together if span.label == "PRON" and span.text.lower() in ("they", "them") else [span]
        out += [s for s in group if s not in out]
    return out
