"""The figures lexicon (``data/lexicons/figures.yaml`` plus user additions), loaded once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ...knowledge import load_layered


@dataclass(frozen=True)
class Vague:
    word: str
    value: float
    source: str
    weak: bool


@dataclass(frozen=True)
class FiguresLexicon:
    number_words: dict[str, float]
    scales: dict[str, float]
    vague: dict[tuple[str, ...], Vague]
    qualifiers: dict[tuple[str, ...], str]
    post_qualifiers: dict[tuple[str, ...], str]
    currency_before: dict[str, str]
    currency_after: dict[tuple[str, ...], str]
    percent: set[tuple[str, ...]]
    # lemma -> category, per role
    object_verbs: dict[str, str]
    subject_verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    total_verbs: frozenset[str]
    total_nouns: dict[str, str | None]
    time_units: frozenset[str]
    name_words: frozenset[str]
    street_words: frozenset[str]
    score_words: frozenset[str]
    months: frozenset[str]
    hedges: dict[str, str]
    source_verbs: frozenset[str]
    additional_words: frozenset[str] = frozenset()
    implicit_categories: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    person_suffixes: tuple[str, ...] = ()
    party_nouns: frozenset[str] = frozenset()
    zero_words: dict[tuple[str, ...], str] | None = None  # phrase -> itself, for the phrase matcher
    background_words: dict[tuple[str, ...], str] | None = None
    blame_words: frozenset[str] = frozenset()
    total_object_verbs: frozenset[str] = frozenset()


def _raw() -> dict[str, Any]:
    data = load_layered("lexicons/figures.yaml")
    return data


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(str(phrase).lower().split())


@functools.lru_cache(maxsize=1)
def lexicon() -> FiguresLexicon:
    raw = _raw()
    obj: dict[str, str] = {}
    subj: dict[str, str] = {}
    nouns: dict[str, str] = {}
    adjs: dict[str, str] = {}
    for cat, entry in raw["categories"].items():
        for lemma in entry.get("object", []):
            obj[lemma] = cat
        for lemma in entry.get("subject", []):
            subj[lemma] = cat
        for lemma in entry.get("nouns", []):
            nouns[lemma] = cat
        for lemma in entry.get("adjectives", []):
            adjs[lemma] = cat
    vague = {
        _key(w): Vague(w, float(v["value"]), str(v.get("source", "")), bool(v.get("weak", False)))
        for w, v in raw["vague"].items()
    }
    return FiguresLexicon(
        number_words={k: float(v) for k, v in raw["number_words"].items()},
        scales={k: float(v) for k, v in raw["scales"].items()},
        vague=vague,
        qualifiers={_key(k): v for k, v in raw["qualifiers"].items()},
        post_qualifiers={_key(k): v for k, v in raw["post_qualifiers"].items()},
        currency_before={str(k).lower(): v for k, v in raw["currencies"]["before"].items()},
        currency_after={_key(k): v for k, v in raw["currencies"]["after"].items()},
        percent={_key(p) for p in raw["percent_words"]},
        object_verbs=obj,
        subject_verbs=subj,
        nouns=nouns,
        adjectives=adjs,
        total_verbs=frozenset(raw["total_verbs"]),
        total_nouns={str(k): v for k, v in raw["total_nouns"].items()},
        time_units=frozenset(str(w).lower() for w in raw["time_units"]),
        name_words=frozenset(str(w).lower() for w in raw["name_words"]),
        street_words=frozenset(str(w).lower() for w in raw["street_words"]),
        score_words=frozenset(str(w).lower() for w in raw["score_words"]),
        months=frozenset(str(w).lower() for w in raw["months"]),
        hedges={str(k).lower(): v for k, v in raw["hedges"].items()},
        source_verbs=frozenset(raw["source_verbs"]),
        additional_words=frozenset(raw.get("additional_words", [])),
        implicit_categories=frozenset(raw.get("implicit_singular_categories", [])),
        person_nouns=frozenset(raw.get("person_nouns", [])),
        person_suffixes=tuple(raw.get("person_suffixes", [])),
        party_nouns=frozenset(str(w).lower() for w in raw.get("party_nouns", [])),
        zero_words={_key(w): str(w).lower() for w in raw.get("zero_words", [])},
        background_words={_key(w): str(w).lower() for w in raw.get("background_words", [])},
        blame_words=frozenset(str(w).lower() for w in raw.get("blame_words", [])),
        total_object_verbs=frozenset(str(w).lower() for w in raw.get("total_object_verbs", [])),
    )
