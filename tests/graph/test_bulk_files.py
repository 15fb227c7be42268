"""The bulk files as the import tool reads them (issue 18), on awkward input (quotes, commas, line
breaks, unicode, empty strings beside missing values, arrays, merged retellings across two files,
broken lines). tests/graph/golden_bulk/ holds what the Event path wrote for it (graph.bulk_csv.BulkGraph
and its Arrow writer up to commit 8c330b6, which gave field by field the csv-module writer's files of
commit ea9ca0a; meta.csv without its random generation); test_bulk_jsonl checks the export from
JSONL against them byte for byte."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest

from bench.gen_synthetic import generate
from eventgraph import bulk_read
from eventgraph.graph import bulk_csv, bulk_merge, bulk_tellings
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.model import Article, Batch

GOLDEN = Path(__file__).parent / "golden_bulk"


def awkward_batches() -> list[Batch]:
    """A synthetic graph, then retellings whose text needs quoting and articles and actors with
    empty strings, unicode and arrays."""
    base = generate(300, seed=21)
    for k in range(100, 110):  # told once, naming an actor twice, an unknown one, an article twice
        e = base.events[k]
        again = [dataclasses.replace(s, sentence="again") for s in e.sources]
        base.events[k] = dataclasses.replace(
            e, agents=[*e.agents, *e.agents, "person:nobody"], targets=["org:nothing", *e.targets],
            sources=[*e.sources, *again], place="place:nowhere",
        )  # fmt: skip
    retold = []
    for i, e in enumerate(base.events[:60]):
        attributes: dict[str, Any] = {
            0: {"killed": 3, "casualties": {"wounded": 2, "who": 'guards, "elite"'}},
            1: {"told_to": ["AFP", "Reuters"], "quote": 'He said: "no"\nand left.'},
            2: {"date_claims": [{"doc": "x", "date_text": "Sunday"}], "count": 12, "aggregate": True},
        }.get(i % 4, {})
        retold.append(
            dataclasses.replace(
                e,
                type="protest" if i % 5 == 0 else e.type,
                summary="" if i % 7 == 0 else f'{e.summary}, "retold"\r\nline two — ünïcödé',
                attributes=attributes,
                disputed=i % 2 == 0,
                place=base.places[i % len(base.places)].id if i % 3 == 0 else None,
                sources=[
                    dataclasses.replace(
                        s, sentence=s.sentence + ' "quoted"\n', date_text="a, b" if i % 2 else ""
                    )
                    for s in e.sources[:1]
                ],
            )
        )
    actors = [
        dataclasses.replace(a, name=a.name + " Jr", aliases=[*a.aliases, "x, y", 'q"r', "東京"])
        for a in base.actors[:20]
    ]
    articles = [
        Article(
            a.id, "" if k % 2 else 'Title, "quoted"\nnext', "", a.url, None if k % 3 else a.published, None
        )
        for k, a in enumerate(base.articles[:10])
    ]
    second = Batch(
        articles + base.articles[10:], retold, actors + base.actors[20:], base.places, base.affiliations
    )
    return [base, second]


def awkward_input(tmp_path: Path) -> list[Path]:
    """The awkward batches as two files, with lines the fast reader refuses or flags mixed in: broken
    ones (named and skipped) and valid ones it is not sure of (read by the exact path)."""
    first, second = (list(dumps_rows(b)) for b in awkward_batches())
    odd: list[str | bytes] = []
    e = json.loads(first[5])
    odd.append(json.dumps({**e, "confidence": 2}))  # out of range
    odd.append(json.dumps({**e, "location": {**e["location"], "lat": "abc"}}) if e["location"] else "{")
    odd.append(json.dumps({**e, "id": "bad id"}))  # not an id the API can fetch
    odd.append(json.dumps({**e, "type": "picnic"}))
    odd.append(json.dumps({**e, "date": {"start": "2020-02-03", "end": "2020-02-01"}}))
    odd.append(json.dumps({**e, "date": {"start": "2020-02-30"}}))
    odd.append('{"id": "x", "type": "death", "sources": [')  # not JSON
    odd.append("")  # blank: skipped silently
    odd.append(json.dumps({**e, "sources": None}))
    odd.append(json.dumps({**e, "agents": [{"id": "person:ok", "name": None}]}))
    odd.append(json.dumps({**e, "id": "evt_new_1", "extra": {"any": [1, 2]}}))  # unknown key: valid
    odd.append(json.dumps({**e, "id": "evt_new_2", "attributes": {"count": 2.5, "weapon": "knife"}}))
    odd.append(
        json.dumps({**e, "id": "evt_new_3", "confidence": 1, "summary": "caf\u00e9"}, ensure_ascii=True)
    )
    odd.append(
        json.dumps({**e, "id": "evt_new_4", "location": {"id": "p:int", "name": "Int", "lat": 10, "lon": 20}})
    )
    odd.append('{"id": "evt_new_5", "id": "evt_new_6", "type": "death", "sources": []}')  # the last key wins
    odd.append(json.dumps({**e, "id": "evt_new_7", "summary": "\ud83d\ude00 emoji"}))  # escaped pair
    odd.append(json.dumps({**e, "id": "evt_new_8"}) + "\r")  # CRLF
    odd.append(json.dumps({**e, "id": "evt_new_9", "agents": [*e["agents"], *e["agents"]]}))
    odd.append(json.dumps({**e, "id": "evt_new_10", "summary": "x" * 100_001}))  # too long
    odd.append(
        json.dumps({**e, "id": "evt_new_11", "summary": "Caf\u00e9"}, ensure_ascii=False).encode("cp1252")
    )
    one, two = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with one.open("wb") as fh:
        for k, line in enumerate(first):
            fh.write(line.encode() + b"\n")
            if k % 37 == 0 and odd:
                item = odd.pop(0)
                fh.write((item if isinstance(item, bytes) else item.encode()) + b"\n")
        for item in odd:
            fh.write((item if isinstance(item, bytes) else item.encode()) + b"\n")
    two.write_text("\n".join(second), encoding="utf-8")  # no newline at the end
    return [one, two]


def _typed(value: str | None, kind: str) -> Any:
    """A field as the tool takes it, by the header's type."""
    if value is None:
        return None
    if kind in ("long", "int"):
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "boolean":
        return {"true": True, "false": False}[value]
    if kind == "string[]" or kind == "LABEL":
        return value.split(bulk_csv.ARRAY_DELIMITER)
    return value


def read_as_the_tool(path: Path) -> list[tuple[Any, ...]]:
    """Rows of typed fields: a quoted field is a string ("" included), an empty unquoted one null."""
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    kinds = [h.rsplit(":", 1)[-1] if ":" in h else "string" for h in header]
    table = pa_csv.read_csv(
        path,
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(
            column_types={h: pa.string() for h in header},
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
        ),
    )
    columns = [table.column(k).to_pylist() for k in range(table.num_columns)]
    return [
        tuple(_typed(v, kind) for v, kind in zip(row, kinds, strict=True))
        for row in zip(*columns, strict=True)
    ]


def _refused(message: str) -> None:
    raise AssertionError(message)


def export_files(paths: list[Path], out: Path, id_type: str = "integer", jobs: int = 1) -> dict[str, int]:
    """What `eventgraph bulk-export` writes for these JSONL files (no line may be refused)."""
    read = bulk_tellings.Read()
    for path in paths:
        bulk_read.read_file(path, read, _refused, _refused, jobs=jobs)
    return bulk_merge.write(read, out, id_type=id_type)


def export_batches(
    batches: list[Batch], out: Path, id_type: str = "integer", jobs: int = 1
) -> dict[str, int]:
    """The batches as JSONL files (one each, as `eventgraph extract` writes them), then exported."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, batch in enumerate(batches):
        paths.append(out.parent / f"{out.name}-input-{k}.jsonl")
        paths[-1].write_text("".join(line + "\n" for line in dumps_rows(batch)), encoding="utf-8")
    return export_files(paths, out, id_type, jobs)


def _written(tmp_path: Path, id_type: str, jobs: int = 1) -> Path:
    out = tmp_path / f"{id_type}-{jobs}"
    read = bulk_tellings.Read()
    for path in awkward_input(tmp_path):
        bulk_read.read_file(path, read, lambda _: None, lambda _: None, jobs=jobs)
    bulk_merge.write(read, out, id_type=id_type)
    return out


@pytest.mark.parametrize("id_type", bulk_csv.ID_TYPES)
def test_the_files_read_as_the_earlier_writers_did(tmp_path: Path, id_type: str) -> None:
    out = _written(tmp_path, id_type)
    names = [f"{n}.csv" for n in (*bulk_csv.NODE_FILES, *bulk_csv.RELATIONSHIP_FILES)]
    for name in names:
        got, want = read_as_the_tool(out / name), read_as_the_tool(GOLDEN / id_type / name)
        if name == "meta.csv":  # its generation: a fresh random id on every write
            got, want = [row[:-1] for row in got], [row[:-1] for row in want]
        assert got == want, name
        assert (out / name).read_text(encoding="utf-8").split("\n", 1)[0] == (
            (GOLDEN / id_type / name).read_text(encoding="utf-8").split("\n", 1)[0]
        )
    manifest = (out / bulk_csv.MANIFEST).read_text(encoding="utf-8")
    assert manifest == (GOLDEN / id_type / bulk_csv.MANIFEST).read_text(encoding="utf-8")


def test_empty_strings_and_missing_values_stay_apart(tmp_path: Path) -> None:
    rows = read_as_the_tool(_written(tmp_path, "integer") / "articles.csv")
    header = (GOLDEN / "integer" / "articles.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    title, published = header.index("title"), header.index("published:date")
    assert any(r[title] == "" for r in rows) and not any(r[title] is None for r in rows)
    assert any(r[published] is None for r in rows)
    assert any(r[title] == 'Title, "quoted"\nnext' for r in rows)
