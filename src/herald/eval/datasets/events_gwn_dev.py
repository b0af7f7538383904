"""``events-gwn-dev``: PLOVER 2.0 events in 15 GeoWebNews DEV articles, scored article by article.

The gold (``events-gwn-dev/gwn-dev-N.json``) annotates article N (0-based, file order) of
``geowebnews/GWN.dev.xml``. Each article runs through the whole pipeline with the gold ``published`` date as
its reference date. Matching follows the folder's README: a prediction matches a gold event when its type is
the gold type or one of ``also_ok_type``, one gold actor name is among the names of its actors *or*
recipients (canonical name, mention texts, country code, Wikidata id; case-insensitive; whole words for gold
names longer than three characters), and its ``historical`` flag equals the gold one. Gold events are taken
in file order, each taking the first unused matching prediction. Recall is over required events; precision
counts a prediction matched to any gold event (required or optional). Every event Herald emits is a
prediction, negated and hypothetical ones included (as the held-out scorer counts them); the gold leaves
such events out, so they cost precision.

Failure breakdown, for each required gold event left unmatched (first reason that applies): ``historical``
(an unused prediction has the type and actor, flag wrong), ``wrong-actor`` (type present with actors, none
matching), ``no-actor`` (type present only without actors), ``wrong-type`` (an unused prediction has the
actor and flag but another type), ``missed`` (nothing close). Unmatched predictions are broken down into
``fp-no-actor`` and ``fp-with-actor``."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import DatasetError, InputFormatError
from ...inputs import ArticleInput, normalise_date
from ...pipeline import load, make_doc
from ...schema import Actor, Event
from ..core import Dataset, Report, default_data_root, register
from ._metrics import add_share

FAILURES = ("historical", "wrong-actor", "no-actor", "wrong-type", "missed")


@dataclass
class Pred:
    """One predicted event reduced to what the matching rule reads."""

    type: str
    historical: bool
    names: set[str]
    text: str
    rule: str


@dataclass
class Tally:
    required: int = 0
    hit: int = 0
    preds: int = 0
    used: int = 0
    by_type: Counter[str] = field(default_factory=Counter)  # keys "TYPE:tp|fn|fp"
    failures: Counter[str] = field(default_factory=Counter)

    def merge(self, other: Tally) -> None:
        self.required += other.required
        self.hit += other.hit
        self.preds += other.preds
        self.used += other.used
        self.by_type.update(other.by_type)
        self.failures.update(other.failures)


def fold_of(position: int) -> str:
    """Two fixed folds by the article's position in file order (0-based): even positions are fold ``a``
    (the articles rules may be tuned on), odd positions fold ``b`` (kept for an out-of-fold figure)."""
    return "ab"[position % 2]


def names_match(gold: list[str], got: set[str]) -> bool:
    for g in (n.lower() for n in gold):
        pat = re.compile(r"(?<![\w])" + re.escape(g) + r"(?![\w])")
        if any(n == g or (len(g) > 3 and pat.search(n)) for n in got):
            return True
    return False


def actor_names(actor: Actor) -> set[str]:
    names = {actor.name.lower(), *(m.text.lower() for m in actor.mentions)}
    names.update(x.lower() for x in (actor.country, actor.wikidata) if x)
    return names


def predictions(events: list[Event], actors: list[Actor]) -> list[Pred]:
    by_id = {a.id: actor_names(a) for a in actors}
    out: list[Pred] = []
    for e in events:
        names: set[str] = set()
        for x in e.actors + e.recipients:
            names |= by_id.get(x, {x.lower()})
        out.append(Pred(e.type, e.historical, names, e.evidence.text[:140], e.rule))
    return out


GWN = "geowebnews/GWN.dev.xml"


def articles_xml(path: Path, rel: str = GWN) -> Path:
    """The articles file (``rel`` under the data root) beside the gold folder, else under the shared data root
    (for gold kept elsewhere)."""
    tried = [path.parent / rel]
    root = default_data_root()
    if root is not None:
        tried.append(root / rel)
    for xml in tried:
        if xml.is_file():
            return xml
    raise DatasetError(
        f"{tried[0]}: missing. The events gold needs its articles ({rel}) beside its folder or under "
        "HERALD_EVAL_DATA."
    )


@dataclass
class Article:
    text: str
    title: str | None
    fetched: str | None  # the crawl date some sets record (TR-News ``dltime``); a stand-in publication date


def read_articles(path: Path, rel: str = GWN) -> list[Article]:
    def field(art: ET.Element, tag: str) -> str | None:
        value = art.findtext(tag)
        return value.strip() if value is not None else None

    def fetched(art: ET.Element) -> str | None:
        try:
            return normalise_date(field(art, "dltime"), what="crawl date")
        except InputFormatError:
            return None

    root = ET.parse(articles_xml(path, rel)).getroot()
    return [
        Article(art.findtext("text") or "", field(art, "title"), fetched(art)) for art in root.iter("article")
    ]


def read_gold(path: Path, prefix: str = "gwn-dev") -> list[tuple[int, dict[str, Any]]]:
    files = sorted(path.glob(f"{prefix}-*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if not files:
        raise DatasetError(f"{path}: no {prefix}-N.json file. Point --path at the events gold folder.")
    return [(int(f.stem.rsplit("-", 1)[1]), json.loads(f.read_text(encoding="utf-8"))) for f in files]


def score_article(gold: list[dict[str, Any]], preds: list[Pred], tally: Tally) -> list[dict[str, Any]]:
    """Greedy matching of one article; updates ``tally`` and returns the misses for error analysis."""
    used: set[int] = set()
    misses: list[dict[str, Any]] = []
    tally.preds += len(preds)
    for g in gold:
        types = {g["type"], *g.get("also_ok_type", [])}
        optional = bool(g.get("optional"))
        tally.required += not optional
        found = next(
            (
                i
                for i, p in enumerate(preds)
                if i not in used
                and p.type in types
                and p.historical == bool(g["historical"])
                and names_match(g["actor"], p.names)
            ),
            None,
        )
        if found is not None:
            used.add(found)
            tally.hit += not optional
            tally.by_type[f"{g['type']}:tp"] += not optional
            continue
        if optional:
            continue
        tally.by_type[f"{g['type']}:fn"] += 1
        free = [p for i, p in enumerate(preds) if i not in used]
        reason = failure(g, types, free)
        tally.failures[reason] += 1
        misses.append(
            {
                "gold": g["id"],
                "type": g["type"],
                "reason": reason,
                "note": g.get("note"),
                "gold_actor": g["actor"],
                "historical": bool(g["historical"]),
                "candidates": [  # unused predictions of the gold type: what Herald gave instead
                    f"{p.type} hist={p.historical} {sorted(p.names)} {p.rule} | {p.text}"
                    for p in free
                    if p.type in types
                ][:4],
            }
        )
    tally.used += len(used)
    for i, p in enumerate(preds):
        if i not in used:
            tally.by_type[f"{p.type}:fp"] += 1
            tally.failures["fp-no-actor" if not p.names else "fp-with-actor"] += 1
            misses.append(
                {
                    "pred": p.type,
                    "hist": p.historical,
                    "names": sorted(p.names),
                    "rule": p.rule,
                    "text": p.text,
                }
            )
    return misses


def failure(g: dict[str, Any], types: set[str], free: list[Pred]) -> str:
    hist = bool(g["historical"])
    typed = [p for p in free if p.type in types]
    if any(names_match(g["actor"], p.names) for p in typed):
        return "historical"
    if any(p.names for p in typed):
        return "wrong-actor"
    if typed:
        return "no-actor"
    if any(p.historical == hist and names_match(g["actor"], p.names) for p in free):
        return "wrong-type"
    return "missed"


Item = tuple[int | str, dict[str, Any], Article]  # (article key, its gold, the article)


def gwn_items(path: Path, rel: str = GWN, prefix: str = "gwn-dev") -> list[Item]:
    """Gold files ``<prefix>-N.json`` paired with article N of an LGL-schema articles file."""
    articles = read_articles(path, rel)
    items: list[Item] = []
    for n, g in read_gold(path, prefix):
        if n >= len(articles):
            raise DatasetError(f"{prefix}-{n}.json: {rel} has only {len(articles)} articles.")
        items.append((n, g, articles[n]))
    return items


def run_articles(
    items: list[Item], fold: Callable[[int], str] = fold_of
) -> tuple[Tally, dict[str, Tally], list[dict[str, Any]], int]:
    nlp = load()
    inputs = []
    for _key, g, art in items:
        # The gold's date when the text gives one; else the date the set's crawler fetched the page, as a
        # user's feed would supply it.
        published = g.get("published") or art.fetched
        inputs.append(make_doc(nlp, ArticleInput(text=art.text, title=art.title, published=published)))
    tally, errors = Tally(), []
    folds: dict[str, Tally] = {}
    for pos, ((key, g, _art), doc) in enumerate(zip(items, nlp.pipe(inputs), strict=True)):
        preds = predictions(list(doc._.herald_events or []), list(doc._.herald_actors or []))
        one = Tally()
        for miss in score_article(g["events"], preds, one):
            errors.append({"article": key, "fold": fold(pos), **miss})
        tally.merge(one)
        folds.setdefault(fold(pos), Tally()).merge(one)
    return tally, folds, errors, len(items)


def add_recall_precision(report: Report, task: str, tally: Tally) -> None:
    r = tally.hit / tally.required if tally.required else 0.0
    p = tally.used / tally.preds if tally.preds else 0.0
    report.add(task, "recall", r, support=tally.required)
    report.add(task, "precision", p, support=tally.preds)
    report.add(task, "f1", 2 * p * r / (p + r) if p + r else 0.0, support=tally.required)


@register
class EventsGwnDev(Dataset):
    name = "events-gwn-dev"
    description = "PLOVER events in 15 GeoWebNews DEV articles: recall/precision/F1, actor and flag match."
    tasks = ("events",)
    fold_note = (
        "events@fold-a = articles at even positions (1st, 3rd, ...: the ones rules were checked on), "
        "events@fold-b = the others (not looked at)."
    )
    articles_file = GWN
    gold_prefix = "gwn-dev"

    blind_fold: str | None = None  # a blind gold set is one fold of its own: every article in it

    def fold(self, position: int) -> str:
        return self.blind_fold or fold_of(position)

    def items(self, path: Path) -> list[Item]:
        """Each gold file with its article."""
        return gwn_items(path, self.articles_file, self.gold_prefix)

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        items = self.items(path)
        tally, folds, errors, n = run_articles(items[:limit] if limit else items, self.fold)
        report.documents = n
        report.errors = errors[:300]
        add_recall_precision(report, "events", tally)
        for name, fold in folds.items():
            add_recall_precision(report, f"events@fold-{name}", fold)
        types = sorted({k.split(":")[0] for k in tally.by_type})
        for t in types:
            tp, fn, fp = (tally.by_type[f"{t}:{x}"] for x in ("tp", "fn", "fp"))
            report.add_prf(f"type:{t}", tp, fp, fn)
        missed = tally.required - tally.hit
        for reason in FAILURES:
            add_share(report, f"miss:{reason}", "share", tally.failures[reason], missed)
        wrong = tally.preds - tally.used
        for reason in ("fp-no-actor", "fp-with-actor"):
            add_share(report, reason, "share", tally.failures[reason], wrong)
        report.notes.append(
            f"{tally.hit} of {tally.required} required gold events matched; {tally.used} of {tally.preds} "
            f"predictions matched a gold event. Per-type rows: true positives and misses over required gold "
            f"events, false positives = predictions of that type matched to no gold event. {self.fold_note} "
            f"--errors prints every miss and false positive."
        )


@register
class EventsGwnFoldC(EventsGwnDev):
    """Herald's own blind gold on 11 more GeoWebNews DEV articles (``eval/events-gwn-foldc``).

    Annotated from the article texts alone, without running Herald on them, by the same guidelines as
    ``events-gwn-dev``; kept out of every error analysis, so it is an untuned figure. The articles
    themselves are read from ``geowebnews/GWN.dev.xml`` under the shared data root."""

    name = "events-gwn-foldc"
    description = "PLOVER events in 11 more GeoWebNews DEV articles: Herald's own blind gold (fold c)."
    bundled = "eval/events-gwn-foldc"
    fold_note = "events@fold-c = every article (annotated blind; never used for error analysis)."
    blind_fold = "c"


@register
class EventsTrnFoldD(EventsGwnDev):
    """Herald's own blind gold on 16 TR-News DEV articles of international political news
    (``eval/events-trn-foldd``).

    Written from the article texts alone, by two annotators following the ``events-gwn-dev`` guidelines,
    before Herald was run on them; kept out of every error analysis. The articles are read from
    ``tr-news/TR-News.dev.xml`` under the shared data root; an article whose gold gives no publication date
    is dated by the set's crawl date (``dltime``)."""

    name = "events-trn-foldd"
    description = "PLOVER events in 16 TR-News DEV political news articles: Herald's own blind gold (fold d)."
    bundled = "eval/events-trn-foldd"
    articles_file = "tr-news/TR-News.dev.xml"
    gold_prefix = "trn-dev"
    fold_note = "events@fold-d = every article (annotated blind; never used for error analysis)."
    blind_fold = "d"


POLNEAR_ENV = "HERALD_POLNEAR"


def polnear_root() -> Path:
    """A PolNeAR clone: ``$HERALD_POLNEAR``, else ``polnear/`` under the shared data root. PolNeAR is not
    redistributed with Herald (its data carries no licence of its own), so the user supplies the clone."""
    tried: list[Path] = []
    env = os.environ.get(POLNEAR_ENV)
    if env:
        tried.append(Path(env))
    root = default_data_root()
    if root is not None:
        tried.append(root / "polnear")
    for clone in tried:
        if (clone / "data").is_dir():
            return clone
    raise DatasetError(
        f"No PolNeAR clone found (tried {', '.join(map(str, tried)) or 'nothing'}). Clone "
        f"networkdynamics/PolNeAR and set {POLNEAR_ENV} to the clone's folder."
    )


@register
class EventsPolnearFoldE(EventsGwnDev):
    """Herald's own blind gold on 12 PolNeAR train articles of US political news
    (``eval/events-polnear-folde``).

    Written from the article texts alone, by two annotators following the ``events-gwn-dev`` guidelines,
    before Herald was run on them; kept out of every error analysis. Gold file ``polnear-<name>.json``
    annotates ``data/train/text/<name>.txt`` of a user-supplied PolNeAR clone (see :func:`polnear_root`); the
    whole file (headline line included) is the article text, dated by the gold's ``published``, which is
    the date in the file's name."""

    name = "events-polnear-folde"
    description = "PLOVER events in 12 PolNeAR US political news articles: Herald's own blind gold (fold e)."
    bundled = "eval/events-polnear-folde"
    gold_prefix = "polnear"
    fold_note = "events@fold-e = every article (annotated blind; never used for error analysis)."
    blind_fold = "e"
    split = "train"  # the PolNeAR split the articles are read from

    def items(self, path: Path) -> list[Item]:
        files = sorted(path.glob(f"{self.gold_prefix}-*.json"))
        if not files:
            raise DatasetError(
                f"{path}: no {self.gold_prefix}-<name>.json file. Point --path at the gold folder."
            )
        text_dir = polnear_root() / "data" / self.split / "text"
        items: list[Item] = []
        for f in files:
            name = f.stem.removeprefix(f"{self.gold_prefix}-")
            txt = text_dir / f"{name}.txt"
            if not txt.is_file():
                raise DatasetError(f"{f.name}: its article {txt} is missing from the PolNeAR clone.")
            gold = json.loads(f.read_text(encoding="utf-8"))
            items.append((name, gold, Article(txt.read_text(encoding="utf-8"), None, None)))
        return items


@register
class EventsPolnearLook(EventsPolnearFoldE):
    """The ``speech3`` look set: gold on 8 PolNeAR **dev** articles of US political news
    (``eval/events-polnear-look``), written before Herald was run on them, then used for error analysis of
    speech events (so its figures are tuned, not blind). Scored like fold e; articles come from
    ``data/dev/text/`` of the PolNeAR clone."""

    name = "events-polnear-look"
    description = "PLOVER events in 8 PolNeAR dev political news articles: a look set for speech events."
    bundled = "eval/events-polnear-look"
    fold_note = "events@fold-look = every article (a look set: its misses were read)."
    blind_fold = "look"
    split = "dev"
