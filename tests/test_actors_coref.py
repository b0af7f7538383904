"""Document-level actor resolution: pronouns, definite descriptions, country context, NER repair, control."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from actor_helpers import Extract, actor_with, actors_of, nth
from herald.schema import Actor
from herald.stages.s2_actors.coref import understood_subject
from herald.stages.s2_actors.coref_lexicon import load_coref_lexicon


def actor_at(actors: list[Actor], start: int) -> Actor | None:
    return next((a for a in actors if any(m.start == start for m in a.mentions)), None)


# --- pronouns ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "pronoun", "n", "antecedent"),
    [
        ("The militias say the shelling forced them to accept a truce.", "them", 1, "militias"),
        ("The Nigerian army said it killed 20 militants.", "it", 1, "Nigerian army"),
        ("Boko Haram attacked the village. It later withdrew.", "It", 1, "Boko Haram"),
        ("Hamas said its fighters would leave the town.", "its", 1, "Hamas"),
        ("The rebels seized the base. They said the army had fled.", "They", 1, "rebels"),
        ("The rebels seized the base and their commander was wounded.", "their", 1, "rebels"),
        ("Lin Jian arrived late. He was tired.", "He", 1, "Lin Jian"),
        ("Angela Merkel met the press. She said she would stay.", "she", 1, "Angela Merkel"),
        ("Protesters blocked the road until police dispersed them.", "them", 1, "Protesters"),
        ('The minister said: "Joe Biden called me. He asked for help."', "He", 1, "Joe Biden"),
        # a chain: the second "he" goes through the first
        ("Emmanuel Macron spoke. He said he would call Moscow.", "he", 1, "Emmanuel Macron"),
    ],
)
def test_pronoun_links(extract: Extract, text: str, pronoun: str, n: int, antecedent: str) -> None:
    actors = actors_of(extract, text)
    found = actor_at(actors, nth(text, pronoun, n))
    assert found is not None and antecedent in [m.text for m in found.mentions]
    rule = next(m.rule for m in found.mentions if m.start == nth(text, pronoun, n))
    assert rule is not None and rule.startswith("pronoun:")


@pytest.mark.parametrize(
    ("text", "pronoun", "n"),
    [
        ("It is clear that the talks failed.", "It", 1),  # expletive
        ("The army said the attack was over. It emerged that 12 died.", "It", 1),
        ("The army attacked them at dawn.", "them", 1),  # no antecedent; never the clause's own subject
        ("Russia and China met. They said nothing.", "They", 1),  # a pair is not one actor
        ("Joe Biden and Emmanuel Macron met. He said the talks went well.", "He", 1),  # two men: ambiguous
        ("The rebels met. The talks collapsed. They resumed a day later.", "They", 1),  # "talks" intervene
        ("The ministry said the attack killed five. It was the worst this year.", "It", 1),  # copula
        ("The army moved in.\n\nThey were welcomed by residents.", "They", 1),  # army is singular
        # a quoted third person is not the narration's actor: the speaker attacks someone else
        ('Bill Shorten attacked the prime minister: "He wants the job but will not fight for it."', "He", 1),
    ],
)
def test_pronoun_no_link(extract: Extract, text: str, pronoun: str, n: int) -> None:
    actors = actors_of(extract, text)
    assert actor_at(actors, nth(text, pronoun, n)) is None


# --- definite descriptions ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        ("The Nigerian army said 20 fighters died. The army also arrested two men.", "army", "Nigerian army"),
        ("Boko Haram attacked a village. The militants burned houses.", "militants", "Boko Haram"),
        (
            "President Bola Tinubu met the governor. The president said troops would stay.",
            "president",
            "Bola Tinubu",
        ),
        (
            "The Israel Defense Forces struck Gaza. The army said it hit a depot.",
            "army",
            "Israel Defense Forces",
        ),
    ],
)
def test_definite_description(extract: Extract, text: str, description: str, name: str) -> None:
    actors = actors_of(extract, text)
    at = text.index(description, text.index(".") + 1)
    found = actor_at(actors, at)
    assert found is not None and found.name == name
    rule = next(m.rule for m in found.mentions if m.start == at)
    # the same role twice ("Nigerian army ... the army") is one actor already, with no reference rule
    assert rule is None or rule.startswith("definite:")


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Boko Haram attacked a village. Rebels burned houses.", "Rebels"),  # bare plural: generic, no link
        ("Hamas fighters fired rockets. The army responded.", "army"),  # no military antecedent
        (
            "Emmanuel Macron spoke. The president of the club resigned.",
            "president",
        ),  # Macron: no such office known
    ],
)
def test_definite_description_no_link(extract: Extract, text: str, description: str) -> None:
    actors = actors_of(extract, text)
    at = text.index(description, text.index(".") + 1)
    found = actor_at(actors, at)
    assert found is None or found.mentions[0].start == at  # an actor of its own, not a reference


# --- country context ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        (
            "MAIDUGURI, Nigeria (Reuters) - Gunmen killed 12 people. Police said the attackers fled.",
            "Police",
            "NGA",
        ),
        (
            "Nigeria's president spoke in Abuja. Nigerian officials said rebels killed 12 people.",
            "rebels",
            "NGA",
        ),
        ("Kenya held elections. Kenyan police said the opposition rejected the result.", "opposition", "KEN"),
        # none: an international story, or no country at all
        (
            "Russia and Ukraine traded blame. France and Germany urged calm. Protesters gathered.",
            "Protesters",
            None,
        ),
        ("Rebels attacked a convoy. Police said three died.", "Police", None),
    ],
)
def test_country_context(extract: Extract, text: str, mention: str, country: str | None) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    assert actor is not None and actor.country == country
    assert (actor.rule is not None and f"country-context:{country}" in actor.rule) == (country is not None)


def test_country_context_per_paragraph(extract: Extract) -> None:
    text = (
        "Kenyan police said Kenya would hold a vote. Kenya's president agreed.\n\n"
        "In Mali, Malian soldiers and Mali's army chief spoke. Malian officials said rebels fled."
    )
    actor = actor_with(actors_of(extract, text), "rebels")
    assert actor is not None and actor.country == "MLI"


# --- NER repair ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Fighters from Ahrar al-Sham attacked the convoy.",
            "Ahrar al-Sham",
            {"kind": "group", "sector": "REB"},
        ),
        ("The Russian-backed offensive killed 12 people.", "Russian", {"country": "RUS", "kind": "state"}),
        ("Russian-backed separatists shelled the city.", "Russian", {"country": "RUS"}),
        ("Russian-backed separatists shelled the city.", "separatists", {"sector": "REB"}),
        ("Chinese sanctions hit exports.", "Chinese", {"country": "CHN"}),
        ("Police in Kaduna said gunmen fled.", "Police", {"country": "NGA"}),
    ],
)
def test_ner_repair(extract: Extract, text: str, mention: str, expected: dict[str, object]) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    assert actor is not None
    for key, value in expected.items():
        assert getattr(actor, key) == value, (key, actor)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen attacked the town of Maarat al-Numan on Sunday.", "Maarat al-Numan"),
        ("Gunmen attacked Birnin Gwari on Sunday.", "Birnin Gwari"),
    ],
)
def test_place_not_person(extract: Extract, text: str, place: str) -> None:
    # an attacked town may be the attack's target (its people: place_args.py), never a person
    actor = actor_with(actors_of(extract, text), place)
    assert actor is None or (actor.kind != "person" and actor.sector == "CVL")


def test_no_backer_without_hyphen(extract: Extract) -> None:
    # "Chinese protests" are by people, not by the state
    actor = actor_with(actors_of(extract, "Chinese protests spread to three cities."), "Chinese")
    assert actor is None or actor.kind != "state"


# --- understood subjects of infinitives -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Hamas agreed to withdraw from the town.", "withdraw", "Hamas"),
        ("The militias say the shelling forced them to accept a truce.", "accept", "them"),
        ("The army decided to try to leave.", "leave", "army"),
        ("The minister urged the rebels to disarm.", "disarm", "rebels"),
        ("The talks were held to end the war.", "end", None),
    ],
)
def test_understood_subject(make: Callable[..., Doc], text: str, verb: str, subject: str | None) -> None:
    doc = make(text)
    tok = next(t for t in doc if t.text == verb)
    found = understood_subject(tok, load_coref_lexicon())
    assert (found.text if found is not None else None) == subject


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a modifier we could not resolve says whose it is; plural governments may be several countries'
        ("Talks opened in Doha, Qatar. Qatar hosted them. Freedonia's government sent envoys.", "government"),
        ("Kenya and its police met. Kenyan police said the governments agreed.", "governments"),
    ],
)
def test_no_country_context(extract: Extract, text: str, mention: str) -> None:
    actor = next(a for a in actors_of(extract, text) if any(mention in m.text for m in a.mentions))
    assert "country-context" not in (actor.rule or "")
