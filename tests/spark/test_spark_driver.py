"""What the Spark driver ships to the executors: partition keys, never the articles (those go to
the work dir a partition at a time), and merge inputs in bounded slice files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.graph.model import Article
from eventgraph.spark import merge
from eventgraph.spark.job import extract_parts
from eventgraph.spark.parts import input_path, read_input


class _Recorded:
    """A stand-in for the RDD ``parallelize`` gives: records what the driver sent."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def map(self, fn: Callable[[Any], Any]) -> _Recorded:
        return self

    def collect(self) -> list[Any]:
        return self.items


class _Context:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    def parallelize(self, items: list[Any], numSlices: int = 1) -> _Recorded:
        self.sent.extend(items)
        return _Recorded(items)


def _raws(n: int) -> Iterator[RawArticle]:
    for i in range(n):
        yield RawArticle(Article(f"a{i}"), f"Text of article {i}.", "jsonl")


def test_driver_sends_keys_and_writes_each_partition_once(tmp_path: Path) -> None:
    sc = _Context()
    keys = extract_parts(sc, _raws(10), tmp_path, chunk_size=4)
    assert len(keys) == 3
    assert sc.sent == keys and all(isinstance(k, str) for k in sc.sent)  # no article crosses parallelize
    assert [len(read_input(tmp_path, k)) for k in keys] == [4, 4, 2]
    assert read_input(tmp_path, keys[2])[1].text == "Text of article 9."
    input_path(tmp_path, keys[0]).unlink()
    (tmp_path / f"part-{keys[0]}.pkl").write_bytes(b"")  # finished: not sent again
    again = _Context()
    assert extract_parts(again, _raws(10), tmp_path, chunk_size=4) == keys
    assert again.sent == keys[1:]


def test_slices_hold_at_most_slice_rows(tmp_path: Path) -> None:
    rows = [(n, ("unit", n)) for n in range(2 * merge.SLICE_ROWS + 5)]
    paths = merge.write_slices(rows, tmp_path / "s")
    assert [len(merge.read_slice(p)) for p in paths] == [merge.SLICE_ROWS, merge.SLICE_ROWS, 5]
    assert [r for p in paths for r in merge.read_slice(p)] == rows
