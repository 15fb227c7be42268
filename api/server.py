"""Serving the app with uvicorn, with limits so slow or idle clients cannot hold the server.

uvicorn times out idle keep-alive connections but not a client that is still sending its
request headers: 200 connections trickling half-sent headers stayed open for good. Here
every connection gets ``header_timeout`` seconds, from when it opens or its last response
ends, to complete a request's headers (at most ``max_header_bytes``), or it is closed.
``max_connections`` caps open connections and running requests (more are answered 503)
and ``keep_alive_timeout`` closes idle connections between requests. Behind a reverse
proxy, the proxy's own limits come first (see README, "Running it in production").
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
from typing import Any, Literal

import uvicorn
from fastapi import FastAPI
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http import h11_impl
from uvicorn.protocols.http.h11_impl import H11Protocol

from eventgraph.api.errors import MEDIA_TYPE, problem_body
from eventgraph.settings import Settings

Http = Literal["auto", "h11", "httptools"]


class _HeaderDeadline:
    """A protocol mixin: close the connection when a request's head takes too long or is too big.

    Both uvicorn protocols start a new request cycle when a request's headers are complete;
    a timer armed at connection start and after each response closes the connection if no
    new cycle has started when it fires, and the bytes received meanwhile are counted.
    """

    config: Any
    cycle: Any
    loop: asyncio.AbstractEventLoop
    transport: Any
    _header_timer: asyncio.TimerHandle | None = None
    _waiting: object = None  # the cycle current when the timer was armed
    _head_bytes = 0

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._header_timer is not None and self.cycle is self._waiting:
            self._head_bytes += len(data)
            if self._head_bytes > self.config.max_header_bytes:
                self.transport.close()
                return
        super().data_received(data)  # type: ignore[misc]

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm(self) -> None:
        self._disarm()
        self._waiting, self._head_bytes = self.cycle, 0
        self._header_timer = self.loop.call_later(self.config.header_timeout, self._headers_late)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if self.cycle is self._waiting and not self.transport.is_closing():
            self.transport.close()


async def over_capacity(scope: Scope, receive: Receive, send: Send) -> None:
    """uvicorn's answer past ``limit_concurrency``, as problem details like every other error (its
    own is a plain-text 503); ``Retry-After`` tells clients when to come back."""
    text = "the server is at its limit of open connections and running requests; retry in a moment"
    body = json.dumps(problem_body(scope, "over-capacity", 503, text)).encode()
    headers = [
        (b"content-type", MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", b"1"),
        (b"cache-control", b"no-store"),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


# Both protocols look the 503 app up in their module when the cap is reached.
h11_impl.service_unavailable = over_capacity  # type: ignore[attr-defined,assignment]


class H11WithHeaderTimeout(_HeaderDeadline, H11Protocol):
    pass


def _protocol(http: Http) -> type[asyncio.Protocol]:
    """uvicorn's choice ("auto": httptools when installed, else h11), with the header deadline."""
    if http == "h11" or (http == "auto" and importlib.util.find_spec("httptools") is None):
        return H11WithHeaderTimeout
    from uvicorn.protocols.http import httptools_impl
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    httptools_impl.service_unavailable = over_capacity  # type: ignore[attr-defined,assignment]

    class HttpToolsWithHeaderTimeout(_HeaderDeadline, HttpToolsProtocol):
        pass

    return HttpToolsWithHeaderTimeout


class ServerConfig(uvicorn.Config):
    """uvicorn's Config plus the request-head limits the protocols read."""

    def __init__(self, app: FastAPI, *, header_timeout: float, max_header_bytes: int, **kwargs: Any) -> None:
        super().__init__(app, h11_max_incomplete_event_size=max_header_bytes, **kwargs)
        self.header_timeout, self.max_header_bytes = header_timeout, max_header_bytes


def server_config(
    app: FastAPI, settings: Settings, host: str, port: int, *, http: Http = "auto"
) -> ServerConfig:
    """The one place the service's connection limits meet uvicorn (the CLI and tests use it)."""
    return ServerConfig(
        app,
        host=host,
        port=port,
        log_level="warning",
        http=_protocol(http),
        header_timeout=settings.header_timeout,
        max_header_bytes=settings.max_header_bytes,
        timeout_keep_alive=settings.keep_alive_timeout,
        limit_concurrency=settings.max_connections,
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=settings.forwarded_allow_ips or None,
    )


def serve(app: FastAPI, settings: Settings, host: str, port: int) -> None:
    """Run until interrupted."""
    uvicorn.Server(server_config(app, settings, host, port)).run()
