"""Answers kept for the Doc a stage is coding: pure functions of a token that several rules ask about again
and again (a lemma, a verb's subject), and the earlier stages' records (``doc._`` builds an accessor object
on every read), are computed once while :func:`bound` holds the Doc.

Outside :func:`bound` (a test calling a rule on a Doc of its own, a Doc changed between calls) nothing is
kept and every call computes afresh, so the answers are the same with or without the cache. Only a stage
that writes nothing to the Doc until it returns may bind it (the events stage does). What is kept belongs
to the thread that bound the Doc.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar, cast

from spacy.tokens import Doc, Token

R = TypeVar("R")


class _Kept(threading.local):
    """The Doc being coded by :func:`bound` on this thread, or None; its answers per rule name and token
    index, its lemmas, its extension values by name."""

    def __init__(self) -> None:
        self.doc: Doc | None = None
        self.tables: dict[str, dict[int, object]] = {}
        self.lemmas: dict[int, str] = {}
        self.extensions: dict[str, object] = {}


KEPT = _Kept()


@contextmanager
def bound(doc: Doc) -> Iterator[None]:
    """Keep answers about ``doc`` while coding it (its annotation and extensions do not change meanwhile)."""
    kept = KEPT
    previous = kept.doc, kept.tables, kept.lemmas, kept.extensions
    kept.doc, kept.tables, kept.lemmas, kept.extensions = doc, {}, {}, {}
    try:
        yield
    finally:
        kept.doc, kept.tables, kept.lemmas, kept.extensions = previous


def lemmas(doc: Doc) -> dict[int, str] | None:
    """The lemmas kept for ``doc`` (token index -> lemma), or None when ``doc`` is not bound."""
    kept = KEPT
    return kept.lemmas if doc is kept.doc else None


def extension(doc: Doc, name: str) -> object:
    """``getattr(doc._, name)``, read once while ``doc`` is bound."""
    kept = KEPT
    if doc is not kept.doc:
        return getattr(doc._, name)
    values = kept.extensions
    if name in values:
        return values[name]
    value = values[name] = getattr(doc._, name)
    return value


def per_token(fn: Callable[[Token], R]) -> Callable[[Token], R]:
    """Keep ``fn``'s answer per token while the token's Doc is bound (``fn`` must depend only on the token,
    the Doc's annotation and the earlier stages' records)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def kept_answer(tok: Token) -> R:
        kept = KEPT
        if tok.doc is not kept.doc:
            return fn(tok)
        answers = kept.tables.get(name)
        if answers is None:
            answers = kept.tables[name] = {}
        i = tok.i
        if i in answers:
            return cast(R, answers[i])
        found = answers[i] = fn(tok)
        return found

    return kept_answer
