"""``news-fair-v2``: Wikidata linking of actor mentions (ELEVANT News-Fair v2, ``shared/data/news-fair-v2``).

Only each article's ``evaluation_span`` is exhaustively annotated, so gold labels and Herald's mentions are
both restricted to it. The publication date is the title's ``YYYYMMDD`` prefix (office holders depend on it).

A Herald mention counts as a true positive when it overlaps a gold label with the same QID (each gold label is
matched once); a linked Herald mention that matches nothing is a false positive. Herald's mentions are often
wider than the gold ones ("Chinese foreign ministry spokesman Lin Jian" vs "Lin Jian"): overlap matching.

Tasks:
- ``linking``: every gold label with a QID (incl. coreferent pronouns) vs every linked Herald mention;
- ``linking-named``: gold labels that are not coreference mentions;
- ``linking-kb``: gold labels whose QID is in Herald's curated KB (what the KB is meant to cover: states,
  IGOs, groups, office holders...) vs the predictions linked to the curated KB — recall here measures the
  rules, not the coverage;
- ``recall-<type>``: recall of ``linking`` by gold Wikidata type (person, organization, geographic);
- baseline ``ner-kb-lookup`` (tasks ``linking``, ``linking-kb``): spaCy's entities looked up verbatim among
  the KB's names and aliases — what the rules (roles, capitals as agents, office holders, references, states
  named as locations left out) change;
- ``linking-kb-bulk``: the same with the bulk tables' Wikidata ids added (curated + bulk coverage);
- ``linking-with-places``: ``linking`` with places counted too (countries, first-level divisions and large
  towns carry a Wikidata id), where no actor mention covers them; ``recall-<type>-with-places`` by type
  (News-Fair types towns and US states as organisations too);
- ``failure-<kind>``: each missed person/organisation label by cause: ``not-in-kb`` (its id is in neither
  the curated nor the bulk KB), ``in-kb-missed`` (in the KB, no linked mention on it), ``wrong-candidate``
  (a linked mention on it carries another id);
- ``detection-person-org``: any Herald actor mention (linked or not) overlapping a gold person/organization
  label, ids ignored (recall; precision is not defined since gold labels all entity types).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ...errors import DatasetError
from ...pipeline import load
from ...schema import Actor, Span
from ...stages.s2_actors.kb import load_kb
from ...stages.s2_actors.kb_index import bulk_index
from ..core import Dataset, Report, register
from ._actors_common import PredMention, mentions_of, overlaps, run_docs

PERSON, ORG, GEO = "Q215627", "Q43229", "Q27096213"
_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})\b")


def _published(title: str) -> str | None:
    m = _DATE.match(title or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _type_of(label: dict[str, object]) -> str | None:
    types = str(label.get("type", "")).split("|")
    if PERSON in types:
        return "person"
    if ORG in types:
        return "organization"
    if GEO in types:
        return "geographic"
    return None


@register
class NewsFairV2(Dataset):
    name = "news-fair-v2"
    description = "ELEVANT News-Fair v2 (DEV 40 articles): actor mentions linked to Wikidata."
    tasks = (
        "linking",
        "linking-named",
        "linking-kb",
        "linking-kb-bulk",
        "linking-with-places",
        "detection-person-org",
    )

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise DatasetError(f"{path}: no *.jsonl benchmark file (see the dataset README).")
        rows = []
        for f in files:
            with f.open(encoding="utf-8") as fh:
                rows += [json.loads(line) for line in fh if line.strip()]
        if limit:
            rows = rows[:limit]
        kb_qids = {e.wikidata for e in load_kb() if e.wikidata}
        index = bulk_index()
        all_qids = kb_qids | (index.qids() if index is not None else set())
        failures: dict[str, int] = {"not-in-kb": 0, "in-kb-missed": 0, "wrong-candidate": 0}
        counts: dict[str, list[int]] = {}
        per_type: dict[str, list[int]] = {}
        per_type_places: dict[str, list[int]] = {}
        det = [0, 0]

        def add(task: str, tp: int, fp: int, fn: int) -> None:
            c = counts.setdefault(task, [0, 0, 0])
            c[0] += tp
            c[1] += fp
            c[2] += fn

        articles = [(r["text"], _published(r.get("title", ""))) for r in rows]
        forms = load().get_pipe("herald_actors_v1").extractor.matcher.forms  # type: ignore[attr-defined]
        kb = load_kb()
        base = [0, 0, 0]
        base_kb = [0, 0, 0]
        for row, doc in zip(rows, run_docs(articles), strict=True):
            actors = list(doc._.herald_actors or [])
            lo, hi = row["evaluation_span"]
            gold = [
                lab
                for lab in row["labels"]
                if str(lab.get("entity_id", "")).startswith("Q")
                and lo <= lab["span"][0]
                and lab["span"][1] <= hi
            ]
            preds = [m for m in mentions_of(actors) if lo <= m.start and m.end <= hi]
            linked = [m for m in preds if m.actor.wikidata]
            places = [
                PredMention(p.start, p.end, _place_stub(p.text, p.start, p.end, p.wikidata))
                for p in doc._.herald_places or []
                if p.wikidata
                and lo <= p.start
                and p.end <= hi
                and not any(overlaps((m.start, m.end), (p.start, p.end)) for m in linked)
            ]
            ptp, pfp, pfn, pmiss = _match(gold, linked + places)
            add("linking-with-places", ptp, pfp, pfn)
            for lab in gold:
                t = _type_of(lab)
                if t:
                    pt = per_type_places.setdefault(t, [0, 0])
                    pt[1] += 1
                    pt[0] += 0 if id(lab) in pmiss else 1
            # Baseline "ner-kb-lookup": spaCy entities looked up verbatim among KB names and aliases.
            looked: list[PredMention] = []
            for ent in doc.ents:
                hits = forms.get(ent.text.removeprefix("the ").strip())
                entry = kb.get(hits[0].key) if hits else None
                if entry is not None and entry.wikidata and lo <= ent.start_char and ent.end_char <= hi:
                    stub = Actor(id="b", name=entry.name, kind=entry.kind, wikidata=entry.wikidata)
                    looked.append(PredMention(ent.start_char, ent.end_char, stub))
            btp, bfp, bfn, _ = _match(gold, looked)
            base[0] += btp
            base[1] += bfp
            base[2] += bfn
            ktp, kfp, kfn, _ = _match([lab for lab in gold if lab["entity_id"] in kb_qids], looked)
            base_kb[0] += ktp
            base_kb[1] += kfp
            base_kb[2] += kfn
            for task, g in (
                ("linking", gold),
                ("linking-named", [lab for lab in gold if not lab.get("coref")]),
                ("linking-kb", [lab for lab in gold if lab["entity_id"] in kb_qids]),
                ("linking-kb-bulk", [lab for lab in gold if lab["entity_id"] in all_qids]),
            ):
                p = linked if task != "linking-named" else [m for m in linked if m.text.lower() not in _PRON]
                if task == "linking-kb":  # the curated KB's links only (bulk links are scored in -kb-bulk)
                    p = [m for m in linked if m.actor.wikidata in kb_qids]
                tp, fp, fn, misses = _match(g, p)
                add(task, tp, fp, fn)
                if task == "linking":
                    for lab in g:
                        if id(lab) in misses and _type_of(lab) in ("person", "organization"):
                            failures[_cause(lab, p, all_qids)] += 1
                        t = _type_of(lab)
                        if t:
                            pt = per_type.setdefault(t, [0, 0])
                            pt[1] += 1
                            pt[0] += 0 if id(lab) in misses else 1
                    if len(report.errors) < 60:
                        for lab in g:
                            if id(lab) in misses:
                                s, e = lab["span"]
                                report.errors.append(
                                    {
                                        "doc": row["id"],
                                        "miss": row["text"][s:e],
                                        "gold": lab["entity_id"],
                                        "name": lab.get("name"),
                                    }
                                )
                        for m in p:
                            if not any(
                                overlaps((m.start, m.end), tuple(lab["span"]))
                                and lab["entity_id"] == m.actor.wikidata
                                for lab in g
                            ):
                                report.errors.append(
                                    {
                                        "doc": row["id"],
                                        "false": m.text,
                                        "pred": m.actor.wikidata,
                                        "rule": m.actor.rule,
                                    }
                                )
            for lab in gold:
                if _type_of(lab) in ("person", "organization"):
                    det[1] += 1
                    if any(overlaps((m.start, m.end), (lab["span"][0], lab["span"][1])) for m in preds):
                        det[0] += 1
            report.documents += 1
        for task, (tp, fp, fn) in counts.items():
            report.add_prf(task, tp, fp, fn)
        report.add_prf("linking", *base, system="ner-kb-lookup")
        report.add_prf("linking-kb", *base_kb, system="ner-kb-lookup")
        for t, (hit, n) in sorted(per_type.items()):
            report.add(f"recall-{t}", "recall", hit / n if n else 0.0, support=n)
        for t, (hit, n) in sorted(per_type_places.items()):
            report.add(f"recall-{t}-with-places", "recall", hit / n if n else 0.0, support=n)
        for cause, n in failures.items():
            report.add(f"failure-{cause}", "count", float(n), support=n)
        report.add("detection-person-org", "recall", det[0] / det[1] if det[1] else 0.0, support=det[1])
        report.notes.append(
            "Overlap matching with the same QID; linking-kb restricts gold to QIDs present in Herald's KB "
            f"({len(kb_qids)} QIDs)."
        )


_PRON = frozenset({"he", "she", "it", "they", "him", "her", "them", "i", "we", "his", "its", "their", "hers"})


def _place_stub(text: str, start: int, end: int, qid: str) -> Actor:
    return Actor(
        id="p", name=text, kind="state", wikidata=qid, mentions=[Span(start=start, end=end, text=text)]
    )


def _cause(lab: dict[str, Any], preds: list[PredMention], qids: set[str]) -> str:
    """Why a person/organisation label was missed (see the module docstring)."""
    span = (lab["span"][0], lab["span"][1])
    if any(overlaps((m.start, m.end), span) and m.actor.wikidata != lab["entity_id"] for m in preds):
        return "wrong-candidate"
    return "in-kb-missed" if lab["entity_id"] in qids else "not-in-kb"


def _match(gold: list[dict[str, Any]], preds: list[PredMention]) -> tuple[int, int, int, set[int]]:
    """(tp, fp, fn, ids of missed gold labels): one-to-one, overlap + same QID."""
    used: set[int] = set()
    tp = 0
    for m in preds:
        hit = None
        for lab in gold:
            span = lab["span"]
            if id(lab) in used or lab["entity_id"] != m.actor.wikidata:
                continue
            if overlaps((m.start, m.end), (span[0], span[1])):
                hit = lab
                break
        if hit is not None:
            used.add(id(hit))
            tp += 1
    fp = len(preds) - tp
    missed = {id(lab) for lab in gold if id(lab) not in used}
    return tp, fp, len(missed), missed
