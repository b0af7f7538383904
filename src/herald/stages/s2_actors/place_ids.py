"""Wikidata ids for places, so a place mention links like an actor mention.

- Countries carry their state's id from the actor KB (each confirmed by two public tables,
  docs/quality-actors-kb.md): a place "Syria" (GeoNames 163843) and the actor "Syria" link to Q858.
- First-level divisions, capitals and towns of 100k+ people carry the id of the shipped table
  ``data/actors/places/wikidata.tsv.gz`` (built by ``tools/kb/build_place_ids.py`` from the pinned
  dr5hn/countries-states-cities-database, ODbL; see ``data/actors/bulk/SOURCES.md``). A division matches by
  country + name; a town by country + name + a row within 30 km of the gazetteer's point. A name with two
  different ids there stays without one: no id is better than a wrong one.
- A place that is part of another name gets no id: one the places stage marks ``embedded`` ("Florida" of
  "Florida State"), or one with a capitalised word glued to it inside the sentence ("H Texas", "Louisiana
  Alligator Advisory Council"): the mention names a magazine or a council, not the place. Countries keep
  their id ("Syria's armed opposition").
- A place that stands for a sports team in a sports report gets none ("Samoa beat Tonga 24-16", "Alabama's
  defense"): see ``sports_teams.py``.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Doc

from ...knowledge import shipped, user_paths
from ...schema import Place
from .kb import load_kb
from .sports_teams import is_team_place

COLUMNS = ("kind", "country", "name", "lat", "lon", "wikidata")
MAX_TOWN_KM = 30.0
# Words that one source puts in a division's name and the other leaves out ("Punjab Province").
_GENERIC = frozenset(
    {
        "province", "state", "region", "governorate", "oblast", "prefecture", "department", "county",
        "district", "krai", "kray", "voivodeship", "municipality", "city", "of", "the", "republic",
    }
)  # fmt: skip
_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=8192)
def place_key(name: str) -> str:
    """Case-, accent- and punctuation-free form of a place name without generic words ("Punjab Province" ->
    "punjab"); the whole name when it is nothing but generic words."""
    flat = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = _NON_WORD.sub(" ", flat).split()
    kept = [w for w in words if w not in _GENERIC]
    return " ".join(kept or words)


@functools.lru_cache(maxsize=1)
def country_ids() -> dict[str, str]:
    """PLOVER/ISO alpha-3 country code -> Wikidata id of the state."""
    return {e.country: e.wikidata for e in load_kb() if e.kind == "state" and e.country and e.wikidata}


def _table_paths() -> list[Path]:
    """The shipped table, then users' own of the same shape under ``$HERALD_HOME/actors/places/``."""
    rel = "actors/places/wikidata.tsv.gz"
    return [Path(str(shipped(rel))), *user_paths(rel)]


@functools.lru_cache(maxsize=1)
def place_table() -> dict[tuple[str, str, str], list[tuple[float, float, str]]]:
    """(kind, alpha-3, place_key) -> [(lat, lon, wikidata)] of the shipped table (a few thousand rows)."""
    out: dict[tuple[str, str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for path in _table_paths():
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            next(fh, None)
            for line in fh:
                kind, country, name, lat, lon, qid = line.rstrip("\n").split("\t")
                out[(kind, country, place_key(name))].append((float(lat or 0), float(lon or 0), qid))
    return dict(out)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def place_wikidata(p: Place) -> str | None:
    """The Wikidata id of a resolved place, or None (unknown, or two ids for its name)."""
    if not p.country:
        return None
    if p.resolution == "country":
        return country_ids().get(p.country)
    table = place_table()
    if p.resolution == "admin1":
        rows = table.get(("admin1", p.country, place_key(p.admin1 or p.name or p.text)), [])
    elif p.resolution == "city" and p.lat is not None and p.lon is not None:
        here = (p.lat, p.lon)
        rows = [
            r
            for r in table.get(("city", p.country, place_key(p.name or p.text)), [])
            if _km(here, (r[0], r[1])) <= MAX_TOWN_KM
        ]
    else:
        return None
    qids = {r[2] for r in rows}
    return qids.pop() if len(qids) == 1 else None


@functools.lru_cache(maxsize=1)
def _role_words() -> frozenset[tuple[str, ...]]:
    """One-word office and agent phrases ("governor", "police") of the shipped agents table."""
    from .bulk_link import Agents
    from .kb_index import shipped_folder

    return frozenset(p for p in Agents.load(shipped_folder() / "agents.tsv.gz").phrases if len(p) == 1)


def _inside_name(p: Place, doc: Doc | None) -> bool:
    """The place is glued to a capitalised word of the same name ("H Texas", "Texas Alligator Council")."""
    if p.embedded:
        return True
    if doc is None:
        return False
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    glued_before = (
        before is not None
        and not span[0].is_sent_start
        and not before.is_sent_start  # "In Texas, ..."
        and before.is_title
        and before.is_alpha
        and not before.is_stop
        and before.ent_type_ not in ("GPE", "LOC")
    )
    glued_after = (
        after is not None
        and after.is_title
        and after.is_alpha
        and span[-1].whitespace_ == " "
        and after.ent_type_ not in ("GPE", "LOC")
        and not after.is_sent_start
        and (after.lower_,) not in _role_words()  # "Texas Governor Greg Abbott": the place's governor
    )
    return glued_before or glued_after


def add_wikidata(places: list[Place], doc: Doc | None = None) -> list[Place]:
    """Set ``wikidata`` on each country, first-level division and known town (in place); with the Doc, a
    division or town inside another name gets none."""
    for p in places:
        if p.wikidata is None:
            qid = place_wikidata(p)
            if qid is None or (doc is not None and is_team_place(doc, p.start, p.end)):
                continue  # "Samoa beat Tonga", "Alabama's defense": a team, not the place
            if p.resolution == "country" or not _inside_name(p, doc):
                p.wikidata = qid
    return places
