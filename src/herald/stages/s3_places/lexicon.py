"""The places stage's word lists, read once from ``src/herald/data/gazetteer/lexicon.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class Lexicon:
    generic_area_words: frozenset[str]
    admin_suffixes: frozenset[str]
    area_designators: frozenset[str]
    directions: frozenset[str]
    honorifics: frozenset[str]
    locative_preps: frozenset[str]
    context_cues: frozenset[str]
    strong_context_cues: frozenset[str]
    street_words: frozenset[str]
    org_openers: frozenset[str]
    street_openers: frozenset[str]
    street_initials: frozenset[str]
    facility_features: dict[str, str]


def lexicon_path() -> str:
    return str(resources.files("herald.data") / "gazetteer" / "lexicon.yaml")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with open(lexicon_path(), encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    features = {str(k): str(v) for k, v in data["facility_features"].items()}
    words = {
        key: frozenset(str(w) for w in data[key])
        for key in Lexicon.__dataclass_fields__
        if key != "facility_features"
    }
    return Lexicon(**words, facility_features=features)
