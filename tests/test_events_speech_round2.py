"""Verbal events told through statements (issue 10, round 2): the statement's speaker is who speaks.

Rows: "X said Y was to blame" (the speaker accuses Y), opponents of an owner ("Erdogan's opponents", "critics
of the government") are never the owner, and an event on a statement's cue word takes the statement's speaker.
Includes texts where no event or no actor must be given. Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

import herald
from herald.stages.s5_events.speech import statement_cued_by

Extract = Callable[..., herald.Extraction]
PUB = "2024-04-30"


def _coded(x: herald.Extraction, type_: str) -> list[tuple[set[str], set[str]]]:
    names = {a.id: a.name.lower() for a in x.actors}
    return [
        ({names[i] for i in e.actors}, {names[i] for i in e.recipients}) for e in x.events if e.type == type_
    ]


def _has(found: set[str], want: str) -> bool:
    return any(want in n for n in found)


@pytest.mark.parametrize(
    "text,expected",
    [
        # (actor, recipient) of the ACCUSE, or None when no ACCUSE must be coded
        ("Senator Lindsey Graham said Iran was to blame for the attack on the tanker.", ("graham", "iran")),
        ("Iran was to blame for the attack, Senator Lindsey Graham said.", ("graham", "iran")),
        (
            "Prime Minister Theresa May spoke in London. She said Russia was to blame for the poisoning.",
            ("may", "russia"),
        ),
        (
            "The minister said Hamas was to blame for the delay, while Israel rejected the plan.",
            ("minister", "hamas"),
        ),
        ("The minister said nobody was to blame for the delay.", None),
        ("An official said on Tuesday that the ceasefire agreement was to blame for the unrest.", None),
        ("The report said the weather was to blame for the crash.", None),
    ],
)
def test_to_blame_is_the_speakers_accusation(
    extract: Extract, text: str, expected: tuple[str, str] | None
) -> None:
    found = _coded(extract(text, published=PUB), "ACCUSE")
    if expected is None:
        assert not found, found
        return
    actor, recipient = expected
    assert found, f"no ACCUSE in {text!r}"
    actors, recipients = found[0]
    assert _has(actors, actor), actors
    assert _has(recipients, recipient), recipients
    assert not _has(actors, recipient), actors  # the one blamed is not the accuser


@pytest.mark.parametrize(
    "text,type_,owner",
    [
        ("When Trump launched his campaign, his critics hysterically denounced him.", "ACCUSE", "trump"),
        ("Putin's rivals accused him of rigging the vote.", "ACCUSE", "putin"),
        ("Erdogan's opponents denounced the referendum.", "ACCUSE", "erdo"),
    ],
)
def test_opponents_are_not_their_owner(extract: Extract, text: str, type_: str, owner: str) -> None:
    """No actor is given (the opponents name no actor), and never the owner they stand against."""
    for actors, _ in _coded(extract(text, published=PUB), type_):
        assert not _has(actors, owner), actors


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Critics of the government said the new law was an attack on press freedom.", None),
        ("Erdogan's opponents denounced the referendum.", None),
        ("Supporters of the president praised the decision.", "supporters"),
        ("Turkey said on Tuesday that it backed the ceasefire in Syria.", "turkey"),
    ],
)
def test_opponents_are_not_the_speaker(extract: Extract, text: str, speaker: str | None) -> None:
    x = extract(text, published=PUB)
    names = {a.id: a.name.lower() for a in x.actors}
    assert x.statements, f"no statement in {text!r}"
    got = names.get(x.statements[0].speaker or "")
    if speaker is None:
        assert got is None, got
    else:
        assert got is not None and speaker in got, got


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        (
            "Trump spoke to reporters on Monday, denouncing the amnesty bill as a disgrace.",
            "denouncing",
            "trump",
        ),
        ("Senator Rubio went on television, urging Congress to pass the bill.", "urging", "rubio"),
        # a trigger inside the content is no cue: the content's own clause says who acted
        ("The minister said that Israel had attacked the convoy.", "attacked", None),
        ("Troops shelled the town on Monday.", "shelled", None),
    ],
)
def teststatement_cued_by_trigger(make: Callable[..., Doc], text: str, cue: str, speaker: str | None) -> None:
    doc = make(text, published=PUB)
    tok = next(t for t in doc if t.text == cue)
    st = statement_cued_by(doc, tok)
    if speaker is None:
        assert st is None
        return
    assert st is not None
    names = {a.id: a.name.lower() for a in doc._.herald_actors}
    assert speaker in names[st.speaker or ""]


@pytest.mark.parametrize(
    "text,type_,actor",
    [
        (
            "Donald Trump has long opposed amnesty. The blizzard of tweets he sent out in 2013 denouncing "
            "Rubio's amnesty bill is well known.",
            "ACCUSE",
            "trump",
        ),
        ("Senator Rubio went on television, urging Congress to pass the bill.", "REQUEST", "rubio"),
        (
            "Senator Lindsey Graham held a news conference, warning that the United States would respond to "
            "any attack.",
            "THREATEN",
            "graham",
        ),
    ],
)
def test_speaker_acts(extract: Extract, text: str, type_: str, actor: str) -> None:
    found = _coded(extract(text, published=PUB), type_)
    assert found and _has(found[0][0], actor), found


@pytest.mark.parametrize(
    "text,expected",
    [
        # a pledge to fight *for* people is no threat; fighting someone or against someone is
        (
            "Senator Elizabeth Warren spoke to workers in Ohio on Sunday. She promised that she would fight "
            "for them in Washington.",
            None,
        ),
        ("The rebel commander vowed to fight the army until the end.", "THREATEN"),
        ("Kim Jong Un promised to fight against the United States.", "THREATEN"),
        ("The rebel commander vowed to fight for the liberation of the city.", "THREATEN"),
    ],
)
def test_fighting_for_people_is_no_threat(extract: Extract, text: str, expected: str | None) -> None:
    types = {e.type for e in extract(text, published=PUB).events}
    if expected is None:
        assert "THREATEN" not in types, types
    else:
        assert expected in types, types


@pytest.mark.parametrize(
    "text,type_,actor,not_actor",
    [
        (
            "Kremlin spokesman Dmitry Peskov said on Monday that the Russian economy was not in a crisis, "
            "and urged investors to stay calm.",
            "REQUEST",
            "peskov",
            "russia",
        ),
        (
            "Senator Rubio said the Iranian government was a threat, and demanded new sanctions against "
            "Tehran.",
            "REQUEST",
            "rubio",
            "iran",
        ),
        # an action verb in the content keeps its own subject
        (
            "The minister said Russia attacked the town and threatened the residents.",
            "THREATEN",
            "russia",
            "minister",
        ),
    ],
)
def test_conjoined_speech_act_is_the_speakers(
    extract: Extract, text: str, type_: str, actor: str, not_actor: str
) -> None:
    found = _coded(extract(text, published=PUB), type_)
    assert found, f"no {type_} in {text!r}"
    actors = found[0][0]
    assert _has(actors, actor) and not _has(actors, not_actor), actors
