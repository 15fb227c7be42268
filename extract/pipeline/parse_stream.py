"""spaCy over a stream of texts in bounded batches: ``nlp.pipe`` speed, and an error in one text
costs that text only, not the batch it was parsed with nor the rest of the stream."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

_U = TypeVar("_U")


def parse_each(
    nlp: Language,
    units: Iterator[_U],
    text_of: Callable[[_U], str],
    on_error: Callable[[_U, Exception], None],
    *,
    batch_size: int,
    max_chars: int,
    n_process: int = 1,
) -> Iterator[tuple[_U, Doc]]:
    """(unit, Doc) in the order of ``units``; a unit whose parse raises goes to ``on_error`` instead.

    In one process, texts are parsed in batches of at most ``batch_size`` texts and ``max_chars``
    characters (spaCy's memory grows with the characters of a batch); a batch that raises is
    parsed again text by text to find the one at fault. An error raised by ``units`` itself is
    not a parse error and propagates.
    """
    if n_process > 1:
        yield from _parse_in_processes(
            nlp, units, text_of, on_error, batch_size=batch_size, n_process=n_process
        )
        return
    for batch in _batches(units, text_of, batch_size, max_chars):
        try:
            docs = list(nlp.pipe([text_of(u) for u in batch], batch_size=len(batch)))
        except Exception:
            yield from _one_by_one(nlp, batch, text_of, on_error)
        else:
            yield from zip(batch, docs, strict=True)


def _batches(
    units: Iterator[_U], text_of: Callable[[_U], str], size: int, max_chars: int
) -> Iterator[list[_U]]:
    batch: list[_U] = []
    chars = 0
    for unit in units:
        n = len(text_of(unit))
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(unit)
        chars += n
    if batch:
        yield batch


def _one_by_one(
    nlp: Language, units: list[_U], text_of: Callable[[_U], str], on_error: Callable[[_U, Exception], None]
) -> Iterator[tuple[_U, Doc]]:
    for unit in units:
        try:
            doc = nlp(text_of(unit))
        except Exception as exc:
            on_error(unit, exc)
            continue
        yield unit, doc


def _parse_in_processes(
    nlp: Language,
    units: Iterator[_U],
    text_of: Callable[[_U], str],
    on_error: Callable[[_U, Exception], None],
    *,
    batch_size: int,
    n_process: int,
) -> Iterator[tuple[_U, Doc]]:
    """One ``nlp.pipe`` over the whole stream (its workers cost a start each); when it raises, the
    texts it had taken but not yet returned are parsed one by one and a new pipe takes the rest."""
    in_flight: deque[_U] = deque()
    source_error: list[BaseException] = []

    def feed() -> Iterator[tuple[str, _U]]:
        while True:
            try:
                unit = next(units)
            except StopIteration:
                return
            except BaseException as exc:
                source_error.append(exc)
                raise
            in_flight.append(unit)
            yield text_of(unit), unit

    while True:
        try:
            for doc, unit in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
                in_flight.popleft()
                yield unit, doc
            return
        except Exception:
            if source_error:
                raise
            stuck = list(in_flight)
            in_flight.clear()
            yield from _one_by_one(nlp, stuck, text_of, on_error)
