"""The per-article half of extraction for one input partition, run in a Spark executor.

The spaCy pipeline is loaded once per Python worker process (a module-level cache: Spark reuses its
workers across tasks), and each article is reduced to what the cross-article merge needs, exactly as
``extract.pipeline.run.extract_articles`` does in one process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from eventgraph.extract.ingest.problems import Problem
from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.nlp import load
from eventgraph.extract.pipeline.parse_stream import parse_each
from eventgraph.extract.pipeline.pieces import pieces
from eventgraph.extract.pipeline.run import BATCH_CHARS, BATCH_SIZE, mentions_of, reporting_text
from eventgraph.extract.resolve.batch import Prepared, prepare
from eventgraph.graph.model import Article

_NO_TEXT = "no article text (only page furniture or reader comments)"
_NLP: list[Language] = []  # this worker process's pipeline, loaded by its first task


def nlp() -> Language:
    """The spaCy pipeline, loaded once per process."""
    if not _NLP:
        _NLP.append(load())
    return _NLP[0]


@dataclass
class ChunkResult:
    """What one partition of articles gives the driver: nothing here holds a spaCy Doc."""

    articles: list[Article] = field(default_factory=list)  # those with reporting text, in input order
    prepared: list[Prepared] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    failed: dict[str, tuple[str, Exception]] = field(default_factory=dict)  # id -> (name, error)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    raw: RawArticle
    offset: int
    text: str


def extract_chunk(raws: list[RawArticle]) -> ChunkResult:
    """Parse and prepare the articles of one partition; an article that raises is recorded, not fatal."""
    out = ChunkResult()

    def failure(article: Article, exc: Exception) -> None:
        if article.id not in out.failed:
            out.failed[article.id] = (article.name or article.id, _picklable(exc))

    def units() -> Iterator[_Unit]:
        for raw in raws:
            try:
                text = reporting_text(raw)
            except Exception as exc:
                failure(raw.article, exc)
                continue
            if not text.strip():
                out.warnings.append(str(Problem(raw.article.name or raw.article.id, _NO_TEXT, fatal=True)))
                continue
            out.articles.append(raw.article)
            for start, end in pieces(text):
                yield _Unit(raw, start, text[start:end])

    parsed = parse_each(
        nlp(),
        units(),
        lambda u: u.text,
        lambda u, exc: failure(u.raw.article, exc),
        batch_size=BATCH_SIZE,
        max_chars=BATCH_CHARS,
    )
    for unit, doc in parsed:
        if unit.raw.article.id in out.failed:
            continue
        try:
            out.prepared.append(prepare(unit.raw.article, doc, mentions_of(unit.raw, doc), unit.offset))
            out.people.extend(e.text for e in doc.ents if e.label_ == "PERSON")
        except Exception as exc:
            failure(unit.raw.article, exc)
    return out


def _picklable(exc: Exception) -> Exception:
    """The error itself when it survives pickling to the driver, else one with the same text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
