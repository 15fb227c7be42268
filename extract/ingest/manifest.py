"""The manifest: article metadata keyed by file name, or by relative path where names repeat.

A key addresses the input files whose path ends with it: ``story.txt`` any file of that name,
``a/story.txt`` only the one in folder ``a``; ``batch.jsonl#id`` addresses one line of a JSONL
file (by its ``id``, ``doc`` or line number). A key that fits several inputs is ambiguous and
applies to none of them, with a warning: metadata is never attached to the wrong article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from json import JSONDecodeError
from pathlib import Path, PurePosixPath
from typing import Any

from eventgraph.extract.ingest.metadata import explicit_id, parse_published
from eventgraph.extract.ingest.problems import Problem
from eventgraph.extract.ingest.sniff import decode
from eventgraph.extract.json_input import parse_json

__all__ = ["Manifest", "ManifestIndex", "load_manifest"]

_JSONL_KEY = re.compile(r"(?P<path>.*\.jsonl)#(?P<fragment>.+)", re.IGNORECASE | re.DOTALL)


class Manifest(Mapping[str, Mapping[str, Any]]):
    """The manifest's entries by key, remembering the file they came from for messages."""

    def __init__(self, entries: Mapping[str, Mapping[str, Any]], path: Path | None = None) -> None:
        self.entries = dict(entries)
        self.path = path

    def __getitem__(self, key: str) -> Mapping[str, Any]:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "manifest"


def load_manifest(path: Path, *, today: date | None = None) -> tuple[Manifest, list[Problem]]:
    """The manifest's entries keyed by file name or path, with bad fields dropped and reported."""
    try:
        data = parse_json(decode(path.read_bytes()).text)
    except OSError as exc:
        return Manifest({}, path), [
            Problem(str(path), f"cannot read manifest ({exc.strerror or exc})", fatal=True)
        ]
    except ValueError as exc:
        where = f" ({exc.msg}, line {exc.lineno})" if isinstance(exc, JSONDecodeError) else f" ({exc})"
        return Manifest({}, path), [Problem(str(path), f"malformed JSON{where}: ignored", fatal=True)]
    if not isinstance(data, dict):
        return Manifest({}, path), [Problem(str(path), "not a JSON object keyed by file name: ignored", True)]
    entries: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for name, entry in data.items():
        source = f"{path}: {name}"
        if not isinstance(entry, dict):
            problems.append(Problem(source, "entry is not a JSON object: ignored"))
            continue
        clean = dict(entry)
        if "published" in clean:
            published, reason = parse_published(clean["published"], today or date.today())
            if reason:
                problems.append(Problem(source, f"{reason}: ignored"))
                del clean["published"]
            else:
                clean["published"] = published
        if "id" in clean:
            ident, reason = explicit_id(clean["id"])
            if reason:
                problems.append(Problem(source, f"{reason}: ignored"))
            if ident is None:
                del clean["id"]
            else:
                clean["id"] = ident
        entries[name] = clean
    return Manifest(entries, path), problems


class ManifestIndex:
    """Which manifest entry describes which input file (or JSONL line), decided before reading."""

    def __init__(self, manifest: Mapping[str, Mapping[str, Any]], files: Sequence[Path]) -> None:
        self.manifest = manifest
        self.source = manifest.name if isinstance(manifest, Manifest) else "manifest"
        self.problems: list[Problem] = []
        self._files: dict[Path, str] = {}  # file (absolute) -> its key
        self._lines: dict[Path, dict[str, str]] = {}  # JSONL file (absolute) -> fragment -> key
        self._used: set[str] = set()
        by_name: dict[str, list[tuple[tuple[str, ...], Path]]] = {}
        given: dict[Path, Path] = {}  # absolute -> as given; a file given twice is one file
        for file in files:
            given.setdefault(file.absolute(), file)
        for file in given:
            by_name.setdefault(file.name, []).append((file.parts, file))
        specificity: dict[Path, int] = {}
        for key in manifest:
            target = self._target(key, by_name)
            if target is None:
                continue
            parts, fragment, matches = target
            if len(matches) > 1:
                listed = ", ".join(str(given[m]) for m in matches[:3]) + (", ..." if len(matches) > 3 else "")
                self.problems.append(
                    Problem(
                        f"{self.source}: {_short(key)}",
                        f"fits {len(matches)} input files ({listed}): ignored; key each by its relative path",
                    )
                )
                self._used.add(key)
                continue
            file = matches[0]
            if fragment is not None:
                self._lines.setdefault(file, {})[fragment] = key
                continue
            self._used.add(key)
            if specificity.get(file, 0) < len(parts):  # "a/story.txt" wins over "story.txt"
                self._files[file], specificity[file] = key, len(parts)

    def _target(
        self, key: str, by_name: Mapping[str, list[tuple[tuple[str, ...], Path]]]
    ) -> tuple[tuple[str, ...], str | None, list[Path]] | None:
        """The key's path parts, JSONL line fragment and the input files it fits (None: none)."""
        candidates: list[tuple[str, str | None]] = [(key, None)]
        jsonl = _JSONL_KEY.fullmatch(key)
        if jsonl:
            candidates.append((jsonl["path"], jsonl["fragment"]))
        for path, fragment in candidates:
            parts = tuple(p for p in PurePosixPath(path).parts if p != ".")
            if not parts:
                continue
            matches = [f for whole, f in by_name.get(parts[-1], []) if whole[-len(parts) :] == parts]
            if matches:
                return parts, fragment, matches
        return None

    def entry(self, file: Path, fragment: str | None = None) -> Mapping[str, Any]:
        """The metadata for a file, or for one line of a JSONL file; empty when there is none."""
        file = file.absolute()
        key = self._files.get(file) if fragment is None else self._lines.get(file, {}).get(fragment)
        if key is None:
            return {}
        self._used.add(key)
        return self.manifest[key]

    def unused(self) -> Problem | None:
        """One note for the keys that fit no input file or JSONL line (a typo, or files not in this run)."""
        keys = [key for key in self.manifest if key not in self._used]
        if not keys:
            return None
        listed = ", ".join(map(_short, keys[:5])) + (f" and {len(keys) - 5} more" if len(keys) > 5 else "")
        return Problem(self.source, f"{len(keys)} entries fit no input: {listed}", note=True)


def _short(key: str) -> str:
    """A key as messages show it: a runaway key must not make a runaway line."""
    return key if len(key) <= 120 else key[:119] + "…"
