"""Syntactic tests the actor rules share: is a mention an agent, a location, a modifier?"""

from __future__ import annotations

from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
# Prepositions after which a country or capital is where something happens, not who does it.
LOCATION_PREPS = frozenset(
    {
        "in",
        "at",
        "inside",
        "within",
        "across",
        "throughout",
        "near",
        "around",
        "into",
        "via",
        "outside",
        "over",
    }
)
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Left dependents of a role noun that belong to the role phrase ("the [Hamas-run health] ministry").
NP_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "punct", "hmod", "hyph"})


def head_of(doc: Doc, start: int, end: int) -> Token:
    """The token of [start, end) whose head lies outside the span (the last one if several)."""
    best = doc[end - 1]
    for tok in doc[start:end]:
        if not start <= tok.head.i < end or tok.head.i == tok.i:
            best = tok
    return best


def lift_conj(tok: Token) -> Token:
    """ "Moscow and Beijing said": the first conjunct carries the dependency of the whole list."""
    seen = 0
    while tok.dep_ == "conj" and tok.head.i != tok.i and seen < 10:
        tok = tok.head
        seen += 1
    return tok


def is_agentive(tok: Token) -> bool:
    """Subject (active or passive), possessor ("Beijing's response") or by-agent of a passive."""
    tok = lift_conj(tok)
    if tok.dep_ in SUBJECT_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def is_location(tok: Token) -> bool:
    """Object of a locative preposition ("in Moscow", "came to Beijing" is handled by the caller)."""
    tok = lift_conj(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS


def modifies_noun(tok: Token, end: int) -> bool:
    """The token modifies a noun to its right outside the mention ("police station", "military operation")."""
    return tok.dep_ in MODIFIER_DEPS and tok.head.i >= end and tok.head.pos_ in ("NOUN", "PROPN")


def is_noun_like(tok: Token) -> bool:
    """A demonym used as a noun ("Israelis", "the Kurds") rather than as an adjective ("Israeli tanks")."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in MODIFIER_DEPS
