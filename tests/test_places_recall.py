"""Places stage, issue 11 recall: streets and buildings, datelines, one sense per article, run-together
names, names opening an organisation's name; texts where no place (or not that place) must be found."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from herald.schema import Place


def _places(make: Callable[..., Doc], text: str) -> list[Place]:
    doc = make(text)
    out = list(doc._.herald_places or [])
    for p in out:
        assert doc.text[p.start : p.end] == p.text
    return out


# (text, street or building, feature, country of the town it is placed in)
SITES = [
    (
        "Police were called to the 400 block of Assiniboine Avenue in Winnipeg.",
        "Assiniboine Avenue",
        "R.ST",
        "CAN",
    ),
    ("Crowds gathered on Royal Street in New Orleans.", "Royal Street", "R.ST", "USA"),
    (
        "He was pronounced dead at Northwestern Memorial Hospital in Chicago.",
        "Northwestern Memorial Hospital",
        "S.HSP",
        "USA",
    ),
]


@pytest.mark.parametrize(("text", "mention", "feature", "country"), SITES)
def test_streets_and_buildings(
    make: Callable[..., Doc], text: str, mention: str, feature: str, country: str
) -> None:
    place = next((p for p in _places(make, text) if p.text == mention), None)
    assert place is not None, f"{mention!r} not found"
    assert (place.feature, place.country, place.resolution, place.source) == (
        feature,
        country,
        "point",
        "article-town",
    )
    assert (place.rule or "").startswith(("street", "facility"))
    assert not place.metonymic or feature != "R.ST"


def test_street_without_a_town_is_unresolved(make: Callable[..., Doc]) -> None:
    place = next(
        p for p in _places(make, "Smoke was seen on River Avenue on Friday.") if p.text == "River Avenue"
    )
    assert (place.lat, place.feature, place.rule) == (None, "R.ST", "street+no-town")


# Street-like words that are no street.
@pytest.mark.parametrize(
    "text",
    [
        "The Wall Street Journal reported the deal.",  # a street name inside a longer name
        "Marvin F. Lane said the vote was close.",  # a person whose surname is a street word
        "The street was closed after the parade.",
        "Place your order before noon.",
    ],
)
def test_no_street(make: Callable[..., Doc], text: str) -> None:
    assert [p.text for p in _places(make, text) if (p.rule or "").startswith("street")] == []


# (text, dateline town, country)
DATELINES = [
    ("ALBUQUERQUE, N.M. (AP) - Two senators met on Monday.", "ALBUQUERQUE", "USA"),
    ("TORONTO — A young man was arrested on Monday.", "TORONTO", "CAN"),
]


@pytest.mark.parametrize(("text", "mention", "country"), DATELINES)
def test_datelines(make: Callable[..., Doc], text: str, mention: str, country: str) -> None:
    place = next((p for p in _places(make, text) if p.text == mention), None)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    "text",
    ["BREAKING — The market fell sharply.", "UPDATE (2) - The vote was delayed.", "NOTE: prices vary."],
)
def test_capitals_that_are_no_dateline(make: Callable[..., Doc], text: str) -> None:
    assert _places(make, text) == []


# (text, the names found as places, in order)
SPLITS = [
    ("They seek stability in Asia-Pacific and the world.", ["Asia", "Pacific"]),
    (
        "Jobs are scarce in countries such as Cyprus, Greece Italy or Spain.",
        ["Cyprus", "Greece", "Italy", "Spain"],
    ),
    ("Temperatures rose in the eastern Pacific equatorial region.", ["Pacific"]),
    # a river and a state ("Delta", Nigeria) make one area name, not two places
    ("He lives in a village north of Cairo, in the Nile Delta.", ["Cairo", "Nile Delta"]),
    # one sense per article: the second "Harare" is a place because the first one is
    (
        "The minister arrived in Harare on Monday. Relations between Harare and London have improved.",
        ["Harare", "Harare", "London"],
    ),
]


@pytest.mark.parametrize(("text", "names"), SPLITS)
def test_names_found(make: Callable[..., Doc], text: str, names: list[str]) -> None:
    assert [p.text for p in _places(make, text) if not p.demonym] == names


# (text, embedded name, country): a place inside an organisation's name, flagged embedded.
EMBEDDED = [
    ("The chairman of Air Canada Cargo spoke.", "Canada", "CAN"),
    ("Italian Senate's Armenia-Italy Parliamentary Friendship Group met.", "Armenia", "ARM"),
]


@pytest.mark.parametrize(("text", "mention", "country"), EMBEDDED)
def test_embedded_inside(make: Callable[..., Doc], text: str, mention: str, country: str) -> None:
    place = next((p for p in _places(make, text) if p.text == mention), None)
    assert place is not None, f"{mention!r} not found"
    assert (place.embedded, place.country) == (True, country)


# People named like places: no place of that name, not even after the name was used as a place.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Michael Jordan visited Chicago. Jordan said he was happy.", "Jordan"),
        ("Georgia Smith moved to Atlanta last year.", "Georgia"),
        ("Jackson said the plan had failed.", "Jackson"),
        ("Florence Welch sang at the festival.", "Florence"),
        pytest.param(
            "Jordan scored 30 points for the Bulls on Sunday.",
            "Jordan",
            marks=pytest.mark.xfail(
                reason="the small NER model tags this Jordan GPE; no rule overrides it", strict=True
            ),
        ),
    ],
)
def test_person_is_no_place(make: Callable[..., Doc], text: str, name: str) -> None:
    assert [p.text for p in _places(make, text) if p.text == name] == []


# (text, mention, index among the mentions of that name, expected feature): the area or the town by context.
AREA_OR_TOWN = [
    ("CAMP MURRAY, Wash. - The team spent the year at home in Washington.", "Washington", "A.ADM1"),
    ("The president flew to Washington on Monday to meet lawmakers.", "Washington", "P.PPLC"),
    ("Protesters filled the streets of Tbilisi. Georgia has applied to join the EU.", "Georgia", "A.PCLI"),
    ("Voters in Atlanta and Savannah went to the polls. Georgia counted late.", "Georgia", "A.ADM1"),
    ("Montana offered $69 per prisoner, per day.", "Montana", "A.ADM1"),
]


@pytest.mark.parametrize(("text", "mention", "feature"), AREA_OR_TOWN)
def test_area_or_town_by_context(make: Callable[..., Doc], text: str, mention: str, feature: str) -> None:
    place = next((p for p in _places(make, text) if p.text == mention), None)
    assert place is not None and place.feature == feature
