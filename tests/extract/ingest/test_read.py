"""Reading article files: every bad input becomes one Problem line naming the file, never a traceback."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.extract.ingest.read import Problem, RawArticle, load_manifest, read_inputs

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
TODAY = date(2024, 1, 1)
ARTICLE = (
    "Rockets hit base near Baghdad\n\n"
    "Three rockets struck a base housing US troops near Baghdad on Monday, officials said. "
    "No group claimed responsibility for the attack, which wounded two Iraqi soldiers, "
    "and the Pentagon said it was reviewing the incident with its partners in the region.\n"
)
GERMAN = (
    "Raketen treffen Stützpunkt\n\nDrei Raketen schlugen am Montag in einem Stützpunkt nahe Bagdad ein, "
    "teilten Beamte mit. Keine Gruppe bekannte sich zu dem Angriff, bei dem zwei irakische Soldaten "
    "verletzt wurden. Das Pentagon prüft den Vorfall gemeinsam mit seinen Partnern in der Region und "
    "kündigte weitere Untersuchungen an, sobald neue Erkenntnisse vorliegen.\n"
)


def run(
    paths: list[Path], manifest: dict[str, dict[str, object]] | None = None, **kw: object
) -> tuple[list[RawArticle], list[Problem]]:
    out = list(read_inputs(paths, manifest, today=TODAY, **kw))  # type: ignore[arg-type]
    return [r for r in out if isinstance(r, RawArticle)], [r for r in out if isinstance(r, Problem)]


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_seeds_with_manifest() -> None:
    manifest, problems = load_manifest(SEEDS / "manifest.json", today=TODAY)
    articles, problems = run([SEEDS], manifest)
    assert problems == []
    assert [a.article.name for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(a.date_source == "manifest" for a in articles)
    first = articles[0]
    assert first.article.published == date(2019, 12, 17) and first.article.publisher == "Kurdistan 24"
    assert first.text == (SEEDS / first.article.name).read_text(encoding="utf-8")
    assert first.title_line == first.text.splitlines()[0]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "binary file (NUL bytes)",
        ),
        ("controls.txt", bytes(range(1, 32)) * 40, "binary file (mostly non-text)"),
        ("german.txt", GERMAN.encode(), "not English"),
        ("russian.txt", ("Ракеты попали в базу под Багдадом в понедельник. " * 20).encode(), "not English"),
        (
            "page.html",
            b"<html><head><script>var a=1;</script></head><body><nav>Home</nav></body></html>",
            "no article",
        ),
    ],
)
def test_unreadable_files_are_reported_and_skipped(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = write(tmp_path, name, data)
    articles, problems = run([path, write(tmp_path, "ok.txt", ARTICLE)])
    assert [a.article.name for a in articles] == ["ok.txt"]
    fatal = [p for p in problems if p.fatal]
    assert len(fatal) == 1 and fatal[0].source == str(path) and reason in fatal[0].reason
    assert str(fatal[0]).startswith(f"{path}: skipped: ")
    assert "\n" not in str(fatal[0])


def test_missing_path(tmp_path: Path) -> None:
    _, problems = run([tmp_path / "nope.txt"])
    assert [str(p) for p in problems] == [f"{tmp_path / 'nope.txt'}: skipped: no such file or directory"]


@pytest.mark.parametrize(
    ("encoding", "word"),
    [("cp1252", "“Café” — naïve"), ("latin-1", "Café naïve Müller")],
)
def test_legacy_encodings_are_decoded_and_noted(tmp_path: Path, encoding: str, word: str) -> None:
    path = write(tmp_path, "old.txt", (ARTICLE + word + " said the minister.\n").encode(encoding))
    articles, problems = run([path])
    assert word in articles[0].text
    assert any("not UTF-8: decoded as" in p.reason and not p.fatal for p in problems)


def test_crlf_newlines_read_as_text_mode(tmp_path: Path) -> None:
    path = write(tmp_path, "dos.txt", ARTICLE.replace("\n", "\r\n"))
    articles, _ = run([path])
    assert articles[0].text == path.read_text(encoding="utf-8") == ARTICLE


def test_50_mb_file_is_reported_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    _, problems = run([path])  # how fast: bench/bench_limits.py
    assert problems[0].fatal and "too large (50.0 MB > 20 MB limit)" in problems[0].reason


def test_size_limit_is_a_setting(tmp_path: Path) -> None:
    articles, problems = run([write(tmp_path, "a.txt", ARTICLE)], max_bytes=100)
    assert not articles and "too large" in problems[0].reason


def test_folder_recurses_and_notes_other_files(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.htm", f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, "manifest.json", "{}")
    write(tmp_path, ".hidden.txt", ARTICLE)
    articles, problems = run([tmp_path])
    assert sorted(a.article.name for a in articles) == ["a.txt", "sub/b.htm"]
    notes = [p for p in problems if "not an article file" in p.reason]
    assert len(notes) == 1 and notes[0].source.endswith("notes.pdf") and not notes[0].fatal


def test_explicit_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    articles, problems = run([write(tmp_path, "story.md", ARTICLE)])
    assert articles[0].article.title == "Rockets hit base near Baghdad"
    assert any("read as plain text" in p.reason for p in problems)


HTML = """<html><head><title>Rockets hit base | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2019-12-16T10:00:00Z">
<script>document.write("tracking pixel nonsense");</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>Rockets hit base near Baghdad</h1>
<p>BAGHDAD (AP) — Three rockets struck a base housing US troops near Baghdad on Monday, officials said.</p>
<p>No group claimed responsibility for the attack, which wounded two Iraqi soldiers, the army said.</p>
<p>The Pentagon said it was reviewing the incident and would respond at a time of its choosing.</p>
</article><footer>Copyright 2019 Example News</footer></body></html>"""


def test_html_title_body_and_metadata(tmp_path: Path) -> None:
    articles, problems = run([write(tmp_path, "page.html", HTML)])
    raw = articles[0]
    assert raw.title_line == "Rockets hit base near Baghdad" and raw.text.startswith(raw.title_line + "\n\n")
    assert "Three rockets struck" in raw.text and "reviewing the incident" in raw.text
    for junk in ("tracking pixel", "color: red", "World news", "Copyright"):
        assert junk not in raw.text
    assert raw.article.published == date(2019, 12, 16) and raw.date_source == "html"
    assert raw.article.publisher == "Example News"
    assert problems == []


def test_jsonl_keeps_good_lines_and_reports_each_bad_one(tmp_path: Path) -> None:
    body = ARTICLE.split("\n\n", 1)[1]
    lines = [
        json.dumps(
            {"id": "a1", "title": "Rockets hit base near Baghdad", "text": ARTICLE, "published": "2019-12-16"}
        ),
        '{"id": "broken", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"text": body, "publisher": "Wire", "published": "16/12/2019"}),
        "",
        json.dumps({"doc": "g1", "text": GERMAN}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    articles, problems = run([path])
    assert [a.article.name for a in articles] == ["batch.jsonl#a1", "batch.jsonl#5"]
    first, second = articles
    assert first.date_source == "jsonl" and first.article.published == date(2019, 12, 16)
    assert first.title_line == "Rockets hit base near Baghdad"
    assert second.title_line == "" and second.article.publisher == "Wire" and second.article.published is None
    fatal = {p.source.rsplit(":", 1)[1]: p.reason for p in problems if p.fatal}
    assert sorted(fatal) == ["2", "3", "4", "7"]
    assert "invalid JSON" in fatal["2"] and "not a JSON object" in fatal["3"] and "'text'" in fatal["4"]
    assert "not English" in fatal["7"]
    assert any(p.source.endswith(":5") and "not a YYYY-MM-DD date" in p.reason for p in problems)


def test_jsonl_overlong_line_is_skipped(tmp_path: Path) -> None:
    good = json.dumps({"text": ARTICLE})
    path = write(tmp_path, "big.jsonl", json.dumps({"text": "x " * 5000}) + "\n" + good + "\n")
    articles, problems = run([path], max_bytes=2000)
    assert [a.article.name for a in articles] == ["big.jsonl#2"]
    assert problems[0].source.endswith("big.jsonl:1") and "longer than" in problems[0].reason


@pytest.mark.parametrize(
    ("content", "expected", "reason"),
    [
        ("{not json", {}, "malformed JSON"),
        ("[1, 2]", {}, "not a JSON object"),
        (
            '{"a.txt": {"published": "2019-13-45", "title": "T"}}',
            {"a.txt": {"title": "T"}},
            "not a YYYY-MM-DD",
        ),
        ('{"a.txt": {"published": "2999-01-01"}}', {"a.txt": {}}, "in the future"),
        ('{"a.txt": "oops", "b.txt": {}}', {"b.txt": {}}, "not a JSON object"),
        ('{"a.txt": {"published": "2019-12-16"}}', {"a.txt": {"published": date(2019, 12, 16)}}, None),
    ],
)
def test_load_manifest(tmp_path: Path, content: str, expected: dict[str, object], reason: str | None) -> None:
    entries, problems = load_manifest(write(tmp_path, "m.json", content), today=TODAY)
    assert entries == expected
    assert [p.reason for p in problems if reason and reason in p.reason] == [p.reason for p in problems]
    assert len(problems) == (1 if reason else 0)
    assert all(p.source.startswith(str(tmp_path / "m.json")) for p in problems)


def test_missing_manifest(tmp_path: Path) -> None:
    entries, problems = load_manifest(tmp_path / "none.json")
    assert entries == {} and problems[0].fatal and "cannot read manifest" in problems[0].reason


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Published 16 December 2019\n\n", date(2019, 12, 16)),
        ("By Jane Doe | Dec 16, 2019\n\n", date(2019, 12, 16)),
        ("Updated: 2019-12-16 10:14 GMT\n\n", date(2019, 12, 16)),
        ("", None),
        ("Published 16 December 2999\n\n", None),  # a future stamp is no publication date
    ],
)
def test_publication_date_inferred_from_the_text(tmp_path: Path, top: str, expected: date | None) -> None:
    title, body = ARTICLE.split("\n\n", 1)
    articles, problems = run([write(tmp_path, "a.txt", f"{title}\n\n{top}{body}")])
    raw = articles[0]
    assert raw.article.published == expected
    assert raw.date_source == ("text" if expected else "none")
    note = problems[0]
    assert not note.fatal
    if expected:
        assert f"inferred publication date {expected} from the text" in note.reason
    else:
        assert "no publication date anywhere" in note.reason


def test_bad_manifest_date_falls_back_to_the_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARTICLE.replace("\n\n", "\n\nDec 16, 2019\n\n", 1))
    articles, problems = run([path], {"a.txt": {"published": "yesterday", "publisher": "P"}})
    assert articles[0].article.published == date(2019, 12, 16) and articles[0].article.publisher == "P"
    assert (
        "manifest published 'yesterday' is not a YYYY-MM-DD date (nor RFC 3339 or RFC 822): ignored"
        in problems[0].reason
    )


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_problem(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("x.txt", "x.html", "x.jsonl"):
        write(folder, name, data)
    for item in read_inputs([folder], today=TODAY):
        assert isinstance(item, RawArticle | Problem)


# --- article ids, manifest addressing (issue 12.2) ------------------------------------------------

OTHER = ARTICLE.replace("Three rockets", "Four rockets").replace("Monday", "Tuesday")


def test_same_file_name_in_two_folders_is_two_articles(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a", "story.txt", ARTICLE)
    write(tmp_path / "b", "story.txt", OTHER)
    manifest = {"a/story.txt": {"publisher": "A Wire"}, "b/story.txt": {"publisher": "B Daily"}}
    articles, problems = run([tmp_path], manifest)
    assert [a.article.name for a in articles] == ["a/story.txt", "b/story.txt"]
    assert [a.article.publisher for a in articles] == ["A Wire", "B Daily"]
    ids = [a.article.id for a in articles]
    assert len(set(ids)) == 2 and all(i.startswith("story.txt@") for i in ids)
    assert not [p for p in problems if not p.note and "publication date" not in p.reason]


def test_ids_are_the_same_on_every_run_however_the_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    path = write(tmp_path / "in", "story.txt", ARTICLE)
    by_folder, _ = run([tmp_path])
    by_file, _ = run([path])
    again, _ = run([tmp_path / "in"])
    assert by_folder[0].article.name == "in/story.txt" and by_file[0].article.name == "story.txt"
    assert by_folder[0].article.id == by_file[0].article.id == again[0].article.id


def test_the_same_file_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a", "story.txt", ARTICLE)
    copy = write(tmp_path / "b", "story.txt", ARTICLE)
    articles, problems = run([tmp_path])
    assert [a.article.name for a in articles] == ["a/story.txt"]
    (note,) = [p for p in problems if "read once" in p.reason]
    assert note.note and note.source == str(copy) and str(tmp_path / "a" / "story.txt") in note.reason


def test_explicit_ids_are_respected_and_never_shared(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "wire-1", "text": ARTICLE}),
        json.dumps({"id": "wire-1", "text": OTHER}),  # a different text cannot take the same id
        json.dumps({"id": "wire-1", "text": ARTICLE}),  # the same article again
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    text_file = write(tmp_path, "story.txt", OTHER)
    manifest = {"story.txt": {"id": "reuters-123"}}
    articles, problems = run([path, text_file], manifest)
    ids = [a.article.id for a in articles]
    assert ids[0] == "wire-1" and ids[1].startswith("batch.jsonl@") and ids[2] == "reuters-123"
    assert [a.article.name for a in articles] == ["batch.jsonl#wire-1", "batch.jsonl#wire-1", "story.txt"]
    taken = [p for p in problems if "is already used by" in p.reason]
    assert len(taken) == 1 and taken[0].source == f"{path}:2" and not taken[0].note
    assert any(p.source == f"{path}:3" and "read once" in p.reason for p in problems)


def test_ambiguous_manifest_name_applies_to_no_file(tmp_path: Path) -> None:
    for folder, text in (("a", ARTICLE), ("b", OTHER)):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "story.txt", text)
    manifest = {"story.txt": {"publisher": "Which?"}, "b/story.txt": {"title": "B title"}, "gone.txt": {}}
    articles, problems = run([tmp_path], manifest)
    assert [a.article.publisher for a in articles] == ["", ""]
    assert articles[1].article.title == "B title"
    (ambiguous,) = [p for p in problems if "fits 2 input files" in p.reason]
    assert ambiguous.source == "manifest: story.txt" and "relative path" in ambiguous.reason
    assert str(tmp_path / "a" / "story.txt") in ambiguous.reason
    (unused,) = [p for p in problems if "fit no input" in p.reason]
    assert unused.note and "gone.txt" in unused.reason and "story.txt" not in unused.reason


def test_manifest_addresses_a_jsonl_line_by_file_and_id(tmp_path: Path) -> None:
    path = write(tmp_path, "batch.jsonl", json.dumps({"id": "w1", "text": ARTICLE}) + "\n")
    articles, _ = run([path], {"batch.jsonl#w1": {"publisher": "Wire"}})
    assert articles[0].article.publisher == "Wire" and articles[0].article.id == "w1"


@pytest.mark.parametrize(
    ("value", "reason"), [(["x"], "id is a list"), ("a\nb", "control"), ("x" * 201, "limit")]
)
def test_unusable_manifest_id_is_reported(tmp_path: Path, value: object, reason: str) -> None:
    entries, problems = load_manifest(write(tmp_path, "m.json", json.dumps({"a.txt": {"id": value}})))
    assert entries == {"a.txt": {}} and reason in problems[0].reason


# --- hostile input (issue 16) ---------------------------------------------------------------------

DEEP = "[" * 50_000 + "]" * 50_000


def test_deeply_nested_jsonl_line_is_refused_with_its_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": ARTICLE})
    path = write(tmp_path, "deep.jsonl", f"{good}\n{DEEP}\n" + '{"text": ' * 50_000 + "\n" + good + "\n")
    articles, problems = run([path])
    assert [a.article.id for a in articles] == ["ok"]
    fatal = [str(p) for p in problems if p.fatal]
    assert fatal == [
        f"{path}:2: skipped: JSON nested too deeply",
        f"{path}:3: skipped: JSON nested too deeply",
    ]


def test_deeply_nested_manifest_is_refused(tmp_path: Path) -> None:
    entries, problems = load_manifest(write(tmp_path, "m.json", '{"a.txt": ' + DEEP + "}"))
    assert entries == {} and problems[0].fatal and "nested too deeply" in problems[0].reason


def test_metadata_fields_are_capped(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARTICLE)
    huge = {"title": "T" * 10_000_000, "publisher": "P" * 1000, "url": "https://x/" + "u" * 5000}
    articles, problems = run([path], {"a.txt": huge})
    article = articles[0].article
    assert (len(article.title), len(article.publisher), len(article.url)) == (500, 200, 2048)
    cut = sorted(p.reason for p in problems if "cut to" in p.reason)
    assert cut == [
        "publisher of 1,000 characters cut to 200",
        "title of 10,000,000 characters cut to 500",
        "url of 5,010 characters cut to 2048",
    ]


def test_a_one_line_file_does_not_make_a_huge_title(tmp_path: Path) -> None:
    line = " ".join(["Three rockets struck a base housing US troops near Baghdad on Monday."] * 200)
    articles, _ = run([write(tmp_path, "one-line.txt", line)])
    assert len(articles[0].article.title) == 500 and articles[0].title_line == line


@pytest.mark.parametrize("name", ["evil\nfake: line.txt", "rtl\u202etxt.exe.txt", "bell\x07.txt"])
def test_problem_lines_escape_names(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, b"")
    _, problems = run([path])
    line = str(problems[0])
    assert "\n" not in line and line.isprintable() and "\\" in line
    assert line.startswith(str(tmp_path)) and problems[0].source == str(path)


def test_a_file_given_twice_is_one_article_and_no_ambiguity(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", ARTICLE)
    articles, problems = run(
        [tmp_path, path, tmp_path / "." / "story.txt"], {"story.txt": {"publisher": "P"}}
    )
    assert [a.article.publisher for a in articles] == ["P"]
    assert [p.reason for p in problems if "read once" in p.reason] == [
        f"same file name and text as {path}: read once"
    ] * 2
    assert not [p for p in problems if "fits" in p.reason]


def test_a_runaway_manifest_key_makes_no_runaway_line(tmp_path: Path) -> None:
    _, problems = run([write(tmp_path, "a.txt", ARTICLE)], {"k" * 1_000_000: {}})
    (unused,) = [p for p in problems if "fit no input" in p.reason]
    assert len(str(unused)) < 300
