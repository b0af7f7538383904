"""Actors stage: KB names, roles, capitals/seats, group references, pronouns, office holders, user KB."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from actor_helpers import actor_with, check
from herald.config import Settings
from herald.errors import KnowledgeBaseError
from herald.schema import Actor
from herald.stages.common import actors_at
from herald.stages.s2_actors.extract import ActorExtractor
from herald.stages.s2_actors.kb import KnowledgeBase, load_kb, read_file

Make = Callable[..., Doc]


# --- fictional KB (independent of the shipped data) -------------------------------------------------------
FICTION = [
    {
        "key": "FRD",
        "name": "Freedonia",
        "kind": "state",
        "country": "FRD",
        "sector": "GOV",
        "wikidata": None,
        "aliases": ["Republic of Freedonia"],
        "demonyms": ["Freedonian", "Freedonians"],
        "capital": "Fredville",
        "seats": ["the Blue Palace"],
    },
    {
        "key": "SYL",
        "name": "Sylvania",
        "kind": "state",
        "country": "SYL",
        "sector": "GOV",
        "demonyms": ["Sylvanian"],
        "capital": "Sylvan City",
    },
    {
        "key": "firefly",
        "name": "Rufus T. Firefly",
        "kind": "person",
        "country": "FRD",
        "sector": "GOV",
        "aliases": ["Firefly"],
        "offices": [{"role": "president", "country": "FRD", "start": "2019-01-01", "end": "2022-12-31"}],
    },
    {
        "key": "teasdale",
        "name": "Gloria Teasdale",
        "kind": "person",
        "country": "FRD",
        "sector": "GOV",
        "aliases": ["Teasdale"],
        "offices": [{"role": "president", "country": "FRD", "start": "2023-01-01", "end": None}],
    },
    {
        "key": "red-front",
        "name": "Red Front",
        "kind": "group",
        "country": "FRD",
        "sector": "REB",
        "aliases": ["the Red Front"],
    },
    # A name shared on purpose with a namesake elsewhere: an actor only with support in the article.
    {
        "key": "MRV",
        "name": "Marvania",
        "kind": "state",
        "country": "MRV",
        "sector": "GOV",
        "aliases": ["Republic of Marvania"],
        "ambiguous_aliases": ["Marvania"],
        "capital": "Marvton",
    },
]


@pytest.fixture(scope="module")
def fiction(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> ActorExtractor:
    home = tmp_path_factory.mktemp("herald_home")
    (home / "actors").mkdir()
    (home / "actors" / "fiction.yaml").write_text(yaml.safe_dump(FICTION), encoding="utf-8")
    kb = load_kb(Settings(home=home))
    return ActorExtractor(nlp.vocab, nlp.tokenizer, kb=kb)


def run(make: Make, extractor: ActorExtractor, text: str, published: str | None = None) -> list[Actor]:
    doc = make(text, published=published)
    return extractor(doc)


# --- KB names, demonyms, compound actors ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Russia and China vetoed the resolution.",
            "Russia",
            {"country": "RUS", "kind": "state", "wikidata": "Q159"},
        ),
        (
            "Russia and China vetoed the resolution.",
            "China",
            {"country": "CHN", "kind": "state", "wikidata": "Q148"},
        ),
        ("The United States imposed new sanctions.", "United States", {"country": "USA", "sector": "GOV"}),
    ],
)
def test_kb_names(
    extract: Callable[..., object], text: str, mention: str, expected: dict[str, object]
) -> None:
    actors = extract(text).actors  # type: ignore[attr-defined]
    check(actor_with(actors, mention), expected)


def test_compound_actors_stay_separate(extract: Callable[..., object]) -> None:
    actors = extract("Russia and China vetoed the resolution.").actors  # type: ignore[attr-defined]
    russia, china = actor_with(actors, "Russia"), actor_with(actors, "China")
    assert russia is not None and china is not None and russia.id != china.id


# --- capitals and seats: agents are governments, locations are not actors ---------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Beijing said the sanctions were illegal.", "Beijing", "CHN"),
        ("Moscow claimed the video was staged.", "Moscow", "RUS"),
        ("Washington imposed sanctions on the firm.", "Washington", "USA"),
        ("Beijing's response was swift.", "Beijing", "CHN"),
        ("The Kremlin said talks would continue.", "Kremlin", "RUS"),
        ("Moscow and Beijing rejected the plan.", "Beijing", "CHN"),
    ],
)
def test_capital_as_agent(extract: Callable[..., object], text: str, mention: str, country: str) -> None:
    actor = actor_with(extract(text).actors, mention)  # type: ignore[attr-defined]
    check(actor, {"country": country, "sector": "GOV", "kind": "state"})
    assert actor is not None and actor.rule is not None and actor.rule.split(":")[0] in ("capital", "seat")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The delegation came to Beijing on Monday.", "Beijing"),
        ("Thousands marched in Moscow on Saturday.", "Moscow"),
        ("Talks will be held in Washington next week.", "Washington"),
        ("Fighting continued in Gaza overnight.", "Gaza"),
    ],
)
def test_capital_as_location_is_no_actor(extract: Callable[..., object], text: str, place: str) -> None:
    assert actor_with(extract(text).actors, place) is None  # type: ignore[attr-defined]


# --- roles --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Chinese foreign ministry spokesman Lin Jian said the move was provocative.",
            "Chinese foreign ministry spokesman Lin Jian",
            {
                "country": "CHN",
                "sector": "GOV",
                "kind": "person",
                "title": "foreign ministry spokesman",
                "wikidata": None,
                "name": "Lin Jian",
            },
        ),
        (
            "Israeli soldiers raided the camp.",
            "Israeli soldiers",
            {"country": "ISR", "sector": "MIL", "kind": "group"},
        ),
        (
            "Palestinian militants fired rockets.",
            "Palestinian militants",
            {"country": "PSE", "sector": "REB"},
        ),
        ("Police fired tear gas.", "Police", {"sector": "COP"}),
        ("Protesters blocked the road.", "Protesters", {"sector": "CVL"}),
        ("Lawmakers approved the budget.", "Lawmakers", {"sector": "LEG"}),
        ("The court rejected the appeal.", "court", {"sector": "JUD"}),
        ("Russian troops crossed the border.", "Russian troops", {"country": "RUS", "sector": "MIL"}),
        ("The Chinese government protested.", "Chinese government", {"country": "CHN", "wikidata": "Q148"}),
    ],
)
def test_roles(extract: Callable[..., object], text: str, mention: str, expected: dict[str, object]) -> None:
    check(actor_with(extract(text).actors, mention), expected)  # type: ignore[attr-defined]


def test_owner_run_organ(make: Make, fiction: ActorExtractor) -> None:
    actors = run(make, fiction, "The toll rose to 40, the Red Front-run health ministry said.")
    ministry = actor_with(actors, "Red Front-run health ministry")
    owner = actor_with(actors, "Red Front")
    check(ministry, {"kind": "organization", "sector": "GOV", "title": "health ministry", "country": "FRD"})
    assert owner is not None and ministry is not None and ministry.parent == owner.id
    assert "REB" in ministry.sectors


def test_owner_run_organ_shipped(extract: Callable[..., object]) -> None:
    actors = extract("The toll rose to 40, the Hamas-run health ministry said.").actors  # type: ignore[attr-defined]
    check(actor_with(actors, "Hamas-run health ministry"), {"kind": "organization", "country": "PSE"})


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("He was taken to a police station.", "police"),
        ("The military operation lasted a week.", "military"),
    ],
)
def test_role_as_modifier_is_no_actor(extract: Callable[..., object], text: str, word: str) -> None:
    actors = extract(text).actors  # type: ignore[attr-defined]
    assert not any(m.text.lower() == word for a in actors for m in a.mentions)


def test_unknown_person_through_role(make: Make, fiction: ActorExtractor) -> None:
    actors = run(make, fiction, "Freedonian defence ministry spokesman Otis Driftwood denied the report.")
    check(
        actor_with(actors, "Freedonian defence ministry spokesman Otis Driftwood"),
        {"country": "FRD", "kind": "person", "name": "Otis Driftwood", "wikidata": None},
    )


# --- office holders by publication date -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("published", "name"),
    [("2020-06-01", "Rufus T. Firefly"), ("2024-06-01", "Gloria Teasdale")],
)
def test_office_holder_by_date(make: Make, fiction: ActorExtractor, published: str, name: str) -> None:
    actors = run(make, fiction, "The Freedonian president said the war was over.", published)
    actor = actor_with(actors, "Freedonian president")
    check(actor, {"name": name, "kind": "person", "title": "president"})


def test_office_holder_needs_a_date(make: Make, fiction: ActorExtractor) -> None:
    actors = run(make, fiction, "The Freedonian president said the war was over.")
    check(actor_with(actors, "Freedonian president"), {"country": "FRD", "kind": "person", "wikidata": None})
    assert all(a.name not in ("Rufus T. Firefly", "Gloria Teasdale") for a in actors)


def test_named_kb_person(make: Make, fiction: ActorExtractor) -> None:
    actors = run(
        make, fiction, "President Gloria Teasdale met reporters. Teasdale said little.", "2024-01-05"
    )
    actor = actor_with(actors, "Teasdale")
    check(actor, {"name": "Gloria Teasdale", "country": "FRD"})
    assert actor is not None and len(actor.mentions) == 2


@pytest.mark.parametrize(
    ("text", "is_actor"),
    [
        ("Storms hit the coast, and Marvania declared an emergency.", False),
        ("The Republic of Marvania is small. Marvania declared an emergency.", True),
    ],
)
def test_ambiguous_alias_needs_support(
    make: Make, fiction: ActorExtractor, text: str, is_actor: bool
) -> None:
    actor = actor_with(run(make, fiction, text), "Marvania")
    assert (actor is not None and actor.country == "MRV") == is_actor


# --- group references and pronouns ------------------------------------------------------------------------
def test_two_sides(make: Make, extract: Callable[..., object]) -> None:
    text = "Talks between Hamas and Fatah resumed in Cairo. The two sides agreed to meet again."
    doc = make(text)
    start = text.index("The two sides")
    found = {a.name for a in actors_at(doc, start, start + len("The two sides"))}
    names = {a.name for a in doc._.herald_actors if a.name in ("Hamas", "Fatah") or "Hamas" in a.name}
    assert len(found) == 2 and found <= names | {"Fatah"}


def test_militant_group(make: Make, fiction: ActorExtractor) -> None:
    text = "The Red Front attacked a convoy. The militant group said it wanted talks."
    actors = run(make, fiction, text)
    check(actor_with(actors, "The militant group"), {"name": "Red Front", "sector": "REB"})


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        (
            "Chinese foreign ministry spokesman Lin Jian spoke on Monday. He said the drills were legal.",
            "He",
            "Lin Jian",
        ),
        ("The Kremlin rejected the offer. It said the terms were unacceptable.", "It", "Russia"),
    ],
)
def test_pronoun_speaker(extract: Callable[..., object], text: str, pronoun: str, name: str) -> None:
    actors = extract(text).actors  # type: ignore[attr-defined]
    check(actor_with(actors, pronoun), {"name": name})


def test_pronoun_not_speaker(extract: Callable[..., object]) -> None:
    # document-level coreference (coref.py) links pronouns of any verb, not only speakers'
    actors = extract("Lin Jian arrived late. He was tired.").actors  # type: ignore[attr-defined]
    check(actor_with(actors, "He"), {"name": "Lin Jian"})


# --- unknown named entities and texts with no actor -------------------------------------------------------
def test_unknown_entity_kept(extract: Callable[..., object]) -> None:
    actors = extract("Zorblat Industries said it would appeal.").actors  # type: ignore[attr-defined]
    assert any("Zorblat" in a.name and a.wikidata is None for a in actors)


@pytest.mark.parametrize(
    "text",
    [
        "The weather was mild and the harvest was good.",
        "Prices rose by 3% in the second quarter.",
        "He said it was fine, and they agreed.",  # pronouns with nothing to refer to
        "The talks will take place in Moscow.",
    ],
)
def test_no_actor(extract: Callable[..., object], text: str) -> None:
    assert extract(text).actors == []  # type: ignore[attr-defined]


def test_empty_doc(nlp: Language) -> None:
    assert ActorExtractor(nlp.vocab, nlp.tokenizer)(nlp.make_doc("")) == []


def test_ids_and_offsets(extract: Callable[..., object]) -> None:
    text = "Moscow said Russia and China would respond. Beijing agreed."
    result = extract(text)
    actors = result.actors  # type: ignore[attr-defined]
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    firsts = [a.mentions[0].start for a in actors]
    assert firsts == sorted(firsts)
    for a in actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text


# --- user KB ------------------------------------------------------------------------------------------------
def test_user_kb_overrides_shipped(
    nlp: Language, make: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "actors").mkdir()
    override = [
        {
            "key": "CHN",
            "name": "People's Republic of China",
            "kind": "state",
            "country": "CHN",
            "sector": "GOV",
            "wikidata": "Q148",
            "aliases": ["China"],
            "capital": "Beijing",
        }
    ]
    (tmp_path / "actors" / "mine.yaml").write_text(yaml.safe_dump(override), encoding="utf-8")
    monkeypatch.setenv("HERALD_HOME", str(tmp_path))
    kb = load_kb()
    entry = kb.get("CHN")
    assert entry is not None and entry.name == "People's Republic of China"
    assert kb.origin["CHN"].startswith("user")
    actors = ActorExtractor(nlp.vocab, nlp.tokenizer, kb=kb)(make("China said no."))
    check(actor_with(actors, "China"), {"name": "People's Republic of China"})


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"key": "x", "name": "X", "kind": "planet"}, "kind"),
        ({"key": "x", "name": "X", "kind": "state", "country": "china"}, "country"),
        ({"key": "x", "name": "X", "kind": "state", "wikidata": "148"}, "wikidata"),
        ({"key": "x", "name": "X", "kind": "state", "colour": "red"}, "colour"),
    ],
)
def test_invalid_user_file(tmp_path: Path, entry: dict[str, object], problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem) as info:
        read_file(path)
    assert "bad.yaml" in str(info.value) and "'x'" in str(info.value)


def test_kb_office_dates() -> None:
    kb = KnowledgeBase([])
    assert len(kb) == 0
    from herald.stages.s2_actors.kb import Entry

    e = Entry.model_validate(FICTION[2])
    assert e.office_at(date(2020, 1, 1)) is not None
    assert e.office_at(date(2024, 1, 1)) is None
    assert e.office_at(None) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The envoy will travel to Iraq next week.", "Iraq"),
        ("Two bombs exploded in Istanbul, Turkey, on Sunday.", "Turkey"),
        ("Strikes hit Syria's Idlib province overnight.", "Syria"),
        ("Thousands fled from Syria last year.", "Syria"),
    ],
)
def test_country_as_place_is_no_actor(extract: Callable[..., object], text: str, place: str) -> None:
    assert actor_with(extract(text).actors, place) is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Iraq signed the agreement with Jordan.", "Jordan"),
        ("The plan was welcomed by Turkey.", "Turkey"),
        ("Sanctions against Iran were tightened.", "Iran"),
    ],
)
def test_country_as_participant_is_actor(extract: Callable[..., object], text: str, mention: str) -> None:
    check(actor_with(extract(text).actors, mention), {"kind": "state"})  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "published", "wikidata"),
    [
        ("The US President said the deal was done.", "2023-06-01", "Q6279"),
        ("The American president said the deal was done.", "2019-06-01", "Q22686"),
    ],
)
def test_office_holder_shipped_kb(
    extract: Callable[..., object], text: str, published: str, wikidata: str
) -> None:
    actors = extract(text, published=published).actors  # type: ignore[attr-defined]
    person = next((a for a in actors if a.kind == "person"), None)
    check(person, {"wikidata": wikidata, "country": "USA", "title": "president"})


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Freedonia faces a crisis. The president said he would not resign.", "Rufus T. Firefly"),
        ("Freedonia and Sylvania met. The president said he would not resign.", None),  # two states: no guess
    ],
)
def test_bare_office_in_single_state_context(
    make: Make, fiction: ActorExtractor, text: str, name: str | None
) -> None:
    actor = actor_with(run(make, fiction, text, "2020-06-01"), "president")
    assert actor is not None
    assert (actor.name == name) if name else (actor.wikidata is None and actor.name == "president")
