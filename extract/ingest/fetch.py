"""A polite HTTP client for ``eventgraph extract --urls``: one page at a time, as a crawler should.

Polite means: a User-Agent that names eventgraph, robots.txt obeyed (RFC 9309: a robots.txt that
is missing allows all, one that cannot be reached forbids all), one request at a time with a
pause between requests to one host (longer if robots.txt asks for a Crawl-delay), a timeout on
every request, a size cap, and retries with back-off on 429 and 5xx that honour Retry-After.
Every failure is a ``FetchError`` naming the reason; the caller reports it and goes on.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from http.client import HTTPMessage
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

__all__ = ["FetchError", "FetchPolicy", "Fetched", "PoliteClient", "user_agent"]

_MB = 1024 * 1024
_RETRY_STATUS = {429, 500, 502, 503, 504}


def user_agent() -> str:
    """``eventgraph/<version>``: robots.txt rules for "eventgraph" apply to it."""
    try:
        release = version("eventgraph")
    except PackageNotFoundError:
        release = "dev"
    return f"eventgraph/{release} (news event extraction)"


@dataclass(frozen=True)
class FetchPolicy:
    """How patient and how polite the client is."""

    timeout: float = 20.0  # seconds per request, connecting and reading (and in total for the body)
    max_bytes: int = 10 * _MB  # a bigger response is no news article
    retries: int = 3  # further attempts after a 429 or 5xx
    backoff: float = 2.0  # seconds before the first retry, doubled each time (unless Retry-After says)
    max_wait: float = 120.0  # a Retry-After longer than this gives up instead of waiting
    host_delay: float = 1.0  # seconds between two requests to one host
    agent: str = field(default_factory=user_agent)


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type, lower case, without parameters
    charset: str | None
    body: bytes
    last_modified: str | None  # HTTP Last-Modified (RFC 822), a fallback publication date


class FetchError(Exception):
    """Why a URL yielded no page (one line)."""


class PoliteClient:
    """Fetches pages politely; ``sleep`` and ``clock`` are injectable so that tests need not wait."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.sleep = sleep
        self.clock = clock
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # origin -> rules or reason
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self._opener = urllib.request.build_opener(_CheckedRedirects(self))

    def get(self, url: str) -> Fetched:
        """The page at ``url``, or FetchError with the reason."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("not an http(s) URL")
        self.check_robots(url)
        status, headers, body, final = self._with_retries(url, self.policy.max_bytes)
        if status >= 400:
            raise FetchError(f"HTTP {status}")
        kind = headers.get_content_type()
        return Fetched(url, final, kind, headers.get_content_charset(), body, headers.get("Last-Modified"))

    def check_robots(self, url: str) -> None:
        """Raise FetchError when robots.txt forbids ``url`` to eventgraph (or cannot be read)."""
        rules = self._rules(url)
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(self.policy.agent, url):
            raise FetchError("disallowed by robots.txt")

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self._robots:
            return self._robots[origin]
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            status, _, body, _ = self._with_retries(origin + "/robots.txt", 512 * 1024)
        except FetchError as exc:
            self._robots[origin] = f"robots.txt cannot be read ({exc}): not fetched"
            return self._robots[origin]
        if status >= 500:
            self._robots[origin] = f"robots.txt cannot be read (HTTP {status}): not fetched"
            return self._robots[origin]
        if status in (401, 403):
            rules.parse(["User-agent: *", "Disallow: /"])  # as urllib.robotparser itself decides
        elif status >= 400:
            rules.parse([])  # no robots.txt: everything allowed
        else:
            rules.parse(body.decode("utf-8", "replace").splitlines())
        self._robots[origin] = rules
        return rules

    def _with_retries(self, url: str, cap: int) -> tuple[int, Message, bytes, str]:
        """Status, headers, body and final URL; 429 and 5xx are retried, the last answer returned."""
        attempt = 0
        while True:
            status, headers, body, final = self._once(url, cap)
            if status not in _RETRY_STATUS or attempt >= self.policy.retries:
                return status, headers, body, final
            wait = _retry_after(headers.get("Retry-After"))
            if wait is None:
                wait = self.policy.backoff * 2**attempt
            elif wait > self.policy.max_wait:
                raise FetchError(f"HTTP {status}, asked to retry after {wait:.0f} s: given up")
            attempt += 1
            self.sleep(wait)

    def _once(self, url: str, cap: int) -> tuple[int, Message, bytes, str]:
        host = urlsplit(url).hostname or ""
        self._wait_turn(host)
        request = urllib.request.Request(url, headers={"User-Agent": self.policy.agent, "Accept": "*/*"})
        timeout = self.policy.timeout
        try:
            with self._opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, _bounded_body(response, cap, timeout), response.url
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, exc.headers, b"", url
        except TimeoutError as exc:
            raise FetchError(f"timed out after {timeout:g} s") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise FetchError(f"timed out after {timeout:g} s") from exc
            reason = getattr(exc.reason, "strerror", None) or exc.reason
            raise FetchError(f"cannot connect ({reason})") from exc
        except (OSError, ValueError) as exc:  # connection reset, bad status line, malformed URL ...
            raise FetchError(f"request failed ({type(exc).__name__}: {exc})") from exc
        finally:
            self._last[host] = self.clock()

    def _wait_turn(self, host: str) -> None:
        """Pause so that requests to one host are ``host_delay`` (or robots' Crawl-delay) apart."""
        last = self._last.get(host)
        if last is None:
            return
        delay = self.policy.host_delay
        for origin, rules in self._robots.items():
            if urlsplit(origin).hostname == host and not isinstance(rules, str):
                asked = rules.crawl_delay(self.policy.agent)
                delay = max(delay, min(float(asked or 0), self.policy.max_wait))
        wait = last + delay - self.clock()
        if wait > 0:
            self.sleep(wait)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed only where robots.txt allows too."""

    def __init__(self, client: PoliteClient) -> None:
        self.client = client

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> urllib.request.Request | None:
        if urlsplit(req.full_url).path != "/robots.txt":  # robots.txt itself is never disallowed
            self.client.check_robots(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _bounded_body(response: Any, cap: int, timeout: float) -> bytes:
    """The body, refused when over ``cap`` bytes or slower than ``timeout`` in total."""
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > cap:
        raise FetchError(f"too large ({int(length) / _MB:.1f} MB > {cap / _MB:g} MB limit)")
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > cap:
            raise FetchError(f"too large (over the {cap / _MB:g} MB limit)")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s (body still arriving)")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
