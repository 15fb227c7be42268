"""The seed articles as the web delivers articles: an RSS 2.0 feed, an Atom feed and a WARC crawl.

    .venv/bin/python scripts/seed_feeds.py OUTDIR

writes OUTDIR/seeds.rss, OUTDIR/seeds.atom, OUTDIR/seeds.warc.gz (built with warcio's writer) and
OUTDIR/site/ (the pages and a robots.txt, to serve with ``python -m http.server``), for the README's
input section and the tests of extract.ingest. Dates carry time zones on purpose:
an item published at 22:00 -0500 is published that day, not the next (the day in UTC).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from io import BytesIO
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# One offset per seed, late in the day where west of UTC: in UTC these are the next day.
_OFFSETS = [3, 3, -5, 3, -4]


def seed_items() -> list[dict[str, str]]:
    """Title, paragraphs, publisher, publication time and a made-up URL for each seed article."""
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    items = []
    for n, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        meta = manifest.get(path.name, {})
        offset = _OFFSETS[n % len(_OFFSETS)]
        day = datetime.fromisoformat(meta["published"])
        when = day.replace(hour=22 if offset < 0 else 9, tzinfo=timezone(timedelta(hours=offset)))
        paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
        items.append(
            {
                "title": title.strip(),
                "html": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
                "publisher": meta.get("publisher", ""),
                "rfc822": format_datetime(when),
                "rfc3339": when.isoformat(),
                "url": f"https://news.example.org/{path.stem}.html",
                "guid": f"urn:eventgraph-seed:{path.stem}",
            }
        )
    return items


def rss(items: list[dict[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{i['url']}</link>"
        f'<guid isPermaLink="false">{i["guid"]}</guid><pubDate>{i["rfc822"]}</pubDate>'
        f"<dc:creator>{escape(i['publisher'])}</dc:creator>"
        f"<description>{escape(i['title'])}</description>"
        f"<content:encoded><![CDATA[{i['html']}]]></content:encoded></item>\n"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "<channel><title>Seed news</title><link>https://news.example.org/</link>\n"
        f"<description>The five seed articles</description>\n{entries}</channel></rss>\n"
    )


def atom(items: list[dict[str, str]]) -> str:
    entries = "".join(
        f"<entry><title>{escape(i['title'])}</title><id>{i['guid']}</id>"
        f'<link rel="alternate" href="{i["url"]}"/><published>{i["rfc3339"]}</published>'
        f"<updated>{i['rfc3339']}</updated>"
        f'<content type="html">{escape(i["html"])}</content></entry>\n'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<title>Seed news</title><id>https://news.example.org/</id>"
        f"<updated>2021-07-13T00:00:00Z</updated>\n{entries}</feed>\n"
    )


def page(item: dict[str, str]) -> str:
    """A news page as sites serve it: the date in the head, the story in <article>, chrome around it."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(item['title'])}</title>"
        f'<meta property="article:published_time" content="{item["rfc3339"]}">'
        f'<meta property="og:site_name" content="{escape(item["publisher"])}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(item['title'])}</h1>{item['html']}</article>"
        "<footer>Copyright 2021 Seed news</footer></body></html>"
    )


def warc(items: list[dict[str, str]]) -> bytes:
    """A gzipped WARC as a crawler writes it: requests, the pages, a stylesheet and a 404."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=True)

    def response(url: str, status: str, kind: str, body: bytes, date: str) -> None:
        headers = StatusAndHeaders(
            status,
            [("Content-Type", kind), ("Last-Modified", "Wed, 14 Jul 2021 08:00:00 GMT")],
            protocol="HTTP/1.1",
        )
        request = writer.create_warc_record(
            url, "request", payload=BytesIO(f"GET {url} HTTP/1.1\r\n\r\n".encode())
        )
        writer.write_record(request)
        record = writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)

    for item in items:
        response(
            item["url"], "200 OK", "text/html; charset=utf-8", page(item).encode(), "2021-07-14T08:00:00Z"
        )
    response("https://news.example.org/site.css", "200 OK", "text/css", b"body{}", "2021-07-14T08:00:00Z")
    response(
        "https://news.example.org/gone.html",
        "404 Not Found",
        "text/html",
        b"<p>gone</p>",
        "2021-07-14T08:00:00Z",
    )
    return out.getvalue()


def main(outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    items = seed_items()
    (outdir / "seeds.rss").write_text(rss(items), encoding="utf-8")
    (outdir / "seeds.atom").write_text(atom(items), encoding="utf-8")
    (outdir / "seeds.warc.gz").write_bytes(warc(items))
    site = outdir / "site"
    (site / "private").mkdir(parents=True, exist_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    for item in items:
        (site / item["url"].rsplit("/", 1)[1]).write_text(page(item), encoding="utf-8")
    (site / "private" / "draft.html").write_text(page(items[0]), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/web"))
