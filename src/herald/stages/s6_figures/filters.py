"""Numbers that are not figures: years, dates, times, ages, addresses, phone numbers, scores, ordinals,
numbers inside names ("Resolution 2728", "F-16", "Boeing 737"). Each rule returns its name, or None."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import FiguresLexicon
from .numbers import Quantity

_NAME_ENTS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "GPE", "LOC"})
_LOWER_NAME_WORDS = frozenset(
    {
        "no",
        "no.",
        "number",
        "#",
        "page",
        "pp",
        "resolution",
        "article",
        "section",
        "type",
        "category",
        "level",
        "phase",
        "stage",
        "grade",
        "class",
        "chapter",
        "version",
        "platform",
        "gate",
        "room",
        "exit",
        "route",
    }
)
_FRACTIONS = frozenset(
    {
        "half",
        "halves",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "sixth",
        "sixths",
        "eighth",
        "eighths",
        "tenth",
        "tenths",
    }
)
_TIME_TEXT = re.compile(r"\d:\d\d|^\d+(am|pm)$", re.IGNORECASE)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^\d+s$")


def _tok(doc: Doc, i: int) -> Token | None:
    return doc[i] if 0 <= i < len(doc) else None


def not_a_figure(doc: Doc, q: Quantity, lex: FiguresLexicon) -> str | None:
    """Why the quantity is not a figure (a rule name), or None when it may be one."""
    first, last = doc[q.num_start], doc[q.num_end - 1]
    prev = _tok(doc, q.num_start - 1)
    nxt = _tok(doc, q.num_end)
    after = _tok(doc, q.num_end + 1)
    low = first.lower_

    if q.currency or q.percent:
        return None if not _glued_to_word(doc, q) else "name-with-number"

    # ordinals and entities that contain the number ("G7", "Resolution 2728" tagged LAW, "10 Downing Street")
    if first.ent_type_ == "ORDINAL" or re.search(r"\d(st|nd|rd|th)$", last.text):
        return "ordinal"
    if first.ent_type_ in _NAME_ENTS or last.ent_type_ in _NAME_ENTS:
        return f"inside-{(first.ent_type_ or last.ent_type_).lower()}"
    if _glued_to_word(doc, q):
        return "name-with-number"

    # "no one was killed", "not one shot was fired": a negated "one" says none, not one
    if low == "one" and q.num_end - q.num_start == 1 and prev is not None and prev.lower_ in ("no", "not"):
        return "negated-one"
    # list markers: "1. Of 707 students", "Two: Is the minister ..."
    if (
        q.num_end - q.num_start == 1
        and nxt is not None
        and (nxt.text == ":" or (first.is_sent_start and nxt.text in (".", ")")))
    ):
        return "list-marker"
    # fractions: "two-thirds", "two thirds" (not counts)
    k = q.num_end + 1 if nxt is not None and nxt.text == "-" else q.num_end
    if k < len(doc) and doc[k].lower_ in _FRACTIONS:
        return "fraction"
    # a hyphen pair that is not a range ("36-0", "2020-21", "555-1234") or a hyphenated modifier ("a two-game
    # ban", "a 60-member choir", "a 1,200-strong force")
    if nxt is not None and nxt.text in ("-", "–") and not nxt.whitespace_ and not last.whitespace_:
        return "hyphen-pair" if after is not None and after.like_num else "hyphen-modifier"
    if prev is not None and prev.text in ("-", "–") and not prev.whitespace_ and q.qualifier != "range":
        p2 = _tok(doc, q.num_start - 2)
        if p2 is not None and p2.like_num and not p2.whitespace_:
            return "hyphen-pair"
    # times: "3:30", "10am", "10 a.m.", "at 10"
    if _TIME_TEXT.search(first.text) or (
        nxt is not None
        and nxt.lower_ in lex.time_units
        and nxt.lower_ in ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock")
    ):
        return "time"
    # dates: next to a month name ("May 5", "5 May 2024")
    if (prev is not None and prev.lower_ in lex.months) or (nxt is not None and nxt.lower_ in lex.months):
        return "date"
    if prev is not None and prev.text == "," and _tok(doc, q.num_start - 2) is not None:
        p2 = doc[q.num_start - 2]
        if (
            p2.like_num
            and _tok(doc, q.num_start - 3) is not None
            and doc[q.num_start - 3].lower_ in lex.months
        ):
            return "date"  # the year of "May 5, 2024"
    # years and decades: "in 2024", "2020-21", "1990s"
    if q.num_end - q.num_start == 1 and _YEAR.match(first.text):
        # "in 2024", "the 2018 inductees", "its 2020 budget"; but "2000 troops"
        if not _counted_noun_follows(doc, q, lex) or first.ent_type_ == "DATE":
            return "year"
        if prev is not None and (
            prev.dep_ == "poss" or prev.lower_ in ("the", "this", "that", "its", "their")
        ):
            return "year"
    if _DECADE.match(first.text):
        return "decade"
    # ages: "a 33-year-old", "33 years old", "aged 33", "Smith, 33,"
    if (
        nxt is not None
        and nxt.text == "-"
        and after is not None
        and after.lower_ in ("year", "years", "month")
    ):
        return "age"
    if (nxt is not None and nxt.lower_ in ("year-old", "years-old")) or (
        nxt is not None and nxt.lower_ in ("years", "year") and after is not None and after.lower_ == "old"
    ):
        return "age"
    if prev is not None and prev.lower_ in ("aged", "age", "ages"):
        return "age"
    if (
        prev is not None
        and prev.text == ","
        and nxt is not None
        and (nxt.text in (",", ")", ".") or nxt.lower_ == "and")
        and _tok(doc, q.num_start - 2) is not None
        and doc[q.num_start - 2].pos_ == "PROPN"
        and q.value < 120
    ):
        return "age"
    # references to a story's parties: "the two sides", "the three leaders" (not counts of anything new)
    if (
        q.num_end - q.num_start == 1
        and q.value <= 5
        and q.qualifier is None
        and prev is not None
        and prev.lower_ in ("the", "both", "these", "those", "all")
        and nxt is not None
        and nxt.lower_ in lex.party_nouns
    ):
        return "party-reference"
    # durations, frequencies: "three days", "two times", "several weeks" (the times stage owns them)
    if nxt is not None and (nxt.lower_ in lex.time_units or nxt.lemma_.lower() in lex.time_units):
        return "duration"
    # addresses: "10 Downing Street", "1600 Pennsylvania Avenue"
    for k in range(q.num_end, min(q.num_end + 4, len(doc))):
        if doc[k].lower_ in lex.street_words and all(doc[m].is_title for m in range(q.num_end, k + 1)):
            return "address"
    # phone numbers: "(202) 555-0123", "555-1234"
    if _phone(doc, q):
        return "phone"
    # scores: "won 3-1", "a 2-0 victory"
    if _score(doc, q, lex):
        return "score"
    # names: "Resolution 2728", "Flight 370", "Boeing 737", "No. 10"
    if prev is not None:
        p = prev
        if p.text == "." and _tok(doc, q.num_start - 2) is not None:
            p = doc[q.num_start - 2]
        if (
            p.lower_ in lex.name_words
            and (p.is_title or p.is_upper or p.lower_ in _LOWER_NAME_WORDS)
            and q.num_start - p.i <= 2
            and not p.is_sent_start
        ):
            return "name-with-number"
    # "one of the", "one day", pronoun "one"
    if (
        low == "one"
        and q.num_end - q.num_start == 1
        and nxt is not None
        and nxt.lower_ in ("of", "another", "side", "way", "thing", "point")
    ):
        return "one-of"
    return None


def _glued_to_word(doc: Doc, q: Quantity) -> bool:
    """ "F-16", "COVID-19", "MH17" style: the number is attached to letters by a hyphen or nothing."""
    prev = _tok(doc, q.num_start - 1)
    if prev is not None and prev.text == "-" and not prev.whitespace_:
        p2 = _tok(doc, q.num_start - 2)
        if p2 is not None and not p2.whitespace_ and p2.is_alpha and p2.lower_ not in ("mid", "pre", "post"):
            return True
    return bool(
        prev is not None
        and not prev.whitespace_
        and prev.is_alpha
        and prev.lower_ not in ("us", "a", "au", "c")
    )


def _counted_noun_follows(doc: Doc, q: Quantity, lex: FiguresLexicon) -> bool:
    nxt = _tok(doc, q.num_end)
    if nxt is None:
        return False
    head = doc[q.num_end - 1].head
    return bool(
        head.i >= q.num_end
        and head.pos_ == "NOUN"
        and head.tag_ == "NNS"
        and doc[q.num_end - 1].dep_ in ("nummod", "compound")
        and head.lower_ not in lex.time_units
    )


def _phone(doc: Doc, q: Quantity) -> bool:
    prev = _tok(doc, q.num_start - 1)
    nxt = _tok(doc, q.num_end)
    after = _tok(doc, q.num_end + 1)
    if (
        nxt is not None
        and nxt.text in ("-", ".")
        and not nxt.whitespace_
        and after is not None
        and after.text.isdigit()
        and len(after.text) >= 3
        and len(doc[q.num_start].text) >= 3
    ):
        return True
    if prev is not None and prev.text in ("-", ")") and _tok(doc, q.num_start - 2) is not None:
        p2 = doc[q.num_start - 2]
        if p2.text.isdigit() and len(p2.text) >= 3 and len(doc[q.num_start].text) >= 3:
            return True
    if (
        nxt is not None
        and nxt.text == ")"
        and after is not None
        and after.text.isdigit()
        and len(after.text) >= 3
    ):
        return True  # the area code of "(202) 555-0123"
    # Digit groups side by side ("0800 555 0199", "+44 20 7946 0958") or a leading zero: a phone number.
    own = doc[q.num_start].text
    if own.isdigit() and q.num_end - q.num_start == 1:
        if own.startswith("0") and len(own) >= 3:
            return True
        for other in (prev, nxt):
            if other is not None and other.text.lstrip("+").isdigit() and len(other.text.lstrip("+")) >= 2:
                return True
    return prev is not None and prev.lower_ in ("phone", "tel", "tel.", "fax", "call", "dial", "hotline")


def _score(doc: Doc, q: Quantity, lex: FiguresLexicon) -> bool:
    nxt = _tok(doc, q.num_end)
    prev = _tok(doc, q.num_start - 1)
    hyphen_pair = (
        nxt is not None
        and nxt.text in ("-", "–")
        and _tok(doc, q.num_end + 1) is not None
        and doc[q.num_end + 1].like_num
    ) or (
        prev is not None
        and prev.text in ("-", "–")
        and _tok(doc, q.num_start - 2) is not None
        and doc[q.num_start - 2].like_num
    )
    if not hyphen_pair and q.qualifier not in ("range",):
        return False
    window = doc[max(0, q.num_start - 4) : min(len(doc), q.num_end + 5)]
    return any(t.lower_ in lex.score_words or t.lemma_.lower() in lex.score_words for t in window)
