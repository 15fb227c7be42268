"""The generic agent lexicon: derived from Phoenix.agents.txt by a committed script, notice kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventgraph.extract.lexicons.agents import CATEGORIES, NOUNS_FILE, agent_heads, agent_nouns
from eventgraph.extract.lexicons.descriptors import GROUP_NOUNS

ROOT = Path(__file__).parents[3]
AGENTS = ROOT.parent / "shared" / "resources" / "petrarch2" / "Phoenix.agents.txt"


def test_agent_nouns_cover_the_actors_of_incidents() -> None:
    nouns = agent_nouns()
    expected = {
        "gunmen": "armed",
        "militants": "armed",
        "armed bandits": "armed",
        "rioters": "rioters",
        "protesters": "protesters",
        "villagers": "civilians",
        "civilians": "civilians",
        "policemen": "police",
        "troops": "military",
    }
    assert {n: nouns.get(n) for n in expected} == expected
    assert set(nouns.values()) <= set(CATEGORIES) - {"militia"}
    assert "military base" not in nouns and "warships" not in nouns  # things, not people
    assert "gunmen" in GROUP_NOUNS and agent_heads() <= GROUP_NOUNS  # participants keep them as actors
    assert "MIT License" in NOUNS_FILE.read_text(encoding="utf-8")


@pytest.mark.skipif(not AGENTS.exists(), reason="the Phoenix dictionary is not beside the repository")
def test_committed_lexicon_is_what_the_script_derives() -> None:
    script = ROOT / "scripts" / "derive_agent_nouns.py"
    args = [sys.executable, str(script), str(AGENTS)]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    assert out.stdout == NOUNS_FILE.read_text(encoding="utf-8")
