"""Flags of what did not happen (issue 10, flags area): what was asked for, proposed or promised, yes/no
questions, negation scope over conjuncts, refusals voiced with a modal or a negated future. Each row is
(text, expected events as "TYPE" plus flag letters: N negated, ? hypothetical, F future), with rows where no
flag may be set."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from herald.schema import Event
from herald.stages.s5_events.extract import extract_events

PUB = "2024-04-30"
Make = Callable[..., Doc]


def coded(doc: Doc) -> list[str]:
    """Every event (predicted ones too) as TYPE plus its flag letters."""

    def flags(e: Event) -> str:
        return "".join(f for f, on in (("N", e.negated), ("?", e.hypothetical), ("F", e.future)) if on)

    return [e.type + flags(e) for e in extract_events(doc, include_future=True)]


ROWS = [
    # the content of a request or a proposal is not an event; the request is
    ("Protesters called on the mayor to resign.", ["REQUEST"]),
    ("The community began calling for Emanuel to resign.", ["REQUEST"]),
    ("Democrats kept silent amid calls for Emanuel to resign.", []),
    ("His call to deport more than 11 million people has substantial support.", []),
    ("The opposition demanded that the president resign.", ["REQUEST"]),
    (
        "Pastor Darrell Scott, whose plan to announce the endorsements of Donald Trump was cancelled, spoke.",
        [],
    ),
    # a voiced plan is an intention (AGREE), not asked-for content
    ("Sadiq Khan said he planned to visit the United States before January.", ["AGREE"]),
    # ... while a reported act stays, unflagged
    ("The mayor resigned on Monday.", ["RETREAT"]),
    ("Police arrested 12 protesters in Nairobi on Monday.", ["COERCE"]),
    # a yes/no question asks whether the act happens; a wh-question takes it as given
    ("Marco Rubio, will you resign?", []),
    ("Did Russia attack the base?", []),
    ("Why did Russia attack the base?", ["ASSAULT"]),
    # negation: shared auxiliaries carry it to the conjunct, a finite conjunct has its own polarity
    ("The army did not attack or kill anyone.", ["ASSAULTN"]),
    ("The army did not attack the town but shelled the port.", ["ASSAULTN", "ASSAULT"]),
    ("The army shelled the port but did not attack the town.", ["ASSAULT", "ASSAULTN"]),
    # a refusal voiced with a modal, or a refused future cooperation, is a refusal now
    ("China said it cannot accept the US demands.", ["REJECT"]),
    ("Mexico could not agree to the proposal, the minister said.", ["REJECT"]),
    ("Iran will not negotiate with the United States, Rouhani said.", ["REJECT"]),
    ("Iran won't meet US officials, Rouhani said.", ["REJECT"]),
    ("Iran cannot support the plan.", ["REJECT"]),
    ("Sanders supporters said they could not support Hillary Clinton for president.", ["REJECT"]),
    ("The ministers could not meet because of the storm.", ["CONSULTN?"]),
    ("Troops will not attack the town, the general said.", ["ASSAULTN"]),
    # "whether or not" is an alternative, not a negation; the embedded question itself is not told (precision)
    ("It depends on whether or not Israel is willing to negotiate.", []),
    ("Iran has not yet agreed to meet US officials.", ["AGREEN"]),
    # a conditional threat is a threat, also when the announcement was made one by the intent rule
    # (the condition itself, "if the US imposed new tariffs", is supposed, not told: not coded, precision)
    ("China said it would fight back if the US imposed new tariffs.", ["THREATEN"]),
    # possibilities and conditions stay flagged
    ("The US said it may impose tariffs on Chinese steel.", ["SANCTION?"]),
    ("The army would attack the town if the rebels refused.", ["ASSAULT?"]),
    # what others predict is no promise: a predicted event, not AGREE; the actor's own "will" is
    ("The New York Times is expected to endorse the Democratic candidate.", ["SUPPORTF"]),
    ("Russia will hold talks with Ukraine next month.", ["AGREE"]),
    # "would" in a that-clause is the future seen from the past: no hypothetical
    ("The elders assured that the tribes would stand firmly with the Pakistan Army.", ["SUPPORT"]),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_modality_flags(make: Make, text: str, expected: list[str]) -> None:
    doc = make(text, published=PUB)
    assert coded(doc) == expected, [e.rule for e in extract_events(doc, include_future=True)]
