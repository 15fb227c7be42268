"""`eventgraph extract` from feeds, a crawl, standard input and URLs: the seed articles delivered the
way the web delivers them give the same events as the seed files. Runs the real spaCy model."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventgraph.cli import main
from scripts.seed_feeds import atom, rss, seed_items, warc
from tests.extract.ingest.web_server import Site, serving

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow
Events = Counter[tuple[object, ...]]  # (type, date, summary) -> how many


def events(args: list[str], stdin: bytes | None = None) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(main, ["extract", *args], input=stdin)
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


def key(rows: list[dict[str, object]]) -> Events:
    return Counter((row["type"], json.dumps(row["date"]), row["summary"]) for row in rows)


@pytest.fixture(scope="module")
def seed_events() -> Events:
    code, rows, _ = events([str(ROOT / "seeds"), "--manifest", str(ROOT / "seeds" / "manifest.json")])
    assert code == 0 and rows
    return key(rows)


def test_feeds_and_crawl_give_the_seed_events(tmp_path: Path, seed_events: Events) -> None:
    items = seed_items()
    (tmp_path / "seeds.rss").write_text(rss(items))
    (tmp_path / "seeds.atom").write_text(atom(items))
    (tmp_path / "seeds.warc.gz").write_bytes(warc(items))
    for name in ("seeds.rss", "seeds.atom", "seeds.warc.gz"):
        code, rows, stderr = events([str(tmp_path / name)])
        assert code == 0, stderr
        assert key(rows) == seed_events, name
        docs = {source["doc"] for row in rows for source in row["sources"]}  # type: ignore[attr-defined]
        assert docs == {item["url"] for item in items}


def test_standard_input(seed_events: Events) -> None:
    code, rows, stderr = events(["-"], stdin=rss(seed_items()).encode())
    assert code == 0, stderr
    assert key(rows) == seed_events


def test_urls_failures_are_named_and_the_rest_goes_through(tmp_path: Path) -> None:
    site = Site()
    with serving(site) as base:
        listing = tmp_path / "urls.txt"
        listing.write_text(f"{base}/ok\n{base}/missing\n{base}/private/secret\n")
        code, rows, stderr = events(["--urls", str(listing)])
        assert code == 0 and rows
        assert all(source["doc"] == f"{base}/ok" for row in rows for source in row["sources"])  # type: ignore[attr-defined]
        assert f"eventgraph: {base}/missing: skipped: HTTP 404" in stderr
        assert f"eventgraph: {base}/private/secret: skipped: disallowed by robots.txt" in stderr
        listing.write_text(f"{base}/missing\n")
        code, rows, stderr = events(["--urls", str(listing)])
        assert code == 1 and not rows and "no article could be processed" in stderr


def test_paths_or_urls_are_required() -> None:
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 2 and "give PATH... (- for standard input) or --urls FILE" in result.stderr
