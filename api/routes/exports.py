"""GET /export.csv, /export.geojson, /export.graphml, /export.gexf, /export.jsonl: the events the
timeline lists for the same window and filters, as files for pandas, QGIS, Gephi and ``load``.

The parameters are /timeline's (start, end, q, match, type, actor, place, disputed) without its
paging: the whole selection is exported. The answer streams: the first page is read before the
response starts (a bad filter or an unreachable store is still a JSON error with its status),
then each further page is read under a time limit of its own, so an export is not bounded by one
query's limit. A failure after the start cuts the transfer short (the client sees an incomplete
response, never a silently shortened file).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from eventgraph.api.deps import RunDep, get_runner
from eventgraph.api.query import TimelineQuery, timeline_query
from eventgraph.graph.exports import FORMATS, ExportFormat, Selection, Writer

router = APIRouter(tags=["exports"])
log = logging.getLogger("eventgraph.api")

PAGING = ("cursor", "limit")  # /timeline's parameters an export does not take


async def export_query(**params: Any) -> TimelineQuery:
    """/timeline's query parameters without the paging ones (declared once, in api/query.py)."""
    return await timeline_query(**params)


_signature = inspect.signature(timeline_query, eval_str=True)
export_query.__signature__ = _signature.replace(  # type: ignore[attr-defined]
    parameters=[p for p in _signature.parameters.values() if p.name not in PAGING]
)
ExportQueryDep = Annotated[TimelineQuery, Depends(export_query)]


def _step(selection: Selection, writer: Writer, first: bool) -> str:
    """One page as text (the head before the first); runs in a worker thread."""
    head = writer.head() if first else ""
    return head + writer.page(selection.next_page())


async def _body(request: Request, selection: Selection, writer: Writer, first: str) -> AsyncIterator[str]:
    yield first
    try:
        while not selection.done:
            run = get_runner(request)  # a fresh time limit per page
            yield await run(_step, selection, writer, False)
        yield await anyio.to_thread.run_sync(writer.tail)  # GraphML/GEXF: the network, written at the end
    except Exception as exc:
        # The status is sent: the only way left to say "incomplete" is to break the transfer off.
        log.warning("%s stopped after %d events: %s", request.url.path, selection.exported, exc)
        raise


def _route(fmt: ExportFormat) -> Callable[..., Coroutine[Any, Any, StreamingResponse]]:
    async def export(request: Request, run: RunDep, tq: ExportQueryDep) -> StreamingResponse:
        selection = Selection(run.store, tq.flt)
        writer = fmt.writer()
        first = await run(_step, selection, writer, True)
        return StreamingResponse(
            _body(request, selection, writer, first),
            media_type=fmt.media_type,
            headers={"Content-Disposition": f'attachment; filename="eventgraph-events{fmt.suffix}"'},
        )

    export.__doc__ = f"The timeline's selection as {fmt.name}: {fmt.what}."
    return export


for _fmt in FORMATS.values():
    router.add_api_route(
        f"/export.{_fmt.name}",
        _route(_fmt),
        methods=["GET"],
        name=f"export_{_fmt.name}",
        summary=f"Export as {_fmt.name}",
        response_class=StreamingResponse,
        responses={200: {"content": {_fmt.media_type.split(";")[0]: {}}, "description": _fmt.what}},
    )
