"""Pure functions: Doc -> Figure records.

For every sentence: find quantity expressions (:mod:`.numbers`), drop what is not a figure (:mod:`.filters`),
decide what is counted (:mod:`.counted`), whose word it rests on (:mod:`.source`), which hedges apply
(:mod:`.hedges`) and which event it belongs to (:mod:`.link`). Every figure records the rules that made it.
"""

from __future__ import annotations

import functools

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from ...schema import Event, Figure, Time
from ...schema import Span as TextSpan
from ..common import doc_text
from . import hedges as hedge_cues
from . import implicit
from .background import background_rule
from .counted import OPEN_TOTAL
from .counted import resolve as resolve_counted
from .filters import not_a_figure
from .lexicon import FiguresLexicon, lexicon
from .link import event_for
from .numbers import Quantity, Scanner
from .source import resolve as resolve_source

_NUMERIC_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})


@functools.lru_cache(maxsize=1)
def _scanner() -> Scanner:
    return Scanner(lexicon())


def _in_time(times: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in times)


def _number(value: float | None) -> float | None:
    return None if value is None else float(round(value, 6))


def _name_like(doc: Doc, q: Quantity) -> bool:
    """A bare number right after a proper noun, or capitalised number words inside a sentence."""
    first = doc[q.num_start]
    if q.start != q.num_start or q.end != q.num_end:
        return False
    prev = doc[q.num_start - 1] if q.num_start > 0 else None
    if first.is_alpha:
        nxt = doc[q.num_end] if q.num_end < len(doc) else None
        return (
            all(doc[i].is_title for i in range(q.num_start, q.num_end))
            and not first.is_sent_start
            and (
                (prev is not None and prev.pos_ == "PROPN" and not prev.is_lower)
                or (nxt is not None and nxt.is_title and nxt.ent_type_ != "NORP")
            )
        )
    return (
        prev is not None
        and prev.pos_ in ("PROPN", "NOUN")
        and any(c.isupper() for c in prev.text)
        and bool(prev.whitespace_)
        and q.num_end - q.num_start == 1
        and first.text.replace("-", "").isdigit()
    )


def _lowers(doc: Doc) -> list[str]:
    """Lower-cased token texts, read from the Doc array (no Token objects: they are costly to create)."""
    strings = doc.vocab.strings
    cache: dict[int, str] = {}
    out: list[str] = []
    for h in doc.to_array([LOWER]).tolist():
        s = cache.get(h)
        if s is None:
            s = cache[h] = strings[h]
        out.append(s)
    return out


def extract_figures(doc: Doc) -> list[Figure]:
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    lex = lexicon()
    scanner = _scanner()
    times = [(t.start, t.end) for t in (doc._.herald_times or ()) if isinstance(t, Time)]
    events = [e for e in (doc._.herald_events or ()) if isinstance(e, Event)]
    sents = list(doc.sents)
    text = doc_text(doc)
    lowers = _lowers(doc)
    hedge_cache: dict[int, list[tuple[str, str]]] = {}

    def hedges_of(si: int) -> list[tuple[str, str]]:
        if si >= len(sents):
            return []
        if si not in hedge_cache:
            hedge_cache[si] = hedge_cues.find(text[sents[si].start_char : sents[si].end_char], lex)
        return hedge_cache[si]

    figures: list[Figure] = []
    for si, sent in enumerate(sents):
        found = scanner.scan(sent, lowers)
        taken = {i for q in found for i in range(q.start, q.end)}
        for q in sorted([*found, *implicit.candidates(sent, lowers, taken, lex)], key=lambda q: q.start):
            figure = _figure(doc, text, lowers, sent, q, times, events, lex, len(figures) + 1)
            if figure is None:
                continue
            figure.hedges = hedge_cues.for_figure(hedges_of(si), hedges_of(si + 1))
            if figure.counts == OPEN_TOTAL:
                _open_total(figure, figures)
            figures.append(figure)
    return figures


_NOT_SUMMED = frozenset({None, "other", "money", "percent", OPEN_TOTAL})


def _open_total(figure: Figure, earlier: list[Figure]) -> None:
    """ "Two soldiers were killed and three policemen died, bringing the total to five": the stated total
    counts what the figures before it in the sentence count. The separate tolls stay figures of their own."""
    same = [f for f in earlier if f.evidence.start == figure.evidence.start and f.counts not in _NOT_SUMMED]
    figure.counts = same[-1].counts if same else "other"
    figure.rule = f"{figure.rule}; total-of:{same[-1].id}" if same else figure.rule


def _figure(
    doc: Doc,
    text: str,
    lowers: list[str],
    sent: Span,
    q: Quantity,
    times: list[tuple[int, int]],
    events: list[Event],
    lex: FiguresLexicon,
    n: int,
) -> Figure | None:
    is_implicit = q.rules[0].startswith("implicit")
    is_zero = q.rules[0].startswith("zero:")  # "no one": the negated-one filter is what it replaces
    if not (is_implicit or is_zero) and not_a_figure(doc, q, lex) is not None:
        return None
    start = doc[q.start].idx
    end = doc[q.end - 1].idx + len(doc[q.end - 1].text)
    num_start = doc[q.num_start].idx
    num_end = doc[q.num_end - 1].idx + len(doc[q.num_end - 1].text)
    if not (q.currency or q.percent) and _in_time(times, num_start, num_end):
        return None  # a duration or date the times stage owns ("three days")
    counted = resolve_counted(doc, q, lex)
    if (q.weak or q.singular) and counted.counts in (None, "other"):
        return None  # "several operations", "one man": not a claim about a count we know
    if is_implicit and counted.counts not in lex.implicit_categories:
        return None  # "a soldier" counts only when killed, wounded, abducted, arrested or detained
    if counted.counts == "other" and _name_like(doc, q):
        return None  # "Boeing 737", "iOS 5", "S&P 500", "the Ford Five Hundred"
    noun = counted.noun
    if counted.counts == "other" and noun is not None and noun.tag_ == "NNP" and noun.ent_type_ != "NORP":
        return None  # "the 787 Dreamliner": a number in a name
    if counted.counts == "other" and counted.unit is None and doc[q.head].ent_type_ not in _NUMERIC_ENTS:
        return None  # a bare number the NER does not see as a quantity either
    src = resolve_source(doc, sent, counted.slot, start, end, lex, lowers)
    event_id, event_rule = event_for(events, counted.trigger, counted.slot)
    rules = [*q.rules, f"counts:{counted.rule}", f"source:{src.rule}"]
    if event_id:
        rules.append(event_rule)
    background = background_rule(counted.trigger or doc[q.head], event_id, events, lex)
    if background is not None:
        rules.append(background)
    return Figure(
        id=f"f{n}",
        value=_number(q.value),
        low=_number(q.low),
        high=_number(q.high),
        qualifier=q.qualifier,
        vague=q.vague,
        counts=counted.counts,
        unit=counted.unit,
        source=src.actor,
        source_text=src.text,
        source_statement=src.statement,
        event=event_id,
        evidence=TextSpan(
            start=sent.start_char, end=sent.end_char, text=text[sent.start_char : sent.end_char]
        ),
        number=TextSpan(start=start, end=end, text=text[start:end]),
        rule="; ".join(rules),
        additional=counted.additional,
        historical=background is not None,
    )
