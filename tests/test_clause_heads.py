"""Climbing to a clause's head stops at the root: spaCy builds a new Token per access, so the root test
compares indices (``tok.head.i == tok.i``), never identity."""

from __future__ import annotations

import pytest
from spacy.language import Language

from herald.stages.s1_times.extract import governing_verb
from herald.stages.s6_figures.background import _clause_verb


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Quiet on Monday.", "Monday", "Quiet"),  # a predicative adjective at the root governs the date
        ("The army attacked the town on Monday.", "Monday", "attacked"),
        ("Monday.", "Monday", None),  # a bare noun root: no verb to hang from
    ],
)
def test_governing_verb_stops_at_the_root(nlp: Language, text: str, word: str, expected: str | None) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    verb = governing_verb(tok)
    assert (verb.text if verb is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Five soldiers.", "Five", "soldiers"),  # no verb: the root itself, reached before the climb limit
        ("Rebels killed five soldiers.", "five", "killed"),
    ],
)
def test_figure_clause_verb(nlp: Language, text: str, word: str, expected: str) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert _clause_verb(tok).text == expected
