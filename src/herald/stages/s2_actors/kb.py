"""The actor knowledge base: validated entries loaded from the shipped YAML files and the user's own.

Sources, later ones overriding earlier ones entry by entry (same ``key``):

1. ``herald/data/actors/*.yaml`` (shipped),
2. ``$HERALD_HOME/actors/*.yaml`` (``herald actors add`` copies files there),
3. each path in ``Settings.extra_data``: its ``actors/*.yaml`` (or the folder's own ``*.yaml``, or the file).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ...config import Settings, settings
from ...errors import KnowledgeBaseError
from ...knowledge import parse_yaml

_CODE = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


class Office(BaseModel):
    """An office held by a person between two dates (``end: null`` = still in office)."""

    model_config = ConfigDict(extra="forbid")

    role: str
    country: str | None = None
    sector: str | None = "GOV"
    start: date | None = None
    end: date | None = None

    @field_validator("country", "sector")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        if v is not None and not _CODE.match(v):
            raise ValueError(f"{v!r} is not a three-letter upper-case PLOVER code")
        return v

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Entry(BaseModel):
    """One actor of the knowledge base (see docs/actors.md for the file format)."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: Literal["state", "organization", "person", "group"]
    country: str | None = None
    sector: str | None = None
    sectors: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    seats: list[str] = Field(default_factory=list)
    parent: str | None = None
    offices: list[Office] = Field(default_factory=list)
    ambiguous_aliases: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("country", "sector")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        if v is not None and not _CODE.match(v):
            raise ValueError(f"{v!r} is not a three-letter upper-case PLOVER code")
        return v

    @field_validator("sectors")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        bad = [s for s in v if not _CODE.match(s)]
        if bad:
            raise ValueError(f"sectors {bad} are not three-letter upper-case PLOVER codes")
        return v

    @field_validator("wikidata")
    @classmethod
    def _qid(cls, v: str | None) -> str | None:
        if v is not None and not _QID.match(v):
            raise ValueError(f"{v!r} is not a Wikidata id like Q148 (use null when unsure)")
        return v

    @field_validator("aliases", "demonyms", "seats", "ambiguous_aliases", mode="before")
    @classmethod
    def _none_list(cls, v: Any) -> Any:
        return [] if v is None else v

    @field_validator("offices", mode="before")
    @classmethod
    def _none_offices(cls, v: Any) -> Any:
        return [] if v is None else v

    def all_sectors(self) -> list[str]:
        out = [self.sector] if self.sector else []
        return out + [s for s in self.sectors if s not in out]

    def office_at(self, day: date | None) -> Office | None:
        """The office the person held on ``day`` (None without a date or without a matching office)."""
        if day is None:
            return None
        for office in self.offices:
            if office.holds(day):
                return office
        return None


class KnowledgeBase:
    """Entries by key, plus where each came from (for ``herald actors show``)."""

    def __init__(self, entries: Iterable[tuple[Entry, str]]) -> None:
        self.entries: dict[str, Entry] = {}
        self.origin: dict[str, str] = {}
        for entry, origin in entries:
            self.entries[entry.key] = entry  # later sources override earlier ones
            self.origin[entry.key] = origin

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)


def read_file(path: Path) -> list[Entry]:
    """Parse and validate one KB file; :class:`KnowledgeBaseError` names the file, entry and problem."""
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the actor file: {exc}") from exc
    if raw is None:
        return []
    if isinstance(raw, dict) and "actors" in raw:
        raw = raw["actors"]
    if not isinstance(raw, list):
        raise KnowledgeBaseError(
            f"{path}: an actor file must be a YAML list of entries (- key: ..., name: ...)."
        )
    out: list[Entry] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, 1):
        label = f"entry {i}" + (
            f" (key {item.get('key')!r})" if isinstance(item, dict) and "key" in item else ""
        )
        if not isinstance(item, dict):
            raise KnowledgeBaseError(f"{path}: {label}: expected a mapping with key, name, kind, ...")
        try:
            entry = Entry.model_validate(item)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(x) for x in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
            )
            raise KnowledgeBaseError(
                f"{path}: {label}: {problems}. Fix the entry (see docs/actors.md)."
            ) from exc
        if entry.key in seen:
            raise KnowledgeBaseError(f"{path}: {label}: key {entry.key!r} appears twice in the same file.")
        seen.add(entry.key)
        out.append(entry)
    return out


def shipped_files() -> list[Path]:
    folder = Path(str(resources.files("herald") / "data" / "actors"))
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def user_files(cfg: Settings | None = None) -> list[Path]:
    """User KB files: $HERALD_HOME/actors/*.yaml, then each extra data path."""
    cfg = cfg or settings()
    files: list[Path] = []
    home = cfg.home / "actors"
    if home.is_dir():
        files += sorted(home.glob("*.yaml")) + sorted(home.glob("*.yml"))
    for extra in cfg.extra_data:
        extra = Path(extra)
        if extra.is_file():
            files.append(extra)
        elif (extra / "actors").is_dir():
            files += sorted((extra / "actors").glob("*.yaml"))
        elif extra.is_dir():
            files += sorted(extra.glob("*.yaml"))
    return files


def _signature(files: list[Path]) -> tuple[tuple[str, float, int], ...]:
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((str(f), st.st_mtime, st.st_size))
        except OSError:
            continue
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _load(signature: tuple[tuple[str, float, int], ...], n_shipped: int) -> KnowledgeBase:
    pairs: list[tuple[Entry, str]] = []
    for i, (name, _, _) in enumerate(signature):
        origin = "shipped" if i < n_shipped else "user"
        path = Path(name)
        pairs += [
            (e, f"{origin}:{path.name}" if origin == "shipped" else f"{origin}:{path}")
            for e in read_file(path)
        ]
    return KnowledgeBase(pairs)


def load_kb(cfg: Settings | None = None) -> KnowledgeBase:
    """The merged KB. Cached on the files' paths, sizes and modification times, so edits are picked up."""
    shipped = shipped_files()
    return _load(_signature(shipped + user_files(cfg)), len(_signature(shipped)))
