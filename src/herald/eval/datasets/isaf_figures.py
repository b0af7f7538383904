"""``isaf-figures``: minimum number killed and captured per ISAF press release (exact match).

Herald's figures are aggregated per release (see :func:`minimum`): ``min_killed`` from the ``killed`` figures,
``min_captured`` from the ``arrested``/``detained``/``abducted`` ones. Figures marked ``historical``
(background totals such as "have detained more than 35 leaders since June") are left out.
Baseline ``zero``: always 0, the majority answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ...schema import Figure
from ..core import Dataset, Report, register
from ._isaf import read_and_run
from ._metrics import add_share

KILLED = frozenset({"killed"})
CAPTURED = frozenset({"arrested", "detained", "abducted"})


# Exclusive lower bounds of whole counts: "more than 30" means at least 31 (the corpus codes it so).
EXCLUSIVE = frozenset(
    {"more than", "over", "above", "upwards of", "in excess of", "exceeding", "well over", "just over"}
)


def minimum(figures: Iterable[Figure], categories: frozenset[str]) -> int:
    """The release-level minimum from the figures counting these categories, in text order: a figure marked
    ``additional`` ("two more") adds to the running total, any other one restates it (the total becomes the
    larger of the two). A figure's minimum is its ``low`` bound, else its value. Background figures
    (``historical``: totals since a date, tolls of earlier attacks) are not the release's own toll."""
    total = 0.0
    for f in figures:
        if f.counts not in categories or f.historical:
            continue
        v = f.low if f.low is not None else f.value
        if v is None:
            continue
        if f.qualifier in EXCLUSIVE and float(v).is_integer():
            v += 1
        total = total + v if f.additional else max(total, v)
    return int(total)


@register
class IsafFigures(Dataset):
    name = "isaf-figures"
    description = "ISAF press releases (DEV): minimum killed / captured per release, exact match."
    tasks = ("figures",)
    folder = "isaf-press-releases"

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        rows, docs = read_and_run(path, limit)
        hits = {"killed": 0, "captured": 0}
        zero = {"killed": 0, "captured": 0}
        nonzero = {"killed": [0, 0], "captured": [0, 0]}  # correct, total among gold > 0
        for row, doc in zip(rows, docs, strict=True):
            figures = list(doc._.herald_figures or [])
            gold = row["gold"]
            for task, key, cats in (("killed", "min_killed", KILLED), ("captured", "min_captured", CAPTURED)):
                want = int(gold.get(key) or 0)
                got = minimum(figures, cats)
                hits[task] += got == want
                zero[task] += want == 0
                if want > 0:
                    nonzero[task][0] += got == want
                    nonzero[task][1] += 1
                if got != want and len(report.errors) < 60:
                    report.errors.append(
                        {
                            "line": row.get("source_line"),
                            "task": task,
                            "gold": want,
                            "herald": got,
                            "figures": [
                                f"{f.number.text if f.number else f.value}:{f.counts}"
                                for f in figures
                                if f.counts in cats
                            ],
                        }
                    )
        n = len(rows)
        report.documents = n
        for task in ("killed", "captured"):
            add_share(report, f"min_{task}", "accuracy", hits[task], n)
            add_share(report, f"min_{task}", "accuracy", zero[task], n, system="zero")
            c, t = nonzero[task]
            note = "only releases whose gold minimum is > 0"
            add_share(report, f"min_{task}", "accuracy_gold_nonzero", c, t, note=note)
