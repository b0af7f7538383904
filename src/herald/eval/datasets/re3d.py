"""``re3d``: conflict-domain entity mentions (Dstl RE3D, ``shared/data/re3d``), mention detection by type.

Gold rows with ``confidence >= 0.5`` of the types that are actors: Person, Organisation (in RE3D it includes
countries acting as states: "Syria has accused Israel") and Nationality. Herald's actor mentions are typed by
the actor: person -> Person, a demonym used as a noun ("Syrians") -> Nationality, anything else ->
Organisation (pronoun and group-reference mentions included: RE3D annotates pronouns). One-to-one overlap
matching.

Tasks: ``Person``, ``Organisation``, ``Nationality`` (typed), ``actor-mentions`` (the three together, type
ignored). Baseline ``spacy-ner``: the model's PERSON -> Person, ORG -> Organisation, NORP -> Nationality,
GPE -> Organisation.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import DatasetError
from ..core import Dataset, Report, register
from ._actors_common import overlaps, run_docs

TYPES = ("Person", "Organisation", "Nationality")
NER_TYPES = {"PERSON": "Person", "ORG": "Organisation", "NORP": "Nationality", "GPE": "Organisation"}


def _read(path: Path, name: str) -> list[dict[str, object]]:
    with (path / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _score(
    gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]], typed: bool
) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for ps, pe, pt in pred:
        for i, (gs, ge, gt) in enumerate(gold):
            if i in used or (typed and gt != pt):
                continue
            if overlaps((ps, pe), (gs, ge)):
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - tp


@register
class Re3d(Dataset):
    name = "re3d"
    description = "Dstl RE3D (DEV 50 docs, Syria/Iraq conflict): Person/Organisation/Nationality mentions."
    tasks = (*TYPES, "actor-mentions")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        folders = sorted(p for p in path.iterdir() if (p / "documents.json").is_file())
        if not folders:
            raise DatasetError(f"{path}: no <source>/documents.json (see the dataset README).")
        docs: list[dict[str, object]] = []
        ents: dict[str, list[tuple[int, int, str]]] = {}
        for folder in folders:
            docs += _read(folder, "documents.json")
            for row in _read(folder, "entities.json"):
                if float(row.get("confidence", 0)) >= 0.5 and row["type"] in TYPES:  # type: ignore[arg-type]
                    ents.setdefault(str(row["documentId"]), []).append(
                        (int(row["begin"]), int(row["end"]), str(row["type"]))  # type: ignore[call-overload]
                    )
        if limit:
            docs = docs[:limit]
        totals: dict[tuple[str, str], list[int]] = {}

        def add(system: str, task: str, c: tuple[int, int, int]) -> None:
            t = totals.setdefault((system, task), [0, 0, 0])
            for i in range(3):
                t[i] += c[i]

        for row, doc in zip(docs, run_docs((str(d["text"]), None) for d in docs), strict=True):
            gold = sorted(set(ents.get(str(row["_id"]), [])))
            pred: list[tuple[int, int, str]] = []
            for a in doc._.herald_actors or []:
                for m in a.mentions:
                    kind = (
                        "Person"
                        if a.kind == "person"
                        else (
                            "Nationality" if (a.rule or "").startswith("demonym-people") else "Organisation"
                        )
                    )
                    pred.append((m.start, m.end, kind))
            base = [
                (e.start_char, e.end_char, NER_TYPES[e.label_]) for e in doc.ents if e.label_ in NER_TYPES
            ]
            for system, p in (("herald", pred), ("spacy-ner", base)):
                for t in TYPES:
                    add(system, t, _score([g for g in gold if g[2] == t], [x for x in p if x[2] == t], True))
                add(system, "actor-mentions", _score(gold, p, False))
            if len(report.errors) < 80:
                for gs, ge, gt in gold:
                    if not any(overlaps((gs, ge), (ps, pe)) for ps, pe, _ in pred):
                        report.errors.append({"doc": row["_id"], "miss": str(row["text"])[gs:ge], "type": gt})
                for ps, pe, pt in pred:
                    if not any(overlaps((gs, ge), (ps, pe)) for gs, ge, _ in gold):
                        report.errors.append(
                            {"doc": row["_id"], "false": str(row["text"])[ps:pe], "type": pt}
                        )
            report.documents += 1
        for (system, task), (tp, fp, fn) in totals.items():
            report.add_prf(task, tp, fp, fn, system=system)
        report.notes.append(
            "Gold rows with confidence >= 0.5; one-to-one overlap matching; pronouns not scored."
        )
