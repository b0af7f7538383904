"""The places stage's word lists, read once from ``src/herald/data/gazetteer/lexicon.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ...knowledge import parse_yaml, read_fields


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
    """Each YAML key of the file is the field of the same name (:func:`herald.knowledge.read_fields`)."""
    with open(lexicon_path(), encoding="utf-8") as fh:
        data = parse_yaml(fh.read())
    return read_fields(Lexicon, [(lexicon_path(), data)])
