"""Issue 10, branch evfix: a titled name whose rank or organ NER splits off still gets the title's sector and
the story's country; same-type acts of different actors stay two events. Invented texts, with rows where
nothing must change."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald
from actor_helpers import actor_with, actors_of, check

Extract = Callable[..., herald.Extraction]
PUB = "2024-05-07"


# --- titled names: the title before the name gives the sector, the story its country -----------------------
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # a rank between title and name: NER tags "Brig" apart from "Nabil Abdallah"
        (
            "KHARTOUM, Sudan - Army spokesman Brig. Nabil Abdallah said troops repelled an attack.",
            "Army spokesman Brig. Nabil Abdallah",
            {
                "name": "Nabil Abdallah",
                "kind": "person",
                "country": "SDN",
                "sector": "MIL",
                "rule": "role:defence-ministry-spokesman+rank+country-context:SDN",
            },
        ),
        (
            "BAGHDAD, Iraq - Military spokesman Maj. Gen. Yahya Rasool said jets struck militants.",
            "Military spokesman Maj. Gen. Yahya Rasool",
            {"name": "Yahya Rasool", "country": "IRQ", "sector": "MIL"},
        ),
        # an organ's common name tagged ORG in the title names no one's organ: the story's country
        (
            "KABUL, Afghanistan - Interior Ministry spokesman Nasrat Rahimi said police detained five men.",
            "Interior Ministry spokesman Nasrat Rahimi",
            {
                "name": "Nasrat Rahimi",
                "country": "AFG",
                "sector": "GOV",
                "rule": "role:spokesman+country-context:AFG",
            },
        ),
        # "Police Inspector General" is the police chief, not an army general
        (
            "NAIROBI, Kenya - Police Inspector General Joseph Boinnet ordered officers to stay calm.",
            "Police Inspector General Joseph Boinnet",
            {"name": "Joseph Boinnet", "country": "KEN", "sector": "COP"},
        ),
        # already right before: nothing must change
        (
            "KABUL, Afghanistan - Police spokesman Ahmed Ali said gunmen attacked a checkpoint in Kabul.",
            "Police spokesman Ahmed Ali",
            {
                "name": "Ahmed Ali",
                "country": "AFG",
                "sector": "COP",
                "rule": "role:police-spokesman+country-context:AFG",
            },
        ),
        (
            "HARARE, Zimbabwe - Information Minister Jane Doe accused the opposition of inciting violence.",
            "Information Minister Jane Doe",
            {"country": "ZWE", "sector": "GOV", "rule": "role:official+country-context:ZWE"},
        ),
        # a named organisation in the title still says whose: its sector, and no story country in the rule
        (
            "KABUL, Afghanistan - Taliban spokesman Zabihullah Mujahid said fighters took the district.",
            "Taliban spokesman Zabihullah Mujahid",
            {"sector": "REB", "rule": "role:spokesman"},
        ),
        # an international story: no country to give
        (
            "France and Germany met. France and Germany disagreed. Army spokesman Col. Jan Novak left.",
            "Army spokesman Col. Jan Novak",
            {"name": "Jan Novak", "country": None, "sector": "MIL"},
        ),
    ],
)
def test_titled_name_takes_sector_and_country(
    extract: Extract, text: str, mention: str, expected: dict[str, object]
) -> None:
    check(actor_with(actors_of(extract, text, PUB), mention), expected)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a rank alone before a name, with no role before it, makes no role actor
        ("Dr. Jane Smith opened a clinic in Leeds.", "spokesman"),
        ("The spokesman said nothing. Mr. Brown left.", "spokesman Mr. Brown"),
    ],
)
def test_no_titled_name(extract: Extract, text: str, word: str) -> None:
    assert actor_with(actors_of(extract, text, PUB), word) is None


# --- same-type acts of different actors are two events --------------------------------------------------
def _events(extract: Extract, text: str) -> list[tuple[str, list[str]]]:
    ex = extract(text, published=PUB)
    names = {a.id: a.name for a in ex.actors}
    return [(e.type, sorted(names[i] for i in e.actors)) for e in ex.events]


@pytest.mark.parametrize(
    ("text", "etype", "expected"),
    [
        # two organs of one government each acting: two acts, not one government's one act
        (
            "The Kenyan interior ministry banned opposition rallies. "
            "The Kenyan election commission banned campaign events.",
            "COERCE",
            [["Kenyan interior ministry"], ["Kenyan election commission"]],
        ),
        (
            "Russia massed troops on the border. Ukraine called up reservists.",
            "MOBILIZE",
            [["Russia"], ["Ukraine"]],
        ),
        # one act told twice by the same actor: still one event
        (
            "Police arrested 12 protesters in Nairobi. Police arrested the protesters after a march.",
            "COERCE",
            [["police"]],
        ),
        # an anaphoric mention without an actor folds into the act it refers back to
        (
            "Rebels attacked a convoy near Goma on Monday. The attack was condemned.",
            "ASSAULT",
            [["Rebels"]],
        ),
    ],
)
def test_same_type_acts_merge_only_when_one_act(
    extract: Extract, text: str, etype: str, expected: list[list[str]]
) -> None:
    found = [a for t, a in _events(extract, text) if t == etype]
    assert [[n.lower() for n in a] for a in found] == [[n.lower() for n in a] for a in expected]


# --- whose forces: a state that masses or calls up unaffiliated forces commands them ----------------------
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Russia massed troops on the border. Ukraine called up reservists.",
            "troops",
            {"country": "RUS", "sector": "MIL", "rule": "role:military+of-subject:RUS"},
        ),
        (
            "Russia massed troops on the border. Ukraine called up reservists.",
            "reservists",
            {"country": "UKR", "rule": "role:military+of-subject:UKR"},
        ),
        # coordinated verbs share the subject
        (
            "Russia massed troops on the border and called up reservists.",
            "reservists",
            {"country": "RUS"},
        ),
        # not a force verb: the object's country does not come from the subject
        ("France and Germany met. Russia attacked troops on the border.", "troops", {"country": None}),
        # no state subject: nothing is given
        ("Troops massed on the border. Reservists were called up.", "Troops", {"country": None}),
    ],
)
def test_forces_of_the_state_that_commands_them(
    extract: Extract, text: str, mention: str, expected: dict[str, object]
) -> None:
    check(actor_with(actors_of(extract, text, PUB), mention), expected)


def test_one_government_voice_still_one_statement(extract: Extract) -> None:
    """A statement retold by another voice of the same government stays one event (verbal acts)."""
    text = (
        "The Chinese foreign ministry accused Japan of provoking tension on Monday. "
        "A Chinese foreign ministry spokesman accused Japan of provoking tension."
    )
    found = [a for t, a in _events(extract, text) if t == "ACCUSE"]
    assert len(found) == 1, found
