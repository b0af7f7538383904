"""Statements (issue 11, fifth round): cues the syntax used to lose — passives of characterizing and object
cues, object relative clauses, anaphoric contents ("said as much"), the author named on a message noun, and
a clause the parser hung on a cue across a relative clause."""

from __future__ import annotations

import pytest

from statement_helpers import Extract, assert_found, rules_of

# (text, speaker text or None, content, rule prefix)
FOUND: list[tuple[str, str | None, str, str]] = [
    # passive of a characterizing cue with its predicate: the passive subject is the content
    (
        "The new border policy was widely seen as a failure.",
        None,
        "The new border policy",
        "cue-passive-predicate",
    ),
    (
        "The senator has been called a liar by several colleagues.",
        "several colleagues",
        "The senator",
        "cue-passive-predicate:call",
    ),
    # passive of an object cue with a person or group as its "by" agent
    (
        "The mayor was endorsed by the teachers' union.",
        "the teachers' union",
        "The mayor",
        "cue-passive-agent",
    ),
    # object relative clause: the modified noun (with its relative pronoun) is the content
    (
        "Officials discussed the missile test, which state media claimed was a success.",
        "state media",
        "the missile test, which",
        "cue-relative-subject:claim",
    ),
    (
        "Rescuers searched the building after an explosion that the governor described as an attack.",
        "the governor",
        "an explosion that",
        "cue-relative-object:describe",
    ),
    # anaphoric contents
    (
        "The company's spokesman said as much in a statement.",
        "The company's spokesman",
        "as much",
        "cue-anaphoric",
    ),
    ("Many economists have said the same thing.", "Many economists", "the same thing", "cue-anaphoric"),
    # the name on a message noun wrote it, not the subject of the verb that mentions the message
    (
        "The governor criticized a Greenpeace report accusing the company of hiding the spill.",
        "Greenpeace",
        "the company of hiding the spill",
        "cue-object",
    ),
    # a passive participle with a "by" agent on the noun it describes
    (
        "Spending stays below the levels demanded by NATO.",
        "NATO",
        "the levels",
        "cue-participle:demand",
    ),
    # a gerund complement of an intention cue
    (
        "The governor proposed raising the tax on cigarettes.",
        "The governor",
        "raising the tax on cigarettes",
        "cue-xcomp:propose",
    ),
    # a particle, a date or a pronoun addressee between the verb and the preposition of a phrasal cue
    (
        "The reporter asked him about the missing emails.",
        "The reporter",
        "the missing emails",
        "phrasal:ask about",
    ),
    # a reporting participle in an "as"-clause: its "by" agent or no one speaks, not the main subject
    (
        "As reported by the Times, the company lost money in 1995.",
        "the Times",
        "the company lost money in 1995",
        "cue-parenthetical-before",
    ),
    (
        "The talks collapsed on Friday as predicted.",
        None,
        "The talks collapsed on Friday",
        "cue-parenthetical",
    ),
    # a quotation keeps its "she said" when the parser hangs a later clause on the cue across a relative
    # clause
    (
        "“It is over,” she said of the vote, in which she was sure her party would win.",
        "she",
        "It is over",
        "quote-then-cue",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "content", "rule"), FOUND)
def test_clause_found(extract: Extract, text: str, speaker: str | None, content: str, rule: str) -> None:
    assert_found(extract, text, speaker, content, rule)


# Texts where none of these rules may give a statement
NOTHING = [
    "The bridge is supported by steel cables.",  # an inanimate agent holds no stance
    "The old bridge was called in for repairs.",  # no predicate, no agent
    "She met the man she called on Monday.",  # a characterizing verb in a relative clause needs its predicate
    "He arrived at a time when many calls went unanswered.",  # a relative adverb, not an object
    "The house that he bought last year was sold.",  # no cue
    "The report was published on Friday.",  # an agentless object passive without a predicate
    "The transcript, published by the newspaper, runs to 90 pages.",  # publishing is no stance
    "He asked her to the dance on Friday.",  # no topic preposition
    "The train left early as planned.",  # an intention participle is no parenthetical attribution
]


@pytest.mark.parametrize("text", NOTHING)
def test_clause_nothing(extract: Extract, text: str) -> None:
    assert rules_of(extract, text) == []
