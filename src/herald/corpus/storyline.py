"""Storylines: the chain of fused events between the same actors over time ("talks in Moscow in February",
then "talks in Beijing in April")."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any


@dataclass
class StoryStep:
    fused_id: str
    date: str | None
    type: str
    mode: str | None
    place: str | None
    country: str | None
    actors: list[str]
    recipients: list[str]
    sources: int
    days_since_previous: int | None
    matched: dict[str, str]  # query -> the name or code that matched it

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _match(query: str, names: list[str], keys: set[str]) -> str | None:
    q = query.strip()
    low = q.lower()
    for n in names:
        if low in n.lower():
            return n
    for k in sorted(keys):
        if k == q or k.split("/")[0] == q.upper():
            return k
    return None


def _start(value: str | None) -> date | None:
    from .fusion_mentions import interval

    span = interval(value)
    return date.fromordinal(span[0]) if span else None


def storyline(
    conn: sqlite3.Connection, actors: list[str], *, include_single: bool = True, limit: int | None = None
) -> list[StoryStep]:
    """Fused events involving every one of ``actors`` (name substring, country code or Wikidata
    id), by date."""
    if not actors:
        return []
    where, params = [], []
    for a in actors:
        # Coded as actor or recipient, else named in a member's sentence ("talks with President Ruto"
        # where the coder found only the visitor).
        where.append(
            "(f.actors LIKE ? OR f.recipients LIKE ? OR EXISTS (SELECT 1 FROM fused_members m "
            "WHERE m.fused_id = f.id AND (m.actors LIKE ? OR m.actors LIKE ?)) OR EXISTS (SELECT 1 FROM "
            "fused_members m JOIN events e ON e.uid = m.event WHERE m.fused_id = f.id AND e.evidence LIKE ?))"
        )
        params += [f"%{a}%", f"%{a}%", f'%"{a}"%', f'%"{a.upper()}/%', f"%{a}%"]
    if not include_single:
        where.append("f.sources > 1")
    rows = conn.execute(
        "SELECT * FROM fused_events f WHERE " + " AND ".join(where) + " ORDER BY f.date, f.id", params
    ).fetchall()
    steps: list[StoryStep] = []
    previous: date | None = None
    for r in rows:
        names = json.loads(r["actors"] or "[]") + json.loads(r["recipients"] or "[]")
        keys: set[str] = set()
        evidence = []
        for k, ev in conn.execute(
            "SELECT m.actors, e.evidence FROM fused_members m LEFT JOIN events e ON e.uid = m.event "
            "WHERE m.fused_id = ?",
            (r["id"],),
        ):
            keys.update(json.loads(k or "[]"))
            evidence.append((ev or "").lower())
        matched = {
            a: m
            for a in actors
            if (
                m := _match(a, names, keys)
                or ("named in a report" if any(a.lower() in e for e in evidence) else None)
            )
        }
        if len(matched) < len(actors):
            continue  # a substring hit elsewhere (e.g. in another actor's name part): not this pair
        start = _start(r["date"])
        steps.append(
            StoryStep(
                fused_id=r["id"],
                date=r["date"],
                type=r["type"],
                mode=r["mode"],
                place=r["place"],
                country=r["country"],
                actors=json.loads(r["actors"] or "[]"),
                recipients=json.loads(r["recipients"] or "[]"),
                sources=r["sources"],
                days_since_previous=(start - previous).days if start and previous else None,
                matched=matched,
            )
        )
        previous = start or previous
        if limit and len(steps) >= limit:
            break
    return steps
