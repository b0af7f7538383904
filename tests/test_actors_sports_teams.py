"""National sports teams named by their country are teams, not states (stages/s2_actors/sports_teams.py)."""

from __future__ import annotations

import pytest

from actor_helpers import Extract, actor_with, actors_of

SPORTS = (
    "Sweden beat South Korea 1-0 in their World Cup opener, with the winner from the penalty spot after "
    "the referee consulted video. Belgium face Panama later in the tournament. Sweden's coach praised his "
    "players. Sweden now need one more point. The Swedish government congratulated them."
)
RUGBY = (
    "Samoa and Tonga meet in the rugby league Test at the stadium on Saturday. The Samoa coach named his "
    "forwards. Tonga won the last match 24-16."
)
POLITICS = (
    "Sweden and South Korea signed a trade agreement on Monday. Belgium and Panama agreed to cooperate "
    "on customs, and the minister said the talks would go on."
)
# A sports report about a host state's treatment of workers: the state stays a state.
QATAR = (
    "Qatar will host the football World Cup in November, and eight stadiums and the tournament fixtures "
    "are ready, the coach of the national team said. Amnesty International accused Qatar of failing to "
    "protect migrant workers. Qatar rejected the report."
)
# A sports article in which the country also acts as a state: the state keeps its id there.
MIXED = (
    "Russia will host the football World Cup, and the coach said the stadium and the tournament fixtures "
    "were ready. The president of Ukraine criticised Russia over the war."
)


@pytest.mark.parametrize(
    ("text", "mention", "name", "wikidata", "kind"),
    [
        (SPORTS, "South Korea", "South Korea national team", None, "organization"),
        (SPORTS, "Belgium", "Belgium national team", None, "organization"),
        (RUGBY, "Tonga", "Tonga national team", None, "organization"),
        (POLITICS, "South Korea", "South Korea", "Q884", "state"),
        (POLITICS, "Belgium", "Belgium", "Q31", "state"),
        (QATAR, "Qatar", "Qatar", "Q846", "state"),
    ],
)
def test_state_name_as_team(
    extract: Extract, text: str, mention: str, name: str, wikidata: str | None, kind: str
) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    assert actor is not None
    assert (actor.name, actor.wikidata, actor.kind) == (name, wikidata, kind)


def test_team_keeps_country_and_rule(extract: Extract) -> None:
    actor = actor_with(actors_of(extract, SPORTS), "South Korea")
    assert actor is not None
    assert actor.country == "KOR"
    assert (actor.rule or "").startswith("sports-team:KOR")


def test_state_sentence_in_sports_report_stays_state(extract: Extract) -> None:
    actors = actors_of(extract, MIXED)
    assert any(a.wikidata == "Q159" for a in actors)  # "... criticised Russia over the war"


COLLEGE = (
    "Alabama beat Auburn 28-14 in the college football championship game on Saturday. Alabama's coach "
    "praised the defense at the stadium."
)


@pytest.mark.parametrize(
    ("text", "place", "wikidata"),
    [
        (RUGBY, "Tonga", None),  # the team, not the state
        (COLLEGE, "Alabama", None),  # a division standing for its university's team
        ("Texas and California sued the government on Monday over the new law.", "California", "Q99"),
        (POLITICS, "Belgium", "Q31"),
    ],
)
def test_team_places_get_no_id(extract: Extract, text: str, place: str, wikidata: str | None) -> None:
    places = [p for p in extract(text, published="2024-04-30").places if p.text == place]
    assert places
    assert all(p.wikidata == wikidata for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        RUGBY.replace("at the stadium on Saturday", "at the stadium in Auckland on Saturday"),
        RUGBY.replace("won the last match 24-16.", "won the last match 24-16 in Auckland."),
    ],
)
def test_venue_keeps_its_id(extract: Extract, text: str) -> None:
    auckland = [p for p in extract(text, published="2024-04-30").places if p.text == "Auckland"]
    assert auckland and auckland[0].wikidata is not None
