"""Finding time expressions: spaCy's DATE/TIME entities plus token patterns for what the model misses.

The Matcher is built once per vocabulary. Candidates may overlap; :mod:`.extract` keeps the longest that
normalise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .lexicon import lexicon

_UNITS_PLURAL = ["days", "weeks", "months", "years", "decades", "day", "week", "month", "year", "decade"]
_REL = ["last", "this", "next", "past", "previous", "coming"]
_REL_UNITS = ["week", "weekend", "month", "year", "quarter"]
_DEICTIC = ["yesterday", "today", "tomorrow", "tonight"]
# Tokens that may be added in front of a found expression ("last" + "Tuesday").
_LEFT = frozenset({"last", "next", "this", "coming", "early", "late", "mid", "past"})
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


@functools.lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> tuple[Matcher, PhraseMatcher]:
    lx = lexicon()
    full_weekdays = [w for w in lx.weekdays if w not in lx.ambiguous_weekdays]
    months = list(lx.months)
    m = Matcher(vocab)
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    month_any = {"LOWER": {"IN": months}, "IS_TITLE": True}
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
    unit_words = [u for u in lx.units if u not in ("weekend",)]
    plural = [*(u + "s" for u in unit_words if u != "century"), "centuries"]
    unit_any = {"LOWER": {"IN": unit_words + plural}}
    number_words = [k for k in lx.numbers if " " not in k and k not in ("a", "an", "some", "many", "few")]
    num = {"LIKE_NUM": True, "LOWER": {"NOT_IN": ["a", "an"]}}
    extra = {"LOWER": {"IN": ["consecutive", "straight", "full", "more"]}, "OP": "?"}
    # Durations: "two weeks", "48 hours", "several years"; "for a year"; "for years", "decades-long".
    m.add(
        "DURATION",
        [
            [num, extra, unit_any],
            [{"LOWER": {"IN": number_words}}, extra, unit_any],
            [
                {"LOWER": {"IN": ["for", "over", "within", "nearly", "almost", "than", "least"]}},
                {"LOWER": {"IN": ["a", "an"]}},
                {"LOWER": {"IN": unit_words}},
            ],
            [
                {"LOWER": {"IN": ["for", "over", "within", "several", "many", "few"]}},
                {"LOWER": {"IN": plural}},
            ],
            [{"LOWER": {"IN": plural}}, {"ORTH": "-"}, {"LOWER": "long"}],
        ],
    )
    # Sets: "every week", "every two years", "each year", "twice a month".
    m.add(
        "SET",
        [
            [
                {"LOWER": {"IN": ["every", "each"]}},
                {"LOWER": "other", "OP": "?"},
                {"LIKE_NUM": True, "OP": "?"},
                unit_any,
            ],
            [
                {"LOWER": {"IN": ["once", "twice"]}},
                {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}},
                unit_any,
            ],
            [num, {"LOWER": "times"}, {"LOWER": {"IN": ["a", "an", "per", "every", "each"]}}, unit_any],
            [
                {
                    "LOWER": {
                        "IN": ["daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly"]
                    },
                    "POS": "ADV",
                }
            ],
            [{"LOWER": {"IN": [w + "s" for w in full_weekdays if w.endswith("day")]}, "IS_TITLE": True}],
        ],
    )
    # Anchored on the time mentioned before: "the next day", "that year", "two days later".
    m.add(
        "ANAPHOR",
        [
            [
                {"LOWER": "the"},
                {"LOWER": {"IN": ["next", "following", "previous", "preceding", "same"]}},
                {"LOWER": {"IN": ["day", "week", "month", "year"]}},
            ],
            [{"LOWER": "that"}, {"LOWER": {"IN": ["day", "week", "month", "year"]}}],
            [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["after", "before"]}}],
            [{"LIKE_NUM": True}, unit_any, {"LOWER": {"IN": ["later", "afterwards", "earlier"]}}],
            [
                {"LOWER": {"IN": [*number_words, "a", "an"]}},
                unit_any,
                {"LOWER": {"IN": ["later", "afterwards", "earlier"]}},
            ],
        ],
    )
    # "the '70s", "the 80s": a decade only after "the" (not "in their 70s").
    m.add("DECADE", [[{"LOWER": "the"}, {"TEXT": {"REGEX": r"^'?\d0s$"}}]])
    m.add("CLOCK", [[{"SHAPE": {"IN": ["dd:dd", "d:dd"]}}, {**zones, "OP": "?"}], [{"SHAPE": "dddd"}, zones]])
    # Single words and fixed phrases go to the PhraseMatcher: hash look-ups, much cheaper than Matcher
    # patterns that test a word list on every token.
    pm = PhraseMatcher(vocab, attr="LOWER")
    pm.add("WEEKDAY", [vocab_doc(vocab, w) for w in full_weekdays])
    pm.add("DEICTIC", [vocab_doc(vocab, w) for w in _DEICTIC])
    pm.add("PREP_MONTH", [vocab_doc(vocab, w) for w in months])
    pm.add("REL_UNIT", [vocab_doc(vocab, f"{r} {u}") for r in _REL for u in _REL_UNITS])
    # "two days ago": anchored on the unit; the number in front is added in find().
    pm.add("AGO", [vocab_doc(vocab, f"{u} ago") for u in _UNITS_PLURAL])
    pm.add("VAGUE", [vocab_doc(vocab, k) for k in lx.vague])
    pm.add("NAMED", [vocab_doc(vocab, k) for k in lx.named_dates])
    return m, pm


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
    matches = [*matcher(doc), *phrases(doc)]
    for match_id, start, end in matches:
        name = doc.vocab.strings[match_id]
        if name != "CLOCK" and any(i in blocked for i in range(start, end)):
            continue
        before = doc[start - 1].lower_ if start > 0 else ""
        if name == "PREP_YEAR":
            nxt = doc[end] if end < len(doc) else None
            if before not in lx.year_prepositions or (nxt is not None and nxt.tag_ == "NNS"):
                continue  # only "in 2008", "since 1991"; not "of 1500 people"
        if name == "PREP_MONTH":
            tok = doc[start]
            if not tok.is_title or (end < len(doc) and doc[end].like_num):
                continue  # the longer MONTH_DAY pattern covers "March 5"
            if tok.lower_ in lx.ambiguous_months and before not in lx.month_modifiers:
                continue  # "May", "March" alone are names and nouns too
        if name == "AGO":
            while (
                start > 0
                and end - start < 4
                and (doc[start - 1].like_num or doc[start - 1].lower_ in numbers)
            ):
                start -= 1
        found.append(Candidate(start, end, name))
    out = []
    for c in found:
        start, end = c.start, c.end
        if start > 0 and doc[start - 1].lower_ in _LEFT and doc[start].lower_ not in _LEFT:
            start -= 1
        out.append(Candidate(start, end, c.source))
    return out


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
