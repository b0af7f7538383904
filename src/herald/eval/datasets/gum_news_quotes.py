"""``gum-news-quotes``: quotation spans of the GUM news and interview documents (``shared/data/gum-news``).

The text is rebuilt from ``dep/*.conllu`` (tokens, ``SpaceAfter=No``, ``# newpar`` -> a line break; the
first paragraph is the headline), the gold ``<quote>`` elements are read from ``xml/*.xml`` (one token per
line, same tokens as the CoNLL-U). GUM has no speaker on ``<quote>``, so only spans are scored; ``<q>``
(mentions, scare quotes) is not a quotation and is not scored.

Herald's predictions are the verbatim stretches of its statements (``Statement.quotes``: direct quotations
and the quoted parts of mixed ones). Spans are compared after trimming whitespace, quote marks and edge
punctuation on both sides. GUM often closes and reopens ``<quote>`` at sentence boundaries inside one
quotation and at every paragraph end: adjacent gold quotes separated only by spaces, or by a line break after
a quote without closing mark, are merged first. Tasks:

- ``quotes-exact``: same trimmed span; ``quotes-overlap``: one-to-one, any overlap;
- suffixes ``-news`` / ``-interview`` (genre) and ``-annotated``: only documents with at least one gold
  ``<quote>`` (several DEV documents have plain quotations left unannotated, which counts them against
  precision in the unsuffixed figures);
- baseline ``quote-marks``: every top-level paired quotation (Herald's pairing alone, no attribution), to show
  what attribution and the scare-quote filter add.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import DatasetError
from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ...stages.s4_statements.quotes import find_quotes
from ..core import Dataset, Report, register

_STRIP = set(" \t\n\"'“”‘’«»‹›„,.;:!?—–-…")
_META = re.compile(r"^# meta::(\w+) = (.*)$")


@dataclass
class GumDoc:
    id: str
    text: str
    title: str | None
    published: str | None
    genre: str
    quotes: list[tuple[int, int]] = field(default_factory=list)


def _read_conllu(path: Path) -> tuple[str, list[tuple[int, int]], dict[str, str]]:
    """Text and the character span of every word (CoNLL-U word order), plus the document metadata.

    Words of a multiword token ("won't" = "wo" + "n't") share the token's span."""
    buf: list[str] = []
    pos = 0
    words: list[tuple[int, int]] = []
    meta: dict[str, str] = {}
    new_par = False
    range_end = 0
    range_span = (0, 0)

    def put(piece: str) -> None:
        nonlocal pos
        buf.append(piece)
        pos += len(piece)

    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                range_end = 0  # sentence end: word numbering restarts
                continue
            if line.startswith("#"):
                m = _META.match(line)
                if m:
                    meta[m.group(1)] = m.group(2)
                if line.startswith("# newpar") and not line.startswith("# newpar_"):
                    new_par = True
                continue
            cols = line.split("\t")
            if len(cols) < 10 or "." in cols[0]:
                continue
            if "-" not in cols[0] and int(cols[0]) <= range_end:
                words.append(range_span)
                continue
            if new_par and buf:
                while buf and buf[-1] == " ":
                    buf.pop()
                    pos -= 1
                put("\n")
            elif cols[0].split("-")[0] == "1" and buf and buf[-1] not in (" ", "\n"):
                put(" ")
            new_par = False
            start = pos
            put(cols[1])
            if "-" in cols[0]:
                range_end = int(cols[0].split("-")[1])
                range_span = (start, pos)
            else:
                words.append((start, pos))
            if "SpaceAfter=No" not in cols[9]:
                put(" ")
    return "".join(buf).rstrip(), words, meta


def _read_gold(path: Path) -> list[tuple[int, int]]:
    """Token ranges [first, last] of every <quote> element."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("<"):
                if line.startswith("<quote"):
                    stack.append(n)
                elif line.startswith("</quote") and stack:
                    spans.append((stack.pop(), n - 1))
                continue
            n += 1
    return spans


def load_docs(folder: Path) -> Iterator[GumDoc]:
    xml_dir, dep_dir = folder / "xml", folder / "dep"
    if not xml_dir.is_dir() or not dep_dir.is_dir():
        raise DatasetError(f"{folder}: expected the GUM folders xml/ and dep/ (see its README.md).")
    for xml in sorted(xml_dir.glob("*.xml")):
        dep = dep_dir / f"{xml.stem}.conllu"
        if not dep.is_file():
            continue
        text, words, meta = _read_conllu(dep)
        doc = GumDoc(
            id=xml.stem,
            text=text,
            title=meta.get("title"),
            published=meta.get("dateCreated"),
            genre=meta.get("genre", "news"),
        )
        for a, b in _read_gold(xml):
            if a <= b < len(words):
                doc.quotes.append((words[a][0], words[b][1]))
        doc.quotes = _merge_adjacent(text, sorted(doc.quotes))
        yield doc


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        gap = text[out[-1][1] : s] if out else ""
        # GUM closes <quote> at every paragraph end; a gold quote ending without a closing mark runs on.
        runs_on = out and text[out[-1][1] - 1] not in "\"”»'’"
        if out and (out[-1][1] >= s or (not gap.strip() and ("\n" not in gap or runs_on))):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_LANG_TAG = re.compile(r"\s*\(\([a-z]{2,3}\)\)\W*$")  # GUM marks translated quotations "((it))"


def normalise(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    tag = _LANG_TAG.search(text, s, e)
    if tag is not None:
        e = tag.start()
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    return s, e


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], *, exact: bool) -> tuple[int, int, int]:
    """(tp, fp, fn) with one-to-one matching."""
    used: set[int] = set()
    tp = 0
    for p in pred:
        for k, g in enumerate(gold):
            if k in used:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(k)
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - tp


@register
class GumNewsQuotes(Dataset):
    name = "gum-news-quotes"
    folder = "gum-news"
    description = "GUM news + interview documents: <quote> spans (no speakers), exact and overlap P/R/F1."
    tasks = ("quotes-exact", "quotes-overlap")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        docs = list(load_docs(path))
        if limit is not None:
            docs = docs[:limit]
        nlp = load()
        inputs = [ArticleInput(text=d.text, title=d.title, published=d.published, id=d.id) for d in docs]
        counts: dict[tuple[str, str, bool], list[int]] = {}
        speakers = [0, 0]
        for gd, doc in zip(docs, nlp.pipe(make_doc(nlp, a) for a in inputs), strict=True):
            report.documents += 1
            gold = sorted({normalise(gd.text, g) for g in gd.quotes})
            gold = [g for g in gold if g[1] > g[0]]
            statements = doc._.herald_statements or []
            ours = sorted({normalise(gd.text, (q.start, q.end)) for s in statements for q in s.quotes})
            ours = [p for p in ours if p[1] > p[0]]
            speakers[0] += sum(1 for s in statements if s.kind != "indirect")
            speakers[1] += sum(1 for s in statements if s.kind != "indirect" and s.speaker_text)
            marks = sorted(
                {
                    normalise(gd.text, (q.inner_start, q.inner_end))
                    for q in find_quotes(gd.text)
                    if q.depth == 0
                }
            )
            marks = [p for p in marks if p[1] > p[0]]
            for system, pred in (("herald", ours), ("quote-marks", marks)):
                for exact in (True, False):
                    tp, fp, fn = match(gold, pred, exact=exact)
                    groups = ["all", gd.genre] + (["annotated"] if gold else [])
                    for genre in groups:
                        c = counts.setdefault((system, genre, exact), [0, 0, 0])
                        c[0] += tp
                        c[1] += fp
                        c[2] += fn
            if len(report.errors) < 60:
                gold_set = set(gold)
                for p in ours:
                    if p not in gold_set:
                        report.errors.append(
                            {"doc": gd.id, "type": "fp-exact", "text": gd.text[p[0] : p[1]][:200]}
                        )
                ours_set = set(ours)
                for g in gold:
                    if g not in ours_set:
                        report.errors.append(
                            {"doc": gd.id, "type": "fn-exact", "text": gd.text[g[0] : g[1]][:200]}
                        )
        for (system, genre, exact), (tp, fp, fn) in sorted(counts.items()):
            task = f"quotes-{'exact' if exact else 'overlap'}" + ("" if genre == "all" else f"-{genre}")
            report.add_prf(task, tp, fp, fn, system=system)
        if speakers[0]:
            report.add(
                "quote-statements",
                "with-speaker-text",
                speakers[1] / speakers[0],
                support=speakers[0],
                note="share of direct/mixed statements with a speaker_text (GUM has no speaker gold)",
            )
        report.notes.append(
            "GUM <quote> carries no speaker: speaker attribution is not scored on this dataset."
        )
