"""The actor registry finds a person's group by the last word of their name: the same groups as
comparing with every group, at a cost that does not grow with the number of people."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.extract.actors import DocActor
from eventgraph.extract.resolve.name_index import LastWordIndex
from eventgraph.extract.resolve.names import same_person
from eventgraph.extract.resolve.registry import ActorRegistry

_WORDS = [
    "Adil",
    "Adel",
    "Abdul",
    "Mahdi",
    "Mehdi",
    "Qasim",
    "Qasem",
    "Ali",
    "Al",
    "Esper",
    "Mark",
    "Li",
    "Lee",
]


class _EveryGroup(ActorRegistry):
    """The registry as it was: a new person is compared with every group."""

    def _person_group(self, actor: DocActor) -> object:
        candidates = [
            g
            for g in self._groups
            if g.kind() == "person"
            and not g.anonymous
            and any(same_person(actor.tokens, n.split()) for n in g.names)
        ]
        return max(candidates, key=lambda g: sum(g.names.values()), default=None)


def _actor(words: list[str], kind: str) -> DocActor:
    name = " ".join(words)
    return DocActor(kind, name, f"{kind}:{name.lower()}", Counter({name: 1}))  # type: ignore[arg-type]


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), st.sampled_from(["person", "org"])
        ),
        max_size=25,
    )
)
@settings(max_examples=200, deadline=None)
def test_person_groups_are_those_of_comparing_with_every_group(names: list[tuple[list[str], str]]) -> None:
    fast, slow = ActorRegistry(), _EveryGroup()
    for i, (words, kind) in enumerate(names):
        fast.add(f"d{i}", _actor(words, kind))
        slow.add(f"d{i}", _actor(words, kind))
    assert sorted(fast.actors()) == sorted(slow.actors())
    assert [sorted(a.aliases) for _, a in sorted(fast.actors().items())] == [
        sorted(a.aliases) for _, a in sorted(slow.actors().items())
    ]


def test_candidates_share_a_spelling_of_the_last_word() -> None:
    index: LastWordIndex[str] = LastWordIndex()
    for name in ["Adil Abdul Mahdi", "Mark Esper", "Qasem Soleimani", "Li"]:
        index.add(name.split(), name)
    assert index.candidates(["Mehdi"]) == ["Adil Abdul Mahdi"]  # skeleton m-h-d
    assert index.candidates(["Soleimany", "esper"]) == ["Mark Esper", "Qasem Soleimani"]
    assert index.candidates(["Lee"]) == []  # short words must be spelled alike
