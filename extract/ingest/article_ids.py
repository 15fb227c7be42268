"""Article ids: unique, and the same on every run, so that loading a file twice changes nothing.

An article's id is the id its metadata gives (JSONL or manifest ``id``), else its file name and a
digest of its text, ``story.txt@3f2a9c1e0b7d4a65``: ``a/story.txt`` and ``b/story.txt`` are two
articles, the same file read again is the same article, and ids still sort (and read) by name.
"""

from __future__ import annotations

from eventgraph.extract.ingest.problems import Problem
from eventgraph.graph.model import digest

__all__ = ["ArticleIds"]


class ArticleIds:
    """The ids given out in one run: no two different texts share one, a repeated text is read once."""

    def __init__(self) -> None:
        self._taken: dict[str, tuple[str, str]] = {}  # id -> (source that took it, digest of its text)

    def claim(
        self, wanted: str | None, stem: str, text: str, source: str
    ) -> tuple[str | None, Problem | None]:
        """The article's id, or None for a repeat of an article already read; and what to tell the user."""
        text_digest = digest(text)
        ident = f"{stem}@{text_digest}"
        problem = None
        if wanted is not None:
            taken = self._taken.get(wanted)
            if taken is None:
                self._taken[wanted] = (source, text_digest)
                return wanted, None
            if taken[1] == text_digest:
                return None, Problem(source, f"same id and text as {taken[0]}: read once", note=True)
            problem = Problem(
                source, f"id {wanted!r} is already used by {taken[0]} for another text: {ident} given"
            )
        taken = self._taken.get(ident)
        if taken is not None:
            return None, Problem(source, f"same file name and text as {taken[0]}: read once", note=True)
        self._taken[ident] = (source, text_digest)
        return ident, problem
