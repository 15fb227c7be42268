"""The resolver's entry point: per-article actors and places -> canonical ones -> merged events.

extract.run hands each parsed article to ``prepare`` (and then drops its Doc), and every
prepared article to a ``BatchBuilder`` once the batch's person names are known.
Per-document actors (extract.actors) are merged across articles here: a person by
their name forms (surname, transliteration), anything else by the key its lexicon or
name gives. The canonical name of a person is their longest, most frequent full name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc, Token

from eventgraph.extract.actors import DocActor, DocumentActors
from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.lexicons.places import AFTER_PLACE_NAME as _AFTER_PLACE
from eventgraph.extract.lexicons.places import PLACE_NOUNS as _PLACE_NOUNS
from eventgraph.extract.lexicons.places import SAID_AT_PREPOSITIONS as _SAID_AT
from eventgraph.extract.pipeline.pieces import shifted
from eventgraph.extract.places import SPECIFICITY, default_gazetteer, find_place, place_phrase, set_article
from eventgraph.extract.places_nearby import after_locative, nearby_place, targeted_premises
from eventgraph.extract.resolve.merge import Resolved, cluster, to_event
from eventgraph.extract.resolve.name_index import LastWordIndex
from eventgraph.extract.resolve.names import person_tokens, same_person, strip_possessive
from eventgraph.graph.model import (
    Actor,
    ActorKind,
    Affiliation,
    Article,
    Batch,
    Event,
    Place,
    actor_id,
    digest,
)

# events_of(resolved mentions, actor names by id, place names by id): the merged events, in order.
EventsOf = Callable[[list[Resolved], dict[str, str], dict[str, str]], list[Event]]


def merged_events(
    resolved: list[Resolved], names: dict[str, str], place_names: dict[str, str]
) -> list[Event]:
    """The cross-article merge in this process (eventgraph.spark runs the same over blocks)."""
    taken: set[str] = set()
    return [to_event(group, names, taken, place_names) for group in cluster(resolved)]


_DEFINITE_PLACE = re.compile(r"\bthe\s+(" + "|".join(_PLACE_NOUNS) + r")\b")
# "in/at/near ... <Capitalised place words>", optionally with a place noun ("Erbil province").
_T = TypeVar("_T")
_LOCATIVE_PHRASE = re.compile(
    r"\b(?:in|at|near|on|outside|inside|across|along|into|over|around|visit(?:ed|ing|s)?|"
    r"(?:outskirts|vicinity|north|south|east|west)\s+of)\s+(?:the\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’-]*|al-\w+|province|governorate|region|border|air base|airfield))*)"
)


@dataclass
class _Global:
    """One real-world actor gathered from the articles that name it."""

    members: list[tuple[str, DocActor]] = field(default_factory=list)  # (doc id, doc actor)
    # names(), kind() and name() by member count: every lookup would otherwise walk all members.
    _memo: dict[str, tuple[int, object]] = field(default_factory=dict)

    def _cached(self, what: str, compute: Callable[[], _T]) -> _T:
        hit = self._memo.get(what)
        if hit is None or hit[0] != len(self.members):
            hit = self._memo[what] = (len(self.members), compute())
        return hit[1]  # type: ignore[return-value]

    def names(self) -> Counter[str]:
        return self._cached("names", self._names)

    def _names(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for _, actor in self.members:
            counts.update(actor.names)
        return counts

    def kind(self) -> ActorKind:
        return self._cached("kind", lambda: Counter(a.kind for _, a in self.members).most_common(1)[0][0])

    def name(self) -> str:
        return self._cached("name", self._name)

    def _name(self) -> str:
        docs: Counter[str] = Counter()
        for doc, actor in self.members:
            for n in actor.names:
                docs[n] += 1 if doc else 0
        names = self.names()
        if self.kind() == "person":
            return max(names, key=lambda n: (len(n.split()), docs[n], names[n], n))
        return max(names, key=lambda n: (names[n], docs[n], -len(n), n))


class ActorRegistry:
    """Canonical actors across articles, built as document actors arrive."""

    def __init__(self) -> None:
        self._groups: list[_Global] = []
        self._by_key: dict[str, _Global] = {}
        self._of: dict[int, _Global] = {}
        self._by_last_word: LastWordIndex[_Global] = LastWordIndex()  # groups by their names' last words
        self._position: dict[int, int] = {}  # id(group) -> creation order, which breaks ties

    def add(self, doc_id: str, actor: DocActor) -> None:
        if id(actor) in self._of:
            return
        group = self._person_group(actor) if actor.kind == "person" and not actor.anonymous else None
        group = group or self._by_key.get(actor.key)
        if group is None:
            group = _Global()
            self._position[id(group)] = len(self._groups)
            self._groups.append(group)
            self._by_key[actor.key] = group
        group.members.append((doc_id, actor))
        self._of[id(actor)] = group
        for name in actor.names:
            self._by_last_word.add(name.split(), group)

    def _person_group(self, actor: DocActor) -> _Global | None:
        candidates = [
            g
            for g in sorted(
                self._by_last_word.candidates(actor.tokens[-1:]), key=lambda g: self._position[id(g)]
            )
            if g.kind() == "person"
            and not g.members[0][1].anonymous
            and any(same_person(actor.tokens, n.split()) for n in g.names())
        ]
        return max(candidates, key=lambda g: sum(g.names().values()), default=None)

    def actor_id(self, actor: DocActor) -> str:
        group = self._of[id(actor)]
        if actor.anonymous:
            return actor_id(actor.kind, f"{actor.name} {digest(actor.key)[:6]}")
        return actor_id(group.kind(), group.name())

    def actors(self) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for group in self._groups:
            first = group.members[0][1]
            aid = self.actor_id(first)
            name = group.name()
            aliases = sorted(n for n in group.names() if n != name)
            out[aid] = Actor(aid, name, group.kind(), aliases)
        return out


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
    )


class BatchBuilder:
    """Canonical actors, places and cross-article events, built one prepared article at a time.

    Each article's actors depend on the person names of the whole batch (``people``), so the
    builder is made once they are all known; it then keeps only what the merge needs.
    """

    def __init__(self, people: Iterable[str]) -> None:
        self.registry = ActorRegistry()
        self.places: dict[str, Place] = {}
        self._pending: list[tuple[Mention, list[DocActor], list[DocActor], str | None, date | None]] = []
        self._doc_actors: list[tuple[str, list[DocActor]]] = []
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
            targets = [
                t
                for t in _resolved(actors, [s for s in m.targets if not _destination(m, s)])
                if t not in agents
            ]
            if m.type == "statement":
                told = [t for t in targets if t.kind == "media"]
                targets = [t for t in targets if t.kind != "media"]
                if told:
                    m.attributes.setdefault("told_to", [t.name for t in told])
            found.append((m, agents, targets, place))
        carried = carry_places(item.text, [(m, agents, place) for m, agents, _, place in found])
        published = item.article.published
        pending = [
            (shifted(m, item.offset), agents, targets, place.id if place else None, published)
            for (m, agents, targets, _), place in zip(found, carried, strict=True)
        ]
        for place in carried:
            if place is not None:
                self.places.setdefault(place.id, place)
        self._pending.extend(pending)
        self._doc_actors.append((doc_id, actors.actors))
        for actor in actors.actors:
            self.registry.add(doc_id, actor)

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
        resolved = [
            Resolved(m, _ids(registry, agents), _ids(registry, targets), place, published)
            for m, agents, targets, place, published in self._pending
            if m.doc not in failed
        ]
        canonical = registry.actors()
        names = {aid: a.name for aid, a in canonical.items()}
        place_names = {pid: p.name for pid, p in self.places.items()}
        events = events_of(resolved, names, place_names)
        affiliations = _affiliations(registry, [(d, a) for d, a in self._doc_actors if d not in failed])
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
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def _ids(registry: ActorRegistry, actors: list[DocActor]) -> list[str]:
    out: list[str] = []
    for actor in actors:
        aid = registry.actor_id(actor)
        if aid not in out:
            out.append(aid)
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
    blocking = [(s.start, s.end) for s in m.agents + m.targets if not _destination(m, s)]
    if span is not None and (
        not any(s < span.end and span.start < e for s, e in blocking) or after_locative(doc.text, span.start)
    ):
        place = find_place(place_phrase(doc.text, span.start, span.end))
        modifier = place is not None and place.kind == "country" and 0 <= m.trigger_start - span.end <= 2
        if not modifier:
            tail = re.match(r"(?:\s+[a-z]+){0,2}\s*[:,]\s*([^,;.]{3,60})", doc.text[span.end : span.end + 90])
            finer = find_place(tail.group(1)) if tail else None
            if place is not None and finer is not None and _rank(finer) < _rank(place):
                return finer
            if place is not None or m.type == "statement":
                return place
    elif span is not None:
        return None
    elif m.type == "statement":
        return _said_at(m, doc)
    return (
        _place_in_sentence(m, doc)
        or _place_referred(m, doc)
        or (
            None  # a call joins two places; where it "happened" is neither
            if m.type == "phone_call"
            else nearby_place(doc.text, doc.ents, (m.char_start, m.char_end), m.trigger_start, blocking)
        )
    )


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
    for start, text in sorted(found, key=lambda f: (f[0] < m.trigger_start, abs(f[0] - m.trigger_start))):
        place = find_place(place_phrase(doc.text, start, start + len(text)))
        after = re.match(r"\s+([a-z]+)", doc.text[start + len(text) : start + len(text) + 20])
        if place is not None and place.kind == "country" and after and after.group(1) not in _AFTER_PLACE:
            continue  # "on US targets": the country is a modifier, not where it happened
        if place is not None:
            return place
    return None


def _said_at(m: Mention, doc: _DocIndex) -> Place | None:
    """Where a statement was made: a locative phrase on the speech verb ("told lawmakers Wednesday on
    Capitol Hill") or on the speaker ("Lawmakers on Capitol Hill expressed concern"). Phrases on other
    words give the topic, not the place ("concern over attacks in Iraq"), and "on <country>" is a topic."""
    trigger = doc.token_at(m.trigger_start)
    heads = [trigger] if trigger is not None else []
    for span in m.agents:
        heads += [t for t in doc.tokens(span.start, span.end) if not span.start <= t.head.idx < span.end]
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


def _affiliations(registry: ActorRegistry, doc_actors: list[tuple[str, list[DocActor]]]) -> list[Affiliation]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Affiliation] = []
    for _, actors in doc_actors:
        for actor in actors:
            for role, org in actor.roles:
                if org is None:
                    continue
                link = (registry.actor_id(actor), registry.actor_id(org), role)
                if link not in seen:
                    seen.add(link)
                    out.append(Affiliation(*link))
    return out
