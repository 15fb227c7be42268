"""The wheel is the product: built and installed into a fresh virtual environment outside the repository,
it extracts the seeds, loads them into the real Neo4j and serves them, with nothing but `eventgraph` installed
at top level and the Cypher files inside it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, f"{args[:3]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel, the fresh environment's bin folder)."""
    work = tmp_path_factory.mktemp("wheel")
    # built from a copy, so that setuptools' build/ folder never lands in the repository
    source = work / "source"
    skip = shutil.ignore_patterns(".git", ".venv", "node_modules", "build", "data", ".neo4j*", "*.egg-info")
    shutil.copytree(ROOT, source, symlinks=True, ignore=skip)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", source, "-w", work / "dist", cwd=work)
    wheel = next((work / "dist").glob("eventgraph-*.whl"))
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    bin_dir = work / "venv" / "bin"
    run(bin_dir / "pip", "install", "-q", wheel, cwd=work)
    return wheel, bin_dir


@pytest.mark.slow
def test_one_name_at_top_level_and_cypher_inside(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {"eventgraph"}
    cypher = {n for n in names if n.endswith(".cypher")}
    assert "eventgraph/cypher/schema.cypher" in cypher
    assert any(n.startswith("eventgraph/cypher/browser/") for n in cypher)


@pytest.mark.slow
@pytest.mark.neo4j
def test_installed_wheel_extracts_loads_and_serves(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = installed
    cli = bin_dir / "eventgraph"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    assert run(cli, "--version", cwd=tmp_path, env=env).strip().endswith(version("eventgraph"))
    events = tmp_path / "seeds.jsonl"
    seeds = ROOT / "seeds"
    run(cli, "extract", seeds, "--manifest", seeds / "manifest.json", "--out", events, cwd=tmp_path, env=env)
    lines = events.read_text().splitlines()
    assert len(lines) > 20
    run(cli, "load", events, "--store", "neo4j", "--replace", cwd=tmp_path, env=env)
    port = free_port()
    server = subprocess.Popen(
        [str(cli), "serve", "--store", "neo4j", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        health = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    health = json.load(response)
                break
            except OSError:
                time.sleep(0.5)
        assert health is not None, "the installed service did not answer"
        url = f"http://127.0.0.1:{port}/timeline?start=2019-10-28&end=2019-12-16"
        with urllib.request.urlopen(url, timeout=10) as response:
            timeline = json.load(response)
        assert timeline["events"], timeline
    finally:
        server.terminate()
        server.wait(timeout=30)
