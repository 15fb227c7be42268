"""HTTP validators on reads: a weak ETag derived from the store's generation and the request, with
Cache-Control, and 304 Not Modified when the client's If-None-Match names the current one.

The generation changes whenever the graph does (graph.store.GraphStore.generation), so an ETag
stays valid exactly as long as the answer would be the same; it is read before the answer is, so an
answer is never labelled with a newer generation than it was read from. The tag is weak: gzip
changes the bytes, not the answer. ``no-cache`` lets browsers and proxies keep answers but ask
every time, which costs a 304 and one small store read when nothing changed.
"""

from __future__ import annotations

import hashlib

from fastapi import Depends, FastAPI, Request, Response

from eventgraph import __version__
from eventgraph.api.deps import RunDep, SettingsDep

CACHE_CONTROL = "public, no-cache"


class NotModified(Exception):
    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__("not modified")
        self.headers = headers


def etag_for(generation: str, kind: str, max_limit: int, path: str, query: str) -> str:
    """Everything an answer depends on: the release (its shapes), the store and its generation, the
    result cap, and the request as sent (parameter order shows in echoed filters)."""
    key = "\0".join([__version__, kind, generation, str(max_limit), path, query])
    return f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match's weak comparison (RFC 9110 §13.1.2): any listed tag with the same opaque part."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


async def validators(request: Request, response: Response, run: RunDep, settings: SettingsDep) -> None:
    """Answer 304 when the client holds the current answer; otherwise label the one to come."""
    generation = await run(run.store.generation)
    query = request.scope.get("query_string", b"").decode("latin-1")
    etag = etag_for(generation, run.store.kind, settings.max_limit, request.url.path, query)
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if matches(request.headers.get("if-none-match"), etag):
        raise NotModified({**headers, "Vary": "Accept-Encoding"})
    response.headers.update(headers)


async def _not_modified(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotModified)
    return Response(status_code=304, headers=exc.headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(NotModified, _not_modified)


Validated = [Depends(validators)]
