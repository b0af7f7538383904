"""Shared scoring of time expressions (TIMEX3-style gold) for the times datasets, dateparser beside Herald.

Span detection: strict (same offsets) and relaxed (overlap) precision/recall/F1.
Values: a Herald value equals a gold value when the strings agree or both cover the same calendar days
(``2004-W47`` = 2004-11-15/2004-11-21); durations must agree as strings; gold PAST_REF/PRESENT_REF/FUTURE_REF
match a vague Herald interval ending at / containing / starting at the publication date.
The dateparser baseline (default settings, ``RELATIVE_BASE`` = publication date; its reported period sets the
granularity) is run on the same spans: Herald's found spans that match gold, and separately all gold spans.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from spacy.tokens import Doc

from ...eval.core import Report
from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ...stages.s1_times.extract import parse_span
from ...stages.s1_times.values import iso_week, value_range
from ._metrics import add_share


@dataclass
class GoldTime:
    start: int
    end: int
    text: str
    value: str | None  # None: present for span detection only
    type: str = "DATE"


@dataclass
class GoldDoc:
    id: str
    text: str
    published: date | None
    times: list[GoldTime]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # e.g. the dateline carrying the DCT
    annotated_until: int | None = None  # character offset where the annotated part of the text ends


def gold_equivalent(ours: str | None, gold: str | None, published: date | None, vague: bool = False) -> bool:
    """Whether a Herald value means the same as a gold TIMEX3-style value."""
    if ours is None or gold is None:
        return False
    gold = gold.lstrip("-") if re.match(r"-\d{4}", gold) else gold
    if ours == gold:
        return True
    if gold in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
        if not vague or published is None or "/" not in ours:
            return False
        a, _, b = ours.partition("/")
        p = published.isoformat()
        return {"PAST_REF": b == p, "FUTURE_REF": a == p, "PRESENT_REF": a <= p <= b}[gold]
    if ours.startswith("P") or gold.startswith("P"):
        return False
    ro, rg = value_range(ours.split("T")[0]), value_range(gold.split("T")[0])
    return ro is not None and ro == rg


@functools.lru_cache(maxsize=64)
def _dateparser(published: date | None) -> object:
    from dateparser.date import DateDataParser

    settings = (
        {"RELATIVE_BASE": datetime(published.year, published.month, published.day)} if published else {}
    )
    return DateDataParser(settings=settings)


def dateparser_value(text: str, published: date | None) -> str | None:
    """Plain dateparser's reading of a time expression, formatted at the granularity it reports."""
    parser = _dateparser(published)
    data = parser.get_date_data(text)  # type: ignore[attr-defined]
    d = data.date_obj
    if d is None:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        return iso_week(d.date())
    return d.date().isoformat()


def run_herald(docs: list[GoldDoc]) -> Iterator[tuple[GoldDoc, Doc]]:
    nlp = load()
    inputs = (
        make_doc(nlp, ArticleInput(text=g.text, published=g.published.isoformat() if g.published else None))
        for g in docs
    )
    yield from zip(docs, nlp.pipe(inputs, batch_size=16), strict=True)


def herald_on_gold_span(doc: Doc, gt: GoldTime, published: date | None) -> str | None:
    """Herald's normalisation rules applied to a gold span (detection taken from the gold)."""
    span = doc.char_span(gt.start, gt.end, alignment_mode="expand")
    if span is None:
        return None
    parsed = parse_span(span, published)
    return parsed.value if parsed else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class _Tally:
    """Counts of one document (or a sum of documents) for the value F1 and its failure breakdown."""

    value_tp: Counter[str] = field(default_factory=Counter)  # by gold type
    value_fp: Counter[str] = field(default_factory=Counter)  # by Herald type: wrong value or spurious
    value_fn: Counter[str] = field(default_factory=Counter)  # by gold type: missed or wrong value
    missed: Counter[str] = field(default_factory=Counter)  # gold type -> gold spans no Herald time overlaps
    wrong: Counter[str] = field(default_factory=Counter)  # gold type -> found, value not equivalent
    spurious: Counter[str] = field(default_factory=Counter)  # Herald type -> overlaps no gold time

    def __iadd__(self, other: _Tally) -> _Tally:
        for name in ("value_tp", "value_fp", "value_fn", "missed", "wrong", "spurious"):
            getattr(self, name).update(getattr(other, name))
        return self


_DAY_PART = re.compile(r"\d{4}-\d{2}-\d{2}T(?:MO|AF|EV|NI)")
_MAX_ERRORS = 3000  # enough for every error of a 250-document TimeML corpus

_TYPES = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def _add_value_prf(report: Report, task: str, t: _Tally, types: bool) -> None:
    report.add_prf(task, sum(t.value_tp.values()), sum(t.value_fp.values()), sum(t.value_fn.values()))
    if not types:
        return
    for typ in sorted({*t.value_tp, *t.value_fn, *t.value_fp}):
        report.add_prf(f"{task}:{typ}", t.value_tp[typ], t.value_fp[typ], t.value_fn[typ])


def fold_of(index: int) -> str:
    """Documents in file order alternate between fold A (used for tuning) and fold B (never looked at)."""
    return "A" if index % 2 == 0 else "B"


def score(report: Report, docs: Iterable[GoldDoc], *, only_dates: bool = False, task: str = "times") -> None:
    """Add span P/R/F1 and value accuracies (Herald and dateparser) to the report."""
    docs = list(docs)
    report.documents = len(docs)
    strict = [0, 0, 0]
    relaxed = [0, 0, 0]
    matched = matched_ok = matched_dp = 0
    gold_with_value = e2e_ok = gold_dp = 0
    errors: list[dict[str, object]] = []
    herald_gold = 0
    tallies: dict[str, _Tally] = {"A": _Tally(), "B": _Tally()}
    for index, (g, doc) in enumerate(run_herald(docs)):
        tally = tallies[fold_of(index)]
        found = list(doc._.herald_times or [])
        found = [
            t
            for t in found
            if not any(_overlaps((t.start, t.end), r) for r in g.ignore)
            and (g.annotated_until is None or t.start < g.annotated_until)
        ]
        if only_dates:  # calendar dates only: no durations, sets, or reference points ("now", "the past")
            # a day's part ("Saturday night", 2007-03-03TNI) is TimeML type TIME but names a calendar day
            found = [
                t
                for t in found
                if (t.type == "date" and not (t.value or "").endswith("_REF"))
                or (t.type == "time" and _DAY_PART.fullmatch(t.value or ""))
            ]
        golds = [t for t in g.times if not any(_overlaps((t.start, t.end), r) for r in g.ignore)]
        exact = {(t.start, t.end) for t in found}
        tp = sum((t.start, t.end) in exact for t in golds)
        strict[0] += tp
        strict[1] += len(found) - tp
        strict[2] += len(golds) - tp
        used: set[str] = set()
        for gt in golds:
            hit = next(
                (t for t in found if t.id not in used and _overlaps((t.start, t.end), (gt.start, gt.end))),
                None,
            )
            if hit is not None:
                used.add(hit.id)
                relaxed[0] += 1
            else:
                relaxed[2] += 1
            if gt.value is None:
                continue
            gold_with_value += 1
            typ = gt.type.upper()
            dp_gold = dateparser_value(gt.text, g.published)
            gold_dp += gold_equivalent(dp_gold, gt.value, g.published)
            herald_gold += gold_equivalent(
                herald_on_gold_span(doc, gt, g.published), gt.value, g.published, vague=True
            )
            if hit is None:
                tally.missed[typ] += 1
                tally.value_fn[typ] += 1
                if len(errors) < _MAX_ERRORS:
                    errors.append(
                        {
                            "fold": fold_of(index),
                            "doc": g.id,
                            "gold": gt.text,
                            "gold_value": gt.value,
                            "herald": None,
                        }
                    )
                continue
            ok = gold_equivalent(hit.value, gt.value, g.published, hit.vague)
            dp = gold_equivalent(dateparser_value(hit.text, g.published), gt.value, g.published)
            matched += 1
            matched_ok += ok
            matched_dp += dp
            e2e_ok += ok
            if ok:
                tally.value_tp[typ] += 1
            else:
                tally.wrong[typ] += 1
                tally.value_fn[typ] += 1
                tally.value_fp[_TYPES[hit.type]] += 1
            if not ok and len(errors) < _MAX_ERRORS:
                errors.append(
                    {
                        "fold": fold_of(index),
                        "doc": g.id,
                        "gold": gt.text,
                        "gold_value": gt.value,
                        "herald": hit.text,
                        "herald_value": hit.value,
                        "rule": hit.rule,
                    }
                )
        relaxed[1] += len(found) - len(used)
        for t in found:
            if t.id not in used:
                tally.spurious[_TYPES[t.type]] += 1
                tally.value_fp[_TYPES[t.type]] += 1
                if len(errors) < _MAX_ERRORS:
                    errors.append(
                        {
                            "fold": fold_of(index),
                            "doc": g.id,
                            "spurious": t.text,
                            "value": t.value,
                            "rule": t.rule,
                        }
                    )
    report.add_prf(f"{task}-span-strict", *strict)
    report.add_prf(f"{task}-span-relaxed", *relaxed)
    value = f"{task}-value"
    add_share(
        report,
        value,
        "accuracy-on-matched",
        matched_ok,
        matched,
        note="gold times overlapped by a Herald time; value equivalent",
    )
    add_share(
        report,
        value,
        "accuracy-on-matched",
        matched_dp,
        matched,
        system="dateparser",
        note="dateparser on Herald's span text of the same matches",
    )
    add_share(
        report,
        value,
        "accuracy-all-gold",
        e2e_ok,
        gold_with_value,
        note="end to end: found and normalised correctly",
    )
    add_share(
        report,
        value,
        "accuracy-on-gold-spans",
        herald_gold,
        gold_with_value,
        note="Herald's rules on every gold span's text (detection from gold)",
    )
    add_share(
        report,
        value,
        "accuracy-on-gold-spans",
        gold_dp,
        gold_with_value,
        system="dateparser",
        note="dateparser on every gold span's text",
    )
    total = _Tally()
    for part in tallies.values():
        total += part
    # TempEval-3 style: a time counts when its span overlaps a gold time and its value is equivalent;
    # precision over all Herald times, recall over all gold times with a value.
    _add_value_prf(report, f"{task}-value-f1", total, types=True)
    for name, part in tallies.items():
        _add_value_prf(report, f"{task}-value-f1-fold{name}", part, types=False)
    for kind in ("missed", "wrong", "spurious"):
        counts: Counter[str] = getattr(total, kind)
        for typ, n in sorted(counts.items()):
            report.add(f"{task}-failures", f"{kind}:{typ}", float(n), support=n)
    report.notes.append(
        "value-f1: a Herald time is right when it overlaps a gold time and its value is equivalent; "
        "failures: missed = gold span not found, wrong = found with another value, spurious = no gold "
        "time there. Fold A (even documents in file order) was used for tuning; fold B was not."
    )
    report.errors = errors
