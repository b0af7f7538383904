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
from ...schema import Actor, Event
from ..core import Dataset, Report, prf, register

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


def _code(country: str | None) -> str:
    """PLOVER 2.0 codes the UN (UNO) and the EU (EUR) apart from other IGOs; the CAMEO-era gold codes all of
    them IGO, so the two compare as IGO."""
    code = (country or "").upper()
    return "IGO" if code in ("UNO", "EUR") else code


def role_match(pred: list[Actor], gold: list[dict[str, Any]]) -> tuple[bool, bool | None]:
    """(country match, country+sector match or None when the gold gives no usable sector)."""
    codes = {str(g.get("code") or "").upper() for g in gold}
    country = any(_code(a.country) in codes for a in pred)
    with_sector = [
        g for g in gold if g.get("sector") and str(g["sector"])[:3].isalpha() and str(g["sector"]) != "***"
    ]
    if not with_sector:
        return country, None
    # "CIV" in the gold is CAMEO's civilian code, PLOVER's CVL
    pairs = {
        (str(g.get("code") or "").upper(), str(g["sector"])[:3].upper().replace("CIV", "CVL"))
        for g in with_sector
    }
    both = any(
        _code(a.country) == c and s in {x.upper() for x in ([a.sector] if a.sector else []) + a.sectors}
        for a in pred
        for c, s in pairs
    )
    return country, both


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
        role: dict[str, list[int]] = {
            "actor": [0, 0, 0, 0],
            "recipient": [0, 0, 0, 0],
        }  # country hits, n, both hits, n with sector
        for record, doc, gold in zip(records, docs, golds, strict=True):
            events = list(doc._.herald_events or [])
            actors = {a.id: a for a in doc._.herald_actors or []}
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
                c, b = role_match([actors[i] for i in ids if i in actors], gold_role)
                role[name][0] += c
                role[name][1] += 1
                if b is not None:
                    role[name][2] += b
                    role[name][3] += 1
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
        for name, (hits, k, both, kb) in role.items():
            report.add(name, "country", hits / k if k else 0.0, support=k)
            report.add(name, "country+sector", both / kb if kb else 0.0, support=kb)
        report.notes.append(
            "Gold types mapped to PLOVER 2.0: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, "
            "FIGHT->ASSAULT. No publication date; role match only where the main type is right."
        )
