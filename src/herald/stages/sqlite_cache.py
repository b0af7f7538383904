"""SQLite indexes built once per machine in Herald's cache folder, then only read (gazetteer, bulk actor KB).

A build writes a temporary file and renames it into place, so concurrent processes never read a half-written
index; where no cache folder is writable the index is built in memory instead (slower start, same answers).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path:
    env = os.environ.get("HERALD_CACHE")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "herald"


def open_index(
    path: Path, write: Callable[[sqlite3.Connection], None], *, prefix: str, stale_after: float = 0.0
) -> tuple[str, sqlite3.Connection | None]:
    """``(path, None)`` for the index file at ``path``, built by ``write`` when missing;
    ``(":memory:", conn)`` when it cannot be written. Older files named ``prefix*.sqlite`` (other inputs)
    are removed once they are ``stale_after`` seconds old; processes that have them open keep reading them."""
    if path.exists():
        return str(path), None
    try:
        _build_file(path, write, prefix, stale_after)
    except OSError:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        write(conn)
        return ":memory:", conn
    return str(path), None


def _build_file(
    path: Path, write: Callable[[sqlite3.Connection], None], prefix: str, stale_after: float
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{prefix}", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            write(conn)
        finally:
            conn.close()
        os.chmod(tmp, 0o644)  # the cache is shared by every user of the machine's Herald
        os.replace(tmp, path)  # atomic: concurrent builders never see a half-written file
        for old in path.parent.glob(f"{prefix}*.sqlite"):
            if old != path and time.time() - old.stat().st_mtime >= stale_after:
                old.unlink(missing_ok=True)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Readers:
    """Read-only connections to one index: one per process and thread, opened lazily (or the in-memory
    one)."""

    def __init__(self, path: str, memory: sqlite3.Connection | None = None) -> None:
        self.path = path
        self.memory = memory
        self._local = threading.local()

    def get(self) -> sqlite3.Connection:
        if self.memory is not None:
            return self.memory
        key = (os.getpid(), threading.get_ident())  # a forked worker must not reuse its parent's connection
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "key", None) != key:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn, self._local.key = conn, key
        return conn
