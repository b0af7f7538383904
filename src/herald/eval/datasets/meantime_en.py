"""``meantime-en``: TIMEX3 detection and normalisation on MEANTIME (English Wikinews), against the DCT."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from ...errors import DatasetError
from ..core import Dataset, Report, register
from ._times_common import GoldDoc, GoldTime, score

# MEANTIME marks times in the title and the first sentences only (sentence numbers 0-5): found times
# further on are not scored.
_ANNOTATED_SENTENCES = 5


def _dct(value: str) -> date | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):  # one file writes DD-MM-YYYY
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


def read_document(path: Path) -> GoldDoc:
    """One CAT-format file: the text rebuilt by joining tokens (a space between, a newline between
    sentences), its TIMEX3 markables with character offsets, and the creation time."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, last_sent = 0, None
    annotated_until: int | None = None
    dateline: tuple[int, int] | None = None
    for tok in root.iter("token"):
        if parts:
            sep = "\n" if tok.get("sentence") != last_sent else " "
            parts.append(sep)
            pos += 1
        text = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(text))
        parts.append(text)
        pos += len(text)
        last_sent = tok.get("sentence")
        if last_sent == "1":  # the dateline
            dateline = (dateline[0] if dateline else offsets[tok.get("t_id", "")][0], pos)
        if int(last_sent or 0) <= _ANNOTATED_SENTENCES:
            annotated_until = pos
    text = "".join(parts)
    published: date | None = None
    times: list[GoldTime] = []
    ignore: list[tuple[int, int]] = []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
        spans = [offsets[i] for i in ids if i in offsets]
        if tx.get("functionInDocument") == "CREATION_TIME":
            published = _dct(tx.get("value", ""))
            if spans:
                ignore.append((min(s[0] for s in spans), max(s[1] for s in spans)))
            continue
        if not spans:
            continue  # an empty (implicit) TIMEX3: nothing to find in the text
        start, end = min(s[0] for s in spans), max(s[1] for s in spans)
        times.append(GoldTime(start, end, text[start:end], tx.get("value") or None, tx.get("type", "DATE")))
    if dateline is not None:
        # A few files mark the dateline as an ordinary TIMEX3 instead of the CREATION_TIME: it is the DCT.
        on_line = [t for t in times if dateline[0] <= t.start and t.end <= dateline[1]]
        if published is None and on_line and on_line[0].value:
            published = _dct(on_line[0].value)
        times = [t for t in times if t not in on_line]
        ignore.append(dateline)
    return GoldDoc(root.get("doc_id", path.stem), text, published, times, ignore, annotated_until)


@register
class MeantimeEn(Dataset):
    name = "meantime-en"
    description = "MEANTIME English: TIMEX3 spans and values vs the document creation time (+ dateparser)"
    tasks = ("times",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        files = sorted(path.glob("**/corpus_*/*.xml")) or sorted(path.glob("**/*.xml"))
        files = [f for f in files if f.name != "MEANTIME_NWR.xsd"]
        if not files:
            raise DatasetError(
                f"{path}: no MEANTIME CAT .xml files found (expected intra_cross-doc_annotation/)."
            )
        docs = [read_document(f) for f in files[:limit]]
        report.notes.append(
            "MEANTIME annotates times in the title and first five sentences: only those are scored."
        )
        report.notes.append(
            "Scored without the dateline that carries the creation time (excluded both sides)."
        )
        report.notes.append("dateparser: default settings, RELATIVE_BASE = creation time.")
        score(report, docs)
