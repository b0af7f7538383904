"""Nouns naming the opponents of their owner ("Erdogan's opponents", "critics of the government"): the owner
is their target, not who they are (lexicon: ``lexicons/opponents.yaml``). Shared by the statements stage
(speaker) and the events stage (actor)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..knowledge import load_layered


@lru_cache(maxsize=1)
def opposing_nouns() -> frozenset[str]:
    data = load_layered("lexicons/opponents.yaml")
    return frozenset(str(w).lower() for w in data.get("opposing_nouns") or ())


def opposing_noun(tok: Token) -> bool:
    """Whether the token is a noun naming those against its owner ("critics", "opponents")."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in opposing_nouns()
