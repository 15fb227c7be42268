"""The extraction driver: files -> clean body text -> spaCy -> timexes -> mentions -> resolved batch.

NLP runs over the raw text with everything that is not reporting blanked out with spaces,
so every offset the pipeline produces is an offset into the file's text as read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from extract import events, when
from extract.clean import body_spans, title_span
from extract.mention import Mention
from extract.nlp import load
from extract.problems import Problem
from extract.read import RawArticle, read_inputs
from extract.resolve import build_batch
from graph.model import Batch

BATCH_SIZE = 16
# A first line this long that ends like a sentence is the lede, not a headline.
LEDE_TITLE_WORDS = 12


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def extract_paths(
    paths: Sequence[Path],
    manifest: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    n_process: int = 1,
    warn: Callable[[str], None] = _warn,
) -> Batch:
    """Read, extract and resolve; unreadable inputs are reported through ``warn`` and skipped."""
    raws: list[RawArticle] = []
    for item in read_inputs(paths, manifest):
        if isinstance(item, RawArticle) and not reporting_text(item).strip():
            item = Problem(item.article.id, "no article text (only page furniture or reader comments)", True)
        if isinstance(item, RawArticle):
            raws.append(item)
        else:
            warn(str(item))
    return extract_articles(raws, n_process=n_process)


def extract_articles(raws: Sequence[RawArticle], *, n_process: int = 1) -> Batch:
    items = [
        (raw, doc, mentions_of(raw, doc))
        for raw, doc in zip(raws, parse(raws, n_process=n_process), strict=True)
    ]
    return build_batch(items)


def reporting_text(raw: RawArticle) -> str:
    """The raw text with non-reporting characters blanked (newlines kept) so that offsets stay valid.

    A first line that reads as a sentence rather than a headline is the lede and is kept.
    """
    text = raw.text
    keep = body_spans(text, raw.article.title or None)
    title = title_span(text, raw.article.title or None)
    if title and _is_lede(text[title[0] : title[1]].strip()):
        keep = [title, *keep]
    chars = [ch if ch == "\n" else " " for ch in text]
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _is_lede(line: str) -> bool:
    words = line.split()
    capitalised = sum(w[:1].isupper() for w in words)
    return line.endswith(".") and len(words) >= LEDE_TITLE_WORDS and capitalised < len(words) / 2


def parse(raws: Sequence[RawArticle], *, n_process: int = 1) -> Iterator[Doc]:
    """spaCy docs of the reporting text, in order; the pipeline is loaded once per process."""
    nlp = load()
    yield from nlp.pipe((reporting_text(raw) for raw in raws), batch_size=BATCH_SIZE, n_process=n_process)


def mentions_of(raw: RawArticle, doc: Doc) -> list[Mention]:
    """Dated event mentions of one parsed article."""
    mentions = events.detect(doc, raw.article.id)
    when.attach_dates(doc, mentions, raw.article.published)
    return mentions
