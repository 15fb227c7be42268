"""The `eventgraph` command: extract, timex, load, serve, stats.

Problems with single inputs are reported on stderr as one line naming the input,
and the rest of the batch goes on; `--strict` makes any such problem fatal.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click
from pydantic import ValidationError

from eventgraph.extract.ingest.problems import shown
from eventgraph.graph.errors import StoreError
from eventgraph.graph.export import batch_from_rows, dumps_rows
from eventgraph.graph.model import Batch, DateInterval
from eventgraph.graph.open import open_configured, writer_for
from eventgraph.graph.store import GraphStore
from eventgraph.progress import PhaseBars
from eventgraph.settings import Settings

STORE_KINDS = ("memory", "neo4j")
DISPUTED_SHOWN = 10  # `stats` lists this many disputed events with their sources
SKIPPED_EXIT = 3  # `load`: the run loaded what it could, but some lines or files were skipped


class ProblemLog:
    """Collects one-line problems; with ``strict`` the first one stops the run."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.count = 0
        self.skipped = 0  # inputs (files, lines) left out

    def __call__(self, message: str) -> None:
        self.count += 1
        message = shown(message)  # names from users may hold newlines or bidi controls
        click.echo(f"eventgraph: {message}", err=True)
        if self.strict and not message.startswith("note:"):
            raise click.ClickException(f"stopping on the first problem (--strict): {message}")

    def skip(self, message: str) -> None:
        """A problem that leaves an input out of the result."""
        self.skipped += 1
        self(message)


def store_options(fn: Any) -> Any:
    """The options every store-using command shares. A flag overrides the environment, which
    overrides the default: all three are resolved by one Settings object (eventgraph.settings)."""
    options = [
        click.option(
            "--store",
            type=click.Choice(STORE_KINDS),
            help="Which graph store [env: EVENTGRAPH_STORE; default: memory].",
        ),
        click.option(
            "--data",
            type=click.Path(file_okay=False, path_type=Path),
            help="Folder of the embedded store's file [env: EVENTGRAPH_DATA; default: data].",
        ),
        click.option("--neo4j-uri", help="[env: NEO4J_URI; default: bolt://127.0.0.1:7687]"),
        click.option("--neo4j-user", help="[env: NEO4J_USER; default: neo4j]"),
        click.option("--neo4j-password", help="[env: NEO4J_PASSWORD; default: eventgraph]"),
        click.option("--neo4j-database", help="[env: NEO4J_DATABASE; default: the server's default]"),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def settings_of(opts: dict[str, Any]) -> Settings:
    """The settings with the flags that were given on top of the environment."""
    given = {key: value for key, value in opts.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = "_".join(str(part) for part in error["loc"]).upper()
        raise click.UsageError(f"bad setting {name}={error['input']!r}: {error['msg']}") from exc


@contextmanager
def opened_store(settings: Settings) -> Iterator[GraphStore]:
    try:
        store = open_configured(settings)
    except StoreError as exc:
        raise click.ClickException(shown(exc)) from exc
    try:
        yield store
    except StoreError as exc:
        raise click.ClickException(shown(exc)) from exc
    finally:
        store.close()


class _Main(click.Group):
    """Any failure reaches the user as one line, never a traceback (EVENTGRAPH_DEBUG=1 shows it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`eventgraph timex ... | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except StoreError as exc:
            raise click.ClickException(shown(exc)) from exc
        except Exception as exc:
            if os.environ.get("EVENTGRAPH_DEBUG"):
                raise
            what = shown(" ".join(f"{type(exc).__name__}: {exc}".split())[:300])
            raise click.ClickException(
                f"unexpected error ({what}); EVENTGRAPH_DEBUG=1 shows the traceback"
            ) from exc


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventgraph")
def main() -> None:
    """Turn news articles into a timeline knowledge graph of dated events, actors and places."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--urls",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="File listing URLs to fetch (one a line), politely: robots.txt, timeouts, retries, delays.",
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON object keyed by file name or relative path: title, publisher, url, published, id.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Event JSONL file [default: stdout]."
)
@click.option(
    "--processes",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="spaCy worker processes.",
)
@click.option("--strict", is_flag=True, help="Stop on the first unreadable input instead of skipping it.")
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: this process; spark: Apache Spark executors (pip install eventgraph[spark]).",
)
@click.option(
    "--master", help="Spark master URL for --engine spark [default: spark-submit's, else local[2]]."
)
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="--engine spark: keep finished partitions here; a re-run skips them (a shared folder on a cluster).",
)
@click.option(
    "--part-size",
    type=click.IntRange(1, 100_000),
    default=16,
    show_default=True,
    help="--engine spark: articles per partition (the unit of resumed work).",
)
@click.option(
    "--to-neo4j",
    is_flag=True,
    help="--engine spark: also write the events into Neo4j from the executors (NEO4J_URI, NEO4J_USER...).",
)
def extract(
    paths: tuple[Path, ...],
    urls: Path | None,
    manifest: Path | None,
    out: Path | None,
    processes: int,
    strict: bool,
    engine: str = "local",
    master: str | None = None,
    work_dir: Path | None = None,
    part_size: int = 16,
    to_neo4j: bool = False,
) -> None:
    """Extract dated events from articles as event JSONL: .txt, .html, .jsonl, RSS/Atom feeds (.rss,
    .atom, .xml), WARC crawls (.warc, .warc.gz), folders of them, - for standard input, --urls."""
    from eventgraph.extract.ingest.manifest import Manifest, load_manifest
    from eventgraph.extract.pipeline.run import extract_paths

    if not paths and urls is None:
        raise click.UsageError("give PATH... (- for standard input) or --urls FILE")
    if engine != "spark" and (to_neo4j or work_dir or master):
        raise click.UsageError("--master, --work-dir and --to-neo4j need --engine spark")
    _check_writable(out)
    log = ProblemLog(strict)
    meta = Manifest({})
    if manifest:
        meta, problems = load_manifest(manifest)
        for problem in problems:
            log(str(problem))
    bars = PhaseBars()
    failed = _Failures(log, bars)
    try:
        if engine == "spark":
            from eventgraph.spark.job import extract_paths_spark

            batch = extract_paths_spark(
                list(paths),
                meta,
                urls=urls,
                master=master,
                work_dir=work_dir,
                part_size=part_size,
                warn=failed.warn,
                fail=failed,
            )
        else:
            batch = extract_paths(
                list(paths),
                meta,
                urls=urls,
                n_process=processes,
                warn=failed.warn,
                fail=failed,
                progress=bars,
            )
    finally:
        bars.close()
    if not batch.articles:
        raise click.ClickException("no article could be processed")
    _write_lines(dumps_rows(batch), out)
    click.echo(_summary_line(batch), err=True)
    if to_neo4j:
        _spark_to_neo4j(batch, master)
    if failed.count:
        click.echo(
            f"eventgraph: {failed.count} article(s) failed with an unexpected error and were left out "
            f"(exit status {EXIT_SOME_FAILED})",
            err=True,
        )
        sys.exit(EXIT_SOME_FAILED)


def _spark_to_neo4j(batch: Batch, master: str | None) -> None:
    """The executors write the batch into the configured Neo4j with the loader's statements."""
    from eventgraph.spark.job import spark_context
    from eventgraph.spark.neo4j_writer import Target, stats_lines, write_batch

    settings = Settings()
    target = Target(
        settings.neo4j_uri,
        settings.neo4j_user,
        settings.neo4j_password.get_secret_value(),
        settings.neo4j_database,
    )
    try:
        stats = write_batch(spark_context(master), batch, target)
    except StoreError as exc:
        raise click.ClickException(shown(exc)) from exc
    for line in stats_lines(stats):
        click.echo(f"neo4j: {line}", err=True)


# `extract` wrote its output, but some articles failed unexpectedly (1: nothing could be processed).
EXIT_SOME_FAILED = 3


class _Failures:
    """Articles that raised: one line each (the traceback too under EVENTGRAPH_DEBUG=1), counted."""

    def __init__(self, log: ProblemLog, bars: PhaseBars) -> None:
        self.log = log
        self.bars = bars
        self.count = 0

    def warn(self, message: str) -> None:
        self.bars.close()
        self.log(message)

    def __call__(self, source: str, exc: Exception) -> None:
        from eventgraph.extract.pipeline.run import failure_message

        self.count += 1
        self.bars.close()
        if os.environ.get("EVENTGRAPH_DEBUG"):
            traceback.print_exception(exc, file=sys.stderr)
        self.log(failure_message(source, exc))


def _check_writable(out: Path | None) -> None:
    """Refuse an --out that cannot be written before the work, not after a long extraction."""
    if out is None:
        return
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.open("a", encoding="utf-8").close()
        tmp.unlink()
    except OSError as exc:
        blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
        reason = f"{blocker} is a file, not a folder" if blocker else exc.strerror or str(exc)
        raise click.ClickException(shown(f"cannot write --out {out} ({reason})")) from exc


def _write_lines(lines: Iterator[str], out: Path | None) -> None:
    """Write to a temporary file and rename, so a failed run never leaves half an output."""
    if out is None:
        for line in lines:
            sys.stdout.write(line + "\n")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")
    tmp.replace(out)


def _summary_line(batch: Batch) -> str:
    types = Counter(ev.type for ev in batch.events)
    kinds = ", ".join(f"{t} {n}" for t, n in types.most_common())
    return (
        f"{len(batch.articles)} articles, {len(batch.events)} events ({kinds}), "
        f"{_actors_written(batch)} actors, {len(batch.places)} places, "
        f"{sum(ev.disputed for ev in batch.events)} disputed"
    )


def _actors_written(batch: Batch) -> int:
    """The actors the event lines carry, so the count is what `load` puts in the store: the events'
    participants, the organisations they belong to and the holders of roles in them. Actors that the
    resolution found but no kept event involves are not written."""
    known = {a.id for a in batch.actors}
    participants = {a for ev in batch.events for a in (*ev.agents, *ev.targets) if a in known}
    written = set(participants)
    for aff in batch.affiliations:
        if aff.actor in participants and aff.org in known:
            written.add(aff.org)  # "affiliations" of a participant
        elif aff.org in participants and aff.actor in known:
            written.add(aff.actor)  # "held_by": a role held in a participant
    return len(written)


@main.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", type=click.DateTime(["%Y-%m-%d"]), help="Document creation (publication) date.")
@click.option(
    "--jsonl",
    "jsonl",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Batch form: lines of {"doc", "dct", "text"}.',
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Output JSONL [default: stdout]."
)
def timex(file: Path | None, dct: Any, jsonl: Path | None, out: Path | None) -> None:
    """Tag temporal expressions with TIMEX3 types and values (JSONL).

    An expression whose date falls outside 0001-01-01..9999-12-31 gets the value XXXX-XX-XX and a note
    on stderr.
    """
    from eventgraph.extract.temporal.tagger import calendar_notes, tag, timex_jsonl_lines

    if (file is None) == (jsonl is None):
        raise click.UsageError("give either FILE (with --dct) or --jsonl IN.jsonl")
    _check_writable(out)
    if jsonl is not None:
        log = ProblemLog(strict=False)
        with jsonl.open(encoding="utf-8", errors="replace") as fh:
            _write_lines(
                timex_jsonl_lines(fh, on_error=lambda msg: log(f"{jsonl}:{msg.removeprefix('line ')}")), out
            )
        return
    assert file is not None
    if dct is None:
        raise click.UsageError(
            "FILE needs --dct YYYY-MM-DD (the publication date relative dates resolve against)"
        )
    text = _read_text(file)
    timexes = tag(text, dct.date())
    log = ProblemLog(strict=False)
    for note in calendar_notes(timexes, dct.date()):
        log(f"{file}: {note}")
    _write_lines((json.dumps(t.to_json(), ensure_ascii=False) for t in timexes), out)


def _read_text(path: Path) -> str:
    """The file's text as `extract` reads it (same decoding and newlines), so offsets agree."""
    from eventgraph.extract.ingest.sniff import decode

    return decode(path.read_bytes()).text.replace("\r\n", "\n").replace("\r", "\n")


@main.command()
@click.argument("events", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Empty the store first instead of merging into it.")
@click.option("--strict", is_flag=True, help="Stop on the first broken line instead of skipping it.")
@store_options
def load(events: tuple[Path, ...], replace: bool, strict: bool, **opts: Any) -> None:
    """Load event JSONL (from `extract`) into the store, merging with what it holds.

    Every line is validated before the store is touched; broken lines and unreadable files are
    named and skipped, the rest is loaded, and the exit status is 3. The embedded store is saved
    only if the whole run succeeds."""
    log = ProblemLog(strict)
    batches = [batch for path in events if (batch := _read_events(path, log)) is not None]
    if not batches:
        raise click.ClickException("no event could be read from the input: nothing loaded")
    try:
        with writer_for(
            settings_of(opts),
            replace=replace,
            say=lambda message: click.echo(f"eventgraph: {message}", err=True),
        ) as store:
            if replace:
                store.clear()
            for batch in batches:
                with click.progressbar(
                    length=len(batch.events), label="loading events", file=sys.stderr
                ) as bar:
                    try:
                        store.upsert(batch, progress=lambda done, total: bar.update(done - bar.pos))
                    except StoreError as exc:
                        raise click.ClickException(
                            f"load stopped: {exc}; run the same command again to complete it "
                            "(loading merges, so nothing is doubled)"
                        ) from exc
            counts = store.counts()
    except StoreError as exc:
        raise click.ClickException(shown(exc)) from exc
    click.echo(
        f"store now holds {counts.articles} articles, {counts.events} events, {counts.actors} actors, "
        f"{counts.places} places",
        err=True,
    )
    if log.skipped:
        click.echo(f"eventgraph: {log.skipped} input(s) skipped (named above); the rest is loaded", err=True)
        raise click.exceptions.Exit(SKIPPED_EXIT)


def _read_events(path: Path, log: ProblemLog) -> Batch | None:
    """One event file's batch, or None when nothing in it can be loaded (the reason is logged)."""
    from eventgraph.extract.ingest.sniff import binary_reason

    try:
        with path.open("rb") as fh:
            reason = binary_reason(fh.read(65536))
            if reason:
                log.skip(f"{path}: skipped: {reason}")
                return None
            fh.seek(0)
            batch, problems = batch_from_rows(_decoded_lines(fh, path, log), name=str(path))
    except OSError as exc:
        log.skip(f"{path}: skipped: cannot read ({exc.strerror or exc})")
        return None
    for problem in problems:
        log.skip(problem)
    if not batch.events:
        if not problems:
            log.skip(f"{path}: skipped: no events (empty file)")
        else:
            log(f"{path}: skipped: no readable event line")
        return None
    return batch


def _decoded_lines(fh: IO[bytes], path: Path, log: ProblemLog) -> Iterator[str]:
    """Lines as text; a line in a legacy encoding is decoded as extract does, and said so once."""
    from eventgraph.extract.ingest.sniff import decode

    noted = False
    for number, raw in enumerate(fh, 1):
        decoded = decode(raw)
        if decoded.encoding != "utf-8" and not noted:
            log(f"{path}:{number}: not UTF-8: decoded as {decoded.encoding}")
            noted = True
        yield decoded.text


@main.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(as_json: bool, **opts: Any) -> None:
    """What the store holds: articles, events by type, actors, places, disputed events."""
    from eventgraph.graph.store import TimelineFilter

    settings = settings_of(opts)
    with opened_store(settings) as store:
        counts = store.counts()
        span = store.date_span()
        actors = store.actors("", limit=10)
        listed = [] if as_json else store.timeline(TimelineFilter(disputed=True), limit=DISPUTED_SHOWN).rows
        disputed = [store.event(row.event.id) for row in listed]
    by_type = Counter(counts.by_type)
    report = {
        "store": settings.store,
        "articles": counts.articles,
        "events": counts.events,
        "dated_events": counts.dated,
        "events_by_type": dict(by_type.most_common()),
        "actors": counts.actors,
        "places": counts.places,
        "disputed": counts.disputed,
        "first": span.start.isoformat() if span else None,
        "last": span.end.isoformat() if span else None,
        "some_actors": [a.name for a in actors],
    }
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(
        f"{report['articles']} articles, {report['events']} events ({report['dated_events']} dated, "
        f"{report['first']} .. {report['last']}), {report['actors']} actors, {report['places']} places, "
        f"{report['disputed']} disputed"
    )
    for kind, n in by_type.most_common():
        click.echo(f"  {kind:<15} {n}")
    if disputed:
        more = f", the first {len(disputed)} of {counts.disputed}" if counts.disputed > len(disputed) else ""
        click.echo(f"disputed (what each article says{more}):")
    for detail in filter(None, disputed):
        click.echo(f"  {detail.row.event.summary or detail.row.event.type}")
        for src in detail.sources:
            said = src.source.date_text or "no date"
            when = _interval_text(src.source.date)
            who = src.article.publisher or src.article.name or src.article.id
            click.echo(f"    {shown(who)}: {said!r} -> {when}")


def _interval_text(interval: DateInterval | None) -> str:
    if interval is None:
        return "undated"
    if interval.start == interval.end:
        return interval.start.isoformat()
    return f"{interval.start.isoformat()}..{interval.end.isoformat()}"


@main.command()
@store_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(host: str, port: int, **opts: Any) -> None:
    """Serve the API and the timeline page."""
    from eventgraph.api.app import create_app
    from eventgraph.api.server import serve as run_server

    settings = settings_of(opts)  # the store and the service's limits: one object for both
    with opened_store(settings) as store:
        store.date_span()  # a store that cannot be served (an older release's graph) fails here
        click.echo(f"serving {settings.store} store on http://{host}:{port} (Ctrl-C stops)", err=True)
        run_server(create_app(store, settings), settings, host, port)


def _register_bulk() -> None:
    from eventgraph.bulk_cli import bulk_export  # its own module: the bulk path of issue 18

    main.add_command(bulk_export)


_register_bulk()
from eventgraph import export_cli  # noqa: E402, F401  (registers `eventgraph export`)

if __name__ == "__main__":
    main()
