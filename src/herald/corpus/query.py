"""Read the store back: events, statements, figures and actors, with filters.

Every function returns plain dicts (one per row) so the CLI can print them as a table, CSV or JSON.
By default events come once per duplicate cluster (only the cluster's first article) and historical
(background) events are left out; both can be switched.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Filters:
    actor: str | None = None  # actor name (substring), PLOVER country code, or Wikidata id
    types: list[str] | None = None  # event types / statement cue classes / figure counts
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    place: str | None = None  # place name (substring) or ISO alpha-3 country code
    search: str | None = None  # full-text search (every word must occur)
    historical: bool = False  # include background (historical) events
    duplicates: bool = False  # include events/statements/figures of near-duplicate articles
    limit: int | None = None


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word of ``text`` must occur (quoted, so no syntax errors)."""
    words = _WORD.findall(text)
    return " ".join(f'"{w}"' for w in words) or '""'


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params)]


def _actor_match(alias: str) -> str:
    return f"({alias}.name LIKE ? OR {alias}.country = ? OR {alias}.wikidata = ?)"


def _actor_params(actor: str) -> list[Any]:
    return [f"%{actor}%", actor.upper(), actor]


def _until(value: str) -> str:
    # '2025-03-31' must include '2025-03-31T..' and the whole day; a month/year value works as a prefix
    return value + "\uffff"


_NAMES = (
    "(SELECT group_concat(name, '; ') FROM (SELECT ac.name FROM {table} x JOIN actors ac ON ac.uid = x.actor "
    "WHERE x.event = e.uid ORDER BY x.position))"
)

EVENT_SQL = f"""
SELECT e.uid AS id, COALESCE(e.date, a.published) AS date, e.type, e.mode,
       {_NAMES.format(table="event_actors")} AS actors,
       {_NAMES.format(table="event_recipients")} AS recipients,
       COALESCE(p.name, p.text) AS place, p.country AS place_country, e.historical, e.negated,
       e.evidence, a.id AS article, a.source, a.published, a.cluster, e.rule
FROM events e JOIN articles a ON a.key = e.article LEFT JOIN places p ON p.uid = e.place
"""


def events(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(
            "EXISTS (SELECT 1 FROM event_actors x JOIN actors ac ON ac.uid = x.actor "
            f"WHERE x.event = e.uid AND {_actor_match('ac')} UNION ALL "
            "SELECT 1 FROM event_recipients x JOIN actors ac ON ac.uid = x.actor "
            f"WHERE x.event = e.uid AND {_actor_match('ac')})"
        )
        params += _actor_params(f.actor) * 2
    if f.types:
        where.append(f"e.type IN ({', '.join('?' * len(f.types))})")
        params += [t.upper() for t in f.types]
    if f.since:
        where.append("COALESCE(e.date, a.published) >= ?")
        params.append(f.since)
    if f.until:
        where.append("COALESCE(e.date, a.published) <= ?")
        params.append(_until(f.until))
    if f.place:
        where.append("(p.name LIKE ? OR p.text LIKE ? OR p.country = ?)")
        params += [f"%{f.place}%", f"%{f.place}%", f.place.upper()]
    if f.search:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(f.search))
    if not f.historical:
        where.append("e.historical = 0")
    if not f.duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = EVENT_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date, e.uid"
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return _rows(conn, sql, params)


def statements(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(f"(s.speaker_text LIKE ? OR {_actor_match('ac')})")
        params += [f"%{f.actor}%", *_actor_params(f.actor)]
    if f.types:
        where.append(f"s.cue_class IN ({', '.join('?' * len(f.types))})")
        params += [t.lower() for t in f.types]
    if f.since:
        where.append("a.published >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        params.append(_until(f.until))
    if f.place:
        where.append(
            "EXISTS (SELECT 1 FROM places p WHERE p.article = s.article AND (p.name LIKE ? OR p.text LIKE ? "
            "OR p.country = ?))"
        )
        params += [f"%{f.place}%", f"%{f.place}%", f.place.upper()]
    if f.search:
        where.append("s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
        params.append(fts_query(f.search))
    if not f.duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = (
        "SELECT s.uid AS id, a.published AS date, COALESCE(ac.name, s.speaker_text) AS speaker, s.cue, "
        "s.cue_class, s.kind, s.content, a.id AS article, a.source, a.cluster "
        "FROM statements s JOIN articles a ON a.key = s.article LEFT JOIN actors ac ON ac.uid = s.speaker"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published, s.uid"
    )
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return _rows(conn, sql, params)


def figures(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(f"(fg.source_text LIKE ? OR {_actor_match('ac')})")
        params += [f"%{f.actor}%", *_actor_params(f.actor)]
    if f.types:
        where.append(f"fg.counts IN ({', '.join('?' * len(f.types))})")
        params += [t.lower() for t in f.types]
    if f.since:
        where.append("a.published >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        params.append(_until(f.until))
    if f.place:
        where.append(
            "EXISTS (SELECT 1 FROM places p WHERE p.article = fg.article AND (p.name LIKE ? OR p.text LIKE ? "
            "OR p.country = ?))"
        )
        params += [f"%{f.place}%", f"%{f.place}%", f.place.upper()]
    if f.search:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(f.search))
    if not f.duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = (
        "SELECT fg.uid AS id, a.published AS date, fg.value, fg.low, fg.high, fg.qualifier, fg.counts, "
        "fg.unit, "
        "COALESCE(ac.name, fg.source_text) AS according_to, fg.hedges, ev.type AS event_type, fg.evidence, "
        "a.id AS article, a.source, a.cluster "
        "FROM figures fg JOIN articles a ON a.key = fg.article LEFT JOIN actors ac ON ac.uid = fg.source "
        "LEFT JOIN events ev ON ev.uid = fg.event"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published, fg.uid"
    )
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return _rows(conn, sql, params)


def actors(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Actors aggregated over the corpus: one row per (name, country, sector, wikidata)."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(_actor_match("ac"))
        params += _actor_params(f.actor)
    if f.types:
        where.append(f"ac.kind IN ({', '.join('?' * len(f.types))})")
        params += [t.lower() for t in f.types]
    if f.since:
        where.append("a.published >= ?")
        params.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        params.append(_until(f.until))
    if f.search:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(f.search))
    if not f.duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = (
        "SELECT ac.name, ac.kind, ac.country, ac.sector, ac.wikidata, "
        "count(DISTINCT ac.article) AS articles, "
        "count(DISTINCT ea.event) AS as_actor, count(DISTINCT er.event) AS as_recipient "
        "FROM actors ac JOIN articles a ON a.key = ac.article "
        "LEFT JOIN event_actors ea ON ea.actor = ac.uid LEFT JOIN event_recipients er ON er.actor = ac.uid"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY ac.name, ac.kind, ac.country, ac.sector, ac.wikidata ORDER BY articles DESC, ac.name"
    )
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return _rows(conn, sql, params)
