"""One writer at a time per data folder: an exclusive lock on a file beside the embedded store.

Two ``eventgraph load`` runs into one folder each read the store, merge and save; without the
lock the second save drops the first one's events. Readers take no lock: the store file is
replaced atomically, so they see the old graph or the new one. The lock is the kernel's (flock):
a killed writer's lock goes with its process, and the file left behind is harmless.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(path: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if need be); if another process holds it,
    say so through ``waiting`` and wait for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 100, 0).decode("utf-8", errors="replace").strip() or "another process"
            if waiting:
                waiting(f"note: waiting for the other writer of {path.parent} ({holder}) to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
