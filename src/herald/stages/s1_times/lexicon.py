"""The times lexicon (``data/lexicons/times.yaml``), loaded once and merged with the user's copy."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ...knowledge import layered_files, read_fields


@dataclass(frozen=True)
class TimesLexicon:
    """The times lexicon: each field is the YAML key of the same name in ``times.yaml``."""

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


def _lower(word: object) -> str:
    return str(word).lower()


@functools.lru_cache(maxsize=1)
def lexicon() -> TimesLexicon:
    """The shipped lexicon, with ``$HERALD_HOME/lexicons/times.yaml`` merged over it when present: each YAML
    key is the field of the same name, words and keys lower-cased (:func:`herald.knowledge.read_fields`)."""
    return read_fields(TimesLexicon, layered_files("lexicons/times.yaml"), norm=_lower)
