"""``DocumentActors``: the actors of one article and the resolver from its participant spans to them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.descriptions import sponsors
from eventgraph.extract.actors.forces import add_forces_alias
from eventgraph.extract.actors.generic import protesting, unclaimed_attacker
from eventgraph.extract.actors.memberships import add_memberships
from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.actors.names import register
from eventgraph.extract.actors.resolvers import resolve_span
from eventgraph.extract.actors.states import coordinated_forces
from eventgraph.extract.actors.titles import add_roles
from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.agents import UNSEEN_WEAPONS


class DocumentActors:
    """The actors of one article and the resolver from its participant spans to them.

    Built in three steps over the article (names, then the titles of the persons named, then
    memberships); spans are then resolved one by one, each resolved person or organisation
    becoming a candidate for the pronouns after it."""

    def __init__(
        self,
        doc_id: str,
        text: str,
        entities: Iterable[tuple[int, int, str]],
        subjects: Iterable[int] = (),
        common_words: Iterable[int] = (),
        known_people: Iterable[str] = (),
        place_countries: Iterable[str] = (),
    ) -> None:
        self._article = article = Article(doc_id, text, subjects, common_words, known_people, place_countries)
        article.sponsors = sponsors(article.low)
        register(article, sorted(entities))
        add_roles(article)
        add_memberships(article)
        self._resolved: dict[tuple[int, int], DocActor | None] = {}

    @classmethod
    def from_doc(cls, doc_id: str, doc: Doc, known_people: Iterable[str] = ()) -> DocumentActors:
        """Build from a spaCy Doc whose character offsets are those of the raw article text;
        ``known_people`` are names other articles of the batch tag as persons."""
        subjects = (
            {t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass")} if doc.has_annotation("DEP") else set()
        )
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return cls(doc_id, doc.text, ents, subjects, known_people=known_people)

    @property
    def doc_id(self) -> str:
        return self._article.doc_id

    @property
    def text(self) -> str:
        return self._article.text

    @property
    def actors(self) -> list[DocActor]:
        """Every actor of the article, in the order first found."""
        return self._article.actors

    @property
    def named(self) -> list[Named]:
        """The named mentions of actors, by offset."""
        return self._article.named

    def protester(self, actor: DocActor, trigger: str = "") -> DocActor:
        """An agent of a protest: an unnamed group of civilians becomes protesters (rioters when the
        trigger is a riot) of its country."""
        return protesting(self._article, actor, trigger)

    def unclaimed(self, weapon: str | None, sentence: str, country: str | None = None) -> DocActor | None:
        """The agent of an attack that names none, as incident analysts file it: the unidentified
        armed group of the event's country (else the article's), when the weapon (the event's,
        else one its sentence names) is one armed groups plant or fire unseen (a bomb, an IED,
        rockets). None for any other weapon (an airstrike is no unseen group's), and None when
        the article names an armed group: the attack may be that group's, which the text leaves open."""
        words = {w.removesuffix("s") for w in re.findall(r"[a-z]+", sentence.lower())}
        if weapon not in UNSEEN_WEAPONS and not UNSEEN_WEAPONS & words:
            return None
        if any(n.actor.kind == "group" for n in self._article.named):
            return None
        return unclaimed_attacker(self._article, country)

    def partners(self, span: Span) -> list[DocActor]:
        """The other actors a participant span names beside the one ``resolve`` gives: the forces of
        the first states of "Indian and Pakistani troops"."""
        return coordinated_forces(self._article, span.start, span.end)

    def resolve(self, span: Span) -> DocActor | None:
        """The document actor a participant span refers to, or None when it names none."""
        key = (span.start, span.end)
        if key not in self._resolved:
            actor = resolve_span(self._article, span)
            self._resolved[key] = actor
            if actor is not None:
                add_forces_alias(actor)  # "Mexican army soldiers": also "Military Forces of Mexico"
            if actor is not None and actor.kind == "person":
                self._article.people.append((span.start, span.end, actor))
                self._article.people.sort(key=lambda p: p[0])
            elif actor is not None and span.label != "PRON":
                self._article.others.append((span.start, span.end, actor))
        return self._resolved[key]
