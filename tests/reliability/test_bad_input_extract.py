"""`eventgraph extract` on a batch of real-world bad inputs through the real CLI and the spaCy model.

Each bad file gets one line on stderr naming it (and the line for JSONL); the good files' events
are still written; nothing at all readable is a failure; --strict stops before writing anything.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_run import invoke, reason_for
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.pipeline.run import extract_articles
from eventgraph.graph.model import Article

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = "000_de40b4dd7904e358.txt"
LATIN_SOURCE = "001_0797fbdfc2b6d695.txt"
SEED_DATES = {name: e["published"] for name, e in json.loads((SEEDS / "manifest.json").read_text()).items()}

PAGE = """<!doctype html><html><head><title>Rockets hit base near Kirkuk</title>
<script>document.write('<p>Click here to win a prize today, said nobody.</p>'); var ads = [1, 2, 3];</script>
<style>p { color: red }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<header><a href="/subscribe">Subscribe now</a></header>
<article><h1>Rockets hit base near Kirkuk</h1>
<p>More than 30 rockets struck a military base near Kirkuk on Friday, killing a US civilian contractor
and wounding several American and Iraqi service members, officials said.</p>
<p>The United States blamed Kata'ib Hizbollah for the attack. Defense Secretary Mark Esper said on
Saturday that Washington would respond at a time and place of its choosing.</p>
<p>Iraqi Prime Minister Adil Abdul Mahdi condemned the attack and called for restraint on all sides.</p>
</article>
<aside>Most read: ten things you did not know about cats</aside>
<footer>Copyright 2019 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
<script>alert('tracking pixel');</script></body></html>
"""
COMMENTS = """Comments (3)

JohnDoe123
2 hours ago
This is ridiculous lol. who even believes this anymore
Reply · Like

patriot_76
3 hours ago
Totally agree with you!!! share this everywhere
Reply · Like · Share

Anna Berg
5 hours ago
First! great article
Reply
"""
NO_DATE = """Militia leaders meet in Baghdad

Leaders of several Iraqi militias met in Baghdad on Tuesday to discuss the rocket attacks on American
bases, a spokesman for the group said. Prime Minister Adil Abdul Mahdi called for calm and said his
government would investigate the attacks.
"""
GERMAN = """Raketen treffen Stützpunkt

Am Freitag haben mehr als dreißig Raketen einen Militärstützpunkt in der Nähe von Kirkuk getroffen, teilte
das Verteidigungsministerium mit. Die Regierung verurteilte den Angriff und kündigte eine Untersuchung an.
Es ist noch nicht klar, wer für die Tat verantwortlich ist, doch Washington beschuldigt eine Miliz.
"""
JSONL_GOOD = {
    "id": "wire-1",
    "title": "Esper calls Iraqi prime minister",
    "published": "2019-12-16",
    "text": "Esper calls Iraqi prime minister\n\nUS Defense Secretary Mark Esper spoke by phone with Iraqi "
    "Prime Minister Adil Abdul Mahdi on Sunday and warned Iran against further attacks, the Pentagon said.",
}


@dataclass(frozen=True)
class Case:
    file: str  # the bad file
    named: str  # what the stderr line must name (file, or file:line), with what follows the name
    reason: str  # a fragment of the reason
    processed: bool = False  # still read (with a caveat) rather than skipped


CASES = {
    "empty": Case("empty.txt", "empty.txt:", "skipped: empty file"),
    "binary": Case("binary.txt", "binary.txt:", "skipped: binary file"),
    "cp1252": Case("latin.txt", "latin.txt:", "not UTF-8: decoded as cp1252", processed=True),
    "html": Case("page.html", "page.html:", "no publication date anywhere", processed=True),
    "50mb": Case("big.txt", "big.txt:", "skipped: too large (50.0 MB > 20 MB limit)"),
    "comments": Case("comments.txt", "comments.txt:", "skipped: no article text"),
    "no-date": Case("nodate.txt", "nodate.txt:", "no publication date anywhere", processed=True),
    "manifest-malformed": Case("manifest.json", "manifest.json: latin.txt:", "is not a YYYY-MM-DD date"),
    "manifest-future": Case("manifest.json", "manifest.json: page.html:", "2999-01-01 is in the future"),
    "non-english": Case("german.txt", "german.txt:", "skipped: not English"),
    "jsonl-broken": Case("articles.jsonl", "articles.jsonl:2:", "skipped: invalid JSON"),
    "jsonl-no-text": Case("articles.jsonl", "articles.jsonl:3:", "skipped: no 'text' string"),
}


Run = tuple[Result, list[dict[str, Any]]]


def make_inputs(root: Path) -> tuple[Path, list[Path]]:
    """A manifest and the batch: the good seed first, then every bad case."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEEDS / GOOD, root / GOOD)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "latin.txt").write_bytes((SEEDS / LATIN_SOURCE).read_text(encoding="utf-8").encode("cp1252"))
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    with (root / "big.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: no disk used
    (root / "comments.txt").write_text(COMMENTS, encoding="utf-8")
    (root / "nodate.txt").write_text(NO_DATE, encoding="utf-8")
    (root / "german.txt").write_text(GERMAN, encoding="utf-8")
    lines = [json.dumps(JSONL_GOOD), '{"id": "wire-2", "text": "Rockets hit', json.dumps({"id": "wire-3"})]
    (root / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = {
        GOOD: {"published": SEED_DATES[GOOD]},
        "comments.txt": {"published": "2019-12-30"},  # dated, so its only problem is having no article
        "latin.txt": {"published": "17/12/2019"},
        "page.html": {"published": "2999-01-01"},
    }
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    files = [root / GOOD, *sorted({root / c.file for c in CASES.values() if c.file != "manifest.json"})]
    return root / "manifest.json", files


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("bad-inputs")
    manifest, files = make_inputs(root)
    out = root / "out" / "events.jsonl"
    result = invoke(["extract", *files, "--manifest", manifest, "--out", out])
    if not out.exists():
        return result, []
    return result, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def docs(events: list[dict[str, Any]]) -> set[str]:
    return {source["doc"] for event in events for source in event["sources"]}


def test_the_batch_goes_on_and_the_good_files_events_are_written(
    batch_run: Run,
) -> None:
    result, events = batch_run
    assert result.exit_code == 0, result.output
    assert {GOOD, "latin.txt", "page.html", "nodate.txt", "articles.jsonl#wire-1"} <= docs(events)
    skipped = {"empty.txt", "binary.txt", "big.txt", "comments.txt", "german.txt"}
    assert not skipped & docs(events)
    assert result.stderr.splitlines()[-1].startswith("5 articles, ")


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_bad_input_gets_one_line_naming_it(batch_run: Run, case: Case) -> None:
    result, _ = batch_run
    reason_for(result, case.named, case.reason)


def test_decoded_and_cleaned_text_is_what_events_quote(batch_run: Run) -> None:
    _, events = batch_run
    sentences = [s["sentence"] for e in events for s in e["sources"]]
    latin = [s["sentence"] for e in events for s in e["sources"] if s["doc"] == "latin.txt"]
    assert any("’" in s or "“" in s for s in latin)  # cp1252 quotes decoded, not mojibake
    assert not any(marker in s for s in sentences for marker in ("document.write", "alert(", "Subscribe now"))
    dated = {s["doc"]: s["date"] for e in events for s in e["sources"]}
    assert dated["nodate.txt"] is None  # "on Tuesday" with no publication date stays unresolved


def test_nothing_readable_is_a_failure(tmp_path: Path) -> None:
    _, files = make_inputs(tmp_path)
    bad = [p for p in files if p.name in {"empty.txt", "binary.txt", "big.txt", "comments.txt", "german.txt"}]
    out = tmp_path / "out.jsonl"
    result = invoke(["extract", *bad, "--out", out])
    assert result.exit_code == 1
    assert "Error: no article could be processed" in result.stderr
    assert not out.exists()


STRICT = {key: case for key, case in CASES.items() if key != "jsonl-no-text"}  # line 2 stops it first


@pytest.mark.parametrize("case", STRICT.values(), ids=STRICT.keys())
def test_strict_makes_any_problem_fatal_and_writes_nothing(tmp_path: Path, case: Case) -> None:
    manifest, files = make_inputs(tmp_path / "in")
    entries = json.loads(manifest.read_text())
    kept = {GOOD, "comments.txt"} | (
        {case.named.split(": ")[1][:-1]} if case.file == "manifest.json" else set()
    )
    manifest.write_text(json.dumps({name: entries[name] for name in kept}))
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")
    bad = [] if case.file == "manifest.json" else [tmp_path / "in" / case.file]
    result = invoke(["extract", files[0], *bad, "--manifest", manifest, "--out", out, "--strict"])
    assert result.exit_code == 1
    reason_for(result, case.named, case.reason)
    assert "Error: stopping on the first problem (--strict)" in result.stderr
    assert out.read_text() == "previous run\n"
    assert not list(tmp_path.glob("out.jsonl.*"))


VOCABULARY = (
    "Esper Iraq Baghdad rockets struck attacked met called said on Monday last week December 9 2019 "
    "the of and . , ’ “ Kata'ib Hizbollah killed 30 troops warned Iran protest resigned"
)
WORDS = st.sampled_from(["\n", "\n\n", *VOCABULARY.split()])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=120).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=80).map(" ".join),
)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(text=TEXT, published=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2030, 12, 31))))
def test_extractor_never_crashes_on_arbitrary_text(text: str, published: date | None) -> None:
    raw = RawArticle(Article("p.txt", published=published), text, "manifest" if published else "none")
    batch = extract_articles([raw])
    for event in batch.events:
        for source in event.sources:
            assert source.doc == "p.txt"
            assert 0 <= source.char_start <= source.char_end <= len(text)
