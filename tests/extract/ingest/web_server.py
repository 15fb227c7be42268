"""A small news site served by http.server in a thread, for the tests of the polite client.

Routes: an ok page, a 404, a page that fails with 500 once then works, one that answers 429 with a
Retry-After once, a slow one, a too big one, a feed, pages robots.txt disallows and a redirect to one.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from scripts.seed_feeds import rss, seed_items

BODY = (
    "Three rockets struck a base housing US troops near Baghdad on Monday, officials said. "
    "No group claimed responsibility for the attack, which wounded two Iraqi soldiers, and the "
    "Pentagon said it was reviewing the incident with its partners in the region."
)
ROBOTS = "User-agent: *\nDisallow: /private/\n"


def page(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2019-12-16T22:00:00-05:00"></head>'
        f"<body><article><h1>{title}</h1><p>{BODY}</p></article></body></html>"
    ).encode()


class Site:
    """What the site saw: requests per path and the User-Agent headers."""

    def __init__(self, robots: tuple[int, str] = (200, ROBOTS)) -> None:
        self.robots = robots
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.release = threading.Event()  # lets the slow page go at the end


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def send(
            self, status: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            site.agents.add(self.headers.get("User-Agent", ""))
            if path == "/robots.txt":
                self.send(site.robots[0], site.robots[1].encode(), "text/plain")
            elif path == "/ok":
                self.send(200, page("Rockets hit base"))
            elif path == "/flaky":
                if site.hits[path] == 1:
                    self.send(500, b"oops")
                else:
                    self.send(200, page("Rockets hit camp"))
            elif path == "/busy":
                if site.hits[path] == 1:
                    self.send(429, b"slow down", Retry_After="7")
                else:
                    self.send(200, page("Rockets hit post"))
            elif path == "/always-busy":
                self.send(503, b"down", Retry_After="3600")
            elif path == "/slow":
                site.release.wait(10)
                self.send(200, page("Late"))
            elif path == "/big":
                self.send(200, b"<p>" + b"word " * 100_000 + b"</p>")
            elif path == "/big-unannounced":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<p>" + b"word " * 100_000 + b"</p>")
                self.close_connection = True
            elif path == "/feed.rss":
                self.send(200, rss(seed_items()).encode(), "application/rss+xml")
            elif path == "/image.png":
                self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
            elif path == "/moved":
                self.send(301, b"", "text/plain", Location="/private/secret")
            elif path.startswith("/private/"):
                self.send(200, page("Secret"))
            else:
                self.send(404, b"not found")

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[str]:
    """The site on a free local port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
