"""Syntactic tests the actor rules share: is a mention an agent, a location, a modifier?"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..common import head_indices

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
    heads = head_indices(doc)
    best = end - 1
    for i in range(start, end):
        if not start <= heads[i] < end or heads[i] == i:
            best = i
    return doc[best]


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


def is_location(
    tok: Token, motion: frozenset[str] = frozenset(), place_nouns: frozenset[str] = frozenset()
) -> bool:
    """A place, not an actor: object of a locative preposition ("in Moscow"), of to/from after a word of
    motion ("travel to Iraq"), apposition to a place ("Istanbul, Turkey"), or owner of a place noun ("Syria's
    Idlib province")."""
    tok = lift_conj(tok)
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in LOCATION_PREPS:
            return True
        if prep.lower_ in ("to", "from", "toward", "towards") and prep.head.lemma_.lower() in motion:
            return True
    if tok.dep_ == "appos" and tok.head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return tok.dep_ in ("poss", "compound") and tok.head.lower_ in place_nouns


def modifies_noun(tok: Token, end: int) -> bool:
    """The token modifies a noun to its right outside the mention ("police station", "military operation")."""
    return tok.dep_ in MODIFIER_DEPS and tok.head.i >= end and tok.head.pos_ in ("NOUN", "PROPN")


def is_noun_like(tok: Token) -> bool:
    """A demonym used as a noun ("Israelis", "the Kurds") rather than as an adjective ("Israeli tanks")."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in MODIFIER_DEPS
