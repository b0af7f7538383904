"""The times lexicon (``data/lexicons/times.yaml``), loaded once and merged with the user's copy."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ...knowledge import load_layered


@dataclass(frozen=True)
class TimesLexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    seasons: dict[str, str]
    units: dict[str, dict[str, Any]]
    numbers: dict[str, int | str]
    ordinals: dict[str, int]
    ordinal_numbers: dict[str, int]
    named_dates: dict[str, str]
    holidays: dict[str, dict[str, Any]]
    clock_words: dict[str, str]
    clock_blockers: frozenset[str]
    vague: dict[str, dict[str, Any]]
    age_cues: frozenset[str]
    year_prepositions: frozenset[str]
    month_modifiers: frozenset[str]
    future_cues: frozenset[str]
    future_aux: frozenset[str]
    future_participles: frozenset[str]
    prospective_prepositions: frozenset[str]
    prospective_nouns: frozenset[str]
    weekday_blockers: frozenset[str]
    time_zones: frozenset[str]

    def unit(self, word: str) -> str | None:
        """The unit name of a (possibly plural) unit word: 'years' -> 'year', 'centuries' -> 'century'."""
        w = word.lower()
        if w in self.units:
            return w
        if w.endswith("ies") and w[:-3] + "y" in self.units:
            return w[:-3] + "y"
        if w.endswith("s") and w[:-1] in self.units:
            return w[:-1]
        return None


@functools.lru_cache(maxsize=1)
def lexicon() -> TimesLexicon:
    """The shipped lexicon, with ``$HERALD_HOME/lexicons/times.yaml`` merged over it when present."""
    data = load_layered("lexicons/times.yaml")

    def low(items: list[str]) -> frozenset[str]:
        return frozenset(str(x).lower() for x in items)

    return TimesLexicon(
        months={str(k).lower(): int(v) for k, v in data["months"].items()},
        ambiguous_months=low(data.get("ambiguous_months", [])),
        weekdays={str(k).lower(): int(v) for k, v in data["weekdays"].items()},
        ambiguous_weekdays=low(data.get("ambiguous_weekdays", [])),
        seasons={str(k).lower(): str(v) for k, v in data["seasons"].items()},
        units={str(k).lower(): dict(v) for k, v in data["units"].items()},
        numbers={str(k).lower(): v for k, v in data["numbers"].items()},
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        ordinal_numbers={str(k).lower(): int(v) for k, v in data.get("ordinal_numbers", {}).items()},
        named_dates={str(k).lower(): str(v) for k, v in data.get("named_dates", {}).items()},
        holidays={str(k).lower(): dict(v) for k, v in data.get("holidays", {}).items()},
        clock_words={str(k).lower(): str(v) for k, v in data.get("clock_words", {}).items()},
        clock_blockers=low(data.get("clock_blockers", [])),
        vague={str(k).lower(): dict(v) for k, v in data.get("vague", {}).items()},
        age_cues=low(data.get("age_cues", [])),
        year_prepositions=low(data.get("year_prepositions", [])),
        month_modifiers=low(data.get("month_modifiers", [])),
        future_cues=low(data.get("future_cues", [])),
        future_aux=low(data.get("future_aux", [])),
        future_participles=low(data.get("future_participles", [])),
        prospective_prepositions=low(data.get("prospective_prepositions", [])),
        prospective_nouns=low(data.get("prospective_nouns", [])),
        weekday_blockers=low(data.get("weekday_blockers", [])),
        time_zones=low(data.get("time_zones", [])),
    )
