"""Answers kept for the Doc a stage is coding: pure functions of a token that several rules ask about again
and again (a lemma), and the earlier stages' records (``doc._`` builds an accessor object on every read), are
computed once while :func:`bound` holds the Doc.

Outside :func:`bound` (a test calling a rule on a Doc of its own, a Doc changed between calls) nothing is
kept and every call computes afresh, so the answers are the same with or without the cache. Only a stage
that writes nothing to the Doc until it returns may bind it (the events stage does).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar, cast

from spacy.tokens import Doc, Token

R = TypeVar("R")

# The Doc being coded by :func:`bound`, or None; its answers per rule name and token index; its extension
# values by name.
DOC: Doc | None = None
TABLES: dict[str, dict[int, object]] = {}
LEMMAS: dict[int, str] = {}
EXTENSIONS: dict[str, object] = {}


@contextmanager
def bound(doc: Doc) -> Iterator[None]:
    """Keep answers about ``doc`` while coding it (its annotation and extensions do not change meanwhile)."""
    global DOC, TABLES, LEMMAS, EXTENSIONS
    previous = DOC, TABLES, LEMMAS, EXTENSIONS
    DOC, TABLES, LEMMAS, EXTENSIONS = doc, {}, {}, {}
    try:
        yield
    finally:
        DOC, TABLES, LEMMAS, EXTENSIONS = previous


def table(doc: Doc, name: str) -> dict[int, object] | None:
    """The answers kept for ``name`` on ``doc`` (token index -> answer), or None when ``doc`` is not bound."""
    if doc is not DOC:
        return None
    found = TABLES.get(name)
    if found is None:
        found = TABLES[name] = {}
    return found


def extension(doc: Doc, name: str) -> object:
    """``getattr(doc._, name)``, read once while ``doc`` is bound."""
    if doc is not DOC:
        return getattr(doc._, name)
    if name in EXTENSIONS:
        return EXTENSIONS[name]
    value = EXTENSIONS[name] = getattr(doc._, name)
    return value


def per_token(fn: Callable[[Token], R]) -> Callable[[Token], R]:
    """Keep ``fn``'s answer per token while the token's Doc is bound (``fn`` must depend only on the token,
    the Doc's annotation and the earlier stages' records)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def kept(tok: Token) -> R:
        if tok.doc is not DOC:
            return fn(tok)
        answers = TABLES.get(name)
        if answers is None:
            answers = TABLES[name] = {}
        i = tok.i
        if i in answers:
            return cast(R, answers[i])
        found = answers[i] = fn(tok)
        return found

    return kept
