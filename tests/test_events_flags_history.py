"""The historical flag in both directions (issue 10, flags area): background placed in a past office or by a
past body, carried through a paragraph's dated narrative, not taken from a date in another clause; and
today's news told in the past tense stays news. Rows are (text, expected events as "TYPE" plus "H" when
historical)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from herald.stages.s5_events.extract import extract_events

PUB = "2024-04-30"
Make = Callable[..., Doc]

ROWS = [
    # a dated background paragraph: its undated past-tense sentences are background too
    (
        "Police arrested the opposition leader on Monday. In June 2014, the army had seized power in a coup. "
        "Soldiers arrested hundreds of activists. The junta banned protests.",
        ["COERCE", "COERCEH", "COERCEH", "COERCEH"],
    ),
    (
        "Obama angered conservatives in 2010 when he criticized the ruling. Republicans criticized the "
        "president for it.",
        ["ACCUSEH", "ACCUSEH"],
    ),
    # ... until a current date, a new paragraph or the present perfect brings the news back
    (
        "Protesters stormed parliament in 2019. On Monday police arrested 40 people. They charged them with "
        "treason.",
        ["ASSAULTH", "COERCE", "ACCUSE"],
    ),
    ("Protesters stormed parliament in 2019.\n\nPolice arrested 40 people.", ["ASSAULTH", "COERCE"]),
    # discrete acts summed up since a past date are background too
    (
        "Rebels seized the town in 2015. Since then the army has arrested hundreds of people.",
        ["COERCEH", "COERCEH"],
    ),
    # a past office or a past body
    ("When he was president, Lula pardoned dozens of prisoners.", ["CONCEDEH"]),
    ("The former regime jailed thousands of dissidents.", ["COERCEH"]),
    ("Under the previous government, police arrested hundreds.", ["COERCEH"]),
    # a person who once held an office, acting or acted on today, is news
    ("Former president Lula was arrested on Monday.", ["COERCE"]),
    ("Police arrested the former minister on Monday.", ["COERCE"]),
    # dates, "ago", "since" on the event itself
    ("Seventeen years ago, rebels attacked the capital.", ["ASSAULTH"]),
    ("In 2014, he said troops had shelled the town.", ["ASSAULTH"]),
    # a date in another clause is not the event's
    ("Police arrested the man, who had led protests in 2014, on Monday.", ["COERCE", "PROTESTH"]),
    ("The army attacked the town that rebels had seized in 2015.", ["ASSAULT", "COERCEH"]),
    # a verb in the simple present is not dated by a past date hanging elsewhere; its own date still counts
    (
        "He cited his role in a parade in 2004 and an award from the Jewish National Fund, which supports "
        "Israel.",
        ["SUPPORT"],
    ),
    ("In 2004, Hamas attacks Israel, the book says.", ["ASSAULTH"]),
    # today's news in the past tense
    ("Troops attacked the rebel stronghold on Monday.", ["ASSAULT"]),
    ("Police arrested 12 protesters in Nairobi.", ["COERCE"]),
]

# With no date to measure from (no publication date, no full date in the text): a named past month is
# background, a dated day or a weekday is not.
UNDATED = [
    (
        "A court sentenced Park Geun-hye to 24 years in prison on Friday. In February, the court sentenced "
        "her friend Choi Soon-sil to 20 years in prison.",
        ["SANCTION", "SANCTIONH"],
    ),
    ("Police arrested 20 protesters on March 18.", ["COERCE"]),
    ("Police arrested 20 protesters on Tuesday.", ["COERCE"]),
]


@pytest.mark.parametrize(("text", "expected"), UNDATED)
def test_historical_without_reference_date(make: Make, text: str, expected: list[str]) -> None:
    events = extract_events(make(text), include_future=True)
    assert [e.type + ("H" if e.historical else "") for e in events] == expected, [e.rule for e in events]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_historical_flag(make: Make, text: str, expected: list[str]) -> None:
    doc = make(text, published=PUB)
    events = extract_events(doc, include_future=True)
    assert [e.type + ("H" if e.historical else "") for e in events] == expected, [e.rule for e in events]
