"""Build the bulk actor tables (src/herald/data/actors/bulk/) from local copies of pinned open sources.

    python tools/kb/export_sources.py --clones ~/src --out /tmp/kb-sources   # once, from git clones
    python tools/kb/build_bulk.py --sources /tmp/kb-sources                  # writes the tables + SOURCES.md

Reads only the files listed in tools/kb/bulk_sources.yaml; fetches nothing. Output is sorted and gzip'd with a
zero timestamp: the same inputs give byte-identical files. Tables:

- phoenix: Phoenix (PETRARCH-2) country actors (people with dated CAMEO roles, national organs),
  international actors (IGOs, NGOs, firms and their officials) and non-state armed groups; CAMEO codes ->
  PLOVER country + sector;
- partyfacts: political parties with Wikidata ids (sector PTY);
- supraverden: international organisations with Wikidata ids (CC BY-SA 4.0, shipped under that licence);
- ucdp: UCDP conflict actors (governments, rebel groups, militias);
- everypolitician: legislators (sector LEG while in a term) with Wikidata ids where the source gives one;
- ngec-agents: office/agent phrases -> PLOVER sector (the "agents" table: phrase, sector);
- nsi: brands and operators (firms, agencies, police, councils, universities...) of the OpenStreetMap
  name-suggestion-index with Wikidata ids (bulk_general.py);
- uscongress: the current US Congress with dated terms and Wikidata ids (bulk_general.py).

``--only nsi,uscongress`` rebuilds just those tables (the others keep their files and SOURCES.md counts).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pycountry
import yaml

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

import build_place_ids  # noqa: E402
import bulk_general  # noqa: E402

from herald.stages.s2_actors.bulk_format import (  # noqa: E402
    BulkActor,
    Spell,
    norm_name,
    validate,
    validate_spell,
    write_table,
)
from herald.stages.s2_actors.kb import load_kb  # noqa: E402

OUT = ROOT / "src" / "herald" / "data" / "actors" / "bulk"

# --- CAMEO -> PLOVER -------------------------------------------------------------------------------------
# CAMEO sector codes and their PLOVER sector (CAMEO MED is the media = PLOVER JRN; CAMEO HLH is health = MED).
CAMEO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "OPP": "OPP", "PTY": "PTY", "COP": "COP", "JUD": "JUD",
    "LEG": "LEG", "ELI": "ELI", "BUS": "BUS", "MED": "JRN", "HLH": "MED", "EDU": "EDU", "LAB": "LAB",
    "AGR": "AGR", "REF": "REF", "REL": "REL", "CVL": "CVL", "SPY": "SPY", "UAF": "UAF", "CRM": "CRM",
    "INS": "REB", "SEP": "REB", "SET": "CVL", "MOD": None, "RAD": None,
}  # fmt: skip
# CAMEO country codes that are not ISO alpha-3 (or not the same country).
CAMEO_COUNTRY = {"ROM": "ROU", "ZAR": "COD", "KOS": "XKX", "TMP": "TLS", "BUR": "MMR", "SER": "SRB"}
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "ISM", "UNO", "EUR"}
# Words that make a Phoenix entry a role or a description, not a name ("AMERICAN_VICE_PRESIDENT").
ROLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "leader",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "ambassador",
        "envoy",
        "general",
        "commander",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "mr",
        "mrs",
        "ms",
        "dr",
        "senator",
        "governor",
        "mayor",
        "administration",
        "government",
        "regime",
        "forces",
        "troops",
        "police",
        "army",
        "officer",
        "officers",
        "delegation",
    ]
)
TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "president",
        "senator",
        "general",
        "gen",
        "prime",
        "minister",
        "king",
        "queen",
        "the",
    ]
)
STATE_WORDS = frozenset(["government", "state", "republic", "kingdom"])


def _states() -> dict[str, str]:
    """PLOVER country codes the KB knows -> name."""
    return {e.country: e.name for e in load_kb() if e.kind == "state" and e.country}


def _curated_names() -> set[str]:
    """Every name and alias of the hand-curated KB (looked up form)."""
    out = set()
    for e in load_kb():
        for n in [e.name, *e.aliases, *e.demonyms, *e.seats, *([e.capital] if e.capital else [])]:
            out.add(norm_name(n))
    return out


def cameo(code: str, valid: set[str]) -> tuple[str | None, list[str]]:
    """A CAMEO actor code ("AFGGOVAGR", "IGOUNOMED") -> (PLOVER country or None, PLOVER sectors)."""
    code = code.lstrip("~")
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, []
    first = CAMEO_COUNTRY.get(chunks[0], chunks[0])
    country: str | None = first if first in valid else None
    rest = chunks[1:]
    if first == "IGO":
        country = "UNO" if "UNO" in rest else "EUR" if "EEC" in rest else "IGO"
    elif first in ("NGO", "MNC", "IMG"):
        country = first
    elif first in CAMEO_SECTOR and first not in valid:
        rest = chunks  # an agent-only code ("~GOV")
    sectors = []
    for c in rest:
        s = CAMEO_SECTOR.get(c)
        if s and s not in sectors:
            sectors.append(s)
    if first == "MNC" and "BUS" not in sectors:
        sectors.append("BUS")
    return country, sectors


_CODE = re.compile(r"\[([~A-Z]+)(?:\s+([<>]?)(\d{6,8})(?:\s*-\s*(\d{6,8}))?)?\s*\]")


def _day(raw: str) -> str | None:
    """TABARI dates: YYMMDD (YY <= 20 is 20YY) or YYYYMMDD -> ISO; None for a malformed date."""
    if len(raw) not in (6, 8):
        return None
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{2000 + yy if yy <= 20 else 1900 + yy}{raw[2:]}"
    mm, dd = raw[4:6], raw[6:8]
    mm = mm if "01" <= mm <= "12" else "01"
    dd = dd if "01" <= dd <= "31" else "01"
    return f"{raw[:4]}-{mm}-{dd}"


def _display(token: str) -> str:
    """ "BARACK_OBAMA_" -> "Barack Obama"; acronyms in parentheses are dropped (returned as aliases)."""
    text = re.sub(r"\([^)]*\)", " ", token).replace("_", " ")
    words = []
    for w in text.split():
        parts = re.split(r"([-'.])", w.lower())
        words.append("".join(p.capitalize() if p.isalpha() else p for p in parts))
    return " ".join(words)


def _acronyms(token: str) -> list[str]:
    return [a for a in re.findall(r"\(([A-Z][A-Z0-9-]{2,9})\)", token)]


def _phoenix_blocks(text: str) -> Iterator[tuple[str, list[str], list[str], bool]]:
    """(primary token, alias tokens, code strings, CountryInfo-sourced) of each TABARI entry."""
    primary: str | None = None
    aliases: list[str] = []
    codes: list[str] = []
    info = False
    for raw in text.splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        if raw[0] in " \t":
            codes += [m.group(0) for m in _CODE.finditer(line)]
            continue
        if line.startswith("+"):
            if primary is not None:
                aliases.append(line[1:].split()[0] if line[1:].split() else "")
                codes += [m.group(0) for m in _CODE.finditer(line)]
            continue
        if primary is not None:
            yield primary, aliases, codes, info
        parts = line.split()
        primary, aliases, info = parts[0], [], "CountryInfo" in comment
        codes = [m.group(0) for m in _CODE.finditer(line)]
    if primary is not None:
        yield primary, aliases, codes, info


def _is_person_name(name: str) -> bool:
    words = norm_name(name).split()
    return 1 <= len(words) <= 6 and not (set(words) & ROLE_WORDS)


def phoenix(src: Path, valid: set[str]) -> tuple[list[BulkActor], list[Spell]]:
    curated = _curated_names()
    base = src / "openeventdata+petrarch2" / "petrarch2" / "data" / "dictionaries"
    actors: dict[str, BulkActor] = {}
    spells: list[Spell] = []
    for fname, default_kind in (
        ("Phoenix.Countries.actors.txt", "country"),
        ("Phoenix.International.actors.txt", "international"),
        ("Phoenix.MilNonState.actors.txt", "group"),
    ):
        text = (base / fname).read_text(encoding="utf-8", errors="replace")
        for primary, alias_tokens, codes, info in _phoenix_blocks(text):
            if not codes:
                continue
            name = _display(primary)
            if len(norm_name(name)) < 3 or norm_name(name) in curated:
                continue  # the hand-curated KB is authoritative for the names it has
            parsed = []
            for c in codes:
                m = _CODE.match(c)
                if m is None:
                    continue
                country, sectors = cameo(m.group(1), valid)
                lo = hi = None
                if m.group(3):
                    if m.group(2) == ">":
                        lo = _day(m.group(3))
                    elif m.group(2) == "<":
                        hi = _day(m.group(3))
                    else:
                        lo = _day(m.group(3))
                        hi = _day(m.group(4)) if m.group(4) else None
                parsed.append((country, sectors, lo, hi, bool(m.group(3))))
            dated = any(p[4] for p in parsed)
            if default_kind == "group":
                kind = "group"
            elif dated or info:
                kind = "person"
            else:
                kind = "organization"
            # The default (undated) code, else the latest spell's, is the entry's country and sector.
            undated = [p for p in parsed if not p[4]]
            main = undated[-1] if undated else max(parsed, key=lambda p: p[2] or p[3] or "")
            country, sectors = main[0], main[1]
            if country is None and all(p[0] is None for p in parsed) and kind != "group":
                continue  # a region or an agent-only code: not an actor we can place
            country = country or next((p[0] for p in parsed if p[0]), None)
            if kind == "organization" and not sectors:
                continue  # a country, region or city name (the states KB and the gazetteer cover those)
            if kind == "person" and (not _is_person_name(name) or not any(p[1] for p in parsed)):
                continue
            if kind == "organization" and norm_name(name).split()[-1] in ROLE_WORDS - {"police", "army"}:
                continue  # a role phrase ("American Vice President"): the role lexicon's business
            if kind == "group" and not sectors:
                sectors = ["REB"]
            aliases: list[str] = []
            surnames: list[str] = []
            for tok in alias_tokens:
                a = _display(tok)
                words = norm_name(a).split()
                if not words or set(words) & (TITLE_WORDS | ROLE_WORDS):
                    continue  # "President Obama", "the Obama administration": roles, not names
                if kind == "person" and len(words) == 1:
                    surnames.append(a)
                elif len(norm_name(a)) >= 3:
                    aliases.append(a)
                aliases += _acronyms(tok)
            aliases += _acronyms(primary)
            if kind == "person" and len(norm_name(name).split()) == 1:
                surnames.append(name)  # a one-word primary name ("Virgilio") needs context too
            key = "phx:" + norm_name(name).replace(" ", "-")
            if key in actors:
                continue  # first entry wins (the files list the best-known spelling first)
            prominence = len(aliases) + len(surnames) + 2 * sum(1 for p in parsed if "GOV" in p[1])
            actors[key] = BulkActor(
                key=key,
                kind=kind,
                name=name,
                country=country,
                sector=sectors[0] if sectors else None,
                sectors=sectors,
                prominence=prominence,
                aliases=aliases,
                surnames=surnames,
            )
            for c, secs, lo, hi, has_date in parsed:
                if has_date:
                    spells.append(Spell(key, c, secs[0] if secs else None, lo, hi))
                elif dated:
                    # the default code holds outside the dated spells (e.g. ELI after leaving office)
                    spells.append(Spell(key, c, secs[0] if secs else None, None, None, "default"))
    return [validate(a, a.key) for a in actors.values()], [validate_spell(s, s.key) for s in spells]


def _alpha3(code: str) -> str | None:
    if code in ("XK", "KV"):
        return "XKX"
    c = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if c is None and len(code) == 3:
        c = pycountry.countries.get(alpha_3=code.upper())
    return c.alpha_3 if c is not None else None


def partyfacts(src: Path, valid: set[str]) -> list[BulkActor]:
    path = src / "hdigital+partyfactsdata" / "import" / "wikipedia" / "wikidata.csv"
    out: dict[str, BulkActor] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            country = row["country"] if row["country"] in valid else CAMEO_COUNTRY.get(row["country"])
            qid = row["wikidata_id"].strip() or None
            name = row["name"].strip()
            if not name:
                continue
            aliases = [a for a in (row["name_short"], row["name_native"]) if a and len(a.strip()) >= 3]
            key = f"pf:{row['partyfacts_id']}"
            out[key] = BulkActor(
                key, "group", name, country, "PTY", ["PTY"], qid, 1, [a.strip() for a in aliases]
            )
    return [validate(a, a.key) for a in out.values()]


def supraverden(src: Path) -> list[BulkActor]:
    path = src / "confirmordeny+supraverden" / "data" / "general_list.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for label, item in data.items():
        if not isinstance(item, dict) or not item.get("SPRVD_id"):
            continue
        name = str(item.get("Name_en") or label)
        qid = str(item.get("Wikidata_code") or "")
        qid = qid if re.match(r"^Q[1-9][0-9]*$", qid) else None
        aliases = [
            str(item[k])
            for k in ("Abbreviation_en", "Name_other_en", "Name_other_2_en", "Name_other_3_en")
            if item.get(k) and isinstance(item[k], str | int)
        ]
        if label != name:
            aliases.append(str(label))
        country = (
            "EUR"
            if item.get("Country") == "EU"
            else "UNO"
            if "United Nations" in str(item.get("Org_family", ""))
            else "IGO"
        )
        out.append(
            BulkActor(
                f"sv:{item['SPRVD_id']}", "organization", name, country, "GOV", ["GOV"], qid, 1, aliases
            )
        )
    return [validate(a, a.key) for a in out]


_GW_ISO: dict[int, str] = {}


def ucdp(src: Path, valid: set[str], names: dict[str, str]) -> list[BulkActor]:
    path = src / "skytheacademic+who_keeps_the_peace" / "data" / "ucdp_ged" / "ucdp-actor-221.csv"
    by_name = {norm_name(n): c for c, n in names.items()}
    by_name.update({norm_name(k): v for k, v in _UCDP_NAMES.items()})
    out = []
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            name = row["NameData"].strip()
            org = row["Org"].strip()  # 1 rebel/non-state, 4 government, 2-3 militias/ethnic groups
            locs = [x.strip() for x in re.split(r",(?![^()]*\))", row["Location"]) if x.strip()]
            country = None
            if org == "4" and name.startswith("Government of "):
                country = by_name.get(norm_name(re.sub(r"\s*\(.*\)", "", name[len("Government of ") :])))
                if country is None:
                    continue  # historical or sub-national governments (Hyderabad, South Vietnam)
                # "Government of X" is the state's government: the states KB covers it; keep the long form.
                kind, sector = "organization", "GOV"
            else:
                kind, sector = "group", "REB" if org == "1" else "UAF"
                if len(locs) == 1:
                    country = by_name.get(norm_name(re.sub(r"\s*\(.*\)", "", locs[0])))
            aliases = (
                [row["NameOrigFullEng"].strip()] if row["NameOrigFullEng"].strip() not in ("", "n/a") else []
            )
            out.append(
                BulkActor(f"ucdp:{row['ActorId']}", kind, name, country, sector, [sector], None, 1, aliases)
            )
    return [validate(a, a.key) for a in out]


# UCDP country names that differ from the KB's state names.
_UCDP_NAMES = {
    "United States of America": "USA", "Russia (Soviet Union)": "RUS", "Myanmar (Burma)": "MMR",
    "DR Congo (Zaire)": "COD", "Yemen (North Yemen)": "YEM", "Serbia (Yugoslavia)": "SRB",
    "Cambodia (Kampuchea)": "KHM", "Ivory Coast": "CIV", "Zimbabwe (Rhodesia)": "ZWE",
    "Madagascar (Malagasy)": "MDG", "Bosnia-Herzegovina": "BIH", "Vietnam (North Vietnam)": "VNM",
    "Macedonia, FYR": "MKD", "Iran": "IRN", "Syria": "SYR", "Laos": "LAO", "Tanzania": "TZA",
}  # fmt: skip


def everypolitician(src: Path, valid: set[str]) -> tuple[list[BulkActor], list[Spell]]:
    base = src / "tijmenb+everypolitician-data"
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    actors: dict[str, BulkActor] = {}
    spells: set[Spell] = set()
    for c in countries:
        iso = _alpha3(str(c.get("code", "")).split("-")[0])
        if iso is None or iso not in valid or "-" in str(c.get("code", "")):
            continue  # sub-national legislatures (Abkhazia, Aland, Alderney...) are not states
        for leg in c.get("legislatures", []):
            path = base / leg["popolo"]
            if not path.exists():
                continue  # a blob the partial clone lacks (recorded in SOURCES.md)
            data = json.loads(path.read_text(encoding="utf-8"))
            terms = {
                e["id"]: e for e in data.get("events", []) if e.get("classification") == "legislative period"
            }
            members: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
            for m in data.get("memberships", []):
                t = terms.get(m.get("legislative_period_id", ""), {})
                members[m["person_id"]].append(
                    (m.get("start_date") or t.get("start_date"), m.get("end_date") or t.get("end_date"))
                )
            for p in data.get("persons", []):
                name = p.get("name", "").strip()
                if not name or not re.search(r"[A-Za-z]", name) or len(name.split()) < 2:
                    continue
                listed = _listing_name(name, p.get("given_name"), p.get("family_name"))
                qid = next(
                    (i["identifier"] for i in p.get("identifiers", []) if i.get("scheme") == "wikidata"), None
                )
                key = f"ep:{qid}" if qid else f"ep:{iso}:{p['id']}"
                aliases = [
                    o["name"]
                    for o in p.get("other_names", [])
                    if str(o.get("lang", "en")).startswith("en") and re.fullmatch(r"[\w .'\-]+", o["name"])
                ]
                if (
                    listed is not None
                ):  # "PASTORINO Luca" -> "Luca Pastorino" (the listing form stays an alias)
                    name, aliases = listed, [*aliases, name]
                a = actors.get(key)
                if a is None:
                    a = actors[key] = BulkActor(key, "person", name, iso, "LEG", ["LEG"], qid, 0, aliases)
                a.prominence += 1
                for lo, hi in members.get(p["id"], []):
                    spells.add(Spell(key, iso, "LEG", _iso(lo), _iso(hi), "legislator"))
    return [validate(a, a.key) for a in actors.values()], [validate_spell(s, s.key) for s in spells]


def _listing_name(name: str, given: object, family: object) -> str | None:
    """A parliament's listing form ("SURNAME Given", all capitals) as "Given Surname"; None if not one."""
    if name.isupper():
        return " ".join(w.title() for w in name.split())  # "IVO JELUŠIĆ" -> "Ivo Jelušić"
    first = name.split()[0]
    if not (len(first) > 1 and first.isupper() and any(not w.isupper() for w in name.split()[1:])):
        return None
    if isinstance(given, str) and isinstance(family, str) and given and family:
        fam = family.title() if family.isupper() else family
        return f"{given} {fam}"
    words = name.split()
    upper = [w for w in words if w.isupper()]
    rest = [w for w in words if not w.isupper()]
    return " ".join([*rest, *(w.title() for w in upper)])


def _iso(day: str | None) -> str | None:
    if not day:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", day)
    if m is None:
        return None
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}"


def ngec_agents(src: Path) -> list[tuple[str, str]]:
    path = src / "ahalterman+NGEC-2025" / "NGEC" / "assets" / "PLOVER_agents.txt"
    out: set[tuple[str, str]] = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].strip()
        m = re.match(r"^([A-Z][A-Z0-9_'\-.!]*?)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]{3,6})\]", line)
        if not m or "!" in m.group(1):
            continue
        phrase = m.group(1).replace("_", " ").strip().lower()
        _, sectors = cameo("~" + m.group(2), set())
        if phrase and sectors:
            out.add((phrase, sectors[0]))
    return sorted(out)


def _write_agents(rows: list[tuple[str, str]]) -> None:
    buf = io.StringIO()
    buf.write("phrase\tsector\n")
    for phrase, sector in rows:
        buf.write(f"{phrase}\t{sector}\n")
    with (
        open(OUT / "agents.tsv.gz", "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz,
    ):
        gz.write(buf.getvalue().encode("utf-8"))


def borrow_ids(actors: list[BulkActor], donors: list[list[BulkActor]]) -> int:
    """Give Phoenix actors without a Wikidata id the id another source lists for the same kind, country and
    name (or alias), when exactly one id fits and no other Phoenix actor would get it too. Returns the number
    of ids given ("Aaron Motsoaledi", ZAF: EveryPolitician's Q302359)."""
    ids: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)
    for table in donors:
        for d in table:
            if d.wikidata and d.country:
                for n in (d.name, *d.aliases):
                    ids[(d.kind, d.country, norm_name(n))].add(d.wikidata)
    proposed: dict[str, str] = {}
    for a in actors:
        if a.wikidata or not a.country:
            continue
        names = (a.name, *a.aliases)
        found = set().union(*(ids.get((a.kind, a.country, norm_name(n)), set()) for n in names))
        if len(found) == 1:
            proposed[a.key] = found.pop()
    taken = defaultdict(list)
    for key, qid in proposed.items():
        taken[qid].append(key)
    given = 0
    for a in actors:
        qid = proposed.get(a.key)
        if qid is not None and len(taken[qid]) == 1:
            a.wikidata = qid
            given += 1
    return given


def _sources_md(counts: dict[str, str]) -> str:
    lines = [
        "# Sources of the bulk actor tables",
        "",
        "Built by `tools/kb/build_bulk.py` from local copies of the pinned files below",
        "(tools/kb/bulk_sources.yaml); refresh instructions: docs/actors-kb.md. Each table may be",
        "redistributed under its source's licence.",
        "",
        "| table | rows | repository | commit | paths | licence |",
        "|---|---|---|---|---|---|",
    ]
    for s in yaml.safe_load((HERE / "bulk_sources.yaml").read_text(encoding="utf-8")):
        paths = "<br>".join(f"`{p}`" for p in s["paths"])
        lines.append(
            f"| {s['table']} | {counts.get(s['table'], '-')} | {s['repo']} | {s['commit']} | {paths} "
            f"| {s['licence']} |"
        )
    lines += [
        "",
        "EveryPolitician: the partial clone used lacked four large files (Germany Bundestag, Poland",
        "Sejm, Turkey Assembly, US House); those legislatures are not in the table.",
        "",
        "place-ids: `tools/kb/build_place_ids.py` writes `../places/wikidata.tsv.gz` (first-level divisions,",
        "capitals and towns of 100k+ people with Wikidata ids). The partial clone used lacked twelve large",
        "city files (AU BR DE ES FR IN IT MX PH RO RU US): those countries' towns have no id yet; their",
        "first-level divisions do.",
        "",
        "Phoenix ids by name + country: a Phoenix actor without a Wikidata id takes the id another table",
        "lists for the same kind, country and name or alias, when exactly one id fits and no other Phoenix",
        "actor would take it too (`borrow_ids` in build_bulk.py).",
        "",
        "nsi: read from the npm tarball of name-suggestion-index",
        "(`npm pack name-suggestion-index@8.0.20260918`, checked against the sha512 above by",
        "export_sources.py); brands and operators with a Wikidata id, English labels and descriptions from",
        "its `wikidata.json` (CC0). Places, flags and single schools are left out.",
        "",
        "uscongress: only `legislators-current.yaml` (the historical file is over the snapshot size limit).",
        "",
        "common-names: built from the tables above and the web2 list of the `english-words` package",
        "(installed with `pip install -e .[kb]`); it lists only names that occur in the bulk tables.",
        "",
        "Not shipped: the Peppercat leaders data (CC BY-NC 4.0) - users import it themselves with",
        "`herald actors import --format peppercat DIR`.",
        "",
    ]
    return "\n".join(lines)


def _old_counts() -> dict[str, str]:
    """The row counts SOURCES.md already lists (kept for the tables ``--only`` does not rebuild)."""
    path = OUT / "SOURCES.md"
    out: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 6 and cells[0] not in ("table", "---"):
                out[cells[0]] = cells[1]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, required=True, help="folder written by export_sources.py")
    ap.add_argument("--only", default="", help="comma-separated tables to rebuild (default: all)")
    args = ap.parse_args()
    only = {t for t in args.only.split(",") if t}
    states = _states()
    valid = set(states) | NON_STATE
    OUT.mkdir(parents=True, exist_ok=True)
    counts: dict[str, str] = _old_counts() if only else {}
    if not only or only & {"phoenix", "partyfacts", "supraverden", "ucdp", "everypolitician"}:
        actors, spells = phoenix(args.sources, valid)
        parties = partyfacts(args.sources, valid)
        igos = supraverden(args.sources)
        conflict = ucdp(args.sources, valid, states)
        ep, ep_spells = everypolitician(args.sources, valid)
        borrowed = borrow_ids(actors, [ep, parties, igos, conflict])
        write_table(OUT, "phoenix", actors, spells)
        counts["phoenix"] = f"{len(actors)} actors ({borrowed} ids by name + country), {len(spells)} spells"
        write_table(OUT, "partyfacts", parties)
        counts["partyfacts"] = f"{len(parties)} parties"
        write_table(OUT, "supraverden", igos)
        counts["supraverden"] = f"{len(igos)} organisations"
        write_table(OUT, "ucdp", conflict)
        counts["ucdp"] = f"{len(conflict)} actors"
        write_table(OUT, "everypolitician", ep, ep_spells)
        counts["everypolitician"] = f"{len(ep)} legislators, {len(ep_spells)} spells"
    if not only or "ngec-agents" in only:
        agents = ngec_agents(args.sources)
        _write_agents(agents)
        counts["ngec-agents"] = f"{len(agents)} agent phrases"
    if not only or "place-ids" in only:
        places = build_place_ids.build(args.sources)
        build_place_ids.write(places)
        counts["place-ids"] = (
            f"{sum(r[0] == 'admin1' for r in places)} divisions, {sum(r[0] == 'city' for r in places)} towns"
        )
    if not only or "nsi" in only:
        orgs = bulk_general.nsi(args.sources, valid)
        write_table(OUT, "nsi", orgs)
        counts["nsi"] = f"{len(orgs)} organisations"
    if not only or "uscongress" in only:
        members, terms = bulk_general.uscongress(args.sources)
        write_table(OUT, "uscongress", members, terms)
        counts["uscongress"] = f"{len(members)} members, {len(terms)} terms"
    common = bulk_general.common_names(OUT)
    bulk_general.write_common_names(OUT, common)
    counts["common-names"] = f"{len(common)} one-word organisation names that are English words"
    (OUT / "SOURCES.md").write_text(_sources_md(counts), encoding="utf-8")
    for k, v in counts.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
