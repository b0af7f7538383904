"""``herald eval NAME --details``: the per-failure lines of a report (library: herald.eval.details)."""

from __future__ import annotations

from typing import Any

import pytest

from herald.eval import Report
from herald.eval.details import error_lines


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([], []),  # nothing recorded: nothing printed
        (
            [{"article": 25, "gold": "E3", "type": "SUPPORT", "gold_actor": ["tribal elders", "tribes"]}],
            ["article=25  gold=E3  type=SUPPORT  gold_actor=tribal elders ; tribes"],
        ),
        (
            [{"gold": "E1", "candidates": ["SUPPORT ['pak'] verb:thank", "AGREE ['coas'] verb:offer"]}],
            ["gold=E1  candidates=SUPPORT ['pak'] verb:thank ; AGREE ['coas'] verb:offer"],
        ),
    ],
)
def test_error_lines(errors: list[dict[str, Any]], expected: list[str]) -> None:
    report = Report(dataset="x", path="x", errors=errors)
    assert error_lines(report) == expected


def test_error_lines_filter_and_cut() -> None:
    report = Report(dataset="x", path="x", errors=[{"pred": "ACCUSE", "text": "y" * 50}, {"gold": "E2"}])
    assert error_lines(report, keep=lambda e: "gold" in e) == ["gold=E2"]
    (line,) = error_lines(report, keep=lambda e: "pred" in e, width=20)
    assert len(line) == 20 and line.endswith("…")
