"""``extract --urls``: the polite client against a real local HTTP server.

Waiting is injected (``sleep`` records instead of sleeping), so the tests check the pauses the
client asks for without spending them; only the slow page costs its timeout.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from eventgraph.extract.ingest.fetch import FetchError, FetchPolicy, PoliteClient
from eventgraph.extract.ingest.read import Problem, RawArticle, read_inputs
from tests.extract.ingest.web_server import Site, serving

TODAY = date(2024, 1, 1)
POLICY = FetchPolicy(timeout=1.0, max_bytes=100_000, retries=2, backoff=0.5, max_wait=60, host_delay=2.0)


class Waits(list[float]):
    """The pauses the client asked for."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    shop = Site()
    with serving(shop) as base:
        yield shop, base


def fetch_all(
    tmp_path: Path, base: str, paths: list[str], waits: Waits
) -> tuple[list[RawArticle], list[Problem]]:
    listing = tmp_path / "urls.txt"
    listing.write_text("# news to read\n\n" + "".join(f"{base}{p}\n" for p in paths))
    client = PoliteClient(POLICY, sleep=waits)
    out = list(read_inputs([], urls=listing, today=TODAY, client=client))
    return [r for r in out if isinstance(r, RawArticle)], [r for r in out if isinstance(r, Problem)]


def test_each_url_is_read_or_named_with_its_reason(tmp_path: Path, site: tuple[Site, str]) -> None:
    shop, base = site
    paths = [
        "/ok",
        "/missing",
        "/flaky",
        "/busy",
        "/slow",
        "/big",
        "/big-unannounced",
        "/private/secret",
        "/moved",
        "/image.png",
        "/always-busy",
    ]
    waits = Waits()
    articles, problems = fetch_all(tmp_path, base, paths, waits)
    assert [a.article.name for a in articles] == [f"{base}/ok", f"{base}/flaky", f"{base}/busy"]
    ok = articles[0]
    assert ok.article.title == "Rockets hit base" and ok.article.url == f"{base}/ok"
    assert ok.article.published == date(2019, 12, 16) and ok.date_source == "html"
    failed = {p.source.removeprefix(base): p.reason for p in problems if p.fatal}
    assert failed == {
        "/missing": "HTTP 404",
        "/slow": "timed out after 1 s",
        "/big": "too large (0.5 MB > 0.0953674 MB limit)",
        "/big-unannounced": "too large (over the 0.0953674 MB limit)",
        "/private/secret": "disallowed by robots.txt",
        "/moved": "disallowed by robots.txt",  # the redirect's target is checked too
        "/image.png": "not an article (content type image/png, line 12)",
        "/always-busy": "HTTP 503, asked to retry after 3600 s: given up",
    }
    assert all(str(p).startswith(f"{base}/") and "\n" not in str(p) for p in problems if p.fatal)
    # robots.txt read once; the disallowed page never requested; 500 and 429 retried once each
    assert shop.hits["/robots.txt"] == 1 and shop.hits["/private/secret"] == 0
    assert shop.hits["/flaky"] == 2 and shop.hits["/busy"] == 2
    assert 7.0 in waits  # Retry-After: 7 honoured
    assert 0.5 in waits  # the 500 had no Retry-After: the back-off's first step
    assert all(agent.startswith("eventgraph/") for agent in shop.agents)


def test_requests_to_one_host_are_spaced(site: tuple[Site, str]) -> None:
    _, base = site
    now = [1000.0]
    waits = Waits()
    client = PoliteClient(POLICY, sleep=waits, clock=lambda: now[0])
    client.get(f"{base}/ok")  # robots.txt, then the page: 2 s apart
    now[0] += 0.5
    client.get(f"{base}/ok")
    assert waits == [2.0, 1.5]
    other = base.replace("127.0.0.1", "localhost")  # another host: no pause owed
    client.get(f"{other}/ok")
    assert waits[2:] == [2.0]  # only between its own robots.txt and page


def test_robots_crawl_delay_is_honoured(tmp_path: Path) -> None:
    shop = Site(robots=(200, "User-agent: eventgraph\nCrawl-delay: 9\nDisallow: /private/\n"))
    with serving(shop) as base:
        waits = Waits()
        client = PoliteClient(POLICY, sleep=waits, clock=lambda: 0.0)
        client.get(f"{base}/ok")
        client.get(f"{base}/ok")
        assert waits[-1] == 9.0
        with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
            client.get(f"{base}/private/x")


@pytest.mark.parametrize(
    ("robots", "outcome"),
    [
        ((404, "none"), None),  # no robots.txt: everything allowed
        ((403, "no"), "disallowed by robots.txt"),
        ((503, "down"), "robots.txt cannot be read (HTTP 503): not fetched"),  # RFC 9309: forbid all
    ],
)
def test_robots_txt_status(robots: tuple[int, str], outcome: str | None) -> None:
    shop = Site(robots=robots)
    with serving(shop) as base:
        client = PoliteClient(POLICY, sleep=Waits())
        if outcome is None:
            assert client.get(f"{base}/ok").body.startswith(b"<html>")
        else:
            with pytest.raises(FetchError) as caught:
                client.get(f"{base}/ok")
            assert str(caught.value) == outcome
            assert shop.hits["/ok"] == 0


def test_unreachable_and_malformed_urls(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("http://127.0.0.1:9/nothing-listens\nftp://example.org/file\nnot a url\n")
    out = list(read_inputs([], urls=listing, today=TODAY, client=PoliteClient(POLICY, sleep=Waits())))
    reasons = {p.source: p.reason for p in out if isinstance(p, Problem)}
    assert reasons["http://127.0.0.1:9/nothing-listens"].startswith(
        "robots.txt cannot be read (cannot connect"
    )
    assert reasons["ftp://example.org/file"] == "not an http(s) URL"
    assert reasons["not a url"] == "not an http(s) URL"


def test_a_feed_url_gives_its_items(tmp_path: Path, site: tuple[Site, str]) -> None:
    _, base = site
    articles, problems = fetch_all(tmp_path, base, ["/feed.rss"], Waits())
    assert len(articles) == 5 and articles[0].article.name == articles[0].article.url
    assert articles[0].article.url.startswith("https://news.example.org/")
    assert not [p for p in problems if p.fatal]


def test_an_empty_url_list(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# nothing yet\n")
    out = list(read_inputs([], urls=listing, today=TODAY))
    assert [str(p) for p in out] == [f"{listing}: skipped: the URL list holds no URL"]
