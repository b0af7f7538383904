"""Bulk tables of organisations and people beyond politics (called by build_bulk.py).

- nsi: the OpenStreetMap name-suggestion-index (npm package ``name-suggestion-index``, BSD-3-Clause): brands
  (firms, banks, chains, media shops) and operators (government agencies, police and fire services, councils,
  utilities, universities, hospitals, transport companies) with their Wikidata ids, English labels and
  descriptions, and the countries they operate in. Places (an operator that is a city or a state) and single
  schools are left out; the sector comes from the category and the Wikidata description.
- uscongress: the current US Congress (unitedstates/congress-legislators, CC0): every member with Wikidata id,
  name variants and dated House and Senate terms.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import yaml

from herald.stages.s2_actors.bulk_format import (
    BulkActor,
    Spell,
    norm_name,
    read_actors,
    tables,
    validate,
    validate_spell,
)

NSI = "npm+name-suggestion-index"
CONGRESS = "unitedstates+congress-legislators"

# OSM category (after brands/ or operators/) -> PLOVER sector; the first matching prefix wins.
_CATEGORY_SECTOR = (
    ("amenity/police", "COP"),
    ("amenity/prison", "COP"),
    ("amenity/courthouse", "JUD"),
    ("landuse/military", "MIL"),
    ("military/", "MIL"),
    ("amenity/university", "EDU"),
    ("amenity/college", "EDU"),
    ("amenity/school", "EDU"),
    ("amenity/kindergarten", "EDU"),
    ("amenity/library", "EDU"),
    ("amenity/hospital", "MED"),
    ("amenity/clinic", "MED"),
    ("amenity/doctors", "MED"),
    ("healthcare/", "MED"),
    ("emergency/ambulance_station", "MED"),
    ("office/government", "GOV"),
    ("amenity/fire_station", "GOV"),
    ("amenity/townhall", "GOV"),
    ("office/political_party", "PTY"),
    ("office/union", "LAB"),
    ("amenity/place_of_worship", "REL"),
)
# Wikidata description words that settle the sector whatever the category ("municipal police" runs parks too).
_DESCRIPTION_SECTOR = (
    (re.compile(r"\b(police|sheriff|constabulary|law enforcement|gendarmerie)\b", re.I), "COP"),
    (re.compile(r"\b(army|air force|navy|armed forces|military)\b", re.I), "MIL"),
    (re.compile(r"\b(court|judiciary)\b", re.I), "JUD"),
    (
        re.compile(
            r"\b(newspaper|broadcaster|news agency|(television|radio) (network|channel|station)|"
            r"media company)\b",
            re.I,
        ),
        "JRN",
    ),
    (
        re.compile(
            r"\b(administrative body|self-government|local government|municipal government|local authority|"
            r"city council|county council|borough council|district council|government agency|"
            r"government organization|executive agency|public body|agency of|ministry|department of)\b",
            re.I,
        ),
        "GOV",
    ),
    (re.compile(r"\b(university|college|school district|educational)\b", re.I), "EDU"),
    (re.compile(r"\b(hospital|health system|health board|health service)\b", re.I), "MED"),
    (re.compile(r"\b(council)\b", re.I), "GOV"),
    (re.compile(r"\b(nonprofit|non-profit|charity|charitable|foundation|NGO)\b", re.I), "CVL"),
    (re.compile(r"\b(trade union|labor union|labour union)\b", re.I), "LAB"),
)
# Operators that are places, flags or single buildings, not organisations that act in the news.
_NOT_AN_ACTOR = re.compile(
    r"^(city|town|village|hamlet|municipality|commune|country|sovereign state|state of|province|prefecture|"
    r"county|borough|capital|island|region|district of|federal state|census-designated|unincorporated|"
    r"human settlement|national flag|flag|[A-Z][a-z]+ school$|school in|public school|primary school|"
    r"secondary school|high school|elementary school|building|park|street|road|river|lake|mountain|"
    r"Filipino school district)\b",
    re.I,
)
_M49_WORLD = re.compile(r"^\d{3}$")  # "001" world, "150" Europe...


def _alpha3(code: str) -> str | None:
    code = code.lower().removesuffix(".geojson").split("-")[0]
    if code in ("xk", "kv"):
        return "XKX"
    c = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return c.alpha_3 if c is not None else None


def _countries(location: dict[str, list[str]]) -> set[str | None]:
    """Countries of a locationSet: alpha-3 codes, None for a continent or the world."""
    out: set[str | None] = set()
    for code in location.get("include", []):
        code = str(code)
        out.add(None if _M49_WORLD.match(code) else _alpha3(code))
    return out


def _sector(category: str, description: str, brand: bool) -> str:
    for pattern, sector in _DESCRIPTION_SECTOR:
        if pattern.search(description):
            return sector
    for prefix, sector in _CATEGORY_SECTOR:
        if category.startswith(prefix):
            return sector
    return "BUS" if brand else "GOV" if "government" in description.lower() else "BUS"


def nsi(src: Path, valid: set[str]) -> list[BulkActor]:
    """Brands and operators with a Wikidata id (see the module's docstring)."""
    base = src / NSI
    index = json.loads((base / "dist" / "json" / "nsi.json").read_text(encoding="utf-8"))["nsi"]
    labels = json.loads((base / "dist" / "wikidata" / "wikidata.json").read_text(encoding="utf-8"))[
        "wikidata"
    ]
    names: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str | None]] = defaultdict(set)
    category: dict[str, tuple[str, bool]] = {}
    uses: dict[str, int] = defaultdict(int)
    for path, group in sorted(index.items()):
        top, _, cat = path.partition("/")
        if top not in ("brands", "operators", "transit"):
            continue  # flags
        for item in group["items"]:
            tags = item.get("tags", {})
            for role in ("brand", "operator"):
                qid = tags.get(f"{role}:wikidata")
                if not qid or (top == "transit" and role == "brand"):
                    continue
                for k in (role, f"{role}:en", "name:en" if role == "brand" else ""):
                    if k and tags.get(k) and re.search(r"[A-Za-z]", tags[k]):
                        names[qid].add(tags[k])
                countries[qid] |= _countries(item.get("locationSet", {}))
                category.setdefault(qid, (cat, role == "brand"))
                uses[qid] += 1
    out = []
    for qid, forms in sorted(names.items()):
        info = labels.get(qid, {})
        label, desc = str(info.get("label") or ""), str(info.get("description") or "")
        if _NOT_AN_ACTOR.match(desc) or not re.search(r"[A-Za-z]", label or "x"):
            continue
        name = label if label and re.search(r"[A-Za-z]", label) else sorted(forms)[0]
        iso = {c for c in countries[qid] if c in valid}
        cat, brand = category[qid]
        sector = _sector(cat, desc, brand)
        one = next(iter(iso)) if len(iso) == 1 and None not in countries[qid] else None
        country = one or ("MNC" if sector == "BUS" and (len(iso) > 1 or None in countries[qid]) else None)
        aliases = [f for f in forms if f != name and len(f) >= 3]
        # prominence: how many countries and OSM categories it appears in
        prominence = len(iso) + uses[qid]
        out.append(
            validate(
                BulkActor(
                    f"nsi:{qid}", "organization", name, country, sector, [sector], qid, prominence, aliases
                ),
                f"nsi:{qid}",
            )
        )
    return out


def uscongress(src: Path) -> tuple[list[BulkActor], list[Spell]]:
    """Members of the current US Congress with their dated terms (LEG), Wikidata ids and name variants."""
    path = src / CONGRESS / "legislators-current.yaml"
    people = yaml.safe_load(path.read_text(encoding="utf-8"))
    actors, spells = [], []
    for p in people:
        ids, n = p.get("id", {}), p.get("name", {})
        first, last = str(n.get("first", "")), str(n.get("last", ""))
        if not first or not last:
            continue
        full = str(n.get("official_full") or f"{first} {last}")
        forms = {f"{first} {last}", full}
        if n.get("nickname"):
            forms.add(f"{n['nickname']} {last}")
        if n.get("middle"):
            forms.add(f"{first} {n['middle']} {last}")
        key = f"usc:{ids['bioguide']}"
        qid = ids.get("wikidata")
        terms = p.get("terms", [])
        for t in terms:
            spells.append(
                validate_spell(Spell(key, "USA", "LEG", str(t["start"]), str(t["end"]), "legislator"), key)
            )
        # no one-word surnames: "Keating" in a story about a soldier is not the congressman; a surname after
        # the full name in the same article still joins the member (the actors stage's surname rule)
        member = BulkActor(
            key, "person", full, "USA", "LEG", ["LEG"], qid, len(terms), sorted(forms - {full})
        )
        actors.append(validate(member, key))
    return actors, spells


_POSSESSIVE = re.compile(r"['’]s$")


def common_names(folder: Path) -> list[str]:
    """One-word organisation names of the bulk tables that are also English words ("Target", "Next",
    "Shell"), and possessive names of English words ("Church's"): the linker links them only with the
    article's support. The word list is Webster's Second
    (the ``english-words`` package's ``web2``, MIT), used at build time only."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=True)
    nouns = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}  # no proper names
    out: set[str] = set()
    for apath, _spells in tables(folder):
        for a in read_actors(apath):
            if a.kind == "person":
                continue
            for form in (a.name, *a.aliases):
                key = norm_name(form)
                if key and " " not in key and key in words:
                    out.add(key)
                # "Church's" (a firm) is also a common noun's possessive: "the Church's members"
                stem = _POSSESSIVE.sub("", form)
                if key and " " not in key and stem != form and norm_name(stem) in nouns:
                    out.add(key)
    return sorted(out)


def write_common_names(folder: Path, names: list[str]) -> Path:
    path = folder / "common_names.txt.gz"
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(("".join(f"{n}\n" for n in names)).encode("utf-8"))
    return path
