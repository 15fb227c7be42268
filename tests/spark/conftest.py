"""One local Spark context (2 executor threads, their Python workers reused) for the Spark tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="session")
def sc() -> Iterator[Any]:
    from eventgraph.spark.job import spark_context

    context = spark_context("local[2]")
    yield context
    context.stop()
