"""``gum-news-entities``: GUM news + interviews (``shared/data/gum-news``): person/organization mentions,
Wikipedia links and coreference.

Text is rebuilt from ``dep/*.conllu`` (``SpaceAfter=No``; ``# newpar`` -> line break; publication date from
``# meta::dateCreated``); gold mentions come from ``coref_tsv/*.tsv`` (WebAnno: entity type, ``identity`` =
Wikipedia title), aligned word by word with the CoNLL-U (same word count in every DEV document).

GUM annotates every mention (named, common noun phrases, pronouns) of every entity type; Herald records actor
mentions only. Tasks (one-to-one overlap matching):

- ``mentions``: gold person/organization mentions vs all Herald actor mentions;
- ``mentions-linked``: gold person/organization mentions that carry a Wikipedia identity (mostly named) vs
  Herald mentions overlapping any gold mention (precision) — recall is over the linked gold mentions;
- ``linking``: Herald mentions with a Wikidata id that overlap a gold mention with an identity; correct when
  the Wikipedia title equals the KB entry's name or one of its aliases (Herald stores QIDs, GUM titles; this
  comparison under-counts, e.g. "United_States" vs KB name "United States" matches but a redirect title would
  not);
- ``coref-pairs``: pairs of gold person/organization mentions with the same identity, both found by Herald:
  recall = share of gold pairs Herald puts in one actor; precision = share of Herald same-actor pairs (both on
  linked gold mentions) that have the same identity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ...errors import DatasetError
from ...stages.s2_actors.kb import load_kb
from ..core import Dataset, Report, register
from ._actors_common import overlaps, run_docs

ACTOR_TYPES = frozenset({"person", "organization"})
_ITEM = re.compile(r"^([^\[]+)(?:\[(\d+)\])?$")


@dataclass
class Gold:
    type: str
    start: int
    end: int
    identity: str | None = None


@dataclass
class GumDoc:
    id: str
    text: str
    published: str | None
    mentions: list[Gold] = field(default_factory=list)


def _conllu(path: Path) -> tuple[str, list[tuple[int, int]], str | None]:
    parts: list[str] = []
    pos = 0
    spans: list[tuple[int, int]] = []
    published = None
    range_end = 0
    range_span = (0, 0)
    new_par = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            if raw.startswith("# meta::dateCreated = "):
                published = raw.split("=", 1)[1].strip()[:10]
            if raw.startswith("# newpar") and not raw.startswith("# newpar_"):
                new_par = True
            continue
        cols = raw.split("\t")
        if len(cols) < 10 or "." in cols[0]:
            if not raw.strip():
                range_end = 0
            continue
        if new_par and parts:
            if parts[-1] == " ":
                parts.pop()
                pos -= 1
            parts.append("\n")
            pos += 1
        new_par = False
        if "-" in cols[0]:
            _a, b = cols[0].split("-")
            range_end = int(b)
            range_span = (pos, pos + len(cols[1]))
            parts.append(cols[1])
            pos += len(cols[1])
            if "SpaceAfter=No" not in cols[9]:
                parts.append(" ")
                pos += 1
            continue
        if range_end and int(cols[0]) <= range_end:
            spans.append(range_span)
            continue
        spans.append((pos, pos + len(cols[1])))
        parts.append(cols[1])
        pos += len(cols[1])
        if "SpaceAfter=No" not in cols[9]:
            parts.append(" ")
            pos += 1
    return "".join(parts), spans, published


def _tsv(path: Path, spans: list[tuple[int, int]]) -> list[Gold]:
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"^\d+-\d+\t", line)
    ]
    if len(rows) != len(spans):
        raise DatasetError(f"{path}: {len(rows)} tokens, but the CoNLL-U has {len(spans)} words.")
    found: dict[str, Gold] = {}
    for i, cols in enumerate(rows):
        if len(cols) < 7 or cols[3] in ("_", ""):
            continue
        types = cols[3].split("|")
        idents = {}
        for item in cols[6].split("|") if cols[6] not in ("_", "") else []:
            m = _ITEM.match(item)
            if m:
                idents[m.group(2) or ""] = m.group(1)
        for item in types:
            m = _ITEM.match(item)
            if not m:
                continue
            etype, idx = m.group(1), m.group(2)
            key = idx if idx else f"t{i}"
            g = found.get(key)
            s, e = spans[i]
            if g is None:
                ident = idents.get(idx or "")
                found[key] = Gold(etype, s, e, unquote(ident).replace("_", " ") if ident else None)
            else:
                g.end = e
    return list(found.values())


def read(path: Path) -> list[GumDoc]:
    docs = []
    for conllu in sorted((path / "dep").glob("*.conllu")):
        tsv = path / "coref_tsv" / (conllu.stem + ".tsv")
        if not tsv.is_file():
            continue
        text, spans, published = _conllu(conllu)
        docs.append(GumDoc(conllu.stem, text, published, _tsv(tsv, spans)))
    if not docs:
        raise DatasetError(f"{path}: no dep/*.conllu with coref_tsv/*.tsv (see the dataset README).")
    return docs


def _one_to_one(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    used: set[int] = set()
    tp = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and overlaps(p, g):
                used.add(i)
                tp += 1
                break
    return tp


@register
class GumNewsEntities(Dataset):
    name = "gum-news-entities"
    folder = "gum-news"
    description = "GUM news + interviews (DEV 22 docs): person/organization mentions, Wikipedia links, coref."
    tasks = ("mentions", "mentions-linked", "linking", "coref-pairs")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        docs = read(path)[: limit or None]
        names: dict[str, set[str]] = {}
        for e in load_kb():
            if e.wikidata:
                names.setdefault(e.wikidata, set()).update(x.lower() for x in [e.name, *e.aliases])
        c = {k: [0, 0, 0] for k in ("mentions", "mentions-linked", "linking", "coref-pairs")}
        for gd, doc in zip(docs, run_docs((d.text, d.published) for d in docs), strict=True):
            gold = [g for g in gd.mentions if g.type in ACTOR_TYPES]
            linked = [g for g in gold if g.identity]
            preds = [(m.start, m.end, a) for a in doc._.herald_actors or [] for m in a.mentions]
            spans = [(s, e) for s, e, _ in preds]
            tp = _one_to_one([(g.start, g.end) for g in gold], spans)
            c["mentions"][0] += tp
            c["mentions"][1] += len(spans) - tp
            c["mentions"][2] += len(gold) - tp
            tp = _one_to_one([(g.start, g.end) for g in linked], spans)
            any_gold = [(g.start, g.end) for g in gd.mentions]
            c["mentions-linked"][0] += tp
            c["mentions-linked"][1] += sum(1 for sp in spans if not any(overlaps(sp, g) for g in any_gold))
            c["mentions-linked"][2] += len(linked) - tp
            # linking: Herald linked mentions on gold mentions with an identity (any entity type)
            ident_gold = [g for g in gd.mentions if g.identity]
            for s, e, a in preds:
                if not a.wikidata:
                    continue
                on = [g for g in ident_gold if overlaps((s, e), (g.start, g.end))]
                if not on:
                    continue
                on.sort(key=lambda g: abs((g.end - g.start) - (e - s)))
                # bulk-KB actors are not in ``names``: their canonical name is compared instead
                known = names.get(a.wikidata) or {a.name.lower()}
                if (on[0].identity or "").lower() in known:
                    c["linking"][0] += 1
                else:
                    c["linking"][1] += 1
                    if len(report.errors) < 40:
                        report.errors.append(
                            {
                                "doc": gd.id,
                                "text": gd.text[s:e],
                                "pred": a.name,
                                "gold": [g.identity for g in on],
                            }
                        )
            # coref pairs over linked person/organization mentions
            hit: list[tuple[Gold, str]] = []
            for g in linked:
                for s, e, a in preds:
                    if overlaps((s, e), (g.start, g.end)):
                        hit.append((g, a.id))
                        break
            gold_pairs = sum(
                1 for i, g in enumerate(linked) for h in linked[i + 1 :] if g.identity == h.identity
            )
            ours = same = found = 0
            for i, (g, a) in enumerate(hit):
                for h, b in hit[i + 1 :]:
                    if a == b:
                        ours += 1
                        same += g.identity == h.identity
                    if g.identity == h.identity and a == b:
                        found += 1
            c["coref-pairs"][0] += same
            c["coref-pairs"][1] += ours - same
            c["coref-pairs"][2] += gold_pairs - found
            report.documents += 1
        for task, (tp, fp, fn) in c.items():
            if task == "linking":
                p = tp / (tp + fp) if tp + fp else 0.0
                report.add(task, "precision", p, support=tp + fp)
            else:
                report.add_prf(task, tp, fp, fn)
        report.notes.append(
            "GUM annotates every noun phrase and pronoun: mention recall is over all person/organization"
            " mentions; linking compares Wikipedia titles with KB names/aliases (precision only)."
        )
