"""The claim ledger: every figure given for a fused event, with who gave it and when — never one number
picked silently.

For each fused event and each counted thing (killed, wounded, ...) the ledger lists every figure in
publication order and states whether the sources disagree: the latest figure per source, the range across
sources, and whether the spread is explained by *time* (each new figure from a later report, a toll rising)
or by *source* (different sources giving different figures at the same moment), or both. Where a single
number is needed it follows a named rule (``single_figure_rule`` in the fusion config), and the rule's name
is given beside it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .fusion_config import FusionConfig, load_config
from .sql import Where

_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


@dataclass
class LedgerRow:
    """One figure of a fused event, as a source gave it in an article."""

    fused_id: str
    counts: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    vague: bool
    unit: str | None
    source: str | None  # who the figure rests on (actor name, else the text), None when unattributed
    hedges: list[str]
    article: str
    outlet: str | None
    published: str | None
    cluster: str | None
    role: str  # report | recall | figure: the kind of mention the figure came with
    attached_by: str  # event | same-article | figure-mention
    figure: str
    evidence: str | None
    source_id: str | None = (
        None  # the source actor's Wikidata id, when resolved: one source whatever its name
    )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Disagreement:
    """What the figures for one (fused event, counted thing) say together."""

    fused_id: str
    counts: str
    figures: int
    sources: int
    latest_per_source: dict[str, float | None]
    low: float | None
    high: float | None
    disagree: bool
    spread: str  # none | time | source | time+source
    explanation: str
    single_figure: float | None
    single_figure_rule: str
    single_figure_source: str | None
    rows: list[LedgerRow] = field(default_factory=list)
    # Each source's figures in publication order: {source: [(published, value), ...]}, copies once.
    history: dict[str, list[tuple[str | None, float | None]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rows"] = [r.as_dict() for r in self.rows]
        return d


def source_key(source: str | None, outlet: str | None, source_id: str | None = None) -> str:
    """One name per source: 'The health ministry' and 'the health ministry' are one, and so are two names
    resolved to one Wikidata id; unattributed figures are the outlet's own."""
    if source_id:
        return source_id
    if not source:
        return f"(unattributed, {outlet or 'unknown outlet'})"
    return _ARTICLE.sub("", source.strip()).lower()


def ledger(
    conn: sqlite3.Connection, fused_id: str | None = None, counts: str | list[str] | None = None
) -> list[LedgerRow]:
    """Every figure of a fused event (or of all), in publication order."""
    w = Where()
    if fused_id:
        w.add("fused_id = ?", fused_id)
    if counts:
        w.add_in("counts", (c.lower() for c in ([counts] if isinstance(counts, str) else counts)))
    sql = (
        "SELECT ledger.*, (SELECT wikidata FROM actors WHERE uid = ledger.source_actor) AS source_id "
        "FROM ledger" + w.sql()
    )
    sql += " ORDER BY fused_id, counts, published, cluster != article_key, article, figure"  # originals first
    perpetrators = set(load_config().raw.get("perpetrator_units") or [])
    return [
        LedgerRow(
            fused_id=r["fused_id"],
            # "3 attackers killed" is not a figure for the victims' toll: counted apart.
            counts=(r["counts"] or "other") + (" (perpetrators)" if r["unit"] in perpetrators else ""),
            value=r["value"],
            low=r["low"],
            high=r["high"],
            qualifier=r["qualifier"],
            vague=bool(r["vague"]),
            unit=r["unit"],
            source=r["source"],
            hedges=json.loads(r["hedges"] or "[]"),
            article=r["article"],
            outlet=r["outlet"],
            published=r["published"],
            cluster=r["cluster"],
            role=r["role"],
            attached_by=r["attached_by"],
            figure=r["figure"],
            evidence=r["evidence"],
            source_id=r["source_id"],
        )
        for r in conn.execute(sql, w.params)
    ]


def _days(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def assess(rows: list[LedgerRow], config: FusionConfig | None = None) -> Disagreement:
    """Disagreement and the single figure for the rows of one (fused event, counted thing)."""
    cfg = config or load_config()
    rows = sorted(rows, key=lambda r: r.published or "")  # stable: keeps the ledger's order within a day
    # Figures restated in background mentions months later are listed but judged only when nothing else is.
    basis = [r for r in rows if r.role != "recall"] or rows
    latest: dict[str, LedgerRow] = {}
    independent: dict[str, set[str]] = {}
    label: dict[str, str] = {}  # grouping key (Wikidata id or name) -> the name shown
    for r in rows:
        label.setdefault(source_key(r.source, r.outlet, r.source_id), source_key(r.source, r.outlet))
    for r in basis:
        k = source_key(r.source, r.outlet, r.source_id)
        latest[k] = r  # rows are in time order: the last one wins
        independent.setdefault(k, set()).add(r.cluster or r.article)
    values = [r.value for r in latest.values() if r.value is not None]
    low, high = (min(values), max(values)) if values else (None, None)
    disagree = len(set(values)) > 1
    # Pairs of figures in publication order (a before b) that differ.
    pairs = [
        (a, b, source_key(a.source, a.outlet, a.source_id) == source_key(b.source, b.outlet, b.source_id))
        for i, a in enumerate(basis)
        for b in basis[i + 1 :]
        if a.value is not None and b.value is not None and a.value != b.value
    ]
    moment = cfg.same_moment_days
    # By time: a later figure is higher (a toll rising) or the same source revised its own figure.
    by_time = any(
        _days(a.published, b.published) > moment and (same or (b.value or 0) > (a.value or 0))
        for a, b, same in pairs
    )
    # By source: two sources differ at the same moment, or a later source gives less than an earlier one
    # (a toll does not fall: that is another party's count).
    by_source = any(
        not same and (_days(a.published, b.published) <= moment or (b.value or 0) < (a.value or 0))
        for a, b, same in pairs
    )
    if not disagree and len({r.value for r in basis if r.value is not None}) <= 1:
        spread, text = "none", "every source gives the same figure"
    else:
        spread = "+".join(k for k, on in (("time", by_time), ("source", by_source)) if on) or "time"
        parts = []
        if by_time:
            shown = [f"{v:g}" for v in dict.fromkeys(r.value for r in basis if r.value is not None)]
            parts.append("figures change over time (" + " → ".join(shown) + ")")
        if by_source:
            parts.append("sources differ (at the same moment, or a later source gives less)")
        if low is not None and high is not None and low != high:
            parts.append(f"latest per source ranges {low:g}–{high:g}")
        text = "; ".join(parts)
    if len(basis) < len(rows):
        text += f" ({len(rows) - len(basis)} figure(s) restated in background mentions listed, not judged)"
    history: dict[str, list[tuple[str | None, float | None]]] = {}
    for r in rows:
        steps = history.setdefault(label[source_key(r.source, r.outlet, r.source_id)], [])
        if not steps or steps[-1][1] != r.value:
            steps.append((r.published, r.value))
    single, who = _single(latest, independent, cfg.single_figure_rule)
    first = rows[0] if rows else None
    return Disagreement(
        fused_id=first.fused_id if first else "",
        counts=first.counts if first else "",
        figures=len(rows),
        sources=len(latest),
        latest_per_source={label[k]: r.value for k, r in latest.items()},
        low=low,
        high=high,
        disagree=disagree,
        spread=spread,
        explanation=text,
        single_figure=single,
        single_figure_rule=cfg.single_figure_rule,
        single_figure_source=who,
        rows=rows,
        history=history,
    )


def _single(
    latest: dict[str, LedgerRow], independent: dict[str, set[str]], rule: str
) -> tuple[float | None, str | None]:
    known = {k: r for k, r in latest.items() if r.value is not None}
    if not known:
        return None, None
    if rule == "most-conservative":
        k = min(known, key=lambda k: (known[k].value or 0, k))
    elif rule == "latest":
        k = max(known, key=lambda k: (known[k].published or "", k))
    else:  # latest-most-independent
        k = max(known, key=lambda k: (len(independent[k]), known[k].published or "", k))
    return known[k].value, latest[k].source or k


def claims(
    conn: sqlite3.Connection,
    fused_id: str | None = None,
    counts: str | list[str] | None = None,
    config: FusionConfig | None = None,
) -> list[Disagreement]:
    """The ledger grouped by (fused event, counted thing), each with its disagreement and single figure."""
    groups: dict[tuple[str, str], list[LedgerRow]] = {}
    for r in ledger(conn, fused_id, counts):
        groups.setdefault((r.fused_id, r.counts), []).append(r)
    return [assess(rows, config) for _, rows in sorted(groups.items())]
