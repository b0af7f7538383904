"""The bulk actor table format: gzip'd TSV files of actors and their dated spells.

Shipped tables live in ``herald/data/actors/bulk/`` (built by ``tools/kb/build_bulk.py`` from pinned open
sources); ``herald actors import`` writes the same format into ``$HERALD_HOME/actors/bulk/``. Each source
is two files: ``<name>.tsv.gz`` (actors) and optionally ``<name>.spells.tsv.gz`` (dated spells).
Both are sorted and written with a zero gzip timestamp, so a rebuild from the same inputs is byte-identical.
"""

from __future__ import annotations

import gzip
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import KnowledgeBaseError

ACTOR_COLUMNS = (
    "key",
    "kind",
    "name",
    "country",
    "sector",
    "sectors",
    "wikidata",
    "prominence",
    "aliases",
    "surnames",
)
SPELL_COLUMNS = ("key", "country", "sector", "start", "end", "role")
KINDS = frozenset({"person", "organization", "group", "state"})
_CODE = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def norm_name(text: str) -> str:
    """Lookup form of a name: accents dropped, lower case, punctuation as spaces ("El-Sisi" = "el sisi")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "").replace("’", "")
    return _NON_ALNUM.sub(" ", text).strip()


@dataclass
class BulkActor:
    key: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    sectors: list[str] = field(default_factory=list)
    wikidata: str | None = None
    prominence: int = 0
    aliases: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)  # one-word names: linked only with context

    def row(self) -> list[str]:
        return [
            self.key,
            self.kind,
            self.name,
            self.country or "",
            self.sector or "",
            ",".join(self.sectors),
            self.wikidata or "",
            str(self.prominence),
            "|".join(self.aliases),
            "|".join(self.surnames),
        ]


@dataclass(frozen=True, order=True)
class Spell:
    key: str
    country: str | None
    sector: str | None
    start: str | None  # ISO dates; None = open
    end: str | None
    role: str | None = None  # "foreign minister", when the source names the office

    def row(self) -> list[str]:
        return [
            self.key,
            self.country or "",
            self.sector or "",
            self.start or "",
            self.end or "",
            self.role or "",
        ]


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


def validate(actor: BulkActor, where: str) -> BulkActor:
    """Check codes, ids and the kind; :class:`KnowledgeBaseError` says which row and what to fix."""
    if not actor.key or not actor.name.strip():
        raise KnowledgeBaseError(f"{where}: an actor needs a key and a name.")
    if actor.kind not in KINDS:
        raise KnowledgeBaseError(f"{where}: kind {actor.kind!r} must be one of {sorted(KINDS)}.")
    for code in [actor.country, actor.sector, *actor.sectors]:
        if code and not _CODE.match(code):
            raise KnowledgeBaseError(f"{where}: {code!r} is not a three-letter upper-case PLOVER code.")
    if actor.wikidata and not _QID.match(actor.wikidata):
        raise KnowledgeBaseError(f"{where}: {actor.wikidata!r} is not a Wikidata id like Q148.")
    actor.name = _clean(actor.name)
    actor.aliases = sorted({_clean(a) for a in actor.aliases if _clean(a) and _clean(a) != actor.name})
    actor.surnames = sorted({_clean(a) for a in actor.surnames if _clean(a)})
    if actor.sector and actor.sector not in actor.sectors:
        actor.sectors = [actor.sector, *actor.sectors]
    return actor


def validate_spell(spell: Spell, where: str) -> Spell:
    for code in (spell.country, spell.sector):
        if code and not _CODE.match(code):
            raise KnowledgeBaseError(f"{where}: {code!r} is not a three-letter upper-case PLOVER code.")
    for day in (spell.start, spell.end):
        if day and not _DATE.match(day):
            raise KnowledgeBaseError(f"{where}: {day!r} is not a date YYYY-MM-DD.")
    return spell


def _write_gz(path: Path, header: Iterable[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for row in sorted(rows):
        buf.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def write_table(folder: Path, name: str, actors: Iterable[BulkActor], spells: Iterable[Spell] = ()) -> Path:
    """Write ``<name>.tsv.gz`` (and ``<name>.spells.tsv.gz`` when there are spells) into ``folder``."""
    path = folder / f"{name}.tsv.gz"
    _write_gz(path, ACTOR_COLUMNS, [a.row() for a in actors])
    spell_rows = [s.row() for s in spells]
    spath = folder / f"{name}.spells.tsv.gz"
    if spell_rows:
        _write_gz(spath, SPELL_COLUMNS, spell_rows)
    elif spath.exists():
        spath.unlink()
    return path


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[list[str]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            if tuple(header) != columns:
                raise KnowledgeBaseError(f"{path}: expected the columns {', '.join(columns)}.")
            for line in fh:
                cells = line.rstrip("\n").split("\t")
                yield cells + [""] * (len(columns) - len(cells))
    except (OSError, EOFError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the bulk actor table: {exc}") from exc


def read_actors(path: Path) -> Iterator[BulkActor]:
    for c in _rows(path, ACTOR_COLUMNS):
        yield BulkActor(
            key=c[0],
            kind=c[1],
            name=c[2],
            country=c[3] or None,
            sector=c[4] or None,
            sectors=[s for s in c[5].split(",") if s],
            wikidata=c[6] or None,
            prominence=int(c[7] or 0),
            aliases=[a for a in c[8].split("|") if a],
            surnames=[a for a in c[9].split("|") if a],
        )


def read_spells(path: Path) -> Iterator[Spell]:
    for c in _rows(path, SPELL_COLUMNS):
        yield Spell(c[0], c[1] or None, c[2] or None, c[3] or None, c[4] or None, c[5] or None)


def tables(folder: Path) -> list[tuple[Path, Path | None]]:
    """(actors file, spells file or None) of every table in ``folder``, sorted by name."""
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.tsv.gz")):
        if path.name.endswith(".spells.tsv.gz") or path.name == "agents.tsv.gz":
            continue
        spells = path.with_name(path.name[: -len(".tsv.gz")] + ".spells.tsv.gz")
        out.append((path, spells if spells.exists() else None))
    return out
