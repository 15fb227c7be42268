"""GET /export.csv, /export.geojson, /export.graphml, /export.gexf, /export.jsonl: the events the
timeline lists for the same window and filters, as files for pandas, QGIS, Gephi and ``load``.

The parameters are /timeline's window and filters (api/query.py's window_query: start, end, q,
match, type, actor, place, disputed) without its paging: the whole selection is exported, with
the ETag and Cache-Control of every read (api/caching.py). The answer streams: the first page is
read before the response starts (a bad filter or an unreachable store is still a problem-details
answer with its status), then each further page is read under a time limit of its own, so an
export is not bounded by one query's limit. A failure after the start cuts the transfer short
(the client sees an incomplete response, never a silently shortened file).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse

from eventgraph.api import caching
from eventgraph.api.deps import RunDep, get_runner
from eventgraph.api.query import WindowQueryDep
from eventgraph.graph.exports import FORMATS, ExportFormat, Selection, Writer

router = APIRouter(tags=["exports"], dependencies=caching.Validated)
log = logging.getLogger("eventgraph.api")


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
    async def export(
        request: Request, response: Response, run: RunDep, wq: WindowQueryDep
    ) -> StreamingResponse:
        selection = Selection(run.store, wq.flt)
        writer = fmt.writer()
        first = await run(_step, selection, writer, True)
        # a returned Response does not take the headers set on the injected one (caching's validators)
        validators = {k: v for k, v in response.headers.items() if k in ("etag", "cache-control")}
        return StreamingResponse(
            _body(request, selection, writer, first),
            media_type=fmt.media_type,
            headers={
                **validators,
                "Content-Disposition": f'attachment; filename="eventgraph-events{fmt.suffix}"',
            },
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
