"""Build ``src/herald/data/gazetteer/geonames_points.csv``: GeoNames' own points for countries, continents,
oceans, seas and large regions, so a place that carries GeoNames id X also carries GeoNames' point for X.

Inputs are local copies of GeoNames extracts (CC BY 4.0), see ``src/herald/data/gazetteer/SOURCES.md``:

- ``no-country.txt``: GeoNames' dump of features outside any country (oceans, seas, continents, regions),
  in the standard 19-column ``geoname`` layout;
- ``countryInfo.txt``: GeoNames' country table (ISO codes, names, geonameid);
- ``output-countries-0.csv``: one row per UN member state with the GeoNames ``geoname`` latitude/longitude of
  its country feature (whole degrees), keyed by GeoNames' name and English Wikipedia link.

Usage::

    python tools/build_geonames_points.py NO_COUNTRY_TXT COUNTRY_INFO_TXT COUNTRIES_CSV [OUT_CSV]
"""

from __future__ import annotations

import csv
import sys
import urllib.parse
from pathlib import Path

# Feature codes kept from no-country.txt: the large features news names; the thousands of undersea features
# (class U), reefs and shoals are left out.
KEEP = {
    "H.OCN",
    "H.SEA",
    "H.GULF",
    "H.STRT",
    "H.BAY",
    "H.LK",
    "L.CONT",
    "L.RGN",
    "L.RGNE",
    "T.PEN",
    "T.MTS",
    "T.DSRT",
    "T.PLAT",
}
OUT = Path(__file__).resolve().parents[1] / "src/herald/data/gazetteer/geonames_points.csv"
HEADER = "# GeoNames' own points (CC BY 4.0, geonames.org): countries, continents, seas, regions; built by\n"
HEADER2 = "# tools/build_geonames_points.py from the extracts named in SOURCES.md. Do not edit by hand.\n"


def _no_country(path: Path) -> list[tuple[int, str, str, float, float]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 19:
                continue
            feature = f"{f[6]}.{f[7]}"
            if feature in KEEP:
                rows.append((int(f[0]), f[1], feature, float(f[4]), float(f[5])))
    return rows


def _countries(info: Path, points: Path) -> list[tuple[int, str, str, float, float]]:
    import pycountry

    by_name: dict[str, tuple[int, str]] = {}
    by_iso2: dict[str, tuple[int, str]] = {}
    with info.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            by_name[f[4]] = by_iso2[f[0]] = (int(f[16]), f[4])
    rows = []
    with points.open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.reader(fh):
            if len(r) < 11 or r[3] != "Country":
                continue
            slug = urllib.parse.unquote(r[10].rsplit("/", 1)[-1]).replace("_", " ")
            hit = by_name.get(r[0]) or by_name.get(slug)
            if hit is None:
                for name in (r[0], slug):
                    try:
                        hit = by_iso2.get(pycountry.countries.lookup(name).alpha_2)
                    except LookupError:
                        continue
                    if hit:
                        break
            if hit is None:
                print(f"unmatched country row: {r[0]!r} ({slug})", file=sys.stderr)
                continue
            rows.append((hit[0], hit[1], "A.PCLI", float(r[4]), float(r[5])))
    return rows


def main(argv: list[str]) -> None:
    no_country, info, countries = (Path(a) for a in argv[:3])
    out = Path(argv[3]) if len(argv) > 3 else OUT
    rows = {r[0]: r for r in [*_no_country(no_country), *_countries(info, countries)]}
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + HEADER2)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["geonameid", "name", "feature", "lat", "lon"])
        for gid in sorted(rows):
            _, name, feature, lat, lon = rows[gid]
            w.writerow([gid, name, feature, f"{lat:g}", f"{lon:g}"])
    print(f"{len(rows)} points -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
