"""``polnear``: attributions of PolNeAR (Newell, Margolin & Ruths, LREC 2018), from a user-supplied folder.

PolNeAR is not shipped with Herald nor in ``shared/data``: clone ``networkdynamics/PolNeAR`` (its README
describes the corpus; the data has no licence file of its own, the accompanying software is MIT: use it for
research measurement, do not redistribute it) and pass ``--data``/``--path`` pointing at the clone, its
``data/`` folder, or one split folder (``data/dev``, ``data/train``; a folder holding ``text/`` and
``attributions/``). Without a split folder the ``dev`` split is read. The ``test`` split is meant to be scored
once, on a finished system.

Gold: each brat ``.ann`` file's attributions (``E`` lines: Source, Cue, Content, Content2; discontinuous
spans kept as pieces). An article annotated by several annotators (agreement articles) is read from one of
them, the first in name order. Documents are interleaved by publisher, so ``--limit N`` reads a balanced
sample.

Matching: a Herald statement *finds* a gold attribution when their contents overlap by at least half of the
shorter one (quote marks and "that" do not matter at that threshold). Tasks (recall unless named otherwise):

- ``attributions``: every gold attribution; precision = share of Herald statements that find one;
- ``direct-with-speaker``: gold contents holding a double quote mark (direct and mixed quotations) with a
  source, found *and* given the right speaker (below); ``direct``: the same, found with any speaker;
- ``no-quote-marks``: gold contents without any quote mark, found;
- ``non-speech-cue``: gold attributions whose cue has no speech/writing lemma (say, tell, add, write,
  announce, ...: ``_SPEECH``; e.g. believes, accused, according to, decision, warned), found;
- ``speaker-given-found``: among found gold attributions with a source, the share with the right speaker.

Right speaker: the statement's speaker phrase (located in the text: the occurrence of ``speaker_text``
nearest the statement's content) overlaps the gold source; or one mention of the speaker actor overlaps it;
or, when neither is located, the two phrases share their last word (a surname: "Trump" / "Donald Trump").
A gold pronoun source ("he") is right only through a located span or a linked mention at that place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from ...errors import DatasetError
from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ...schema import Actor, Statement
from ..core import Dataset, Report, register

Pieces = list[tuple[int, int]]

# Cue lemmas counted as speech or writing; every other cue is a non-speech cue (the third measure).
_SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "declare",
        "explain",
        "note",
        "remark",
        "reply",
        "respond",
        "comment",
        "write",
        "tweet",
        "post",
        "speak",
        "ask",
        "answer",
        "continue",
        "report",
        "quote",
        "testify",
        "told",
        ":",
        "―",
        "—",
    ]
)
_DOUBLE_QUOTES = '"“”«»„'
_QUOTE_MARKS = _DOUBLE_QUOTES + "‘’"
_ANN = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "his",
        "their",
        "its",
    ]
)


@dataclass
class Attribution:
    id: str
    content: Pieces
    cue: Pieces = field(default_factory=list)
    source: Pieces = field(default_factory=list)


@dataclass
class PolnearDoc:
    id: str
    text: str
    attributions: list[Attribution]


def _pieces(raw: str) -> Pieces:
    out: Pieces = []
    for part in raw.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat file (Source/Cue/Content text-bound annotations joined by ``E`` lines)."""
    spans: dict[str, Pieces] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ANN.match(line)
        if m:
            spans[m.group(1)] = _pieces(m.group(3))
        elif line.startswith("E"):
            ident, _, args = line.partition("\t")
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in args.split():
                role, _, ref = arg.partition(":")
                roles[role.rstrip("0123456789")].append(ref)
            events.append((ident, roles))
    out: list[Attribution] = []
    for ident, roles in events:
        content = [p for ref in roles.get("Content", []) for p in spans.get(ref, [])]
        if not content:
            continue
        out.append(
            Attribution(
                id=ident,
                content=sorted(content),
                cue=[p for ref in roles.get("Cue", []) for p in spans.get(ref, [])],
                source=[p for ref in roles.get("Source", []) for p in spans.get(ref, [])],
            )
        )
    return out


def _split_folder(path: Path) -> Path:
    for candidate in (path, path / "dev", path / "data" / "dev"):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise DatasetError(
        f"{path}: no PolNeAR split here. Pass the PolNeAR clone, its data/ folder, or a split folder "
        "holding text/ and attributions/ (e.g. PolNeAR/data/train)."
    )


def load_docs(path: Path) -> list[PolnearDoc]:
    folder = _split_folder(path)
    by_publisher: dict[str, list[PolnearDoc]] = defaultdict(list)
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        by_publisher[txt.stem.split("_")[0]].append(PolnearDoc(txt.stem, text, read_ann(anns[0])))
    docs: list[PolnearDoc] = []
    queues = [by_publisher[p] for p in sorted(by_publisher)]
    while any(queues):
        for q in queues:
            if q:
                docs.append(q.pop(0))
    return docs


def _length(pieces: Pieces) -> int:
    return sum(b - a for a, b in pieces)


def _overlap(pieces: Pieces, start: int, end: int) -> int:
    return sum(max(0, min(b, end) - max(a, start)) for a, b in pieces)


def finds(att: Attribution, st: Statement) -> bool:
    shared = _overlap(att.content, st.content.start, st.content.end)
    shorter = min(_length(att.content), st.content.end - st.content.start)
    return shorter > 0 and shared * 2 >= shorter


def _speaker_span(text: str, st: Statement) -> tuple[int, int] | None:
    """Where the speaker phrase is written: its occurrence (as a whole word) outside the content, in the
    evidence when it is there, else nearest the content."""
    if not st.speaker_text:
        return None
    best: tuple[int, tuple[int, int]] | None = None
    for m in re.finditer(r"(?<!\w)" + re.escape(st.speaker_text) + r"(?!\w)", text):
        if m.start() < st.content.end and st.content.start < m.end():
            continue
        inside = st.evidence.start <= m.start() and m.end() <= st.evidence.end
        d = min(abs(m.start() - st.content.end), abs(st.content.start - m.end())) + (0 if inside else 10**6)
        if best is None or d < best[0]:
            best = (d, (m.start(), m.end()))
    return best[1] if best else None


def _last_word(s: str) -> str | None:
    words = _WORD.findall(s)
    return words[-1].lower().rstrip(".’'s") if words else None


_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})


def resolve_relative(doc: Doc, att: Attribution) -> None:
    """A gold relative-pronoun source ("..., who said ...") stands for the noun its clause modifies."""
    if len(att.source) != 1:
        return
    a, b = att.source[0]
    if doc.text[a:b].lower() not in _RELATIVES:
        return
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return
    clause = span.root.head
    if clause.dep_ == "relcl" and clause.head.i != clause.i:
        noun = clause.head
        left = doc[noun.left_edge.i : noun.i + 1]
        att.source = [(left.start_char, left.end_char)]


def right_speaker(text: str, att: Attribution, st: Statement, actors: dict[str, Actor]) -> bool:
    if not att.source:
        return False
    located = _speaker_span(text, st)
    if located is not None and _overlap(att.source, *located) > 0:
        return True
    actor = actors.get(st.speaker or "")
    if actor is not None and any(_overlap(att.source, m.start, m.end) > 0 for m in actor.mentions):
        return True
    gold = " ".join(text[a:b] for a, b in att.source)
    last = _last_word(gold)
    if last is None or last in _PRONOUNS or not st.speaker_text:
        return False
    names = [st.speaker_text] + ([actor.name] if actor is not None and actor.name else [])
    return any(_last_word(n) == last for n in names)


def cue_lemmas(doc: Doc, att: Attribution) -> set[str]:
    out: set[str] = set()
    for a, b in att.cue:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX", "ADP", "PUNCT"):
                out.add(t.lemma_.lower() if t.pos_ != "PUNCT" else t.text)
    return out


def _categories(text: str, doc: Doc, att: Attribution) -> list[str]:
    content = "".join(text[a:b] for a, b in att.content)
    cats = ["attributions"]
    if any(c in content for c in _DOUBLE_QUOTES):
        cats.append("direct")
    elif not any(c in content for c in _QUOTE_MARKS):
        cats.append("no-quote-marks")
    lemmas = cue_lemmas(doc, att)
    if lemmas and not lemmas & _SPEECH:
        cats.append("non-speech-cue")
    return cats


def _docs_and_statements(docs: list[PolnearDoc]) -> Iterator[tuple[PolnearDoc, Doc]]:
    nlp = load()
    inputs = (make_doc(nlp, ArticleInput(text=d.text, id=d.id)) for d in docs)
    yield from zip(docs, nlp.pipe(inputs), strict=True)


@register
class Polnear(Dataset):
    name = "polnear"
    description = (
        "PolNeAR attributions (user-supplied clone, --data PATH; dev split unless a split folder is given): "
        "direct quotes with the right speaker, attributions without quote marks, non-speech cues."
    )
    tasks = ("attributions", "direct-with-speaker", "no-quote-marks", "non-speech-cue")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        docs = load_docs(path)
        if limit is not None:
            docs = docs[:limit]
        found: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # task -> [found, total]
        precision = [0, 0]
        for gd, doc in _docs_and_statements(docs):
            report.documents += 1
            statements = list(doc._.herald_statements or [])
            actors = {a.id: a for a in (doc._.herald_actors or [])}
            for st in statements:
                precision[1] += 1
                precision[0] += any(finds(att, st) for att in gd.attributions)
            for att in gd.attributions:
                resolve_relative(doc, att)
                hits = [st for st in statements if finds(att, st)]
                cats = _categories(gd.text, doc, att)
                for cat in cats:
                    found[cat][1] += 1
                    found[cat][0] += bool(hits)
                if not att.source:
                    continue
                right = any(right_speaker(gd.text, att, st, actors) for st in hits)
                if hits:
                    found["speaker-given-found"][1] += 1
                    found["speaker-given-found"][0] += right
                if "direct" in cats:
                    found["direct-with-speaker"][1] += 1
                    found["direct-with-speaker"][0] += right
                if len(report.errors) < 2000 and (not hits or not right) and cats != ["attributions"]:
                    report.errors.append(
                        {
                            "doc": gd.id,
                            "type": "missed" if not hits else "wrong-speaker",
                            "categories": ",".join(cats[1:]),
                            "source": " ".join(gd.text[a:b] for a, b in att.source),
                            "cue": " ".join(gd.text[a:b] for a, b in att.cue),
                            "content": " ".join(gd.text[a:b] for a, b in att.content)[:160],
                            "herald_speaker": "; ".join(str(st.speaker_text) for st in hits)[:80],
                        }
                    )
        for task, (n, total) in sorted(found.items()):
            report.add(task, "recall", n / total if total else 0.0, support=total)
        if precision[1]:
            report.add("attributions", "precision", precision[0] / precision[1], support=precision[1])
        report.notes.append(
            "found = contents overlap by half the shorter one; right speaker = located speaker phrase or a "
            "mention of the speaker actor overlaps the gold source, else the same last word (not pronouns)."
        )
