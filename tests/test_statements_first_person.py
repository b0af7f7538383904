"""First-person references (s4_statements/first_person.py): "we/our/us" in a quotation are the speaker's
group, in a release's narration the issuing body; "I/me/my" quoted are the speaker; and no actor where the
text gives none (a column, a reporter's aside, a generic "we", a quotation nobody is known to have said)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald.schema import Actor, Extraction

Extract = Callable[..., Extraction]
PUBLISHED = "2024-04-30"


def _owner(x: Extraction, text: str, word: str, nth: int = 0) -> tuple[Actor, str] | None:
    """The actor with a mention on the ``nth`` whole-word occurrence of ``word``, with that mention's rule."""
    at, seen = -1, -1
    while seen < nth:
        at = text.find(word, at + 1)
        assert at >= 0, f"{word!r} not in the text"
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            seen += 1
    for a in x.actors:
        for m in a.mentions:
            if m.start == at and m.end == at + len(word):
                return a, m.rule or ""
    return None


# (text, pronoun, its occurrence, expected actor name, the rule's start)
RESOLVED = [
    # a body's own statement, quoted: the body
    (
        'The Taliban said in a statement: "We attacked the checkpoint at dawn."',
        "We",
        0,
        "Taliban",
        "quote-group:speaker",
    ),
    # a role-holder of a body named in the speaker's phrase: the body
    (
        "Gen. Mark Hale, commander of U.S. Central Command, said: "
        '"We will keep up the pressure on the militants."',
        "We",
        0,
        "United States Central Command",
        "quote-group:speaker-phrase",
    ),
    # a government's spokesman: the government (the article's state actor)
    (
        "BEIJING - China imposed new tariffs on Monday. The foreign ministry spokesman said: "
        '"We reject the accusations and our response will be firm."',
        "our",
        0,
        "China",
        "quote-group:government",
    ),
    # known only by a role: the role-holder, whose country and sector are the role's
    (
        "China imposed new tariffs on Monday. The foreign ministry spokesman said: "
        '"We reject the accusations."',
        "We",
        0,
        "foreign ministry spokesman",
        "quote-group:role",
    ),
    # a block quotation after "X said:" is quoted too
    (
        "The foreign ministry spokesman of China spoke on Tuesday.\n\nChina imposed new tariffs. "
        "The spokesman said:\n\nWe reject the accusations.",
        "We",
        0,
        "China",
        "quote-group:government",
    ),
    # words after a speaker's colon, without quote marks, run to the end of the paragraph
    (
        "Philip Hammond said: The UK has worked with other member states. We are targeting the suppliers "
        "of chemical weapons.\n\nWe will keep you informed.",
        "We",
        0,
        "United Kingdom",
        "quote-group:government",
    ),
    # "I" in a quotation is the speaker
    (
        'Chinese foreign ministry spokesman Lin Jian said: "I have nothing to add, and my answer stands."',
        "my",
        0,
        "Lin Jian",
        "quote-speaker",
    ),
    # narration of a release: a body speaking for itself in the present tense
    (
        "The United States strongly condemns the bombing in Kabul. We extend our condolences to the "
        "families.",
        "We",
        0,
        "United States",
        "issuer:present-voice",
    ),
    (
        "The European Union is deeply concerned by the fighting in Tripoli. We call on all parties to "
        "respect the ceasefire.",
        "We",
        0,
        "European Union",
        "issuer:present-voice",
    ),
    # a release header: the first body the narration makes its subject
    (
        "NEWS RELEASE\nThe Ministry of Defence said two soldiers were wounded on Monday. "
        "Our forces detained two suspects.",
        "Our",
        0,
        "Ministry of Defence",
        "issuer:release-subject",
    ),
]


@pytest.mark.parametrize(("text", "word", "nth", "name", "rule"), RESOLVED)
def test_first_person_resolved(
    extract: Extract, text: str, word: str, nth: int, name: str, rule: str
) -> None:
    got = _owner(extract(text, published=PUBLISHED), text, word, nth)
    assert got is not None, f"{word!r} is no actor's mention"
    actor, how = got
    assert actor.name == name, (actor.name, how)
    assert how.startswith(rule), how
    assert (actor.rule or "").split("+")[-1] == rule.split(":")[0], actor.rule  # the actor says how


# (text, pronoun, its occurrence): no actor, the text names none
UNRESOLVED = [
    # a column: no body speaks for itself, whatever the tense
    ("The government raised taxes again last year. We must demand better from our leaders.", "We", 0),
    ("Russia wants to divide Europe. We must stand together.", "We", 0),
    ("The government has failed its people. We deserve better.", "We", 0),
    # a body named by a common noun issues nothing; nor does a feature's present tense
    ("The government strongly condemns the attack. We deserve better.", "We", 0),
    ("The federal government offers loans to parents. Which brings us to the next question.", "us", 0),
    # a reporter's aside
    ("In Amman, I meet a carpenter who asks us not to give his name.", "us", 0),
    ("As we reported on Monday, the army shelled the town.", "we", 0),
    # news that tells a body's act in the past tense
    ("Hamas condemned the raid on Monday. We will keep you updated.", "We", 0),
    # a generic "we", even after a body speaking for itself
    ("The United States strongly condemns the attack. We all know that terror has no religion.", "We", 0),
    ("The United States strongly condemns the attack. All of us must stand against terror.", "us", 0),
    # a quotation nobody is known to have said
    ('"We will never surrender." The slogan was painted on the walls of the town.', "We", 0),
    # after a speaker's colon run, the next paragraph is narration again
    (
        "Philip Hammond said: The UK has worked with other member states. We are targeting the suppliers "
        "of chemical weapons.\n\nWe will keep you informed.",
        "We",
        1,
    ),
    # an indirect statement's content ends with its clause
    ("Talks resumed on Monday, the minister said. We are hopeful.", "We", 0),
    # several speakers: none of them is "I"
    ('"I have never seen such destruction," residents said.', "I", 0),
    # a speaker with no group: no body for "we"
    ('"We were hungry for days," said Amina.', "We", 0),
]


@pytest.mark.parametrize(("text", "word", "nth"), UNRESOLVED)
def test_first_person_without_body(extract: Extract, text: str, word: str, nth: int) -> None:
    got = _owner(extract(text, published=PUBLISHED), text, word, nth)
    assert got is None, (got[0].name, got[1]) if got else None


# (text, event type, the actor's name): events whose agent is a first person now have the body as actor
EVENTS = [
    (
        "The United States strongly condemns the attack in Kabul. We call on the Taliban to release the "
        "hostages.",
        "REQUEST",
        "United States",
    ),
    (
        'Gen. Mark Hale, commander of U.S. Central Command, said: "We struck militant positions near Mosul."',
        "ASSAULT",
        "United States Central Command",
    ),
    (
        "BEIJING - China imposed new tariffs on Monday. "
        '"We reject the accusations," the foreign ministry spokesman said.',
        "REJECT",
        "China",
    ),
    # "our X" inside a quotation: the speaker's group acts, not the spokesman (s5_events/chains.py)
    (
        'KABUL - Zabihullah Mujahid, a spokesman for the Taliban, said: "Our fighters killed ten soldiers '
        'in Ghazni."',
        "ASSAULT",
        "Taliban",
    ),
]


@pytest.mark.parametrize(("text", "type_", "name"), EVENTS)
def test_first_person_agent_of_event(extract: Extract, text: str, type_: str, name: str) -> None:
    x = extract(text, published=PUBLISHED)
    names = {a.id: a.name for a in x.actors}
    got = [[names[i] for i in e.actors] for e in x.events if e.type == type_]
    assert any(name in actors for actors in got), got


# (text, event type): a column's "we" gives no actor to the event it is the agent of
EVENTS_NO_ACTOR = [
    ("Russia wants to divide Europe. We must condemn its aggression.", "ACCUSE"),
    ("As we reported on Monday, we condemn violence of every kind.", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "type_"), EVENTS_NO_ACTOR)
def test_first_person_column_gives_no_actor(extract: Extract, text: str, type_: str) -> None:
    x = extract(text, published=PUBLISHED)
    we = {(m.start, m.end) for a in x.actors for m in a.mentions if m.text.lower() == "we"}
    assert not we, we
    assert all(not e.actors for e in x.events if e.type == type_), [(e.type, e.actors) for e in x.events]


def test_statement_speaker_resolved_from_first_person(extract: Extract) -> None:
    """A statement whose speaker is a resolved "We" names the body as its speaker."""
    text = "The European Union welcomes the agreement. We call on all parties to respect it."
    x = extract(text, published=PUBLISHED)
    eu = next(a.id for a in x.actors if a.name == "European Union")
    assert any(s.speaker_text == "We" and s.speaker == eu for s in x.statements), [
        (s.speaker_text, s.speaker) for s in x.statements
    ]
