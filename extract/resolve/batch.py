"""The resolver's entry point: per-article actors and places -> canonical ones -> merged events.

extract.run hands each parsed article to ``prepare`` (and then drops its Doc), and every
prepared article to a ``BatchBuilder`` once the batch's person names are known.
Per-document actors (extract.actors) are merged across articles by resolve.registry, and
mentions across articles by resolve.merge; the builder holds only their compact forms
between the two, so its memory grows by a few hundred bytes per mention.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc, Token

from eventgraph.extract.actors import DocActor, DocumentActors, own_side
from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.lexicons.countries import demonym_lookup
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.places import AFTER_PLACE_NAME as _AFTER_PLACE
from eventgraph.extract.lexicons.places import FEATURE_HEADS
from eventgraph.extract.lexicons.places import PLACE_NOUNS as _PLACE_NOUNS
from eventgraph.extract.lexicons.places import SAID_AT_PREPOSITIONS as _SAID_AT
from eventgraph.extract.lexicons.places import SAID_TO_NOUNS as _SAID_TO
from eventgraph.extract.pipeline.pieces import shifted
from eventgraph.extract.pipeline.spool import Spool
from eventgraph.extract.places import (
    SPECIFICITY,
    default_gazetteer,
    find_place,
    place_phrase,
    set_article,
    unlocated_place,
)
from eventgraph.extract.places_nearby import after_locative, nearby_place, targeted_premises
from eventgraph.extract.resolve.merge import Resolved, cluster, to_event
from eventgraph.extract.resolve.name_index import LastWordIndex
from eventgraph.extract.resolve.names import person_tokens, strip_possessive
from eventgraph.extract.resolve.registry import ActorRegistry, Handle
from eventgraph.graph.model import Affiliation, Article, Batch, Event, Place

# events_of(resolved mentions, actor names by id, place names by id, the spilled mentions by ``ref``):
# the merged events, in order.
EventsOf = Callable[[list[Resolved], dict[str, str], dict[str, str], Spool[Mention]], list[Event]]


def merged_events(
    resolved: list[Resolved], names: dict[str, str], place_names: dict[str, str], spilled: Spool[Mention]
) -> list[Event]:
    """The cross-article merge in this process (eventgraph.spark runs the same over blocks): each
    cluster's mentions are read back from the spool only while its event is built."""
    taken: set[str] = set()
    events = []
    for group in cluster(resolved):
        for r in group:
            r.attach(spilled.get(r.ref))
        events.append(to_event(group, names, taken, place_names))
        for r in group:
            r.attach(None)  # the event holds what it needs of it
    return events


_V = TypeVar("_V")
_DEFINITE_PLACE = re.compile(r"\bthe\s+(" + "|".join(_PLACE_NOUNS) + r")\b")
# "in/at/near ... <Capitalised place words>", optionally with a place noun ("Erbil province").
_LOCATIVE_PHRASE = re.compile(
    r"\b(?:in|at|near|on|outside|inside|across|along|into|over|around|visit(?:ed|ing|s)?|"
    r"(?:outskirts|vicinity|north|south|east|west)\s+of)\s+(?:the\s+)?"
    # "in the capital Capitalia", "in the southern city of Portville": a descriptor before the name
    r"(?:(?:(?:north|south)?(?:east|west)?(?:ern)?\s+)?(?:capital|city|town|village|port)\s+(?:of\s+)?)?"
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’-]*|al-\w+|province|governorate|region|border|air base|airfield))*)"
)


class _DocIndex:
    """What the place resolvers look up in one Doc, computed once per document: token start offsets
    (for offset -> token by bisection instead of a walk over every token per mention) and entities."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access
        self.lower = self.text.lower()
        self._starts = [t.idx for t in doc]
        self.ents = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        self._named: list[tuple[int, int]] | None = None

    def token_at(self, offset: int) -> Token | None:
        """The token starting exactly at ``offset``."""
        i = bisect_left(self._starts, offset)
        return self.doc[i] if i < len(self._starts) and self._starts[i] == offset else None

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end), in order."""
        return list(self.doc[bisect_left(self._starts, start) : bisect_left(self._starts, end)])

    def named(self) -> list[tuple[int, int]]:
        """Persons, and organisations the gazetteer does not know by that very name (an ORG it knows,
        "Erbil", is a mislabelled place, not an actor)."""
        if self._named is None:
            self._named = [
                (start, end)
                for start, end, label, text in self.ents
                if label == "PERSON" or (label == "ORG" and default_gazetteer().get(text) is None)
            ]
        return self._named


@dataclass
class Prepared:
    """One parsed article, or one piece of a long one, reduced to what resolution needs (text,
    entities, subjects, mentions, their places), so that its Doc can be released at once."""

    article: Article
    offset: int  # where this piece starts in the article's text (0 for a whole article)
    text: str
    entities: list[tuple[int, int, str]]
    subjects: list[int]
    mentions: list[Mention]
    places: list[Place | None]
    # per mention, a place its sentence names for a statement that gives none where it was made
    topic_places: list[Place | None] = field(default_factory=list)

    @property
    def people(self) -> list[str]:
        """The texts the model tags as persons: every article's resolution looks them up."""
        return [self.text[s:e] for s, e, label in self.entities if label == "PERSON"]


def prepare(article: Article, doc: Doc, mentions: list[Mention], offset: int = 0) -> Prepared:
    """What resolution needs of a parsed article; places come from the parse, so they are found here."""
    index = _DocIndex(doc)
    subjects = [t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass")] if doc.has_annotation("DEP") else []
    set_article(doc.text)  # its countries and admin areas decide the names places share
    try:
        places = [_place(m, index) for m in mentions]
        topics = [
            _topic_place(m, index) if p is None else None for m, p in zip(mentions, places, strict=True)
        ]
    finally:
        set_article(None)
    return Prepared(
        article,
        offset,
        index.text,
        [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        subjects,
        mentions,
        places,
        topics,
    )


class BatchBuilder:
    """Canonical actors, places and cross-article events, built one prepared article at a time.

    Each article's actors depend on the person names of the whole batch (``people``), so the
    builder is made once they are all known. It keeps only what the merge needs: per group of
    actors a few tallies (resolve.registry), per mention a compact ``Resolved`` whose full mention
    waits in a spool on disk until its event is written, per article its affiliation links.
    """

    def __init__(self, people: Iterable[str]) -> None:
        self.registry = ActorRegistry()
        self.places: dict[str, Place] = {}
        self._resolved: list[Resolved] = []  # participants as registry handles until finish
        self._mentions: Spool[Mention] = Spool()
        self._links: list[tuple[str, list[tuple[Handle, Handle, str]]]] = []  # (doc id, affiliations)
        self._shared: dict[object, object] = {}  # one object per distinct date and interval
        self._known = [" ".join(w) for w in map(person_tokens, sorted(set(people))) if w]
        self._known_index: LastWordIndex[int] = LastWordIndex()
        for i, name in enumerate(self._known):
            self._known_index.add(name.split(), i)

    def add(self, item: Prepared) -> None:
        """Resolve one article's participants and places; nothing is kept when this raises."""
        doc_id = item.article.id
        actors = DocumentActors(
            doc_id,
            item.text,
            item.entities,
            set(item.subjects),
            known_people=self._known_for(item),
            place_countries=[p.country for p in item.places if p is not None and p.country],
        )
        mentions = item.mentions
        for span in sorted({s for m in mentions for s in (*m.agents, *m.targets)}, key=lambda s: s.start):
            actors.resolve(span)
        found: list[tuple[Mention, list[DocActor], list[DocActor], Place | None]] = []
        for m, place in zip(mentions, item.places, strict=True):
            agents = _resolved(actors, m.agents)
            if m.type == "protest":
                agents = [actors.protester(a, m.trigger) for a in agents]
            elif not m.agents and m.type in _ATTACKS:
                unseen = actors.unclaimed(
                    m.attributes.get("weapon"), m.sentence, place.country if place else None
                )
                agents = [unseen] if unseen is not None else []  # "a bomb exploded": an unidentified group's
            targets = [
                t
                for t in _resolved(actors, [s for s in m.targets if not _destination(m, s)])
                if t not in agents
            ]
            if m.type == "statement":
                targets = [t for t in targets if not own_side(agents, t)]  # "X said the US would"
                told = [t for t in targets if t.kind == "media"]
                targets = [t for t in targets if t.kind != "media"]
                if told:
                    m.attributes.setdefault("told_to", [t.name for t in told])
            found.append((m, agents, targets, place))
        carried = carry_places(item.text, [(m, agents, place) for m, agents, _, place in found])
        if item.topic_places:  # a statement placed nowhere else: where its sentence puts what it is about
            carried = [c or t for c, t in zip(carried, item.topic_places, strict=True)]
        # Nothing above changed the builder: from here on the article is kept.
        handles: dict[int, Handle] = {}  # id(document actor) -> handle, for this article only

        def handle(actor: DocActor) -> Handle:
            known = handles.get(id(actor))
            if known is None:
                known = handles[id(actor)] = self.registry.add(doc_id, actor)
            return known

        for actor in actors.actors:
            handle(actor)
        published = self._share(item.article.published)
        for (m, agents, targets, _), place in zip(found, carried, strict=True):
            mention = shifted(m, item.offset)
            resolved = Resolved(
                mention,
                [handle(a) for a in agents],
                [handle(t) for t in targets],
                sys.intern(place.id) if place else None,
                published,
                ref=self._mentions.append(mention),
                keep=False,
            )
            resolved.date = self._share(resolved.date)
            self._resolved.append(resolved)
        for place in carried:
            if place is not None:
                self.places.setdefault(place.id, place)
        links = [
            (handle(actor), handle(org), role)
            for actor in actors.actors
            for role, org in actor.roles
            if org is not None
        ]
        if links:
            self._links.append((doc_id, list(dict.fromkeys(links))))

    def _share(self, value: _V) -> _V:
        """One object for equal dates: thousands of mentions share a few hundred days."""
        return value if value is None else self._shared.setdefault(value, value)  # type: ignore[return-value]

    def _known_for(self, item: Prepared) -> list[str]:
        """The batch's person names that can match a name of this article (the rest cannot:
        names.same_person always compares last words), so the cost does not grow with the batch."""
        words: set[str] = set()
        for start, end, _ in item.entities:
            text = item.text[start:end]
            for name in (strip_possessive(text).split(), person_tokens(text)):
                words.update(name[-1:])
        return [self._known[i] for i in self._known_index.candidates(words)]

    def finish(
        self, articles: list[Article], failed: Collection[str] = (), events_of: EventsOf = merged_events
    ) -> Batch:
        """The batch of ``articles``; what was added for an article in ``failed`` is left out.
        ``events_of`` merges the mentions (in this process by default)."""
        registry = self.registry
        ids = registry.ids()

        def id_of(h: Handle) -> str:
            return h if isinstance(h, str) else ids[h]

        resolved = [r for r in self._resolved if r.doc not in failed]
        self._resolved = []
        for r in resolved:
            r.agents = list(dict.fromkeys(map(id_of, r.agents)))
            r.targets = list(dict.fromkeys(map(id_of, r.targets)))
        canonical = registry.actors()
        names = {aid: a.name for aid, a in canonical.items()}
        place_names = {pid: p.name for pid, p in self.places.items()}
        with self._mentions as spilled:
            events = events_of(resolved, names, place_names, spilled)
        links = (
            (id_of(actor), id_of(org), role)
            for doc, found in self._links
            if doc not in failed
            for actor, org, role in found
        )
        affiliations = [Affiliation(*link) for link in dict.fromkeys(links)]
        used = {a for e in events for a in (*e.agents, *e.targets)} | {
            x for f in affiliations for x in (f.actor, f.org)
        }
        return Batch(
            articles=[a for a in articles if a.id not in failed],
            events=events,
            actors=[canonical[a] for a in sorted(used) if a in canonical],
            places=sorted(self.places.values(), key=lambda p: p.id),
            affiliations=affiliations,
        )


def _resolved(actors: DocumentActors, spans: list[Span]) -> list[DocActor]:
    out: list[DocActor] = []
    for span in spans:
        actor = actors.resolve(span)
        for found in [*actors.partners(span), actor] if actor is not None else []:
            if found not in out:
                out.append(found)
    return out


_ATTACKS = frozenset(["rocket_attack", "drone_attack", "missile_attack", "airstrike", "other_attack"])


def _place(m: Mention, doc: _DocIndex) -> Place | None:
    """The mention's place (_found_place), or the named premises in that city it attacked."""
    place = _found_place(m, doc)
    if place is not None and m.type in _ATTACKS:
        return targeted_premises(doc.text[m.char_start : m.char_end], place) or place
    return place


def _found_place(m: Mention, doc: _DocIndex) -> Place | None:
    """The mention's place; a span that is also a participant names an actor, not a place, and
    a country written as a modifier of the trigger ("US airstrikes") names the attacker.

    A region followed by an elaboration ("in the Kurdistan region: Harir airfield") gives way to
    the more specific place; without a place span, a non-statement event takes the place its
    sentence puts after a locative preposition ("a compound near Baghdad International Airport").
    """
    span = m.place
    # A target detection also chose as the place is both ("attacks on Israel": the state, and where).
    blocking = [
        (s.start, s.end) for s in m.agents + [t for t in m.targets if t != m.place] if not _destination(m, s)
    ]
    if span is not None and (
        not any(s < span.end and span.start < e for s, e in blocking) or after_locative(doc.text, span.start)
    ):
        place = _first_of_pair(m, doc, span.start) or find_place(place_phrase(doc.text, span.start, span.end))
        modifier = place is not None and place.kind == "country" and 0 <= m.trigger_start - span.end <= 2
        if not modifier:
            tail = re.match(r"(?:\s+[a-z]+){0,2}\s*[:,]\s*([^,;.]{3,60})", doc.text[span.end : span.end + 90])
            finer = find_place(tail.group(1)) if tail else None
            if place is not None and finer is not None and _rank(finer) < _rank(place):
                return finer
            if place is not None and place.kind == "country" and m.type != "statement":
                inner = _place_in_sentence(m, doc)
                finer = _finer_in(place, [inner] if inner is not None else []) or _unlocated_in(place, m, doc)
                if finer is not None:
                    return finer
            if place is not None or m.type == "statement":
                return place
    elif span is not None:
        return None
    elif m.type == "statement":
        return _said_at(m, doc)
    located = _place_in_sentence(m, doc)
    if located is not None and located.kind == "country":
        located = _unlocated_in(located, m, doc) or located
    return (
        located
        or _unlocated_in_sentence(m, doc)
        or _place_referred(m, doc)
        or (
            None  # a call joins two places; where it "happened" is neither
            if m.type == "phone_call"
            else nearby_place(doc.text, doc.ents, (m.char_start, m.char_end), m.trigger_start, blocking)
        )
    )


# "in <place> and in |<place>", "in <place> and |<place>": the span is the second of two places
_PAIRED = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+(?:[a-z]+\s+){0,2}?)?((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)"
    r"(?:\s+[a-z]+)?\s*(?:,\s*)?and\s+(?:in\s+|at\s+|near\s+)?(?:the\s+)?$"
)


def _topic_place(m: Mention, doc: _DocIndex) -> Place | None:
    """A statement's sentence names a place where what it speaks of happened ("summoned the envoy in
    Capitalia", "a project on the X peninsula"): the statement's place when nothing says where it was
    made."""
    if m.type != "statement":
        return None
    return _place_in_sentence(m, doc) or _unlocated_in_sentence(m, doc)


def _first_of_pair(m: Mention, doc: _DocIndex, start: int) -> Place | None:
    """ "strikes in the capital X and in Y province": of two places joined by "and", the event's
    place is the first named (news names the main scene first); None when the span has no such
    partner before it in its sentence."""
    pair = _PAIRED.search(doc.text, m.char_start, start)
    if pair is None or pair.end() != start:
        return None
    return find_place(place_phrase(doc.text, pair.start(1), pair.end(1)))


def _destination(m: Mention, span: Span) -> bool:
    """A visit's destination may stand as its object ("visited Baghdad"): it is still the place."""
    return m.type == "visit" and span.label in ("GPE", "FAC", "LOC")


def _rank(place: Place) -> int:
    return SPECIFICITY.get(place.kind, 3)


def _place_in_sentence(m: Mention, doc: _DocIndex) -> Place | None:
    """The place after a locative preposition in the sentence, nearest the trigger (after it first)."""
    named = doc.named()
    # A visit's destination may stand as its object ("visited Baghdad"): still the place.
    spans = [
        s for s in (*m.agents, *m.targets) if not (m.type == "visit" and s.label in ("GPE", "FAC", "LOC"))
    ]
    participants = [*((s.start, s.end) for s in spans), *named]
    sentence = doc.text[m.char_start : m.char_end]
    found = [
        (m.char_start + hit.start(1), hit.group(1))
        for hit in _LOCATIVE_PHRASE.finditer(sentence)
        if not any(s < m.char_start + hit.end(1) and m.char_start + hit.start(1) < e for s, e in participants)
    ]
    places = []
    for start, text in sorted(found, key=lambda f: (f[0] < m.trigger_start, abs(f[0] - m.trigger_start))):
        place = find_place(place_phrase(doc.text, start, start + len(text)))
        after = re.match(r"\s+([a-z]+)", doc.text[start + len(text) : start + len(text) + 20])
        if place is not None and place.kind == "country" and after and after.group(1) not in _AFTER_PLACE:
            continue  # "on US targets": the country is a modifier, not where it happened
        if place is not None:
            places.append(place)
    if places and places[0].kind == "country":
        return _finer_in(places[0], places[1:]) or places[0]
    return places[0] if places else None


def _finer_in(country: Place, places: list[Place]) -> Place | None:
    """The first of ``places`` inside ``country`` and finer than it: "fired drones at Country A,
    setting a depot ablaze in Town B" happened in Town B."""
    return next((p for p in places if p.country == country.country and p.kind != "country"), None)


# "near X", "in X district": prepositions that put the event at a named place, for names no gazetteer has
_UNLOCATED_BEFORE = re.compile(r"\b(?:in|near|outside|around|along|across)\s+(?:the\s+)?$")
# "near X", "along the X": only a place follows, whatever label the tagger gives a name it does not know
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|along|across)\s+(?:the\s+)?$")
_ANY_NAME = frozenset({"PRODUCT", "WORK_OF_ART", "PERSON", "ORG", "UNTAGGED"})
_NEAR_NAME = re.compile(
    r"\b(?:near|outside|along|across)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,2})(?![\w'’-]|\s+\d)"
)
_UNLOCATED_NOUN = re.compile(
    r"\s+(?:village|district|neighbou?rhood|estate|camp|town|peninsula|island|valley)\b"
)
# Before a natural feature's name ("heading to X Shoal", "on the X peninsula") more prepositions place
_FEATURE_BEFORE = re.compile(r"\b(?:in|near|outside|around|along|across|on|at|to|off)\s+(?:the\s+)?$")


def _unlocated_in_sentence(m: Mention, doc: _DocIndex) -> Place | None:
    """A place the sentence names after "in" or "near" that no gazetteer knows ("ambushed near
    Xville", "raids in Y Estate"): the event's place by the article's own name, without coordinates,
    rather than a located place from another sentence. Only a name the parse tags as a place (or one
    a place noun follows) counts, in the article's main country when it has one."""
    spans = [(s.start, s.end) for s in (*m.agents, *m.targets)]
    participants = [*spans, *doc.named()]
    for start, end, label, text in _sentence_names(m, doc):
        noun = _UNLOCATED_NOUN.match(doc.text, end)
        feature = _feature(text, noun)
        before = _FEATURE_BEFORE if feature else _UNLOCATED_BEFORE
        if not before.search(doc.text, max(0, start - 12), start):
            continue
        near = _NEAR_BEFORE.search(doc.text, max(0, start - 12), start) is not None
        named_place = feature or (near and label in _ANY_NAME)
        if label not in ("GPE", "LOC", "FAC") and noun is None and not named_place:
            continue
        # after "near" a name the tagger calls a person or organisation is a place unless a participant
        others = spans if named_place else participants
        if any(s < end and start < e for s, e in others) or not text[:1].isupper():
            continue
        name = doc.text[start : noun.end() if noun else end]
        if find_place(name) is not None or find_place(text) is not None or _areas_after(m, doc, end):
            return None
        return unlocated_place(name)
    return None


def _feature(text: str, noun: re.Match[str] | None) -> bool:
    """Whether a name is a natural feature's ("X Shoal", "the X peninsula", "the X valley")."""
    last = noun.group(0) if noun else text
    return last.split()[-1].lower() in FEATURE_HEADS if last.split() else False


def _sentence_names(m: Mention, doc: _DocIndex) -> list[tuple[int, int, str, str]]:
    """The sentence's entities, and the capitalised names after "near", "outside", "along" or "across"
    the tagger left untagged ("near X", "along the X Line"), by offset; a demonym is no
    such name ("near the Syrian border")."""
    ents = [_without_the(e) for e in doc.ents if m.char_start <= e[0] and e[1] <= m.char_end]
    for hit in _NEAR_NAME.finditer(doc.text, m.char_start, m.char_end):
        start, end = hit.span(1)
        if fold(hit.group(1)) in demonym_lookup() or any(
            s < end and start < e and not (start <= s and e <= end) for s, e, _, _ in ents
        ):
            continue
        # the name as a whole, over the pieces the tagger made of it ("Line" PERSON, "of", "X" GPE)
        ents = [e for e in ents if not (start <= e[0] and e[1] <= end)]
        ents.append((start, end, "UNTAGGED", hit.group(1)))
    return sorted(ents)


def _without_the(ent: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """An entity without the "the" the tagger took in ("the X Line of Y")."""
    start, end, label, text = ent
    if text.lower().startswith("the ") and len(text) > 4:
        return start + 4, end, label, text[4:]
    return ent


def _unlocated_in(country: Place, m: Mention, doc: _DocIndex) -> Place | None:
    """A place no gazetteer knows that the sentence names beside a country ("a camp near X in
    Country"): finer than the country, so the event's place, in that country."""
    found = _unlocated_in_sentence(m, doc)
    if found is None:
        return None
    return unlocated_place(found.name, country.country)


# Only names, "and", commas and brackets: "Village A and Village B (District, Province)"
_LISTING = re.compile(r"(?:\s*(?:,|\(|and\b|[A-Z][\w'’-]*))*\s*")


def _areas_after(m: Mention, doc: _DocIndex, end: int) -> bool:
    """Whether the unknown name is listed with known places right after it ("X and Y (District,
    Province)"): those areas place the event, with coordinates."""
    for start, _, label, text in doc.ents:
        if end <= start < m.char_end and label in ("GPE", "LOC", "FAC"):
            if not _LISTING.fullmatch(doc.text[end:start]):
                return False
            if find_place(text) is not None:
                return True
    return False


def _said_at(m: Mention, doc: _DocIndex) -> Place | None:
    """Where a statement was made: a locative phrase on the speech verb ("told lawmakers Wednesday on
    Capitol Hill") or on the speaker ("Lawmakers on Capitol Hill expressed concern") or on the audience
    ("told a news conference in Capitalia"). Phrases on other
    words give the topic, not the place ("concern over attacks in Iraq"), and "on <country>" is a topic."""
    trigger = doc.token_at(m.trigger_start)
    heads = [trigger] if trigger is not None else []
    for span in m.agents:
        heads += [t for t in doc.tokens(span.start, span.end) if not span.start <= t.head.idx < span.end]
    if trigger is not None:
        # "told a news conference in Capitalia", "told reporters at the ministry in Portville": the audience
        # or occasion of the speech, one preposition deep
        audience = [c for c in trigger.children if c.dep_ in ("dobj", "dative") and c.lower_ in _SAID_TO]
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "to", "during"):
                audience += [o for o in prep.children if o.dep_ == "pobj" and o.lower_ in _SAID_TO]
        heads += audience
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SAID_AT:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                place = find_place(doc.doc[obj.left_edge.i : obj.right_edge.i + 1].text)
                if place is not None and not (prep.lower_ == "on" and place.kind == "country"):
                    return place
    return None


def _place_referred(m: Mention, doc: _DocIndex) -> Place | None:
    """ "at the embassy", "the base": a definite place noun refers back to the last place of that kind
    the article named before the sentence."""
    hit = _DEFINITE_PLACE.search(doc.lower, m.char_start, m.char_end)
    if hit is None:
        return None
    kind = _PLACE_NOUNS[hit.group(1)]
    earlier = [e for e in doc.ents if e[1] <= m.char_start and e[2] in ("FAC", "GPE", "LOC", "ORG")]
    for start, end, _, text in reversed(earlier):
        window = doc.text[max(0, start - 40) : end]
        place = find_place(window) if kind == "embassy" else find_place(text)
        if place is not None and place.kind == kind:
            return place
    return None


def carry_places(text: str, items: list[tuple[Mention, list[DocActor], Place | None]]) -> list[Place | None]:
    """A statement with no place of its own, made by someone on a visit or at a meeting the article
    reported before (same agent, dates not excluding each other), was made there: "Taeb visited Baghdad
    last week and urged ...", later "According to the report, Taeb advised ...". A departure ("returning
    from Belgium") is no such place. ``items`` are one article's mentions with resolved agents and places."""
    out = [place for _, _, place in items]
    hosts = [
        (m, agents, place)
        for m, agents, place in items
        if place is not None
        and m.type in ("visit", "meeting")
        and agents
        and not (
            m.place and re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, m.place.start - 12) : m.place.start])
        )
    ]
    for i, (m, agents, place) in enumerate(items):
        if place is not None or m.type != "statement" or not agents:
            continue
        earlier = [
            (h, p)
            for h, h_agents, p in hosts
            if h.char_start <= m.char_start
            and any(a in h_agents for a in agents)
            and (h.date is None or m.date is None or h.date.overlaps(m.date))
        ]
        if earlier:
            out[i] = max(earlier, key=lambda hp: hp[0].char_start)[1]
    return out
