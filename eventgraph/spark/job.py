"""The Spark driver: articles read here and written to the work dir a partition at a time, extracted
by the executors (finished parts kept in the work dir for a resumed run), actors resolved here from
the parts read back one at a time, events merged over blocks by the executors.

What the driver holds grows with the corpus only by compact records: per article its metadata,
per mention the few fields the merge compares (``Resolved``, its full mention spooled to disk), per
real-world actor one tally (``ActorRegistry``), per merge unit two integers, and the events it
returns. Actor resolution stays here because it is sequential: whether a name joins a person
depends on the names of every earlier article, in input order, exactly as in one process.

Run it as ``eventgraph extract --engine spark ...``, ``python -m eventgraph.spark.job PATH...`` or
``spark-submit eventgraph/spark/job.py PATH... --out FILE`` (the options of ``extract``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from eventgraph.extract.ingest.read import RawArticle, read_inputs
from eventgraph.extract.pipeline.run import Fail, Progress, failure_message
from eventgraph.extract.resolve.batch import BatchBuilder
from eventgraph.graph.model import Article, Batch
from eventgraph.spark.chunk import ChunkResult, extract_chunk
from eventgraph.spark.merge import SparkMerge
from eventgraph.spark.parts import (
    chunk_key,
    input_path,
    is_done,
    read_input,
    read_part,
    write_input,
    write_part,
)

# Articles per partition: a part is the unit of resumed work.
CHUNK_ARTICLES = 16
DEFAULT_MASTER = "local[2]"


def spark_context(master: str | None = None, app: str = "eventgraph-extract") -> Any:
    """The SparkContext: ``master`` if given, else spark-submit's, else local[2]. Executors of a local
    master run this very Python."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app).config("spark.python.worker.reuse", "true")
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if master or not under_submit:
        builder = builder.master(master or DEFAULT_MASTER)
    builder = builder.config("spark.ui.showConsoleProgress", "false").config("spark.ui.enabled", "false")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session.sparkContext


def chunks(raws: Iterable[RawArticle], size: int = CHUNK_ARTICLES) -> Iterator[list[RawArticle]]:
    chunk: list[RawArticle] = []
    for raw in raws:
        chunk.append(raw)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_part(work_dir: str) -> Callable[[str], str]:
    def run(key: str) -> str:
        folder = Path(work_dir)
        write_part(folder, key, extract_chunk(read_input(folder, key)))
        input_path(folder, key).unlink(missing_ok=True)
        return key

    return run


def extract_parts(
    sc: Any, raws: Iterable[RawArticle], work_dir: Path, chunk_size: int = CHUNK_ARTICLES
) -> list[str]:
    """Run the per-article extraction for every partition not finished in ``work_dir``; the keys of
    all partitions, in input order. Each partition is one Spark task, which reads its articles from
    the work dir: the driver writes them there one partition at a time and never holds the corpus."""
    keys: list[str] = []
    todo: dict[str, None] = {}
    for chunk in chunks(raws, chunk_size):
        key = chunk_key(chunk)
        keys.append(key)
        if key not in todo and not is_done(work_dir, key):
            write_input(work_dir, key, chunk)
            todo[key] = None
    if todo:
        sc.parallelize(list(todo), numSlices=len(todo)).map(_run_part(str(work_dir))).collect()
    return keys


def extract_with_spark(
    raws: Iterable[RawArticle],
    *,
    sc: Any,
    work_dir: Path,
    warn: Callable[[str], None],
    fail: Fail | None = None,
    progress: Progress | None = None,
    chunk_size: int = CHUNK_ARTICLES,
    merge: SparkMerge | None = None,
) -> Batch:
    """The same batch as ``extract_articles``, computed on Spark."""
    report: Fail = fail or (lambda source, exc: warn(failure_message(source, exc)))
    keys = extract_parts(sc, raws, work_dir, chunk_size)
    articles: list[Article] = []
    failed: set[str] = set()
    people: set[str] = set()
    for n, key in enumerate(keys, 1):
        part = read_part(work_dir, key)
        articles.extend(part.articles)
        people.update(part.people)
        for message in part.warnings:
            warn(message)
        for article_id, (name, exc) in part.failed.items():
            if article_id not in failed:
                failed.add(article_id)
                report(name, exc)
        if progress is not None:
            progress("extracting", n * chunk_size, None)
    builder = BatchBuilder(people)
    for n, key in enumerate(keys, 1):
        part = read_part(work_dir, key)
        _add_all(builder, part, failed, report)
        if progress is not None:
            progress("resolving", n, len(keys))
    if merge is None:
        merge = SparkMerge(sc, work_dir)
    return builder.finish(articles, failed, events_of=merge)


def _add_all(builder: BatchBuilder, part: ChunkResult, failed: set[str], report: Fail) -> None:
    for item in part.prepared:
        if item.article.id in failed:
            continue
        try:
            builder.add(item)
        except Exception as exc:
            failed.add(item.article.id)
            report(item.article.name or item.article.id, exc)


def extract_paths_spark(
    paths: Sequence[Path],
    manifest: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    urls: Path | None = None,
    master: str | None = None,
    work_dir: Path | None = None,
    part_size: int = CHUNK_ARTICLES,
    warn: Callable[[str], None],
    fail: Fail | None = None,
    progress: Progress | None = None,
) -> Batch:
    """``extract_paths`` on Spark; without ``work_dir`` the parts go to a temporary folder (no resume)."""

    def readable() -> Iterator[RawArticle]:
        for item in read_inputs(paths, manifest, urls=urls):
            if isinstance(item, RawArticle):
                yield item
            else:
                warn(str(item))

    sc = spark_context(master)
    opts: dict[str, Any] = {"warn": warn, "fail": fail, "progress": progress, "chunk_size": part_size}
    if work_dir is not None:
        return extract_with_spark(readable(), sc=sc, work_dir=work_dir, **opts)
    with tempfile.TemporaryDirectory(prefix="eventgraph-spark-") as tmp:
        return extract_with_spark(readable(), sc=sc, work_dir=Path(tmp), **opts)


def main(argv: list[str] | None = None) -> None:
    """``spark-submit eventgraph/spark/job.py ARGS``: ``eventgraph extract --engine spark ARGS``."""
    from eventgraph.cli import main as cli

    args = ["extract", "--engine", "spark", *(sys.argv[1:] if argv is None else argv)]
    cli.main(args=args, prog_name="eventgraph")


if __name__ == "__main__":
    main()
