"""Verbs grown from the CAMEO 2.0 verb dictionary's synonym blocks (issue 10, types), with the sense
conditions written for them: each row is a sentence written for the test; rows where the word is used in a
non-event sense must code nothing of that type."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald

Extract = Callable[..., herald.Extraction]


@pytest.mark.parametrize(
    "text,type_,expected",
    [
        ("Qatar brokered a ceasefire between Hamas and Israel.", "CONSULT", True),
        ("The bank brokered the sale of the building.", "CONSULT", False),
        ("Washington armed the Kurdish fighters in Syria.", "AID", True),
        ("The rebels renounced violence on Monday.", "CONCEDE", True),
        ("Iran complied with the demands of the inspectors.", "CONCEDE", True),
        ("The court exonerated the opposition leader.", "CONCEDE", True),
        ("North Korea paraded its new missiles in Pyongyang.", "MOBILIZE", True),
        ("The school paraded its new uniforms.", "MOBILIZE", False),
        ("The junta mustered thousands of troops near the capital.", "MOBILIZE", True),
        ("Islamic State fighters overran the army base near Ramadi.", "ASSAULT", True),
        ("Tourists overran the beaches of the island.", "ASSAULT", False),
        ("Militiamen ransacked the offices of the electoral commission.", "ASSAULT", True),
        ("Police rearrested the activist hours after her release.", "COERCE", True),
        ("The opposition leader belittled the president's reforms.", "ACCUSE", True),
        ("Syria volunteered to host the talks.", "AGREE", True),
        ("The festival volunteered to be the venue.", "AGREE", False),
    ],
)
def test_grown_verbs(extract: Extract, text: str, type_: str, expected: bool) -> None:
    types = [e.type for e in extract(text, published="2024-04-30").events]
    assert (type_ in types) is expected


@pytest.mark.parametrize(
    "text,type_,mode",
    [
        # PLOVER COERCE notes: combatants captured are abducted; places captured are seized; others arrested
        ("Islamic State militants captured two Iraqi soldiers near Mosul.", "ASSAULT", "abduct"),
        ("Rebels captured the town of Idlib on Sunday.", "COERCE", "seize"),
        ("Police captured the suspect after a chase.", "COERCE", "arrest"),
        # a suspect taken in a raid is detained; irregular forces capturing people abduct them
        ("Afghan and coalition forces captured two suspected insurgents in Kandahar.", "COERCE", "arrest"),
        ("Gunmen captured three aid workers on the road to Gao.", "ASSAULT", "abduct"),
        ("Government troops captured a rebel commander near the border.", "ASSAULT", "abduct"),
        # an arrest warrant is a threat of arrest
        ("A Turkish court issued an arrest warrant for the journalist.", "THREATEN", "arrest"),
        # an emergency declared over protests restricts
        ("The army declared a state of emergency after the protests.", "COERCE", "martial-law"),
    ],
)
def test_definition_rules(extract: Extract, text: str, type_: str, mode: str) -> None:
    got = [(e.type, e.mode) for e in extract(text, published="2024-04-30").events]
    assert (type_, mode) in got


def test_disaster_emergency_is_no_repression(extract: Extract) -> None:
    x = extract("The governor declared a state of emergency after the floods.", published="2024-04-30")
    assert [e.type for e in x.events if e.type == "COERCE"] == []


@pytest.mark.parametrize(
    "text,type_,mode",
    [
        # a chargé d'affaires is a diplomat: expelling one reduces relations (SANCTION/expel, not deportation)
        ("Venezuela expelled the US charge d'affaires.", "SANCTION", "expel"),
        # tear gas and rubber bullets: crowd control
        ("Police fired tear gas at protesters in Nairobi.", "ASSAULT", "crowd-control"),
        ("Police fired rubber bullets at the crowd.", "ASSAULT", "crowd-control"),
        ("Troops opened fire on demonstrators.", "ASSAULT", "firearms"),
        # institutions and rights suspended are restricted; a strike suspended is conceded
        ("The Registrar suspended the party for 30 days.", "COERCE", "restrict"),
        ("The union suspended its strike.", "CONCEDE", None),
    ],
)
def test_modes_from_objects(extract: Extract, text: str, type_: str, mode: str | None) -> None:
    got = [(e.type, e.mode) for e in extract(text, published="2024-04-30").events]
    assert (type_, mode) in got


@pytest.mark.parametrize(
    "text,type_",
    [
        # crowds burning property riot (PLOVER PROTEST/riot); armed groups burning property assault
        ("Demonstrators torched government buildings in Khartoum.", "PROTEST"),
        ("Protesters set fire to the parliament building.", "PROTEST"),
        ("Militants torched a police station.", "ASSAULT"),
    ],
)
def test_burning_by_crowds_is_rioting(extract: Extract, text: str, type_: str) -> None:
    assert [e.type for e in extract(text, published="2024-04-30").events] == [type_]
