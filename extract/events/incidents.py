"""Incident rules over the parse: which words of ``extract.lexicons.incidents`` report an incident,
of which type, and which event of a sentence its casualty counts belong to.

``extract.events`` calls these as hooks; they only add what its own lexicon lacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from spacy.tokens import Token

from eventgraph.extract.events.casualties import Count, victims_count
from eventgraph.extract.events.participants import by_agent, pobjs, subject_of
from eventgraph.extract.lexicons.events import PHONE_WORDS
from eventgraph.extract.lexicons.incidents import (
    ACCIDENTS,
    ARMED_GROUPS,
    BARE_EVENT_VERBS,
    BY_WHO_ACTS,
    CROWD_CONTROL,
    CROWDS,
    DISMISS_VERBS,
    DISPERSE_VERBS,
    ENFORCERS,
    FIGHT_VERBS,
    FIGHTING_PARTIES,
    GROUND_BOMBERS,
    HARM_VERBS,
    INCIDENT_NOUNS,
    INCIDENT_VERBS,
    INCIDENT_WEAPONS,
    NOUN_OF_PHRASES,
    OFFICE_NOUNS,
    PEOPLE_NOUNS,
    PROPERTY,
    PROPERTY_VERBS,
    PROTEST_PARTICIPLES,
    PROTESTING_VERBS,
    PURPOSE_PROTEST,
    RIOT_VERBS,
    RIOTERS,
    SECURITY_VERBS,
    SEIZE_VERBS,
    SEIZED_THINGS,
    SITUATING,
    SUPPORT_PHRASES,
    TOLL_SUBJECTS,
    TOLL_VERBS,
    VESSELS,
    VICTIM_VERBS,
    WITHDRAWN_FROM,
)

ATTACK_FAMILY = frozenset(["rocket_attack", "drone_attack", "missile_attack", "airstrike", "other_attack"])
# Events a casualty count can belong to.
HARMFUL = ATTACK_FAMILY | {"death"}
ORDINALS = frozenset(["first", "second", "third", "fourth", "fifth", "latest", "last", "final", "inaugural"])


class Event(Protocol):
    """What the hooks need of an event under construction."""

    type: str
    trigger: Token
    attributes: dict[str, Any]


def support_phrase(tok: Token) -> str | None:
    """ "set fire to", "opened fire", "took hostage", "stepped aside", "hacked to death", "went on
    strike": the type a verb's phrase names."""
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod", "oprd", "acomp", "xcomp", "npadvmod", "attr"):
            words = [child.lower_, child.lemma_.lower()]
            if child.dep_ == "prep":  # "went on strike", "hacked to death"
                words += [g.lemma_.lower() for g in child.children if g.dep_ == "pobj"]
            found = next((SUPPORT_PHRASES[(lemma, w)] for w in words if (lemma, w) in SUPPORT_PHRASES), None)
            if found:
                return found
    if lemma == "withdraw" and any(
        p.lemma_.lower() in WITHDRAWN_FROM for p in pobjs(tok, frozenset({"from"}))
    ):
        return "resignation"  # "withdrew from the presidential race"
    return None


def is_attack_verb(tok: Token) -> bool:
    """A verb the CAMEO-derived lexicon or a support phrase makes an attack ("kidnapped", "set fire")."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if tok.dep_ == "amod":
        return False  # "the kidnapped businessman": a description, not a report
    if lemma in VICTIM_VERBS:
        return victims_count(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")) is not None
    if lemma in FIGHT_VERBS:  # "two clan militias fought over land", "soldiers battled rebels"
        sides = subject_of(tok) + pobjs(tok, frozenset({"with", "against", "between"}))
        sides += [c for c in tok.children if c.dep_ == "dobj"]
        toll = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in TOLL_VERBS  # "fighting ... left 13 dead"
        return toll or any(s.lemma_.lower() in FIGHTING_PARTIES for s in sides)
    if lemma in SEIZE_VERBS and abduction(tok):  # "two engineers were seized by armed men"
        return True
    if lemma in PROPERTY_VERBS:  # "burned 12 houses"
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in PROPERTY for c in tok.children)
    return INCIDENT_VERBS.get(lemma) == "other_attack" or support_phrase(tok) in ATTACK_FAMILY


def is_attack_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (
        INCIDENT_NOUNS.get(tok.lemma_.lower()) == "other_attack" or noun_phrase_type(tok) == "other_attack"
    )


def noun_phrase_type(tok: Token) -> str | None:
    """ "an exchange of fire": a noun whose "of" phrase makes it an incident."""
    lemma = tok.lemma_.lower()
    for g in pobjs(tok, frozenset({"of"})):
        if (lemma, g.lemma_.lower()) in NOUN_OF_PHRASES:
            return NOUN_OF_PHRASES[(lemma, g.lemma_.lower())]
    return None


def hyphenated(tok: Token) -> str:
    """The lemma of a hyphenated word the tokenizer split ("sit-in" -> "sit", "-", "in")."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].head.i == tok.i:
        return f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"
    return tok.lemma_.lower()


def arrest_raid(tok: Token) -> bool:
    """ "arrested five suspects during a raid": the raid is the arrest's occasion, not an attack."""
    governor = tok.head.head if tok.dep_ == "pobj" else None
    return (
        tok.lemma_.lower() in BY_WHO_ACTS
        and governor is not None
        and INCIDENT_VERBS.get(governor.lemma_.lower()) == "legal_action"
    )


def bare_incident(tok: Token) -> bool:
    """A noun without determiner that does something is a new incident: "clashes broke out",
    "fighting killed 14"; "the clashes" or "clashes" as background are not."""
    if any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in BARE_EVENT_VERBS


def noun_specific(tok: Token) -> bool:
    """An incident noun names a new incident when indefinite, counted, dated by its own phrase
    ("clashes on Sunday"), or doing something ("clashes broke out"); "daily clashes" is background."""
    if bare_incident(tok):
        return True
    situated = any(t.ent_type_ in SITUATING for t in tok.head.subtree)
    for child in tok.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an", "another") and situated:
            return True
        if child.dep_ == "nummod" and child.ent_type_ != "DATE":
            return True
        if child.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in child.children):
            return True
    return False


def harm_stands_alone(tok: Token, agents: Sequence[Token]) -> bool:
    """ "Gunmen killed a councillor" and "on 5 May a policeman was killed" report an incident;
    "it has killed 300", "the war killed 300" and an undated "soldiers were wounded" tell a toll."""
    if tok.lemma_.lower() not in HARM_VERBS:
        return True
    if any(t.lemma_.lower() in TOLL_SUBJECTS for a in agents for t in (a, *a.children) if t.dep_ != "prep"):
        return False  # "the war killed 300", "Cyclone Freddy killed more than 1,000
    if any(t.lemma_.lower() in ACCIDENTS for t in tok.subtree):
        return False  # "killed when two helicopters crashed"
    if any(a.pos_ != "PRON" for a in agents):
        return True
    return not agents and any(t.ent_type_ == "DATE" for t in tok.subtree)


def other_type(tok: Token) -> str | None:
    """Non-attack types the incident lexicon adds: "riots", "crackdown", "detained", "stepped aside"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and tok.dep_ != "amod":  # "the ousted premier" describes
        phrase = support_phrase(tok)
        if phrase is not None:
            return None if phrase in ATTACK_FAMILY else phrase
        if dismissal(tok):
            return "resignation"
        if lemma in SECURITY_VERBS:
            return security_type(tok)
        if _disperses(tok) or any(c.dep_ in ("xcomp", "advcl") and _disperses(c) for c in tok.children):
            return "protest"  # "police (used tear gas to) disperse(d) protesters": the protest they broke up
        if lemma in RIOT_VERBS and by_rioters(tok):
            return "protest"  # "rioters burned tyres"
        if any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PURPOSE_PROTEST and c.tag_ == "VB"
            for c in tok.children
        ):
            return "protest"  # "blocked the road to protest the killing"
        if lemma in RIOT_VERBS and any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in PROTEST_PARTICIPLES and c.tag_ == "VBG"
            for c in tok.children
        ):
            return "protest"  # "blocked the highway for hours, demanding better pay"
        kind = INCIDENT_VERBS.get(lemma)
        return None if kind in ATTACK_FAMILY else kind
    if tok.pos_ == "NOUN":
        kind = INCIDENT_NOUNS.get(hyphenated(tok))
        if kind == "resignation" and not any(
            p.lemma_.lower() in WITHDRAWN_FROM for p in pobjs(tok, frozenset({"from"}))
        ):
            return None  # a troop withdrawal
        return None if kind in ATTACK_FAMILY else kind
    return None


def security_type(tok: Token) -> str | None:
    """ "police seized weapons", "soldiers defused a bomb": legal_action; by an armed group: an attack."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    things = {t.lemma_.lower() for o in objects for t in o.subtree}
    if not things & SEIZED_THINGS:
        return None
    return "other_attack" if _acted_by(subject_of(tok), ARMED_GROUPS) else "legal_action"


def enforcement(tok: Token, agents: Sequence[Token]) -> bool:
    """A raid or capture by police or other enforcers is law enforcement, not an attack."""
    return tok.lemma_.lower() in BY_WHO_ACTS and _acted_by(agents, ENFORCERS)


def dismissal(tok: Token) -> bool:
    """ "was dismissed by decree", "sacked the army chief": someone removed from a post."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DISMISS_VERBS:
        return False
    removed = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(r.lemma_.lower() in OFFICE_NOUNS or r.ent_type_ == "PERSON" for r in removed)


def _disperses(tok: Token) -> bool:
    """ "dispersed protesters", "to disperse women protesting": crowd control of a protest."""
    return tok.lemma_.lower() in DISPERSE_VERBS and any(
        c.dep_ in ("dobj", "nsubjpass")
        and (
            c.lemma_.lower() in CROWDS
            or any(g.dep_ in ("acl", "relcl") and g.lemma_.lower() in PROTESTING_VERBS for g in c.children)
        )
        for c in tok.children
    )


def crowd_of(tok: Token) -> list[Token]:
    """ "fired tear gas at protesters": the crowd that crowd control was aimed at."""
    aimed = pobjs(tok, frozenset({"at", "on", "against", "into"})) + [
        c for c in tok.children if c.dep_ == "dobj"
    ]
    return [t for a in aimed for t in (a, *a.conjuncts) if t.lemma_.lower() in CROWDS]


def at_crowd(tok: Token) -> bool:
    return bool(crowd_of(tok))


def at_vessel(tok: Token) -> bool:
    """Whether the verb is aimed at a boat or ship ("fired its water cannon at the supply boat")."""
    aimed = [c for c in tok.children if c.dep_ == "dobj"] + [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
        for g in c.children
    ]
    return any(t.lemma_.lower() in VESSELS for a in aimed for t in a.subtree)


def abduction(tok: Token) -> bool:
    """People taken by an armed group ("seized by armed men", "gunmen snatched two engineers")."""
    patients = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    people = any(p.ent_type_ in ("PERSON", "NORP") or p.lemma_.lower() in PEOPLE_NOUNS for p in patients)
    doers = [d for d in (*by_agent(tok), *subject_of(tok)) if d.dep_ != "nsubjpass"]
    return people and (armed_doer(tok) or _acted_by(doers, frozenset({"armed"})))


def armed_doer(tok: Token) -> bool:
    """ "was shot and injured by unknown gunmen": an armed group did it (the agent may hang on a
    conjoined verb), so a verb that needs a weapon nearby is violence all the same."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if tok.dep_ == "conj":
        verbs.append(tok.head)
    doers = [d for v in verbs for d in (*by_agent(v), *subject_of(v)) if d.dep_ != "nsubjpass"]
    return _acted_by(doers, ARMED_GROUPS)


def by_rioters(tok: Token) -> bool:
    """Violence done by rioters or protesters is the riot, typed protest."""
    return any(s.lemma_.lower() in RIOTERS for s in subject_of(tok))


def _acted_by(agents: Sequence[Token], words: frozenset[str]) -> bool:
    return any(t.lower_ in words or t.lemma_.lower() in words for a in agents for t in a.subtree)


def weapon(tok: Token) -> tuple[str, str] | None:
    """Weapons the type lexicon lacks; a suicide bomber is a person with a bomb, not a warplane."""
    lemma = tok.lemma_.lower()
    if lemma == "bomber" and any(c.lower_ in GROUND_BOMBERS for c in tok.children):
        return ("bomb", "other_attack")
    for child in tok.children:
        if (child.lower_, lemma) in CROWD_CONTROL:
            return CROWD_CONTROL[(child.lower_, lemma)]
    return INCIDENT_WEAPONS.get(lemma)


def by_phone(noun: Token, kind: str) -> str:
    """ "held phone talks", "held a video conference": a meeting held by phone is a call."""
    on_phone = any(c.dep_ in ("compound", "amod") and c.lower_ in PHONE_WORDS for c in noun.children)
    return "phone_call" if kind == "meeting" and on_phone else kind


def by_phone_verb(verb: Token) -> bool:
    """ "spoke by phone", "talked over the telephone" (the parser may read "by" as an agent)."""
    return any(
        c.dep_ in ("prep", "agent") and c.lower_ in ("by", "over", "on") and g.lemma_.lower() in PHONE_WORDS
        for c in verb.children
        for g in c.children
    )


def specific_contact(tok: Token) -> bool:
    """ "at their first meeting", "his latest visit": an ordinal makes a possessed event noun new."""
    return (
        tok.dep_ != "attr"
        and any(c.dep_ == "poss" for c in tok.children)
        and any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in tok.children)
    )


def prune(events: list[Any]) -> list[Any]:
    """One incident per chain of verbs: "gunmen opened fire, killing seven" and "planted explosives
    and detonated them" tell one attack each; "killed one and wounded 18" is one incident."""
    attacks = [e for e in events if e.type in ATTACK_FAMILY]
    harm = [e for e in attacks if e.trigger.lemma_.lower() in HARM_VERBS]
    only_harm = len(harm) == len(attacks)
    # "a soldier was killed when militants attacked": the harm is the toll, the attack the head.
    heads = {e.trigger.i: e for e in (attacks if only_harm else [e for e in attacks if e not in harm])}
    chained = [
        e
        for e in attacks
        if e.trigger.pos_ == "VERB"
        and e.trigger.dep_ in ("conj", "advcl", "xcomp")
        and e.trigger.head.i in heads
    ]
    for e in chained:  # "bombed two towns and fired mortar shells": the head takes the weapon's type
        head = heads[e.trigger.head.i]
        if head.type == "other_attack" and e.type != "other_attack":
            head.type = e.type
            head.attributes = {**e.attributes, **head.attributes}
    others = [e for e in attacks if e not in harm]
    # "bandits killed a judge, and in May a shootout left 6 dead": a killing with a doer of its own,
    # in a clause of its own, is an incident beside the other one
    harm = [e for e in harm if only_harm or not _own_deed(e.trigger, [o.trigger for o in others])]
    dropped = {id(e) for e in chained} | {id(e) for e in (harm[1:] if only_harm else harm)}
    return [e for e in events if id(e) not in dropped]


def _clause(verb: Token) -> set[int]:
    """The tokens of a verb's own clause: its subtree without the clauses coordinated with it."""
    out = {verb.i}
    for child in verb.children:
        if child.dep_ != "conj":
            out |= {t.i for t in child.subtree}
    return out


def _own_deed(verb: Token, others: list[Token]) -> bool:
    """An active harm verb with a named or described doer, apart from every other attack's clause."""
    doer = any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)
    if not doer or verb.pos_ != "VERB":
        return False
    mine = _clause(verb)
    return not any(o.i in mine or verb.i in _clause(o) for o in others)


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree."""
    up_a = [a, *a.ancestors]
    depth = {t.i: d for d, t in enumerate([b, *b.ancestors])}
    for d, t in enumerate(up_a):
        if t.i in depth:
            return d + depth[t.i]
    return 100 + abs(a.i - b.i)


E = TypeVar("E", bound=Event)


def bind(events: Sequence[E], found: Sequence[Count], previous: Sequence[E] = ()) -> list[E]:
    """Give each count to the nearest attack of its sentence (else its death or riot), as ``killed``
    / ``wounded`` integers, also written into the ``casualties`` object the export already has; a
    death that states the count itself ("three civilians died") keeps it too. A sentence with no
    event at all ("Two civilians were killed.") adds its toll to the previous sentence's incident.
    Returns this sentence's harmful events, for the next one."""
    harmful = [e for e in events if e.type in HARMFUL]
    targets = (
        [e for e in harmful if e.type in ATTACK_FAMILY]
        or harmful
        or [e for e in events if e.type == "protest"]
        or ([] if events else list(previous))
    )
    carried = not harmful and not events
    for count in found if targets else ():
        nearest = min(targets, key=lambda e: (_distance(count.anchor, e.trigger), e.trigger.i))
        if carried and count.kind in nearest.attributes:
            continue  # "At least 74 were killed in Nairobi" details a toll already given
        deaths = [
            e for e in harmful if e.type == "death" and e.trigger.i == count.anchor.i and e is not nearest
        ]
        for event in [nearest, *deaths]:
            total = int(event.attributes.get(count.kind, 0)) + count.number
            event.attributes[count.kind] = total
            event.attributes.setdefault("casualties", {})[count.kind] = total
    return harmful
