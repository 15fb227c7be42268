"""WARC files from a crawl: HTML responses become articles named by URL; in-page dates win."""

from __future__ import annotations

import gzip
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventgraph.extract.ingest.read import STDIN, Problem, RawArticle, read_inputs
from scripts.seed_feeds import seed_items, warc

TODAY = date(2024, 1, 1)
BODY = (
    "Three rockets struck a base housing US troops near Baghdad on Monday, officials said. "
    "No group claimed responsibility for the attack, which wounded two Iraqi soldiers, and the "
    "Pentagon said it was reviewing the incident with its partners in the region."
)


def run(*paths: Path, max_bytes: int = 20 * 2**20) -> tuple[list[RawArticle], list[Problem]]:
    out = list(read_inputs(list(paths), today=TODAY, max_bytes=max_bytes))
    return [r for r in out if isinstance(r, RawArticle)], [r for r in out if isinstance(r, Problem)]


def page(head: str = "") -> bytes:
    return (
        f"<html><head><title>Rockets hit base</title>{head}</head><body><p>{BODY}</p></body></html>".encode()
    )


def crawl(records: list[tuple[str, str, str, bytes, dict[str, str]]], *, gz: bool = True) -> bytes:
    """A WARC of responses (url, status line, content type, body, extra HTTP headers)."""
    out = BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, status, kind, body, extra in records:
        headers = StatusAndHeaders(status, [("Content-Type", kind), *extra.items()], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2020-01-05T23:30:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


def test_seed_crawl_reads_the_five_pages(tmp_path: Path) -> None:
    path = tmp_path / "seeds.warc.gz"
    path.write_bytes(warc(seed_items()))
    articles, problems = run(path)
    assert [a.article.name for a in articles] == [i["url"] for i in seed_items()]
    assert all(a.date_source == "html" for a in articles)  # article:published_time, not the crawl date
    assert articles[0].article.published == date(2019, 12, 17)
    assert articles[0].article.title == articles[0].title_line == seed_items()[0]["title"]
    assert articles[0].article.url == seed_items()[0]["url"]
    # requests, a stylesheet and a 404 are no articles: one note, nothing fatal
    assert [str(p) for p in problems] == [f"note: {path}: 9 record(s) that are no HTML page ignored"]


def test_http_and_crawl_dates_are_only_fallbacks(tmp_path: Path) -> None:
    data = crawl(
        [
            (
                "https://a.example/1",
                "200 OK",
                "text/html",
                page(),
                {"Last-Modified": "Sat, 04 Jan 2020 23:00:00 -0500"},
            ),
            (
                "https://a.example/2",
                "200 OK",
                "text/html; charset=utf-8",
                page("<p>x</p>").replace(b"base", b"camp"),
                {},
            ),
            (
                "https://a.example/3",
                "200 OK",
                "text/html",
                page('<meta property="article:published_time" content="2019-12-16T22:00:00-05:00">').replace(
                    b"base", b"post"
                ),
                {"Last-Modified": "Sat, 04 Jan 2020 10:00:00 GMT"},
            ),
        ]
    )
    path = tmp_path / "c.warc.gz"
    path.write_bytes(data)
    articles, problems = run(path)
    got = {a.article.name: (a.article.published, a.date_source) for a in articles}
    assert got == {
        "https://a.example/1": (date(2020, 1, 4), "http"),  # Last-Modified, in its own offset
        "https://a.example/2": (date(2020, 1, 5), "warc"),  # WARC-Date
        "https://a.example/3": (date(2019, 12, 16), "html"),  # the page's own date
    }
    notes = [p for p in problems if "from the crawl (WARC-Date)" in p.reason]
    assert len(notes) == 1 and notes[0].note and "record 2 (https://a.example/2)" in notes[0].source


def test_uncompressed_warc_and_same_page_twice(tmp_path: Path) -> None:
    record = ("https://a.example/1", "200 OK", "text/html", page(), {})
    path = tmp_path / "c.warc"
    path.write_bytes(crawl([record, record], gz=False))
    articles, problems = run(path)
    assert len(articles) == 1 and articles[0].article.id.startswith("https://a.example/1@")
    assert any("read once" in p.reason for p in problems)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("cut", [700, 500, 300, 100])
def test_truncated_warc_keeps_the_pages_before(tmp_path: Path, gz: bool, cut: int) -> None:
    """Cut in the third record's WARC headers, HTTP headers or body, or in its gzip member."""
    records = [
        (f"https://a.example/{n}", "200 OK", "text/html", page().replace(b"base", f"base {n}".encode()), {})
        for n in range(3)
    ]
    whole = crawl(records, gz=gz)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - cut])
    good = tmp_path / "good.warc.gz"
    good.write_bytes(crawl([("https://b.example/", "200 OK", "text/html", page(), {})]))
    articles, problems = run(path, good)
    names = [a.article.name for a in articles]
    assert names[-1] == "https://b.example/"  # the next file goes through
    assert "https://a.example/0" in names and "https://a.example/2" not in names
    broken = [p for p in problems if p.source == str(path) and p.fatal]
    assert len(broken) == 1 and broken[0].reason.endswith("the rest skipped")
    assert "cut short" in broken[0].reason or "no WARC-Type" in broken[0].reason


def test_not_a_warc_and_broken_gzip(tmp_path: Path) -> None:
    text = tmp_path / "notes.warc"
    text.write_text("just some notes\n")
    broken = tmp_path / "b.warc.gz"
    broken.write_bytes(gzip.compress(b"WARC/1.0\r\n")[:-6])
    articles, problems = run(text, broken)
    assert not articles
    assert {p.source for p in problems if p.fatal} == {str(text), str(broken)}
    assert all("\n" not in str(p) for p in problems)


def test_oversized_response_is_named(tmp_path: Path) -> None:
    records = [
        ("https://a.example/big", "200 OK", "text/html", page() + b" " * 5000, {}),
        ("https://a.example/ok", "200 OK", "text/html", page(), {}),
    ]
    path = tmp_path / "c.warc.gz"
    path.write_bytes(crawl(records))
    articles, problems = run(path, max_bytes=3000)
    assert [a.article.name for a in articles] == ["https://a.example/ok"]
    big = [p for p in problems if "big" in p.source]
    assert big[0].fatal and "larger than the" in big[0].reason


def test_wrong_record_length_is_a_warning_not_a_loss(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    one = crawl([("https://a.example/1", "200 OK", "text/html", page(), {})], gz=False)
    two = crawl(
        [("https://a.example/2", "200 OK", "text/html", page().replace(b"base", b"camp"), {})], gz=False
    )
    path = tmp_path / "c.warc"
    path.write_bytes(one[:-4] + b"xx\r\n\r\n" + two)  # two bytes more than record 1's length says
    articles, problems = run(path)
    assert [a.article.name for a in articles] == ["https://a.example/1", "https://a.example/2"]
    assert [str(p) for p in problems if not p.note] == [
        f"{path}: 1 record(s) whose length is wrong (read as far as it said)"
    ]
    assert capfd.readouterr().err == ""  # warcio's own multi-line warning is not printed


class Tracked(BytesIO):
    """A stream that remembers how far it has been read."""

    furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.furthest = max(self.furthest, self.tell())
        return data


def test_a_crawl_is_read_record_by_record() -> None:
    records = [
        (f"https://a.example/{n}", "200 OK", "text/html", page().replace(b"base", f"base {n}".encode()), {})
        for n in range(1500)
    ]
    stream = Tracked(crawl(records))
    first = next(a for a in read_inputs([STDIN], today=TODAY, stdin=stream) if isinstance(a, RawArticle))
    assert first.article.name == "https://a.example/0"
    assert stream.furthest < len(stream.getvalue()) / 4  # the first article came before the file was read
