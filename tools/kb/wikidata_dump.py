"""Stream a Wikidata JSON dump (latest-all.json.bz2) into a Herald bulk actor table, in bounded memory.

    python tools/kb/wikidata_dump.py latest-all.json.bz2 --out ~/.local/share/herald/actors/bulk
    # then Herald uses it (the bulk index is rebuilt on next use); or: --name wikidata-2026

Keeps: humans (P31 Q5) with a position held (P39) or a party membership (P102); political parties; armed
organisations; government agencies; international and intergovernmental organisations (``--class`` adds more
P31 classes). For each: English label and aliases, country (P27 citizenship for people, P17 for
organisations, mapped to PLOVER codes through the Wikidata ids of Herald's states), and dated positions
(P39 with start P580 / end P582 qualifiers). Position labels and their jurisdiction (P1001 or P17) are filled
in by a second pass over the dump (``--one-pass`` skips it and keeps the position's id as its role).

Memory stays bounded: entities are read one line at a time (the dump is a JSON array with one entity per
line) and rows are written as they come; only the ids of positions seen (tens of thousands) are kept.
Nothing is downloaded: get the dump yourself from dumps.wikimedia.org.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent / "src"))

from herald.stages.s2_actors.bulk_format import ACTOR_COLUMNS, SPELL_COLUMNS  # noqa: E402
from herald.stages.s2_actors.kb import load_kb  # noqa: E402
from herald.stages.s2_actors.kb_import import iso_day, office_sector  # noqa: E402

HUMAN = "Q5"
# P31 classes kept besides humans, with their Herald kind and PLOVER sector.
CLASSES: dict[str, tuple[str, str | None]] = {
    "Q7278": ("group", "PTY"),  # political party
    "Q17149090": ("group", "REB"),  # armed organization
    "Q327333": ("organization", "GOV"),  # government agency
    "Q484652": ("organization", None),  # international organization
    "Q245065": ("organization", "GOV"),  # intergovernmental organization
}
IGO_CLASSES = frozenset({"Q484652", "Q245065"})


def entities(path: Path) -> Iterator[dict[str, Any]]:
    """Each entity of a dump (``.json.bz2``, ``.json.gz`` or plain ``.json``), one line at a time."""
    opener: Any = bz2.open if path.suffix == ".bz2" else gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip().rstrip(",")
            if not line or line in ("[", "]"):
                continue
            yield json.loads(line)


def _ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for st in entity.get("claims", {}).get(prop, []):
        if st.get("rank") == "deprecated":
            continue
        value = st.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            out.append(value["id"])
    return out


def _time(qualifiers: dict[str, Any], prop: str) -> str | None:
    for q in qualifiers.get(prop, []):
        value = q.get("datavalue", {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("time"), str):
            return iso_day(value["time"])
    return None


def _label(entity: dict[str, Any]) -> str | None:
    en = entity.get("labels", {}).get("en")
    return en.get("value") if isinstance(en, dict) else None


def _aliases(entity: dict[str, Any]) -> list[str]:
    return [
        a["value"] for a in entity.get("aliases", {}).get("en", []) if isinstance(a, dict) and a.get("value")
    ]


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


class Writer:
    """Gzip'd TSV rows written as they come (the bulk index does not need them sorted)."""

    def __init__(self, path: Path, columns: tuple[str, ...]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.raw = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.gz = gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0)
        self.text: IO[str] = io.TextIOWrapper(self.gz, encoding="utf-8", newline="\n")
        self.text.write("\t".join(columns) + "\n")
        self.rows = 0

    def write(self, cells: list[str]) -> None:
        self.text.write("\t".join(_clean(c) if "|" not in c else c for c in cells) + "\n")
        self.rows += 1

    def close(self) -> None:
        self.text.close()
        self.raw.close()


def countries() -> dict[str, str]:
    """Wikidata id of each state of Herald's KB -> its PLOVER country code."""
    return {e.wikidata: e.country for e in load_kb() if e.kind == "state" and e.wikidata and e.country}


def first_pass(
    dump: Path, actors: Writer, spells: Writer, classes: dict[str, tuple[str, str | None]]
) -> set[str]:
    states = countries()
    positions: set[str] = set()
    for ent in entities(dump):
        if ent.get("type") != "item" or not isinstance(ent.get("id"), str):
            continue
        qid, name = ent["id"], _label(ent)
        if not name:
            continue
        p31 = set(_ids(ent, "P31"))
        if HUMAN in p31:
            held = ent.get("claims", {}).get("P39", [])
            if not held and not _ids(ent, "P102"):
                continue
            kind, sector = "person", None
            country = next((states[c] for c in _ids(ent, "P27") if c in states), None)
            for st in held:
                if st.get("rank") == "deprecated":
                    continue
                value = st.get("mainsnak", {}).get("datavalue", {}).get("value")
                if not isinstance(value, dict) or not isinstance(value.get("id"), str):
                    continue
                quals = st.get("qualifiers", {})
                positions.add(value["id"])
                spells.write(
                    [qid, "", "", _time(quals, "P580") or "", _time(quals, "P582") or "", value["id"]]
                )
            if _ids(ent, "P102") and not held:
                sector = "PTY"
        else:
            hit = next((c for c in sorted(p31) if c in classes), None)
            if hit is None:
                continue
            kind, sector = classes[hit]
            country = next((states[c] for c in _ids(ent, "P17") if c in states), None)
            if hit in IGO_CLASSES:
                country = "IGO"
        aliases = sorted({_clean(a) for a in _aliases(ent) if _clean(a) and _clean(a) != _clean(name)})
        actors.write(
            [qid, kind, name, country or "", sector or "", sector or "", qid, "1", "|".join(aliases), ""]
        )
    return positions


def second_pass(dump: Path, positions: set[str]) -> dict[str, tuple[str, str | None]]:
    """Label and jurisdiction (PLOVER code) of each position id seen in the first pass."""
    states = countries()
    out: dict[str, tuple[str, str | None]] = {}
    for ent in entities(dump):
        qid = ent.get("id")
        if qid not in positions:
            continue
        label = _label(ent) or qid
        where = _ids(ent, "P1001") + _ids(ent, "P17")
        out[qid] = (label, next((states[c] for c in where if c in states), None))
    return out


def rewrite_spells(path: Path, roles: dict[str, tuple[str, str | None]]) -> None:
    """Put each position's label, country and sector into the spells file (streamed, bounded memory)."""
    tmp = path.with_suffix(".tmp")
    out = Writer(tmp, SPELL_COLUMNS)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            key, country, sector, start, end, role = line.rstrip("\n").split("\t")
            label, where = roles.get(role, (role, None))
            out.write([key, country or where or "", sector or office_sector(label), start, end, label])
    out.close()
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path, help="latest-all.json.bz2 (or .json.gz / .json)")
    ap.add_argument(
        "--out", type=Path, required=True, help="folder for the table (e.g. $HERALD_HOME/actors/bulk)"
    )
    ap.add_argument("--name", default="wikidata", help="table name (default: wikidata)")
    ap.add_argument(
        "--class", dest="extra", action="append", default=[], help="extra P31 class: QID:kind:SECTOR"
    )
    ap.add_argument("--one-pass", action="store_true", help="skip the position-label pass")
    args = ap.parse_args(argv)
    classes = dict(CLASSES)
    for spec in args.extra:
        qid, kind, sector = [*spec.split(":"), "", ""][:3]
        classes[qid] = (kind or "organization", sector or None)
    actors = Writer(args.out / f"{args.name}.tsv.gz", ACTOR_COLUMNS)
    spells_path = args.out / f"{args.name}.spells.tsv.gz"
    spells = Writer(spells_path, SPELL_COLUMNS)
    positions = first_pass(args.dump, actors, spells, classes)
    actors.close()
    spells.close()
    roles = {} if args.one_pass else second_pass(args.dump, positions)
    rewrite_spells(spells_path, roles)
    print(f"{actors.rows} actors, {spells.rows} position spells, {len(positions)} positions -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
