"""Figures of zero ("No one was killed"), background totals flagged ``historical``, and separate tolls kept
separate (issue 11)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from herald.eval.datasets.isaf_figures import KILLED, minimum
from herald.schema import Figure

Make = Callable[..., Doc]


def figures(make: Make, text: str) -> list[Figure]:
    doc = make(text, published="2024-04-30")
    found = list(doc._.herald_figures or [])
    for f in found:
        assert f.number is not None and f.number.text == text[f.number.start : f.number.end]
    return found


# (text, number span, counts)
ZERO = [
    ("No one was killed in the attack, police said.", "No one", "killed"),
    ("Nobody was hurt in the blast.", "Nobody", "wounded"),
    ("There were no casualties, the army said.", "no", "casualties"),
    ("None were killed when the shell hit the school.", "None", "killed"),
    ("Not one soldier was arrested.", "Not one", "arrested"),
    ("Not a single civilian was killed.", "Not a single", "killed"),
]


@pytest.mark.parametrize(("text", "number", "counts"), ZERO)
def test_no_one_is_zero(make: Make, text: str, number: str, counts: str) -> None:
    found = [f for f in figures(make, text) if f.number is not None and f.number.text == number]
    assert found, [f.number.text for f in figures(make, text) if f.number]
    assert found[0].value == 0 and found[0].counts == counts
    assert "zero:" in (found[0].rule or "")


# Negations that are no figure of zero: a qualifier, a category Herald does not count, no count at all.
NOT_ZERO = [
    "No more than 20 people were killed.",
    "There is no doubt the talks will resume.",
    "No decision was taken on Monday.",
    "The minister said no.",
    "No one knows what happened.",
    "Not one of them spoke.",
]


@pytest.mark.parametrize("text", NOT_ZERO)
def test_negation_without_zero_figure(make: Make, text: str) -> None:
    assert not [f for f in figures(make, text) if f.value == 0]


# (text, number span, historical)
TOTAL = "Three soldiers were killed on Monday. Since the start of the year, 120 soldiers have died."
BACKGROUND = [
    ("The war has killed more than 500,000 people since 2011.", "more than 500,000", True),
    (TOTAL, "120", True),
    (TOTAL, "Three", False),
    ("So far this year, 40 journalists have been killed.", "40", True),
    ("The commander is linked to an attack that killed four soldiers last year.", "four", True),
    ("Police said 12 people were killed in the blast on Tuesday.", "12", False),
    ("The airstrike killed 12 insurgents, officials said.", "12", False),
]


@pytest.mark.parametrize(("text", "number", "historical"), BACKGROUND)
def test_background_totals(make: Make, text: str, number: str, historical: bool) -> None:
    found = [f for f in figures(make, text) if f.number is not None and f.number.text == number]
    assert found, [f.number.text for f in figures(make, text) if f.number]
    assert found[0].historical is historical, found[0].rule


# (text, the killed values in any order): separate tolls of one report, never summed
SEPARATE = [
    ("Four civilians died in Aleppo on Monday; in Idlib, six rebels were killed.", [4.0, 6.0]),
    ("An airstrike killed five insurgents, and a roadside bomb killed two soldiers.", [2.0, 5.0]),
    pytest.param(
        "Police said three protesters were killed in Lagos and two in Abuja.",
        [2.0, 3.0],
        marks=pytest.mark.xfail(
            reason="an elided verb ('and two in Abuja') leaves the second toll uncounted"
        ),
    ),
]


@pytest.mark.parametrize(("text", "values"), SEPARATE)
def test_separate_tolls_rows(make: Make, text: str, values: list[float]) -> None:
    killed = [f for f in figures(make, text) if f.counts == "killed" and f.value is not None]
    assert sorted(f.value for f in killed if f.value is not None) == values
    assert not [f for f in figures(make, text) if f.value == sum(values)]


ZERO_MORE = [
    ("No casualties were reported after the shelling.", "casualties"),
    ("No one was injured when the building collapsed.", "wounded"),
]


@pytest.mark.parametrize(("text", "counts"), ZERO_MORE)
def test_zero_rows(make: Make, text: str, counts: str) -> None:
    assert [(f.value, f.counts) for f in figures(make, text)] == [(0.0, counts)]


def test_separate_tolls_stay_separate(make: Make) -> None:
    text = "Two soldiers were killed in Kandahar and three policemen died in Helmand."
    killed = [f for f in figures(make, text) if f.counts == "killed"]
    assert sorted(f.value for f in killed if f.value is not None) == [2.0, 3.0]
    assert not [f for f in figures(make, text) if f.value == 5]  # no sum the text does not give


# (text, the (number, counts) pairs): a total counts only where the text states it, as what it sums
TOTALS = [
    (
        "Two soldiers were killed in Kandahar and three policemen died in Helmand, "
        "bringing the total to five.",
        [("Two", "killed"), ("three", "killed"), ("five", "killed")],
    ),
    (
        "Two soldiers were killed on Monday, bringing the death toll to 40.",
        [("Two", "killed"), ("40", "killed")],
    ),
    ("The total rose to 12.", [("12", "other")]),
]


@pytest.mark.parametrize(("text", "expected"), TOTALS)
def test_stated_totals(make: Make, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.number.text if f.number else None, f.counts) for f in figures(make, text)] == expected


def test_release_minimum_leaves_background_out(make: Make) -> None:
    text = (
        "Coalition forces killed two insurgents in Kandahar on Monday. "
        "Since June, the forces have killed more than 80 insurgents in the province."
    )
    assert minimum(figures(make, text), KILLED) == 2
