"""Look-up of person names by their last word, so that matching a name against every name of a
large batch (names.same_person, which always compares the last words with names.same_word)
only looks at the few names that can match.

Exact: ``candidates(word)`` holds every value filed under a last word ``same_word`` accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.resolve.names import skeleton

_V = TypeVar("_V")
# names.same_word compares consonant skeletons only when both spellings are this long.
_SKELETON_MIN = 4


def _keys(word: str) -> list[str]:
    folded = fold(word)
    keys = ["f:" + folded]
    if len(folded) >= _SKELETON_MIN:
        keys.append("s:" + skeleton(word))
    return keys


class LastWordIndex(Generic[_V]):
    """Values filed under the last words of names; candidates come back in filing order, once."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[_V]] = {}
        self._order: dict[int, int] = {}  # id(value) -> filing position
        self._filed: set[tuple[str, int]] = set()

    def add(self, name_words: list[str], value: _V) -> None:
        if not name_words:
            return
        self._order.setdefault(id(value), len(self._order))
        for key in _keys(name_words[-1]):
            if (key, id(value)) not in self._filed:
                self._filed.add((key, id(value)))
                self._by_key.setdefault(key, []).append(value)

    def candidates(self, words: Iterable[str]) -> list[_V]:
        """Values with a name whose last word may be a spelling of one of ``words``."""
        found: dict[int, _V] = {}
        for word in words:
            for key in _keys(word):
                for value in self._by_key.get(key, ()):
                    found.setdefault(id(value), value)
        return sorted(found.values(), key=lambda v: self._order[id(v)])
