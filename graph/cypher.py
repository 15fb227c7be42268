"""The one module that reads cypher/: every statement the code runs is a file there.

Keeping Cypher out of Python strings means user input can only ever arrive as a
``$parameter`` and the statements can be read and reviewed on their own.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)?$")


def path_of(name: str) -> Path:
    """``name`` is relative to cypher/ without the suffix, e.g. ``timeline`` or ``admin/wipe``."""
    if not _NAME.match(name):
        raise ValueError(f"not a cypher file name: {name!r}")
    return CYPHER_DIR / f"{name}.cypher"


@cache
def load(name: str) -> str:
    """The statement in cypher/NAME.cypher, comments kept (the server ignores them)."""
    return path_of(name).read_text(encoding="utf-8").strip()


def statements(name: str) -> list[str]:
    """A file of several ``;``-terminated statements (the schema), one string each."""
    text = "\n".join(line for line in load(name).splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in text.split(";") if part.strip()]


def browser_queries() -> list[str]:
    """Names of the saved Neo4j Browser queries, for the test that runs each one."""
    return sorted(f"browser/{p.stem}" for p in (CYPHER_DIR / "browser").glob("*.cypher"))
