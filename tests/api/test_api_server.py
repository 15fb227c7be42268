"""The served app on real sockets: slow, idle and oversized clients are cut off, a connection
cap holds, and HEAD works through the real HTTP parsers (h11 and httptools)."""

from __future__ import annotations

import contextlib
import gzip
import json
import select
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import uvicorn

from eventgraph.api.app import create_app
from eventgraph.api.server import Http, server_config
from eventgraph.graph.memory import MemoryStore
from eventgraph.settings import Settings
from tests.factories import seed_batch
from tests.servers import running

WAIT = 30.0  # seconds a socket waits for the server before the test gives up on it
REQUEST = b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n"


@contextmanager
def served(http: Http, **limits: object) -> Iterator[tuple[str, int]]:
    store = MemoryStore()
    store.upsert(seed_batch())
    settings = Settings(**limits)  # type: ignore[arg-type]
    server = uvicorn.Server(server_config(create_app(store, settings), settings, "127.0.0.1", 0, http=http))
    with running(server) as port:
        yield "127.0.0.1", port


def connect(addr: tuple[str, int]) -> socket.socket:
    sock = socket.create_connection(addr, timeout=WAIT)
    return sock


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed this connection (reads what it sent until the end)."""
    try:
        while chunk := sock.recv(65536):
            del chunk
        return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False


def response(sock: socket.socket, request: bytes = REQUEST) -> bytes:
    """Send a request and read one whole response (headers and Content-Length bytes of body)."""
    sock.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed mid-response: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":")[1])
            for line in head.lower().split(b"\r\n")
            if line.startswith(b"content-length")
        ),
        0,
    )
    if not request.startswith(b"HEAD"):
        while len(body) < length:
            body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


HTTP = ["h11", "httptools"]


@pytest.mark.parametrize("http", HTTP)
def test_200_connections_trickling_headers_are_closed_and_service_goes_on(http: Http) -> None:
    with served(http, header_timeout=1.0, max_connections=1000) as addr:
        socks = [connect(addr) for _ in range(200)]
        for sock in socks:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\n")
        open_ = {s.fileno(): s for s in socks}
        for _ in range(int(WAIT / 0.2)):  # one more header line every 0.2 s, never the blank line
            readable, _, _ = select.select(list(open_.values()), [], [], 0.2)
            for sock in readable:
                if closed_by_server(sock):
                    del open_[sock.fileno()]
            for fd, sock in list(open_.items()):
                try:
                    sock.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    del open_[fd]
            if not open_:
                break
        assert not open_, f"{len(open_)} of 200 trickling connections still open"
        with connect(addr) as sock:
            assert response(sock).startswith(b"HTTP/1.1 200")
        for sock in socks:
            sock.close()


@pytest.mark.parametrize("http", HTTP)
def test_trickling_the_next_request_on_a_kept_alive_connection_is_closed(http: Http) -> None:
    """Every byte used to reset uvicorn's keep-alive timer: one byte at a time held it forever."""
    with served(http, header_timeout=1.0, keep_alive_timeout=60) as addr, connect(addr) as sock:
        assert response(sock).startswith(b"HTTP/1.1 200")
        sock.settimeout(0.3)
        closed = False
        for byte in (b"GET /health HTTP/1.1\r\nHost: test\r\n" + b"X: y\r\n" * 1000)[:150]:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            if closed_by_server(sock):
                closed = True
                break
        assert closed


@pytest.mark.parametrize("http", HTTP)
def test_idle_connections_are_closed(http: Http) -> None:
    with served(http, header_timeout=1.0, keep_alive_timeout=1) as addr:
        with connect(addr) as fresh:  # never sends a byte
            assert closed_by_server(fresh)
        with connect(addr) as used:  # idle after one request
            assert response(used).startswith(b"HTTP/1.1 200")
            assert closed_by_server(used)


@pytest.mark.parametrize("http", HTTP)
def test_an_oversized_request_head_is_refused(http: Http) -> None:
    with served(http, header_timeout=30.0, max_header_bytes=4096) as addr, connect(addr) as sock:
        answer = b""
        with contextlib.suppress(OSError):  # closed while sending or reading: refused
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\n" + b"X-Big: " + b"a" * 64_000 + b"\r\n\r\n")
            while chunk := sock.recv(65536):
                answer += chunk
        assert b"200 OK" not in answer


@pytest.mark.parametrize("http", HTTP)
def test_connections_over_the_cap_get_503_until_slots_free(http: Http) -> None:
    with served(http, header_timeout=1.0, max_connections=5) as addr:
        idle = [connect(addr) for _ in range(5)]
        threading.Event().wait(0.2)  # let the server accept them
        with connect(addr) as sock:
            answer = response(sock)
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 503")  # as problem details, like every other error
        assert b"content-type: application/problem+json" in head.lower() and b"retry-after: 1" in head.lower()
        problem = json.loads(body)
        assert (problem["type"], problem["status"], problem["instance"]) == (
            "/problems/over-capacity",
            503,
            "/health",
        )
        assert all(closed_by_server(s) for s in idle)  # the header timeout frees their places
        with connect(addr) as sock:
            assert response(sock).startswith(b"HTTP/1.1 200")
        for s in idle:
            s.close()


@pytest.mark.parametrize("http", HTTP)
def test_head_through_the_real_server(http: Http) -> None:
    with served(http) as addr, connect(addr) as sock:
        answer = response(sock, b"HEAD /health HTTP/1.1\r\nHost: test\r\n\r\n")
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200") and b"content-length: " in head.lower()
        assert body == b""
        assert response(sock).startswith(b"HTTP/1.1 200")  # the connection is still in step


@pytest.mark.parametrize("http", HTTP)
def test_gzip_and_304_through_the_real_server(http: Http) -> None:
    """Compressed answers and revalidation over the real parsers, HEAD included: the limits above
    still hold with the gzip and validator layers in place (same server, same connection)."""
    url = b"/timeline?limit=50"
    gzipped = b"GET " + url + b" HTTP/1.1\r\nHost: test\r\nAccept-Encoding: gzip\r\n\r\n"
    with served(http) as addr, connect(addr) as sock:
        head, _, body = response(sock, gzipped).partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200") and b"content-encoding: gzip" in head.lower()
        assert json.loads(gzip.decompress(body))["events"]
        etag = next(
            line.split(b": ", 1)[1] for line in head.split(b"\r\n") if line.lower().startswith(b"etag:")
        )
        again = gzipped.replace(b"\r\n\r\n", b"\r\nIf-None-Match: " + etag + b"\r\n\r\n")
        assert response(sock, again).startswith(b"HTTP/1.1 304")
        head_only = response(sock, gzipped.replace(b"GET ", b"HEAD ", 1))
        assert head_only.startswith(b"HTTP/1.1 200") and head_only.endswith(b"\r\n\r\n")
        assert f"content-length: {len(body)}".encode() in head_only.lower()
