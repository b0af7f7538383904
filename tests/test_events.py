"""Events stage: PLOVER 2.0 types, roles, modality, attribution, date/place and explanations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

import herald
from herald.schema import Event
from herald.stages.s5_events.extract import extract_events

PUB = "2024-04-30"

Make = Callable[..., Doc]


def events(doc: Doc) -> list[Event]:
    return list(doc._.herald_events or [])


def all_events(doc: Doc) -> list[Event]:
    """Events predicted or planned included (the pipeline leaves them out by default)."""
    return extract_events(doc, include_future=True)


def names(doc: Doc, ids: list[str]) -> set[str]:
    by_id = {a.id: a.name for a in doc._.herald_actors or []}
    return {by_id.get(i, i) for i in ids}


def main(doc: Doc) -> Event:
    evs = events(doc)
    assert evs, f"no event in {doc.text!r}"
    return evs[0]


# One sentence per PLOVER 2.0 type: (text, type).
TYPE_ROWS = [
    ("Israel and Egypt agreed to resume talks on the border crossing.", "AGREE"),
    ("French President Emmanuel Macron visited Germany on Monday.", "CONSULT"),
    ("The German government praised the decision of the Indian court.", "SUPPORT"),
    ("The Serbian government lifted the curfew in Montenegro.", "CONCEDE"),
    ("Japan and Australia share intelligence with India.", "COOPERATE"),
    ("Germany donated 50 ambulances to Ukraine.", "AID"),
    ("Hamas released three Israeli hostages on Sunday.", "RETREAT"),
    ("The United Nations urged Israel to allow aid into Gaza.", "REQUEST"),
    ("China accused the United States of spying.", "ACCUSE"),
    ("Iran rejected the European proposal.", "REJECT"),
    ("North Korea threatened to attack South Korea.", "THREATEN"),
    ("Thousands of students protested against the government in Dhaka.", "PROTEST"),
    ("The United States imposed sanctions on Russia.", "SANCTION"),
    ("Russia deployed troops along the Ukrainian border.", "MOBILIZE"),
    ("Turkish police arrested 40 journalists in Istanbul.", "COERCE"),
    ("Russian forces shelled the Ukrainian city of Kharkiv.", "ASSAULT"),
]


@pytest.mark.parametrize("text,expected", TYPE_ROWS)
def test_type(make: Make, text: str, expected: str) -> None:
    doc = make(text, published=PUB)
    e = main(doc)
    assert e.type == expected
    assert e.actors, "the actor should be found"
    assert e.cameo and e.quad in (1, 2, 3, 4) and e.intensity is not None
    assert e.rule and 0 < e.confidence <= 1
    assert e.evidence.text.strip() == text
    assert e.trigger is not None and doc.text[e.trigger.start : e.trigger.end] == e.trigger.text


def test_all_sixteen_types_covered() -> None:
    from herald.stages.s5_events.ontology import load_ontology

    assert {t for _, t in TYPE_ROWS} == set(load_ontology().types)


# Modes: (text, type, mode).
MODE_ROWS = [
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN", None),
    ("Pakistan threatened to break relations with India.", "THREATEN", "relations"),
    ("Students staged a hunger strike in Tehran.", "PROTEST", "hunger"),
    ("Israeli jets carried out airstrikes on Gaza.", "ASSAULT", "aerial"),
    ("Gunmen kidnapped two aid workers in Mali.", "ASSAULT", "abduct"),
    ("Putin spoke by phone with Erdogan.", None, None),
    ("The minister resigned on Friday.", "RETREAT", "resign"),
    ("Iran refused to release the detained sailors.", "REJECT", "yield"),
]


@pytest.mark.parametrize("text,type_,mode", MODE_ROWS)
def test_mode(make: Make, text: str, type_: str | None, mode: str | None) -> None:
    doc = make(text, published=PUB)
    evs = events(doc)
    if type_ is None:
        assert all(e.confidence < 0.9 for e in evs)
        return
    assert evs and evs[0].type == type_
    if mode is not None:
        assert evs[0].mode == mode


# Modality: (text, type, flag that must be set).
MODALITY_ROWS = [
    ("Russia did not attack Ukrainian ports on Monday.", "ASSAULT", "negated"),
    ("The army never arrested the protesters.", "COERCE", "negated"),
    ("The European Union could impose sanctions on Iran.", "SANCTION", "hypothetical"),
    ("If the talks fail, the army would attack the town.", "ASSAULT", "hypothetical"),
    ("Troops will attack the rebel stronghold next week.", "ASSAULT", "future"),
]


@pytest.mark.parametrize("text,type_,flag", MODALITY_ROWS)
def test_modality(make: Make, text: str, type_: str, flag: str) -> None:
    doc = make(text, published=PUB)
    evs = [e for e in all_events(doc) if e.type == type_]
    assert evs, [e.type for e in all_events(doc)]
    assert getattr(evs[0], flag) is True


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Syria says it will not accept any more refugees.", "REJECT"),  # negated acceptance = refusal
        ("Finland will give Tanzania a grant of 580 million shillings.", "AGREE"),  # future aid = intention
        ("The United States will send food aid to Sudan.", "AGREE"),
        ("President Biden will visit Israel next week.", "AGREE"),  # planned visit = intention to consult
        ("Farmers said they would blockade Paris from Monday.", "THREATEN"),  # announced coercion = threat
        ("Israel threatened to ban voting in East Jerusalem if Hamas ran.", "THREATEN"),
    ],
)
def test_modality_conversions(make: Make, text: str, expected: str) -> None:
    e = main(make(text, published=PUB))
    assert e.type == expected
    assert not e.negated and not e.hypothetical


def test_threat_is_not_hypothetical(make: Make) -> None:
    e = main(make("Iran threatened to attack Israel if it struck Iranian soil.", published=PUB))
    assert e.type == "THREATEN" and not e.hypothetical


def test_compound_actor_is_one_event(make: Make) -> None:
    doc = make("Hamas and Fatah agreed to form a unity government.", published=PUB)
    evs = events(doc)
    assert len(evs) == 1
    assert len(evs[0].actors) == 2
    assert names(doc, evs[0].actors) >= {"Hamas", "Fatah"}


def test_compound_recipient_no_dyad_explosion(make: Make) -> None:
    doc = make(
        "The United States and Britain imposed sanctions on Iran, Syria and North Korea.", published=PUB
    )
    evs = [e for e in events(doc) if e.type == "SANCTION"]
    assert len(evs) == 1
    assert len(evs[0].actors) == 2 and len(evs[0].recipients) == 3


def test_passive(make: Make) -> None:
    doc = make("A refugee camp was attacked by Burundian militiamen on Tuesday.", published=PUB)
    e = main(doc)
    assert e.type == "ASSAULT"
    assert any("Burundian" in n for n in names(doc, e.actors))


def test_passive_without_agent_has_no_actor(make: Make) -> None:
    doc = make("Three Iraqi civilians were killed in Baghdad.", published=PUB)
    e = main(doc)
    assert e.type == "ASSAULT" and not e.actors
    assert e.confidence < 0.6


@pytest.mark.parametrize(
    "text,type_,actor",
    [
        ("The UN condemned the Israeli offensive in Gaza.", "ASSAULT", "Israel"),
        ("Talks between Hamas and Fatah resumed in Cairo.", "CONSULT", "Hamas"),
        ("A veto by Russia blocked the resolution.", "REJECT", "Russia"),
        ("Russia's veto angered Western diplomats.", "REJECT", "Russia"),
    ],
)
def test_nominalisation(make: Make, text: str, type_: str, actor: str) -> None:
    doc = make(text, published=PUB)
    if not any(actor in a.name for a in doc._.herald_actors or []):
        pytest.skip(f"the actors stage does not resolve {actor!r} here")
    evs = [e for e in events(doc) if e.type == type_]
    assert evs, [e.type for e in events(doc)]
    assert any(actor in n for n in names(doc, evs[0].actors)), names(doc, evs[0].actors)


def test_talks_between_two_parties_are_both_actors(make: Make) -> None:
    doc = make("Talks between Hamas and Fatah resumed in Cairo.", published=PUB)
    e = next(e for e in events(doc) if e.type == "CONSULT")
    assert len(e.actors) == 2 and not e.recipients


def test_consult_visit_roles(make: Make) -> None:
    doc = make("French President Emmanuel Macron visited China on Monday.", published=PUB)
    e = main(doc)
    assert e.type == "CONSULT" and e.mode == "visit"
    assert any("Macron" in n for n in names(doc, e.actors))
    assert any("China" in n for n in names(doc, e.recipients))


def test_consult_host_roles(make: Make) -> None:
    doc = make(
        "Chinese President Xi Jinping hosted French President Emmanuel Macron in Beijing.", published=PUB
    )
    e = main(doc)
    assert e.type == "CONSULT" and e.mode == "visit"
    assert any("Macron" in n for n in names(doc, e.actors)), "the visitor is the actor"
    assert any("Xi" in n for n in names(doc, e.recipients)), "the host is the recipient"


def test_consult_third_party(make: Make) -> None:
    doc = make("Israel and Hamas held talks hosted by Qatar in Doha.", published=PUB)
    e = main(doc)
    assert e.type == "CONSULT" and e.mode == "third-party"
    got = names(doc, e.actors)
    assert any("Israel" in n for n in got) and any("Hamas" in n for n in got)
    assert not any("Qatar" in n for n in got)


def test_reported_by_statement(make: Make) -> None:
    doc = make("China said the two sides agreed to continue talks.", published=PUB)
    statements = list(doc._.herald_statements or [])
    evs = [e for e in events(doc) if e.type == "AGREE"]
    assert evs
    if not statements:
        pytest.skip("the statements stage found no statement here")
    assert evs[0].reported_by == statements[0].id


def test_historical_in_dated_story(make: Make) -> None:
    doc = make("Hamas seized control of Gaza in 2007. On Monday, Israel attacked Rafah.", published=PUB)
    evs = events(doc)
    seize = next(e for e in evs if e.type == "COERCE")
    attack = next(e for e in evs if e.type == "ASSAULT")
    assert seize.historical and not attack.historical


def test_future_from_the_date(make: Make) -> None:
    doc = make("Russia holds military exercises near the Finnish border next month.", published=PUB)
    evs = [e for e in all_events(doc) if e.date_from == "text"]
    if not evs:
        pytest.skip("no dated event here")
    assert all(e.future for e in evs)


def test_publication_date_fallback(make: Make) -> None:
    doc = make("Russia attacked Ukrainian ports.", published=PUB)
    e = main(doc)
    assert e.date == PUB and e.date_from == "publication"
    doc = make("Russia attacked Ukrainian ports.")
    e = main(doc)
    assert e.date is None and e.date_from == "none"


def test_date_from_text(make: Make) -> None:
    doc = make("Russia attacked Ukrainian ports on Monday.", published=PUB)
    e = main(doc)
    if not doc._.herald_times:
        pytest.skip("the times stage found no time")
    assert e.date_from == "text" and e.date and e.date.startswith("t")


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Paris was pleasant on Sunday.",
        "Analysts believe the economy is likely to grow next year.",
        "The minister said the situation was complicated.",
        "Stocks rallied on Wall Street.",
        "He is a former member of the Strike Force.",
        "The museum opened a new exhibition about the history of the city.",
        "I think this policy is a mistake.",
        "The storm killed at least 12 people in Florida.",
        "The company released its quarterly results on Tuesday.",
        "Critics say the sanctions have failed to change Moscow's behaviour.",
        "The team beat Chelsea 2-1 on Saturday.",
    ],
)
def test_no_event(make: Make, text: str) -> None:
    doc = make(text, published=PUB)
    evs = events(doc)
    assert all(e.negated or e.hypothetical or e.future or e.historical or e.confidence < 0.6 for e in evs), [
        (e.type, e.rule, e.confidence) for e in evs
    ]


def test_at_most_a_few_events_per_sentence(make: Make) -> None:
    text = (
        "Rebels attacked, killed, wounded, kidnapped, tortured and beat villagers, soldiers, police and "
        "officials in Mali, Niger and Burkina Faso."
    )
    assert len(events(make(text, published=PUB))) <= 4


def test_event_ids_and_offsets(make: Make) -> None:
    doc = make("Iran rejected the proposal. Israel attacked Gaza. Egypt hosted the talks.", published=PUB)
    evs = events(doc)
    assert [e.id for e in evs] == [f"e{i}" for i in range(1, len(evs) + 1)]
    for e in evs:
        assert doc.text[e.evidence.start : e.evidence.end] == e.evidence.text
        actor_ids = {a.id for a in doc._.herald_actors or []}
        assert set(e.actors + e.recipients) <= actor_ids


def test_extract_api_has_events(extract: Callable[..., herald.Extraction]) -> None:
    result = extract("Israel attacked Gaza on Monday.", published=PUB)
    assert result.events and result.events[0].type == "ASSAULT"
    assert result.events[0].quad == 4 and result.events[0].cameo == "19"


def test_explain_structure() -> None:
    from herald.stages.s5_events.explain import explain

    items = explain("North Korea threatened to attack South Korea.", published=PUB)
    assert items
    x = items[0]
    assert x.event.type == "THREATEN"
    assert x.entry.startswith("verb:threaten") and x.embedded_type == "ASSAULT"
    assert x.confidence_parts and x.confidence_parts[0][0].startswith("base:")
    assert x.date_from == "publication"


def test_pronoun_from_previous_sentence(make: Make) -> None:
    doc = make("Vladimir Putin arrived in Beijing on Monday. He met Xi Jinping on Tuesday.", published=PUB)
    e = next(e for e in events(doc) if e.type == "CONSULT")
    assert any("Putin" in n for n in names(doc, e.actors))


def test_pronoun_not_resolved_across_paragraphs(make: Make) -> None:
    doc = make("Vladimir Putin arrived in Beijing on Monday.\n\nHe attacked the village.", published=PUB)
    evs = [e for e in events(doc) if e.type == "ASSAULT"]
    assert evs and not evs[0].actors


# Review gaps (docs/quality-e2e-review.md): (text, expected (type, mode) pairs; [] = no event at all).
REVIEW_ROWS: list[tuple[str, list[tuple[str, str | None]]]] = [
    (
        "Lavrov arrived in Beijing on Thursday for talks with Chinese Foreign Minister Wang Yi.",
        [("CONSULT", "visit")],
    ),
    ("Protesters threw stones at police in Nairobi.", [("PROTEST", "riot")]),
    ("Rioters hurled rocks at security forces in Belfast.", [("PROTEST", "riot")]),
    ("North Korea test-fired a ballistic missile on Thursday.", [("MOBILIZE", "weapons")]),
    ("North Korea test-launched an intercontinental ballistic missile.", [("MOBILIZE", "weapons")]),
    ("Iran conducted a missile test on Monday.", [("MOBILIZE", "weapons")]),
    ("Turkish troops entered northern Syria on Wednesday.", [("MOBILIZE", "troops")]),
    ("Security forces entered the campus on Monday.", [("MOBILIZE", "troops")]),
    ("The 39 prisoners released by Israel arrived in Ramallah.", [("RETREAT", "release")]),
    # nothing to code: no talks, no stones, no weapons, no troops, not captives, an actor-less ceasefire
    ("Market forces entered a new phase.", []),
    ("The team entered the stadium on Sunday.", []),
    ("A report released by the UN said the talks had stalled.", []),
    ("The team arrived in London for the match against Chelsea.", []),
    ("The children threw snowballs at each other in the park.", []),
    ("The pitcher threw the ball at the batter.", []),
    ("The company conducted a blood test on Monday.", []),
    ("The ceasefire took effect at midnight.", []),
]


@pytest.mark.parametrize("text,expected", REVIEW_ROWS)
def test_review_gaps(make: Make, text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = make(text, published=PUB)
    assert [(e.type, e.mode) for e in events(doc)] == expected


def test_reduced_relative_agent_is_the_actor(make: Make) -> None:
    doc = make("The 39 prisoners released by Israel arrived in Ramallah.", published=PUB)
    (ev,) = events(doc)
    names = {a.id: a.name for a in doc._.herald_actors}
    assert [names[a] for a in ev.actors] == ["Israel"]
