"""The historical flag in both directions (issue 10, background.decide): background recalled in a story (an
own date before the reporting window, "since" a past start, a dated relative clause, a past modifier, "N
years ago", "previously", "twice before", a bare year in a story dated no closer than that year) and today's
news told in the past tense (a weekday, "said on Monday", no date at all, an activity still going on). Rows
are (text, expected events as (TYPE, historical)); each historical decision names its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from conftest import CodedEvents
from herald.stages.s5_events.explain import explain_doc

Make = Callable[..., Doc]

PUB = "2018-11-20"

DATED = [
    # the event's own date, normalised against the publication date, before the reporting window
    ("The United States imposed sanctions on Iran in 2012.", [("SANCTION", True)]),
    ("In March last year, police arrested the opposition leader.", [("COERCE", True)]),
    ("Seven years ago, the army shelled the old town.", [("ASSAULT", True)]),
    ("Back in 2009, the president accused the United States of plotting a coup.", [("ACCUSE", True)]),
    # a past insult or accusation recalled in a dated relative clause; the main clause is news
    (
        "The senator, who in 2016 accused the governor of lying, praised him on Monday.",
        [("ACCUSE", True), ("SUPPORT", False)],
    ),
    ("Russia, which annexed Crimea in 2014, denied the charge on Monday.", [("COERCE", True)]),
    # a dated noun, an interval frame, a "since" start
    ("The 2008 invasion of Georgia by Russia angered the West.", [("ASSAULT", True)]),
    (
        "A decade after the army attacked protesters, the government apologised on Monday.",
        [("ASSAULT", True), ("SUPPORT", False)],
    ),
    ("The regime has jailed dozens of journalists since the 2015 election.", [("COERCE", True)]),
    (
        "The premier has sacked critics and muzzled the media since the scandal broke three years ago.",
        [("COERCE", True)],
    ),
    # adverbs that put the act before the news
    ("Police previously arrested him in the capital.", [("COERCE", True)]),
    ("The opposition leader has been jailed before.", [("COERCE", True)]),
    # today's news in the past tense
    ("The army shelled the town on Tuesday.", [("ASSAULT", False)]),
    ("Police arrested the opposition leader, the interior ministry said on Monday.", [("COERCE", False)]),
    ("Police arrested the opposition leader in the capital.", [("COERCE", False)]),
    ("Russia accused Ukraine of provocation.", [("ACCUSE", False)]),
    ("Germany expelled two Russian diplomats this month.", [("SANCTION", False)]),
    ("Former president Lula was arrested on Friday.", [("COERCE", False)]),
    ("The rebels have fought the army since 2014.", [("ASSAULT", False)]),
    ("Police have arrested 40 people since the protests began on Friday.", [("COERCE", False)]),
    ("The army had shelled the town before the ceasefire took effect on Monday.", [("ASSAULT", False)]),
    ("He said police had arrested 20 people.", [("COERCE", False)]),
    # nothing to code
    ("The weather was mild in 2012.", []),
]

# No publication date: the story's own date is only what its text gives.
UNDATED = [
    # a bare past year in a story that names no closer date of its own: background
    (
        "Delegations met in Caracas on Wednesday. In 2017, Venezuela signed an agreement with South Africa.",
        [("SUPPORT", True)],
    ),
    # ... not a fuller date, nor news with no date at all
    ("On March 3, 2017, Venezuela signed an agreement with South Africa.", [("SUPPORT", False)]),
    ("Venezuela signed an agreement with South Africa on Wednesday.", [("SUPPORT", False)]),
    ("The army shelled the town.", [("ASSAULT", False)]),
]


def _rows(coded: CodedEvents, text: str, published: str) -> list[tuple[str, bool]]:
    return [(c.type, c.historical) for c in coded(text, published)]


@pytest.mark.parametrize(("text", "expected"), DATED)
def test_historical_dated(coded_events: CodedEvents, text: str, expected: list[tuple[str, bool]]) -> None:
    assert _rows(coded_events, text, PUB) == expected


@pytest.mark.parametrize(("text", "expected"), UNDATED)
def test_historical_undated(make: Make, text: str, expected: list[tuple[str, bool]]) -> None:
    events = make(text, published=None)._.herald_events or []
    assert [(e.type, e.historical) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The United States imposed sanctions on Iran in 2012.", "own-time"),
        ("Police previously arrested him in the capital.", "adverbial"),
        (
            "The premier has sacked critics and muzzled the media since the scandal broke three years ago.",
            "record-since",
        ),
    ],
)
def test_historical_rule_named(make: Make, text: str, rule: str) -> None:
    (ex,) = explain_doc(make(text, published=PUB))
    assert str(ex.cues["historical"]).startswith(f"{rule}: ")
