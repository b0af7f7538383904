"""Helpers for later stages: the time governing a token, and whether a time lies well before publication."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import cast

from spacy.tokens import Doc, Span, Token

from ...schema import Time
from ..common import RangeIndex, index_of, records, sentence_of
from .extract import governing_verb
from .values import value_range

_MAX_HOPS = 4


def _verb_of(item: Token | Span) -> Token | None:
    tok = item.root if isinstance(item, Span) else item
    for _ in range(_MAX_HOPS):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _time_ranges(times: Sequence[Time]) -> RangeIndex[Time]:
    return RangeIndex((t.start, t.end, t) for t in times)  # time_for looks in one sentence per call


def time_for(doc: Doc, item: Token | Span) -> Time | None:
    """The time expression governing ``item`` (a trigger token or span), or None.

    Only dates and clock times in the same sentence count (durations and sets do not date an event). A time
    attached by dependency to the item's verb wins (the nearest one if several); otherwise, when the sentence
    holds exactly one such time, that one; else None (no guessing between several).
    """
    times = cast("list[Time]", records(doc, "times")) or []
    if not times:
        return None
    tok = item.root if isinstance(item, Span) else item
    sent = sentence_of(tok)
    verb = _verb_of(item)
    local: list[tuple[Time, Span]] = []
    for t in index_of("times", times, _time_ranges).inside(sent.start_char, sent.end_char):
        if t.type not in ("date", "time"):
            continue
        if t.value is not None and t.value.endswith("_REF"):
            continue  # "now", "in the past": no date to give an event
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None:
            local.append((t, span))
    if not local:
        return None
    if verb is not None:
        attached = [t for t, span in local if governing_verb(span) == verb]
        if attached:
            return min(attached, key=lambda t: abs(t.start - tok.idx))
    if len(local) != 1:
        return None
    only, span = local[0]
    gov = governing_verb(span)
    if (
        verb is not None
        and gov is not None
        and gov != verb
        and gov.dep_ in ("relcl", "acl")
        and verb not in gov.subtree
    ):
        return None  # "the war, which began in 2022, has killed ...": 2022 dates the beginning only
    if verb is not None and verb.dep_ in ("acl", "relcl"):
        noun = verb.head
        if gov is not None and gov != verb and noun.dep_ in ("nsubj", "nsubjpass") and noun.head == gov:
            return None  # "the soldiers killed in the ambush were buried on Monday": Monday dates the burial
    return only


def is_historical(time: Time, published: date | None, days: int = 31) -> bool:
    """True when the time ends more than ``days`` days before the publication date (background, not news).

    Unknown publication date, unresolved values, durations and open intervals are never historical.
    """
    if published is None or time.type not in ("date", "time"):
        return False
    rng = value_range(time.value.split("T")[0] if time.value else None)
    if rng is None:
        return False
    return rng[1] < published - timedelta(days=days)
