"""Demonyms of origin: "a Syrian-born activist", "a German of Turkish origin".

A demonym that says where someone was born or comes from ("Kenyan-born", "Turkish-raised", "of Syrian descent")
says nothing of whose national they are, nor that their state acts: it is neither an actor of its own (the
people "Kenyans") nor the person's country. Words in roles.yaml (``origin_suffixes``, ``origin_nouns``).
"""

from __future__ import annotations

from spacy.tokens import Doc


def origin_demonym(doc: Doc, start: int, end: int, suffixes: frozenset[str], nouns: frozenset[str]) -> bool:
    """The demonym [start, end) is one of origin: "Kenyan-born" (a hyphen and an origin suffix after it) or
    "of Turkish origin" (it modifies an origin noun)."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in suffixes:
        return True
    if end < len(doc) and doc[end].lower_ in suffixes and doc[end - 1].head.i == end:
        return True  # "Syrian born" written without the hyphen
    head = doc[end - 1]
    return head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in nouns
