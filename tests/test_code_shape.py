"""Shape limits of the product code that keep it readable: no class over 300 lines."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extract", "graph", "api", "eventgraph")
MAX_CLASS_LINES = 300


def _class_lengths() -> dict[str, int]:
    lengths: dict[str, int] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                    name = f"{path.relative_to(ROOT).as_posix()}:{node.name}"
                    lengths[name] = node.end_lineno - node.lineno + 1
    return lengths


def test_no_class_is_over_300_lines() -> None:
    lengths = _class_lengths()
    assert lengths, "no classes found: wrong root"
    over = {name: n for name, n in lengths.items() if n > MAX_CLASS_LINES}
    assert over == {}
