"""Choosing one gazetteer entry per mention (toponym resolution), with the article as context.

Score of a candidate = prior + context, in points:

- prior: ``3 * log10(population)``; a country +6, a capital +3, an admin1 area -3 (its population is the sum
  of its towns, and "New York", "Kiev" mostly mean the city); a US county 15; a curated region/sea/site 26;
  a continent 30; a match on an alternate (not the official) name -4.
- context: +3 per other name resolved into the same country (at most 3), +6 for an admin1 area the
  article names by another name ("Wash." ... "Washington" is the state), +4 for a country that borders
  a country the article mentions, +3 for a town in an admin1 area the article names, +3 for an admin1 area
  per town of it the article names (at most 3: "Atlanta", "Savannah" -> Georgia the state), +25 when the
  mention is qualified ("Paris, Texas", "Athens, Greece") by its own admin1 area or country.
- nearby: +4 per other name of the article (at most 3) that has a town or county candidate within about
  150 km of this town or county ("Columbus", "Norfolk" and "Platte County" together are the Nebraska ones,
  "Paris" beside "Henry County" the one in Tennessee): the article's places lie near each other. Only a
  name's plausible senses vouch, and an area's own name ("Delaware") neither vouches nor gains. +2 per
  other name one ring of cells further out (≈ 220-440 km), at most 3 names in all.
- one sense per qualified name: +25 for the place a name's qualified mention resolved to ("Paris,
  Texas" ... "Paris"), when its qualified mentions agree.
- lists: +8 for a country (admin1 area) in a list ("A, B and C") with a clearly resolved country (admin1
  area), +4 more per further one (at most +16): "Alaska, Alabama, ..., Mississippi and Wyoming" are
  states, not a river and a town in Michigan.
- guards: when a name is a country's (or a curated region's) own name, towns of that name are not
  considered unless the mention is qualified — a country is never geocoded to a town or a building —
  or unless two other names of the article lie near one of those towns and nothing else of the article
  lies in the country ("of Lebanon", "of Myerstown", "of Hershey": Lebanon, Pennsylvania).

Two passes: the first resolves every mention on its prior alone and collects the countries and admin1 areas
of the clear cases; the second adds the context. A mention counts for its country (admin1 area) when its
best candidates — all within ``CLEAR_MARGIN`` of the best — lie in one country (area), even when they are
namesakes of each other ("Gainesville" in Florida or in Georgia: either way the USA); the mentions of one
name count once. A mention whose best candidate is a small town known only by an alternate name and
supported by no context is left unresolved (precision over recall).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from .gazetteer import Entry, normalise
from .mentions import Mention
from .store import Store

CLEAR_MARGIN = 3.0
AREA_NAMED = 6.0
MIN_TOWN_POP_ALT = 20000
NEAR_POINTS = 4.0  # per other name with a candidate nearby
NEAR_MAX = 3  # names counted at most
FAR_POINTS = 2.0  # per other name with a candidate one ring of cells further out (≈ 220-440 km)
QUALIFIED = 25.0  # "Paris, Texas": the qualifier's own area
SURROUNDED = 2  # other names near a town named like a country that make it the town
SIBLING_LEVEL = 8.0  # a country or admin1 area listed beside others of its level
_LEVELS = frozenset({"country", "admin1"})
VIABLE = 6.0  # a candidate whose prior is this far below its name's best never vouches for its region
_LOCAL = frozenset({"city", "admin2"})  # small features: nearness between them means something


def prior(entry: Entry, primary: bool) -> float:
    if entry.kind == "continent":
        score = 30.0
    elif entry.kind == "admin2":
        score = 15.0  # US counties: no population in the tables; names mostly carry "County"/"Parish"
    elif entry.source.startswith("curated"):
        score = 26.0 if entry.kind != "admin1" else 24.0
    else:
        score = 3 * math.log10(max(entry.population, 10))
        if entry.kind == "country":
            score += 6
        elif entry.kind in ("admin1", "admin2"):
            score -= 3
        elif entry.capital:
            score += 3
    return score if primary else score - 4


def _contains(area: Entry, place: Entry) -> bool:
    if area.kind == "country":
        return area.iso3 == place.iso3
    return (
        area.kind == "admin1"
        and area.iso3 == place.iso3
        and bool(place.admin1)
        and normalise(area.name) == normalise(place.admin1 or "")
    )


def _qualifies(q: Mention, entry: Entry) -> bool:
    """Does the qualifier mention ("Texas" of "Paris, Texas") name an area holding ``entry``?"""
    return any(_contains(area, entry) for area, _ in q.candidates)


def _allowed(
    m: Mention, near: Nearby | None = None, countries: Counter[str] | None = None
) -> list[tuple[Entry, bool]]:
    cands = list(m.candidates)
    strong = [
        e for e, p in cands if p and (e.kind in ("country", "continent") or e.source.startswith("curated"))
    ]
    if strong and m.qualifier is None:
        # A country's own name is a town only when the article's other places surround that town and
        # nothing else of the article lies in the country ("Pamela Rittle of Lebanon" among Grantville,
        # Myerstown and Jackson Township): otherwise never (a country is not geocoded to a building).
        name = normalise(m.text)
        alone = countries is not None and not any(
            e.iso3 and countries[e.iso3] - (1 if e.kind == "country" else 0) > 0 for e in strong
        )
        towns = [
            (e, p)
            for e, p in cands
            if alone and near is not None and e.kind == "city" and near.names_near(e, name) >= SURROUNDED
        ]
        if towns:
            return towns
        cands = [(e, p) for e, p in cands if e.kind != "city" or e.source.startswith("curated")]
    return cands


def _score(
    m: Mention,
    store: Store,
    countries: Counter[str],
    admin1s: Counter[tuple[str, str]],
    towns_in: Counter[tuple[str, str]],
    near: Nearby | None = None,
    by_name: set[tuple[str, object]] | None = None,
    anchors: dict[str, object] | None = None,
) -> None:
    name = normalise(m.text)
    # One sense per article: a name qualified once ("Paris, Texas") is that place at its bare mentions too.
    anchor = (anchors or {}).get(name) if m.qualifier is None else None
    # What the mentions of this very name counted: other mentions of one name are no independent context
    # ("Georgia" nine times in a story about Gainesville does not make the country more likely).
    mine = by_name or set()
    # "Delaware", "Washington": an area's own name; its namesake towns gain nothing from nearby names.
    area_name = any(p and e.kind not in _LOCAL for e, p in m.candidates)
    scored: list[tuple[float, Entry]] = []
    for entry, primary in _allowed(m, near, countries):
        s = prior(entry, primary)
        if entry.iso3:
            n = countries[entry.iso3] - (1 if (name, entry.iso3) in mine else 0)
            s += 3 * min(max(n, 0), 3)
            if entry.kind == "country" and any(countries[c] for c in store.neighbours.get(entry.iso3, ())):
                s += 4
            if entry.kind == "admin1":
                key = (entry.iso3, normalise(entry.name))
                s += 3 * min(towns_in[key], 3)
                # The article names this area elsewhere ("CAMP MURRAY, Wash." ... "at home in Washington"):
                # the bare name is the area, not its namesake town.
                if admin1s[key] - (1 if (name, key) in mine else 0) > 0:
                    s += AREA_NAMED
            if entry.kind in ("city", "admin2") and entry.admin1:
                k = (entry.iso3, normalise(entry.admin1))
                if admin1s[k] > 0:
                    s += 3
        if near is not None and entry.kind in _LOCAL and not area_name:
            s += near.points(entry, name)
        if anchor is not None and _ident(entry) == anchor:
            s += QUALIFIED
        if entry.kind in _LEVELS and m.siblings:
            # "Alaska, Alabama, ... Mississippi": a state among states
            level = sum(1 for o in m.siblings if o.counted and o.best and o.best.kind == entry.kind)
            s += SIBLING_LEVEL + SIBLING_LEVEL / 2 * min(level - 1, 2) if level else 0.0
        if m.qualifier is not None and _qualifies(m.qualifier, entry):
            s += QUALIFIED
        if m.qualifies is not None and any(_contains(entry, e) for e, _ in m.qualifies.candidates):
            s += QUALIFIED  # "Georgia" of "Athens, Georgia" is the state that has an Athens
        scored.append((s, entry))
    scored.sort(key=lambda se: -se[0])
    m.scores = scored


def _pick(m: Mention) -> None:
    if not m.scores:
        m.best, m.confidence, m.score_rule = None, 0.0, "no-candidate"
        return
    best_score, best = m.scores[0]
    margin = best_score - m.scores[1][0] if len(m.scores) > 1 else 10.0
    primary = any(e is best and p for e, p in m.candidates)
    if best.kind == "city" and not primary and best.population < MIN_TOWN_POP_ALT and margin < 10:
        m.best, m.confidence, m.score_rule = None, 0.0, "weak-alternate-name"
        return
    m.best = best
    m.confidence = round(min(0.95, 0.5 + 0.45 * min(1.0, margin / 10.0)), 2)
    m.score_rule = "qualified" if m.qualifier is not None and _qualifies(m.qualifier, best) else "scored"


def resolve(mentions: list[Mention], store: Store) -> None:
    """Set ``best``/``confidence`` on every mention, in place."""
    for m in mentions:
        _score(m, store, Counter(), Counter(), Counter())
        _pick(m)
    near = Nearby(mentions)
    anchors = _anchors(mentions)
    for _ in range(2):  # the second round lets areas resolved by context ("Georgia" the state) count
        countries, admin1s, towns_in, by_name = _context(mentions)
        for m in mentions:
            _score(m, store, countries, admin1s, towns_in, near, by_name, anchors)
            _pick(m)
    for m in mentions:
        _within_qualifier(m)


_AREA_KINDS = frozenset({"country", "admin1", "continent", "region"})


def _within_qualifier(m: Mention) -> None:
    """A town the gazetteer lacks in the area that qualifies it ("Holliday, Missouri", "Belgrade, Minn.",
    "Greenlane, Auckland"): placed at that area's point rather than at a namesake elsewhere (the Texan
    Holliday, Serbia's capital) or nowhere. Not for a name that is itself an area ("Colorado, Georgia" is a
    list) nor when a candidate lies in the qualifier."""
    q = m.qualifier
    if q is None or q.best is None or q.best.lat is None or m.feature is not None:
        return
    if any(e.kind in _AREA_KINDS or e.source.startswith("curated") for e, _ in m.candidates):
        return
    if any(_qualifies(q, e) for e, _ in m.candidates):
        return
    m.best = replace(
        q.best,
        name=m.text,
        kind="point",
        feature="P.PPL",  # a town or site the gazetteer lacks
        population=0,
        geonameid=None,
        capital=False,
        source="qualifier-area",
    )
    m.scores = []
    m.confidence = 0.3
    m.score_rule = "within-qualifier"


def _anchors(mentions: list[Mention]) -> dict[str, object]:
    """Names the article qualifies ("Paris, Texas", "Greenwood, Ind."): name -> the qualified place, when
    every qualified mention of the name agrees."""
    out: dict[str, object] = {}
    clash: set[str] = set()
    for m in mentions:
        if m.qualifier is None or m.best is None or not _qualifies(m.qualifier, m.best):
            continue
        name, ident = normalise(m.text), _ident(m.best)
        if out.setdefault(name, ident) != ident:
            clash.add(name)
    return {k: v for k, v in out.items() if k not in clash}


def _context(
    mentions: list[Mention],
) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str]], set[tuple[str, object]]]:
    """Countries and admin1 areas of the clearly resolved mentions, each counted once per distinct name;
    admin1 areas holding towns; and which (name, country or area) pairs were counted."""
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    towns_in: Counter[tuple[str, str]] = Counter()
    by_name: set[tuple[str, object]] = set()
    for m in mentions:
        m.counted = False
        if m.best is None or not m.best.iso3 or not m.scores:
            continue
        # The close contenders: the best and every candidate within CLEAR_MARGIN of it.
        top = m.scores[0][0]
        close = [e for s, e in m.scores if top - s < CLEAR_MARGIN]
        if any(e.iso3 != m.best.iso3 for e in close):
            continue
        m.counted = True
        name = normalise(m.text)
        if (name, m.best.iso3) not in by_name:
            by_name.add((name, m.best.iso3))
            countries[m.best.iso3] += 1
        area = (m.best.iso3, normalise(m.best.name))
        if m.best.kind == "admin1" and len(close) == 1 and (name, area) not in by_name:
            by_name.add((name, area))
            admin1s[area] += 1
        elif m.best.admin1 and all(e.admin1 == m.best.admin1 for e in close):
            area = (m.best.iso3, normalise(m.best.admin1))
            # A town never vouches for the area of its own name: "Ankara" the city does not make "Ankara"
            # the province.
            if m.best.kind == "admin1" or area[1] != name:
                towns_in[area] += 1
    return countries, admin1s, towns_in, by_name


class Nearby:
    """Which other names of the article have a town or county candidate near a given point: candidates are
    bucketed in one-degree cells, and a point looks at its cell and the eight around it (≈ 110-330 km)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.cells: dict[tuple[int, int], set[tuple[str, object]]] = {}
        for m in mentions:
            if m.demonym or m.feature is not None or m.qualifies is not None or not m.candidates:
                continue  # a qualifier ("D.C." of "Washington, D.C.") only locates the name it qualifies
            if any(p and e.kind not in _LOCAL for e, p in m.candidates):
                continue  # "California", "Georgia": an area's name, not its namesake towns
            key = normalise(m.text)
            # Only a name's plausible senses vouch for a region: not Liverpool, New York (2,000 people) for
            # "Liverpool" when the English city is the name's best-known sense.
            best = max(prior(e, p) for e, p in m.candidates)
            for e, p in m.candidates:
                if (
                    e.kind in _LOCAL
                    and e.lat is not None
                    and e.lon is not None
                    and prior(e, p) > best - VIABLE
                ):
                    cell = (math.floor(e.lat), math.floor(e.lon))
                    self.cells.setdefault(cell, set()).add((key, _ident(e)))

    def names_near(self, entry: Entry, own: str, ring: int = 1) -> int:
        if entry.lat is None or entry.lon is None or not self.cells:
            return 0
        la, lo = math.floor(entry.lat), math.floor(entry.lon)
        me = _ident(entry)
        found: set[str] = set()
        for dla in range(-ring, ring + 1):
            for dlo in range(-ring, ring + 1):
                # Another name of the same place ("Washington, D.C." for "Washington") vouches for nothing.
                found.update(k for k, i in self.cells.get((la + dla, lo + dlo), ()) if i != me)
        found.discard(own)
        return len(found)

    def points(self, entry: Entry, own: str) -> float:
        """+NEAR_POINTS per other name nearby, +FAR_POINTS per one a ring further out (at most NEAR_MAX
        names in all): a region's places ("Shelby" in a story datelined Helena, 210 km away)."""
        near = min(self.names_near(entry, own), NEAR_MAX)
        if near >= NEAR_MAX or not FAR_POINTS:
            return NEAR_POINTS * near
        wider = min(self.names_near(entry, own, 2), NEAR_MAX)
        return NEAR_POINTS * near + FAR_POINTS * (wider - near)


def _ident(e: Entry) -> object:
    return e.geonameid if e.geonameid is not None else (e.name, e.lat, e.lon)
