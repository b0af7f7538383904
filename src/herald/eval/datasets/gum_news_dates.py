"""``gum-news-dates``: the ``<date when=...>`` markup of GUM news and interview documents (``gum-news``)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ...errors import DatasetError
from ..core import Dataset, Report, register
from ._times_common import GoldDoc, GoldTime, score

_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _gold_value(attrs: dict[str, str]) -> str | None:
    if "when" in attrs:
        return attrs["when"].lstrip("-") if re.match(r"-\d{4}", attrs["when"]) else attrs["when"]
    if (
        "from" in attrs
        and "to" in attrs
        and re.match(r"\d{4}", attrs["from"])
        and re.match(r"\d{4}", attrs["to"])
    ):
        return f"{attrs['from']}/{attrs['to']}"
    return None  # notBefore/notAfter bounds and yearless values: span detection only


def read_document(path: Path) -> GoldDoc:
    """One GUM TEI file: tokens (first column of non-tag lines) joined by spaces, sentences by newlines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = _ATTR.findall(lines[0]) if lines else []
    meta = dict(head)
    published = date.fromisoformat(meta["dateCreated"]) if "dateCreated" in meta else None
    parts: list[str] = []
    pos = 0
    new_sentence = False
    open_dates: list[tuple[int, dict[str, str]]] = []
    times: list[GoldTime] = []
    ignore: list[tuple[int, int]] = []
    for line in lines[1:]:
        if line.startswith("<"):
            if line.startswith("<s ") or line.startswith("<s>"):
                new_sentence = True
            elif line.startswith("<date"):
                open_dates.append((-1, dict(_ATTR.findall(line))))
            elif line.startswith("</date"):
                start, attrs = open_dates.pop()
                end = pos
                if start < 0 or end <= start:
                    continue
                if attrs.get("rend") == "bold":  # the dateline: the creation date itself
                    ignore.append((start, end))
                    continue
                times.append(GoldTime(start, end, "".join(parts)[start:end], _gold_value(attrs)))
            continue
        word = line.split("\t")[0]
        if parts:
            parts.append("\n" if new_sentence else " ")
            pos += 1
        new_sentence = False
        open_dates = [(pos if s < 0 else s, a) for s, a in open_dates]
        parts.append(word)
        pos += len(word)
    return GoldDoc(path.stem, "".join(parts), published, times, ignore)


@register
class GumNewsDates(Dataset):
    name = "gum-news-dates"
    folder = "gum-news"
    description = "GUM news+interviews: <date when> spans and values vs dateCreated (+ dateparser)"
    tasks = ("times",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        xml = path / "xml" if (path / "xml").is_dir() else path
        files = sorted(xml.glob("GUM_*.xml"))
        if not files:
            raise DatasetError(f"{path}: no GUM_*.xml files found (expected the gum-news folder with xml/).")
        docs = [read_document(f) for f in files[:limit]]
        report.notes.append(
            "GUM marks dates only: Herald's durations/sets are left out of span scoring; the "
            "bold dateline is excluded; notBefore/notAfter dates count for spans only."
        )
        score(report, docs, only_dates=True, task="dates")
