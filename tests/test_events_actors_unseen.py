"""Issue 10, branch evactors (third pass): who did it on unseen text. Rows written for the purpose (invented
text), each with the event type, the actor and recipient names expected (empty: none must be given) and the
historical flag; rows where no actor, no recipient or no flag must be given are part of every group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import herald

PUB = "2024-05-07"
CodedEvents = Callable[[str, str], list[Any]]  # conftest.coded_events: Coded rows


def _one(coded_events: CodedEvents, text: str, etype: str) -> Any:
    """The last event of type ``etype`` coded from ``text`` (there must be one)."""
    found = [c for c in coded_events(text, PUB) if c.type == etype]
    assert found, f"no {etype} in {coded_events(text, PUB)}"
    return found[-1]


# --- parse errors: subjects the parser lost or misattached -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "actor", "rule_part"),
    [
        # a finite verb hung as "dep" under a participle: the nearest subject-like noun on its left
        (
            "Police officers responding to a report of a man with a gun fatally shot a man on Sunday.",
            "ASSAULT",
            "Police officers",
            "+actor:recovered-subject",
        ),
        # a finite verb coordinated with a gerund inside "of ...": the main clause's subject
        (
            "Ecuador's president accused Mexico of interfering and expelled its ambassador.",
            "SANCTION",
            "Ecuador's president",
            "",
        ),
        # the object of a verb of reproach does the gerund ("accused X of V-ing")
        (
            "The RSF denied losing the town and accused the army of bombing civilians in nearby villages.",
            "ASSAULT",
            "army",
            "",
        ),
        # a pronoun in an adverbial clause: the subject of the (coordinated) clause it modifies, not the
        # speaker
        (
            "Residents said the fighters looted homes and detained young men before they withdrew.",
            "RETREAT",
            "fighters",
            "",
        ),
        # relative clause and apposition
        (
            "The militants, who attacked a police post on Monday, also seized two trucks.",
            "COERCE",
            "militants",
            "",
        ),
        (
            "Turkish troops, backed by tanks, entered the town and arrested the mayor.",
            "COERCE",
            "Turkish troops",
            "",
        ),
    ],
)
def test_subject_recovery(
    coded_events: CodedEvents, text: str, etype: str, actor: str, rule_part: str
) -> None:
    one = _one(coded_events, text, etype)
    actors, rule = one.actors, one.rule
    assert actor in actors
    assert rule_part in rule


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # no actor in the text: none is recovered
        ("Three people were killed in an explosion in Kabul on Monday.", "ASSAULT"),
        ("Clashes broke out in the capital on Sunday.", "ASSAULT"),
        ("Banda was jailed in 2019 for organising a strike.", "COERCE"),
    ],
)
def test_no_actor_given(coded_events: CodedEvents, text: str, etype: str) -> None:
    one = _one(coded_events, text, etype)
    actors, rule = one.actors, one.rule
    assert actors == []
    assert "recovered" not in rule


# --- descriptions with no named antecedent take the story's country ---------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "actor", "country"),
    [
        # "the authorities", "officials": one body of the story's state (dateline + mentions), with the rule
        (
            "ABUJA, Nigeria - The authorities banned the march. Nigerian police arrested ten people.",
            "COERCE",
            "authorities",
            "NGA",
        ),
        (
            "ABUJA, Nigeria - Officials accused the opposition of planning violence. Nigerian police "
            "arrested ten protesters.",
            "ACCUSE",
            "Officials",
            "NGA",
        ),
        # no country context: the description stays itself, without a country
        ("The authorities banned the march.", "COERCE", "authorities", None),
    ],
)
def test_plural_bodies_take_the_story_country(
    extract: Callable[..., herald.Extraction], text: str, etype: str, actor: str, country: str | None
) -> None:
    ex = extract(text, published=PUB)
    event = next(e for e in ex.events if e.type == etype)
    first = next(a for a in ex.actors if a.id == event.actors[0])
    assert (first.name, first.country, first.sector) == (actor, country, "GOV")
    assert first.wikidata is None  # the state's organs, not a mention of the state itself
    if country:
        assert f"country-context:{country}" in (first.rule or "")


def test_officials_not_merged_with_another_role(extract: Callable[..., herald.Extraction]) -> None:
    """ "Officials" and "its leader" share a role key but not a head noun: two actors."""
    ex = extract(
        "Officials accused the opposition of planning violence. Police arrested its leader.", published=PUB
    )
    officials = next(a for a in ex.actors if any(m.text == "Officials" for m in a.mentions))
    assert all(m.text != "leader" for m in officials.mentions)


# --- the historical flag, both ways ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "historical"),
    [
        # a relative clause of a noun dated in the past
        ("Last year's protests, in which police killed 40 people, ended in March 2023.", "ASSAULT", True),
        # "N years after ...": the subordinate act is that long before the news
        (
            "Two years after police killed a teenager, protesters marched in Paris on Saturday.",
            "ASSAULT",
            True,
        ),
        (
            "Two years after police killed a teenager, protesters marched in Paris on Saturday.",
            "PROTEST",
            False,
        ),
        # what an anniversary is of
        ("Survivors marked the tenth anniversary of the bombing of the market by rebels.", "ASSAULT", True),
        # an activity still going on is news whatever its start date; a summed-up record is background
        ("Rebels have continued to shell the town since 2019.", "ASSAULT", False),
        ("The army has shelled the town since 2019.", "ASSAULT", True),
        ("Rebels shelled the town in 2019.", "ASSAULT", True),
        ("Rebels shelled the town on Monday.", "ASSAULT", False),
        # "two days after" is no background
        (
            "Two days after the vote, riot police fired tear gas at opposition supporters in Harare.",
            "ASSAULT",
            False,
        ),
    ],
)
def test_historical_frames(coded_events: CodedEvents, text: str, etype: str, historical: bool) -> None:
    flags = [c.historical for c in coded_events(text, PUB) if c.type == etype]
    assert flags
    assert flags[0] is historical


def test_interval_clause_flags_the_earlier_act(coded_events: CodedEvents) -> None:
    got = coded_events(
        "Police arrested ten protesters on Tuesday, a year after they had banned the movement.", PUB
    )
    by_rule = {c.rule.split("/")[0]: c.historical for c in got}
    assert by_rule == {"verb:arrest": False, "verb:ban": True}


# --- recipients by PLOVER type ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "recipient"),
    [
        ("Protesters rallied outside the US embassy against Israel.", "PROTEST", "Israel"),
        # a state's official protest is a complaint (CAMEO 11, PLOVER ACCUSE), not a demonstration
        ("Pakistan protested to India over the shelling.", "ACCUSE", "India"),
        ("Farmers protested outside the parliament against the new tax law.", "PROTEST", None),
        ("Hamas fired rockets at Israel.", "ASSAULT", "Israel"),
        ("Police fired tear gas at protesters on Monday.", "ASSAULT", "protesters"),
        # a reaction to a definite act told before is aimed at its actor (the arrest, not the ban)
        (
            "Police arrested the opposition leader on Monday. The authorities banned all rallies. Amnesty "
            "International condemned the detention.",
            "ACCUSE",
            "Police",
        ),
        # a capital or a demonym names the article's state actor
        (
            "Canada imposed duties on US steel. The United States accused Ottawa of unfair trade practices.",
            "ACCUSE",
            "Canada",
        ),
        ("Canada protested on Monday. Washington imposed duties on Canadian steel.", "SANCTION", "Canada"),
        # none named: none given; with an object, "at X" says where (not for aiming verbs, above)
        ("Rebels attacked the town on Monday.", "ASSAULT", None),
        ("Officials said rebels had attacked an army position at Komanda.", "ASSAULT", None),
        ("Amnesty International condemned an attack on Monday.", "ACCUSE", None),
        ("Washington imposed duties on Canadian steel.", "SANCTION", None),
    ],
)
def test_recipients_by_type(coded_events: CodedEvents, text: str, etype: str, recipient: str | None) -> None:
    recipients = _one(coded_events, text, etype).recipients
    if recipient is None:
        assert recipients == []
    else:
        assert recipient in recipients


@pytest.mark.parametrize(
    ("text", "etype", "actor"),
    [
        # a verb coordinated with a passive clause does not take its passive subject as the actor
        (
            "The army said on Wednesday that 14 civilians were killed in the attack, and rejected "
            "accusations that its soldiers had been slow to respond.",
            "REJECT",
            "army",
        ),
    ],
)
def test_no_passive_subject_recovered(coded_events: CodedEvents, text: str, etype: str, actor: str) -> None:
    actors = _one(coded_events, text, etype).actors
    assert "civilians" not in actors


def test_performing_an_agreement_is_no_reaction(coded_events: CodedEvents) -> None:
    text = (
        "Kenya agreed to end the dispute. The minister and the union leader signed the agreement in Nairobi."
    )
    got = [c.recipients for c in coded_events(text, PUB) if c.type == "SUPPORT"]
    assert all("Kenya" not in r for r in got)


def test_a_place_reached_is_no_recipient(extract: Callable[..., herald.Extraction]) -> None:
    ex = extract("The delegation arrived at Geneva on Monday.", published=PUB)
    assert all(not e.recipients for e in ex.events)
    assert any(p.text == "Geneva" for p in ex.places)


# --- headlines, lasting activities, reactions to acts told before ---------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "actors", "recipients"),
    [
        # a headline drops the passive's auxiliary: its subject undergoes the act, and a subordinate clause
        # with a subject of its own is its own act
        ("Opposition leader detained as Malawi cracks down on protests", "COERCE", [], ["Opposition leader"]),
        # a body sentence (final punctuation) is active
        ("Police arrested ten protesters.", "COERCE", ["Police"], ["protesters"]),
    ],
)
def test_headline_passive(
    coded_events: CodedEvents, text: str, etype: str, actors: list[str], recipients: list[str]
) -> None:
    got = [(c.actors, c.recipients) for c in coded_events(text, PUB) if c.type == etype]
    assert (actors, recipients) in got


def test_headline_clause_with_own_subject_is_its_own_act(coded_events: CodedEvents) -> None:
    got = coded_events("Opposition leader detained as Malawi cracks down on protests", PUB)
    assert [c.actors for c in got if c.type == "COERCE"] == [[], ["Malawi"]]


@pytest.mark.parametrize(
    ("text", "historical"),
    [
        ("Rebels have besieged the city since 2021.", False),  # a lasting state, still going on
        ("Rebels had besieged the city in 2021.", True),
    ],
)
def test_lasting_activity(coded_events: CodedEvents, text: str, historical: bool) -> None:
    assert [c.historical for c in coded_events(text, PUB) if c.type == "COERCE"] == [historical]


@pytest.mark.parametrize(
    ("text", "etype", "recipients"),
    [
        # the same word's act ("agree" ... "the agreement"), not a pledge (also AGREE) told in between
        (
            "Somalia and Ethiopia agreed to restore ties. Kenya pledged aid to Somalia. The African Union "
            "welcomed the agreement.",
            "SUPPORT",
            {"Somalia", "Ethiopia"},
        ),
        # a reaction without an actor of its own is not coded from its target alone
        (
            "Somalia and Ethiopia agreed to restore ties. A breakaway region rejected the agreement.",
            "REJECT",
            None,
        ),
    ],
)
def test_reaction_refers_back(
    coded_events: CodedEvents, text: str, etype: str, recipients: set[str] | None
) -> None:
    got = [set(c.recipients) for c in coded_events(text, PUB) if c.type == etype and c.actors]
    if recipients is None:
        assert not [c for c in coded_events(text, PUB) if c.type == etype]
    else:
        assert recipients in got


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # "the army of bombing ...": the complement is the accusation's gerund, not whose army it is; the
        # definite description joins the army named before
        (
            "Sudan's army said it had retaken the town. The RSF accused the army of bombing civilians.",
            "Sudanese Armed Forces",
        ),
        # a description with an "of" complement naming whose it is stays apart from an earlier one
        ("Sudan's army said it had retaken the town. The RSF accused the army of Chad.", None),
    ],
)
def test_description_before_an_accusation_gerund(
    coded_events: CodedEvents, text: str, recipient: str | None
) -> None:
    got = [c.recipients for c in coded_events(text, PUB) if c.type == "ACCUSE"]
    assert got
    if recipient is None:
        assert "Sudanese Armed Forces" not in got[0]
    else:
        assert recipient in got[0]
