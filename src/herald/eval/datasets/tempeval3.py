"""``tempeval3-platinum``: TimeML (.tml) TIMEX3 detection and normalisation on the TempEval-3 platinum set.

There is no DEV portion (all 20 documents are held out): run it on the TEST copy with ``--path``.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from ...errors import DatasetError
from ..core import Dataset, Report, register
from ._times_common import GoldDoc, GoldTime, score

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(text: str, name: str = "doc") -> GoldDoc:
    """A TimeML document: the <TEXT> content without tags, its TIMEX3 with offsets, and the DCT value."""
    published: date | None = None
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", text)
    if dct:
        value = dict(_ATTR.findall(dct.group(1))).get("value", "")
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            published = date.fromisoformat(value[:10])
    body = re.search(r"<TEXT>(.*)</TEXT>", text, re.S)
    if body is None:
        raise DatasetError(f"{name}: no <TEXT> element; is this a TimeML .tml file?")
    src = body.group(1)
    out: list[str] = []
    pos = 0
    last = 0
    times: list[GoldTime] = []
    stack: list[tuple[int, dict[str, str]]] = []
    for m in _TAG.finditer(src):
        chunk = html.unescape(src[last : m.start()])
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        closing, tag = m.group(1), m.group(2)
        if tag != "TIMEX3":
            continue
        if not closing:
            stack.append((pos, dict(_ATTR.findall(m.group(3)))))
        elif stack:
            start, attrs = stack.pop()
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            times.append(GoldTime(start, pos, "", attrs.get("value") or None, attrs.get("type", "DATE")))
    out.append(html.unescape(src[last:]))
    plain = "".join(out)
    for t in times:
        t.text = plain[t.start : t.end]
    return GoldDoc(name, plain, published, times)


def score_files(report: Report, files: list[Path]) -> None:
    """Read each TimeML file and score Herald (and the dateparser baseline) against its TIMEX3s."""
    docs = [read_tml(f.read_text(encoding="utf-8"), f.stem) for f in files]
    report.notes.append("dateparser: default settings, RELATIVE_BASE = the DCT.")
    score(report, docs)


@register
class TempEval3Platinum(Dataset):
    name = "tempeval3-platinum"
    description = "TempEval-3 platinum (TimeML): TIMEX3 spans and values vs the DCT; TEST only, use --path"
    tasks = ("times",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        sub = path / "te3-platinum"
        files = sorted((sub if sub.is_dir() else path).glob("*.tml"))
        if not files:
            raise DatasetError(
                f"{path}: no .tml files. tempeval3-platinum has no DEV portion - all 20 documents are held "
                "out as TEST. Run `herald eval tempeval3-platinum --path <TEST copy of tempeval3-platinum>` "
                "(the folder holding te3-platinum/*.tml) for the final evaluation."
            )
        score_files(report, files[:limit])


@register
class TempEval3Train(Dataset):
    name = "tempeval3-tbaq"
    description = (
        "TempEval-3 training data TBAQ-cleaned (TimeBank 1.2 + AQUAINT, TimeML): TIMEX3 spans and values "
        "vs the DCT; a DEV set for TimeML conventions (not in ../shared/data: pass --path)"
    )
    tasks = ("times",)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        # File-name order, whatever the sub-folders (TimeBank/, AQUAINT/): the folds stay the same.
        files = sorted(path.rglob("*.tml"), key=lambda f: f.name)
        if not files:
            raise DatasetError(
                f"{path}: no .tml files. Pass --path to a copy of TBAQ-cleaned (the folder holding TimeBank/ "
                "and AQUAINT/ with *.tml), e.g. from the public repository qiangning/StructTempRel-EMNLP17, "
                "data/TempEval3/Training/TBAQ-cleaned."
            )
        score_files(report, files[:limit])
