"""Branch re3drel: who did it to whom in conflict-domain releases (the error classes the re3d-relations
look fold showed). Invented sentences; each row gives the event type, the actor and recipient names expected
(an empty list: none must be given; None: not checked)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald

PUB = "2024-05-07"
EventParties = Callable[[str, str], list[tuple[str, list[str], list[str]]]]  # conftest.event_parties


ROWS = [
    # a content clause the parser hung on a noun ("reports that X has killed") is active: X killed
    (
        "The UN confirmed reports that Boko Haram has killed 40 villagers in Borno.",
        "ASSAULT",
        ["Boko Haram"],
        None,
    ),
    # ... while a reduced relative stays passive: the "by" agent acts
    ("Prisoners released by Israel returned to Gaza on Monday.", "RETREAT", ["Israel"], None),
    # raising passives: the passive subject of a verb of saying/believing does what its infinitive says
    (
        "On Sunday, Israeli jets were reported to have fired missiles into Syria.",
        "ASSAULT",
        ["Israeli jets"],
        None,
    ),
    ("The rebels are believed to have attacked the convoy near Goma.", "ASSAULT", ["rebels"], None),
    # a passive of quoting with an "as" gerund: the one quoted does it
    (
        "The Syrian army was quoted as warning Israel of the repercussions.",
        "THREATEN",
        ["Syrian Arab Army"],
        ["Israel"],
    ),
    # ... not a characterisation ("was seen as supporting"): no event
    # ... not a passive of ordering: "was urged to" keeps the control rule (the one urged acts)
    ("Syria was urged to withdraw its troops from Lebanon.", "REQUEST", [], ["Syria"]),
    # "at the hands of X" names the agent of a passive
    (
        "Hundreds of Syrians have been killed at the hands of the Syrian army.",
        "ASSAULT",
        ["Syrian Arab Army"],
        None,
    ),
    # a passive without any agent gives none
    ("Hundreds of civilians have been killed in the town since March.", "ASSAULT", [], None),
    # an active participle hung on an actor noun, aimed at another actor, is that actor's act
    (
        # (trig: "conducted a strike to target ..." is now an ASSAULT of its own, listed first; see
        # tests/test_events_trig.py)
        "Coalition aircraft spotted enemy fighters firing on Iraqi forces.",
        "ASSAULT",
        ["enemy fighters"],
        ["Iraqi forces"],
    ),
    # "which" hung on a place inside the phrase of an event noun stands for the event noun
    (
        "The United States condemned ISIL's suicide attacks in the town of Tel Abyad in Raqqa Province,"
        " which killed scores of Syrian civilians.",
        "ASSAULT",
        ["Islamic State"],
        ["Syrian civilians"],
    ),
    # verbs of taking something from someone: the "from" actor is the recipient
    (
        "Iraqi Security Forces attempted to seize the hospital complex from ISIL fighters.",
        "COERCE",
        ["Iraqi Security Forces"],
        ["ISIL fighters"],
    ),
    # a subject the parser lost behind a relative clause ("X, which includes Y, has made progress, retaking")
    (
        "In Syria, the SDF, which includes the Syrian Arab Coalition, has made progress over the past months,"
        " retaking more than 1,000 square kilometers of territory.",
        "COERCE",
        ["Syrian Democratic Forces"],
        None,
    ),
    # ... a participle with no clause subject anywhere gives none
    ("Heavy shelling has continued for weeks, destroying hundreds of homes.", "ASSAULT", [], None),
    # the first of two coordinated titled names, hung by the parser on the second as a modifier, is a party
    (
        "U.S. Secretary of State Kerry and U.S. Secretary of Defense Ash Carter will host foreign ministers"
        " of the coalition in Washington.",
        "AGREE",
        None,
        ["Kerry", "Ashton Carter"],
    ),
    # ... a "from" that is no actor gives no recipient
    ("Police seized weapons from a house in Mosul.", "COERCE", ["Police"], []),
]


@pytest.mark.parametrize(("text", "etype", "actors", "recipients"), ROWS)
def test_roles(
    event_parties: EventParties,
    text: str,
    etype: str,
    actors: list[str] | None,
    recipients: list[str] | None,
) -> None:
    got = [(a, r) for t, a, r in event_parties(text, PUB) if t == etype]
    assert got, f"no {etype} in {event_parties(text, PUB)}"
    acts, recs = got[0]
    if actors is not None:
        assert sorted(acts) == sorted(actors)
    if recipients is not None:
        assert sorted(recs) == sorted(recipients)


def test_description_is_not_its_own_clause_subject(extract: Callable[..., herald.Extraction]) -> None:
    """Binding: "the militants" in the clause whose subject is "Hezbollah fighters" is another actor."""
    ex = extract("Hezbollah fighters seized the town from the militants on Sunday.", published=PUB)
    owners = [a.name for a in ex.actors if any(m.text == "militants" for m in a.mentions)]
    assert owners == ["militants"]


def test_description_still_refers_back_across_sentences(extract: Callable[..., herald.Extraction]) -> None:
    ex = extract("Boko Haram attacked a village in Borno. The militants then withdrew.", published=PUB)
    owners = [a.name for a in ex.actors if any(m.text == "militants" for m in a.mentions)]
    assert owners == ["Boko Haram"]


def test_participle_of_motion_is_no_act_of_its_noun(event_parties: EventParties) -> None:
    """ "migrants travelling to the United States": a destination is no target; the migrants do nothing."""
    events = event_parties("Mexican police stopped migrants travelling to the United States.", PUB)
    assert not any("migrants" in a for _, a, _ in events)


def test_seen_as_is_no_act(event_parties: EventParties) -> None:
    """ "was seen as supporting the rebels" characterises the minister; it reports no support."""
    assert not event_parties("The minister was seen as supporting the rebels.", PUB)
