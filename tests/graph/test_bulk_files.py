"""The bulk files as the import tool reads them (issue 18): the columnar writer (Arrow's C++ CSV
writer) gives, field by field, what the csv-module writer it replaced gave on an awkward batch
(quotes, commas, line breaks, unicode, empty strings beside missing values, arrays, merged
retellings). tests/graph/golden_bulk/ holds that earlier writer's files (commit ea9ca0a,
meta.csv without its random generation)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest

from bench.gen_synthetic import generate
from eventgraph.graph import bulk_csv
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


def _written(tmp_path: Path, id_type: str, jobs: int = 1) -> Path:
    graph = bulk_csv.BulkGraph()
    for batch in awkward_batches():
        graph.add(batch)
    out = tmp_path / f"{id_type}-{jobs}"
    bulk_csv.write(graph, out, jobs=jobs, id_type=id_type)
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
