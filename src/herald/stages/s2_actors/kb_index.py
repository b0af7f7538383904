"""The bulk actor index: the shipped and imported bulk tables, built once into an SQLite file in the cache.

Tens of thousands of actors and their names are never loaded into Python objects: the actors stage asks the
index for the candidates of one name (a B-tree lookup, cached per process) and for an actor's dated spells.
The file name carries a fingerprint of the input tables (names, sizes, modification times) and of the format,
so an import or a new release builds a new file; building writes a temporary file and renames it, so
concurrent processes never read a half-written index. Without a writable cache it is built in memory.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from ...config import Settings, settings
from ..sqlite_cache import Readers, cache_dir, open_index
from .bulk_format import BulkActor, Spell, norm_name, read_actors, read_spells, tables
from .kb import Entry, Office

FORMAT = "actors-bulk-2"
# The cache file name's prefix: a new one per index layout.
PREFIX = "actors-bulk-v2-"
# Sector precedence when several spells hold on the same day (a minister who is also a legislator is GOV).
SECTOR_ORDER = ("GOV", "MIL", "JUD", "COP", "SPY", "LEG", "OPP", "PTY", "REB")


@dataclass(frozen=True)
class Candidate:
    """An actor of the bulk index named by a looked-up form."""

    key: str
    how: str  # name | alias | surname
    kind: str
    name: str
    country: str | None
    sector: str | None
    sectors: tuple[str, ...]
    wikidata: str | None
    prominence: int
    origin: str  # the table it came from ("phoenix", "user:mykb")


def shipped_folder() -> Path:
    return Path(str(resources.files("herald") / "data" / "actors" / "bulk"))


def user_folder(cfg: Settings | None = None) -> Path:
    return (cfg or settings()).home / "actors" / "bulk"


def _inputs(cfg: Settings | None) -> list[tuple[str, Path, Path | None]]:
    """(origin, actors file, spells file) of every table: shipped first, then the user's imports."""
    out = [(a.name.removesuffix(".tsv.gz"), a, s) for a, s in tables(shipped_folder())]
    out += [("user:" + a.name.removesuffix(".tsv.gz"), a, s) for a, s in tables(user_folder(cfg))]
    return out


def fingerprint(inputs: list[tuple[str, Path, Path | None]]) -> str:
    """Shipped tables by content (a fresh checkout reuses the index); users' by size and modification time
    (a Wikidata import can be large, and is not hashed at every start)."""
    h = hashlib.sha256(FORMAT.encode())
    for origin, a, s in inputs:
        for p in (a, s):
            if p is None:
                continue
            if origin.startswith("user:"):
                st = p.stat()
                h.update(f"{origin}|{p}|{st.st_size}|{st.st_mtime_ns};".encode())
            else:
                h.update(f"{origin}|{p.name}|".encode() + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


def _write(conn: sqlite3.Connection, inputs: list[tuple[str, Path, Path | None]]) -> None:
    conn.executescript(
        """
        CREATE TABLE actor (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, kind TEXT, name TEXT,
            country TEXT, sector TEXT, sectors TEXT, wikidata TEXT, prominence INTEGER, origin TEXT);
        CREATE TABLE form (norm TEXT NOT NULL, actor INTEGER NOT NULL, how TEXT NOT NULL);
        CREATE TABLE spell (actor INTEGER NOT NULL, country TEXT, sector TEXT, start TEXT, end TEXT,
            role TEXT);
        """
    )
    ids: dict[str, int] = {}
    next_id = 0
    for origin, apath, spath in inputs:
        rows: list[tuple[object, ...]] = []
        forms: list[tuple[str, int, str]] = []
        for a in read_actors(apath):
            if a.key in ids:  # a later table (the user's) replaces an earlier entry with the same key
                old = ids[a.key]
                conn.execute("DELETE FROM actor WHERE id = ?", (old,))
                conn.execute("DELETE FROM form WHERE actor = ?", (old,))
                conn.execute("DELETE FROM spell WHERE actor = ?", (old,))
            next_id += 1
            rid = next_id
            ids[a.key] = rid
            rows.append((rid, *_actor_row(a), origin))
            seen: set[str] = set()
            for how, names in (("name", [a.name]), ("alias", a.aliases), ("surname", a.surnames)):
                for n in names:
                    k = norm_name(n)
                    if k and k not in seen:
                        seen.add(k)
                        forms.append((k, rid, how))
        conn.executemany("INSERT INTO actor VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO form VALUES (?,?,?)", forms)
        if spath is not None:
            conn.executemany(
                "INSERT INTO spell VALUES (?,?,?,?,?,?)",
                [
                    (ids[s.key], s.country, s.sector, s.start, s.end, s.role)
                    for s in read_spells(spath)
                    if s.key in ids
                ],
            )
    conn.executescript(
        """
        CREATE INDEX form_norm ON form(norm);
        CREATE INDEX spell_actor ON spell(actor);
        CREATE INDEX spell_country ON spell(country);
        CREATE INDEX actor_qid ON actor(wikidata);
        """
    )
    conn.commit()


def _actor_row(a: BulkActor) -> tuple[object, ...]:
    return (a.key, a.kind, a.name, a.country, a.sector, ",".join(a.sectors), a.wikidata, a.prominence)


class BulkIndex:
    """Read-only queries on the index (one SQLite connection per process and thread)."""

    def __init__(self, path: str, memory: sqlite3.Connection | None = None) -> None:
        self.path = path
        self._readers = Readers(path, memory)

    def _conn(self) -> sqlite3.Connection:
        return self._readers.get()

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one index per process, kept for its lifetime
    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Actors with ``text`` as name, alias or one-word name (any case, accents, punctuation)."""
        key = norm_name(text)
        if not key:
            return ()
        rows = self._conn().execute(
            "SELECT a.key, f.how, a.kind, a.name, a.country, a.sector, a.sectors, a.wikidata, a.prominence, "
            "a.origin FROM form f JOIN actor a ON a.id = f.actor WHERE f.norm = ? ORDER BY a.key",
            (key,),
        )
        return tuple(
            Candidate(r[0], r[1], r[2], r[3], r[4], r[5], tuple(x for x in r[6].split(",") if x), *r[7:])
            for r in rows
        )

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def spells(self, key: str) -> tuple[Spell, ...]:
        rows = self._conn().execute(
            "SELECT s.country, s.sector, s.start, s.end, s.role FROM spell s JOIN actor a ON a.id = s.actor "
            "WHERE a.key = ? ORDER BY s.start, s.end",
            (key,),
        )
        return tuple(Spell(key, *r) for r in rows)

    @functools.lru_cache(maxsize=16384)  # noqa: B019
    def actor(self, key: str) -> Candidate | None:
        r = (
            self._conn()
            .execute(
                "SELECT key, 'name', kind, name, country, sector, sectors, wikidata, prominence, origin "
                "FROM actor WHERE key = ?",
                (key,),
            )
            .fetchone()
        )
        if r is None:
            return None
        return Candidate(r[0], r[1], r[2], r[3], r[4], r[5], tuple(x for x in r[6].split(",") if x), *r[7:])

    def office_spells(self, country: str, day: date) -> list[tuple[str, str]]:
        """(actor key, role) of every named office held for ``country`` on ``day`` (not legislator terms)."""
        iso = day.isoformat()
        rows = self._conn().execute(
            "SELECT a.key, s.role FROM spell s JOIN actor a ON a.id = s.actor WHERE s.country = ? "
            "AND s.role IS NOT NULL AND s.role NOT IN ('default', 'legislator') "
            "AND (s.start IS NULL OR s.start <= ?) AND (s.end IS NULL OR ? <= s.end)",
            (country, iso, iso),
        )
        return [(r[0], r[1]) for r in rows]

    def qids(self) -> set[str]:
        return {r[0] for r in self._conn().execute("SELECT wikidata FROM actor WHERE wikidata IS NOT NULL")}

    def count(self) -> int:
        return int(self._conn().execute("SELECT COUNT(*) FROM actor").fetchone()[0])

    def at(self, key: str, day: date | None) -> tuple[str | None, str | None, bool]:
        """(country, sector, dated) of an actor on ``day``: the spell holding then (GOV first), else the
        source's default after its dated spells (Phoenix codes former officials ELI), else the entry's own.
        ``dated`` says a dated spell held on the day."""
        cand = self.actor(key)
        if cand is None:
            return None, None, False
        spells = self.spells(key)
        if day is None or not spells:
            return cand.country, cand.sector, False
        iso = day.isoformat()
        holding = [
            s
            for s in spells
            if s.role != "default"
            and (s.start or s.end)
            and (s.start is None or s.start <= iso)
            and (s.end is None or iso <= s.end)
        ]
        if holding:
            holding.sort(key=lambda s: SECTOR_ORDER.index(s.sector) if s.sector in SECTOR_ORDER else 99)
            return holding[0].country or cand.country, holding[0].sector, True
        default = [s for s in spells if s.role == "default"]
        if default:
            return default[0].country or cand.country, default[0].sector, False
        dated = [s for s in spells if s.start or s.end]
        if dated and all(s.end is not None and s.end < iso for s in dated):
            return cand.country, "ELI" if cand.kind == "person" and cand.sector == "GOV" else None, False
        if dated and all(s.start is not None and iso < s.start for s in dated):
            return cand.country, None, False  # not yet in office
        return cand.country, cand.sector, False

    def entry(self, key: str, day: date | None = None) -> Entry | None:
        """A KB :class:`Entry` for a bulk actor, with its country and sector on ``day`` and its offices."""
        cand = self.actor(key)
        if cand is None:
            return None
        country, sector, _dated = self.at(key, day)
        offices = [
            Office(
                role=s.role or "office",
                country=s.country,
                sector=s.sector,
                start=date.fromisoformat(s.start) if s.start else None,
                end=date.fromisoformat(s.end) if s.end else None,
            )
            for s in self.spells(key)
            if s.role not in ("default", None) and (s.start or s.end)
        ]
        sectors = [sector] if sector else []
        sectors += [x for x in cand.sectors if x not in sectors and (sector is not None or day is None)]
        kind = cand.kind if cand.kind in ("state", "organization", "person", "group") else "organization"
        return Entry(
            key=key,
            name=cand.name,
            kind=kind,
            country=country,
            sector=sector,
            sectors=sectors,
            wikidata=cand.wikidata,
            offices=offices,
            note=f"bulk:{cand.origin}",
        )

    def __hash__(self) -> int:
        return id(self)


_LOCK = threading.Lock()


@functools.lru_cache(maxsize=4)
def _open(fp: str, home: str) -> BulkIndex:
    inputs = _inputs(settings().with_(home=Path(home)))
    path, memory = open_index(
        cache_dir() / f"{PREFIX}{fp}.sqlite",
        lambda conn: _write(conn, inputs),
        prefix=PREFIX,
        stale_after=3600,  # other inputs' builds an hour old: another user's settings may still want theirs
    )
    return BulkIndex(path, memory)


def bulk_index(cfg: Settings | None = None) -> BulkIndex | None:
    """The bulk index for these settings (None when no table is installed or ``HERALD_BULK_KB=0``)."""
    if os.environ.get("HERALD_BULK_KB", "1") == "0":
        return None
    cfg = cfg or settings()
    inputs = _inputs(cfg)
    if not inputs:
        return None
    with _LOCK:
        return _open(fingerprint(inputs), str(cfg.home))
