"""parse_each: a text that breaks spaCy costs that text only, in either batching mode."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from eventgraph.extract.pipeline.parse_stream import parse_each


class _Nlp:
    """Stands in for a spaCy Language: upper-cases texts, raises on "boom", records its batches."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, text: str) -> str:
        if text == "boom":
            raise ValueError("cannot parse boom")
        return text.upper()

    def pipe(self, texts: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        items = list(texts)
        self.batches.append([t[0] if kwargs.get("as_tuples") else t for t in items])
        for item in items:
            yield (self(item[0]), item[1]) if kwargs.get("as_tuples") else self(item)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_text_is_reported_and_the_others_parsed(n_process: int) -> None:
    units = ["a", "bb", "boom", "c", "dd", "e"]
    errors: list[tuple[str, str]] = []
    out = list(
        parse_each(
            _Nlp(),  # type: ignore[arg-type]
            iter(units),
            lambda u: u,
            lambda u, exc: errors.append((u, str(exc))),
            batch_size=4,
            max_chars=100,
            n_process=n_process,
        )
    )
    assert out == [(u, u.upper()) for u in units if u != "boom"]
    assert errors == [("boom", "cannot parse boom")]


def test_batches_are_bounded_in_texts_and_characters() -> None:
    nlp = _Nlp()
    units = ["x" * 40, "y" * 40, "z" * 40, "w", "v", "u"]
    list(parse_each(nlp, iter(units), lambda u: u, print, batch_size=3, max_chars=90))  # type: ignore[arg-type]
    assert [len(b) for b in nlp.batches] == [2, 3, 1]


def test_an_error_of_the_source_is_not_taken_for_a_parse_error() -> None:
    def units() -> Iterator[str]:
        yield "a"
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(parse_each(_Nlp(), units(), lambda u: u, print, batch_size=2, max_chars=99, n_process=2))  # type: ignore[arg-type]
