"""Finding time expressions: spaCy's DATE/TIME entities plus token patterns for what the model misses.

The Matcher is built once per vocabulary. Candidates may overlap; :mod:`.extract` keeps the longest that
normalise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LOWER, SHAPE
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .lexicon import lexicon

_UNITS_PLURAL = ["days", "weeks", "months", "years", "decades", "day", "week", "month", "year", "decade"]
_REL = ["last", "this", "next", "past", "previous", "coming", "current"]
_REL_UNITS = ["week", "weekend", "month", "year", "quarter"]
_DEICTIC = ["yesterday", "today", "tomorrow", "tonight"]
# Tokens that may be added in front of a found expression ("last" + "Tuesday").
_LEFT = frozenset(
    {"last", "next", "this", "coming", "early", "late", "mid", "past", "earlier", "fiscal", "every", "each"}
)
# Parts of the day that may follow a weekday ("Tuesday morning": TimeML's 2024-04-30TMO).
_DAY_PART_AFTER = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
# Leading words that are not part of the expression's text (TIMEX3 leaves signals out).
_TRIM = frozenset(
    {
        "on",
        "in",
        "at",
        "since",
        "by",
        "until",
        "till",
        "during",
        "of",
        "around",
        "about",
        "circa",
        "before",
        "after",
        "through",
        "throughout",
        "for",
        "from",
    }
)


@dataclass(frozen=True)
class Candidate:
    start: int  # token offsets
    end: int
    source: str  # "ner" or the pattern name


def _month_forms(months: list[str]) -> list[str]:
    """Month names and dotted short forms (spaCy keeps the full stop of "Sept." / "Jan." on the token)."""
    return months + [f"{w}." for w in months if len(w) <= 4 and w != "may"]


# Every Matcher pattern below holds a month name, a four-digit number or a clock time, and none is longer
# than 5 tokens: matching only windows of 4 tokens either side of such anchor tokens finds every match the
# whole Doc gives, at a fraction of the cost (the Matcher tests each pattern at every token).
_ANCHOR_SHAPES = ("dddd", "dd:dd", "d:dd")
_REACH = 4


@functools.lru_cache(maxsize=4)
def _anchor_hashes(vocab: Vocab) -> tuple[frozenset[int], frozenset[int]]:
    """Hashes of the anchor words (LOWER) and shapes (SHAPE) of the Matcher patterns."""
    words = frozenset(vocab.strings.add(w) for w in _month_forms(list(lexicon().months)))
    return words, frozenset(vocab.strings.add(s) for s in _ANCHOR_SHAPES)


def _windowed_matches(matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
    """The Matcher's matches over the Doc, run only on the merged windows around anchor tokens."""
    words, shapes = _anchor_hashes(doc.vocab)
    rows = doc.to_array([LOWER, SHAPE]).tolist()
    n = len(doc)
    windows: list[list[int]] = []
    for i, (low, shape) in enumerate(rows):
        if low in words or shape in shapes:
            start, end = max(0, i - _REACH), min(n, i + _REACH + 1)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
    out: list[tuple[int, int, int]] = []
    for start, end in windows:
        out.extend((key, start + s, start + e) for key, s, e in matcher(doc[start:end]))
    return out


@functools.lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> tuple[Matcher, PhraseMatcher]:
    lx = lexicon()
    full_weekdays = [w for w in lx.weekdays if w not in lx.ambiguous_weekdays]
    months = list(lx.months)
    m = Matcher(vocab)
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    month_any = {"LOWER": {"IN": _month_forms(months)}, "IS_TITLE": True}
    dot = {"ORTH": ".", "OP": "?"}
    comma = {"ORTH": ",", "OP": "?"}
    year = {"SHAPE": "dddd"}
    this_year: list[dict[str, Any]] = [{"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": "year"}]
    m.add(
        "MONTH_DAY",
        [[month_any, dot, day], [month_any, dot, day, comma, year], [month_any, dot, day, *this_year]],
    )
    weekday = {"LOWER": {"IN": full_weekdays}}
    m.add("WD_MONTH_DAY", [[weekday, comma, month_any, dot, day]])  # "Monday, May 25"
    m.add("DAY_MONTH", [[day, {"LOWER": "of", "OP": "?"}, month_any], [day, month_any, year]])
    m.add("MONTH_YEAR", [[month_any, dot, {"LOWER": "of", "OP": "?"}, year]])
    # Years are anchored on themselves (patterns that start on frequent words such as "in" are slow); the
    # preposition in front is checked in find().
    m.add("PREP_YEAR", [[year]])
    zones = {"LOWER": {"IN": ["utc", "gmt", "a.m.", "p.m.", "am", "pm"]}}
    m.add("CLOCK", [[{"SHAPE": {"IN": ["dd:dd", "d:dd"]}}, {**zones, "OP": "?"}], [{"SHAPE": "dddd"}, zones]])
    # Single words and fixed phrases go to the PhraseMatcher: hash look-ups, much cheaper than Matcher
    # patterns that test a word list on every token.
    pm = PhraseMatcher(vocab, attr="LOWER")
    pm.add("WEEKDAY", [vocab_doc(vocab, w) for w in full_weekdays])
    pm.add("DEICTIC", [vocab_doc(vocab, w) for w in _DEICTIC])
    pm.add("PREP_MONTH", [vocab_doc(vocab, w) for w in months])
    pm.add(
        "REL_UNIT",
        [
            *(vocab_doc(vocab, f"{r} {u}") for r in _REL for u in _REL_UNITS),
            *(vocab_doc(vocab, f"{r} fiscal {u}") for r in _REL for u in ("year", "quarter")),
            vocab_doc(vocab, "the weekend"),
        ],
    )
    pm.add("HOLIDAY", [vocab_doc(vocab, _split_possessive(h)) for h in lx.holidays])
    pm.add("CLOCK_WORD", [vocab_doc(vocab, w) for w in lx.clock_words])
    pm.add("HALF", [vocab_doc(vocab, f"{w} half of") for w in _HALF_WORDS])
    # years as transcripts write them ("nineteen ninety-six", "the year two thousand"), anchored on the
    # century word; grown in find()
    pm.add("SPELLED_YEAR", [vocab_doc(vocab, w) for w in ("nineteen", "eighteen", "thousand")])
    # "two days ago": anchored on the unit; the number in front is added in find().
    pm.add("AGO", [vocab_doc(vocab, f"{u} ago") for u in _UNITS_PLURAL])
    pm.add("VAGUE", [vocab_doc(vocab, k) for k in lx.vague])
    pm.add("NAMED", [vocab_doc(vocab, k) for k in lx.named_dates])
    # "the latest period", "the most recent quarter": the quarter spoken of (an earnings story's period)
    pm.add(
        "LATEST_PERIOD",
        [vocab_doc(vocab, f"the {w} {u}") for w in ("latest", "most recent") for u in ("period", "quarter")],
    )
    # "the same period last year", "the same month a year ago": one TIMEX3, the period a year back
    pm.add(
        "SAME_PERIOD",
        [
            vocab_doc(vocab, f"the same {u} {tail}")
            for u in ("day", "week", "month", "quarter", "period", "time")
            for tail in ("last year", "a year ago", "a year earlier", "the previous year", "the year before")
        ],
    )
    # Durations, sets and anaphoric dates are anchored on their unit word ("two weeks", "every week", "the
    # next day", "two days later") and grown around it in _around_units(): a Matcher pattern starting on a
    # number or a word list is tested at every token and cost more than the rest of the stage.
    units = [u for u in lx.units if u != "weekend"]
    pm.add(
        "UNIT",
        [vocab_doc(vocab, w) for w in [*units, *(u + "s" for u in units if u != "century"), "centuries"]],
    )
    pm.add("SET_WORD", [vocab_doc(vocab, w) for w in _SET_WORDS])
    pm.add("SET_WEEKDAYS", [vocab_doc(vocab, w + "s") for w in full_weekdays if w.endswith("day")])
    pm.add("DECADE", [vocab_doc(vocab, f"the {q}{d}0s") for d in range(1, 10) for q in ("", "'")])
    return m, pm


_SET_WORDS = ("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly")
_EXTRA = frozenset({"consecutive", "straight", "full", "more", "trading", "business", "working", "calendar"})
_BEFORE_A = frozenset(
    {"for", "over", "within", "nearly", "almost", "than", "least", "barely", "only", "just"}
)
_BEFORE_PLURAL = frozenset({"for", "over", "within", "in", "after", "several", "many", "few"})
_EVERY = frozenset({"every", "each"})
_PER = frozenset({"a", "an", "per", "every", "each"})
_ANAPHOR_REL = frozenset({"next", "following", "previous", "preceding", "same"})
_ANAPHOR_UNITS = frozenset({"day", "week", "month", "year"})
_LATER = frozenset({"later", "afterwards", "earlier"})
_RANGE_WORDS = frozenset({"to", "and", "through", "until", "till", "or"})  # the second year of a range
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth"})
_HALF_WORDS = ("first", "second", "last", "latter")
# "for the year", "in the fiscal year": the year spoken of, only after these prepositions and not before
# words that make it another expression ("the year ended", "the year-earlier", "the year of the pig").
_THE_YEAR_PREPS = frozenset({"for", "in", "during", "over", "throughout", "through"})
_YEAR_ADJ = frozenset({"full", "fiscal", "entire", "whole"})
_NOT_THE_YEAR = frozenset(
    {
        "of",
        "-",
        "ended",
        "ending",
        "before",
        "after",
        "earlier",
        "ago",
        "when",
        "that",
        "'s",
        "’s",
        "to",
        "in",
    }
)


def _counted(tok: Token, number_words: dict[str, int | str]) -> bool:
    """A number in front of a unit: "two", "48", "several" (not "a": "a year" alone is too often a rate)."""
    return (tok.like_num and tok.lower_ not in ("a", "an")) or (
        tok.lower_ in number_words and tok.lower_ not in ("a", "an", "some", "many", "few")
    )


def _around_units(doc: Doc, i: int, numbers: dict[str, int | str]) -> list[Candidate]:
    """Candidates grown around the unit word at token ``i``."""
    out: list[Candidate] = []
    tok = doc[i]
    prev = doc[i - 1] if i > 0 else None
    prev2 = doc[i - 2] if i > 1 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    plural = tok.lower_.endswith("s")
    end = i + 1
    if nxt is not None and nxt.text == "-" and i + 2 < len(doc) and doc[i + 2].lower_ == "long":
        end = i + 3  # "decades-long"
    if (
        i + 4 <= len(doc)
        and doc[i + 1 : i + 4].text.lower() == "and a half"
        and prev is not None
        and (prev.lower_ in ("a", "an") or _counted(prev, numbers))
    ):
        out.append(Candidate(i - 1, i + 4, "DURATION"))  # "a year and a half"
    if i >= 4 and doc[i - 3 : i].text.lower() == "and a half" and _counted(doc[i - 4], numbers):
        out.append(Candidate(i - 4, end, "DURATION"))  # "two and a half years"
    elif prev is not None and prev.text in ("1/2", "½") and prev2 is not None and prev2.like_num:
        out.append(Candidate(i - 2, end, "DURATION"))  # "5 1/2 hours"
    if prev is not None and prev.lower_ in _EXTRA and prev2 is not None and _counted(prev2, numbers):
        out.append(Candidate(i - 2, end, "DURATION"))  # "two consecutive quarters"
    elif prev is not None and _counted(prev, numbers):
        out.append(Candidate(i - 1, end, "DURATION"))  # "two weeks", "48 hours"
        if prev2 is not None and prev2.lower_ in _EVERY:
            out.append(Candidate(i - 2, end, "SET"))  # "every two years"
        if nxt is not None and nxt.lower_ in _LATER:
            out.append(Candidate(i - 1, i + 2, "ANAPHOR"))  # "two days later"
    elif prev is not None and prev.lower_ in ("a", "an"):
        if prev2 is not None and prev2.lower_ in _BEFORE_A and not (nxt is not None and nxt.lower_ == "ago"):
            out.append(Candidate(i - 2, end, "DURATION"))  # "for a year"
        if nxt is not None and nxt.lower_ in _LATER:
            out.append(Candidate(i - 1, i + 2, "ANAPHOR"))  # "a day later"
    elif plural and prev is not None and prev.lower_ in _BEFORE_PLURAL:
        out.append(Candidate(i - 1, end, "DURATION"))  # "for years", "within minutes"
    elif plural and end > i + 1:
        out.append(Candidate(i, end, "DURATION"))
    if prev is not None and prev.lower_ in _EVERY:
        out.append(Candidate(i - 1, end, "SET"))  # "every week"
    elif prev is not None and prev.lower_ == "other" and prev2 is not None and prev2.lower_ in _EVERY:
        out.append(Candidate(i - 2, end, "SET"))  # "every other day"
    elif prev is not None and prev.lower_ in _PER and prev2 is not None:
        if prev2.lower_ in ("once", "twice"):
            out.append(Candidate(i - 2, end, "SET"))  # "twice a month"
        elif prev2.lower_ == "times" and i > 2 and doc[i - 3].like_num:
            out.append(Candidate(i - 3, end, "SET"))  # "three times a year"
    if (
        tok.lower_ == "year"
        and nxt is not None
        and nxt.text == "-"
        and i + 2 < len(doc)
        and doc[i + 2].lower_ in ("earlier", "ago")
    ):  # "the year-earlier quarter", "the comparable year-ago period", "year-earlier"
        start, stop = i, i + 3
        while start > 0 and doc[start - 1].lower_ in ("the", "comparable", "same"):
            start -= 1
        if stop < len(doc) and doc[stop].lower_ in _ORDINAL_WORDS:
            stop += 1
        if stop < len(doc) and doc[stop].lower_ in ("quarter", "period"):
            stop += 1
        out.append(Candidate(start, stop, "ANAPHOR"))
    if tok.lower_ == "day" and prev is not None and prev2 is not None and i > 2:
        if prev.lower_ == "the" and prev2.lower_ == "in" and doc[i - 3].lower_ in ("later", "earlier"):
            out.append(Candidate(i - 3, i + 1, "ANAPHOR"))  # "later in the day"
        elif prev.lower_ in ("consecutive", "straight") and doc[i - 3].lower_ in ("a", "the"):
            out.append(Candidate(i - 3, i + 1, "ANAPHOR"))  # "for a second consecutive day"
    if tok.lower_ == "year" and nxt is not None and nxt.lower_ in ("ended", "ending") and prev is not None:
        first = i - 1 if prev.lower_ in ("the", "fiscal", "its") else i
        if first < i and prev2 is not None and prev.lower_ == "fiscal" and prev2.lower_ in ("the", "its"):
            first -= 1
        out.append(Candidate(first, i + 1, "ANAPHOR"))  # "the year ended Sept. 30": see extract
    if tok.lower_ == "year" and prev is not None:
        first = i - 1 if prev.lower_ == "the" else i - 2 if prev.lower_ in _YEAR_ADJ and i > 1 else -1
        if first >= 1 and the_year_stands(doc, first, i + 1):
            out.append(Candidate(first, i + 1, "ANAPHOR"))  # "net income for the year": the year spoken of
    if (
        tok.lower_ in ("quarter", "quarters")
        and i > 1
        and prev is not None
        and prev.text == "-"
        and (doc[i - 2].lower_ in _ORDINAL_WORDS)
    ):
        out.append(Candidate(i - 2, end, "QUARTER"))  # "fourth-quarter profit", "fiscal second-quarter"
    if tok.lower_ == "quarter" and prev is not None:  # "the quarter", "the latest quarter", "that quarter"
        if prev.lower_ in ("that", "the"):
            out.append(Candidate(i - 1, i + 1, "ANAPHOR"))
        elif prev.lower_ in ("latest", "recent") and prev2 is not None:
            first = i - 3 if prev2.lower_ == "most" and i > 2 else i - 2
            if doc[first].lower_ == "the":
                out.append(Candidate(first, i + 1, "ANAPHOR"))
    if tok.lower_ in _ANAPHOR_UNITS and prev is not None:
        if prev.lower_ in _ANAPHOR_REL and prev2 is not None and prev2.lower_ == "the":
            out.append(Candidate(i - 2, i + 1, "ANAPHOR"))  # "the next day"
        elif prev.lower_ == "that":
            out.append(Candidate(i - 1, i + 1, "ANAPHOR"))  # "that year"
        elif prev.lower_ == "the" and nxt is not None and nxt.lower_ in ("after", "before"):
            out.append(Candidate(i - 1, i + 2, "ANAPHOR"))  # "the day after"
    return out


# Nouns after a holiday that keep it a time ("Thanksgiving weekend", "the Christmas holidays").
_HOLIDAY_TIME_NOUNS = frozenset(
    {"weekend", "holiday", "holidays", "season", "week", "break", "period", "day", "eve", "morning", "night"}
)


def holiday_alone(doc: Doc, end: int) -> bool:
    """Whether a holiday name ending before token ``end`` stands as a date: not the start of a longer name
    ("Christmas Island", "Independence Day Parade") nor a modifier of a thing ("the Christmas tree",
    "Easter eggs")."""
    nxt = doc[end]
    if nxt.is_title or nxt.shape_.startswith("X"):
        return False
    return not (
        nxt.pos_ == "NOUN" and doc[end - 1].dep_ == "compound" and nxt.lower_ not in _HOLIDAY_TIME_NOUNS
    )


def _spelled_year(doc: Doc, i: int, months: dict[str, int]) -> list[Candidate]:
    """Candidates around a spelled-out century word: "nineteen ninety(-six)", "the year two thousand (one)",
    with a month or "the winter of" in front; the normaliser turns them into digits."""
    if doc[i].lower_ == "thousand":
        if i < 3 or doc[i - 1].lower_ != "two" or doc[i - 3 : i - 1].text.lower() != "the year":
            return []
        start, stop = i - 3, i + 1
        if stop < len(doc) and doc[stop].lower_ == "and":
            stop += 1
    else:
        start, stop = i, i + 2
        if stop > len(doc) or not doc[i + 1].is_alpha:
            return []
    if stop + 1 < len(doc) and doc[stop].text == "-":
        stop += 2  # "ninety - six"
    elif stop < len(doc) and doc[stop].is_alpha and doc[stop].lower_ not in months:
        stop += 1
    out = [Candidate(start, k, "SPELLED_YEAR") for k in range(start + 2, stop + 1)]
    if start > 0 and doc[start - 1].lower_ in months:
        out.append(Candidate(start - 1, stop, "SPELLED_YEAR"))  # "January nineteen ninety-seven"
    elif start > 2 and doc[start - 1].lower_ == "of" and doc[start - 3].lower_ == "the":
        out.append(Candidate(start - 3, stop, "SPELLED_YEAR"))  # "the winter of nineteen ninety-four"
    return out


def the_year_stands(doc: Doc, start: int, end: int) -> bool:
    """Whether "the (full/fiscal) year" at ``start:end`` is the year spoken of: after "for", "in", "during"...
    and not followed by words that make it another expression."""
    nxt = doc[end].lower_ if end < len(doc) else ""
    return (
        start > 0
        and doc[start].lower_ == "the"
        and doc[start - 1].lower_ in _THE_YEAR_PREPS
        and nxt not in _NOT_THE_YEAR
        and not (end < len(doc) and doc[end].like_num)
    )


def _split_possessive(name: str) -> str:
    """A holiday name as spaCy splits it: "new year's day" -> "new year 's day"."""
    return name.replace("'s", " 's")


def vocab_doc(vocab: Vocab, text: str) -> Doc:
    """A bare Doc for a phrase pattern (whitespace tokenisation is enough for the lexicon's phrases)."""
    return Doc(vocab, words=text.split())


def find(doc: Doc) -> list[Candidate]:
    """All candidate spans (token offsets), possibly overlapping."""
    ents = doc.ents  # spaCy rebuilds the tuple on every access
    found: list[Candidate] = [Candidate(e.start, e.end, "ner") for e in ents if e.label_ in ("DATE", "TIME")]
    matcher, phrases = _matchers(doc.vocab)
    lx = lexicon()
    numbers = lx.numbers
    blocked = {
        i for e in ents if e.label_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC") for i in range(e.start, e.end)
    }
    matches = [*_windowed_matches(matcher, doc), *phrases(doc)]
    for match_id, start, end in matches:
        name = doc.vocab.strings[match_id]
        if name != "CLOCK" and any(i in blocked for i in range(start, end)):
            continue
        before = doc[start - 1].lower_ if start > 0 else ""
        if name == "PREP_YEAR":
            nxt = doc[end] if end < len(doc) else None
            second = before in _RANGE_WORDS and start > 1 and doc[start - 2].shape_ == "dddd"
            if (before not in lx.year_prepositions and not second) or (nxt is not None and nxt.tag_ == "NNS"):
                continue  # only "in 2008", "since 1991", "from 2004 to 2009"; not "of 1500 people"
        if name == "PREP_MONTH":
            tok = doc[start]
            if not tok.is_title or (end < len(doc) and doc[end].like_num):
                continue  # the longer MONTH_DAY pattern covers "March 5"
            if tok.lower_ in lx.ambiguous_months and before not in lx.month_modifiers:
                continue  # "May", "March" alone are names and nouns too
        if name == "UNIT":
            if start > 0 or end < len(doc):
                found.extend(_around_units(doc, start, numbers))
            continue
        if name == "SET_WORD" and doc[start].pos_ != "ADV":
            continue  # "a daily newspaper": TimeML would mark it, but the adjective is mostly not a time
        if name in ("SET_WEEKDAYS", "HOLIDAY") and not doc[start].is_title:
            continue  # "easter" in lower case is rare; "Christmas Island", "Easter Island": see below
        if name == "SPELLED_YEAR":
            found.extend(_spelled_year(doc, start, lx.months))
            continue
        if name == "HALF":  # "the first half of 2009 / of the year / of this year": the longest that parses
            first = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
            found.extend(Candidate(first, k, name) for k in range(end + 1, min(end + 4, len(doc)) + 1))
            continue
        if name == "MONTH_DAY" and start >= 3 and doc[start - 3 : start].text.lower() == "the week of":
            found.append(Candidate(start - 3, end, "WEEK_OF"))  # "the week of March 6"
        if name == "AGO":
            while (
                start > 0
                and end - start < 4
                and (doc[start - 1].like_num or doc[start - 1].lower_ in numbers)
            ):
                start -= 1
        if name == "WEEKDAY" and end < len(doc) and doc[end].lower_ in _DAY_PART_AFTER:
            end += 1
        if (
            name == "WEEKDAY"
            and start > 1
            and doc[start - 1].lower_ in _ANAPHOR_REL
            and doc[start - 2].lower_ == "the"
        ):
            found.append(
                Candidate(start - 2, end, "ANAPHOR")
            )  # "the following Monday": from the day spoken of
        found.append(Candidate(start, end, name))
    out = []
    for c in found:
        start, end = c.start, c.end
        if start > 0 and doc[start - 1].lower_ in _LEFT and doc[start].lower_ not in _LEFT:
            start -= 1
        out.append(Candidate(start, end, c.source))
        last = end - 1 - (end - 1 > start and doc[end - 1].lower_ in lx.time_zones)  # "4 a.m. EDT"
        if doc[last].lower_ in _CLOCK_ENDS or doc[last].shape_ in ("d:dd", "dd:dd"):
            k = last + 1 + (last + 1 < len(doc) and doc[last + 1].lower_ in lx.time_zones)
            if k < len(doc) and doc[k].lower_ in _clock_days():
                out.append(Candidate(start, k + 1, "CLOCK_DAY"))  # "9 a.m. Tuesday": one TIMEX3
    return out


_CLOCK_ENDS = frozenset({"a.m.", "p.m.", "am", "pm", "noon", "midday", "midnight"})


@functools.lru_cache(maxsize=1)
def _clock_days() -> frozenset[str]:
    """Day words that may follow a clock time as part of it."""
    lx = lexicon()
    return frozenset(w for w in lx.weekdays if w not in lx.ambiguous_weekdays) | frozenset(_DEICTIC)


def trimmed(doc: Doc, start: int, end: int) -> Span:
    """The span without leading signal words ("on", "in"...) and a trailing possessive or punctuation."""
    last = doc[end - 1]
    if (
        end < len(doc)
        and doc[end].lower_ in ("'s", "’s")
        and last.shape_ == "dddd"
        and last.text.endswith("0")
    ):
        end += 1  # "1930's": a decade, the apostrophe left out of the entity
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        if doc[end - 1].lower_ in ("'s", "’s") and doc[end - 2].shape_ == "dddd":
            break  # "1930's": a decade, not a possessive
        end -= 1
    while end - start > 1 and doc[start].lower_ in _TRIM and not _keeps_signal(doc, start, end):
        start += 1
    while end - start > 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _keeps_signal(doc: Doc, start: int, end: int) -> bool:
    """'since then' is one expression; 'from 2007 to 2012' keeps its 'from' as part of the interval."""
    text = doc[start:end].text.lower()
    return text == "since then" or (
        doc[start].lower_ == "from" and any(t.lower_ in ("to", "until") for t in doc[start:end])
    )
