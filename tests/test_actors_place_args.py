"""Actors stage: a named place that is an event's argument is an actor (s2_actors/place_args.py); a place
adjunct stays a place. Invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from actor_helpers import actor_with, check


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # receiver of a transfer of things
        ("Canada shipped vaccines to Kenya in May.", "Kenya", {"country": "KEN", "rule": "kb:KEN+receiver"}),
        ("The rebels vowed to deliver heavy blows to Chad.", "Chad", {"country": "TCD"}),
        # territory of a measure
        ("Sudan imposed a curfew in Chad on Friday.", "Chad", {"country": "TCD", "rule": "kb:TCD+territory"}),
        ("The army lifted martial law in Kenya.", "Kenya", {"country": "KEN"}),
        (
            "The governor threatened to impose a curfew in Nairobi.",
            "Nairobi",
            {"country": "KEN", "sector": "CVL", "rule": "capital:KEN+territory"},
        ),
        # a place named through a place noun is the argument the noun is
        ("Serbia eased emergency measures in Kenya province.", "Kenya", {"country": "KEN"}),
        ("Police imposed a curfew in the town of Cizre.", "Cizre", {"country": "TUR", "sector": "CVL"}),
        # target of an attack
        ("Militias shelled Kinshasa overnight.", "Kinshasa", {"country": "COD", "sector": "CVL"}),
        # agent of an event noun
        (
            "Lawmakers demanded an apology by Nairobi for the raid.",
            "Nairobi",
            {"country": "KEN", "sector": "GOV", "rule": "capital:KEN+agent"},
        ),
    ],
)
def test_place_argument_is_actor(
    extract: Callable[..., object], text: str, mention: str, expected: dict[str, object]
) -> None:
    check(actor_with(extract(text).actors, mention), expected)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministers met in Nairobi on Monday.", "Nairobi"),  # a meeting's place
        ("Thousands rallied in Kenya against the tax.", "Kenya"),
        ("Canada sent troops to Kenya in May.", "Kenya"),  # moving people: travel, not a transfer
        ("The minister travelled to Chad on Sunday.", "Chad"),
        ("A curfew was in force while the president flew over Kenya.", "Kenya"),
        ("The novel was written by a teacher in Nairobi.", "Nairobi"),
        ("The ministers met in the town of Cizre.", "Cizre"),  # a meeting's place, through a place noun
    ],
)
def test_place_adjunct_stays_place(extract: Callable[..., object], text: str, word: str) -> None:
    actors = extract(text).actors  # type: ignore[attr-defined]
    assert not any(m.text == word for a in actors for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "etype", "recipient"),
    [
        ("Sudan lifted a curfew in Chad on Friday.", "CONCEDE", "Chad"),
        ("Kenya refused to deploy peacekeepers in Chad.", "REJECT", "Chad"),
        ("Canada sent weapons to Kenya last year.", "AID", "Kenya"),
        ("Police imposed a curfew in the town of Cizre.", "COERCE", "Cizre"),
        ("The ministers of Chad met in Nairobi on Monday.", "CONSULT", None),  # a meeting's place: none
    ],
)
def test_place_argument_is_recipient(
    extract: Callable[..., object], text: str, etype: str, recipient: str | None
) -> None:
    out = extract(text)
    names = {a.id: a.name for a in out.actors}  # type: ignore[attr-defined]
    event = next(e for e in out.events if e.type == etype)  # type: ignore[attr-defined]
    got = [names[r] for r in event.recipients]
    assert got == ([recipient] if recipient else [])


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # a local role in a capital takes the capital's country; "based in" works for any organisation
        ("Demonstrators in Nairobi blocked a road.", "Demonstrators", {"country": "KEN", "sector": "CVL"}),
        ("A newspaper based in Nairobi defied the ban.", "newspaper", {"country": "KEN"}),
        ("A newspaper based in western Nairobi defied the ban.", "newspaper", {"country": "KEN"}),
        ("Rebels in eastern Chad rejected the offer.", "Rebels", {"country": "TCD", "sector": "REB"}),
        # an organisation of a region is that region's country's
        ("The government of Sindh province ordered patrols.", "government", {"country": "PAK"}),
        # "X-led" forces are X's; "X-backed" ones are not
        ("Kenyan-led forces shelled the camps.", "forces", {"country": "KEN", "sector": "MIL"}),
        ("Kenyan-backed forces shelled the camps.", "forces", {"country": None}),
        # troops are not local: no country from where they are
        ("Troops in Nairobi were put on alert.", "Troops", {"country": None}),
        (
            "The ministry of Foreign Affairs said it was worried.",
            "ministry of Foreign Affairs",
            {"country": None},
        ),
    ],
)
def test_role_in_a_capital(
    extract: Callable[..., object], text: str, mention: str, expected: dict[str, object]
) -> None:
    check(actor_with(extract(text).actors, mention), expected)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "mention", "names"),
    [
        # a group reference made of a role noun is the pair named before, not a countryless role
        ("Chad and Niger signed a deal. The UN urged both governments to act.", "both governments", 2),
        ("Chad and Niger signed a deal. The UN urged the two governments to act.", "the two governments", 2),
        # no pair named before: one countryless actor for the reference
        ("The UN urged both governments to act.", "both governments", 1),
    ],
)
def test_group_reference_of_role_noun(
    extract: Callable[..., object], text: str, mention: str, names: int
) -> None:
    actors = extract(text).actors  # type: ignore[attr-defined]
    assert len([a for a in actors if any(m.text == mention for m in a.mentions)]) == names


def test_role_noun_after_both_stays_a_role(extract: Callable[..., object]) -> None:
    actors = extract("Both soldiers were injured in Chad.").actors  # type: ignore[attr-defined]
    check(actor_with(actors, "soldiers"), {"sector": "MIL"})


@pytest.mark.parametrize(
    ("text", "etype", "place"),
    [
        # a territory or target is also where the event happened
        ("Sudan lifted a curfew in Chad on Friday.", "CONCEDE", "Chad"),
        ("Rebels shelled Juba on Sunday.", "ASSAULT", "Juba"),
    ],
)
def test_place_argument_keeps_event_place(
    extract: Callable[..., object], text: str, etype: str, place: str
) -> None:
    out = extract(text)
    places = {p.id: p.text for p in out.places}  # type: ignore[attr-defined]
    event = next(e for e in out.events if e.type == etype)  # type: ignore[attr-defined]
    assert event.place is not None and places[event.place] == place
