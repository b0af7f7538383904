"""Verbal events carried by judgements in what people say (s5_events/judgement.py, lexicons/judgement.yaml).

A speaker who calls a party "a threat to democracy", says it "poses a danger" or that its policies "caused
factories to close" accuses it (ACCUSE); "a true patriot", "a thoughtful leader" praise (SUPPORT). The
speaker acts, the judged party receives. Rows where nothing is judged, the judged thing is no actor, the
judgement is negated or the speaker judges itself code no such event. Invented sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

CodedEvents = Callable[[str, str], list[Any]]  # conftest.coded_events: Coded rows
PUB = "2024-04-30"


@pytest.mark.parametrize(
    "text,expected",
    [
        # (type, actor, recipient, a fragment of the rule)
        (
            "Senator Maria Lopez called Governor Tom Reed a threat to democracy.",
            ("ACCUSE", "lopez", "reed", "judgement:negative"),
        ),
        (
            "Senator Maria Lopez on Tuesday called Governor Tom Reed a liar.",
            ("ACCUSE", "lopez", "reed", "judgement:negative"),
        ),
        (
            "Senator Maria Lopez described Governor Tom Reed as a menace.",
            ("ACCUSE", "lopez", "reed", "judgement:negative"),
        ),
        (
            "Senator Maria Lopez said the Kremlin poses a threat to Europe.",
            ("ACCUSE", "lopez", "russia", "judgement:negative/threat"),
        ),
        (
            "Senator Maria Lopez said the Army remains a danger to civilians.",
            ("ACCUSE", "lopez", "army", "judgement:negative"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed is an embarrassment to the party.",
            ("ACCUSE", "lopez", "reed", "judgement:negative"),
        ),
        (
            '"Tom Reed is a coward and a puppet of the banks," Senator Maria Lopez said.',
            ("ACCUSE", "lopez", "reed", "judgement:negative"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed has devastated the economy.",
            ("ACCUSE", "lopez", "reed", "judgement:negative/devastate"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed's tariffs have caused factories to close.",
            ("ACCUSE", "lopez", "reed", "judgement:negative/close"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed's decisions led to the loss of thousands of jobs.",
            ("ACCUSE", "lopez", "reed", "judgement:negative/loss"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed bungled the response to the floods.",
            ("ACCUSE", "lopez", "reed", "judgement:negative/bungle"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed was responsible for the attack on the clinic.",
            ("ACCUSE", "lopez", "reed", "judgement:negative/responsible"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed has done a terrible job.",
            ("ACCUSE", "lopez", "reed", "judgement:negative/terrible"),
        ),
        (
            "Senator Maria Lopez said Governor Tom Reed has done a great job.",
            ("SUPPORT", "lopez", "reed", "judgement:positive/great"),
        ),
        (
            '"Tom Reed is a true patriot," Senator Maria Lopez said.',
            ("SUPPORT", "lopez", "reed", "judgement:positive"),
        ),
        (
            "Senator Maria Lopez described Governor Tom Reed as a thoughtful leader.",
            ("SUPPORT", "lopez", "reed", "judgement:positive"),
        ),
        # the parser hung the verb of naming on the root noun: that noun speaks
        (
            'Maria Lopez, a senator since 2010, called Tuesday\'s decree "tyranny" and unconstitutional.',
            ("ACCUSE", "lopez", None, "actor:verbless-root"),
        ),
        # a "by" agent names; the parser's subject is the one named
        (
            'Governor Tom Reed, called "a disgrace" by Senator Maria Lopez, resigned on Monday.',
            ("ACCUSE", "lopez", "reed", "characterize"),
        ),
    ],
)
def test_judgement_coded(
    coded_events: CodedEvents, text: str, expected: tuple[str, str, str | None, str]
) -> None:
    type_, actor, recipient, rule = expected
    found = [
        c
        for c in coded_events(text, PUB)
        if c.type == type_
        and any(actor in a.lower() for a in c.actors)
        and (recipient is None or any(recipient in r.lower() for r in c.recipients))
    ]
    assert found, coded_events(text, PUB)
    assert any(rule in c.rule for c in found), [c.rule for c in found]


@pytest.mark.parametrize(
    "text,actor",
    [
        # no actor is judged: a storm, a drought, the weather
        ("Senator Maria Lopez said the storm has been a disaster for farmers.", None),
        ("Senator Maria Lopez said the drought caused crops to fail.", None),
        # nothing is judged
        ("Senator Maria Lopez said Governor Tom Reed is a lawyer.", None),
        ("Senator Maria Lopez said Governor Tom Reed brought peace to the region.", None),
        # the judging word is deep in the predicate, not said of the subject
        ("Senator Maria Lopez said Governor Tom Reed's plan was an answer to the threat of floods.", None),
        # a risk foreseen, not a judgement
        (
            "Governor Tom Reed's failure to build homes would be the biggest threat to his reelection, "
            "Senator Maria Lopez said.",
            None,
        ),
        # an outcome reported, not a fault
        ("Senator Maria Lopez said Governor Tom Reed failed to win a majority.", None),
        ("Senator Maria Lopez said the talks failed.", None),
        # responsible for a duty, not for a harm
        ("Senator Maria Lopez said Governor Tom Reed is responsible for the security of the port.", None),
        # negated
        ("Senator Maria Lopez said Governor Tom Reed is not a threat.", None),
        # the subject suffered the harm, it did not cause it
        ("Senator Maria Lopez said Governor Tom Reed was hurt by the drought.", None),
        # damage done by an armed force is a material act, not a judgement
        ("The minister said the rebels damaged the pipeline.", None),
        # the speaker judges itself
        ("Senator Maria Lopez said she is a patriot.", None),
        # the narrator's own words: no statement, no speaker
        ("The governor is a threat to democracy.", None),
        # one named by others does not accuse
        ('Governor Tom Reed, called "a traitor" by his rivals, resigned on Monday.', "reed"),
    ],
)
def test_no_judgement(coded_events: CodedEvents, text: str, actor: str | None) -> None:
    judged = [c for c in coded_events(text, PUB) if c.type in ("ACCUSE", "SUPPORT")]
    if actor is None:
        assert not judged, judged
    else:
        assert not [c for c in judged if any(actor in a.lower() for a in c.actors)], judged
