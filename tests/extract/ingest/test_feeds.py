"""RSS and Atom feeds: one article per item, stable ids, HTML stripped, broken items and feeds named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventgraph.extract.ingest.read import STDIN, Problem, RawArticle, read_inputs
from scripts.seed_feeds import atom, rss, seed_items
from tests.extract.ingest.test_warc import Tracked

TODAY = date(2024, 1, 1)
BODY = (
    "Three rockets struck a base housing US troops near Baghdad on Monday, officials said. "
    "No group claimed responsibility for the attack, which wounded two Iraqi soldiers."
)


def run(*paths: Path) -> tuple[list[RawArticle], list[Problem]]:
    out = list(read_inputs(list(paths), today=TODAY))
    return [r for r in out if isinstance(r, RawArticle)], [r for r in out if isinstance(r, Problem)]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


RSS = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title>
<item><title>Rockets &amp; a base</title><link>https://example.org/a</link>
  <guid isPermaLink="false">urn:example:a</guid><pubDate>Mon, 16 Dec 2019 22:30:00 -0500</pubDate>
  <description>Short summary that is not used when there is full content.</description>
  <content:encoded><![CDATA[<p>{BODY}</p><script>track()</script><p>The Pentagon said it was
  <b>reviewing</b> the incident.</p>]]></content:encoded></item>
<item><title>Summary only</title><link>https://example.org/b</link><dc:date>2019-12-17T01:00:00+03:00</dc:date>
  <description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>No link, no guid</title><description>{BODY} Officials said more.</description></item>
<item><title>Nothing to read</title><link>https://example.org/empty</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Example &lt;b&gt;Wire&lt;/b&gt;</title>
<entry><title>Inline XHTML</title><id>tag:example.org,2019:1</id>
  <link rel="self" href="https://example.org/feed/1"/><link href="https://example.org/1"/>
  <published>2019-12-16T23:30:00-05:00</published><updated>2019-12-18T10:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{BODY}</p><p>Second.</p></div></content>
</entry>
<entry><title>Only updated, text summary</title><id>tag:example.org,2019:2</id>
  <updated>2019-12-17T08:00:00Z</updated><content src="https://example.org/2.pdf"/>
  <summary>{BODY}
  wrapped on a second line.</summary></entry>
</feed>
"""


def test_rss_items_become_articles(tmp_path: Path) -> None:
    articles, problems = run(write(tmp_path, "news.rss", RSS))
    first, second, third = articles
    assert first.article.id == "urn:example:a"  # the guid
    assert first.article.name == first.article.url == "https://example.org/a"
    assert first.article.title == first.title_line == "Rockets & a base"
    assert first.article.publisher == "Example News"
    assert first.text.startswith("Rockets & a base\n\nThree rockets struck")
    assert "track()" not in first.text and "<" not in first.text and "Short summary" not in first.text
    assert "The Pentagon said it was reviewing the incident." in first.text
    assert first.date_source == "feed"
    # 22:30 at -05:00 is the 17th in UTC; the article's own day is the 16th.
    assert first.article.published == date(2019, 12, 16)
    assert second.article.id == "https://example.org/b"  # no guid: the link
    assert second.article.published == date(2019, 12, 17) and BODY in second.text
    assert third.article.id.startswith("news.rss@")  # neither: file name @ digest of the text
    assert third.article.name == "news.rss#3"
    fatal = [p for p in problems if p.fatal]
    assert [str(p) for p in fatal] == [
        f"{tmp_path / 'news.rss'} item 4: skipped: no text: neither content nor a summary"
    ]


def test_feed_ids_are_stable_across_runs(tmp_path: Path) -> None:
    path = write(tmp_path, "news.rss", RSS)
    ids = [[a.article.id for a in run(path)[0]] for _ in range(2)]
    assert ids[0] == ids[1] and len(set(ids[0])) == 3


def test_atom_entries_become_articles(tmp_path: Path) -> None:
    articles, _ = run(write(tmp_path, "wire.atom", ATOM))
    first, second = articles
    assert first.article.id == "tag:example.org,2019:1"
    assert first.article.url == "https://example.org/1"  # rel=alternate, not rel=self
    assert first.article.publisher == "Example Wire"
    assert first.text == f"Inline XHTML\n\n{BODY}\n\nSecond."
    assert first.article.published == date(2019, 12, 16)  # <published>, in its own offset
    assert second.article.published == date(2019, 12, 17)  # <updated> when there is no <published>
    assert second.text.endswith(
        "officials said. No group claimed responsibility for the attack, which "
        "wounded two Iraqi soldiers. wrapped on a second line."
    )


def test_xml_is_sniffed_for_a_feed(tmp_path: Path) -> None:
    feed = write(tmp_path, "feed.xml", "\ufeff<!-- a comment -->\n" + ATOM.split("\n", 1)[1])
    sitemap = write(tmp_path, "sitemap.xml", '<?xml version="1.0"?><urlset><url/></urlset>')
    articles, problems = run(feed, sitemap)
    assert len(articles) == 2
    assert [str(p) for p in problems if p.fatal] == [
        f"{sitemap}: skipped: XML but no RSS or Atom feed (root element <urlset>)"
    ]


def test_folders_read_feeds(tmp_path: Path) -> None:
    write(tmp_path, "a.rss", RSS)
    write(tmp_path, "b.atom", ATOM)
    articles, _ = run(tmp_path)
    assert len(articles) == 5


def test_rss_10_rdf(tmp_path: Path) -> None:
    rdf = f"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://example.org/"><title>RDF News</title></channel>
    <item rdf:about="https://example.org/r1"><title>R1</title><link>https://example.org/r1</link>
    <dc:date>2019-12-16</dc:date><description>{BODY}</description></item></rdf:RDF>"""
    articles, _ = run(write(tmp_path, "old.rdf.xml", rdf))
    assert [(a.article.url, a.article.published, a.article.publisher) for a in articles] == [
        ("https://example.org/r1", date(2019, 12, 16), "RDF News")
    ]


@pytest.mark.parametrize("cut", [400, 1000])
def test_broken_feed_keeps_the_items_before_the_break(tmp_path: Path, cut: int) -> None:
    path = write(tmp_path, "cut.rss", RSS[:cut])
    articles, problems = run(path, write(tmp_path, "ok.atom", ATOM))
    before = RSS[:cut].count("</item>")
    assert len(articles) == min(before, 3) + 2  # the other feed goes through
    broken = [p for p in problems if p.source == str(path) and p.fatal]
    assert len(broken) == 1 and broken[0].reason.startswith("malformed XML at line ")
    assert "the rest skipped" in broken[0].reason and "\n" not in str(broken[0])


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    evil = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<rss><channel><title>T</title><item><title>&x;</title><description>{BODY}</description>"
        "</item></channel></rss>"
    )
    articles, _ = run(write(tmp_path, "evil.rss", evil))
    assert all("root:" not in a.text for a in articles)


def test_bad_item_dates_are_named(tmp_path: Path) -> None:
    feed = RSS.replace("Mon, 16 Dec 2019 22:30:00 -0500", "sometime last week")
    articles, problems = run(write(tmp_path, "news.rss", feed))
    assert articles[0].article.published is None or articles[0].date_source == "text"
    assert any(
        p.source.endswith("news.rss item 1") and "'sometime last week' is not" in p.reason for p in problems
    )


def test_seed_feeds_hold_the_seed_texts(tmp_path: Path) -> None:
    items = seed_items()
    for name, text in (("s.rss", rss(items)), ("s.atom", atom(items))):
        articles, problems = run(write(tmp_path, name, text))
        assert [a.article.url for a in articles] == [i["url"] for i in items]
        assert not [p for p in problems if p.fatal]
        # The item of 22:00 at -05:00 (Military Times, published 2019-12-16) keeps its own day.
        assert articles[2].article.published == date(2019, 12, 16)


def test_a_feed_is_read_item_by_item() -> None:
    item = f"<item><title>T{{n}}</title><link>https://example.org/{{n}}</link><description>{BODY}</description></item>"
    feed = (
        "<rss><channel><title>Big</title>"
        + "".join(item.format(n=n) for n in range(2000))
        + "</channel></rss>"
    )
    stream = Tracked(feed.encode())
    first = next(a for a in read_inputs([STDIN], today=TODAY, stdin=stream) if isinstance(a, RawArticle))
    assert first.article.url == "https://example.org/0"
    assert stream.furthest < len(stream.getvalue()) / 4


def test_a_manifest_entry_gives_a_feed_its_publisher(tmp_path: Path) -> None:
    path = write(tmp_path, "news.rss", RSS)
    manifest = {"news.rss": {"publisher": "The Example Times", "published": "2019-01-01"}}
    out = list(read_inputs([path], manifest, today=TODAY))
    articles = [r for r in out if isinstance(r, RawArticle)]
    assert {a.article.publisher for a in articles} == {"The Example Times"}
    assert articles[0].article.published == date(2019, 12, 16)  # each item keeps its own date
    warned = [str(p) for p in out if isinstance(p, Problem) and "manifest" in p.reason]
    assert warned == [f"{path}: manifest published cannot apply to every item of a feed or crawl: ignored"]
