"""Date, place and attribution of an event, from the times, places and statements stages.

The helpers of the earlier stages are imported defensively: when a stage is missing or older, a local fallback
over its records (or nothing) is used, so the events stage always runs.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...schema import Actor, Place, Statement, Time
from ..common import doc_text, ents_within, head_indices, meta, records, statement_index, syntax
from .history import background_before_year, undated_background

TimeFor = Callable[[Doc, Any], "Time | None"]
PlaceFor = Callable[[Doc, Any], "Place | None"]

_time_for: Any = None
_is_historical: Any = None
_place_for: Any = None
# The times/places helpers may be missing while those stages change: fall back to local rules then.
with contextlib.suppress(ImportError):
    from ..s1_times import time_for as _time_for
with contextlib.suppress(ImportError):
    from ..s1_times import is_historical as _is_historical
with contextlib.suppress(ImportError):
    from ..s3_places import place_for as _place_for

HISTORY_DAYS = 31
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Phrases that frame an event as background whatever its date ("since 2007", "years ago").
HISTORY_CUES = ("years ago", "decades ago", "last year", "last decade", "in the past", "since ")


def _in_clause(tok: Token, anchor: Token) -> bool:
    """Whether tok hangs under anchor without crossing into another clause."""
    heads, deps = head_indices(tok.doc), syntax(tok.doc).deps
    cur = tok.i
    for _ in range(12):
        if cur == anchor.i:
            return True
        if deps[cur] in ("ccomp", "relcl", "advcl", "parataxis") or heads[cur] == cur:
            return False
        cur = heads[cur]
    return False


def _records_in(doc: Doc, items: Sequence[Any], anchor: Token) -> list[Any]:
    out = []
    for rec in items:
        span = doc.char_span(rec.start, rec.end, alignment_mode="expand")
        if span is not None and _in_clause(span.root, anchor):
            out.append(rec)
    return out


def find_time(doc: Doc, trigger: Token, anchors: Sequence[Token]) -> tuple[Time | None, str]:
    """The time expression governing the event, and where it came from."""
    if _time_for is not None:
        for t in (trigger, *anchors):
            try:
                found = _time_for(doc, t)
            except Exception:
                found = None
            if found is not None:
                return found, "times.time_for"
        return None, "none"
    times = [t for t in records(doc, "times") if isinstance(t, Time) and t.type in ("date", "time")]
    for anchor in (trigger, *anchors):
        near = _records_in(doc, times, anchor)
        if near:
            near.sort(key=lambda t: abs(t.start - trigger.idx))
            return near[0], "clause"
    return None, "none"


# Adverbs that continue the narrative of the previous sentence ("Hamas seized Gaza in 2007. Israel then
# imposed a blockade"): the event shares the earlier sentence's time.
NARRATIVE = frozenset({"then", "later", "subsequently", "afterwards", "afterward", "thereafter"})


def narrative_time(doc: Doc, sentence: Span, anchor: Token) -> tuple[Time | None, str]:
    """The time of the preceding sentence in the same paragraph, when a narrative adverb on the anchor says
    the event continues it."""
    adv = next((c for c in anchor.children if c.dep_ == "advmod" and c.lower_ in NARRATIVE), None)
    if adv is None:
        return None, "none"
    before = [
        t
        for t in records(doc, "times")
        if isinstance(t, Time) and t.type in ("date", "time") and t.end <= sentence.start_char
    ]
    if not before:
        return None, "none"
    last = max(before, key=lambda t: t.end)
    if "\n" in doc_text(doc)[last.end : sentence.start_char]:
        return None, "none"  # another paragraph: no continuation
    return last, f"narrative:{adv.lower_} continues {last.text!r}"


def find_place(doc: Doc, trigger: Token, anchors: Sequence[Token]) -> tuple[Place | None, str]:
    if _place_for is not None:
        for t in (trigger, *anchors):
            try:
                found = _place_for(doc, t)
            except Exception:
                found = None
            if found is not None:
                return found, "places.place_for"
        return None, "none"
    places = [p for p in records(doc, "places") if isinstance(p, Place)]
    for anchor in (trigger, *anchors):
        near = [p for p in _records_in(doc, places, anchor)]
        # A place is where the event happened only behind a locative preposition ("in Gaza", "near Samarra").
        near = [p for p in near if _locative(doc, p)]
        if near:
            near.sort(key=lambda p: abs(p.start - trigger.idx))
            return near[0], "clause"
    return None, "none"


def _locative(doc: Doc, place: Place) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "conj", "appos", "pobj") and root.head.i != root.i:
        if root.dep_ == "pobj":
            return root.head.lower_ in ("in", "at", "near", "outside", "inside", "across", "around", "into")
        root = root.head
    return False


# The last Doc's reference date: historical() asks once per event, the answer is per Doc.
_REFERENCE: tuple[Doc, tuple[date | None, str]] | None = None


def reference_date(doc: Doc) -> tuple[date | None, str]:
    """The story's own date: the publication date, else the latest absolute calendar date the article gives
    (its news is told around the last date it names; earlier dates are background)."""
    global _REFERENCE
    if _REFERENCE is not None and _REFERENCE[0] is doc:
        return _REFERENCE[1]
    found = _reference_date(doc)
    _REFERENCE = (doc, found)
    return found


def _reference_date(doc: Doc) -> tuple[date | None, str]:
    published = meta(doc).published
    if published is not None:
        return published, "publication"
    best: date | None = None
    coarse = False
    for t in records(doc, "times"):
        if isinstance(t, Time) and t.type in ("date", "time") and t.anchor == "absolute":
            # a day counts as itself; a bare year or month only by its first day: "2011" in a release number
            # says the story is from 2011, not from its last day (which would make "Feb. 18" old news)
            exact = bool(t.value) and len(str(t.value).split("/")[-1]) >= 10
            day = _value_end(t.value) if exact else _value_start(t.value)
            if day is not None and (best is None or day > best):
                best, coarse = day, not exact
    return best, COARSE_REFERENCE if coarse else "latest date in the text"


# how reference_date names a story date known only to the year or month: too coarse to place a month named
# without its year ("Feb. 18" in a dateline) before or after it
COARSE_REFERENCE = "latest year or month in the text"


def historical(doc: Doc, time: Time | None, sentence: Span, trigger: Token) -> str | None:
    """Why the event is background (over ~a month before the story's date, or framed as history), or None."""
    ref, ref_how = reference_date(doc)
    if time is not None:
        low = time.text.lower()
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        own = span is not None and _in_clause(span.root, trigger)
        if own and any(cue.strip() in low for cue in HISTORY_CUES):
            return f"time {time.text!r} frames the event as background"
        if own and not time.value and ref_how != COARSE_REFERENCE:
            # "a year ago", "in February" that the times stage left without a value
            why = undated_background(time.text, ref, HISTORY_DAYS)
            if why:
                return why
        early = _value_end(time.value)
        if own and ref_how != "publication" and early is not None and early.year < background_before_year():
            return f"time {time.text!r} ({time.value}) is before {background_before_year()}: background"
        if ref is None or not (ref_how == "publication" or time.anchor == "absolute"):
            return None
        if _is_historical is not None:
            with contextlib.suppress(Exception):
                if _is_historical(time, ref, days=HISTORY_DAYS):
                    return f"time {time.text!r} is more than {HISTORY_DAYS} days before the {ref_how}"
                return None
        end = _value_end(time.value)
        if end is not None and end < ref - timedelta(days=HISTORY_DAYS):
            return f"time {time.text!r} ({time.value}) is more than {HISTORY_DAYS} days before the {ref_how}"
        return None
    # No time record: a year or a background phrase attached to the trigger's clause, or to a clause saying
    # when the event began ("the war that began in 2011").
    for ent in ents_within(doc, sentence.start, sentence.end):
        if ent.label_ != "DATE" or not (_in_clause(ent.root, trigger) or _began(ent.root, trigger)):
            continue
        low = ent.text.lower()
        if any(cue.strip() in low for cue in HISTORY_CUES):
            return f"{ent.text!r} frames the event as background"
        m = _YEAR.search(ent.text)
        if m and ref is not None and date(int(m.group(1)), 12, 31) < ref - timedelta(days=HISTORY_DAYS):
            return f"year {m.group(1)} is more than {HISTORY_DAYS} days before the {ref_how}"
        if m and ref_how != "publication" and int(m.group(1)) < background_before_year():
            return f"year {m.group(1)} is before {background_before_year()}: background"
    return None


BEGIN_VERBS = frozenset({"begin", "start", "erupt", "break", "launch", "outbreak"})


def _began(tok: Token, trigger: Token) -> bool:
    """The date hangs under a relative clause of the event noun saying when it began."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("relcl", "acl") and cur.head.i == trigger.i:
            return cur.lemma_.lower() in BEGIN_VERBS
        cur = cur.head
    return False


def _value_end(value: str | None) -> date | None:
    """The last day an ISO-like time value covers (YYYY, YYYY-MM, YYYY-MM-DD, or an interval A/B)."""
    if not value:
        return None
    value = value.split("/")[-1]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = int(value[:4]), int(value[5:7])
            return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _value_start(value: str | None) -> date | None:
    """The first day an ISO-like time value covers."""
    if not value:
        return None
    value = value.split("/")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def after_publication(doc: Doc, time: Time | None) -> str | None:
    """Why the governing time lies after publication ("next month"), else None."""
    published = meta(doc).published
    start = _value_start(time.value) if time is not None else None
    if time is not None and start is not None and published is not None and start > published:
        return f"time {time.text!r} ({time.value}) is after publication"
    return None


def actors_by_id(doc: Doc) -> dict[str, Actor]:
    """The actors stage's actors of the Doc by id (statements name their speaker by actor id)."""
    return {a.id: a for a in records(doc, "actors") if isinstance(a, Actor)}


def statement_for(doc: Doc, trigger: Token) -> Statement | None:
    """The statement whose content contains the trigger (the event is known through it): the narrowest, the
    first on a tie."""
    return statement_index(doc).narrowest(trigger.idx, trigger.idx + 1)
