"""Issue 10, branch evmore: datelines kept out of the first sentence's parse (offsets exact), and events that
follow from it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from herald.stages.s5_events.extract import extract_events


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "ALBUQUERQUE, N.M. (AP) - New Mexico's senators called for an inquiry.",
            ["ALBUQUERQUE, N.M. (AP) -", "New Mexico's senators called for an inquiry."],
        ),
        (
            "KINSHASA, March 14 - Rebels seized the town.",
            ["KINSHASA, March 14 -", "Rebels seized the town."],
        ),
        (
            "WASHINGTON (Reuters) — The Pentagon sent troops.",
            ["WASHINGTON (Reuters) —", "The Pentagon sent troops."],
        ),
        ("Harare (AP) - Police arrested ten men.", ["Harare (AP) -", "Police arrested ten men."]),
        (
            "Headline here\nTORONTO — Canada imposed tariffs.",
            ["Headline here", "TORONTO —", "Canada imposed tariffs."],
        ),
        # Not datelines: a title-case word without an agency, a lowercase word, an aside between dashes.
        (
            "Rebels - many of them young - seized the town.",
            ["Rebels - many of them young - seized the town."],
        ),
        ("Canada - which imposed tariffs - said no.", ["Canada - which imposed tariffs - said no."]),
        ("NATO - the alliance - met on Monday.", ["NATO - the alliance - met on Monday."]),
        ("The MINISTRY said - Rebels fled.", ["The MINISTRY said - Rebels fled."]),
    ],
)
def test_dateline_is_its_own_sentence(nlp: Language, text: str, sentences: list[str]) -> None:
    doc = nlp(text)
    got = [s.text.strip() for s in doc.sents]
    assert got == sentences
    # Offsets are the input's: the text is never rewritten.
    assert doc.text == text
    for sent in doc.sents:
        assert text[sent.start_char : sent.end_char] == sent.text


@pytest.mark.parametrize(
    ("text", "etype", "actor"),
    [
        (
            "ALBUQUERQUE, N.M. (AP) - New Mexico's two U.S. senators called for an investigation.",
            "REQUEST",
            "USA",
        ),
        # The actor's country is the actors stage's business; here only that the subject is kept.
        ("KINSHASA, March 14 - Congolese soldiers seized the town of Goma.", "COERCE", None),
    ],
)
def test_event_after_dateline_keeps_its_actor(
    make: Callable[..., Doc], text: str, etype: str, actor: str | None
) -> None:
    doc = make(text, published="2024-03-14")
    events = [e for e in doc._.herald_events if e.type == etype]
    assert events, f"no {etype} in {text!r}"
    actors = {a.id: a for a in doc._.herald_actors}
    countries = {actors[a].country for e in events for a in e.actors if a in actors}
    assert countries, f"{etype} without an actor"
    assert actor is None or actor in countries


def _actor_names(doc: Doc, etype: str) -> set[str]:
    actors = {a.id: a for a in doc._.herald_actors}
    return {actors[a].name for e in doc._.herald_events if e.type == etype for a in e.actors if a in actors}


@pytest.mark.parametrize(
    ("text", "etype", "name"),
    [
        # "we" / "our X" inside a direct quotation: the quotation's speaker acts.
        (
            '"We shelled their positions all night," said Taliban spokesman Zabihullah Mujahid.',
            "ASSAULT",
            "Zabihullah Mujahid",
        ),
        (
            '"Our forces arrested ten militants," said General John Nicholson, the NATO commander.',
            "COERCE",
            "John Nicholson",
        ),
        (
            'Zabihullah Mujahid spoke on Monday. "We shelled their posts," he said. "We will attack again."',
            "ASSAULT",
            "Zabihullah Mujahid",
        ),
        # Outside a quotation "our forces" is left to the actors stage, and a third person is not the speaker.
        ("Our forces arrested ten militants in Kandahar, the ministry said.", "COERCE", None),
        ('"They shelled our positions," said Taliban spokesman Zabihullah Mujahid.', "ASSAULT", None),
    ],
)
def test_first_person_in_quotation_is_the_speaker(
    make: Callable[..., Doc], text: str, etype: str, name: str | None
) -> None:
    doc = make(text, published="2024-03-14")
    names = _actor_names(doc, etype)
    rules = [e.rule for e in doc._.herald_events if e.type == etype]
    assert rules, f"no {etype} in {text!r}"
    if name is None:
        assert not any("quoted-speaker" in r for r in rules)
    else:
        assert name in names


@pytest.mark.parametrize(
    ("text", "etype", "found"),
    [
        # A yes/no question asserts nothing; a wh-question presupposes the event; a statement reports it.
        ("Did the army attack the village?", "ASSAULT", False),
        ('"Did they attack us?" he asked.', "ASSAULT", False),
        ("Why did Russia expel the diplomats?", "SANCTION", True),
        ("Russia expelled the diplomats on Monday.", "SANCTION", True),
        ("The army attacked the village on Monday.", "ASSAULT", True),
        # A habit reported as fact stays an event (PLOVER's coders code "soldiers routinely beat detainees").
        ("Police routinely arrest protesters in the capital, a court was told.", "COERCE", True),
        ("Police arrested protesters in the capital on Monday.", "COERCE", True),
        ("Vietnam always supports Russia's role in the region, the party chief said.", "SUPPORT", True),
    ],
)
def test_yes_no_questions_are_not_events(
    make: Callable[..., Doc], text: str, etype: str, found: bool
) -> None:
    doc = make(text, published="2024-03-14")
    assert any(e.type == etype for e in doc._.herald_events) is found


@pytest.mark.parametrize(
    ("text", "etype", "count"),
    [
        # A verbal act retold without a date of its own is the dated one: one event, two mentions.
        (
            "President Donald Trump threatened China with new tariffs on Thursday. "
            "The White House said more talks were possible. "
            "Trump threatened China with new tariffs, the trade representative said.",
            "THREATEN",
            1,
        ),
        # Two dated reports on different days stay two acts.
        (
            "President Donald Trump threatened China with new tariffs on Monday. "
            "President Donald Trump threatened China with new tariffs again on Thursday.",
            "THREATEN",
            2,
        ),
        # Material acts are not merged by this rule: a dated attack and an undated attack may be two.
        (
            "Syrian government forces attacked Idlib on Monday. Rebels said little. "
            "Syrian government forces attacked Idlib, killing ten people.",
            "ASSAULT",
            2,
        ),
    ],
)
def test_restated_verbal_act_is_one_event(
    make: Callable[..., Doc], text: str, etype: str, count: int
) -> None:
    doc = make(text, published="2024-03-14")
    events = [e for e in doc._.herald_events if e.type == etype]
    assert len(events) == count, [(e.rule, e.date) for e in events]
    if count == 1:
        assert len(events[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # A government voice announcing its state's future action: a threat.
        (
            '"China will impose sanctions on U.S. firms if Washington persists," '
            "the Chinese Commerce Ministry said.",
            "THREATEN",
        ),
        ("The Chinese Commerce Ministry said China will impose sanctions on U.S. firms.", "THREATEN"),
        # Others predicting a state's action announce nothing for it: a prediction (kept only with
        # include_future; tests/test_events_future.py)
        ("Analysts said China will impose sanctions on U.S. firms.", "SANCTION"),
    ],
)
def test_government_voice_announces_its_state_threat(make: Callable[..., Doc], text: str, etype: str) -> None:
    doc = make(text, published="2024-03-14")
    assert [e.type for e in extract_events(doc, include_future=True)] == [etype]


@pytest.mark.parametrize(
    ("text", "etype", "found"),
    [
        # An action named only as an ability or disposition has not happened.
        ("Beijing said China isn't afraid to fight the United States.", "ASSAULT", False),
        ("The president is right to ask for sanctions on Russia.", "REQUEST", False),
        # A modal or conditional hypothetical stays, flagged; a reported act stays.
        ("The army could attack the rebels in the north.", "ASSAULT", True),
        ("The army attacked the rebels in the north.", "ASSAULT", True),
    ],
)
def test_disposition_is_no_event(make: Callable[..., Doc], text: str, etype: str, found: bool) -> None:
    doc = make(text, published="2024-03-14")
    assert any(e.type == etype for e in doc._.herald_events) is found
