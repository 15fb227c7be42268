"""Canonical actors across articles, built as each article's document actors arrive.

A person joins the group of a person named alike (names.same_person), anything else the group
of its key. A group keeps tallies of its members' names and kinds, not the members themselves,
so that a batch of many articles holds one small record per real-world actor: an article's
document actors are released once the article is added, and its mentions refer to actors by
``Handle``. The canonical name of a person is their longest, most frequent full name.
"""

from __future__ import annotations

from collections import Counter

from eventgraph.extract.actors import DocActor
from eventgraph.extract.resolve.name_index import LastWordIndex
from eventgraph.extract.resolve.names import same_person
from eventgraph.graph.model import Actor, ActorKind, actor_id, digest

# An actor as the registry knows it after its article is gone: the position of its group, or,
# for an anonymous actor ("a US official"), its own id (never shared with another article).
Handle = int | str


class Group:
    """One real-world actor: tallies over the document actors that name it, in the order they came."""

    __slots__ = ("_memo", "_size", "anonymous", "docs", "kinds", "names", "position")

    def __init__(self, position: int, first: DocActor) -> None:
        self.position = position  # creation order, which breaks ties
        self.names: Counter[str] = Counter()  # name -> uses, over every member
        self.docs: Counter[str] = Counter()  # name -> members (from a named document) using it
        self.kinds: Counter[ActorKind] = Counter()
        self.anonymous = first.anonymous  # the first member's, as the group's id depends on it
        self._memo: tuple[int, ActorKind, str] | None = None
        self._size = 0

    def join(self, doc_id: str, actor: DocActor) -> None:
        self.names.update(actor.names)
        for n in actor.names:
            self.docs[n] += 1 if doc_id else 0
        self.kinds[actor.kind] += 1
        self._size += 1

    def kind(self) -> ActorKind:
        return self._kind_name()[0]

    def name(self) -> str:
        return self._kind_name()[1]

    def _kind_name(self) -> tuple[ActorKind, str]:
        """Kind and name by member count: a lookup would otherwise recount every name."""
        if self._memo is None or self._memo[0] != self._size:
            kind = self.kinds.most_common(1)[0][0]
            names, docs = self.names, self.docs
            if kind == "person":
                name = max(names, key=lambda n: (len(n.split()), docs[n], names[n], n))
            else:
                name = max(names, key=lambda n: (names[n], docs[n], -len(n), n))
            self._memo = (self._size, kind, name)
        return self._memo[1], self._memo[2]


def anonymous_id(actor: DocActor) -> str:
    return actor_id(actor.kind, f"{actor.name} {digest(actor.key)[:6]}")


class ActorRegistry:
    """Canonical actors across articles; ``add`` files a document actor and returns its handle."""

    def __init__(self) -> None:
        self._groups: list[Group] = []
        self._by_key: dict[str, Group] = {}
        self._by_last_word: LastWordIndex[Group] = LastWordIndex()  # groups by their names' last words
        self._first_ids: dict[int, str] = {}  # position -> own id of an anonymous first member

    def add(self, doc_id: str, actor: DocActor) -> Handle:
        group = self._person_group(actor) if actor.kind == "person" and not actor.anonymous else None
        group = group or self._by_key.get(actor.key)
        if group is None:
            group = Group(len(self._groups), actor)
            if actor.anonymous:
                self._first_ids[group.position] = anonymous_id(actor)
            self._groups.append(group)
            self._by_key[actor.key] = group
        group.join(doc_id, actor)
        for name in actor.names:
            self._by_last_word.add(name.split(), group)
        return anonymous_id(actor) if actor.anonymous else group.position

    def _person_group(self, actor: DocActor) -> Group | None:
        candidates = [
            g
            for g in sorted(self._by_last_word.candidates(actor.tokens[-1:]), key=lambda g: g.position)
            if g.kind() == "person"
            and not g.anonymous
            and any(same_person(actor.tokens, n.split()) for n in g.names)
        ]
        return max(candidates, key=lambda g: sum(g.names.values()), default=None)

    def id_of(self, handle: Handle) -> str:
        """The canonical id of the actor behind ``handle``, as the batch stands now."""
        if isinstance(handle, str):
            return handle
        group = self._groups[handle]
        return actor_id(group.kind(), group.name())

    def ids(self) -> list[str]:
        """``id_of`` of every group, by position: computed once for a batch's last look-ups."""
        return [self.id_of(g.position) for g in self._groups]

    def actors(self) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for group in self._groups:
            aid = self._first_ids.get(group.position) or self.id_of(group.position)
            name = group.name()
            aliases = sorted(n for n in group.names if n != name)
            out[aid] = Actor(aid, name, group.kind(), aliases)
        return out
