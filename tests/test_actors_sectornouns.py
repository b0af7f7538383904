"""Issue 10, generic actor nouns (roles.yaml, grown from the PLOVER/CAMEO agent terms): juntas, councils,
non-governmental groups and watchdogs, coalitions, monarchs, "top" titles, legislatures where they sit; camps
that split one role into several actors ("Republican" / "Democratic senators"); nouns that name no actor."""

from __future__ import annotations

import pytest

from actor_helpers import Extract, actor_with, actors_of, check


# --- a generic noun becomes an actor with its sector (and the story's country where the role is local) ---
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "The junta arrested three journalists in Yangon. Myanmar's junta denied it.",
            "Myanmar's junta",
            {"country": "MMR", "sector": "GOV", "kind": "state"},
        ),
        (
            "The national security council condemned the attack on the embassy.",
            "national security council",
            {"sector": "GOV", "kind": "organization", "rule": "role:council"},
        ),
        (
            "Human rights groups accused the army of torture.",
            "Human rights groups",
            {"country": "NGO", "sector": "SOC", "rule": "role:ngo+non-state:NGO"},
        ),
        (
            "Kenyan rights groups criticised the police.",
            "Kenyan rights groups",
            {"country": "KEN", "sector": "SOC", "rule": "role:ngo"},
        ),
        (
            "Aid agencies warned of famine in the region.",
            "Aid agencies",
            {"country": "NGO", "sector": "SOC"},
        ),
        (
            "The watchdog criticised the decision.",
            "watchdog",
            {"country": "NGO", "sector": "SOC", "rule": "role:watchdog+non-state:NGO"},
        ),
        (
            "The Japanese emperor met the visiting delegation.",
            "Japanese emperor",
            {"country": "JPN", "sector": "GOV", "kind": "person"},
        ),
        (
            "Coalition warplanes bombed rebel positions overnight.",
            "Coalition warplanes",
            {"sector": "MIL", "rule": "role:coalition"},
        ),
        (
            "Lawmakers in Kenya rejected the budget.",
            "Lawmakers",
            {"country": "KEN", "sector": "LEG", "rule": "role:legislature+in:KEN"},
        ),
        (
            "The constitutional court in Uganda annulled the law.",
            "constitutional court",
            {"country": "UGA", "sector": "JUD"},
        ),
        (
            "The opposition coalition boycotted the vote in Zimbabwe.",
            "opposition coalition",
            {"sector": "OPP"},
        ),
        (
            "Pro-Russian separatists shelled the town.",
            "Pro-Russian separatists",
            {"country": None, "sector": "REB", "rule": "role:rebels+side:pro-russian"},
        ),
    ],
)
def test_generic_noun_actor(extract: Extract, text: str, mention: str, expected: dict[str, object]) -> None:
    check(actor_with(actors_of(extract, text), mention), expected)


# --- "top" before a role head names another role: the office holder when the country has one in the KB ------
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "The top Chinese diplomat criticised Washington on Tuesday.",
            "top Chinese diplomat",
            {"country": "CHN", "sector": "GOV", "kind": "person"},
        ),
        (
            "The top diplomat of the bloc met the envoy.",
            "top diplomat",
            {"sector": "GOV", "kind": "person", "rule": "role:foreign-minister"},
        ),
    ],
)
def test_top_title(extract: Extract, text: str, mention: str, expected: dict[str, object]) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    check(actor, expected)
    assert actor is not None and "official" not in actor.rule


# --- camps: one role with two party or side modifiers is two actors ---------------------------------------
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Republican senators criticized Democratic senators over the bill.",
            "Republican senators",
            "Democratic senators",
        ),
        (
            "Pro-government militias attacked anti-government militias in Libya.",
            "Pro-government militias",
            "anti-government militias",
        ),
        (
            "Sunni militias clashed with Shia militias near the city.",
            "Sunni militias",
            "Shia militias",
        ),
    ],
)
def test_sides_stay_apart(extract: Extract, text: str, first: str, second: str) -> None:
    actors = actors_of(extract, text)
    a, b = actor_with(actors, first), actor_with(actors, second)
    assert a is not None and b is not None
    assert a.id != b.id
    assert "+side:" in a.rule and "+side:" in b.rule


# --- same camp, or a camp and a bare mention after it: one actor -------------------------------------------
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Republican senators met on Monday. The senators later rejected the bill.",
            "Republican senators",
            "senators",
        ),
        (
            "Oxfam warned of famine on Monday. The charity said aid was blocked.",
            "Oxfam",
            "charity",
        ),
    ],
)
def test_same_actor(extract: Extract, text: str, first: str, second: str) -> None:
    actors = actors_of(extract, text)
    a = actor_with(actors, first)
    assert a is not None
    assert any(second in m.text for m in a.mentions), a


# --- nouns that name no political actor -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Fans attacked the referee after the match.", "Fans"),
        ("Shoppers protested against high prices.", "Shoppers"),
        ("The team beat its rivals and fans celebrated in the streets.", "team"),
        ("The charity match raised money for the hospital.", "charity"),  # a modifier, not the charity
        ("The council estate was quiet on Sunday.", "council"),
        ("Reformers want to fix the criminal justice system.", "criminal justice system"),
    ],
)
def test_no_political_actor(extract: Extract, text: str, word: str) -> None:
    assert actor_with(actors_of(extract, text), word) is None


# --- a pro-/anti- modifier that names no camp: one police, no side -----------------------------------------
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Anti-riot police dispersed the crowd.", "Anti-riot police"),
        ("Anti-terrorism police arrested two men.", "Anti-terrorism police"),
    ],
)
def test_no_side(extract: Extract, text: str, mention: str) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    check(actor, {"sector": "COP"})
    assert actor is not None and "+side:" not in actor.rule


# --- a name ending in an organisation head noun is a name, not the role ------------------------------------
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The Southern Military Coalition lobbied for the visa program.", "Southern Military Coalition"),
    ],
)
def test_name_not_role(extract: Extract, text: str, mention: str) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    assert actor is not None and not actor.rule.startswith("role:"), actor
