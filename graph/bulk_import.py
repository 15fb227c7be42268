"""Run ``neo4j-admin database import full`` on graph.bulk_csv's files (issue 18, bulk).

The admin tool is ``org.neo4j.cli.AdminTool`` among the Neo4j jars scripts/neo4j.sh fetches, run
with ``java`` against a server home (its conf/ and data/). It writes a new store for one database of
a stopped server (or one whose database is not started yet), replacing what that database held.
The database name goes before the options: after them it would be read as another input file.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventgraph.graph.bulk_csv import ARRAY_DELIMITER, MANIFEST, NODE_FILES, RELATIONSHIP_FILES, TEXT_FILES
from eventgraph.graph.errors import StoreError


@dataclass(frozen=True)
class ImportSettings:
    """The import tool's knobs (bench/RESULTS.md records what was tried)."""

    threads: int | None = None  # default: the tool's (all cores)
    max_off_heap_memory: str | None = None  # e.g. "512m" or "50%"; default: the tool's (90% of free RAM)
    heap: str = "1g"
    # None: only the files the export found line breaks in (its manifest) are read as multiline,
    # one reader thread each; True: every text file (slower), as when the manifest is missing
    multiline_fields: bool | None = None


def id_type(files: Path) -> str:
    """The node id type the export wrote (its manifest; integer when there is none yet)."""
    if (files / MANIFEST).is_file():
        return str(json.loads((files / MANIFEST).read_text(encoding="utf-8"))["id_type"])
    return "integer"


def multiline_files(files: Path, settings: ImportSettings) -> list[str]:
    """The files whose fields may span lines: from the export's manifest unless settings say."""
    if settings.multiline_fields is None and (files / MANIFEST).is_file():
        names = json.loads((files / MANIFEST).read_text(encoding="utf-8"))["multiline"]
    else:
        names = list(TEXT_FILES) if settings.multiline_fields is not False else []
    return [f"{files / name}.csv" for name in names]


def command(files: Path, database: str, lib: Path, settings: ImportSettings = ImportSettings()) -> list[str]:
    """The java command line: database name first, then the options and the files."""
    cmd = [
        "java", f"-Xmx{settings.heap}", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool",
        "database", "import", "full", database,
        "--overwrite-destination=true",
        f"--array-delimiter={ARRAY_DELIMITER}",
        f"--id-type={id_type(files)}",
        f"--report-file={files / 'import.report'}",
    ]  # fmt: skip
    multiline = multiline_files(files, settings)
    if multiline:  # v2: the files named hold fields with line breaks; the rest is split between threads
        cmd += ["--multiline-fields-format=v2", f"--multiline-fields={','.join(multiline)}"]
    if settings.threads:
        cmd.append(f"--threads={settings.threads}")
    if settings.max_off_heap_memory:
        cmd.append(f"--max-off-heap-memory={settings.max_off_heap_memory}")
    cmd += [f"--nodes={files / name}.csv" for name in NODE_FILES]
    cmd += [f"--relationships={kind}={files / name}.csv" for name, kind in RELATIONSHIP_FILES.items()]
    return cmd


def shown(cmd: list[str]) -> str:
    """The tool's part of ``cmd`` as a ``neo4j-admin`` shell line (the delimiter spelled $'\\x1f')."""
    tool = cmd[cmd.index("org.neo4j.cli.AdminTool") + 1 :]
    delimiter = f"--array-delimiter={ARRAY_DELIMITER}"
    words = ["--array-delimiter=$'\\x1f'" if w == delimiter else shlex.quote(w) for w in tool]
    return " ".join(["neo4j-admin", *words])


def run_import(
    files: Path,
    home: Path,
    *,
    database: str = "neo4j",
    lib: Path | None = None,
    settings: ImportSettings = ImportSettings(),
    echo: Sequence[str] = (),
) -> str:
    """Import ``files`` into ``database`` of the server at ``home``; returns the tool's output.

    Raises StoreError naming the cause: no java, no jars, a missing file, or the tool's own error."""
    jars = lib or home / "lib"
    if shutil.which("java") is None:
        raise StoreError("bulk import needs java (Neo4j's admin tool runs on Java 17 or 21)")
    if not any(jars.glob("neo4j-5*.jar")):
        raise StoreError(
            f"no Neo4j jars in {jars}: run `make neo4j-up` once (it fetches them), or pass --neo4j-lib"
        )
    for name in (*[f"{n}.csv" for n in (*NODE_FILES, *RELATIONSHIP_FILES)], MANIFEST):
        if not (files / name).is_file():
            raise StoreError(
                f"{files / name} is missing: write the files with `eventgraph bulk-export` first"
            )
    conf = home / "conf"
    env = os.environ | {"NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    conf.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        command(files, database, jars, settings), env=env, capture_output=True, text=True, check=False
    )
    output = done.stdout + done.stderr
    if done.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise StoreError(
            f"neo4j-admin database import full {database} failed (exit {done.returncode}):\n{tail}"
        )
    return output
