"""Standard input (``-``) is sniffed for its format; publication dates in ISO, RFC 3339 and RFC 822."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest

from eventgraph.extract.ingest.metadata import parse_published
from eventgraph.extract.ingest.read import STDIN, Problem, RawArticle, read_inputs
from scripts.seed_feeds import rss, seed_items, warc

TODAY = date(2024, 1, 1)
BODY = (
    "Three rockets struck a base housing US troops near Baghdad on Monday, officials said. "
    "No group claimed responsibility for the attack, which wounded two Iraqi soldiers."
)


def from_stdin(data: bytes, *more: Path) -> tuple[list[RawArticle], list[Problem]]:
    out = list(read_inputs([STDIN, *more], today=TODAY, stdin=BytesIO(data)))
    return [r for r in out if isinstance(r, RawArticle)], [r for r in out if isinstance(r, Problem)]


def test_stdin_text() -> None:
    articles, _ = from_stdin(f"Rockets hit base\n\n{BODY}\n".encode())
    assert articles[0].article.name == "stdin" and articles[0].article.title == "Rockets hit base"
    assert articles[0].article.id.startswith("stdin@")


def test_stdin_html() -> None:
    page = f"<!DOCTYPE html><html><head><title>Rockets hit base</title></head><body><p>{BODY}</p></body>"
    articles, _ = from_stdin(page.encode())
    assert articles[0].text.startswith("Rockets hit base\n\n") and "<p>" not in articles[0].text


def test_stdin_jsonl() -> None:
    lines = (
        f'{{"id": "a1", "text": "{BODY}", "published": "Mon, 16 Dec 2019 23:30:00 -0500"}}\n'
        "{broken\n"
        f'{{"id": "a2", "text": "{BODY} More.", "published": "2019-12-17T00:30:00+01:00"}}\n'
    )
    articles, problems = from_stdin(lines.encode())
    assert [(a.article.id, a.article.name, a.article.published) for a in articles] == [
        ("a1", "stdin#a1", date(2019, 12, 16)),
        ("a2", "stdin#a2", date(2019, 12, 17)),
    ]
    assert [p.source for p in problems if p.fatal] == ["stdin:2"]


def test_stdin_feed_and_warc() -> None:
    items = seed_items()
    articles, _ = from_stdin(rss(items).encode())
    assert [a.article.url for a in articles] == [i["url"] for i in items]
    articles, _ = from_stdin(warc(items))
    assert [a.article.name for a in articles] == [i["url"] for i in items]


def test_stdin_problems_name_stdin_and_files_still_go_through(tmp_path: Path) -> None:
    other = tmp_path / "a.txt"
    other.write_text(f"Title\n\n{BODY}\n")
    articles, problems = from_stdin(b"", other)
    assert [a.article.name for a in articles] == ["a.txt"]
    assert [str(p) for p in problems if p.fatal] == ["stdin: skipped: empty file"]


def test_stdin_over_the_size_limit() -> None:
    out = list(read_inputs([STDIN], today=TODAY, stdin=BytesIO(b"word " * 1000), max_bytes=1000))
    assert [str(p) for p in out] == ["stdin: skipped: too large (over the 0.000953674 MB limit)"]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2019-12-16", date(2019, 12, 16)),
        ("2019-12-16T23:30:00-05:00", date(2019, 12, 16)),  # the 17th in UTC: the article's own day wins
        ("2019-12-17T01:00:00+03:00", date(2019, 12, 17)),  # the 16th in UTC
        ("2019-12-16t10:00:00.123z", date(2019, 12, 16)),  # RFC 3339 allows lower case
        ("2019-12-16 10:00Z", date(2019, 12, 16)),
        ("Mon, 16 Dec 2019 23:30:00 -0500", date(2019, 12, 16)),  # RFC 822 as RSS writes it
        ("Tue, 17 Dec 2019 01:00:00 +0300", date(2019, 12, 17)),
        ("16 Dec 2019 10:00:00 GMT", date(2019, 12, 16)),  # HTTP Last-Modified
        ("Mon, 16 Dec 2019 22:00:00 EST", date(2019, 12, 16)),  # named zones of RFC 822
        (datetime(2019, 12, 16, 23, 30, tzinfo=timezone(timedelta(hours=-5))), date(2019, 12, 16)),
    ],
)
def test_publication_day_is_the_day_in_the_articles_own_offset(written: object, day: date) -> None:
    assert parse_published(written, TODAY) == (day, None)


@pytest.mark.parametrize(
    "written", ["yesterday", "2019-13-01", "12/16/2019", "Mon, 32 Dec 2019 10:00:00 GMT", "Dec 2019"]
)
def test_unreadable_dates_are_refused_with_the_reason(written: str) -> None:
    parsed, reason = parse_published(written, TODAY)
    assert parsed is None and reason is not None and "nor RFC 3339 or RFC 822" in reason


def test_future_dates_are_refused_in_every_form() -> None:
    future = (None, "published 2030-01-02 is in the future")
    assert parse_published("Wed, 02 Jan 2030 10:00:00 +0000", TODAY) == future
