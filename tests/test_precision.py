"""What must not be coded, round 2 (issue 10, branch ``precision``): acts only named as possible (reasons
to act, the risk or prospect of an act), what an attempted act was to bring about, acts kept from happening,
survey findings and opinions of unnamed people, ratios read as particles, simple-present relative clauses on
kinds of people, senses with no PLOVER event (an act sanctioned, a reputation, an appeal that asks nothing, a
campaign suspended), a second bare verb under a request, one named victim reported twice, editorial notes.
Texts are written for these tests. Each table has rows where an event must NOT be coded and rows where the
real event must still be coded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import herald
from herald.stages.s5_events.filters import note_spans
from herald.stages.s5_events.lexicon import load_lexicon

CodedEvents = Callable[[str, str], list[Any]]  # conftest.coded_events: Coded rows
Extract = Callable[..., herald.Extraction]

PUB = "2024-05-01"


def _types(coded_events: CodedEvents, text: str) -> list[str]:
    return [c.type for c in coded_events(text, PUB)]


@pytest.mark.parametrize(
    "text,type_",
    [
        # a reason or a way to act is not the act (potential_nouns)
        ("The minister said there were good reasons to attack and criticise the president.", "ACCUSE"),
        # an event noun after "of" on a noun of risk or prospect (possible_nouns)
        ("Analysts warned of the risk of raids and attacks on the embassy by militias.", "COERCE"),
        ("Both leaders welcomed the prospect of a summit between Iran and Iraq.", "CONSULT"),
        ("The governor spoke of the danger of riots by farmers in the capital.", "PROTEST"),
        # what an attempted act was to bring about (modality.ATTEMPTED)
        ("The crown prince tried to force the premier to resign.", "RETREAT"),
        ("The junta attempted to compel the king to abdicate.", "RETREAT"),
        # a second bare verb under "urge X to": asked for, not done
        (
            '"We urge the Polish government to swiftly cancel the new rules, in line with advice by the '
            "European Commission, and, in the meantime, provide an amnesty for those journalists who did not "
            'comply," the spokeswoman said.',
            "CONCEDE",
        ),
        # a survey finding and an opinion of unnamed people (poll_shares, generic_voices)
        ("In a poll, 40 percent declared support for the Labour Party.", "SUPPORT"),
        ("Many blame the government for the crisis.", "ACCUSE"),
        ("Some criticised the ministry over the delays.", "ACCUSE"),
        # "N out of M" is a ratio, not the particle of "rule out"
        ("The ruling party and its allies rule 21 out of 29 states.", "REJECT"),
        # a simple-present relative clause on a kind of people: whoever does it
        ('"I will never support people who attack my wife and attack my family," he said.', "ASSAULT"),
        # an act sanctioned is authorised; a reputation is no praise given; an appeal that asks nothing
        ("The hacking was sanctioned by the Russian government, the senator said.", "SANCTION"),
        ("The opposition leader is credited with changing the face of politics.", "SUPPORT"),
        ("The minister's pledge to create jobs appealed to them.", "REQUEST"),
        # a candidate leaving a race concedes nothing in a conflict
        ("The governor suspended his presidential campaign in February.", "CONCEDE"),
        # a hostile word held back is no refusal of a request
        ("The general declined to threaten the rebels.", "REJECT"),
    ],
)
def test_not_coded(coded_events: CodedEvents, text: str, type_: str) -> None:
    assert type_ not in _types(coded_events, text)


@pytest.mark.parametrize(
    "text,type_",
    [
        ("The army forced the premier to resign on Monday.", "RETREAT"),
        ("Police tried to detain the protest leader on Monday.", "COERCE"),
        ("The Red Cross appealed to both sides to spare civilians.", "REQUEST"),
        ("The mayor appealed for calm on Monday.", "REQUEST"),
        ("The president credited the army with restoring order.", "SUPPORT"),
        ("The union suspended its strike on Monday.", "CONCEDE"),
        ("The United Nations sanctioned North Korea on Monday.", "SANCTION"),
        ("Officials ruled out talks with the rebels.", "REJECT"),
        ("The army killed militants who attacked border posts on Monday.", "ASSAULT"),
        ("Many protesters were killed by soldiers in the capital on Monday.", "ASSAULT"),
        ("The rebels refused to follow the commands of the police.", "REJECT"),
        ("The union threatened strikes on Monday.", "THREATEN"),
        ("The minister criticised the plan to attack the town.", "ACCUSE"),
    ],
)
def test_still_coded(coded_events: CodedEvents, text: str, type_: str) -> None:
    assert type_ in _types(coded_events, text)


@pytest.mark.parametrize(
    "text,flag",
    [
        # kept from happening: flagged negated ("prevent X from", a refusal holds the act back)
        ("The guards stopped the crowd from storming the building.", "negated"),
        ("The general declined to threaten the rebels.", "negated"),
        # "ought" as the parser's head: hypothetical like "should"
        ("The mayor ought to resign, the council said.", "hypothetical"),
    ],
)
def test_flagged(extract: Extract, text: str, flag: str) -> None:
    events = extract(text, published=PUB).events
    assert events and all(getattr(e, flag) for e in events)


def test_named_victim_told_twice_is_one_act(coded_events: CodedEvents) -> None:
    text = (
        "Officer Jane Cole shot John Hollis on Friday in Tulsa. Hollis was unarmed, his family said. "
        "A video shows his hands in the air before he was shot."
    )
    assert _types(coded_events, text).count("ASSAULT") == 1


def test_two_victims_stay_two_acts(coded_events: CodedEvents) -> None:
    text = "John Hollis was shot on Friday in Tulsa. Mary Wells was shot on Friday in Dallas."
    assert _types(coded_events, text).count("ASSAULT") == 2


NOTE = "Police arrested ten protesters in Lagos on Monday.\n\n{}: The governor has threatened journalists.\n"


@pytest.mark.parametrize("opener", ["Editor’s note", "Editor's note", "Correction"])
def test_editorial_note_tells_no_news(coded_events: CodedEvents, opener: str) -> None:
    assert _types(coded_events, NOTE.format(opener)) == ["COERCE"]


def test_note_spans_end_at_blank_line() -> None:
    text = "Editor's note: a standing note.\n\nPolice arrested ten protesters on Monday."
    spans = note_spans(text, load_lexicon().note_openers)
    assert spans == [(0, len("Editor's note: a standing note."))]
    assert note_spans("The note: nothing here.", load_lexicon().note_openers) == []
