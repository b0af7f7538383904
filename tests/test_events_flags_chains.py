"""One real-world event once per article (issue 10, flags area): definite mentions of an act told before
("the attack", "the strike"), with no date of their own, are mentions of it, also inside a denial; distinct
acts of one type stay apart. Rows are (text, expected events as (type, number of mentions))."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

PUB = "2024-04-30"
Make = Callable[..., Doc]

ROWS = [
    # a definite mention naming the victims or the same parties joins the act
    (
        "Hamas fighters attacked an Israeli post on Tuesday. Israel said the attack wounded two soldiers.",
        [("ASSAULT", 2)],
    ),
    # a denial of "the attack" is a mention of it, not a second (negated) event
    (
        "Russian forces shelled Kharkiv on Monday. Ukrainian officials said the attack killed 12 people. "
        "Russia denied carrying out the attack.",
        [("ASSAULT", 3)],
    ),
    # the same event noun with the same actor, told again: one act
    (
        "Donald Trump's attacks on a federal judge alarmed experts. Trump's attacks on Judge Gonzalo Curiel "
        "stand out.",
        [("ASSAULT", 2)],
    ),
    # distinct acts of one type: other victims, other days, other parties
    (
        "Police arrested five protesters in Lagos on Monday. On Tuesday, police arrested ten students in "
        "Abuja.",
        [("COERCE", 0), ("COERCE", 0)],
    ),
    (
        "Turkey's army attacked Kurdish fighters in Afrin. The Syrian army attacked rebels in Idlib.",
        [("ASSAULT", 0), ("ASSAULT", 0)],
    ),
    (
        "Israeli air strikes on Gaza killed 12 people on Monday. Syria condemned Israeli air strikes on "
        "Syria.",
        [("ASSAULT", 0), ("ACCUSE", 0), ("ASSAULT", 0)],
    ),
    # an indefinite second attack is another act
    (
        "Hamas fighters attacked an Israeli post on Tuesday. Israeli troops attacked a Hamas camp in Gaza.",
        [("ASSAULT", 0), ("ASSAULT", 0)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_one_event_once(make: Make, text: str, expected: list[tuple[str, int]]) -> None:
    doc = make(text, published=PUB)
    events = doc._.herald_events
    assert [(e.type, len(e.mentions)) for e in events] == expected, [e.rule for e in events]
