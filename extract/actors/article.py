"""One article as actor resolution sees it: its text and the actors found in it so far.

Every step (names, titles, memberships, resolvers) reads and extends this one record, so
that a name registered by one step is what the next step refers back to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.actors.text import sentence_start
from eventgraph.extract.events.quotes import QuotedText
from eventgraph.extract.lexicons.roles import role_pattern
from eventgraph.graph.model import ActorKind


class Article:
    """The text of one article, its actors by key, and their named mentions by offset."""

    def __init__(
        self,
        doc_id: str,
        text: str,
        subjects: Iterable[int] = (),
        common_words: Iterable[int] = (),
        known_people: Iterable[str] = (),
        place_countries: Iterable[str] = (),
    ) -> None:
        self.doc_id = doc_id
        self.text = text
        self.low = text.replace("’", "'").replace("‘", "'").lower()
        self.actors: list[DocActor] = []
        self.by_key: dict[str, DocActor] = {}
        self.named: list[Named] = []
        self.people: list[tuple[int, int, DocActor]] = []  # named and resolved persons, by offset
        self.others: list[tuple[int, int, DocActor]] = []  # resolved non-person participants
        self.where: Counter[str] | None = None  # country codes of the locative phrases, when asked
        self.sponsors: Counter[str] = Counter()  # sponsors of the militias the article names, by frequency
        self.place_countries = Counter(place_countries)  # country codes of its events' places
        self.named_countries: Counter[str] | None = None  # countries it names, counted when asked
        self.demonym_countries: Counter[str] = Counter()  # ... and those its demonyms name
        self.subjects = set(subjects)  # offsets of grammatical subjects
        self.common = set(common_words)  # offsets of capitalised common words
        self.known_people = [n.split() for n in known_people]  # person names of other articles
        self.role_spans = [(m.start(), m.end()) for m in role_pattern().finditer(self.low)]
        self._quotes = QuotedText(text)

    def actor(self, key: str, kind: ActorKind, name: str, anonymous: bool = False) -> DocActor:
        """The actor with ``key``, made on first sight; counts ``name`` as one of its names."""
        actor = self.by_key.get(key)
        if actor is None:
            actor = DocActor(kind=kind, name=name, key=key, anonymous=anonymous)
            self.by_key[key] = actor
            self.actors.append(actor)
        actor.names[name] += 1
        return actor

    def add_named(self, start: int, end: int, actor: DocActor, label: str) -> None:
        """Record a named mention; a possessive ("X's") one is marked as such."""
        possessive = (
            self.low.startswith("'s", end)
            or self.low.startswith("' ", end)
            or self.low[start:end].endswith("'s")  # the model took the possessive into the name
        )
        self.named.append(Named(start, end, actor, label, possessive))
        if actor.kind == "person":
            self.people.append((start, end, actor))

    def taken(self, start: int, end: int) -> bool:
        """Does a named mention overlap the range?"""
        return any(n.start < end and start < n.end for n in self.named)

    def inside_role(self, start: int, end: int) -> bool:
        """An entity that is only a word of a title ("Defense" in "Secretary of Defense")."""
        return any(s <= start and end <= e for s, e in self.role_spans)

    def sentence_start(self, offset: int) -> int:
        return sentence_start(self.text, offset)

    def quoted(self, offset: int) -> bool:
        return offset in self._quotes

    def is_subject(self, start: int, end: int) -> bool:
        return any(start <= s < end for s in self.subjects)
