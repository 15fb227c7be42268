"""The bounded loopback load test, short: concurrent clients on each store's API get no error."""

from __future__ import annotations

import pytest

from bench.loadtest import run


@pytest.mark.parametrize("store", ["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_short_load_has_no_errors(store: str) -> None:
    result = run(store, duration=3.0, clients=10, events=300, max_requests=5000)
    summary = result.summary()
    assert result.requests > 0, summary
    assert result.errors == 0, summary
    assert set(result.statuses) == {"200"}, summary
