"""The extraction driver: files -> clean body text -> spaCy -> timexes -> mentions -> resolved batch.

NLP runs over the raw text with everything that is not reporting blanked out with spaces,
so every offset the pipeline produces is an offset into the file's text as read. Articles
stream through one at a time (a long one in pieces, see extract.pieces), and an unexpected
error in one article leaves that article out, not the batch.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventgraph.extract.events import continuity
from eventgraph.extract.events import dating as when
from eventgraph.extract.events import detect as events
from eventgraph.extract.events.mention import Mention
from eventgraph.extract.ingest.clean import body_spans, title_span
from eventgraph.extract.ingest.problems import Problem
from eventgraph.extract.ingest.read import RawArticle, read_inputs
from eventgraph.extract.nlp import load
from eventgraph.extract.pipeline.parse_stream import parse_each
from eventgraph.extract.pipeline.pieces import pieces
from eventgraph.extract.pipeline.spool import Spool
from eventgraph.extract.resolve.batch import BatchBuilder, Prepared, prepare
from eventgraph.graph.model import Article, Batch

BATCH_SIZE = 16
# Characters per spaCy batch: its memory grows with them (16 news articles are well below).
BATCH_CHARS = 200_000
# A first line this long that ends like a sentence is the lede, not a headline.
LEDE_TITLE_WORDS = 12
# Lower-case words that make a first line ending in a full stop a sentence even when names crowd it
# ("On 3 May 2020, Al Shabaab militants attacked AMISOM troops in Balcad (Middle Shabelle).").
LEDE_LOWER_WORDS = 3
_NOT_NEWLINE = re.compile(r"[^\n]")
_NO_TEXT = "no article text (only page furniture or reader comments)"

# fail(article name, error): an unexpected error stopped one article; the others went on.
Fail = Callable[[str, Exception], None]
# progress(phase, done, total): phase is "extracting" (total unknown) then "resolving".
Progress = Callable[[str, int, "int | None"], None]


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def failure_message(source: str, exc: BaseException) -> str:
    """One line naming the article and the error, as every other problem is reported."""
    what = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return f"{source}: skipped: unexpected error ({what})"


def extract_paths(
    paths: Sequence[Path],
    manifest: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    urls: Path | None = None,
    n_process: int = 1,
    warn: Callable[[str], None] = _warn,
    fail: Fail | None = None,
    progress: Progress | None = None,
) -> Batch:
    """Read (files, stdin as ``-``, the URLs listed in ``urls``), extract and resolve; unreadable
    inputs are reported through ``warn`` and skipped,
    articles that fail unexpectedly through ``fail`` (by default a ``warn`` line)."""

    def readable() -> Iterator[RawArticle]:
        for item in read_inputs(paths, manifest, urls=urls):
            if isinstance(item, RawArticle):
                yield item
            else:
                warn(str(item))

    return extract_articles(readable(), n_process=n_process, warn=warn, fail=fail, progress=progress)


@dataclass
class _Unit:
    """One text for spaCy: a whole article, or one piece of a long one."""

    raw: RawArticle
    offset: int
    text: str
    last: bool  # the article's last piece


def extract_articles(
    raws: Iterable[RawArticle],
    *,
    n_process: int = 1,
    warn: Callable[[str], None] = _warn,
    fail: Fail | None = None,
    progress: Progress | None = None,
) -> Batch:
    """Articles -> one resolved batch, streaming: each article is parsed, reduced to what
    resolution needs (spooled to a temporary file) and its Doc dropped before the next; an
    article that raises is reported through ``fail`` and left out, the others go on."""
    report: Fail = fail or (lambda source, exc: warn(failure_message(source, exc)))
    articles: list[Article] = []
    failed: set[str] = set()
    people: set[str] = set()

    def failure(article: Article, exc: Exception) -> None:
        if article.id not in failed:
            failed.add(article.id)
            report(article.name or article.id, exc)  # named as the user knows it

    done = 0

    def article_done() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress("extracting", done, None)

    with Spool[Prepared]() as spool:
        stream = prepared_articles(
            raws,
            load(),
            failure=failure,
            warn=warn,
            kept=articles.append,
            n_process=n_process,
            done=article_done,
        )
        for item, names in stream:
            spool.append(item)
            people.update(names)
        builder = BatchBuilder(people)
        for n, item in enumerate(spool, 1):
            if item.article.id not in failed:
                try:
                    builder.add(item)
                except Exception as exc:
                    failure(item.article, exc)
            if progress is not None:
                progress("resolving", n, spool.count)
    return builder.finish(articles, failed)


def prepared_articles(
    raws: Iterable[RawArticle],
    nlp: Language,
    *,
    failure: Callable[[Article, Exception], None],
    warn: Callable[[str], None],
    kept: Callable[[Article], None],
    n_process: int = 1,
    done: Callable[[], None] | None = None,
) -> Iterator[tuple[Prepared, list[str]]]:
    """Each article (or piece of a long one) cleaned, parsed and prepared, with the person names its
    parse found; one loop for this process and the Spark executors (eventgraph.spark.chunk).

    An article with no reporting text is a ``warn`` line; ``kept`` hears of every other one, in
    input order; an article that raises goes to ``failure`` once and yields nothing more (pieces it
    yielded before stay: the caller leaves out what ``failure`` named). ``done`` follows each article.
    """
    failed: set[str] = set()

    def failed_once(article: Article, exc: Exception) -> None:
        if article.id not in failed:
            failed.add(article.id)
            failure(article, exc)

    def units() -> Iterator[_Unit]:
        for raw in raws:
            try:
                text = reporting_text(raw)
            except Exception as exc:
                failed_once(raw.article, exc)
                continue
            if not text.strip():
                warn(str(Problem(raw.article.name or raw.article.id, _NO_TEXT, fatal=True)))
                continue
            kept(raw.article)
            spans = pieces(text)
            for n, (start, end) in enumerate(spans):
                yield _Unit(raw, start, text[start:end], n == len(spans) - 1)

    parsed = parse_each(
        nlp,
        units(),
        lambda u: u.text,
        lambda u, exc: failed_once(u.raw.article, exc),
        batch_size=BATCH_SIZE,
        max_chars=BATCH_CHARS,
        n_process=n_process,
    )
    for unit, doc in parsed:
        item: tuple[Prepared, list[str]] | None = None
        if unit.raw.article.id not in failed:
            try:
                item = prepare(unit.raw.article, doc, mentions_of(unit.raw, doc), unit.offset), _people(doc)
            except Exception as exc:
                failed_once(unit.raw.article, exc)
        del doc
        if item is not None:
            yield item
        if unit.last and done is not None:
            done()


def _people(doc: Doc) -> list[str]:
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


def reporting_text(raw: RawArticle) -> str:
    """The raw text with non-reporting characters blanked (newlines kept) so that offsets stay valid.

    A first line that reads as a sentence rather than a headline is the lede and is kept.
    """
    text = raw.text
    keep = body_spans(text, raw.article.title or None)
    title = title_span(text, raw.article.title or None)
    if title and _is_lede(text[title[0] : title[1]].strip(), alone=not text[title[1] :].strip()):
        keep = [title, *keep]
    parts: list[str] = []
    pos = 0  # everything before pos is in parts
    for start, end in sorted(keep):
        if end <= pos:
            continue
        start = max(start, pos)
        parts += [_NOT_NEWLINE.sub(" ", text[pos:start]), text[start:end]]
        pos = end
    parts.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(parts)


def _is_lede(line: str, alone: bool = False) -> bool:
    """Headlines do not end in a full stop; a first line that does is the text's first sentence when it
    is all the text there is (a one-sentence report), or reads as a sentence, not a title."""
    if not line.endswith("."):
        return False
    words = line.split()
    capitalised = sum(w[:1].isupper() for w in words)
    lower = sum(w[:1].islower() for w in words)
    return (
        alone
        or lower >= LEDE_LOWER_WORDS
        or (len(words) >= LEDE_TITLE_WORDS and capitalised < len(words) / 2)
    )


def mentions_of(raw: RawArticle, doc: Doc) -> list[Mention]:
    """Dated event mentions of one parsed article."""
    mentions = events.detect(doc, raw.article.id)
    when.attach_dates(doc, mentions, raw.article.published)
    return continuity.drop_retold(doc, mentions)
