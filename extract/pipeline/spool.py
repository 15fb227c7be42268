"""An append-only spool of picklable items in an anonymous temporary file, read back in order
or one by one by position.

Extraction needs every article's person names before it can resolve any article's actors;
spooling the prepared articles to disk keeps memory flat however many articles there are.
The cross-article merge spools each mention the same way and reads it back for its event.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterator
from types import TracebackType
from typing import Generic, TypeVar

_T = TypeVar("_T")


class Spool(Generic[_T]):
    """Items written once, then read back once or more; the file vanishes on close."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="eventgraph-")  # noqa: SIM115 - closed by close()
        self.count = 0
        self._offsets = array("q")  # where each item starts: 8 bytes an item

    def append(self, item: _T) -> int:
        """Write ``item``; returns its position for ``get``."""
        self._offsets.append(self._file.tell())
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1
        return self.count - 1

    def get(self, position: int) -> _T:
        """The item appended at ``position`` (a fresh copy on every call)."""
        self._file.seek(self._offsets[position])
        item: _T = pickle.load(self._file)  # our own file, written by this process
        self._file.seek(0, 2)
        return item

    def __iter__(self) -> Iterator[_T]:
        self._file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self._file)  # our own file, written by this process
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool[_T]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
