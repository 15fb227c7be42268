"""A private Neo4j next to the dev server: scripts/neo4j.sh with its own home and free ports,
sharing the dev server's jars. The benchmarks run on one and the fault tests kill one."""

from __future__ import annotations

import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.loadtest import free_port

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j.sh"


@dataclass(frozen=True)
class PrivateServer:
    home: Path
    env: dict[str, str]

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.env['NEO4J_BOLT_PORT']}"

    @property
    def password(self) -> str:
        return self.env.get("NEO4J_PASSWORD", "eventgraph")

    def script(self, command: str) -> None:
        subprocess.run(["bash", str(SCRIPT), command], cwd=ROOT, env=self.env, check=True, timeout=600)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no checkpoint, as when the machine loses power."""
        pid = int((self.home / "run" / "neo4j.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)


def private_server(home: Path, **settings: str) -> PrivateServer:
    """A server in ``home`` (not started); ``settings`` are scripts/neo4j.sh variables without the
    NEO4J_ prefix, e.g. HEAP="2g", JIT="full"."""
    env = os.environ | {
        "NEO4J_HOME_DIR": str(home),
        "NEO4J_LIB_DIR": str(ROOT / ".neo4j" / "lib"),
        "NEO4J_BOLT_PORT": str(free_port()),
        "NEO4J_HTTP_PORT": str(free_port()),
        "NEO4J_CDS": "0",  # the class-data archive in the shared jars belongs to the dev server
    }
    env |= {f"NEO4J_{name}": value for name, value in settings.items()}
    return PrivateServer(home, env)
