"""The figures stage: numbers, qualifiers, vague quantities, what is counted, sources, hedges, event links,
and texts where nothing is a figure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from herald.eval.datasets.isaf_figures import minimum
from herald.schema import Figure, Span
from herald.stages.s6_figures.lexicon import lexicon

Make = Callable[..., Doc]


def figures(make: Make, text: str) -> list[Figure]:
    doc = make(text, published="2024-04-30")
    found = list(doc._.herald_figures or [])
    for f in found:
        assert f.evidence.text == text[f.evidence.start : f.evidence.end]
        assert f.number is not None and f.number.text == text[f.number.start : f.number.end]
    return found


def one(make: Make, text: str, number: str) -> Figure:
    found = [f for f in figures(make, text) if f.number is not None and f.number.text == number]
    assert found, (
        f"no figure {number!r} in {text!r}: {[f.number.text for f in figures(make, text) if f.number]}"
    )
    return found[0]


# -- qualifiers: (text, number span, value, low, high, qualifier) --------------------------------------------
QUALIFIERS = [
    ("At least 20 people were killed.", "At least 20", 20, 20, None, "at least"),
    ("More than 300 people were killed.", "More than 300", 300, 300, None, "more than"),
    ("Over 1,000 people were displaced.", "Over 1,000", 1000, 1000, None, "over"),
    ("No fewer than 12 people were arrested.", "No fewer than 12", 12, 12, None, "no fewer than"),
    ("Nearly 100 people were wounded.", "Nearly 100", 100, None, 100, "nearly"),
    ("Almost 40 people died.", "Almost 40", 40, None, 40, "almost"),
    ("Up to 30 people were detained.", "Up to 30", 30, None, 30, "up to"),
    ("Fewer than 50 people were injured.", "Fewer than 50", 50, None, 50, "fewer than"),
    ("Less than 5 percent voted.", "Less than 5 percent", 5, None, 5, "less than"),
    ("As many as 60 people were killed.", "As many as 60", 60, None, 60, "as many as"),
    ("About 130 hostages remain in Gaza.", "About 130", 130, None, None, "about"),
    ("Around 400 troops were deployed.", "Around 400", 400, None, None, "around"),
    ("Some 2,000 troops arrived.", "Some 2,000", 2000, None, None, "some"),
    ("Approximately 70 people died.", "Approximately 70", 70, None, None, "approximately"),
    (
        "An estimated 1.7 million people were displaced.",
        "An estimated 1.7 million",
        1.7e6,
        None,
        None,
        "an estimated",
    ),
    ("Exactly 12 soldiers were killed.", "Exactly 12", 12, 12, 12, "exactly"),
    ("20 or more people were killed.", "20 or more", 20, 20, None, "or more"),
    ("14 people were killed.", "14", 14, 14, 14, None),
]


@pytest.mark.parametrize(("text", "number", "value", "low", "high", "qualifier"), QUALIFIERS)
def test_qualifier_bounds(
    make: Make,
    text: str,
    number: str,
    value: float,
    low: float | None,
    high: float | None,
    qualifier: str | None,
) -> None:
    f = one(make, text, number)
    assert (f.value, f.low, f.high) == (value, low, high)
    assert (f.qualifier or None) == (qualifier.lower() if qualifier else None)


# -- numbers as digits and words -----------------------------------------------------------------------------
NUMBERS = [
    ("The death toll rose to 34,450.", "34,450", 34450),
    ("The war displaced 2.3 million people.", "2.3 million", 2.3e6),
    ("The war displaced two million people.", "two million", 2e6),
    ("Twenty-five people were killed.", "Twenty-five", 25),
    ("A dozen people were arrested.", "A dozen", 12),
    ("Two dozen people were arrested.", "Two dozen", 24),
    ("Half a million people fled.", "Half a million", 5e5),
    ("One hundred and twenty people were wounded.", "One hundred and twenty", 120),
    ("Three thousand people were evacuated.", "Three thousand", 3000),
]


@pytest.mark.parametrize(("text", "number", "value"), NUMBERS)
def test_numbers(make: Make, text: str, number: str, value: float) -> None:
    assert one(make, text, number).value == value


# -- ranges --------------------------------------------------------------------------------------------------
RANGES = [
    ("Between 20 and 30 people were killed.", "Between 20 and 30", 20, 30, "between"),
    ("20 to 30 people were killed.", "20 to 30", 20, 30, "range"),
    ("20-30 people were killed.", "20-30", 20, 30, "range"),
    ("Two or three people were injured.", "Two or three", 2, 3, "range"),
    ("The deal is worth 20 to 30 million dollars.", "20 to 30 million dollars", 20e6, 30e6, "range"),
]


@pytest.mark.parametrize(("text", "number", "low", "high", "qualifier"), RANGES)
def test_ranges(make: Make, text: str, number: str, low: float, high: float, qualifier: str) -> None:
    f = one(make, text, number)
    assert (f.low, f.high, f.qualifier) == (low, high, qualifier)
    assert f.value == low  # the conservative reading


def test_particle_is_not_a_qualifier(make: Make) -> None:
    f = one(make, "The company will take over two hospitals.", "two")
    assert f.qualifier is None and f.low == f.high == 2


def test_from_to_is_two_figures(make: Make) -> None:
    found = figures(make, "The death toll rose from 20 to 30.")
    assert [f.value for f in found] == [20, 30]


# -- vague quantities (ACLED convention) ---------------------------------------------------------------------
VAGUE = [
    ("Dozens of people were killed.", "Dozens", 12),
    ("Hundreds of people were wounded.", "Hundreds", 100),
    ("Thousands of people fled.", "Thousands", 1000),
    ("Tens of thousands of people fled.", "Tens of thousands", 10000),
    ("Hundreds of thousands of people were displaced.", "Hundreds of thousands", 100000),
    ("Scores of people were injured.", "Scores", 20),
    ("Several insurgents were killed.", "Several", 3),
]


@pytest.mark.parametrize(("text", "number", "value"), VAGUE)
def test_vague(make: Make, text: str, number: str, value: float) -> None:
    f = one(make, text, number)
    assert f.vague and f.value == value and f.low == value and f.high is None


def test_vague_values_follow_acled() -> None:
    vague = {k[0]: v.value for k, v in lexicon().vague.items() if len(k) == 1}
    assert (vague["tens"], vague["dozens"], vague["hundreds"], vague["thousands"], vague["scores"]) == (
        10,
        12,
        100,
        1000,
        20,
    )


# -- what is counted: (text, number, counts, unit) -----------------------------------------------------------
COUNTS = [
    ("The strike killed at least 20 people.", "at least 20", "killed", "people"),
    ("At least 20 people were killed in the strike.", "At least 20", "killed", "people"),
    ("Twelve people died in the fire.", "Twelve", "killed", "people"),
    ("The death toll rose to 34,450.", "34,450", "killed", None),
    ("Officials put the death toll at 56.", "56", "killed", None),
    ("20 Palestinians, including 5 children, were killed.", "20", "killed", "Palestinians"),
    ("20 Palestinians, including 5 children, were killed.", "5", "killed", "child"),
    ("The bombing left 40 people dead.", "40", "killed", "people"),
    ("There were 15 deaths.", "15", "killed", "death"),
    ("The blast wounded 30 people.", "30", "wounded", "people"),
    ("Hamas holds 130 hostages.", "130", "hostages", "hostage"),
    ("Gunmen abducted 200 schoolgirls.", "200", "abducted", "schoolgirl"),
    ("Police arrested 40 protesters.", "40", "arrested", "protester"),
    ("The force detained three suspected insurgents.", "three", "detained", "insurgent"),
    ("The fighting displaced 1.7 million.", "1.7 million", "displaced", None),
    ("1.7 million people fled their homes.", "1.7 million", "displaced", "people"),
    ("The camp hosts 20,000 refugees.", "20,000", "refugees", "refugee"),
    ("About 2.3 million people live in Gaza.", "About 2.3 million", "residents", "people"),
    ("The US sent 2,000 troops.", "2,000", "troops", "troop"),
    ("The US pledged $1.5 billion in aid.", "$1.5 billion", "money", "USD"),
    ("The fine was 500 euros.", "500 euros", "money", "EUR"),
    ("The EU gave €20 million.", "€20 million", "money", "EUR"),
    ("Unemployment rose to 7.3 percent.", "7.3 percent", "percent", "percent"),
    ("Turnout was 45%.", "45%", "percent", "percent"),
    ("The Dow fell 340 points.", "340", "other", "point"),
    ("The attack left 1,200 people dead and some 250 taken hostage.", "1,200", "killed", "people"),
    ("The attack left 1,200 people dead and some 250 taken hostage.", "some 250", "hostages", "hostage"),
    ("At least 15 people remain missing.", "At least 15", "missing", "people"),
    ("The agency tallied 5,000 casualties.", "5,000", "casualties", "casualty"),
]


@pytest.mark.parametrize(("text", "number", "counts", "unit"), COUNTS)
def test_counts(make: Make, text: str, number: str, counts: str, unit: str | None) -> None:
    f = one(make, text, number)
    assert (f.counts, f.unit) == (counts, unit)


def test_perpetrators_are_not_the_killed(make: Make) -> None:
    f = one(make, "Five gunmen killed a police officer.", "Five")
    assert f.counts != "killed"


IMPLICIT = [
    ("The force killed an insurgent.", "an insurgent", "killed"),
    ("A soldier was wounded in the attack.", "A soldier", "wounded"),
    ("Police arrested a suspect on Monday.", "a suspect", "arrested"),
]


@pytest.mark.parametrize(("text", "number", "counts"), IMPLICIT)
def test_indefinite_singular_is_one(make: Make, text: str, number: str, counts: str) -> None:
    f = one(make, text, number)
    assert (f.value, f.counts) == (1, counts)


ADDITIONAL = [
    ("Two more people were killed.", "Two", True),
    ("The force also detained two suspects.", "two", True),
    ("The force captured a leader and several associates.", "several", True),
    ("The force detained two suspects.", "two", False),
]


@pytest.mark.parametrize(("text", "number", "additional"), ADDITIONAL)
def test_additional(make: Make, text: str, number: str, additional: bool) -> None:
    assert one(make, text, number).additional is additional


# -- sources -------------------------------------------------------------------------------------------------
SOURCES = [
    (
        "At least 20 people were killed, according to the health ministry.",
        "At least 20",
        "the health ministry",
    ),
    ("The health ministry said 20 people were killed.", "20", "The health ministry"),
    ("At least 20 people were killed, officials said.", "At least 20", "officials"),
    ("The UN estimates that 1.9 million people have been displaced.", "1.9 million", "The UN"),
    (
        "Hamas-run health authorities say 34,000 people have been killed.",
        "34,000",
        "Hamas-run health authorities",
    ),
]


@pytest.mark.parametrize(("text", "number", "source_text"), SOURCES)
def test_sources(make: Make, text: str, number: str, source_text: str) -> None:
    f = one(make, text, number)
    assert f.source_text is not None and source_text.lower() in f.source_text.lower()


def test_source_resolves_to_an_actor(make: Make) -> None:
    doc = make("The health ministry said 20 people were killed.", published="2024-04-30")
    f = next(x for x in doc._.herald_figures if x.value == 20)
    actors = {a.id: a for a in doc._.herald_actors or []}
    if not actors:
        pytest.xfail("the actors stage found no actor in this sentence")
    assert f.source in actors
    assert f.source_statement is None or f.source_statement.startswith("s")


def test_unsourced_figure(make: Make) -> None:
    f = one(make, "At least 20 people were killed in the strike.", "At least 20")
    assert (f.source, f.source_text, f.source_statement) == (None, None, None)


# -- hedges --------------------------------------------------------------------------------------------------
HEDGES = [
    (
        "At least 20 people were killed. The figures cannot be independently verified.",
        "At least 20",
        "cannot be independently verified",
    ),
    ("At least 20 people were reportedly killed.", "At least 20", "reportedly"),
    ("Hamas claimed 20 soldiers were killed.", "20", "claimed"),
    ("An unconfirmed 30 people were injured.", "30", "unconfirmed"),
    ("Some 30 of the hostages are believed to be dead.", "Some 30", "believed to"),
    ("An estimated 1.7 million people were displaced.", "An estimated 1.7 million", "estimated"),
    ("Twenty people were allegedly detained.", "Twenty", "allegedly"),
]


@pytest.mark.parametrize(("text", "number", "hedge"), HEDGES)
def test_hedges(make: Make, text: str, number: str, hedge: str) -> None:
    assert hedge in one(make, text, number).hedges


def test_no_hedge(make: Make) -> None:
    assert one(make, "At least 20 people were killed.", "At least 20").hedges == []


def test_uncertainty_in_next_sentence_does_not_attach(make: Make) -> None:
    f = one(make, "At least 20 people were killed. The gunmen reportedly fled.", "At least 20")
    assert "reportedly" not in f.hedges


# -- event link ----------------------------------------------------------------------------------------------
def test_event_link(make: Make) -> None:
    doc = make("An Israeli airstrike killed at least 20 people in Rafah on Monday.", published="2024-04-30")
    events = [e for e in doc._.herald_events or [] if e.trigger is not None and e.trigger.text == "killed"]
    if not events:
        pytest.xfail("the events stage found no event triggered by 'killed'")
    f = next(x for x in doc._.herald_figures if x.value == 20)
    assert f.event == events[0].id


def test_event_link_stays_in_the_sentence(make: Make) -> None:
    text = "Israeli strikes killed 20 people on Monday. The camp is home to 20,000 refugees."
    doc = make(text, published="2024-04-30")
    f = next(x for x in doc._.herald_figures if x.value == 20000)
    events = {e.id: e for e in doc._.herald_events or []}
    if f.event is not None:
        trigger = events[f.event].trigger
        assert trigger is not None and f.evidence.start <= trigger.start < f.evidence.end


# -- nothing is a figure -------------------------------------------------------------------------------------
NOTHING = [
    "The war began in 2023.",
    "It happened on May 5, 2024.",
    "On 7 October the attack began.",
    "The meeting starts at 10:30 a.m.",
    "The meeting starts at 10 a.m. on Tuesday.",
    "A 33-year-old man was arrested.",
    "The suspect, aged 45, was questioned.",
    "John Smith, 52, was arrested.",
    "He was 33 years old.",
    "He lives at 10 Downing Street.",
    "Call 555-1234 for details.",
    "Call (202) 555-0123 for details.",
    "Manchester United beat Chelsea 3-1.",
    "The team won the match 2-0 on Sunday.",
    "He is one of the leaders.",
    "One day he will return.",
    "He finished first in the 2nd round.",
    "The Security Council adopted Resolution 2728.",
    "The G7 met to discuss COVID-19.",
    "Ukraine asked for F-16 jets.",
    "The Boeing 737 is a popular plane.",
    "He served for three years.",
    "The talks lasted several days.",
    "He visited several times.",
    "The 1990s were calm.",
    "Several operations took place.",
    "A man walked into a bar.",
    "The season 2020-21 was cancelled.",
    "They were crushed 36-0 on Saturday.",
    "He missed the game after a two-game ban.",
    "Two-thirds of voters agreed.",
    "Two: is the minister planning to resign?",
    "Harry Styles, 23 and Jake Gyllenhaal, 26, arrived.",
    "The Ford Five Hundred was revived.",
    "Funding for type 1 diabetes research rose.",
    "The 2018 inductees were announced.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_nothing_is_a_figure(make: Make, text: str) -> None:
    assert [f.number.text for f in figures(make, text) if f.number] == []


def test_records_rules_and_ids(make: Make) -> None:
    found = figures(make, "At least 20 people were killed and 50 were wounded.")
    assert [f.id for f in found] == ["f1", "f2"]
    assert all(f.rule and "counts:" in f.rule for f in found)


def test_empty_text(make: Make) -> None:
    assert figures(make, "No numbers here.") == []


# -- the ISAF aggregation ------------------------------------------------------------------------------------
def _fig(value: float, counts: str, *, qualifier: str | None = None, additional: bool = False) -> Figure:
    low = value if qualifier != "nearly" else None
    return Figure(
        id="f1",
        value=value,
        low=low,
        counts=counts,
        qualifier=qualifier,
        additional=additional,
        evidence=Span(start=0, end=0, text=""),
    )


@pytest.mark.parametrize(
    ("figs", "expected"),
    [
        ([], 0),
        ([_fig(3, "killed"), _fig(3, "killed")], 3),  # a restatement
        ([_fig(1, "detained"), _fig(3, "detained", additional=True)], 4),
        ([_fig(30, "killed", qualifier="more than")], 31),
        ([_fig(5, "wounded")], 0),
    ],
)
def test_isaf_minimum(figs: list[Figure], expected: int) -> None:
    cats = frozenset({"killed", "detained"})
    assert minimum(figs, cats) == expected


def test_meantime_reader(shared_data: Path) -> None:
    from herald.eval.datasets.meantime_values import read_document

    files = sorted((shared_data / "meantime-en").glob("intra_cross-doc_annotation/*/*.xml"))
    if not files:
        pytest.skip("meantime-en is not present")
    text, values, region = read_document(files[0])
    assert region <= len(text)
    assert all(text[v.start : v.end] == v.text for v in values)


# Figures of one (issue: value-1 casualties with no source): (text, expected (value, counts) pairs).
ONES: list[tuple[str, list[tuple[float, str]]]] = [
    ("An insurgent was killed in the operation.", [(1.0, "killed")]),
    ("At least one person was killed.", [(1.0, "killed")]),
    ("Police arrested a suspect on Monday.", [(1.0, "arrested")]),
    # a negated "one" is no figure of one: it is a figure of zero (issue 11)
    ("No one was killed in the attack.", [(0.0, "killed")]),
    ("Not one person was arrested.", [(0.0, "arrested")]),
    # a definite person is one too (issue 11): "killed the Taliban leader", "killing him", "he was killed"
    ("He was killed in an air strike.", [(1.0, "killed")]),
    ("The force killed the Taliban leader, Alaudin.", [(1.0, "killed")]),
    ("The security force engaged the man, killing him.", [(1.0, "killed")]),
    ("He was elected in 2020.", []),
    ("The minister met the president on Monday.", []),
]


@pytest.mark.parametrize(("text", "expected"), ONES)
def test_figures_of_one(make: Make, text: str, expected: list[tuple[float, str]]) -> None:
    doc = make(text, published="2024-05-10")
    assert [(f.value, f.counts) for f in doc._.herald_figures] == expected
