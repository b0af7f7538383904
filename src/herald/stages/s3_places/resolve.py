"""Choosing one gazetteer entry per mention (toponym resolution), with the article as context.

Score of a candidate = prior + context, in points:

- prior: ``3 * log10(population)``; a country +6, a capital +3, an admin1 area -3 (its population is the sum
  of its towns, and "New York", "Kiev" mostly mean the city); a US county 15; a curated region/sea/site 26;
  a continent 30; a match on an alternate (not the official) name -4.
- context: +3 per other mention resolved into the same country (at most 3), +6 for an admin1 area the
  article names by another mention ("Wash." ... "Washington" is the state), +4 for a country that borders
  a country the article mentions, +3 for a town in an admin1 area the article names, +3 for an admin1 area
  per town of it the article names (at most 3: "Atlanta", "Savannah" -> Georgia the state), +25 when the
  mention is qualified ("Paris, Texas", "Athens, Greece") by its own admin1 area or country.
- guards: when a name is a country's (or a curated region's) own name, towns of that name are not
  considered unless the mention is qualified — a country is never geocoded to a town or a building.

Two passes: the first resolves every mention on its prior alone and collects the countries and admin1 areas
of the clear cases; the second adds the context. A mention whose best candidate is a small town known only
by an alternate name and supported by no context is left unresolved (precision over recall).
"""

from __future__ import annotations

import math
from collections import Counter

from .gazetteer import Entry, normalise
from .mentions import Mention
from .store import Store

CLEAR_MARGIN = 3.0
AREA_NAMED = 6.0
MIN_TOWN_POP_ALT = 20000


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


def _same(a: Entry, b: Entry) -> bool:
    return a.iso3 == b.iso3 and normalise(a.name) == normalise(b.name)


def _qualifies(q: Mention, entry: Entry) -> bool:
    """Does the qualifier mention ("Texas" of "Paris, Texas") name an area holding ``entry``?"""
    return any(_contains(area, entry) for area, _ in q.candidates)


def _allowed(m: Mention) -> list[tuple[Entry, bool]]:
    cands = list(m.candidates)
    strong = any(
        p and (e.kind in ("country", "continent") or e.source.startswith("curated")) for e, p in cands
    )
    if strong and m.qualifier is None:
        cands = [(e, p) for e, p in cands if e.kind != "city" or e.source.startswith("curated")]
    return cands


def _score(
    m: Mention,
    store: Store,
    countries: Counter[str],
    admin1s: Counter[tuple[str, str]],
    towns_in: Counter[tuple[str, str]],
) -> None:
    own = m.best
    scored: list[tuple[float, Entry]] = []
    for entry, primary in _allowed(m):
        s = prior(entry, primary)
        if entry.iso3:
            n = countries[entry.iso3] - (1 if m.counted and own is not None and own.iso3 == entry.iso3 else 0)
            s += 3 * min(max(n, 0), 3)
            if entry.kind == "country" and any(countries[c] for c in store.neighbours.get(entry.iso3, ())):
                s += 4
            if entry.kind == "admin1":
                key = (entry.iso3, normalise(entry.name))
                s += 3 * min(towns_in[key], 3)
                # The article names this area elsewhere ("CAMP MURRAY, Wash." ... "at home in Washington"):
                # the bare name is the area, not its namesake town.
                own_area = m.counted and own is not None and own.kind == "admin1" and _same(own, entry)
                if admin1s[key] - (1 if own_area else 0) > 0:
                    s += AREA_NAMED
            if entry.kind in ("city", "admin2") and entry.admin1:
                k = (entry.iso3, normalise(entry.admin1))
                if admin1s[k] > 0:
                    s += 3
        if m.qualifier is not None and _qualifies(m.qualifier, entry):
            s += 25
        if m.qualifies is not None and any(_contains(entry, e) for e, _ in m.qualifies.candidates):
            s += 25  # "Georgia" of "Athens, Georgia" is the state that has an Athens
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
    for _ in range(2):  # the second round lets areas resolved by context ("Georgia" the state) count
        countries, admin1s, towns_in = _context(mentions)
        for m in mentions:
            _score(m, store, countries, admin1s, towns_in)
            _pick(m)


def _context(
    mentions: list[Mention],
) -> tuple[Counter[str], Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Countries, admin1 areas, and admin1 areas holding towns, of the clearly resolved mentions."""
    countries: Counter[str] = Counter()
    admin1s: Counter[tuple[str, str]] = Counter()
    towns_in: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        m.counted = False
        if m.best is None or not m.best.iso3:
            continue
        margin = m.scores[0][0] - m.scores[1][0] if len(m.scores) > 1 else 10.0
        if margin >= CLEAR_MARGIN:
            m.counted = True
            countries[m.best.iso3] += 1
            if m.best.kind == "admin1":
                admin1s[(m.best.iso3, normalise(m.best.name))] += 1
            elif m.best.admin1:
                towns_in[(m.best.iso3, normalise(m.best.admin1))] += 1
    return countries, admin1s, towns_in
