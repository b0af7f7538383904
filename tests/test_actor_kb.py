"""Integrity of the shipped actor knowledge base (src/herald/data/actors/*.yaml).

Guards the format the actors stage loads: schema, PLOVER codes, unique keys and Wikidata ids, parents that
exist, ordered office dates, and no surface form claimed by two actors unless both declare it ambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
KB_DIR = ROOT / "src" / "herald" / "data" / "actors"
FILES = ("states.yaml", "igos.yaml", "groups.yaml", "organizations.yaml", "people.yaml")

FIELDS: dict[str, type | tuple[type, ...]] = {
    "key": str,
    "name": str,
    "kind": str,
    "country": str,
    "sector": str,
    "sectors": list,
    "wikidata": (str, type(None)),
    "aliases": list,
    "demonyms": list,
    "capital": (str, type(None)),
    "seats": list,
    "parent": (str, type(None)),
    "offices": list,
    "ambiguous_aliases": list,
    "note": (str, type(None)),
}
REQUIRED = ("key", "name", "kind", "country", "sector")
KINDS = {"state", "organization", "person", "group"}
# PLOVER manual, "Sector Primary Codes" (frequent and less frequent codes).
SECTORS = {
    "GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF",
    "CVL", "ELI", "BUS", "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM",
}  # fmt: skip
# PLOVER non-state codes, plus Kosovo (no ISO-3166 code).
EXTRA_COUNTRIES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "XKX"}
ROLES = {
    "president", "vice-president", "prime-minister", "head-of-state", "head-of-government",
    "foreign-minister", "defence-minister", "interior-minister", "secretary-general", "chancellor",
    "supreme-leader", "king", "emir", "spokesperson", "leader",
}  # fmt: skip
QID = re.compile(r"^Q[1-9][0-9]*$")
KEY = re.compile(r"^([A-Z]{2,4}|[a-z0-9]+(-[a-z0-9]+)*)$")
# Every UN member state plus the observers (Holy See via Vatican City, Palestine), Kosovo and Taiwan.
MIN_STATES = 197


@cache
def load(fname: str) -> list[dict[str, Any]]:
    path = KB_DIR / fname
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, list), f"{fname}: top level must be a list of entries"
    return data


def all_entries() -> list[tuple[str, dict[str, Any]]]:
    return [(f, e) for f in FILES for e in load(f)]


def valid_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def surface_forms(entry: dict[str, Any]) -> set[str]:
    forms = {
        entry["name"],
        *entry["aliases"],
        *entry["demonyms"],
        *entry["seats"],
        *entry["ambiguous_aliases"],
    }
    if entry.get("capital"):
        forms.add(entry["capital"])
    return forms


@pytest.mark.parametrize("fname", FILES)
def test_file_loads_and_is_not_empty(fname: str) -> None:
    assert load(fname), f"{fname} has no entries"


@pytest.mark.parametrize("fname", FILES)
def test_schema(fname: str) -> None:
    problems = []
    for e in load(fname):
        key = e.get("key", "?")
        if not isinstance(e, dict):
            problems.append(f"{key}: not a mapping")
            continue
        for f in REQUIRED:
            if not e.get(f):
                problems.append(f"{key}: missing {f}")
        for f, typ in FIELDS.items():
            if f not in e:
                problems.append(f"{key}: field {f} absent")
            elif not isinstance(e[f], typ):
                problems.append(f"{key}: {f} has type {type(e[f]).__name__}")
        if set(e) - set(FIELDS):
            problems.append(f"{key}: unknown fields {sorted(set(e) - set(FIELDS))}")
        for f in ("aliases", "demonyms", "seats", "ambiguous_aliases", "sectors"):
            if any(not isinstance(x, str) or not x.strip() or x != x.strip() for x in e.get(f) or []):
                problems.append(f"{key}: {f} must hold non-empty trimmed strings")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("fname", FILES)
def test_codes(fname: str) -> None:
    problems = []
    for e in load(fname):
        key = e["key"]
        if not KEY.match(key):
            problems.append(f"{key}: key must be an alpha-3 code or a lower-case slug")
        if e["kind"] not in KINDS:
            problems.append(f"{key}: kind {e['kind']!r}")
        if not valid_country(e["country"]):
            problems.append(f"{key}: country {e['country']!r} is neither ISO alpha-3 nor a PLOVER code")
        if e["sector"] not in SECTORS:
            problems.append(f"{key}: sector {e['sector']!r}")
        bad = [s for s in e["sectors"] if s not in SECTORS]
        if bad or not e["sectors"] or e["sectors"][0] != e["sector"]:
            problems.append(f"{key}: sectors {e['sectors']} must be PLOVER codes, primary first")
        if e["wikidata"] is not None and not QID.match(e["wikidata"]):
            problems.append(f"{key}: wikidata {e['wikidata']!r}")
    assert not problems, "\n".join(problems)


def test_states_file() -> None:
    states = load("states.yaml")
    assert len(states) >= MIN_STATES
    problems = [e["key"] for e in states if e["kind"] != "state" or e["country"] != e["key"]]
    assert not problems, f"state entries must have kind state and country == key: {problems}"
    assert not [e["key"] for e in all_entries_except("states.yaml") if e["kind"] == "state"]
    for code in ("USA", "CHN", "RUS", "GBR", "FRA", "PSE", "XKX", "TWN", "VAT", "ISR", "UKR"):
        assert code in {e["key"] for e in states}, code


def all_entries_except(fname: str) -> list[dict[str, Any]]:
    return [e for f, e in all_entries() if f != fname]


def test_unique_keys() -> None:
    seen: dict[str, str] = {}
    dups = []
    for fname, e in all_entries():
        if e["key"] in seen:
            dups.append(f"{e['key']} in {seen[e['key']]} and {fname}")
        seen[e["key"]] = fname
    assert not dups, dups


def test_unique_wikidata_ids() -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for _, e in all_entries():
        if e["wikidata"]:
            owners[e["wikidata"]].append(e["key"])
    dups = {q: keys for q, keys in owners.items() if len(keys) > 1}
    assert not dups, dups


def test_parents_exist() -> None:
    keys = {e["key"] for _, e in all_entries()}
    missing = [(e["key"], e["parent"]) for _, e in all_entries() if e["parent"] and e["parent"] not in keys]
    assert not missing, missing
    selfref = [e["key"] for _, e in all_entries() if e["parent"] == e["key"]]
    assert not selfref


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@pytest.mark.parametrize("fname", FILES)
def test_offices(fname: str) -> None:
    problems = []
    for e in load(fname):
        if e["offices"] and e["kind"] != "person":
            problems.append(f"{e['key']}: only persons hold offices")
        for off in e["offices"]:
            if set(off) != {"role", "country", "sector", "start", "end"}:
                problems.append(f"{e['key']}: office fields {sorted(off)}")
                continue
            if off["role"] not in ROLES:
                problems.append(f"{e['key']}: role {off['role']!r}")
            if not valid_country(off["country"]) or off["sector"] not in SECTORS:
                problems.append(f"{e['key']}: office code {off['country']}/{off['sector']}")
            try:
                start, end = _date(off["start"]), _date(off["end"])
            except ValueError as exc:
                problems.append(f"{e['key']}: bad date ({exc})")
                continue
            if start is None:
                problems.append(f"{e['key']}: office {off['role']} has no start date")
            elif end is not None and end < start:
                problems.append(f"{e['key']}: office {off['role']} ends {end} before it starts {start}")
    assert not problems, "\n".join(problems)


def test_no_alias_claimed_twice_without_disambiguation() -> None:
    claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, e in all_entries():
        for form in surface_forms(e):
            claims[form].append(e)
    clashes = []
    for form, entries in claims.items():
        if len(entries) > 1 and not all(form in e["ambiguous_aliases"] for e in entries):
            clashes.append(f"{form!r}: {[e['key'] for e in entries]}")
    assert not clashes, "declare in ambiguous_aliases of every entry, or drop:\n" + "\n".join(sorted(clashes))


def test_ambiguous_aliases_are_really_shared() -> None:
    claims: dict[str, int] = defaultdict(int)
    for _, e in all_entries():
        for form in e["ambiguous_aliases"]:
            claims[form] += 1
    lonely = sorted(form for form, n in claims.items() if n < 2)
    assert not lonely, f"listed as ambiguous by one entry only: {lonely}"


def test_people_have_offices_or_a_note() -> None:
    bare = [e["key"] for e in load("people.yaml") if not e["offices"] and not e["note"]]
    assert not bare, f"people without office and without note: {bare}"


def test_generated_files_are_up_to_date() -> None:
    pytest.importorskip("countryinfo")
    script = ROOT / "tools" / "kb" / "build_kb.py"
    if not script.exists():
        pytest.skip("tools/kb not present")
    run = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


QID_SOURCES = ROOT / "tools" / "kb" / "qid_sources.yaml"


def _qid_rows() -> list[dict[str, Any]]:
    if not QID_SOURCES.exists():
        pytest.skip("tools/kb/ not in this checkout")
    rows: list[dict[str, Any]] = yaml.safe_load(QID_SOURCES.read_text("utf-8")) or []
    return rows


def test_confirmed_ids_have_two_sources_and_reach_the_kb() -> None:
    """Every id added after the first release names two sources that show it (dissents do not count)."""
    by_key = {e["key"]: e for _, e in all_entries()}
    for row in _qid_rows():
        assert QID.match(row["wikidata"]), row
        backing = [s for s in row["sources"] if not str(s).startswith("dissent")]
        assert len(backing) >= 2, f"{row['key']}: fewer than two confirming sources"
        entry = by_key.get(row["key"])
        assert entry is not None, f"{row['key']}: not a KB key"
        assert entry["wikidata"] == row["wikidata"], row["key"]
        assert row["label"] in {entry["name"], *entry["aliases"]}, row["key"]
