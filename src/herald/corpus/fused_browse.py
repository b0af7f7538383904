"""Fused events and the claim ledger for browsing (``herald serve``): filtered, paged and shaped for display,
over :mod:`herald.corpus.fusion` and :mod:`herald.corpus.ledger` (see docs/fusion.md).

A store that was never fused (or predates fusion) has no fused events: these functions then return empty
results with ``available: false`` and a message saying how to produce them, rather than failing.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..stages.s5_events.ontology import load_ontology
from . import fusion
from . import ledger as claims_ledger
from .query import Filters

NOT_YET = (
    "No fused events yet: this store has not been fused. Run `herald fuse --db STORE` (ingest fuses new "
    "articles itself), then reload."
)


def available(conn: sqlite3.Connection) -> bool:
    """The store has the fusion tables and at least one fused event."""
    try:
        return conn.execute("SELECT 1 FROM fused_events LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:  # no such table: a store from before fusion
        return False


def _country(place: str | None) -> str | None:
    return place.upper() if place and len(place) == 3 and place.isalpha() else None


def events_page(
    conn: sqlite3.Connection,
    f: Filters,
    *,
    limit: int,
    after: list[Any] | None,
    min_sources: int | None = None,
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """A keyset page of fused events under the filters fused events have (type, quad, dates, country as
    ``place``, actor, bbox), ordered by (date, id)."""
    if not available(conn):
        return [], None
    types = {t.upper() for t in f.types or []}
    rows = fusion.fused_events(
        conn,
        type=next(iter(types)) if len(types) == 1 else None,
        since=f.since,
        until=f.until,
        country=_country(f.place),
        actor=f.actor,
        min_sources=min_sources,
    )
    quads = set(f.quads or [])
    onto = load_ontology()

    def keep(r: dict[str, Any]) -> bool:
        if types and r["type"] not in types:
            return False
        if quads:
            t = onto.type(r["type"])
            if t is None or t.quad not in quads:
                return False
        if f.place and not _country(f.place) and f.place.lower() not in (r.get("place") or "").lower():
            return False
        if f.bbox:
            west, south, east, north = f.bbox
            lat, lon = r.get("lat"), r.get("lon")
            if lat is None or lon is None or not south <= lat <= north:
                return False
            if not (west <= lon <= east if west <= east else lon >= west or lon <= east):
                return False
        return f.min_confidence is None or (r.get("confidence") or 0) >= f.min_confidence

    chosen = sorted((r for r in rows if keep(r)), key=lambda r: (r["date"] or "", r["id"]))
    if after is not None:
        chosen = [r for r in chosen if (r["date"] or "", r["id"]) > (str(after[0]), str(after[1]))]
    page = chosen[:limit]
    more = len(chosen) > limit
    return page, ([page[-1]["date"] or "", page[-1]["id"]] if more and page else None)


def fused_event(conn: sqlite3.Connection, fid: str) -> dict[str, Any] | None:
    """One fused event with its member mentions and its claims (ledger) per counted thing."""
    if not available(conn):
        return None
    rows = [r for r in fusion.fused_events(conn) if r["id"] == fid]
    if not rows:
        return None
    event = rows[0]
    event["members"] = fusion.members(conn, fid)
    event["claims"] = [_claim(d, event) for d in claims_ledger.claims(conn, fused_id=fid)]
    return event


def _title(event: dict[str, Any] | None) -> str:
    if not event:
        return ""
    where = event.get("place") or event.get("country") or "somewhere"
    return f"{event['type']} · {where} · {event.get('date') or 'undated'}"


def _claim(d: claims_ledger.Disagreement, event: dict[str, Any] | None) -> dict[str, Any]:
    item = d.as_dict()
    item["event"] = d.fused_id
    item["title"] = _title(event)
    item["sources_of_event"] = (event or {}).get("sources")
    for r in item["rows"]:
        r["article_key"] = str(r["figure"]).split(":")[0]
    # one step series per source: the figure it gave, from each publication date on
    item["series"] = [
        {"name": source, "points": [{"date": p, "value": v} for p, v in steps if p]}
        for source, steps in d.history.items()
    ]
    item.pop("history", None)
    return item


def ledger(conn: sqlite3.Connection, *, event: str | None, counts: str | None, limit: int) -> dict[str, Any]:
    """The claim ledger: per fused event and counted thing, every figure by source over time, the spread
    between sources and the single figure chosen by a named rule. Most-sourced first."""
    if not available(conn):
        return {"available": False, "message": NOT_YET, "items": [], "total": 0}
    found = claims_ledger.claims(conn, fused_id=event or None, counts=counts or None)
    found.sort(key=lambda d: (-d.sources, -d.figures, d.fused_id, d.counts))
    events = {r["id"]: r for r in fusion.fused_events(conn)} if found else {}
    items = [_claim(d, events.get(d.fused_id)) for d in found[:limit]]
    message = "" if found else "No figure is attached to a fused event under these filters."
    return {"available": True, "message": message, "items": items, "total": len(found)}
