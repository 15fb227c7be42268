"""No test asserts on elapsed time: a stopwatch fails on a busy shared machine and hides
regressions on a fast one. Speed limits live in bench/ (bench/bench_limits.py)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CLOCKS = {"perf_counter", "monotonic", "process_time", "time", "perf_counter_ns", "monotonic_ns"}


def _is_clock(node: ast.AST) -> bool:
    """``time.perf_counter()`` and friends (also imported bare: ``perf_counter()``)."""
    if not isinstance(node, ast.Call):
        return False
    fn = node.func
    name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
    return name in CLOCKS and (not isinstance(fn, ast.Attribute) or getattr(fn.value, "id", "") == "time")


def timed_asserts(source: str) -> list[int]:
    """Lines of asserts that measure a duration (a clock reading minus something)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assert) and any(
            isinstance(sub, ast.BinOp)
            and isinstance(sub.op, ast.Sub)
            and (_is_clock(sub.left) or _is_clock(sub.right))
            for sub in ast.walk(node.test)
        ):
            lines.append(node.lineno)
    return lines


def test_the_checker_sees_a_timed_assert() -> None:
    source = "import time\nstarted = time.perf_counter()\nassert time.perf_counter() - started < 0.5\n"
    assert timed_asserts(source) == [3]
    assert timed_asserts("import time\nassert time.monotonic() < deadline\n") == []  # a wait bound


def test_no_test_asserts_on_elapsed_time() -> None:
    found = {
        f"{path.relative_to(TESTS)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        for line in timed_asserts(path.read_text(encoding="utf-8"))
    }
    assert not found, f"timed asserts belong in bench/: {sorted(found)}"
