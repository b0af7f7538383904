"""The historical flag's decision: background recalled in a story, or today's news. Rules are tried in order,
each named, the first that fires decides (its name leads the ``historical`` cue: "rule: why"):

1. the event's own time, normalised by the times stage against the publication date (or, without one, the
   latest date the text gives), ends before the story's reporting window (attach.HISTORY_DAYS) or is itself
   a background phrase ("years ago", "since 2014") -- ``own-time``;
2. a bare past year told in the simple past in a story that names no date of its own beyond that year
   (``year-in-undated-story``): its news is told by weekday, a year is background;
3. syntax around the event: a record clause, a dated noun or interval frame, a past office or body, a
   present perfect of discrete acts counted from a past start (``record-clause``, ``framed``,
   ``past-period``, ``record-since``);
4. tense, aspect and lexical cues as the fallback when the event has no time of its own: background
   adverbials ("once", "previously", "twice before"), a past perfect stepping back from the news, a month
   without a year, a paragraph's dated background carried on (``adverbial``, ``past-perfect``,
   ``unanchored-month``, ``carried``).

An activity still going on ("has been fighting IS since 2014") is news whatever its start date."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ...schema import Time
from ..common import doc_text, records
from . import attach, history
from .candidate import Candidate
from .filters import record_clause

Rule = Callable[[], "str | None"]


def bare_year_undated(doc: Doc, own_time: Time | None, anchor: Token) -> str | None:
    """A year alone ("In 2017, Venezuela signed ...") told in the simple past, in a story whose own date is
    known only as that year (no publication date, no fuller date in the text): news of the last days is
    told by weekday or month, a bare year recalls background."""
    if own_time is None or not own_time.value or not re.fullmatch(r"\d{4}", own_time.value):
        return None
    ref, how = attach.reference_date(doc)
    if ref is not None and how != attach.COARSE_REFERENCE:
        return None
    if not re.fullmatch(r"(?:in\s+)?\d{4}", own_time.text.strip().lower()):
        return None  # "this year", "the 2017 budget"
    if not history.told_in_past(anchor):
        return None
    return f"{own_time.text!r}: a bare year told in the past, in a story dated no closer than that year"


def decide(doc: Doc, cand: Candidate, sent: Span, time: Time | None, own_time: Time | None) -> str | None:
    """Why the event is background, as "rule: why", or None (news). ``time`` is the time attached to the
    event, ``own_time`` the same unless it hangs in a clause of its own (then None)."""
    anchor = cand.anchor
    ongoing = history.continuing(anchor)
    if ongoing:
        cand.cues["ongoing"] = ongoing
    ref = attach.reference_date(doc)[0]
    rules: list[tuple[str, Rule]] = [
        ("own-time", lambda: None if ongoing else attach.historical(doc, own_time, sent, anchor)),
        ("year-in-undated-story", lambda: None if ongoing else bare_year_undated(doc, own_time, anchor)),
        ("record-clause", lambda: record_clause(anchor)),
        ("framed", lambda: history.framed_background(anchor, cand.trigger, ref, attach.HISTORY_DAYS)),
        ("past-period", lambda: history.past_period(anchor)),
        (
            "record-since",
            lambda: None if ongoing else history.record_since(anchor, ref, attach.HISTORY_DAYS),
        ),
        (
            "adverbial",
            lambda: (
                None
                if ongoing or (own_time is not None and not history.background_words(own_time.text))
                else history.told_as_background(anchor, ref)
            ),
        ),
        (
            "past-perfect",
            lambda: None if ongoing or time is not None else history.past_perfect_step_back(anchor),
        ),
        (
            "unanchored-month",
            lambda: (
                None
                if ongoing or own_time is None or own_time.value or ref is not None
                else history.unanchored_month(own_time.text, anchor)
            ),
        ),
        ("carried", lambda: None if ongoing or time is not None else _carried(doc, sent, anchor)),
    ]
    for name, rule in rules:
        why = rule()
        if why:
            return f"{name}: {why}"
    return None


def _carried(doc: Doc, sent: Span, anchor: Token) -> str | None:
    """The paragraph's dated background carried to a past-tense sentence without a time
    (history.carried_background), judged by the same rule as the event's own time (attach.historical)."""
    dated = [t for t in records(doc, "times") if isinstance(t, Time) and t.type in ("date", "time")]
    times = [(t.start, t.end, t) for t in dated]
    if not times:
        return None

    def judge(rec: object, where: Span) -> str | None:
        return attach.historical(doc, rec, where, where.root) if isinstance(rec, Time) else None

    return history.carried_background(doc, sent, anchor, times, judge, doc_text(doc))
