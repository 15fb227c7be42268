"""Every failure becomes JSON ``{"error": ..., "detail": ...}`` a user can act on; no traceback leaks."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from eventgraph.api.schemas import ErrorOut
from eventgraph.graph.errors import QueryTimeout, StoreAuthError, StoreUnavailable
from eventgraph.graph.window import BadCursor

log = logging.getLogger("eventgraph.api")


class ApiError(Exception):
    def __init__(self, status: int, error: str, detail: Any = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.detail = detail


def bad_request(error: str, detail: Any = None) -> ApiError:
    return ApiError(400, error, detail)


def not_found(error: str, detail: Any = None) -> ApiError:
    return ApiError(404, error, detail)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {
        400: "A parameter was understood but cannot be answered (e.g. an unparseable date phrase).",
        404: "Unknown id or name; detail lists the closest matches where there are any.",
        422: "A parameter failed validation; the message names it.",
        503: "The graph store is unreachable.",
        504: "The query exceeded the time limit.",
    }.items()
}


def _json(status: int, error: str, detail: Any = None) -> JSONResponse:
    return JSONResponse(ErrorOut(error=error, detail=detail).model_dump(mode="json"), status_code=status)


def _param(loc: tuple[Any, ...]) -> str:
    """``('query', 'limit')`` -> ``limit``: the name the user typed, not FastAPI's location path."""
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"parameter": _param(tuple(e["loc"])), "message": e["msg"], "input": e.get("input")}
        for e in exc.errors()
    ]
    first = problems[0] if problems else {"parameter": "request", "message": "invalid request"}
    text = f"invalid parameter {first['parameter']!r}: {first['message']}"
    # Inputs are echoed as strings: they may be anything the client sent.
    detail = [{**p, "input": None if p.get("input") is None else str(p["input"])[:200]} for p in problems]
    return _json(422, text, detail)


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _json(exc.status, exc.error, exc.detail)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    text = "no such route; see /docs" if exc.status_code == 404 else str(exc.detail)
    return _json(exc.status_code, text)


async def _unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("store unavailable: %s", exc)
    return _json(503, "the graph store is unavailable; check that it is running and try again", str(exc))


async def _auth(_: Request, exc: Exception) -> JSONResponse:
    log.warning("store refused credentials: %s", exc)
    return _json(503, "the graph store refused the service's credentials; check NEO4J_USER/NEO4J_PASSWORD")


async def _timeout(_: Request, exc: Exception) -> JSONResponse:
    return _json(504, "the query took too long; narrow the date window or add filters", str(exc) or None)


async def _bad_cursor(_: Request, exc: Exception) -> JSONResponse:
    return _json(400, "invalid cursor; pass the next_cursor of a previous answer unchanged", str(exc))


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return _json(500, "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(StoreUnavailable, _unavailable)
    app.add_exception_handler(StoreAuthError, _auth)
    app.add_exception_handler(QueryTimeout, _timeout)
    app.add_exception_handler(TimeoutError, _timeout)
    app.add_exception_handler(BadCursor, _bad_cursor)
    app.add_exception_handler(Exception, _unexpected)
