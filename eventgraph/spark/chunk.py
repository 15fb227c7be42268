"""The per-article half of extraction for one input partition, run in a Spark executor.

The spaCy pipeline is loaded once per Python worker process (a module-level cache: Spark reuses its
workers across tasks), and each article is reduced to what the cross-article merge needs, by the very loop
``extract.pipeline.run.extract_articles`` runs in one process (``prepared_articles``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.nlp import load
from eventgraph.extract.pipeline.run import prepared_articles
from eventgraph.extract.resolve.batch import Prepared
from eventgraph.graph.model import Article

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


def extract_chunk(raws: list[RawArticle]) -> ChunkResult:
    """Parse and prepare the articles of one partition; an article that raises is recorded, not fatal."""
    out = ChunkResult()

    def failure(article: Article, exc: Exception) -> None:
        out.failed.setdefault(article.id, (article.name or article.id, _picklable(exc)))

    stream = prepared_articles(
        raws, nlp(), failure=failure, warn=out.warnings.append, kept=out.articles.append
    )
    for item, people in stream:
        out.prepared.append(item)
        out.people.extend(people)
    return out


def _picklable(exc: Exception) -> Exception:
    """The error itself when it survives pickling to the driver, else one with the same text."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
