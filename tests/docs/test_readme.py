"""The README is the front door: it must not fall behind the code (datasette's habit)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventgraph.api.app import create_app
from eventgraph.cli import main
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import EVENT_TYPES, SPEECH_ACT_CAMEO_PLOVER, cameo_plover

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def test_both_commands_are_shown() -> None:
    assert "make demo" in README
    assert "make test" in README


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_subcommand_is_documented(command: str) -> None:
    assert f"eventgraph {command}" in README


def test_every_route_is_documented() -> None:
    paths = set(create_app(MemoryStore()).openapi()["paths"])
    assert "/timeline" in paths
    documented = set(re.findall(r"`GET (/[^`?\s]*)", README))
    missing = {p for p in paths if p not in documented}
    assert not missing, f"routes missing from README: {sorted(missing)}"


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_interoperability_table_matches_the_code(event_type: str) -> None:
    cameo, plover = cameo_plover(event_type)
    assert re.search(rf"\|\s*`{event_type}`\s*\|\s*{cameo}\s*\|\s*{plover}\s*\|", README), event_type


@pytest.mark.parametrize("speech_act", sorted(SPEECH_ACT_CAMEO_PLOVER))
def test_speech_act_table_matches_the_code(speech_act: str) -> None:
    cameo, plover = SPEECH_ACT_CAMEO_PLOVER[speech_act]
    assert re.search(rf"\|\s*`statement` / `{speech_act}`\s*\|\s*{cameo}\s*\|\s*{plover}\s*\|", README), (
        speech_act
    )
