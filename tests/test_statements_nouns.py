"""Statements (issue 11, third round): cue nouns with a "by"/"from" agent, a light-verb subject or a
prepositional content; phrasal cues with "on" (a YAML 1.1 boolean once); texts where none may be found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from herald.errors import KnowledgeBaseError
from herald.schema import Extraction
from herald.stages.s4_statements.lexicon import CueLexicon, _merge

Extract = Callable[..., Extraction]

# (text, speaker text, content, rule prefix)
FOUND = [
    # possessor (first round) and the new agents of a cue noun
    (
        "Moscow's decision to expel the diplomats angered Washington.",
        "Moscow",
        "to expel the diplomats",
        "noun-cue:decision",
    ),
    (
        "The decision by Moscow to expel the diplomats angered Washington.",
        "Moscow",
        "to expel the diplomats",
        "noun-cue:decision",
    ),
    # the subject of a light verb whose object is the cue noun
    (
        "The ministry issued a warning that the dam could fail.",
        "The ministry",
        "the dam could fail",
        "noun-cue:warning",
    ),
    (
        "Obama made a promise to close the prison at Guantanamo.",
        "Obama",
        "to close the prison at Guantanamo",
        "noun-cue:promise",
    ),
    # a prepositional content when the noun has a source
    (
        "Republicans questioned Trump's criticism of the Federal Reserve.",
        "Trump",
        "the Federal Reserve",
        "noun-cue:criticism",
    ),
    # phrasal cues with "on"
    ("She called on Congress to act on the bill.", "She", "Congress to act on the bill", "phrasal:call on"),
    ("Obama commented on the shooting in Dallas.", "Obama", "the shooting in Dallas", "phrasal:comment on"),
]


@pytest.mark.parametrize(("text", "speaker", "content", "rule"), FOUND)
def test_noun_cue_found(extract: Extract, text: str, speaker: str, content: str, rule: str) -> None:
    x = extract(text, published="2016-10-01")
    got = [(s.speaker_text, s.content.text, s.rule or "") for s in x.statements]
    assert any(sp == speaker and c == content and r.startswith(rule) for sp, c, r in got), got


# Cue nouns with no source, a time as "by" object, or no content: nothing
NOTHING = [
    "A decision by Friday is needed.",  # a date is no agent
    "The decision was a surprise to many.",  # no source
    "Its decision to close the plant was a surprise.",  # "its": no source named
    "The attack on the base killed ten soldiers.",  # "attack" is no cue noun
    "The charge of the light brigade was famous.",  # no source
    "The company made a profit last year.",  # a light verb with a plain object
    "The senator did not make a promise to anyone.",  # negated light verb
    "They called the police on Sunday.",  # "called" without "on" + object next to it
]


@pytest.mark.parametrize("text", NOTHING)
def test_noun_cue_nothing(extract: Extract, text: str) -> None:
    got = [s.rule for s in extract(text, published="2016-10-01").statements]
    assert not [r for r in got if r and (r.startswith(("noun-cue", "phrasal")))], got


@pytest.mark.parametrize("particle", [True, False])
def test_boolean_particle_rejected(particle: bool, tmp_path: Path) -> None:
    data = {"phrasal": [{"verb": "call", "particle": particle}]}
    with pytest.raises(KnowledgeBaseError, match="quote it"):
        _merge(CueLexicon(), data, str(tmp_path / "cues.yaml"))


def test_shipped_phrasal_particles_are_words() -> None:
    from herald.stages.s4_statements.lexicon import cue_lexicon

    assert ("call", "on") in cue_lexicon().phrasal
    assert not any(p in ("true", "false") for _, p in cue_lexicon().phrasal)
