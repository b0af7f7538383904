"""A summary of the store: articles and duplicates, events by type, top dyads, figures with their sources and
hedges.

Counts are once per duplicate cluster (the cluster's first article) and leave out historical events.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from rich.console import Console
from rich.table import Table


def summarize(conn: sqlite3.Connection, *, top: int = 10, figures: int = 30) -> dict[str, Any]:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    articles = {
        "sources": one("SELECT count(*) FROM article_sources"),
        "stored": one("SELECT count(*) FROM articles"),
        "ok": one("SELECT count(*) FROM articles WHERE status = 'ok'"),
        "skipped": one("SELECT count(*) FROM articles WHERE status = 'skipped'"),
        "exact_copies": one("SELECT count(*) FROM article_sources") - one("SELECT count(*) FROM articles"),
        "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "clusters_with_duplicates": one(
            "SELECT count(*) FROM (SELECT cluster FROM articles GROUP BY cluster HAVING count(*) > 1)"
        ),
        "errors": one("SELECT count(*) FROM errors"),
    }
    by_type = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT type, count(*) FROM canonical_events WHERE historical = 0 "
            "GROUP BY type ORDER BY 2 DESC, 1"
        )
    }
    dyads = [
        dict(r)
        for r in conn.execute(
            "SELECT d.actor, d.recipient, count(*) AS events, group_concat(DISTINCT d.type) AS types "
            "FROM dyads d JOIN canonical_events e ON e.uid = d.event WHERE e.historical = 0 "
            "GROUP BY d.actor, d.recipient ORDER BY events DESC, d.actor LIMIT ?",
            (top,),
        )
    ]
    figs = []
    for r in conn.execute(
        "SELECT a.published AS date, fg.counts, fg.value, fg.low, fg.high, fg.qualifier, fg.unit, "
        "COALESCE(ac.name, fg.source_text) AS according_to, fg.hedges, a.source AS outlet, fg.evidence "
        "FROM figures fg JOIN articles a ON a.key = fg.article LEFT JOIN actors ac ON ac.uid = fg.source "
        "WHERE a.duplicate_of IS NULL ORDER BY CASE fg.counts WHEN 'killed' THEN 0 WHEN 'wounded' THEN 1 "
        "WHEN 'displaced' THEN 2 ELSE 3 END, fg.counts IS NULL, fg.counts, a.published, fg.uid LIMIT ?",
        (figures,),
    ):
        row = dict(r)
        row["hedges"] = json.loads(row["hedges"] or "[]")
        figs.append(row)
    return {
        "articles": articles,
        "events": one("SELECT count(*) FROM canonical_events WHERE historical = 0"),
        "events_all_copies": one("SELECT count(*) FROM events"),
        "events_by_type": by_type,
        "top_dyads": dyads,
        "figures": figs,
    }


def _fmt(value: float) -> str:
    """34450.0 -> '34,450'; 2.5 -> '2.5'; 8000000.0 -> '8,000,000'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _num(row: dict[str, Any]) -> str:
    if row["low"] is not None and row["high"] is not None and row["low"] != row["high"]:
        text = f"{_fmt(row['low'])}–{_fmt(row['high'])}"
    elif row["value"] is not None:
        text = _fmt(row["value"])
    else:
        text = "?"
    if row.get("unit") and row.get("counts") in ("money", "percent"):
        text = f"{text} {row['unit']}"
    return f"{row['qualifier']} {text}" if row.get("qualifier") else text


def render(summary: dict[str, Any], console: Console) -> None:
    a = summary["articles"]
    console.print(
        f"[bold]Articles[/bold]: {a['stored']} stored from {a['sources']} sources "
        f"({a['ok']} coded, {a['skipped']} skipped as non-English); "
        f"{a['exact_copies']} exact copies and {a['near_duplicates']} near-duplicates "
        f"in {a['clusters_with_duplicates']} clusters; {a['errors']} errors"
    )
    console.print(
        f"[bold]Events[/bold]: {summary['events']} (once per duplicate cluster; "
        f"{summary['events_all_copies']} counting every copy)"
    )
    if summary["events_by_type"]:
        t = Table("type", "events", title="Events by type")
        for k, v in summary["events_by_type"].items():
            t.add_row(k, str(v))
        console.print(t)
    if summary["top_dyads"]:
        t = Table("actor", "recipient", "events", "types", title="Top dyads")
        for d in summary["top_dyads"]:
            t.add_row(d["actor"] or "", d["recipient"] or "", str(d["events"]), d["types"] or "")
        console.print(t)
    if summary["figures"]:
        t = Table(
            "date", "counts", "figure", "according to", "hedges", "outlet", title="Figures and their sources"
        )
        for f in summary["figures"]:
            t.add_row(
                f["date"] or "",
                f["counts"] or f["unit"] or "",
                _num(f),
                f["according_to"] or "—",
                ", ".join(f["hedges"]) or "—",
                f["outlet"] or "",
            )
        console.print(t)
