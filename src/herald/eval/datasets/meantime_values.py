"""``meantime-values``: MEANTIME (English) VALUE markables (QUANTITY / MONEY / PERCENT) vs Herald's figures.

The article text is rebuilt from the corpus tokens (spaces between tokens, none before closing punctuation,
one line per sentence). MEANTIME annotates VALUE markables only in the title and the first four body sentences
(corpus sentences 0-5; sentence 1 is the date line), so only figures in that region are scored. Scored on each
figure's ``number`` span:

- spans, strict (same offsets) and lenient (overlap) precision / recall / F1;
- type accuracy on lenient matches (Herald ``money`` -> MONEY, ``percent`` -> PERCENT, else QUANTITY);
- value accuracy where comparable: the gold markables carry no normalised value, so only gold spans holding
  one plain digit number and no scale word ("30,000", "55 %") are compared, with that number.

Baseline ``spacy-ner``: the model's CARDINAL / MONEY / PERCENT / QUANTITY entities as spans (MONEY -> MONEY,
PERCENT -> PERCENT, else QUANTITY).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ...errors import DatasetError
from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ..core import Dataset, Report, register

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", ")", "%", "'s", "n't", "?", "!", "'", "]"})
_NO_SPACE_AFTER = frozenset({"(", "["})
_PLAIN = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_SCALE = re.compile(r"\b(hundred|thousand|million|billion|trillion|bn|m|mn|k)\b", re.IGNORECASE)
_NER_TYPES = {"CARDINAL": "QUANTITY", "QUANTITY": "QUANTITY", "MONEY": "MONEY", "PERCENT": "PERCENT"}


@dataclass
class GoldValue:
    start: int
    end: int
    text: str
    type: str


ANNOTATED_SENTENCES = 6  # corpus sentences 0..5 carry the full annotation


def read_document(path: Path) -> tuple[str, list[GoldValue], int]:
    """The rebuilt text of one CAT file, its VALUE markables as character spans, and the end offset of the
    fully annotated region."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    sentence = None
    prev = ""
    region_end = 0
    for tok in root.iter("token"):
        text = tok.text or ""
        sep = ""
        if parts:
            if tok.get("sentence") != sentence:
                sep = "\n"
            elif text not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
                sep = " "
        sentence = tok.get("sentence")
        pos += len(sep)
        parts.append(sep + text)
        offsets[tok.get("t_id", "")] = (pos, pos + len(text))
        pos += len(text)
        if int(tok.get("sentence", "0")) < ANNOTATED_SENTENCES:
            region_end = pos
        prev = text
    full = "".join(parts)
    values: list[GoldValue] = []
    for v in root.iter("VALUE"):
        ids = [a.get("t_id", "") for a in v.iter("token_anchor")]
        spans = [offsets[i] for i in ids if i in offsets]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        values.append(GoldValue(start, end, full[start:end], v.get("type", "QUANTITY")))
    return full, values, region_end


def _herald_type(counts: str | None) -> str:
    return {"money": "MONEY", "percent": "PERCENT"}.get(counts or "", "QUANTITY")


def _plain_value(text: str) -> float | None:
    if _SCALE.search(text):
        return None
    nums = re.findall(r"-?\d[\d,]*(?:\.\d+)?", text)
    if len(nums) != 1 or not _PLAIN.match(nums[0]):
        return None
    return float(nums[0].replace(",", ""))


Found = list[tuple[int, int, str, float | None]]


def _score(gold: list[GoldValue], found: Found) -> tuple[int, int, int, int, int, int, int, int]:
    """Strict tp, lenient tp (gold, found side), type-correct, value-comparable, value-correct, totals."""
    strict = sum(1 for g in gold if any(s == g.start and e == g.end for s, e, _, _ in found))
    lenient_gold = 0
    type_ok = 0
    comparable = 0
    value_ok = 0
    for g in gold:
        hit = next((f for f in found if f[0] < g.end and g.start < f[1]), None)
        if hit is None:
            continue
        lenient_gold += 1
        type_ok += hit[2] == g.type
        want = _plain_value(g.text)
        if want is not None and hit[3] is not None:
            comparable += 1
            value_ok += abs(hit[3] - want) < 1e-6 * max(1.0, abs(want))
    lenient_found = sum(1 for f in found if any(f[0] < g.end and g.start < f[1] for g in gold))
    return strict, lenient_gold, lenient_found, type_ok, comparable, value_ok, len(gold), len(found)


@register
class MeantimeValues(Dataset):
    name = "meantime-values"
    description = "MEANTIME English VALUE markables (QUANTITY/MONEY/PERCENT): spans, types, values."
    tasks = ("figures",)
    folder = "meantime-en"

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        files = sorted(path.glob("intra_cross-doc_annotation/*/*.xml")) or sorted(path.glob("**/*.xml"))
        if not files:
            raise DatasetError(f"{path}: no MEANTIME *.xml files. Point --path at the meantime-en folder.")
        if limit:
            files = files[:limit]
        nlp = load()
        docs_gold = [read_document(f) for f in files]
        docs = nlp.pipe(make_doc(nlp, ArticleInput(text=text)) for text, _, _ in docs_gold)
        totals = {"herald": [0] * 8, "spacy-ner": [0] * 8}
        for (text, gold, region), doc, f in zip(docs_gold, docs, files, strict=True):
            ours: Found = [
                (x.number.start, x.number.end, _herald_type(x.counts), x.value)
                for x in (doc._.herald_figures or [])
                if x.number is not None and x.number.end <= region
            ]
            ner: Found = [
                (e.start_char, e.end_char, _NER_TYPES[e.label_], None)
                for e in doc.ents
                if e.label_ in _NER_TYPES and e.end_char <= region
            ]
            for system, found in (("herald", ours), ("spacy-ner", ner)):
                got = _score(gold, found)
                totals[system] = [a + b for a, b in zip(totals[system], got, strict=True)]
            if len(report.errors) < 80:
                for g in gold:
                    if not any(s < g.end and g.start < e for s, e, _, _ in ours):
                        report.errors.append({"doc": f.stem, "missed": g.text, "type": g.type})
                for s, e, t, _ in ours:
                    if not any(s < g.end and g.start < e for g in gold):
                        report.errors.append({"doc": f.stem, "spurious": text[s:e], "type": t})
        report.documents = len(files)
        for system, (strict, len_g, len_f, type_ok, comparable, value_ok, n_gold, n_found) in totals.items():
            report.add_prf("span-strict", strict, n_found - strict, n_gold - strict, system=system)
            p = len_f / n_found if n_found else 0.0
            r = len_g / n_gold if n_gold else 0.0
            report.add("span-lenient", "precision", p, system=system, support=n_gold)
            report.add("span-lenient", "recall", r, system=system, support=n_gold)
            report.add(
                "span-lenient", "f1", 2 * p * r / (p + r) if p + r else 0.0, system=system, support=n_gold
            )
            report.add("type", "accuracy", type_ok / len_g if len_g else 0.0, system=system, support=len_g)
            if system == "herald":
                report.add(
                    "value",
                    "accuracy",
                    value_ok / comparable if comparable else 0.0,
                    system=system,
                    support=comparable,
                    note="gold spans with one plain digit number and no scale word",
                )
