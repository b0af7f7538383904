"""Pure functions: Doc -> Time records.

Candidates (spaCy DATE/TIME entities and the patterns of :mod:`.candidates`) are normalised by the rules of
:mod:`.normalise` against the publication date; candidates that do not normalise are dropped (precision over
recall), and of overlapping ones the longest that normalises wins.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ...schema import Time
from ..common import head_indices, meta
from .candidates import find, holiday_alone, the_year_stands, trimmed
from .lexicon import lexicon
from .normalise import Context, Parsed, ago_same_period, mod_of, parse
from .values import granularity_of, value_range

_CLAUSE_HOPS = 4
_NEAR_CHARS = 300  # "a year ago" compares with a quarter named this close before it (a sentence or two)
# Rules of a time given only as a comparison ("a year earlier", "the year-ago quarter", "the quarter"): the
# story's reference time stays the one mentioned before them (TimeML anchors them, not the other way round).
_COMPARISON = re.compile(r"^ago-|-earlier|-ago|^anaphoric-the-|before")
# An anaphoric rule, possibly under a part-of-day prefix ("earlier-anaphoric-that-day").
_ANAPHORIC = re.compile(r"^(?:(?:early|late|earlier|later|mid)-)?anaphoric")
# Rules counted in days from the time spoken of ("the next day", "later in the day", "that day").
_DAY_ANAPHOR = re.compile(r"anaphoric-(?:\w+-day|day-|in-the-day|nth-day|part-of-day|weekday)")
_DAY_PARTS = frozenset(
    {"midnight", "noon", "midday", "dawn", "dusk", "morning", "afternoon", "evening", "night"}
)


def governing_verb(span: Span | Token) -> Token | None:
    """The verb (or auxiliary / predicative adjective) the expression hangs from, following heads upwards."""
    tok = span.root if isinstance(span, Span) else span
    heads = head_indices(tok.doc)
    for _ in range(_CLAUSE_HOPS):
        if tok.pos_ in ("VERB", "AUX") and not (
            isinstance(span, Span) and tok.i in range(span.start, span.end)
        ):
            return tok
        if heads[tok.i] == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX", "ADJ") else None
        tok = tok.doc[heads[tok.i]]
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _after_past_verb(span: Span) -> bool:
    """ "said on Tuesday he would ...": an expression right after a past-tense verb (its preposition between)
    dates that verb, even when the parser hangs it on the following clause."""
    i = span.start - 1
    if i >= 0 and span.doc[i].pos_ == "ADP":
        i -= 1
    return i >= 0 and span.doc[i].tag_ == "VBD" and span.doc[i].pos_ in ("VERB", "AUX")


def _is_infinitive(verb: Token) -> bool:
    """ "to reopen", not the perfect "to have reopened" (which looks back)."""
    kids = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "to" in kids and "have" not in kids


def _has_future_aux(verb: Token) -> bool:
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a in lexicon().future_aux for a in auxes) and not any(a in ("have", "'ve") for a in auxes)


def is_future(span: Span) -> bool:
    """Whether the clause of the expression speaks of the future: its verb has a future auxiliary ("will meet
    on Friday"), or is an infinitive governed by a plan/schedule verb ("is due to visit", "plans to hold") or
    by a noun ("an agreement to reopen ... from April 1"), or is itself such a participle ("a vote scheduled
    for Friday"); a gerund continues the verb it complements ("will stop fighting from March 25")."""
    lx = lexicon()
    if _after_past_verb(span):
        return False
    verb = governing_verb(span)
    for _ in range(4):
        if verb is None:
            return False
        if _has_future_aux(verb):
            return True
        if verb.lower_ in lx.future_participles:
            return True
        if (
            verb.lemma_.lower() in lx.future_cues
            and verb.tag_ != "VBD"  # "agreed on Tuesday to ...": the time dates the agreeing
            and any(c.dep_ == "xcomp" for c in verb.children)
        ):
            return True  # "wants to cut 789 dealers by early June": the time hangs from "wants"
        head = verb.head
        if head is verb:
            return False
        if _is_infinitive(verb) and verb.dep_ in ("xcomp", "ccomp", "acl", "advcl"):
            if head.lemma_.lower() in lx.future_cues:
                return True
            if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
                return True  # "an agreement to reopen", "a plan to build": what is agreed/planned is ahead
            verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
            continue  # a purpose clause: the tense of the verb it serves decides ("would need ... to go on")
        if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "acl", "advcl", "prep"):
            verb = head if head.pos_ in ("VERB", "AUX") else governing_verb(head)
            continue  # "will stop fighting from ...", "instalments starting in May" (agreed to pay ...)
        return False
    return False


def _cue_path(span: Span) -> list[Token]:
    """The tokens from the expression's head up to (not including) the verb it hangs from."""
    path: list[Token] = []
    tok = span.root.head
    for _ in range(_CLAUSE_HOPS + 1):
        if tok.i in range(span.start, span.end):
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ not in lexicon().prospective_nouns:
            break
        path.append(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return path


def is_prospective(span: Span) -> bool:
    """A weaker cue than the future tense: the expression marks a limit or a start ("from April 1", "until",
    "by", "before") or belongs to a deadline, schedule or plan ("the deadline of March 25", "due on"). It
    makes the expression resolve to its closest occurrence rather than the most recent past one."""
    lx = lexicon()
    if _after_past_verb(span):
        return False  # "said on March 2", "extended on Monday"
    path = _cue_path(span)
    # The preposition must be the expression's own ("from April 1", "from midnight on March 25"), not one
    # further up ("results from the ruling of the court on July 8").
    own = path[:1] + (path[2:3] if len(path) > 2 and path[1].lower_ in _DAY_PARTS else [])
    return any(t.lower_ in lx.prospective_prepositions for t in own) or any(
        t.lemma_.lower() in lx.prospective_nouns for t in path
    )


def _record_value(
    parsed: Parsed, has_pub: bool
) -> tuple[str | None, Literal["absolute", "publication", "none"]]:
    if not parsed.relative:
        return parsed.value, "absolute"
    if not has_pub:
        return None, "none"  # never today's date
    return parsed.value, "publication"


def is_past(span: Span) -> bool:
    """Whether the governing verb is in a past tense ("took place this weekend")."""
    if _after_past_verb(span):
        return True
    verb = governing_verb(span)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "VBD" for c in auxes):
        return True
    if verb.tag_ == "VBN" and auxes and not any(c.lemma_ == "have" for c in auxes):
        return False  # a present or future passive ("the sale is expected in December"), not a past one
    return verb.tag_ in ("VBD", "VBN")


_ENDED = frozenset({"ended", "ending"})


def _period_ended(span: Span, published: date | None) -> Parsed | None:
    """ "the year ended Sept. 30" and "the fiscal year ending June 30" (TimeML: the duration P1Y); "the
    quarter ended July 31": the three months up to that date, named by the calendar quarter holding most of
    them (its middle, 45 days back: 1989-Q2 for a quarter ended July 31)."""
    doc = span.doc
    words = [t.lower_ for t in span if t.lower_ not in ("the", "fiscal", "its")]
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in _ENDED or words not in (["year"], ["quarter"]):
        return None
    if words == ["year"]:
        return Parsed("P1Y", "duration", None, "period-ended-year")
    for stop in range(min(span.end + 5, len(doc)), span.end + 2, -1):
        end = parse_span(doc[span.end + 1 : stop], published)
        if end is not None and end.value and end.granularity == "day" and end.type == "date":
            middle = date.fromisoformat(end.value) - timedelta(days=45)
            value = f"{middle.year}-Q{(middle.month - 1) // 3 + 1}"
            return Parsed(value, "date", "quarter", "period-ended-quarter", relative=end.relative)
    return None


def dates_event(span: Span) -> bool:
    """Whether the expression dates the event of the verb it hangs from ("withdrew on April 20", "met
    Tuesday"), rather than a limit, a deadline or a schedule ("extended to Nov. 16", "payable Dec. 1", "set
    Nov. 10 as the deadline")."""
    root = span.root
    head = root.head
    if head.pos_ == "ADP":
        return head.lower_ in ("on", "in", "at", "during") and head.head.pos_ in ("VERB", "AUX")
    return root.dep_ in ("npadvmod", "tmod") and head.pos_ in ("VERB", "AUX")


def parse_span(span: Span, published: date | None) -> Parsed | None:
    """The normalised value of a candidate span (tense from its governing verb), or None."""
    if ended := _period_ended(span, published):
        return ended
    future, past = is_future(span), is_past(span)
    prospective = not future and is_prospective(span)
    if prospective and not past and governing_verb(span) is not None and span.root.head.pos_ == "ADP":
        future = True  # "the crossing is open until April 1": a limit ahead of a present clause
    limit = span.start > 0 and span.doc[span.start - 1].lower_ in ("until", "till")
    ctx = Context(published, future, past, nearest=prospective, limit=limit, dates_event=dates_event(span))
    parsed = parse(span.text, ctx)
    if parsed is None:
        return None
    lx = lexicon()
    before = span.doc[span.start - 1] if span.start > 0 else None
    if parsed.rule.startswith("holiday") and (
        (span.end < len(span.doc) and not holiday_alone(span.doc, span.end))
        or (before is not None and (before.lower_ in ("'s", "’s") or before.ent_type_ in ("GPE", "NORP")))
    ):
        return None  # "Christmas Island", "the Christmas tree"; "Canada's Thanksgiving" is not the US one
    if parsed.rule.startswith("anaphoric-the-year") and not the_year_stands(span.doc, span.start, span.end):
        return None  # "the year of the pig", "person of the year"
    if parsed.rule.startswith("clock") and before is not None and before.lower_ in lx.clock_blockers:
        return None  # "High Noon": a title, not a time of day
    if parsed.rule.startswith("weekday") and before is not None and before.lower_ in lx.weekday_blockers:
        return None  # "Black Monday", "Super Tuesday": named days, not this week's
    idiom = before is not None and before.lower_ == "at" and "end" in span.text.lower()
    if parsed.rule.startswith("anaphoric-part-of-day") and idiom:
        return None  # "at the end of the day": "ultimately", an idiom more often than a time
    if parsed.rule.startswith("weekday") and before is not None and before.lower_ in lx.ordinals:
        return None  # "the first Tuesday after the first Monday": a rule, not a date
    if (
        parsed.rule == "year"
        and before is not None
        and before.is_title
        and before.pos_ in ("PROPN", "NOUN", "ADJ")
        and before.lower_ not in lx.months
        and before.lower_ not in lx.month_modifiers
    ):
        return None  # "Local 1520", "Russell 2000": a name with a number
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if parsed.rule == "year" and after is not None and (after.tag_ == "NNS" or after.lower_ in ("year", "+")):
        return None  # "1709 schoolchildren", "a 2000 year old tradition", "1000+": counts, not years
    has_year = any(t.shape_ == "dddd" for t in span)  # "the January 1998 bombing" is a date
    if parsed.rule.startswith("month") and parsed.granularity == "month" and span.start > 0 and not has_year:
        before = span.doc[span.start - 1]
        months = lx.months
        if before.lower_ in ("the", "a", "an") or not all(t.is_title for t in span if t.lower_ in months):
            return None  # "the March for Life", "a march": not the month
    return parsed


_CONNECTORS = frozenset({"and", "to", "until", "till", "through", "-", "–"})


def _split_interval(span: Span, parsed: Parsed, published: date | None) -> list[tuple[Span, Parsed]]:
    """ "between 2007 and 2012", "from Aug. 26 to Oct. 20": two TIMEX3s, as TimeML annotates them (the range
    is a relation between them, not a third value). Kept whole when a side does not stand alone ("March 3 to
    5")."""
    if parsed.rule != "interval":
        return [(span, parsed)]
    doc = span.doc
    for k in range(span.start + 1, span.end - 1):
        if doc[k].lower_ not in _CONNECTORS:
            continue
        left, right = trimmed(doc, span.start, k), trimmed(doc, k + 1, span.end)
        if left[0].lower_ in ("between", "from"):
            left = doc[left.start + 1 : left.end]
        a, b = parse_span(left, published), parse_span(right, published)
        if a is None or b is None or a.type != "date" or b.type != "date":
            continue
        # The values of the whole interval keep both sides in one reading ("Aug. 26 to Oct. 20": one year).
        va, _, vb = (parsed.value or "/").partition("/")
        return [
            (left, replace(a, value=va or None, rule=f"{a.rule}-interval-start")),
            (right, replace(b, value=vb or None, rule=f"{b.rule}-interval-end")),
        ]
    return [(span, parsed)]


def _clock_day(span: Span, parsed: Parsed, chosen: list[tuple[Span, Parsed]]) -> Parsed:
    """A clock time takes its day from a day-precise date in the same sentence ("March 31 at 7 p.m."), else
    the publication day it was given."""
    if parsed.rule != "clock" or not parsed.value:
        return parsed
    sent = span.sent
    for other, op in chosen:
        if op.granularity == "day" and op.value and other.sent == sent and op.type == "date":
            return replace(parsed, value=op.value[:10] + parsed.value[10:], rule="clock-date")
    return parsed


def extract_times(doc: Doc) -> list[Time]:
    published = meta(doc).published
    cands = find(doc)
    # Longest first; NER before patterns on ties (its extents follow the TIMEX conventions more closely).
    cands.sort(key=lambda c: (-(c.end - c.start), c.source != "ner", c.start))
    taken: set[int] = set()
    chosen: list[tuple[Span, Parsed]] = []
    age_cues = lexicon().age_cues
    for c in cands:
        span = trimmed(doc, c.start, c.end)
        if any(i in taken for i in range(span.start, span.end)):
            continue
        if span.end < len(doc) and doc[span.end].lower_ in age_cues:
            continue  # "33 years old": an age
        parsed = parse_span(span, published)
        if parsed is None and c.source == "ner":
            # spaCy may run an entity on ("the summer of 2012 thousands"): retry without the last tokens.
            for cut in (1, 2):
                if span.end - cut > span.start and not any(
                    i in taken for i in range(span.start, span.end - cut)
                ):
                    shorter = trimmed(doc, span.start, span.end - cut)
                    parsed = parse_span(shorter, published)
                    if parsed is not None and parsed.type == "date":
                        span = shorter
                        break
                    parsed = None
        if parsed is None:
            continue
        chosen.append((span, parsed))
        taken.update(range(span.start, span.end))
    chosen = [part for span, parsed in chosen for part in _split_interval(span, parsed, published)]
    chosen.sort(key=lambda x: x[0].start)
    chosen = [(span, _clock_day(span, parsed, chosen)) for span, parsed in chosen]
    times: list[Time] = []
    previous: str | None = None
    previous_sent = -1
    day: str | None = None  # the last day-precise date spoken of: the anchor of "that day", "the next day"
    quarter: str | None = None  # the last quarter mentioned: the period an earnings story is about
    quarter_end = -1
    for span, first in chosen:
        parsed = first
        if first.rule == "vague:since then" or _ANAPHORIC.match(first.rule):
            # "since then", "the next day", "two weeks later": counted from the time mentioned before;
            # "the quarter", "the year-earlier period": from the quarter mentioned before
            period = first.rule.startswith(("anaphoric-the-", "anaphoric-year-earlier-period")) or (
                first.rule.startswith("anaphoric-same-period") and "quarter" in span.text.lower()
            )
            anchor = (quarter or previous) if period else previous
            if first.rule.startswith("anaphoric-the-year"):
                # "sales for the full year": the year of the story's period (its quarter), or of a date in
                # the same sentence; else the publication year, not a year named paragraphs before
                anchor = quarter or (previous if previous_sent == span.sent.start else None)
            if _DAY_ANAPHOR.search(first.rule) and anchor and granularity_of(anchor.split("T")[0]) != "day":
                anchor = day or anchor  # "Ford said Tuesday ... in February ... later in the day": Tuesday
            parsed = parse(span.text, Context(published, previous=anchor)) or first
            if parsed.rule.startswith("anaphoric-the-") and parsed.value is None:
                continue  # "the quarter" with no quarter spoken of before it
        elif first.rule in ("ago-year", "ago-month"):
            # "profit rose from $3 million a year ago": the quarter the story is about, or a month in the
            # same sentence, that far back
            near = quarter_end >= 0 and span.start_char - quarter_end <= _NEAR_CHARS
            anchor = (quarter if near else None) or (previous if previous_sent == span.sent.start else None)
            parsed = (ago_same_period(span.text, anchor) if anchor else None) or first
        value, anchor = _record_value(parsed, published is not None)
        doc_ = span.doc
        mod = (
            mod_of(
                span.text,
                doc_[max(0, span.start - 2) : span.start].text,
                doc_[span.end : span.end + 2].text,
                duration=parsed.type == "duration",
            )
            if parsed.granularity != "half"  # "the first half of 2009" is 2009-H1 itself, not its START
            else None
        )
        times.append(
            Time(
                id=f"t{len(times) + 1}",
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=value,
                type=parsed.type,
                granularity=parsed.granularity,
                vague=parsed.vague,
                anchor=anchor,
                rule=parsed.rule,
                mod=mod,
            )
        )
        if (
            parsed.type == "date"
            and parsed.value
            and ".." not in parsed.value
            and "REF" not in parsed.value
            and not _COMPARISON.search(parsed.rule)
        ):
            previous, previous_sent = parsed.value, span.sent.start
            if granularity_of(parsed.value.split("T")[0]) == "day":
                day = parsed.value[:10]
            span_of = value_range(parsed.value)
            if parsed.granularity == "quarter" and (
                published is None or (span_of is not None and span_of[1] < published)
            ):  # the story's period is a quarter ended by publication, not a forecast of the current one
                quarter, quarter_end = parsed.value, span.end_char
    return times
