"""Read the store back: events, statements, figures and actors, with filters.

Every function returns plain dicts (one per row) so the CLI can print them as a table, CSV or JSON.
By default events come once per duplicate cluster (only the cluster's first article) and historical
(background) events are left out; both can be switched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
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

_PLACE_MATCH = "(p.name LIKE ? OR p.text LIKE ? OR p.country = ?)"
_ARTICLE_FTS = "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"


def _place_in_article(alias: str) -> str:
    """Some place of the row's article matches (for tables without a place column)."""
    return f"EXISTS (SELECT 1 FROM places p WHERE p.article = {alias}.article AND {_PLACE_MATCH})"


@dataclass(frozen=True)
class _Table:
    """How the shared filters apply to one queried table."""

    select: str  # SELECT ... FROM ... JOIN ..., without WHERE
    tail: str  # GROUP BY / ORDER BY after the WHERE
    actor: str  # condition matching the actor filter
    actor_params: Callable[[str], list[Any]]
    type_column: str
    type_case: Callable[[str], str]  # str.upper / str.lower: how type values are stored
    date: str = "a.published"
    place: str | None = None  # condition matching the place filter; None: no place filter
    search: str = _ARTICLE_FTS
    historical: str | None = None  # condition that drops historical rows unless asked for


def _speaker_params(actor: str) -> list[Any]:
    return [f"%{actor}%", *_actor_params(actor)]


_EVENTS = _Table(
    select=EVENT_SQL,
    tail=" ORDER BY date, e.uid",
    actor=(
        "EXISTS (SELECT 1 FROM event_actors x JOIN actors ac ON ac.uid = x.actor "
        f"WHERE x.event = e.uid AND {_actor_match('ac')} UNION ALL "
        "SELECT 1 FROM event_recipients x JOIN actors ac ON ac.uid = x.actor "
        f"WHERE x.event = e.uid AND {_actor_match('ac')})"
    ),
    actor_params=lambda actor: _actor_params(actor) * 2,
    type_column="e.type",
    type_case=str.upper,
    date="COALESCE(e.date, a.published)",
    place=_PLACE_MATCH,
    historical="e.historical = 0",
)


def _attributed(alias: str, select: str, source_text: str, type_column: str, **rest: Any) -> _Table:
    """A table of records attributed to a source (an actor, else its text) and placed by their article."""
    return _Table(
        select=select,
        tail=f" ORDER BY a.published, {alias}.uid",
        actor=f"({alias}.{source_text} LIKE ? OR {_actor_match('ac')})",
        actor_params=_speaker_params,
        type_column=f"{alias}.{type_column}",
        type_case=str.lower,
        place=_place_in_article(alias),
        **rest,
    )


_STATEMENTS = _attributed(
    "s",
    "SELECT s.uid AS id, a.published AS date, COALESCE(ac.name, s.speaker_text) AS speaker, s.cue, "
    "s.cue_class, s.kind, s.content, a.id AS article, a.source, a.cluster "
    "FROM statements s JOIN articles a ON a.key = s.article LEFT JOIN actors ac ON ac.uid = s.speaker",
    source_text="speaker_text",
    type_column="cue_class",
    search="s.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)",
)

_FIGURES = _attributed(
    "fg",
    "SELECT fg.uid AS id, a.published AS date, fg.value, fg.low, fg.high, fg.qualifier, fg.counts, "
    "fg.unit, "
    "COALESCE(ac.name, fg.source_text) AS according_to, fg.hedges, ev.type AS event_type, fg.evidence, "
    "a.id AS article, a.source, a.cluster "
    "FROM figures fg JOIN articles a ON a.key = fg.article LEFT JOIN actors ac ON ac.uid = fg.source "
    "LEFT JOIN events ev ON ev.uid = fg.event",
    source_text="source_text",
    type_column="counts",
)

_ACTORS = _Table(
    select=(
        "SELECT ac.name, ac.kind, ac.country, ac.sector, ac.wikidata, "
        "count(DISTINCT ac.article) AS articles, "
        "count(DISTINCT ea.event) AS as_actor, count(DISTINCT er.event) AS as_recipient "
        "FROM actors ac JOIN articles a ON a.key = ac.article "
        "LEFT JOIN event_actors ea ON ea.actor = ac.uid LEFT JOIN event_recipients er ON er.actor = ac.uid"
    ),
    tail=" GROUP BY ac.name, ac.kind, ac.country, ac.sector, ac.wikidata ORDER BY articles DESC, ac.name",
    actor=_actor_match("ac"),
    actor_params=_actor_params,
    type_column="ac.kind",
    type_case=str.lower,
)


def _query(conn: sqlite3.Connection, table: _Table, f: Filters) -> list[dict[str, Any]]:
    """Apply the filters ``f`` to ``table`` and return its rows."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(table.actor)
        params += table.actor_params(f.actor)
    if f.types:
        where.append(f"{table.type_column} IN ({', '.join('?' * len(f.types))})")
        params += [table.type_case(t) for t in f.types]
    if f.since:
        where.append(f"{table.date} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{table.date} <= ?")
        params.append(_until(f.until))
    if f.place and table.place:
        where.append(table.place)
        params += [f"%{f.place}%", f"%{f.place}%", f.place.upper()]
    if f.search:
        where.append(table.search)
        params.append(fts_query(f.search))
    if table.historical and not f.historical:
        where.append(table.historical)
    if not f.duplicates:
        where.append("a.duplicate_of IS NULL")
    sql = table.select + (" WHERE " + " AND ".join(where) if where else "") + table.tail
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return _rows(conn, sql, params)


def events(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return _query(conn, _EVENTS, f)


def statements(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return _query(conn, _STATEMENTS, f)


def figures(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return _query(conn, _FIGURES, f)


def actors(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Actors aggregated over the corpus: one row per (name, country, sector, wikidata)."""
    return _query(conn, _ACTORS, f)
