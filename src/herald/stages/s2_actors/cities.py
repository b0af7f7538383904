"""Towns and regions that are not in the actors KB: which country they lie in (from the places gazetteer).

A city is a place, not an actor; it stands for its authorities only as the subject of a speech or authority
verb ("Lagos announced a curfew"), and a place before a role noun gives the role its country
("Gaza residents", "Donetsk separatists"). The gazetteer is the places stage's: read here, never changed.
"""

from __future__ import annotations

import functools

from ..s3_places.store import store

# A name whose biggest town is at least this many times bigger than the biggest one in another country is that
# country's ("Rafah": Gaza's 126k vs Egypt's 44k); otherwise it is ambiguous and gives no country.
DOMINANCE = 2.0
AREA_DISCOUNT = 4


@functools.lru_cache(maxsize=4096)
def place_country(name: str) -> tuple[str, int] | None:
    """(ISO alpha-3, population) of the town or region ``name`` by its primary gazetteer name, or None when
    the gazetteer does not know it, it is a country (the KB's business) or towns of that name lie in several
    countries of similar size."""
    found = [(e, primary) for e, primary in store().candidates(name) if primary]
    if not found or any(e.kind in ("country", "continent") for e, _p in found):
        return None
    towns = [e for e, _p in found if e.kind == "city" and e.iso3]
    areas = [e for e, _p in found if e.kind in ("admin1", "region") and e.iso3]
    if not towns and not areas:
        return None
    best: dict[str, int] = {}
    for e in towns + areas:
        assert e.iso3 is not None
        # a province counts for less than a town of the same name ("Gaza" is Gaza City, not Mozambique's
        # province), but a big one still beats a village ("England" is not the hamlet in Arkansas)
        pop = e.population // AREA_DISCOUNT if e.kind != "city" and towns else e.population
        best[e.iso3] = max(best.get(e.iso3, 0), pop)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] < DOMINANCE * max(ranked[1][1], 1):
        return None
    return ranked[0]


@functools.lru_cache(maxsize=4096)
def known_place(name: str, min_pop: int) -> bool:
    """The gazetteer knows ``name`` by a primary name as a region or a town of ``min_pop`` people or more (not
    a country). NER often labels people GPE ("Rowling said", "Montalvo said"); a GPE the gazetteer does not
    know, or only as a small town, keeps the plain named-entity rule."""
    found = [e for e, primary in store().candidates(name) if primary]
    if not found or any(e.kind in ("country", "continent") for e in found):
        return False
    return any(e.kind == "region" or e.population >= min_pop for e in found)
