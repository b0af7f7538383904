"""``isaf-events``: ISAF press releases (DEV), event types where they map onto PLOVER 2.0.

Release-level scoring: the gold ``event_type`` labels are mapped to the PLOVER types they imply
(``detention`` -> COERCE; ``insurgentskilled``, ``civiliancasualty``, ``exchangeoffire`` -> ASSAULT;
``captureandkill`` -> COERCE and ASSAULT; ``airstrike`` -> ASSAULT, and the ``airstrike`` flag -> ASSAULT
with mode ``aerial``). A release is predicted to contain a type when Herald codes at least one event of that
type that is not negated or hypothetical. Precision, recall and F1 per mapped type, over releases.
Baseline ``always``: predicts every type for every release (recall 1).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...schema import Event
from ..core import Dataset, Report, register
from ._isaf import read_and_run

GOLD_MAP: dict[str, tuple[str, ...]] = {
    "detention": ("COERCE",),
    "insurgentskilled": ("ASSAULT",),
    "civiliancasualty": ("ASSAULT",),
    "exchangeoffire": ("ASSAULT",),
    "captureandkill": ("COERCE", "ASSAULT"),
    "airstrike": ("ASSAULT",),
}
LABELS = ("COERCE", "ASSAULT", "ASSAULT/aerial")


def gold_labels(gold: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for raw in gold.get("event_type") or []:
        for t in str(raw).split(";"):
            out.update(GOLD_MAP.get(t.strip(), ()))
    if gold.get("airstrike") is True or any("airstrike" in str(t) for t in gold.get("event_type") or []):
        out.add("ASSAULT/aerial")
    return out


def predicted_labels(events: list[Event]) -> set[str]:
    out: set[str] = set()
    for e in events:
        if e.negated or e.hypothetical:
            continue
        out.add(e.type)
        if e.type == "ASSAULT" and e.mode in ("aerial", "drone"):
            out.add("ASSAULT/aerial")
    return out


@register
class IsafEvents(Dataset):
    name = "isaf-events"
    description = "ISAF press releases (DEV): release-level PLOVER types mapped from the ISAF event types."
    tasks = ("events",)
    folder = "isaf-press-releases"

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        rows, docs = read_and_run(path, limit)
        counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
        always = {label: [0, 0, 0] for label in LABELS}
        for row, doc in zip(rows, docs, strict=True):
            gold = gold_labels(row["gold"])
            pred = predicted_labels(list(doc._.herald_events or []))
            for label in LABELS:
                g, p = label in gold, label in pred
                counts[label][0] += g and p
                counts[label][1] += p and not g
                counts[label][2] += g and not p
                always[label][0] += g
                always[label][1] += not g
            if (gold ^ pred) and len(report.errors) < 40:
                report.errors.append(
                    {
                        "line": row.get("source_line"),
                        "gold": sorted(gold),
                        "pred": sorted(pred),
                        "text": row["text"][:200],
                    }
                )
        report.documents = len(rows)
        for label in LABELS:
            report.add_prf(f"type:{label}", *counts[label])
            report.add_prf(f"type:{label}", *always[label], system="always")
        report.notes.append(
            "Gold ISAF event types mapped to PLOVER 2.0 types (see module docstring); "
            "release-level presence of each type."
        )
