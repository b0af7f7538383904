"""Verbal events told through statements (issue 10, speech round 3): the statement's resolved speaker is who
criticises, the one judged is the recipient.

Rows: criticism cues no event verb covers ("went after", "lamented"), contents that judge an actor with a word
of harm, deceit or disregard ("undermine", "acting unlawfully", "obsessed"), speakers named by a definite
description ("the Kentucky Republican", "the nation's largest gun group"), pronoun speakers after a reported
clause ("Cox says Obama ... He says"), and the appositive name of an opponent phrase. Includes statements
where no event must be coded (plain statements, negated contents, self-judgements, denials). Invented
sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald

Extract = Callable[..., herald.Extraction]
PUB = "2016-01-05"


def _accusations(x: herald.Extraction) -> list[tuple[set[str], set[str]]]:
    names = {a.id: a.name.lower() for a in x.actors}
    return [
        ({names[i] for i in e.actors}, {names[i] for i in e.recipients})
        for e in x.events
        if e.type == "ACCUSE" and not e.negated
    ]


def _has(found: set[str], want: str) -> bool:
    return any(want in n for n in found)


@pytest.mark.parametrize(
    "text,expected",
    [
        # (actor, recipient) of an ACCUSE, or None when no ACCUSE must be coded
        ("Senator Jane Fowler went after Governor Tom Reed's budget on Monday.", ("fowler", "reed")),
        ("Senator Jane Fowler lamented Governor Tom Reed's veto of the bill.", ("fowler", "reed")),
        (
            "Senator Jane Fowler said Governor Tom Reed is acting unlawfully with his order.",
            ("fowler", "reed"),
        ),
        (
            "Senator Jane Fowler told reporters that Governor Tom Reed's new rules undermine voters' rights.",
            ("fowler", "reed"),
        ),
        ("Senator Jane Fowler says Governor Tom Reed is obsessed with punishing unions.", ("fowler", "reed")),
        (
            "Senator Jane Fowler said some of Governor Tom Reed's rhetoric has been patronizing.",
            ("fowler", "reed"),
        ),
        ("Senator Jane Fowler said Governor Tom Reed's actions amount to intimidation.", ("fowler", "reed")),
        (
            "According to Foreign Minister Mevlut Cavusoglu, the US sanctions are illegal.",
            ("mevl", "united states"),
        ),
        (
            "Russia's foreign ministry said in a statement that the US strikes violated international law.",
            ("russia", "united states"),
        ),
        # no event: a plain statement, a negated judgement, a judgement of the speaker's own side, a denial,
        # a complaint about nobody's act
        ("Senator Jane Fowler said Governor Tom Reed will visit the capital on Monday.", None),
        ("Senator Jane Fowler said Governor Tom Reed is not acting unlawfully.", None),
        ("Senator Jane Fowler said she had ignored the warnings at first.", None),
        ("Senator Jane Fowler denied that Governor Tom Reed had misled the voters.", None),
        ("Senator Jane Fowler lamented the cold weather at the rally.", None),
        ("Senator Jane Fowler did not criticize Governor Tom Reed's budget.", None),
        ("Supporters of Senator Jane Fowler question whether Governor Tom Reed opposes the deal.", None),
    ],
)
def test_statement_judges_someone(extract: Extract, text: str, expected: tuple[str, str] | None) -> None:
    found = _accusations(extract(text, published=PUB))
    if expected is None:
        assert not found, found
        return
    actor, recipient = expected
    assert any(_has(a, actor) and _has(r, recipient) for a, r in found), found


def _speakers(x: herald.Extraction) -> list[str | None]:
    names = {a.id: a.name.lower() for a in x.actors}
    return [names.get(s.speaker) if s.speaker else None for s in x.statements]


@pytest.mark.parametrize(
    "text,expected",
    [
        # the speaker of the last statement
        (
            "Senator Jane Fowler criticized Governor Tom Reed. In a statement, the Ohio Democrat on Tuesday "
            "said the plan would fail.",
            "fowler",
        ),
        (
            "The National Rifle Association says the rules are unfair. The nation's largest gun group says "
            "it will sue.",
            "national rifle association",
        ),
        (
            "Chris Cox says Governor Tom Reed is trying to distract voters. He says voters want answers.",
            "cox",
        ),
        (
            "Khalif said Donald Trump won't win votes from his community. But he said Clinton still has a "
            "chance.",
            "khalif",
        ),
        ("Clinton's Democratic opponent, Vermont Sen. Bernie Sanders, said the plan would fail.", "sanders"),
        (
            "Russia's Foreign Ministry criticized the strikes. The spokesman said the move was a mistake.",
            "foreign affairs of russia",
        ),
        # an opposing noun with no name stays no speaker; a description that names a person is that person
        ("Clinton's critics said the plan would fail.", None),
        ("Senator Jane Fowler spoke first. Then the Sanders campaign said the plan would fail.", "sanders"),
    ],
)
def test_speaker_resolution(extract: Extract, text: str, expected: str | None) -> None:
    last = _speakers(extract(text, published=PUB))[-1]
    if expected is None:
        assert last is None, last
        return
    assert last is not None and expected in last, _speakers(extract(text, published=PUB))


@pytest.mark.parametrize(
    "text,expected",
    [
        # the actor of the verbal event on the statement's cue
        (
            "Texas Sen. Ted Cruz says the rules are worthless. During a stop in Iowa, the Republican "
            "presidential candidate repeated his promise to repeal the rules.",
            "cruz",
        ),
        (
            "The National Rifle Association says the rules are unfair. The nation's largest gun group is "
            "accusing the governor of exploitation.",
            "national rifle association",
        ),
        ("The Republican Party promised to repeal the rules.", "republican party"),
    ],
)
def test_described_speaker_acts(extract: Extract, text: str, expected: str) -> None:
    x = extract(text, published=PUB)
    names = {a.id: a.name.lower() for a in x.actors}
    acts = [{names[i] for i in e.actors} for e in x.events if e.type in ("AGREE", "THREATEN", "ACCUSE")]
    assert any(_has(a, expected) for a in acts), acts
