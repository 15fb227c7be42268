"""The Spark options of ``extract`` are refused without ``--engine spark`` (before any work)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventgraph.cli import main


@pytest.mark.parametrize("option", [["--master", "local[1]"], ["--work-dir", "w"], ["--to-neo4j"]])
def test_spark_options_need_the_spark_engine(option: list[str]) -> None:
    result = CliRunner().invoke(main, ["extract", "seeds", *option])
    assert result.exit_code == 2
    assert "need --engine spark" in result.output


def test_job_module_is_extract_on_spark() -> None:
    from eventgraph.spark import job

    with pytest.raises(SystemExit) as stop:
        job.main(["--help"])
    assert stop.value.code == 0
