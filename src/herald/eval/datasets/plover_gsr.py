"""``plover-gsr``: PLOVER gold standard records (sentence-level CAMEO-manual examples, PLOVER 0.5b1).

Gold types are mapped to PLOVER 2.0 before scoring (DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE,
FIGHT->ASSAULT). Each sentence is run through the full pipeline without a publication date (the examples are
~2000; historical flags do not remove events). Herald's *main* event of a sentence is the one whose trigger is
closest to the root of the parse (ties: the most confident); flagged events (negated, hypothetical, future,
historical) count like others.

- ``type@conf>=T``: precision of the main type on sentences whose main event has confidence >= T, and the
  share of sentences kept (calibration).
- ``type`` accuracy over sentences: a sentence with no event counts as wrong; also per-type P/R/F1 and
  macro-F1 over the 16 types present in the gold; ``type-any``: some event of the sentence has the gold type.
- ``actor`` / ``recipient``: on sentences whose main type is right and whose gold role is non-empty, whether a
  predicted actor has a gold country code (``country``) and, where the gold gives a sector, country and sector
  (``country+sector``). For CONSULT, gold source and target are pooled (PLOVER 2.0 codes the parties of an
  unhosted meeting all as actors, the 0.5b1 gold splits them).
Baseline ``majority``: always the most frequent gold type.

``type@fold-k`` (k = 1..5, records dealt round-robin by position): type accuracy per fold, with the mean and
the spread. The coder has no parameter fitted to these sentences — no weights, no threshold chosen on them —
so "tune on k-1 folds, score the rest" has nothing to tune: each fold's figure is already an out-of-fold
figure, and the spread says how much the accuracy moves between subsets of ~33 sentences. It does *not*
measure lexicon fitting: entries written while reading these sentences help every fold alike, which is why
the held-out TEST figure is the one to trust for generalisation.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ...errors import DatasetError
from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ...schema import Event
from ..core import Dataset, Report, prf, register
from ..roles import RoleCase, fold_scores, gold_parties, role_case, tally

TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def gold_type(record: dict[str, Any]) -> str:
    t = str(record.get("event", "")).upper()
    return TYPE_MAP.get(t, t)


def _entities(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def _depth(doc: Doc, event: Event) -> int:
    span = (
        doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if event.trigger
        else None
    )
    if span is None:
        return 99
    tok, d = span.root, 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def main_event(events: list[Event], doc: Doc | None = None) -> Event | None:
    """The sentence's main event: the trigger closest to the root of the parse, then the most confident."""
    if not events:
        return None
    return sorted(events, key=lambda e: (_depth(doc, e) if doc is not None else 0, -e.confidence))[0]


FOLDS = 5


def add_folds(report: Report, preds: list[str | None], golds: list[str], k: int = FOLDS) -> None:
    """Per-fold type accuracy (records dealt round-robin), its mean and its spread (max - min)."""
    accs: list[float] = []
    for f in range(k):
        pairs = [(p, g) for i, (p, g) in enumerate(zip(preds, golds, strict=True)) if i % k == f]
        if pairs:
            accs.append(sum(p == g for p, g in pairs) / len(pairs))
            report.add(f"type@fold-{f + 1}", "accuracy", accs[-1], support=len(pairs))
    if accs:
        report.add("type@k-fold", "mean accuracy", sum(accs) / len(accs), support=len(preds))
        report.add("type@k-fold", "spread", max(accs) - min(accs), support=len(accs))


def add_role_figures(report: Report, cases: list[tuple[int, RoleCase]], k: int = FOLDS) -> None:
    """Actor/recipient country and country+sector accuracy, overall and per fold (records dealt round-robin
    as for type), the failure reasons (shares of the role's cases) and the per-case listing (``details``)."""
    for name in ("actor", "recipient"):
        mine = [c for _, c in cases if c.role == name]
        sect = [c for c in mine if c.both_ok is not None]
        report.add(
            name, "country", sum(c.country_ok for c in mine) / len(mine) if mine else 0.0, support=len(mine)
        )
        report.add(
            name,
            "country+sector",
            sum(bool(c.both_ok) for c in sect) / len(sect) if sect else 0.0,
            support=len(sect),
        )
    for name, rows in fold_scores(cases, k).items():
        for f, (_, _, both, kb) in enumerate(rows):
            report.add(f"{name}@fold-{f + 1}", "country+sector", both, support=kb)
        values = [r[2] for r in rows if r[3]]
        if values:
            report.add(f"{name}@k-fold", "mean country+sector", sum(values) / len(values), support=len(rows))
            report.add(f"{name}@k-fold", "spread", max(values) - min(values), support=len(rows))
    for name, counts in tally(c for _, c in cases).items():
        total = sum(counts.values())
        for reason, count in sorted(counts.items()):
            if reason != "ok":
                report.add(f"{name}:{reason}", "share", count / total, support=count)
    report.details.extend(c.as_dict() | {"line": c.line()} for _, c in cases if c.reason != "ok")


def read_records(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.dev.json")) or sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise DatasetError(f"{path}: no PLOVER_GSR_CAMEO*.json file. Point --path at the plover-gsr folder.")
    data = json.loads(files[0].read_text(encoding="utf-8"))
    return [
        r for r in data if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT") and r.get("text")
    ]


@register
class PloverGsr(Dataset):
    name = "plover-gsr"
    description = "PLOVER gold standard records (DEV): event type accuracy, macro-F1, actor/recipient match."
    tasks = ("events",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        records = read_records(path)
        if limit:
            records = records[:limit]
        nlp = load()
        docs = nlp.pipe(make_doc(nlp, ArticleInput(text=r["text"].strip().strip("{}"))) for r in records)
        golds = [gold_type(r) for r in records]
        majority = Counter(golds).most_common(1)[0][0] if golds else ""
        preds: list[str | None] = []
        confs: list[float] = []
        any_hits = 0
        cases: list[tuple[int, RoleCase]] = []
        for i, (record, doc, gold) in enumerate(zip(records, docs, golds, strict=True)):
            events = list(doc._.herald_events or [])
            every = list(doc._.herald_actors or [])
            actors = {a.id: a for a in every}
            main = main_event(events, doc)
            pred = main.type if main else None
            preds.append(pred)
            confs.append(main.confidence if main else 0.0)
            any_hits += any(e.type == gold for e in events)
            if pred != gold:
                if len(report.errors) < 60:
                    report.errors.append(
                        {
                            "id": record.get("id"),
                            "gold": gold,
                            "pred": pred,
                            "all": [e.type for e in events],
                            "rule": main.rule if main else None,
                            "text": record["text"][:160],
                        }
                    )
                continue
            assert main is not None
            src, tgt = _entities(record.get("source")), _entities(record.get("target"))
            if gold == "CONSULT":
                src = tgt = src + tgt
            for name, gold_role, ids in (("actor", src, main.actors), ("recipient", tgt, main.recipients)):
                if not gold_role:
                    continue
                if gold == "CONSULT":
                    ids = main.actors + main.recipients
                case = role_case(
                    str(record.get("id")),
                    name,
                    gold,
                    doc.text,
                    gold_parties(gold_role, doc.text),
                    [actors[i] for i in ids if i in actors],
                    every,
                )
                cases.append((i, case))
        n = len(records)
        report.documents = n
        correct = sum(p == g for p, g in zip(preds, golds, strict=True))
        report.add("type", "accuracy", correct / n if n else 0.0, support=n)
        report.add(
            "type",
            "accuracy",
            sum(g == majority for g in golds) / n if n else 0.0,
            system="majority",
            support=n,
        )
        report.add("type-any", "recall", any_hits / n if n else 0.0, support=n)
        report.add(
            "type",
            "coverage",
            sum(p is not None for p in preds) / n if n else 0.0,
            support=n,
            note="share of sentences with at least one event",
        )
        for cut in (0.5, 0.7, 0.8):  # calibration: how precise the main event is above a confidence threshold
            kept = [(p, g) for p, g, c in zip(preds, golds, confs, strict=True) if p is not None and c >= cut]
            ok = sum(p == g for p, g in kept)
            report.add(f"type@conf>={cut}", "precision", ok / len(kept) if kept else 0.0, support=len(kept))
            report.add(f"type@conf>={cut}", "coverage", len(kept) / n if n else 0.0, support=n)
        f1s, f1s_major = [], []
        for t in sorted(set(golds)):
            tp = sum(p == t and g == t for p, g in zip(preds, golds, strict=True))
            fp = sum(p == t and g != t for p, g in zip(preds, golds, strict=True))
            fn = sum(p != t and g == t for p, g in zip(preds, golds, strict=True))
            f1s.append(prf(tp, fp, fn)[2])
            report.add(f"type:{t}", "f1", prf(tp, fp, fn)[2], support=tp + fn)
            support = sum(g == t for g in golds)
            f1s_major.append(prf(support, n - support, 0)[2] if t == majority else 0.0)
        report.add("type", "macro-f1", sum(f1s) / len(f1s) if f1s else 0.0, support=n)
        add_folds(report, preds, golds)
        report.add(
            "type",
            "macro-f1",
            sum(f1s_major) / len(f1s_major) if f1s_major else 0.0,
            system="majority",
            support=n,
        )
        add_role_figures(report, cases)
        report.notes.append(
            "Gold types mapped to PLOVER 2.0: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, "
            "FIGHT->ASSAULT. No publication date; role match only where the main type is right."
        )
