"""Build the place -> Wikidata id table (data/actors/places/wikidata.tsv.gz) from a pinned open source.

    python tools/kb/build_place_ids.py --sources /tmp/kb-sources

Source: dr5hn/countries-states-cities-database (ODbL 1.0; pinned in tools/kb/bulk_sources.yaml, table
``place-ids``): ``csv/states.csv`` (first-level divisions with ISO 3166-2 codes and Wikidata ids),
``csv/countries.csv`` (alpha-2 -> alpha-3, capitals) and ``contributions/cities/<CC>.json`` (towns with
coordinates, population and Wikidata ids). Kept: every first-level division with an id, and the capitals and
towns of at least 100,000 people with an id. Herald matches a resolved place to a row by country + name (and,
for towns, by distance), see ``stages/s2_actors/place_ids.py``. Output is sorted and gzip'd with a zero
timestamp: the same inputs give byte-identical files. Fetches nothing.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from herald.stages.s2_actors.place_ids import COLUMNS, place_key  # noqa: E402

OUT = ROOT / "src" / "herald" / "data" / "actors" / "places" / "wikidata.tsv.gz"
REPO = "dr5hn+countries-states-cities-database"
MIN_TOWN_POP = 100_000
_QID = re.compile(r"^Q\d+$")


def _clean(name: str) -> str:
    return " ".join(name.split())  # a stray tab or newline in a source name


def build(sources: Path) -> list[tuple[str, ...]]:
    base = sources / REPO
    with (base / "csv" / "countries.csv").open(encoding="utf-8") as fh:
        countries = list(csv.DictReader(fh))
    iso3 = {c["iso2"]: c["iso3"] for c in countries}
    capitals = {c["iso2"]: place_key(c["capital"]) for c in countries if c["capital"]}
    rows: set[tuple[str, ...]] = set()
    with (base / "csv" / "states.csv").open(encoding="utf-8") as fh:
        for s in csv.DictReader(fh):
            qid, cc = s["wikiDataId"].strip(), s["country_code"]
            if s["parent_id"] or not _QID.match(qid) or cc not in iso3:
                continue  # lower levels (counties, districts) and rows without an id
            rows.add(("admin1", iso3[cc], _clean(s["name"]), s["latitude"][:8], s["longitude"][:8], qid))
    for path in sorted((base / "contributions" / "cities").glob("*.json")):
        cc = path.stem
        if cc not in iso3:
            continue
        for t in json.loads(path.read_text(encoding="utf-8")):
            qid = str(t.get("wikiDataId") or "").strip()
            pop = int(t.get("population") or 0)
            capital = capitals.get(cc) == place_key(t["name"])
            if _QID.match(qid) and (pop >= MIN_TOWN_POP or capital):
                lat, lon = str(t["latitude"])[:8], str(t["longitude"])[:8]
                rows.add(("city", iso3[cc], _clean(t["name"]), lat, lon, qid))
    return sorted(rows)


def write(rows: list[tuple[str, ...]]) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    body = "\t".join(COLUMNS) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(body.encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, required=True, help="folder written by export_sources.py")
    args = ap.parse_args()
    rows = build(args.sources)
    write(rows)
    kinds = {k: sum(1 for r in rows if r[0] == k) for k in ("admin1", "city")}
    print(f"{OUT.name}: {kinds['admin1']} first-level divisions, {kinds['city']} towns")


if __name__ == "__main__":
    main()
