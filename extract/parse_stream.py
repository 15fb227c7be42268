"""spaCy over a stream of texts, one failing text at a time: ``nlp.pipe`` speed, and an error in
one text costs that text only, not the batch it was parsed with nor the rest of the stream."""

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
    n_process: int = 1,
) -> Iterator[tuple[_U, Doc]]:
    """(unit, Doc) in the order of ``units``; a unit whose parse raises goes to ``on_error`` instead.

    When ``nlp.pipe`` raises, the texts it had taken but not yet returned are parsed one by one
    to find the one at fault, and a new pipe carries on with the rest. An error raised by
    ``units`` itself is not a parse error and propagates.
    """
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
            for unit in stuck:
                try:
                    doc = nlp(text_of(unit))
                except Exception as exc:
                    on_error(unit, exc)
                    continue
                yield unit, doc
