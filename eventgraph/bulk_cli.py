"""`eventgraph bulk-export`: event JSONL -> neo4j-admin import files, and optionally the import itself.

Kept apart from eventgraph.cli (which registers it) so that the bulk path reads on its own: it
reads the input as `load` does (eventgraph.bulk_read), merges it as the loader would and writes the
files (graph.bulk_merge) and, with --import-into, runs the admin tool on a stopped server's home
(graph.bulk_import).
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from eventgraph.graph.errors import StoreError


@click.command("bulk-export")
@click.argument("events", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the CSV files."
)
@click.option(
    "--import-into",
    "home",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Home (conf/, data/) of a STOPPED Neo4j server: import the files into --database, replacing it.",
)
@click.option("--database", default="neo4j", show_default=True, help="Database to import into.")
@click.option(
    "--neo4j-lib", type=click.Path(file_okay=False, path_type=Path), help="Neo4j jars [default: HOME/lib]."
)
@click.option("--threads", type=click.IntRange(1), help="Import tool threads [default: its own, every core].")
@click.option(
    "--max-off-heap-memory", help="Import tool off-heap memory, e.g. 512m or 50% [default: its own]."
)
@click.option(
    "--jobs",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Processes reading the JSONL (forked), a block of lines each at a time.",
)
@click.option("--strict", is_flag=True, help="Stop on the first broken line instead of skipping it.")
def bulk_export(
    events: tuple[Path, ...],
    out: Path,
    home: Path | None,
    database: str,
    neo4j_lib: Path | None,
    threads: int | None,
    max_off_heap_memory: str | None,
    jobs: int,
    strict: bool,
) -> None:
    """Write event JSONL as neo4j-admin import files (a fresh database in bulk, far faster than `load`).

    The files hold the graph `load` would build from the same input; start the server after the
    import and the first connection (e.g. `eventgraph stats --store neo4j`) creates the constraints
    and indexes. Broken lines are named and skipped as in `load`."""
    from eventgraph import bulk_read
    from eventgraph.cli import SKIPPED_EXIT, ProblemLog
    from eventgraph.graph import bulk_csv, bulk_import, bulk_merge, bulk_tellings

    log = ProblemLog(strict)
    bulk_read.arrow_memory()
    read = bulk_tellings.Read()
    t0 = time.perf_counter()
    for path in events:
        bulk_read.read_file(path, read, log.skip, log, jobs=jobs)
    if not read.events:
        raise click.ClickException("no event could be read from the input: nothing written")
    try:
        counts = bulk_merge.write(read, out)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    took = time.perf_counter() - t0
    rels = sum(counts[name] for name in bulk_csv.RELATIONSHIP_FILES)
    click.echo(
        f"wrote {counts['events']} events, {counts['actors']} actors, {counts['articles']} articles, "
        f"{counts['places']} places and {rels} relationships to {out} in {took:.1f} s",
        err=True,
    )
    settings = bulk_import.ImportSettings(threads=threads, max_off_heap_memory=max_off_heap_memory)
    if home is None:
        cmd = bulk_import.command(out, database, Path("lib"), settings)
        click.echo(
            "import them with the server stopped (or use --import-into HOME):\n  " + bulk_import.shown(cmd),
            err=True,
        )
    else:
        t1 = time.perf_counter()
        try:
            bulk_import.run_import(out, home, database=database, lib=neo4j_lib, settings=settings)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(
            f"imported into database {database!r} of {home} in {time.perf_counter() - t1:.1f} s; start the "
            "server: the first connection creates the constraints and indexes (cypher/schema.cypher)",
            err=True,
        )
    if log.skipped:
        click.echo(f"eventgraph: {log.skipped} input(s) skipped (named above); the rest is written", err=True)
        raise click.exceptions.Exit(SKIPPED_EXIT)
