"""Importing users' own actor KBs into the bulk format (``herald actors import``).

Formats (docs/actors-kb.md):

- ``csv``: columns ``id, name, aliases, kind, country, sector, wikidata, offices``; ``aliases`` separated by
  ``|``; ``offices`` separated by ``;``, each ``role/country/sector/start/end`` (empty parts allowed).
- ``jsonl``: one object per line with the same keys; ``aliases`` a list; ``offices`` a list of objects
  ``{role, country, sector, start, end}``.
- ``peppercat``: a Peppercat ``docs/leaders`` folder (``<country>/leaders-historic.csv`` and
  ``legislators-historic.csv``: catalog, position, person, personID, start, end, ...). Peppercat is licensed
  CC BY-NC 4.0: Herald does not ship it, users import their own copy.

The result is written to ``$HERALD_HOME/actors/bulk/<name>.tsv.gz`` (+ ``.spells.tsv.gz``); the bulk index is
rebuilt on next use. Entries of the hand-curated KB with the same Wikidata id still win.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ...config import Settings
from ...errors import KnowledgeBaseError
from .bulk_format import BulkActor, Spell, validate, validate_spell, write_table
from .kb import load_kb
from .kb_index import user_folder

FORMATS = ("csv", "jsonl", "peppercat")
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# Office words -> PLOVER sector, first match wins (default GOV).
_OFFICE_SECTORS = (
    (("member of parliament", "legislat", "senator", "deputy of", "member of the", "mp for"), "LEG"),
    (("judge", "justice", "court"), "JUD"),
    (("chief of staff", "army", "general", "military", "armed forces", "admiral"), "MIL"),
    (("police", "gendarmerie"), "COP"),
    (("intelligence",), "SPY"),
    (("party leader", "party chair", "secretary general of the"), "PTY"),
)


def office_sector(role: str) -> str:
    low = role.lower()
    return next((sector for words, sector in _OFFICE_SECTORS if any(w in low for w in words)), "GOV")


def iso_day(text: str | None) -> str | None:
    """ "2019", "2019-05", "2019-05-16T00:00:00Z" -> an ISO day (first of the period); None if not a date."""
    m = _DAY.match((text or "").strip().lstrip("+"))
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}".replace("-00", "-01")


def _offices(key: str, raw: Any, country: str | None, where: str) -> list[Spell]:
    items: list[dict[str, Any]] = []
    if isinstance(raw, str):
        for part in (p.strip() for p in raw.split(";") if p.strip()):
            cells = [c.strip() for c in part.split("/")] + [""] * 5
            items.append(dict(zip(("role", "country", "sector", "start", "end"), cells[:5], strict=True)))
    elif isinstance(raw, list):
        items = [x for x in raw if isinstance(x, dict)]
    out = []
    for o in items:
        role = str(o.get("role") or "").strip() or None
        spell = Spell(
            key,
            (o.get("country") or country or None),
            (o.get("sector") or (office_sector(role) if role else None)),
            iso_day(o.get("start")),
            iso_day(o.get("end")),
            role,
        )
        out.append(validate_spell(spell, where))
    return out


def _record(obj: dict[str, Any], where: str) -> tuple[BulkActor, list[Spell]]:
    key = str(obj.get("id") or obj.get("key") or "").strip()
    aliases = obj.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|") if a.strip()]
    country = (obj.get("country") or "").strip() or None
    sector = (obj.get("sector") or "").strip() or None
    actor = BulkActor(
        key=key,
        kind=(obj.get("kind") or "person").strip(),
        name=str(obj.get("name") or ""),
        country=country,
        sector=sector,
        sectors=[sector] if sector else [],
        wikidata=(obj.get("wikidata") or "").strip() or None,
        prominence=1,
        aliases=[str(a) for a in aliases],
    )
    actor = validate(actor, where)
    return actor, _offices(key, obj.get("offices"), country, where)


def read_csv(path: Path) -> Iterator[tuple[BulkActor, list[Spell]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"id", "name"} - set(reader.fieldnames or [])
        if missing:
            raise KnowledgeBaseError(
                f"{path}: missing column(s) {', '.join(sorted(missing))}; expected id, name, aliases, kind, "
                "country, sector, wikidata, offices (docs/actors-kb.md)."
            )
        for i, row in enumerate(reader, 2):
            yield _record(row, f"{path}:{i}")


def read_jsonl(path: Path) -> Iterator[tuple[BulkActor, list[Spell]]]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KnowledgeBaseError(f"{path}:{i}: not a JSON object: {exc}") from exc
            if not isinstance(obj, dict):
                raise KnowledgeBaseError(f"{path}:{i}: each line must be a JSON object with id and name.")
            yield _record(obj, f"{path}:{i}")


def _country_codes() -> dict[str, str]:
    """State names, aliases and demonym-free forms of the curated KB -> PLOVER country code."""
    out: dict[str, str] = {}
    for e in load_kb():
        if e.kind == "state" and e.country:
            for n in [e.name, *e.aliases]:
                out[n.lower()] = e.country
    return out


def read_peppercat(folder: Path) -> Iterator[tuple[BulkActor, list[Spell]]]:
    files = sorted(folder.glob("*/leaders-historic.csv")) + sorted(folder.glob("*/legislators-historic.csv"))
    if not files:
        raise KnowledgeBaseError(
            f"{folder}: no <country>/leaders-historic.csv found; give the Peppercat docs/leaders folder."
        )
    codes = _country_codes()
    people: dict[str, tuple[BulkActor, list[Spell]]] = {}
    for path in files:
        legislators = path.name.startswith("legislators")
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                qid = (row.get("personID") or "").strip()
                name = (row.get("person") or "").strip()
                catalog = (row.get("catalog") or path.parent.name.replace("-", " ")).strip()
                country = codes.get(catalog.lower())
                if not re.fullmatch(r"Q[1-9][0-9]*", qid) or not name or country is None:
                    continue  # sub-national catalogues (states, provinces) have no PLOVER country
                role = (row.get("position") or "").strip() or None
                sector = "LEG" if legislators else office_sector(role or "")
                actor, spells = people.get(qid) or (
                    BulkActor(qid, "person", name, country, sector, [sector], qid, 0),
                    [],
                )
                wiki = (row.get("enwiki") or "").strip()
                if wiki and wiki != name and wiki not in actor.aliases:
                    actor.aliases.append(wiki)
                actor.prominence += 1
                if not legislators and actor.sector == "LEG":
                    actor.sector, actor.sectors = sector, [sector]  # an executive office outranks a seat
                spells.append(
                    Spell(qid, country, sector, iso_day(row.get("start")), iso_day(row.get("end")), role)
                )
                people[qid] = (actor, spells)
    for qid in sorted(people):
        actor, spells = people[qid]
        yield validate(actor, qid), [validate_spell(s, qid) for s in spells]


def detect_format(path: Path) -> str:
    if path.is_dir():
        return "peppercat"
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise KnowledgeBaseError(f"{path}: cannot tell the format; pass --format csv, jsonl or peppercat.")


def read(path: Path, fmt: str | None = None) -> Iterable[tuple[BulkActor, list[Spell]]]:
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise KnowledgeBaseError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if not path.exists():
        raise KnowledgeBaseError(f"{path}: no such file or folder.")
    if fmt == "peppercat":
        return read_peppercat(path)
    return read_csv(path) if fmt == "csv" else read_jsonl(path)


def import_kb(
    path: Path, fmt: str | None = None, name: str | None = None, cfg: Settings | None = None
) -> tuple[Path, int, int]:
    """Convert a user KB and install it as a bulk table: (written file, actors, spells)."""
    actors: dict[str, BulkActor] = {}
    spells: list[Spell] = []
    for actor, own in read(path, fmt):
        if actor.key in actors:
            raise KnowledgeBaseError(f"{path}: id {actor.key!r} appears twice.")
        actors[actor.key] = actor
        spells += own
    if not actors:
        raise KnowledgeBaseError(f"{path}: no actors found.")
    table = re.sub(r"[^A-Za-z0-9_-]+", "-", name or path.stem).strip("-") or "imported"
    dest = write_table(user_folder(cfg), table, actors.values(), spells)
    return dest, len(actors), len(spells)
