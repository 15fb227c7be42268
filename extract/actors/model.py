"""What actor resolution produces: document actors and the named mentions of them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventgraph.graph.model import ActorKind


@dataclass(eq=False)
class DocActor:
    """One actor as one article names it; ``key`` ties it to actors of other articles."""

    kind: ActorKind
    name: str
    key: str
    names: Counter[str] = field(default_factory=Counter)
    roles: list[tuple[str, DocActor | None]] = field(default_factory=list)
    anonymous: bool = False

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@dataclass
class Named:
    """A named mention of an actor: its offsets, the NER label it came with, and "X's" or not."""

    start: int
    end: int
    actor: DocActor
    label: str
    possessive: bool


def holds(actor: DocActor, role: str, org_key: str | None) -> bool:
    """Does the actor hold ``role``, at the organisation or state ``org_key`` when one is given?"""
    for held, org in actor.roles:
        if held == role and (org_key is None or org is None or org.key == org_key):
            return True
    return False
