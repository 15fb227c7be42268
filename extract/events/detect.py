"""Event mentions from a parsed article: trigger words, typed, with participants and attributes.

Triggers come from general lexicons (``extract.lexicons``); whether they report a real
happening, and who took part, is read from the dependency parse. One sentence may hold
several events (a phone call and the request made in it), and one statement per speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventgraph.extract.events import casualties, continuity, incidents
from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.events.participants import (
    attacked_states,
    by_agent,
    expand_counts,
    participant,
    people_for_they,
    people_of,
    place_in,
    pobjs,
    reported_subjects,
    spans,
    subject_of,
)
from eventgraph.extract.events.quotes import quote_ranges
from eventgraph.extract.events.realis import in_speakers_own_words, is_irrealis
from eventgraph.extract.ingest.dateline import dateline_end
from eventgraph.extract.lexicons.descriptors import GROUP_NOUNS, PERSON_NOUNS
from eventgraph.extract.lexicons.events import (
    AIR_DEFENCE_NOUNS,
    AIR_MODIFIERS,
    ATTACK_NOUNS,
    ATTACK_VERBS,
    BLAME_CUES,
    BLAME_PREDICATES,
    CARRY_OUT_VERBS,
    CASUALTY_VERBS,
    CONVERSE_VERBS,
    COUNTERPART_NOUNS,
    DEPLOY_OBJECTS,
    EVENT_NOUNS,
    EVENT_VERBS,
    GATHER_VERBS,
    ISSUE_VERBS,
    OFFENCE_GOVERNORS,
    PHONE_WORDS,
    PHRASAL_EVENTS,
    PROTESTER_NOUNS,
    SEND_VERBS,
    WEAK_ATTACK_VERBS,
    WEAPONS,
)
from eventgraph.extract.lexicons.function_words import ANAPHORIC_DETS
from eventgraph.extract.lexicons.incidents import FIGHT_VERBS, INCIDENT_NOUNS, WEAK_INCIDENT_VERBS
from eventgraph.extract.lexicons.media import MEDIA
from eventgraph.extract.lexicons.numbers import NUMBER_WORDS
from eventgraph.extract.lexicons.pronouns import PARTICIPANT_PRONOUNS, SELF_REFERENCES
from eventgraph.extract.lexicons.speech import (
    ACTOR_SPEECH,
    APPEAL_PARTICLES,
    DIPLOMAT_NOUNS,
    SOURCING_ACTS,
    SOURCING_VERBS,
    SPEECH_ACT_RANK,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SUMMON_VERBS,
    WEAK_SPEECH,
)
from eventgraph.extract.lexicons.time import MONTHS, YEAR_CONTEXT

# Determiners that point back to an event already told, even when a date follows ("that raid last week").
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# "the group had targeted ...", told by the group's spokesman: the speaker's own side.
OWN_GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "militia"})
# Titles of people who speak for the side whose agentless deed they announce ("had been arrested").
OFFICIAL_TITLES = ("spokesperson", "spokesman", "spokeswoman", "secretary", "minister")
# News outlets, whose reports of what others said are those others' statements.
_MEDIA = frozenset(name.lower() for canon, aliases in MEDIA.items() for name in (canon, *aliases))
# Event types whose object country or city is where they happen ("visited Baghdad"), not a participant.
PLACE_OBJECT_TYPES = frozenset({"visit", "deployment", "protest", "resignation"})
TOLD_TO_LABELS = frozenset({"PERSON", "GPE", "NORP", "PRON"})
NAMED_SPEAKERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Subjects of a state of affairs that "underscore" or "highlight" something without speaking.
NON_SPEAKERS = frozenset({"incident", "event", "episode", "crisis", "war", "conflict", "violence", "move"})
# Nouns of a run of attacks: "a wave of attacks", "a series of strikes".
SERIES_NOUNS = frozenset({"wave", "series", "spate", "string", "flurry", "round", "campaign", "volley"})
# Verbs that place one happening against another rather than tell a deed ("followed a series of strikes").
SEQUENCE_VERBS = frozenset({"follow", "precede", "come", "mark", "end", "match", "recall", "echo"})
# Verbs whose passive with a named person as subject tells that person's death.
DEATH_VERBS = frozenset({"kill", "slay", "assassinate"})
# A four-digit number in this range next to one of these tokens or a month name is a year, not a count.
YEAR_RANGE = (1900, 2100)
_ADDRESSEE_DEPS = ("dobj", "dative")
# A bracketed link to another story set inside a paragraph.
_INLINE_LINK = re.compile(
    r"^[(\[]\s*(?:related|read (?:more|also)|see also|also read|watch|listen)\b[^:]{0,20}:", re.I
)


@dataclass
class _Found:
    """A mention under construction, with the tokens that later steps need."""

    type: str
    trigger: Token
    agents: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    place: Span | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.6
    reported: bool = False  # said by someone a news source reports on, not by the sentence's speaker
    sourcing: bool = False  # a news outlet's trailing attribution of someone else's statement


def detect(doc: Doc, doc_id: str) -> list[Mention]:
    """All event mentions of a parsed article (only its reporting text is left unblanked)."""
    quotes = quote_ranges(doc.text)
    mentions: list[Mention] = []
    harmful: list[_Found] = []  # the last sentence's attacks: "Two civilians were killed." tells their toll
    # What "the two leaders" can count back to: named people and organisations, and earlier participants.
    names = [
        Span(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG")
    ]
    together: list[Span] = []  # the people the last sentence's event had together: "they" after it
    for sent in doc.sents:
        text = sent.text.strip()
        if len(text) < 3 or not any(t.pos_ in ("VERB", "NOUN", "AUX") for t in sent):
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        story_start = start + dateline_end(text)  # the dateline's place filed the story, it did not act
        in_sentence = _sentence_events(sent, quotes)
        harmful = incidents.bind(in_sentence, casualties.counts(sent), harmful)
        for found in in_sentence:
            found.agents = people_for_they(
                together, expand_counts(names, [s for s in found.agents if s.start >= story_start])
            )
            found.targets = [
                s
                for s in expand_counts(names, [s for s in found.targets if s.start >= story_start])
                if s not in found.agents
            ]
            mentions.append(
                Mention(
                    doc=doc_id,
                    type=found.type,
                    trigger=found.trigger.text,
                    trigger_start=found.trigger.idx,
                    sentence=text,
                    char_start=start,
                    char_end=start + len(text),
                    agents=found.agents,
                    targets=found.targets,
                    place=found.place,
                    attributes=found.attributes,
                    confidence=found.confidence,
                )
            )
            names += [s for s in (*found.agents, *found.targets) if s.label in ("PERSON", "ORG", "GPE")]
        names.sort(key=lambda s: s.start)
        if in_sentence:
            together = next(
                (p for f in reversed(in_sentence) if len(p := people_of(f.agents + f.targets)) >= 2), []
            )
    return continuity.fold(doc, mentions, quotes)


def _sentence_events(sent: SpacySpan, quotes: list[tuple[int, int]]) -> list[_Found]:
    if sent.text.rstrip().endswith("?"):
        return []  # a question asks whether something happened
    if _INLINE_LINK.match(sent.text.strip()):
        return []  # "(RELATED: Biden Admin Announces ...)": a link to another story, inside a paragraph
    near = [q for q in quotes if q[0] < sent.end_char and q[1] > sent.start_char]
    candidates = [tok for tok in sent if not near or not in_speakers_own_words(tok, near)]
    attacks = incidents.prune(_attacks(candidates))
    attacks += [
        _crowd_protest(a.trigger)
        for a in attacks
        if (a.type == "legal_action" or a.type in incidents.ATTACK_FAMILY)
        and a.trigger.pos_ == "VERB"
        and incidents.at_crowd(a.trigger)
    ]
    happenings = [
        h
        for h in attacks + _other_events(candidates)
        if (not _background(h.trigger) or incidents.specific_contact(h.trigger))  # "at their first meeting"
        and not _ranked_occasion(h.trigger)
    ]
    happenings = _one_deed(_one_operation(happenings))
    statements = [s for s in _statements(sent, candidates, near) if not _ranked_occasion(s.trigger)]
    protests = {h.trigger.i for h in happenings if h.type == "protest"}
    # "blocked the highway, demanding better pay": the demand is the protest's own, no statement of its own
    statements = [s for s in statements if not (s.trigger.tag_ == "VBG" and s.trigger.head.i in protests)]
    return _drop_sourcing(statements, happenings) + happenings


def _one_deed(happenings: list[_Found]) -> list[_Found]:
    """ "agreed to a ceasefire", "signed a peace agreement": a verb and the event noun it takes, of one
    type, are one event; the verb's mention keeps the noun's place."""
    by_token = {h.trigger.i: h for h in happenings}
    dropped: set[int] = set()
    for h in happenings:
        tok = h.trigger
        if tok.pos_ != "NOUN":
            continue
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        outer = by_token.get(verb.i) if tok.dep_ in ("dobj", "pobj") else None
        if outer is not None and outer is not h and outer.type == h.type and outer.trigger.pos_ == "VERB":
            outer.place = outer.place or h.place
            dropped.add(id(h))
    return [h for h in happenings if id(h) not in dropped]


def _one_operation(happenings: list[_Found]) -> list[_Found]:
    """ "Seven people were arrested after police raided nine addresses in a crackdown": the arrests, the
    raids and the crackdown told in one clause tree are one law-enforcement operation."""
    legal = [h for h in happenings if h.type == "legal_action"]
    inner = {id(h) for h in legal for outer in legal if outer is not h and _part_of(h, outer)}
    return [h for h in happenings if id(h) not in inner]


def _part_of(inner: _Found, outer: _Found) -> bool:
    """Whether a legal action hangs undated from another one by no other hand ("A court sentenced him
    after police arrested him in May" tells two)."""
    if inner.trigger not in outer.trigger.subtree or inner.trigger.dep_ == "conj":
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in inner.trigger.subtree):
        return False
    hands = {a.text.lower() for a in inner.agents}, {a.text.lower() for a in outer.agents}
    return not all(hands) or hands[0] == hands[1]


def _crowd_protest(verb: Token) -> _Found:
    """ "police fired tear gas (live ammunition) at protesters": the policing or violence, and the
    protest it was aimed at."""
    crowd = next(t for t in incidents.crowd_of(verb))
    found = _Found("protest", crowd, agents=spans([crowd]))
    found.place = place_in(
        pobjs(verb, frozenset({"in", "at", "near"})) + pobjs(crowd, frozenset({"in", "at", "near"}))
    )
    return found


def _ranked_occasion(trigger: Token) -> bool:
    """ "It is the first time Hezbollah has claimed such an attack": a clause that ranks an occasion
    ("the first time", "the third time") tells how often, not a happening of its own."""
    head = trigger
    while head.dep_ not in ("relcl", "ROOT") and head.head.i != head.i:
        head = head.head
    noun = head.head
    return (
        head.dep_ == "relcl"
        and noun.lemma_.lower() == "time"
        and any(
            c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" or c.lower_ in ("last", "only") for c in noun.children
        )
    )


def _background(trigger: Token) -> bool:
    """ "It was the deadliest strike this year", "the third such incident this month": a noun that ranks or
    classes events describes something else, it does not tell a happening of its own."""
    if trigger.pos_ != "NOUN":
        return False
    if trigger.dep_ == "attr":
        return True
    return any(
        c.tag_ == "JJS" or c.lower_ == "such" or c.ent_type_ == "ORDINAL"
        for c in trigger.children
        if c.dep_ in ("amod", "predet", "det", "nummod")
    )


def _drop_sourcing(statements: list[_Found], happenings: list[_Found]) -> list[_Found]:
    """ "Police said two rockets struck the airport": the attack is the news, the saying only its source.

    A plain report whose complement tells another event (a verb, or a noun specific enough to be one:
    "gunmen killed 12 in an attack on a market, sources said") is no statement of its own, unless the speaker
    did that event ("Hezbollah said it detonated the devices" claims responsibility); warnings,
    accusations, demands and denials are news whatever they report.
    """
    kept = []
    for found in statements:
        if found.attributes.get("speech_act") in SOURCING_ACTS and (
            found.trigger.lemma_.lower() in SOURCING_VERBS or _trailing_report(found.trigger)
        ):
            inside = [h for h in happenings if _reports(found.trigger, h.trigger) and _tells(h)]
            if any(_blamed(h) for h in inside):
                found.attributes["speech_act"] = "accusation"  # "said troops opened fire without provocation"
                kept.append(found)
                continue
            # "Hezbollah said it detonated the devices": a claim of its own deed
            speakers = {s.text.lower() for s in found.agents} | SELF_REFERENCES
            if inside and not any(speakers & _doers(h) or _own_side(found, h) for h in inside):
                continue
        kept.append(found)
    return kept


def _trailing_report(verb: Token) -> bool:
    """ "Strikes hit the embassy, killing a commander, state media reported.": an outlet's report told after
    the news it carries only sources it ("SANA reported that ..." up front is the outlet's own news)."""
    if verb.lemma_.lower() != "report":
        return False
    told_before = any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)
    return told_before or (verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i)


def _stems(texts: set[str]) -> set[str]:
    """Word stems of names and titles, so that "Presidential spokesperson" meets "the President"."""
    return {
        w[:5] for text in texts for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "of", "and")
    }


def _own_side(statement: _Found, happening: _Found) -> bool:
    """A spokesperson or official telling of their own side's deed is a statement of its own ("Police
    spokesperson X said 47 people had been arrested", "the group had targeted ..." told by its spokesman)."""
    speakers = {" ".join(t.text for head in _speaker_heads(statement.trigger) for t in head.subtree)}
    doers = _doers(happening)
    if _stems(doers) & _stems(set(OWN_GROUP_NOUNS)) or _stems(speakers) & _stems(doers):
        return True
    passive = any(c.dep_ == "nsubjpass" for c in happening.trigger.children)
    agentless = passive and not by_agent(happening.trigger)
    return agentless and bool(_stems(speakers) & _stems(set(OFFICIAL_TITLES)))


def _blamed(happening: _Found) -> bool:
    """A deed told with blame ("opened fire without provocation", "deliberately targeted civilians")."""
    verb = happening.trigger
    words = {t.lower_ for c in verb.children if c.dep_ in ("prep", "advmod", "amod") for t in c.subtree}
    return bool(words & BLAME_CUES)


def _tells(found: _Found) -> bool:
    """A verb tells a happening; a noun only when it names a new attack ("killed 12 in an attack"):
    "behind these attacks" refers to one, and a speaker's "call with X" may be the speaker's own."""
    if found.trigger.pos_ == "VERB":
        return True
    return found.type in incidents.ATTACK_FAMILY and not any(
        c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC_DETS for c in found.trigger.children
    )


def _doers(found: _Found) -> set[str]:
    """Who did a happening, as written: its agents, else its grammatical subjects (pronouns included)."""
    return {a.text.lower() for a in found.agents} | {t.lower_ for t in subject_of(found.trigger)}


def _reports(verb: Token, trigger: Token) -> bool:
    """Whether ``trigger`` stands in the clause ``verb`` reports (its ccomp or the clause it interrupts)."""
    cur = trigger
    while cur.head.i != cur.i:
        if cur.head.i == verb.i:
            return cur.dep_ in ("ccomp", "xcomp", "parataxis")
        cur = cur.head
    # "Two rockets struck the airport, police said": the saying hangs from the reported clause.
    return verb.dep_ in ("parataxis", "ccomp") and verb.head.i == trigger.i


# --- statements -------------------------------------------------------------------------------


def _speech_act(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    if lemma == "call":
        particles = {  # "called Goita on Tuesday": a dated "on" is no "call on"
            c.lower_
            for c in tok.children
            if c.dep_ in ("prt", "prep") and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
        }
        return "appeal" if particles & APPEAL_PARTICLES else None
    if lemma in SUMMON_VERBS:  # "summoned the ambassador to protest": a diplomatic protest
        return "accusation" if _envoy_object(tok) else None
    act = SPEECH_VERBS.get(lemma)
    if act is None or incidents.dismissal(tok):
        return None
    if lemma in ACTOR_SPEECH and any(_happening_subject(s) for s in subject_of(tok)):
        return None  # "the raid underscored the risks": nobody speaks
    deps = {c.dep_ for c in tok.children}
    if (
        lemma in WEAK_SPEECH
        and not deps & {"ccomp", "dobj", "parataxis"}
        and tok.dep_ not in ("ccomp", "parataxis")
    ):
        return None
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None  # "as the read-out explained": a source, not a statement
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None  # "attacks blamed on X": nobody speaks
    if lemma == "ask" and not any(_infinitive(c) for c in tok.children):
        return None  # a question ("asked who"), not a request ("asked him to help")
    if lemma == "tell" and "xcomp" in deps:
        return "demand"
    return act


def _happening_subject(subject: Token) -> bool:
    """A subject naming a happening or a state of affairs ("the raid", "the crisis"): it cannot speak."""
    lemma = subject.lemma_.lower()
    return lemma in ATTACK_NOUNS or lemma in EVENT_NOUNS or lemma in INCIDENT_NOUNS or lemma in NON_SPEAKERS


def _envoy_object(verb: Token) -> bool:
    """Whether the verb's object is a diplomat ("China's ambassador", "Freedonia's charge d'affaires")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        t.lower_ in DIPLOMAT_NOUNS or t.lemma_.lower() in DIPLOMAT_NOUNS for o in objects for t in o.subtree
    )


def _infinitive(tok: Token) -> bool:
    return tok.dep_ in ("xcomp", "advcl", "ccomp") and tok.tag_ == "VB"


def _statements(sent: SpacySpan, tokens: list[Token], quotes: list[tuple[int, int]]) -> list[_Found]:
    accepted: dict[int, _Found] = {}
    for tok in tokens:
        act = _speech_act(tok)
        if act is None or is_irrealis(tok):
            continue
        found = _Found("statement", tok, attributes={"speech_act": act})
        found.agents = spans(_speaker_heads(tok))
        found.targets, told_to = _addressees(tok)
        found.targets += [
            s
            for s in reported_subjects(tok)
            if s not in found.targets and not any(a.start < s.end and s.start < a.end for a in found.agents)
        ]
        if told_to:
            found.attributes["told_to"] = told_to
        accused = _accused(sent)
        if accused:
            found.targets = [s for s in found.targets if s not in accused] + accused
            found.attributes["speech_act"] = "accusation"
        quote = _quote(sent, quotes)
        if quote:
            found.attributes["quote"] = quote
        accepted[tok.i] = found
    for tok in tokens:
        _fold_nested(tok, accepted)
    statements = [f for f in accepted.values() if not f.sourcing] + _speech_nouns(tokens, accepted)
    return _one_per_sentence(statements)


def _speaker_heads(tok: Token) -> list[Token]:
    heads = subject_of(tok)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    if passive or any(h.dep_ == "nsubjpass" for h in heads):
        return by_agent(tok)  # "a raid that has been blamed on Freedonia": only a "by" phrase names a speaker
    if heads:
        return heads
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "angered voters by claiming that ...": the gerund's speaker is the governing clause's subject
        return [s for s in subject_of(tok.head.head) if s.dep_ == "nsubj"]
    if tok.dep_ in ("acl", "advcl") and tok.head.pos_ == "NOUN":
        noun = tok.head
        for child in noun.children:
            if child.dep_ == "poss":
                return [child]
            if child.dep_ == "acl":
                return by_agent(child)
    return by_agent(tok)


def _accused(sent: SpacySpan) -> list[Span]:
    """Whom a statement holds responsible: "X is behind these attacks", "X was responsible for"."""
    out: list[Span] = []
    for word in sent:
        if word.lower_ in BLAME_PREDICATES and word.head.lemma_ == "be" and word.dep_ in ("prep", "acomp"):
            subjects = [c for c in word.head.children if c.dep_ == "nsubj"]
            out += [s for s in spans(subjects) if s.label in ("PERSON", "ORG", "GPE", "NORP")]
    return out


def _addressees(tok: Token) -> tuple[list[Span], str | None]:
    targets, told_to = _objects_addressed(tok)
    # "X, while speaking with Y, urged ...": whom the speaker was talking with is addressed
    talks = [c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() in CONVERSE_VERBS]
    partners = [s for c in talks for s in spans(pobjs(c, frozenset({"with", "to"}))) if s.label == "PERSON"]
    return targets + [s for s in partners if s not in targets], told_to


def _objects_addressed(tok: Token) -> tuple[list[Span], str | None]:
    objects = [c for c in tok.children if c.dep_ in _ADDRESSEE_DEPS]
    objects += pobjs(tok, frozenset({"on", "upon"}))
    if tok.lemma_.lower() in ("tell", "say"):
        found = spans(objects)
        targets = [s for s in found if s.label in TOLD_TO_LABELS]
        rest = [s.text for s in found if s not in targets]
        return targets, (rest[0] if rest else None)
    if tok.lemma_.lower() in (
        "ask",
        "urge",
        "warn",
        "accuse",
        "blame",
        "call",
        "advise",
        "order",
        "press",
        "summon",
    ):
        return spans(objects), None
    return [], None


def _quote(sent: SpacySpan, quotes: list[tuple[int, int]]) -> str | None:
    for start, end in quotes:
        if start < sent.end_char and end > sent.start_char:
            quoted = sent.doc.char_span(start, end, alignment_mode="expand")
            return quoted.text.strip('“”" ') if quoted is not None else None
    return None


def _nearest_speech_ancestor(tok: Token, accepted: dict[int, _Found]) -> Token | None:
    cur = tok
    while cur.head.i != cur.i and cur.dep_ not in ("relcl", "acl"):
        cur = cur.head
        if cur.i in accepted:
            return cur
    return None


def _fold_nested(tok: Token, accepted: dict[int, _Found]) -> None:
    """A reporting verb inside another one's report is part of that statement ("told ... he expressed"),
    unless a news source reports what someone else said ("Reuters reported that X urged")."""
    if tok.i not in accepted:
        return
    outer_tok = _nearest_speech_ancestor(tok, accepted)
    if outer_tok is None:
        return
    inner, outer = accepted[tok.i], accepted[outer_tok.i]
    named = [s for s in subject_of(tok) if s.lower_ not in PARTICIPANT_PRONOUNS]
    source = (
        outer.attributes.get("speech_act") == "report"
        or any(a.text.lower() in _MEDIA for a in outer.agents)
        # "the presidency said X spoke by phone with Y and thanked him": words spoken in a call it reports
        or (tok.dep_ == "conj" and _other_type(tok.head) in ("phone_call", "meeting"))
        # "the delegates have criticised the test, the office said": the ministry's account of the envoys'
        # condemnation, two statements
        or _account_of_strong_act(tok, outer_tok, inner)
    )
    if named and source and {s.text for s in inner.agents} != {s.text for s in outer.agents}:
        inner.reported = True
        # "X warned that ..., the agency reported.": the outlet only tells where the warning was read
        outer.sourcing = outer_tok.i > tok.i and (
            outer.attributes.get("speech_act") == "report"
            or any(a.text.lower() in _MEDIA for a in outer.agents)
        )
        return
    _merge(outer, inner)
    del accepted[tok.i]


def _account_of_strong_act(tok: Token, outer_tok: Token, inner: _Found) -> bool:
    """A trailing attribution ("..., the ministry said") of a named party's condemnation, warning or
    demand told before it: the party's act and the speaker's account of it."""
    return (
        tok.dep_ in ("parataxis", "ccomp")
        and tok.head.i == outer_tok.i
        and tok.i < outer_tok.i
        and inner.attributes.get("speech_act") not in SOURCING_ACTS
        and any(_is_name(w) for s in subject_of(tok) for w in s.subtree)
    )


def _merge(into: _Found, other: _Found) -> None:
    act, other_act = into.attributes.get("speech_act"), other.attributes.get("speech_act")
    if other_act in SPEECH_ACT_RANK and (
        act not in SPEECH_ACT_RANK or SPEECH_ACT_RANK.index(other_act) < SPEECH_ACT_RANK.index(act)
    ):
        into.attributes["speech_act"] = other_act
    for span in other.targets:
        if span not in into.targets:
            into.targets.append(span)
    for span in other.agents:
        if not into.agents:
            into.agents.append(span)


def _speech_nouns(tokens: list[Token], accepted: dict[int, _Found]) -> list[_Found]:
    """ "released a statement", "a statement issued by X", "made threats": statements named by nouns."""
    out: list[_Found] = []
    for tok in tokens:
        act = SPEECH_NOUNS.get(tok.lemma_.lower())
        if act is None or tok.pos_ != "NOUN" or is_irrealis(tok):
            continue
        heads: list[Token] = []
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ISSUE_VERBS:
            heads = subject_of(tok.head)
        for child in tok.children:
            if child.dep_ == "acl" and child.lemma_.lower() in ISSUE_VERBS:
                heads = by_agent(child)
        if heads:
            out.append(_Found("statement", tok, agents=spans(heads), attributes={"speech_act": act}))
    return out


def _one_per_sentence(statements: list[_Found]) -> list[_Found]:
    """A sentence reports one statement, plus those a news source attributes to others; a statement
    nobody makes is folded into the sentence's statement or dropped."""
    ordered = sorted(statements, key=lambda f: (not f.agents, f.trigger.i))
    kept: list[_Found] = []
    main: _Found | None = None
    for found in ordered:
        if (found.reported and found.agents) or (main is not None and _other_speaker(main, found)):
            kept.append(found)
        elif main is None and found.agents:
            main = found
            kept.append(found)
        elif main is not None:
            _merge(main, found)
    return sorted(kept, key=lambda f: f.trigger.i)


def _other_speaker(main: _Found, found: _Found) -> bool:
    """ "X said ..., while Y's ministry said ...": a second named speaker in a clause of its own (neither
    statement inside the other's) makes a statement of its own."""
    named = [t for t in _speaker_heads(found.trigger) if any(_is_name(w) for w in t.subtree)]
    return (
        bool(named)
        and main.trigger.pos_ == found.trigger.pos_ == "VERB"
        and {a.text for a in found.agents}.isdisjoint(a.text for a in main.agents)
        and found.trigger not in main.trigger.subtree
        and main.trigger not in found.trigger.subtree
    )


def _is_name(tok: Token) -> bool:
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN"


# --- attacks ----------------------------------------------------------------------------------


def _noun_lemma(tok: Token) -> str:
    """The lemma, also of a capitalised plural the tagger took for a name ("Rockets struck ...")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lemma.endswith("s") and lemma not in WEAPONS and lemma[:-1] in WEAPONS:
        return lemma[:-1]
    return lemma


def _weapon_of(tokens: list[Token]) -> tuple[str, str] | None:
    for tok in tokens:
        lemma = _noun_lemma(tok)
        extra = incidents.weapon(tok)
        if extra:
            return extra
        if lemma in WEAPONS:
            return WEAPONS[lemma]
        if lemma in AIR_MODIFIERS and tok.head.lemma_.lower() not in AIR_DEFENCE_NOUNS:
            return WEAPONS["airstrike"]  # "an air raid", not "its air defences intercepted a missile
    return None


def _weapon_owners(subjects: list[Token]) -> list[Span]:
    """ "Russian drones struck", "U.S. and British warplanes hit": whoever the weapon's national or named
    modifier names fired it."""
    owners = [
        c
        for head in subjects
        if head.lemma_.lower() in WEAPONS
        for c in head.children
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG")
    ]
    owners += [c for o in owners for c in o.children if c.dep_ == "conj" and c.ent_type_ in ("NORP", "GPE")]
    return spans(owners)


def _number(tok: Token) -> int | None:
    """The count a number modifying ``tok`` gives ("14 rockets", "two strikes"); never a year."""
    for child in tok.children:
        if (child.dep_ in ("nummod", "quantmod") or child.like_num) and not _is_date_number(child):
            text = child.text.replace(",", "")
            if text.isdigit():
                return int(text)
            if child.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[child.lower_]
    return None


def _is_date_number(tok: Token) -> bool:
    """A number that is part of a date: inside a DATE entity, or a year (1900-2100) written in
    parentheses or a range or next to a month ("the war (2003-2011)", "in May 2019")."""
    if tok.ent_type_ == "DATE":
        return True
    if not (tok.text.isdigit() and len(tok.text) == 4 and YEAR_RANGE[0] <= int(tok.text) <= YEAR_RANGE[1]):
        return False
    doc = tok.doc
    neighbours = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(n.text in YEAR_CONTEXT or n.lower_ in MONTHS for n in neighbours)


def _attack_noun_specific(tok: Token) -> bool:
    """An attack noun names a new, particular attack when it is indefinite, counted or dated."""
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    if dets and dets[0] in DEMONSTRATIVES:
        return False  # "over that robbery last week": one told before, dated or not
    if dets and dets[0] in ANAPHORIC_DETS and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "claim":
        return False  # "X claimed the attack on March 29": responsibility for one already told
    if any(t.ent_type_ == "DATE" for t in tok.subtree if t.i != tok.i):
        return True
    if dets and dets[0] in ANAPHORIC_DETS:
        return False  # "these two attacks", "the attack": already told
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in CARRY_OUT_VERBS:
        return True  # "carried out airstrikes": the verb reports them
    if _series_done(tok):
        return True
    return _number(tok) is not None or (bool(dets) and dets[0] in ("a", "an", "another"))


def _series_done(tok: Token) -> bool:
    """ "the rebels launched a wave of attacks on X": a series that someone did (it is the object of
    a verb with a subject) tells new attacks; "followed a series of strikes" or "after a flurry of
    attacks" only names them."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    series = tok.head.head
    if series.lemma_.lower() not in SERIES_NOUNS or series.dep_ != "dobj":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in series.children):
        return False
    verb = series.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in SEQUENCE_VERBS and bool(subject_of(verb))


def _attacks(tokens: list[Token]) -> list[_Found]:
    out: list[_Found] = []
    seen_weapon: tuple[str, str] | None = None
    seen_agents: list[Span] = []
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if _offence(tok):
            continue
        if tok.pos_ == "NOUN" and (lemma in ATTACK_NOUNS or incidents.is_attack_noun(tok)):
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
            weapon = _weapon_of([*mods, tok, *pobjs(tok, frozenset({"of", "with", "by"}))])
            agents = spans(by_agent(tok) + [c for c in tok.children if c.dep_ == "poss"])
            agents += [
                s for s in spans(m for m in mods if m.ent_type_ in ("NORP", "GPE", "ORG")) if s not in agents
            ]
            if (
                not agents
                and tok.dep_ == "dobj"
                and tok.head.lemma_.lower() in ATTACK_VERBS | CARRY_OUT_VERBS
            ):
                agents = spans(subject_of(tok.head))  # "Hezbollah fired a barrage of rockets"
            elif not agents and _series_done(tok):
                agents = spans(subject_of(tok.head.head.head))  # "the rebels launched a wave of attacks"
            if weapon is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in CARRY_OUT_VERBS:
                weapon = _weapon_of(list(subject_of(tok.head)))  # "jets carried out raids"
            if weapon and not seen_weapon:
                seen_weapon, seen_agents = weapon, agents
            specific = incidents.noun_specific if lemma not in ATTACK_NOUNS else _attack_noun_specific
            if is_irrealis(tok) or not specific(tok) or incidents.arrest_raid(tok):
                continue
            if weapon is None and seen_weapon is not None:
                # A list after "a series of drone strikes by X:" elaborates that series.
                weapon, agents = seen_weapon, agents or list(seen_agents)
            found = _Found((weapon or ("", "other_attack"))[1], tok, agents=agents)
            _attack_details(found, tok, pobjs(tok, frozenset({"on", "against", "at", "in", "near"})))
            if weapon is None and incidents.enforcement(tok, _noun_doers(tok)):
                found.type = "legal_action"  # "a police raid", "officers took part in the raids"
            out.append(found)
        elif (
            tok.pos_ == "VERB"
            and (lemma in ATTACK_VERBS or incidents.is_attack_verb(tok))
            and not is_irrealis(tok)
        ):
            by_verb = _attack_verb(tok)
            if by_verb:
                out.append(by_verb)
            elif (death := _named_death(tok)) is not None:
                out.append(death)
    return out


def _named_death(verb: Token) -> _Found | None:
    """ "X, commander of Y, was killed in the bombardment": a named person's killing, told apart from the
    attack it names, is that person's death (a count of the dead stays a toll of the attack)."""
    if verb.lemma_.lower() not in DEATH_VERBS or verb.tag_ != "VBN":
        return None
    victims = [c for c in verb.children if c.dep_ == "nsubjpass" and c.ent_type_ == "PERSON"]
    if not victims:
        return None
    return _Found("death", verb, targets=spans(victims))


def _offence(tok: Token) -> bool:
    """ "charged with assault", "arrested on suspicion of murder": the offence a legal action names."""
    prep = tok.head if tok.dep_ in ("pobj", "pcomp") else None
    return (
        prep is not None
        and prep.lower_ in ("with", "of", "for")
        and prep.head.lemma_.lower() in OFFENCE_GOVERNORS
    )


def _noun_doers(tok: Token) -> list[Token]:
    """Who does what an event noun names: its "by" agent, owner or modifier, or the subject of the verb
    that takes it ("officers took part in the raids", "police carried out a raid")."""
    doers = by_agent(tok) + [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
    return doers + (subject_of(governor) if governor is not None and governor.pos_ == "VERB" else [])


# Verbs of fighting whose "with" phrase names the other side.
_SIDED_VERBS = FIGHT_VERBS | {"clash", "skirmish", "exchange"}


def _attack_verb(tok: Token) -> _Found | None:
    subjects = subject_of(tok)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    objects = subjects if passive else [c for c in tok.children if c.dep_ == "dobj"]
    if any(s.lemma_.lower() in ATTACK_NOUNS for s in subjects + objects):
        return None  # "the attack targeted X", "fired a barrage": the noun is the event
    agents = by_agent(tok) if passive else subjects
    with_tools = pobjs(tok, frozenset({"with"}))
    cue_tokens = [t for head in [*with_tools, *objects, *agents] for t in head.subtree]
    weapon = _weapon_of(cue_tokens)
    weak = tok.lemma_.lower() in WEAK_ATTACK_VERBS | WEAK_INCIDENT_VERBS
    if weak and weapon is None and incidents.support_phrase(tok) is None and not incidents.armed_doer(tok):
        return None
    if any(p.lemma_.lower() in ATTACK_NOUNS for p in pobjs(tok, frozenset({"in", "by", "during"}))):
        return None  # "killed in an airstrike": the noun is the event
    if not incidents.harm_stands_alone(tok, agents):
        return None
    found = _Found(
        (weapon or ("", "other_attack"))[1],
        tok,
        agents=[
            a for a in spans(agents) if a.label != "NOUN" or _is_actor(a) or _weapon_of([*agents]) is None
        ]
        or _weapon_owners(agents),
    )
    for tool in with_tools + [o for o in objects if o.lemma_.lower() in WEAPONS]:
        count = _number(tool)
        if count:
            found.attributes["count"] = count
    _attack_details(found, tok, objects + pobjs(tok, frozenset({"on", "against", "at", "in", "near"})))
    if tok.lemma_.lower() in _SIDED_VERBS:  # "X clashed with Y", "exchanged fire with Y": Y is a party
        sides = spans(w for w in with_tools if _weapon_of([w]) is None)
        found.targets += [
            s
            for s in sides
            if s not in found.targets and s.label not in ("GPE", "FAC", "LOC") and _is_actor(s)
        ]
    if incidents.enforcement(tok, agents):
        found.type = "legal_action"  # "police raided a house"
    elif incidents.by_rioters(tok):
        found.type = "protest"  # "rioters torched a bank"
    elif found.type == "legal_action" and incidents.at_vessel(tok):
        found.type = "other_attack"  # "a ship fired its water cannon at the boat": no crowd is policed"
    return found


def _attack_details(found: _Found, tok: Token, target_heads: list[Token]) -> None:
    weapon = next((w for w, t in WEAPONS.values() if t == found.type), None)
    if found.type != "other_attack" and weapon:
        found.attributes["weapon"] = weapon
    count = _number(tok) if tok.pos_ == "NOUN" else None
    if count is not None and count > 1:
        found.attributes["aggregate"] = True  # "10 rocket attacks": the count is of attacks, not weapons
    for child in tok.children:
        if child.lower_ in NUMBER_WORDS and child.dep_ == "advmod":
            count = NUMBER_WORDS[child.lower_]
    if count:
        found.attributes["count"] = count
    found.place = place_in(target_heads)
    found.targets = [s for s in spans(target_heads) if s.label not in ("GPE", "FAC", "LOC") and _is_actor(s)]
    found.targets += attacked_states(tok)  # "attacks on Israel": the state, not a place
    casualties = _casualties(tok)
    if casualties:
        found.attributes["casualties"] = casualties
        if not found.targets and "who_span" in casualties:
            found.targets = [casualties.pop("who_span")]
        casualties.pop("who_span", None)


def _casualties(tok: Token) -> dict[str, Any]:
    """ "wounded five members of X", "killing two soldiers", "causing minor injuries"."""
    verbs: list[Token] = []
    if tok.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(tok.head)
        verbs += [c for c in tok.head.children if c.dep_ in ("conj", "advcl", "xcomp")]
    verbs += [c for c in tok.children if c.dep_ in ("conj", "advcl", "acl", "xcomp")]
    out: dict[str, Any] = {}
    for verb in verbs:
        kind = CASUALTY_VERBS.get(verb.lemma_.lower())
        if kind is None:
            if verb.lemma_.lower() == "cause" and any(
                c.lemma_.lower() in ("injury", "casualty") for c in verb.children
            ):
                out["wounded"] = None
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            out[kind] = _number(obj)
            # As written ("Iraq’s forces", not "Iraq ’s forces"), without the count.
            words = [t for t in obj.subtree if t.dep_ != "nummod" and not t.like_num]
            out["who"] = "".join(t.text_with_ws for t in words).strip()
            who = participant(obj)
            named = [t for t in obj.subtree if t.ent_type_ in ("ORG", "NORP", "GPE")]
            named.sort(key=lambda t: ("ORG", "NORP", "GPE").index(t.ent_type_))
            best = next((s for s in map(participant, named) if s is not None), who)
            if best is not None:
                out["who_span"] = best
    return {k: v for k, v in out.items() if v is not None and v != ""}  # no {"wounded": None}


def _is_actor(span: Span) -> bool:
    """Named participants, and descriptions whose head noun names people or groups ("Iraqi soldiers")."""
    if span.label != "NOUN":
        return True
    head = span.text.split()[-1].lower()
    return head in GROUP_NOUNS or head in PERSON_NOUNS


# --- other event types ------------------------------------------------------------------------


def _other_events(tokens: list[Token]) -> list[_Found]:
    out: list[_Found] = []
    for tok in tokens:
        event_type = _other_type(tok)
        if event_type is None or is_irrealis(tok):
            continue
        if tok.pos_ == "NOUN" and not _event_noun_specific(tok):
            continue
        found = _Found(event_type, tok)
        partners = pobjs(tok, frozenset({"with", "between", "to"}))
        if tok.pos_ == "VERB":
            passive = any(c.dep_ == "nsubjpass" for c in tok.children)
            subjects = subject_of(tok)
            found.agents = spans(by_agent(tok) if passive else subjects)
            objects = subjects if passive else [c for c in tok.children if c.dep_ == "dobj"]
            if event_type == "phone_call" and not objects:
                objects = [c for c in tok.children if c.dep_ == "oprd"]  # "called Goita on Tuesday"
            if event_type == "phone_call" and not partners:
                partners = _purpose_partners(tok)
            if event_type == "protest":
                objects = [owner for o in objects for owner in _owner_of_protested(o)]
        else:
            found.agents = spans(by_agent(tok) + [c for c in tok.children if c.dep_ == "poss"])
            objects = []
            for clause in (c for c in tok.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"):
                found.agents = found.agents or spans(subject_of(clause) + by_agent(clause))
                partners = partners or pobjs(clause, frozenset({"with", "between"}))
            # "asked X in a phone call": the call is the governing verb's subject's, with its object.
            governor = _conversing(tok.head.head if tok.dep_ == "pobj" else tok.head)
            if governor.pos_ == "VERB" and tok.dep_ in ("pobj", "dobj", "nsubj"):
                found.agents = found.agents or spans(subject_of(governor))
                if not partners and tok.dep_ == "pobj":
                    partners = [c for c in governor.children if c.dep_ in ("dobj", "dative")]
        targets = [s for s in spans(objects) if s.label in ("PERSON", "ORG", "NORP") or _is_actor(s)]
        if event_type in PLACE_OBJECT_TYPES:
            targets = [s for s in targets if s.label != "GPE"]
        targets += [s for s in spans(partners) if s not in targets]
        found.targets = [s for s in targets if s.label not in ("FAC", "LOC") and s not in found.agents]
        found.place = place_in(objects if event_type == "visit" else []) or place_in(
            pobjs(tok, frozenset({"in", "at", "to", "near"}))
        )
        out.append(found)
    return out


def _purpose_partners(verb: Token) -> list[Token]:
    """ "spoke by phone to discuss the launch with his counterparts": whom the purpose clause of a call
    names as the other side ("with" on its verb or on its object)."""
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"):
        heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        found = [p for h in heads for p in pobjs(h, frozenset({"with"}))]
        if found:
            return found
    return []


def _owner_of_protested(obj: Token) -> list[Token]:
    """ "protested the president's decree": whose act a protest is against is whom it targets."""
    owners = [c for c in obj.children if c.dep_ == "poss" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
    return owners or [obj]


def _conversing(governor: Token) -> Token:
    """ "X and Y spoke ... since Z invaded W during a phone call", "X expressed concern over attacks that
    hit W in a phone call": a call the parse hangs from an attack verb belongs to the verb of speaking
    above it (nobody attacks in a phone call); any other governor stays."""
    lemma = governor.lemma_.lower()
    if lemma in CONVERSE_VERBS or not (lemma in ATTACK_VERBS or incidents.is_attack_verb(governor)):
        return governor
    cur = governor
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ == "VERB" and (
            cur.lemma_.lower() in CONVERSE_VERBS or cur.lemma_.lower() in SPEECH_VERBS
        ):
            return cur
    return governor


def _other_type(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in SUMMON_VERBS and _envoy_object(tok):
        return None  # "summoned the ambassador to protest": the protest is a statement
    if tok.pos_ == "VERB":
        for child in tok.children:
            phrasal = PHRASAL_EVENTS.get((lemma, child.lower_))
            if phrasal and child.dep_ in ("prt", "prep", "dobj"):
                return incidents.by_phone(child, phrasal)
        if lemma in CONVERSE_VERBS and incidents.by_phone_verb(tok):
            return "phone_call"  # "spoke by phone with"
        if lemma in SEND_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in DEPLOY_OBJECTS for c in tok.children
        ):
            return "deployment"  # "sent 300 troops", "units had been sent to the valley"
        if lemma == "call":
            # "called Goita on Tuesday": a lone name the parser took for a predicate ("called him a liar"
            # has an object as well) is the person called.
            callee_deps = ("dobj", "oprd") if not any(c.dep_ == "dobj" for c in tok.children) else ("dobj",)
            has_person = any(
                c.dep_ in callee_deps and c.ent_type_ in ("PERSON", "GPE", "ORG") for c in tok.children
            )
            complements = ("xcomp", "ccomp", "prt", *(("oprd",) if callee_deps == ("dobj",) else ()))
            no_complement = not any(c.dep_ in complements for c in tok.children)
            return "phone_call" if has_person and no_complement else None
        if (
            lemma in GATHER_VERBS
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in PROTESTER_NOUNS for c in tok.children)
            and not _went_home(tok)
        ):
            return "protest"  # "protesters gathered in the square", "marchers came back"
        if lemma in CONVERSE_VERBS:
            partners = pobjs(tok, frozenset({"with", "to"}))
            if any(p.ent_type_ == "PERSON" or p.lemma_.lower() in COUNTERPART_NOUNS for p in partners):
                return "phone_call"
            return "phone_call" if _pair_of_leaders(subject_of(tok)) else None
        if lemma == "name" and any(c.dep_ == "oprd" for c in tok.children):
            return None  # "named it X"
        return _plain_type(tok)
    return _noun_type(tok)


def _pair_of_leaders(subjects: list[Token]) -> bool:
    """ "The two ministers had met twice", "both presidents spoke": the parties are the subject."""
    return any(
        s.lemma_.lower() in COUNTERPART_NOUNS
        and s.tag_ == "NNS"
        and any(c.lower_ in ("two", "both") for c in s.children if c.dep_ in ("nummod", "det", "predet"))
        for s in subjects
    )


def _plain_type(tok: Token) -> str | None:
    return EVENT_VERBS.get(tok.lemma_.lower()) or incidents.other_type(tok)


def _noun_type(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        kind = EVENT_NOUNS.get(lemma) or incidents.other_type(tok)
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        if kind == "meeting" and mods & PHONE_WORDS:
            return "phone_call"  # "held phone talks"
        if kind == "phone_call":
            has_partner = bool(pobjs(tok, frozenset({"with", "between"})))
            if not (mods & PHONE_WORDS) and not (lemma == "call" and has_partner):
                return "meeting" if lemma == "conversation" and has_partner else None
        return kind
    return None


def _went_home(verb: Token) -> bool:
    """ "protesters returned home", "went back to their homes": the crowd leaving, not gathering."""
    words = {
        t.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep", "dobj") for t in c.subtree
    }
    return bool(words & {"home", "homes", "houses"})


def _event_noun_specific(tok: Token) -> bool:
    """Like attack nouns: "a phone call", "a May meeting", "talks with X" are events; "the call" is not."""
    if any(t.ent_type_ == "DATE" for t in tok.subtree if t.i != tok.i):
        return True
    if incidents.specific_contact(tok) or incidents.bare_incident(tok):
        return True
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for") and tok.head.head.pos_ == "NOUN":
        return tok.head.head.lower_ in ("months", "weeks", "days", "years")  # "two months of protests"
    if dets:
        return dets[0] in ("a", "an", "another")
    return tok.tag_ == "NNS" and bool(pobjs(tok, frozenset({"with", "between"})))
