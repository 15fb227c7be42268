"""Neo4j faults through `eventgraph load`: no server, wrong password, and the server killed mid-load.

The kill test starts a second, private server (own data folder and ports, the shared server's jars)
so that SIGKILL never disturbs the server the other tests use.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import invoke
from neo4j import GraphDatabase

from bench import neo4j_server
from bench.gen_synthetic import generate
from bench.neo4j_server import PrivateServer
from eventgraph.graph.export import batch_from_rows, dumps_rows
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.neo4j_store import Neo4jStore

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "eventgraph"
N_EVENTS = 3000


def test_unreachable_server_is_a_clear_one_line_error(tmp_path: Path) -> None:
    events = tmp_path / "ev.jsonl"
    events.write_text("\n".join(dumps_rows(generate(5, seed=1))) + "\n")
    result = invoke(["load", events, "--store", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1"])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:1: ")
    assert "Connection refused" in line


@pytest.mark.neo4j
def test_wrong_password_is_a_clear_error(tmp_path: Path) -> None:
    # A user that does not exist: failed logins of the real user would lock it for the other tests.
    events = tmp_path / "ev.jsonl"
    events.write_text("\n".join(dumps_rows(generate(5, seed=1))) + "\n")
    env = {"NEO4J_USER": "intruder", "NEO4J_PASSWORD": "not-the-password"}
    result = invoke(["load", events, "--store", "neo4j"], env=env)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: Neo4j rejected the credentials for user 'intruder' at "
        f"{os.environ.get('NEO4J_URI', 'bolt://127.0.0.1:7687')}"
    )


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateServer]:
    home = tmp_path_factory.mktemp("neo4j-private")
    server = neo4j_server.private_server(home, PASSWORD=PASSWORD, HEAP="256m", PAGECACHE="64m")
    server.script("up")
    try:
        yield server
    finally:
        server.script("down")


def event_count(uri: str) -> int:
    try:
        with GraphDatabase.driver(uri, auth=("neo4j", PASSWORD), connection_timeout=2.0) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (e) WHERE e:Event RETURN count(e) AS n"  # no warning before the label exists
            )
            return int(records[0]["n"])
    except Exception:
        return -1


def load_cli(server: PrivateServer, events: Path) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "eventgraph.cli", "load", str(events), "--store", "neo4j"]
    env = os.environ | {"NEO4J_URI": server.uri, "NEO4J_PASSWORD": PASSWORD, "NEO4J_USER": "neo4j"}
    return subprocess.Popen(
        args, env=env, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )


@pytest.mark.neo4j
def test_killed_mid_load_then_rerun_equals_a_clean_load(
    private_server: PrivateServer, tmp_path: Path
) -> None:
    batch = generate(N_EVENTS, seed=21)
    events = tmp_path / "ev.jsonl"
    events.write_text("\n".join(dumps_rows(batch)) + "\n")
    clean = MemoryStore()  # what a clean load of the same file holds (articles without events are not in it)
    clean.upsert(batch_from_rows(events.read_text().splitlines())[0])

    loader = load_cli(private_server, events)
    deadline = time.monotonic() + 120
    while not 0 < event_count(private_server.uri) < N_EVENTS:
        assert loader.poll() is None and time.monotonic() < deadline, "the load ended before the kill"
        time.sleep(0.1)
    private_server.kill()
    _, stderr = loader.communicate(timeout=120)  # the driver retries for up to 30 s, then gives up
    assert loader.returncode == 1, stderr
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("Error: load stopped: cannot reach Neo4j at "), stderr
    assert "run the same command again to complete it" in last

    private_server.script("up")  # recovers from its transaction log
    partial = event_count(private_server.uri)
    assert 0 < partial < N_EVENTS
    for _ in range(2):  # the rerun completes; a further one changes nothing
        loader = load_cli(private_server, events)
        _, stderr = loader.communicate(timeout=300)
        assert loader.returncode == 0, stderr
        store = Neo4jStore(private_server.uri, "neo4j", PASSWORD)
        try:
            assert store.counts() == clean.counts()
        finally:
            store.close()
