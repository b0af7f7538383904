"""Wikidata ids for places: a country-level place carries its state's id from the actor KB.

The ids come from the hand-curated states (each confirmed by two public tables, docs/quality-actors-kb.md),
so a place mention "Syria" (GeoNames 163843) and the actor "Syria" link to the same item (Q858). First-level
divisions and cities get no id yet: no pinned GeoNames -> Wikidata table ships with Herald.
"""

from __future__ import annotations

import functools

from ...schema import Place
from .kb import load_kb


@functools.lru_cache(maxsize=1)
def country_ids() -> dict[str, str]:
    """PLOVER/ISO alpha-3 country code -> Wikidata id of the state."""
    return {e.country: e.wikidata for e in load_kb() if e.kind == "state" and e.country and e.wikidata}


def add_wikidata(places: list[Place]) -> list[Place]:
    """Set ``wikidata`` on each country-level place (in place); other places are left as they are."""
    ids = country_ids()
    for p in places:
        if p.wikidata is None and p.resolution == "country" and p.country:
            p.wikidata = ids.get(p.country)
    return places
