"""``meantime-crossdoc``: cross-document event coreference on MEANTIME (English Wikinews), pairwise.

Gold: every EVENT_MENTION that REFERS_TO an EVENT with a cross-document ``instance_id``. Two mentions in
different documents are a gold pair when they share the instance. Herald ingests the articles (publication
date = the creation time), fuses them, and says two gold mentions are the same event when the Herald events
whose triggers overlap them are in one fused event. Scored over every cross-document pair of gold mentions
("all": a mention Herald did not code counts against recall), and over the pairs whose two mentions Herald
coded ("coded": the fusion decisions alone). Baseline: same predicate lemma and same creation day.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from ...errors import DatasetError
from ..core import Dataset, Report, register
from .meantime_en import _dct


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int
    end: int
    lemma: str
    instance: str
    day: str | None


def read(path: Path) -> tuple[str, str | None, list[GoldMention]]:
    """(text, creation day, gold mentions with a cross-document instance) of one CAT file."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, last = 0, None
    for tok in root.iter("token"):
        if parts:
            parts.append("\n" if tok.get("sentence") != last else " ")
            pos += 1
        text = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        last = tok.get("sentence")
    day = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            found = _dct(tx.get("value", ""))
            day = found.isoformat() if found else None
    instances = {e.get("m_id"): e.get("instance_id") for e in root.iter("EVENT") if e.get("instance_id")}
    refers: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        for src in rel.findall("source"):
            refers[src.get("m_id", "")] = str(instances[target.get("m_id")])
    doc = root.get("doc_id", path.stem)
    mentions = []
    for m in root.iter("EVENT_MENTION"):
        inst = refers.get(m.get("m_id", ""))
        spans = [
            offsets[a.get("t_id", "")] for a in m.findall("token_anchor") if a.get("t_id", "") in offsets
        ]
        if inst and spans:
            mentions.append(
                GoldMention(
                    doc, min(s[0] for s in spans), max(s[1] for s in spans), m.get("pred") or "", inst, day
                )
            )
    return "".join(parts), day, mentions


def pair_scores(mentions: list[GoldMention], same: Mapping[GoldMention, str | None]) -> tuple[int, int, int]:
    """(tp, fp, fn) over cross-document pairs; ``same[m]`` is the cluster a system puts ``m``
    in (None: none)."""
    tp = fp = fn = 0
    for a, b in combinations(mentions, 2):
        if a.doc == b.doc:
            continue
        gold = a.instance == b.instance
        sys = same.get(a) is not None and same.get(a) == same.get(b)
        tp += gold and sys
        fp += sys and not gold
        fn += gold and not sys
    return tp, fp, fn


@register
class MeantimeCrossdoc(Dataset):
    name = "meantime-crossdoc"
    folder = "meantime-en"
    description = (
        "MEANTIME English: cross-document event coreference (pairwise), fused events vs same-lemma-same-day"
    )
    tasks = ("fusion",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        from ...corpus.ingest import ingest_items
        from ...corpus.store import open_store
        from ...inputs import ArticleInput

        files = sorted(f for f in path.glob("**/corpus_*/*.xml"))[:limit]
        if not files:
            raise DatasetError(f"{path}: no MEANTIME CAT files under intra_cross-doc_annotation/corpus_*/.")
        docs = {}
        for f in files:
            text, day, ms = read(f)
            docs[ms[0].doc if ms else f.stem] = (text, day, ms)
        mentions = [m for _, _, ms in docs.values() for m in ms]
        report.documents = len(docs)
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "meantime.db") as store:
            items = [
                ArticleInput(text=t, id=doc, published=day, source=doc.split("_")[0])
                for doc, (t, day, _) in docs.items()
            ]
            ingest_items(store, items, workers=1)
            from ...corpus.fusion import fuse

            fuse(store.conn)
            events: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
            for r in store.conn.execute(
                "SELECT a.id, e.trigger_start, e.trigger_end, m.fused_id FROM events e "
                "JOIN articles a ON a.key = e.article LEFT JOIN fused_members m ON m.mention = e.uid"
            ):
                events[r[0]].append((r[1], r[2], r[3]))
        fused: dict[GoldMention, str | None] = {}
        for m in mentions:
            hits = [
                f for s, e, f in events.get(m.doc, []) if s is not None and s < m.end and m.start < e and f
            ]
            fused[m] = hits[0] if hits else None
        baseline = {m: f"{m.lemma}|{m.day}" for m in mentions}
        coded = [m for m in mentions if fused[m]]
        for scope, subset in (("all gold mentions", mentions), ("mentions Herald coded", coded)):
            counts = pair_scores(subset, fused)
            report.add_prf(f"cross-doc pairs ({scope})", *counts)
            report.notes.append(f"herald, {scope}: tp {counts[0]}, fp {counts[1]}, fn {counts[2]} (pairs)")
            report.add_prf(
                f"cross-doc pairs ({scope})", *pair_scores(subset, baseline), system="same-lemma-same-day"
            )
        instances = {m.instance for m in mentions}
        cross = {i for i in instances if len({m.doc for m in mentions if m.instance == i}) > 1}
        report.notes.append(
            f"{len(mentions)} gold event mentions with an instance ({len(instances)} instances, "
            f"{len(cross)} in "
            f"more than one document); Herald coded a PLOVER event on {len(coded)} of them."
        )
        report.notes.append("MEANTIME is business news (Airbus, Apple, GM, stocks): few PLOVER events.")
