"""Collective actors: state bodies, organisations named by a person, set references ("the two sides") and
demonyms of origin, each resolved to the right country and sector (or to none where the text says none)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald

Party = tuple[str, str | None, str | None]  # (name, country, sector)
DAY = "2024-05-01"


def _parties(x: herald.Extraction, kind: str) -> list[Party]:
    """Every event's actors (``kind`` "actors") or recipients, as (name, country, sector)."""
    by_id = {a.id: a for a in x.actors}
    out: list[Party] = []
    for e in x.events:
        for i in getattr(e, kind):
            a = by_id[i]
            out.append((a.name, a.country, a.sector))
    return out


def _actors(x: herald.Extraction) -> dict[str, Party]:
    return {a.name: (a.name, a.country, a.sector) for a in x.actors}


# (text, role of the party in an event, expected (name, country, sector))
BODIES = [
    (
        "The Kenyan parliament condemned the police violence against protesters.",
        "actors",
        ("Kenyan parliament", "KEN", "LEG"),
    ),
    (
        "Kenya's electoral commission rejected the opposition's demand for a recount.",
        "actors",
        ("Kenya's electoral commission", "KEN", "GOV"),
    ),
    (
        "Police in Kenya fired tear gas at protesters. The court ordered the release of 40 protesters.",
        "actors",
        ("court", "KEN", "JUD"),
    ),
    ("Mali's junta arrested the former prime minister.", "actors", ("Mali", "MLI", "GOV")),
    (
        "Nigeria's national assembly rejected the budget.",
        "actors",
        ("Nigeria's national assembly", "NGA", "LEG"),
    ),
    (
        "France's National Assembly voted to censure the government.",
        "actors",
        ("France's National Assembly", "FRA", "LEG"),
    ),
    # no country known: a bare body stays without one rather than guessing
    ("The Senate rejected the nominee.", "actors", ("Senate", None, "LEG")),
    ("The court jailed the journalist for ten years.", "actors", ("court", None, "JUD")),
]

CAMPAIGNS = [
    ("The Trump campaign sued the state of Georgia.", "actors", ("Trump campaign", "USA", "PTY")),
    (
        "Clinton's campaign criticised Donald Trump over the remarks.",
        "actors",
        ("Clinton campaign", "USA", "PTY"),
    ),
    ("Trump's re-election campaign accused Joe Biden of lying.", "actors", ("Trump campaign", "USA", "PTY")),
    ("The Biden camp rejected the claims by Trump.", "actors", ("Biden camp", "USA", "PTY")),
    # the person acting, not a campaign
    ("Donald Trump accused Joe Biden of lying.", "actors", ("Donald Trump", "USA", "GOV")),
]

ORIGINS = [
    # where someone comes from, said with "from", is their country; the role keeps its sector
    (
        "Doctors from two American aid groups delivered medicine to a hospital in Baghdad.",
        "actors",
        ("Doctors", "USA", "MED"),
    ),
    ("A journalist from Kenya was arrested by Ugandan police.", "recipients", ("journalist", "KEN", "JRN")),
    (
        "Officials from the United Nations criticised the government of Sudan.",
        "actors",
        ("Officials", "UNO", "GOV"),
    ),
    # people fleeing a country (or a war in it) are of that country, never of where they flee to
    (
        "The UN will give food aid to refugees fleeing the civil war in Liberia.",
        "recipients",
        ("refugees", "LBR", "REF"),
    ),
    ("Migrants escaping Eritrea were detained by Libyan militias.", "recipients", ("Migrants", "ERI", "REF")),
    ("Refugees fleeing to Turkey were shot by border guards.", "recipients", ("Refugees", None, "REF")),
    # a birthplace is no nationality and no state acting
    (
        "A Kenyan-born British aid worker was kidnapped by gunmen in Somalia.",
        "recipients",
        ("Kenyan-born British aid worker", "GBR", "SOC"),
    ),
    (
        "A Syrian-born activist criticised the German government.",
        "actors",
        ("Syrian-born activist", None, "CVL"),
    ),
    (
        "Syrian-born businessman Firas Tlass was arrested by French police.",
        "recipients",
        ("Firas Tlass", None, "BUS"),
    ),
    # a newspaper named so is the press of the story's country
    (
        "Nicaragua's government ordered the opposition newspaper La Prensa to suspend publication.",
        "recipients",
        ("La Prensa", "NIC", "JRN"),
    ),
]


@pytest.mark.parametrize(("text", "role", "expected"), BODIES + CAMPAIGNS + ORIGINS)
def test_party(extract: Callable[..., herald.Extraction], text: str, role: str, expected: Party) -> None:
    assert expected in _parties(extract(text, published=DAY), role)


# (text, names that must be no actor at all)
NOT_ACTORS = [
    ("Putin's campaign against Ukraine has killed thousands of civilians.", ["Putin campaign"]),
    ("Netanyahu's campaign to destroy Hamas drew criticism from Washington.", ["Netanyahu campaign"]),
    ("A Kenyan-born British aid worker was kidnapped by gunmen in Somalia.", ["Kenyan", "Kenya"]),
    ("A German of Turkish origin was arrested by police in Berlin.", ["Turkish", "Turkey"]),
]


@pytest.mark.parametrize(("text", "absent"), NOT_ACTORS)
def test_not_actors(extract: Callable[..., herald.Extraction], text: str, absent: list[str]) -> None:
    names = _actors(extract(text, published=DAY))
    assert not set(absent) & set(names)


def test_origin_demonym_gives_no_country(extract: Callable[..., herald.Extraction]) -> None:
    x = extract("A Syrian-born activist criticised the German government.", published=DAY)
    assert all(a.country != "SYR" for a in x.actors)


# (text, event type, the set of actors "the two sides" / "both countries" must stand for; [] = none named)
SET_REFS = [
    (
        "Hamas and Fatah held talks in Cairo on Monday. The two sides agreed to form a unity government.",
        "AGREE",
        ["Fatah", "Hamas"],
    ),
    (
        "The Syrian government and the rebels held talks in Geneva. Both sides accused each other of lying.",
        "ACCUSE",
        ["Syria", "rebels"],
    ),
    (
        "Joe Biden met Xi Jinping in Bali. The two leaders agreed to resume military talks.",
        "AGREE",
        ["Joe Biden", "Xi Jinping"],
    ),
    (
        "Talks between Ethiopia and Eritrea resumed. Both countries pledged to reopen their borders.",
        "AGREE",
        ["Eritrea", "Ethiopia"],
    ),
    (
        "Sudan's army and the Rapid Support Forces met in Jeddah. The warring parties agreed to a truce.",
        "AGREE",
        ["Rapid Support Forces", "Sudanese Armed Forces"],
    ),
    (
        "Antony Blinken met Wang Yi in Beijing on Monday. Both men criticised the delays.",
        "ACCUSE",
        ["Antony Blinken", "Wang Yi"],
    ),
    (
        "India and Pakistan exchanged fire. Both neighbours accused each other of provocation.",
        "ACCUSE",
        ["India", "Pakistan"],
    ),
    # the two groups are named apart, not conjoined: "the two sides" stands for no one named
    (
        "Lawmakers debated the bill while protesters gathered outside. The two sides later clashed.",
        "ASSAULT",
        [],
    ),
]


@pytest.mark.parametrize(("text", "etype", "members"), SET_REFS)
def test_set_reference(
    extract: Callable[..., herald.Extraction], text: str, etype: str, members: list[str]
) -> None:
    x = extract(text, published=DAY)
    names = {a.id: a.name for a in x.actors}
    last = [e for e in x.events if e.type == etype][-1]
    got = sorted(names[i] for i in last.actors)
    if members:
        assert got == sorted(members)
    else:
        assert not {"Lawmakers", "protesters"} & set(got)
