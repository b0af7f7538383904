"""Answers kept for the Doc being coded: pure functions of a token that several rules ask about again and
again (a lemma, a sentence) are computed once per token while :func:`bound` holds the Doc.

Outside :func:`bound` (a test calling a rule on a Doc of its own, a Doc changed between calls) nothing is
kept and every call computes afresh, so the answers are the same with or without the cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc

# The Doc being coded by :func:`bound`, or None, and its answers per rule name and token index.
DOC: Doc | None = None
TABLES: dict[str, dict[int, object]] = {}


@contextmanager
def bound(doc: Doc) -> Iterator[None]:
    """Keep answers about ``doc``'s tokens while coding it (its annotation does not change meanwhile)."""
    global DOC, TABLES
    previous = DOC, TABLES
    DOC, TABLES = doc, {}
    try:
        yield
    finally:
        DOC, TABLES = previous


def table(doc: Doc, name: str) -> dict[int, object] | None:
    """The answers kept for ``name`` on ``doc`` (token index -> answer), or None when ``doc`` is not bound."""
    if doc is not DOC:
        return None
    found = TABLES.get(name)
    if found is None:
        found = TABLES[name] = {}
    return found
