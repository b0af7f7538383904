"""``re3d-relations``: who did it to whom, on third-party relation gold (Dstl RE3D, ``shared/data/re3d``).

RE3D annotates binary relations between entity mentions, each with a trigger span. Five of them are events
in PLOVER's sense; the others (CoLocated, BelongsTo, InChargeOf, HasAttrOf, IsSynonymOf, Apart) are states
and are left out. Rows with ``confidence >= 0.5`` only. Nobody on the project wrote or tuned this gold.

Compatible PLOVER types per relation (decided before any error was read):

- FightingAgainst (source = actor, target = recipient; or both among the actors: two-sided): material
  conflict ASSAULT, COERCE, MOBILIZE, SANCTION, PROTEST, and THREATEN;
- Dislikes (source = actor, target = recipient): verbal conflict ACCUSE, REJECT, THREATEN, REQUEST, and
  PROTEST, SANCTION;
- Likes (source = actor, target = recipient) and AlliesOf (symmetric: either way, or both among the
  actors): cooperation AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID;
- CommWith (symmetric): CONSULT, AGREE, SUPPORT, CONCEDE, REQUEST, COOPERATE, AID.

A symmetric relation annotated both ways with one trigger counts once. A Herald event is *near* a gold
relation when its trigger lies in the sentence of the gold trigger or one of its evidence spans (first
mention and later mentions) overlaps the gold trigger. A party matches a gold argument when one of the
actor record's mention spans overlaps the argument span (so a pronoun or description counts when the
actors stage linked it). Every event counts, whatever its flags (RE3D marks no modality).

Rows, as shares of the gold relations (overall, per relation type, per fold):
- ``found``: a near event of a compatible type with both parties in the right roles;
- ``pair-any-type``: the same with any type;
- ``actor-side``: a near compatible event with the source (symmetric: either party) among its actors;
- ``miss:<reason>``, the first that applies to a relation not found: ``no-event`` (no event near the
  trigger), ``wrong-type`` (events near, none of a compatible type), ``no-actor`` (compatible events near,
  none with an actor), ``wrong-actor`` (none with the source as actor), ``wrong-recipient`` (the actor is
  right, the target is not among the recipients).

Folds by document position in DEV order (sub-folders by name, file order inside): even positions are fold
``a`` (the *look* fold: its failures may be read), odd positions fold ``b`` (the *check* fold, never read).
``--details`` lists every relation not found with its reason, the sentence and the events near it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ...errors import DatasetError
from ...schema import Actor, Event
from ..core import Dataset, Report, register
from ._actors_common import overlaps, run_docs
from ._metrics import add_share

CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "THREATEN"})
VERBAL_CONFLICT = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "PROTEST", "SANCTION"})
COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID"})
COMPATIBLE: dict[str, frozenset[str]] = {
    "FightingAgainst": CONFLICT,
    "Dislikes": VERBAL_CONFLICT,
    "Likes": COOPERATION,
    "AlliesOf": COOPERATION,
    "CommWith": COOPERATION | {"REQUEST"},
}
SYMMETRIC = frozenset({"AlliesOf", "CommWith"})
TWO_SIDED = SYMMETRIC | {"FightingAgainst"}  # both parties among the actors also counts
REASONS = ("no-event", "wrong-type", "no-actor", "wrong-actor", "wrong-recipient")

Offsets = tuple[int, int]


@dataclass(frozen=True)
class Relation:
    """One gold relation: its type, trigger and argument spans (character offsets into the document)."""

    type: str
    trigger: Offsets
    source: Offsets
    target: Offsets
    value: str = ""
    source_text: str = ""
    target_text: str = ""


@dataclass
class PredEvent:
    """One Herald event reduced to what the matching reads: each party is the list of its mention spans."""

    type: str
    trigger: Offsets | None
    spans: list[Offsets]  # evidence of every mention
    actors: list[list[Offsets]]
    recipients: list[list[Offsets]]
    summary: str = ""


@dataclass
class Verdict:
    found: bool
    pair_any_type: bool
    actor_side: bool
    reason: str  # "ok" or one of REASONS
    near: list[PredEvent] = field(default_factory=list)


def _covers(party: list[Offsets], arg: Offsets) -> bool:
    return any(overlaps(m, arg) for m in party)


def _has(parties: list[list[Offsets]], arg: Offsets) -> bool:
    return any(_covers(p, arg) for p in parties)


def pair_ok(rel: Relation, e: PredEvent) -> bool:
    """Whether the event's parties hold the relation's source and target in the right roles."""
    if _has(e.actors, rel.source) and _has(e.recipients, rel.target):
        return True
    if rel.type in SYMMETRIC and _has(e.actors, rel.target) and _has(e.recipients, rel.source):
        return True
    return rel.type in TWO_SIDED and _two_actors(e.actors, rel.source, rel.target)


def _two_actors(actors: list[list[Offsets]], a: Offsets, b: Offsets) -> bool:
    """Two different actor records of the event cover the two arguments."""
    return any(
        _covers(p, a) and _covers(q, b) for i, p in enumerate(actors) for j, q in enumerate(actors) if i != j
    )


def actor_ok(rel: Relation, e: PredEvent) -> bool:
    if _has(e.actors, rel.source):
        return True
    return rel.type in SYMMETRIC and _has(e.actors, rel.target)


def is_near(rel: Relation, e: PredEvent, sentence: Offsets) -> bool:
    if e.trigger is not None and overlaps(e.trigger, sentence):
        return True
    return any(overlaps(s, rel.trigger) for s in e.spans)


def judge(rel: Relation, events: list[PredEvent], sentence: Offsets) -> Verdict:
    """Score one gold relation against the events of its document (``sentence``: the gold trigger's)."""
    near = [e for e in events if is_near(rel, e, sentence)]
    typed = [e for e in near if e.type in COMPATIBLE[rel.type]]
    found = any(pair_ok(rel, e) for e in typed)
    pair_any = any(pair_ok(rel, e) for e in near)
    side = any(actor_ok(rel, e) for e in typed)
    if found:
        reason = "ok"
    elif not near:
        reason = "no-event"
    elif not typed:
        reason = "wrong-type"
    elif not any(e.actors for e in typed):
        reason = "no-actor"
    elif not side:
        reason = "wrong-actor"
    else:
        reason = "wrong-recipient"
    return Verdict(found, pair_any, side, reason, near)


def fold_of(position: int) -> str:
    """Even document positions are the look fold ``a``, odd ones the check fold ``b``."""
    return "ab"[position % 2]


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_dev(path: Path) -> list[tuple[dict[str, Any], list[Relation]]]:
    """Documents in DEV order with their event relations (confidence >= 0.5; symmetric pairs once)."""
    folders = sorted(p for p in path.iterdir() if (p / "documents.json").is_file())
    if not folders:
        raise DatasetError(f"{path}: no <source>/documents.json. Point --path at the re3d folder.")
    out: list[tuple[dict[str, Any], list[Relation]]] = []
    for folder in folders:
        rels: dict[str, list[Relation]] = {}
        seen: set[tuple[str, str, Offsets, Offsets, Offsets]] = set()
        rows = _read(folder / "relations.json") if (folder / "relations.json").is_file() else []
        for r in rows:
            if r.get("type") not in COMPATIBLE or float(r.get("confidence", 0)) < 0.5:
                continue
            rel = Relation(
                str(r["type"]),
                (int(r["begin"]), int(r["end"])),
                (int(r["sourceBegin"]), int(r["sourceEnd"])),
                (int(r["targetBegin"]), int(r["targetEnd"])),
                str(r.get("value", "")),
                str(r.get("source", "")),
                str(r.get("target", "")),
            )
            doc = str(r["documentId"])
            key = (doc, rel.type, rel.trigger, rel.source, rel.target)
            back = (doc, rel.type, rel.trigger, rel.target, rel.source)
            if key in seen or (rel.type in SYMMETRIC and back in seen):
                continue
            seen.add(key)
            rels.setdefault(doc, []).append(rel)
        out += [(d, rels.get(str(d["_id"]), [])) for d in _read(folder / "documents.json")]
    return out


def pred_events(events: list[Event], actors: list[Actor]) -> list[PredEvent]:
    by_id = {a.id: a for a in actors}

    def parties(ids: list[str]) -> list[list[Offsets]]:
        return [[(m.start, m.end) for m in by_id[i].mentions] for i in ids if i in by_id]

    def names(ids: list[str]) -> str:
        return ",".join(by_id[i].name if i in by_id else i for i in ids) or "-"

    out: list[PredEvent] = []
    for e in events:
        trig = (e.trigger.start, e.trigger.end) if e.trigger else None
        spans = [(e.evidence.start, e.evidence.end), *((m.start, m.end) for m in e.mentions)]
        summary = f"{e.type} {names(e.actors)} -> {names(e.recipients)} ({e.rule})"
        out.append(PredEvent(e.type, trig, spans, parties(e.actors), parties(e.recipients), summary))
    return out


def sentence_of(doc: Doc, trigger: Offsets) -> Offsets:
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return trigger
    sent = span[0].sent
    return (sent.start_char, sent.end_char)


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    pair: int = 0
    side: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, v: Verdict) -> None:
        self.gold += 1
        self.found += v.found
        self.pair += v.pair_any_type
        self.side += v.actor_side
        if not v.found:
            self.reasons[v.reason] += 1

    def rows(self, report: Report, task: str, *, reasons: str | None = None) -> None:
        add_share(report, task, "found", self.found, self.gold)
        add_share(report, task, "pair-any-type", self.pair, self.gold)
        add_share(report, task, "actor-side", self.side, self.gold)
        if reasons is not None:
            for r in REASONS:
                add_share(report, f"miss{reasons}:{r}", "share", self.reasons[r], self.gold)


@register
class Re3dRelations(Dataset):
    name = "re3d-relations"
    folder = "re3d"
    description = "Dstl RE3D relations (DEV 50 docs): who did it to whom, third-party, untuned."
    tasks = ("relations",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        rows = read_dev(path)
        if limit:
            rows = rows[:limit]
        total = Tally()
        by_fold: dict[str, Tally] = {}
        by_type: dict[str, Tally] = {}
        docs = run_docs((str(d["text"]), None) for d, _ in rows)
        for pos, ((d, rels), doc) in enumerate(zip(rows, docs, strict=True)):
            events = pred_events(list(doc._.herald_events or []), list(doc._.herald_actors or []))
            text = str(d["text"])
            for rel in rels:
                sent = sentence_of(doc, rel.trigger)
                v = judge(rel, events, sent)
                for t in (
                    total,
                    by_fold.setdefault(fold_of(pos), Tally()),
                    by_type.setdefault(rel.type, Tally()),
                ):
                    t.add(v)
                if not v.found:
                    report.errors.append(
                        {
                            "fold": fold_of(pos),
                            "article": pos,
                            "reason": v.reason,
                            "type": rel.type,
                            "source": rel.source_text,
                            "target": rel.target_text,
                            "trigger": rel.value,
                            "near": [e.summary for e in v.near][:4],
                            "text": text[sent[0] : sent[1]][:240],
                        }
                    )
        report.documents = len(rows)
        total.rows(report, "relations", reasons="")
        for name in sorted(by_fold):
            by_fold[name].rows(report, f"relations@fold-{name}", reasons=f"@fold-{name}")
        for name in sorted(by_type):
            by_type[name].rows(report, f"type:{name}")
        report.notes.append(
            f"{total.found} of {total.gold} event relations found (compatible type, source and target in "
            "their roles); miss rows are shares of all relations (of the fold's, for miss@fold-*). "
            "relations@fold-a = documents at even positions (the look fold), relations@fold-b = odd "
            "positions (check fold, never read). "
            "--details --where fold=a lists the look fold's failures."
        )
