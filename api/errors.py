"""Every failure becomes RFC 9457 problem details (``application/problem+json``) a user can act on:
``detail`` names the input and the reason, ``parameter`` the offending parameter; no traceback leaks.

Problem types are URIs under ``/problems/`` (each answers with its description, see
api/routes/problems.py); a plain HTTP failure (no such route, wrong method) is ``about:blank``.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import Scope

from eventgraph.api.schemas import Problem
from eventgraph.graph.errors import QueryTimeout, StoreAuthError, StoreUnavailable
from eventgraph.graph.window import BadCursor

log = logging.getLogger("eventgraph.api")
MEDIA_TYPE = "application/problem+json"

# slug -> (title, status, what it means): the problem types this service answers with
PROBLEM_TYPES: dict[str, tuple[str, int, str]] = {
    "bad-request": (
        "Request cannot be answered",
        400,
        "A parameter was understood but cannot be answered: an unreadable or backwards window, or a "
        "window given both as dates and in words. detail names the input.",
    ),
    "invalid-cursor": (
        "Invalid cursor",
        400,
        "The cursor was not handed out by this service; pass the next_cursor of a previous answer unchanged.",
    ),
    "not-found": (
        "Not found",
        404,
        "No event, actor or place has this id or name; closest lists the nearest names where there are any.",
    ),
    "invalid-parameter": (
        "Invalid parameter",
        422,
        "A parameter failed validation; parameter names it and errors lists every problem of the request.",
    ),
    "store-unavailable": ("Graph store unavailable", 503, "The graph store cannot be reached; try again."),
    "store-credentials": (
        "Graph store refused the credentials",
        503,
        "The graph store refused the service's credentials (NEO4J_USER / NEO4J_PASSWORD).",
    ),
    "over-capacity": (
        "Server at capacity",
        503,
        "More connections or running requests than EVENTGRAPH_MAX_CONNECTIONS; retry after a moment.",
    ),
    "query-timeout": (
        "Query time limit reached",
        504,
        "The query ran past EVENTGRAPH_QUERY_TIMEOUT and was stopped; narrow the window or add filters.",
    ),
}


class ApiError(Exception):
    """A problem of ``kind`` (a PROBLEM_TYPES slug) whose ``message`` names the input; ``members``
    become extension members of the answer (``closest``, the value given...)."""

    def __init__(
        self, kind: str, message: str, *, parameter: str | None = None, members: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.kind, self.message, self.parameter, self.members = kind, message, parameter, members or {}


def bad_request(message: str, *, parameter: str | None = None, **members: Any) -> ApiError:
    return ApiError("bad-request", message, parameter=parameter, members=members)


def not_found(message: str, *, parameter: str | None = None, **members: Any) -> ApiError:
    return ApiError("not-found", message, parameter=parameter, members=members)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": text, "content": {MEDIA_TYPE: {}}}
    for status, text in {
        400: "A parameter was understood but cannot be answered (e.g. an unparseable date phrase).",
        404: "Unknown id or name; closest lists the nearest names where there are any.",
        422: "A parameter failed validation; parameter names it.",
        503: "The graph store is unreachable, or the server is at its connection limit.",
        504: "The query exceeded the time limit.",
    }.items()
}


def instance(scope: Scope) -> str:
    """The failing request as a URI reference: path and query."""
    query = scope.get("query_string", b"").decode("latin-1")
    return str(scope.get("path", "/")) + (f"?{query}" if query else "")


def problem_body(
    scope: Scope, kind: str | None, status: int, detail: str, parameter: str | None = None, **members: Any
) -> dict[str, Any]:
    """The problem details of a failure of ``kind`` (None: about:blank, titled by the status)."""
    if kind is None:
        type_, title = "about:blank", HTTPStatus(status).phrase
    else:
        type_, title = f"/problems/{kind}", PROBLEM_TYPES[kind][0]
    body = Problem(
        type=type_, title=title, status=status, detail=detail, instance=instance(scope), parameter=parameter
    ).model_dump(mode="json", exclude_none=True)
    return {**body, **{k: v for k, v in members.items() if k not in body}}


def problem(
    request: Request,
    kind: str | None,
    status: int,
    detail: str,
    parameter: str | None = None,
    headers: dict[str, str] | None = None,
    **members: Any,
) -> JSONResponse:
    body = problem_body(request.scope, kind, status, detail, parameter, **members)
    return JSONResponse(
        body,
        status_code=status,
        media_type=MEDIA_TYPE,
        headers={**(headers or {}), "Cache-Control": "no-store"},
    )


def _param(loc: tuple[Any, ...]) -> str:
    """``('query', 'limit')`` -> ``limit``: the name the user typed, not FastAPI's location path."""
    parts = [str(p) for p in loc if p not in ("query", "path", "body")]
    return ".".join(parts) or "request"


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Inputs are echoed as strings: they may be anything the client sent.
    errors = [
        {
            "parameter": _param(tuple(e["loc"])),
            "message": e["msg"],
            "input": None if e.get("input") is None else str(e["input"])[:200],
        }
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"parameter": "request", "message": "invalid request"}
    text = f"invalid parameter {first['parameter']!r}: {first['message']}"
    return problem(request, "invalid-parameter", 422, text, first["parameter"], errors=errors)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    status = PROBLEM_TYPES[exc.kind][1]
    return problem(request, exc.kind, status, exc.message, exc.parameter, **exc.members)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    text = "no such route; see /docs" if exc.status_code == 404 else str(exc.detail)
    if exc.status_code == 405:
        text = f"{request.method} is not allowed on {request.url.path}; this API only reads (GET, HEAD)"
    return problem(request, None, exc.status_code, text, headers=dict(exc.headers or {}))


async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("store unavailable: %s", exc)
    text = f"the graph store is unavailable; check that it is running and try again ({exc})"
    return problem(request, "store-unavailable", 503, text)


async def _auth(request: Request, exc: Exception) -> JSONResponse:
    log.warning("store refused credentials: %s", exc)
    text = "the graph store refused the service's credentials; check NEO4J_USER/NEO4J_PASSWORD"
    return problem(request, "store-credentials", 503, text)


async def _timeout(request: Request, exc: Exception) -> JSONResponse:
    reason = f" ({exc})" if str(exc) else ""
    text = f"the query took too long; narrow the date window or add filters{reason}"
    return problem(request, "query-timeout", 504, text)


async def _bad_cursor(request: Request, exc: Exception) -> JSONResponse:
    text = f"invalid cursor; pass the next_cursor of a previous answer unchanged ({exc})"
    return problem(request, "invalid-cursor", 400, text, "cursor")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem(request, None, 500, "internal error; the server log has the details")


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
