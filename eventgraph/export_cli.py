"""`eventgraph export`: the timeline's selection as CSV, GeoJSON, GraphML, GEXF or event JSONL.

The window and filters are read by the API's own ``window_query`` (names of actors and places,
a window in words and its year), so a command and a ``/timeline`` URL with the same values select
the same events; the writers live in ``eventgraph.graph.exports``.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from eventgraph.cli import _check_writable, main, opened_store, settings_of, store_options
from eventgraph.extract.ingest.problems import shown
from eventgraph.graph.exports import FORMATS, ExportFormat, Selection, export_text
from eventgraph.graph.model import EVENT_TYPES
from eventgraph.graph.store import GraphStore, TimelineFilter
from eventgraph.settings import Settings

_FORMATS_HELP = "; ".join(f"{f.name}: {f.what}" for f in FORMATS.values())


def _format_of(name: str | None, out: Path | None) -> ExportFormat:
    """--format, else the one --out's suffix names."""
    if name:
        return FORMATS[name]
    by_suffix = {f.suffix: f for f in FORMATS.values()}
    if out is not None and out.suffix.lower() in by_suffix:
        return by_suffix[out.suffix.lower()]
    raise click.UsageError(f"give --format ({'|'.join(FORMATS)}), or an --out whose suffix names one")


def _filter(store: GraphStore, settings: Settings, params: dict[str, Any]) -> TimelineFilter:
    """The API's window_query on the command's values: the same names, windows and errors."""
    from eventgraph.api.deps import Runner, Slots
    from eventgraph.api.errors import ApiError
    from eventgraph.api.query import window_query

    async def parse() -> TimelineFilter:
        run = Runner(store, settings.query_timeout, Slots(1))
        return (await window_query(run, **params)).flt

    try:
        return asyncio.run(parse())
    except ApiError as exc:
        if "closest" not in exc.members:
            raise click.UsageError(shown(exc.message)) from exc
        # an unknown name: the API's hint names its own routes; here the closest names are the hint
        closest = ", ".join(c["name"] for c in exc.members["closest"])
        hint = f" (closest: {closest})" if closest else ""
        raise click.UsageError(shown(exc.message.split(";")[0] + hint)) from exc


def _day(value: datetime | None) -> Any:
    return value.date() if value else None


@main.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), help=f"[default: from --out] {_FORMATS_HELP}."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file [default: stdout].")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="Window start, inclusive.")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="Window end, inclusive.")
@click.option("--when", "q", help="The window in words: 'between Oct 28 and Dec 16' (as /timeline's q).")
@click.option(
    "--match",
    type=click.Choice(["overlap", "within"]),
    default="overlap",
    show_default=True,
    help="overlap: the event may fall in the window; within: it certainly does.",
)
@click.option(
    "--type", "types", multiple=True, type=click.Choice(EVENT_TYPES), help="Event type (repeatable)."
)
@click.option("--actor", help="Actor id or name (events it took part in).")
@click.option("--place", help="Place id or name.")
@click.option("--disputed/--undisputed", default=None, help="Only disputed or only undisputed events.")
@store_options
def export_command(
    fmt: str | None,
    out: Path | None,
    start: datetime | None,
    end: datetime | None,
    q: str | None,
    match: str,
    types: tuple[str, ...],
    actor: str | None,
    place: str | None,
    disputed: bool | None,
    **opts: Any,
) -> None:
    """Export the events the timeline lists for a window and filters (dated events, in date order).

    CSV, GeoJSON and JSONL are written page by page; GraphML and GEXF (actors and events as nodes)
    are built in memory first. The file is written under a temporary name and renamed at the end,
    so a failed export leaves no half file."""
    chosen = _format_of(fmt, out)
    _check_writable(out)
    settings = settings_of(opts)
    params = {
        "start": _day(start),
        "end": _day(end),
        "q": q,
        "match": match,
        "types": list(types) or None,
        "actor": actor,
        "place": place,
        "disputed": disputed,
    }
    with opened_store(settings) as store:
        selection = Selection(store, _filter(store, settings, params))
        _write(export_text(selection, chosen), out)
    where = f" to {shown(out)}" if out else ""
    click.echo(f"exported {selection.exported} events as {chosen.name}{where}", err=True)


def _write(chunks: Any, out: Path | None) -> None:
    if out is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    tmp = out.with_name(out.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                fh.write(chunk)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
