"""Read the store back: events, statements, figures and actors, with filters.

Every function returns plain dicts (one per row) so the CLI can print them as a table, CSV or JSON.
By default events come once per duplicate cluster (only the cluster's first article) and historical
(background) events are left out; both can be switched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)
_TOP_FROM = re.compile(r"\bFROM (?:events e|statements s|figures fg)\b")


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
    # events only
    recipient: str | None = None  # a recipient matches (name substring, country code or Wikidata id)
    modes: list[str] | None = None  # PLOVER modes
    quads: list[int] | None = None  # CAMEO quad classes 1-4
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat of the place
    min_confidence: float | None = None
    article: str | None = None  # article key: records of one article


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
    order: tuple[str, str] = ("a.published", "uid")  # stable sort key (value, unique id) for paging
    uid: str = "uid"  # the row's unique id column
    extra: Callable[[Filters], tuple[list[str], list[Any]]] | None = None  # table-specific filters


def _speaker_params(actor: str) -> list[Any]:
    return [f"%{actor}%", *_actor_params(actor)]


_EVENTS = _Table(
    select=EVENT_SQL,
    tail=" ORDER BY date, e.uid",
    # matching actors found once, then their events by index (not a subquery per event)
    actor=(
        "e.uid IN (SELECT x.event FROM (SELECT event, actor FROM event_actors UNION ALL "
        "SELECT event, actor FROM event_recipients) x WHERE x.actor IN "
        f"(SELECT ac.uid FROM actors ac WHERE {_actor_match('ac')}))"
    ),
    actor_params=_actor_params,
    type_column="e.type",
    type_case=str.upper,
    date="COALESCE(e.date, a.published)",
    place=_PLACE_MATCH,
    historical="e.historical = 0",
    order=("COALESCE(e.date, a.published, '')", "e.uid"),
    uid="e.uid",
    extra=lambda f: _event_extras(f),
)


def _in(column: str, values: list[Any]) -> str:
    return f"{column} IN ({', '.join('?' * len(values))})"


def _event_extras(f: Filters) -> tuple[list[str], list[Any]]:
    """Filters that only events have: recipient, mode, quad class, bounding box, confidence."""
    where: list[str] = []
    params: list[Any] = []
    if f.recipient:
        where.append(
            "e.uid IN (SELECT x.event FROM event_recipients x WHERE x.actor IN "
            f"(SELECT ac.uid FROM actors ac WHERE {_actor_match('ac')}))"
        )
        params += _actor_params(f.recipient)
    if f.modes:
        where.append(_in("e.mode", f.modes))
        params += [m.lower() for m in f.modes]
    if f.quads:
        where.append(_in("e.quad", f.quads))
        params += f.quads
    if f.bbox:
        west, south, east, north = f.bbox
        # the box crosses the antimeridian when west > east
        lon = "lon BETWEEN ? AND ?" if west <= east else "(lon >= ? OR lon <= ?)"
        where.append(f"e.place IN (SELECT uid FROM places WHERE lat BETWEEN ? AND ? AND {lon})")
        params += [south, north, west, east]
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(f.min_confidence)
    return where, params


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
        order=("COALESCE(a.published, '')", f"{alias}.uid"),
        uid=f"{alias}.uid",
        **rest,
    )


_STATEMENTS = _attributed(
    "s",
    "SELECT s.uid AS id, a.published AS date, COALESCE(ac.name, s.speaker_text) AS speaker, s.cue, "
    "s.cue_class, s.kind, s.negated, s.content, a.id AS article, a.source, a.cluster "
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


def where(table: _Table, f: Filters) -> tuple[list[str], list[Any]]:
    """The WHERE conditions and parameters that apply the filters ``f`` to ``table``."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append(table.actor)
        params += table.actor_params(f.actor)
    if f.types:
        where.append(_in(table.type_column, f.types))
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
    if f.article:
        where.append("a.key = ?")
        params.append(f.article)
    if table.extra:
        more, more_params = table.extra(f)
        where += more
        params += more_params
    return where, params


def _query(conn: sqlite3.Connection, table: _Table, f: Filters) -> list[dict[str, Any]]:
    """Apply the filters ``f`` to ``table`` and return its rows."""
    conditions, params = where(table, f)
    sql = table.select + (" WHERE " + " AND ".join(conditions) if conditions else "") + table.tail
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    return _rows(conn, sql, params)


def page(
    conn: sqlite3.Connection, table: _Table, f: Filters, *, limit: int, after: list[Any] | None = None
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """One page of ``table`` under ``f`` in its stable order, starting after the sort key ``after``.

    Returns the rows and the sort key of the last one when more rows follow (the next page's ``after``).
    The rows are chosen on the sort key alone first, then the full columns are computed for the page only.
    """
    conditions, params = where(table, f)
    first, second = table.order
    if after is not None:
        conditions.append(f"({first} > ? OR ({first} = ? AND {second} > ?))")
        params += [after[0], after[0], after[1]]
    top = _TOP_FROM.search(table.select)
    assert top, "a paged table's select names its main table"
    from_clause = " " + table.select[top.start() :]
    chosen = (
        f"SELECT {table.uid} AS uid, {first} AS k1, {second} AS k2{from_clause}"
        + (" WHERE " + " AND ".join(conditions) if conditions else "")
        + f" ORDER BY {first}, {second} LIMIT {int(limit) + 1}"
    )
    keys = [(r[0], r[1], r[2]) for r in conn.execute(chosen, params)]
    more = len(keys) > limit
    keys = keys[:limit]
    if not keys:
        return [], None
    full = table.select + f" WHERE {table.uid} IN ({', '.join('?' * len(keys))})"
    by_uid = {r["id"]: dict(r) for r in conn.execute(full, [k[0] for k in keys])}
    rows = [by_uid[k[0]] for k in keys if k[0] in by_uid]
    return rows, ([keys[-1][1], keys[-1][2]] if more else None)


def events(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return _query(conn, _EVENTS, f)


def statements(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return _query(conn, _STATEMENTS, f)


def figures(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    return _query(conn, _FIGURES, f)


def actors(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Actors aggregated over the corpus: one row per (name, country, sector, wikidata)."""
    return _query(conn, _ACTORS, f)


def aggregate(
    conn: sqlite3.Connection,
    table: _Table,
    f: Filters,
    *,
    select: str,
    joins: str = "",
    group: str = "",
    having: str = "",
    having_params: list[Any] | None = None,
    order: str = "",
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """``SELECT select`` over the rows of ``table`` that pass ``f`` (plus ``joins``), grouped and ordered."""
    conditions, params = where(table, f)
    params += having_params or []
    top = _TOP_FROM.search(table.select)
    assert top, "an aggregated table's select names its main table"
    sql = (
        f"SELECT {select} {table.select[top.start() :]} {joins}"
        + (" WHERE " + " AND ".join(conditions) if conditions else "")
        + (f" GROUP BY {group}" if group else "")
        + (f" HAVING {having}" if having else "")
        + (f" ORDER BY {order}" if order else "")
        + (f" LIMIT {int(limit)}" if limit else "")
    )
    return _rows(conn, sql, params)


# Events with every column an API client needs (the CLI's EVENT_SQL keeps its short, stable columns).
EVENT_DETAIL_SQL = f"""
SELECT e.uid AS id, COALESCE(e.date, a.published) AS date, e.date_from, e.type, e.mode, e.contexts,
       {_NAMES.format(table="event_actors")} AS actors,
       {_NAMES.format(table="event_recipients")} AS recipients,
       COALESCE(p.name, p.text) AS place, p.country AS place_country, p.lat, p.lon,
       e.historical, e.negated, e.future, e.hypothetical, e.cameo, e.quad, e.intensity,
       e.trigger, e.trigger_start, e.trigger_end, e.evidence, e.evidence_start, e.evidence_end,
       e.rule, e.confidence, e.reported_by, a.key AS article_key, a.id AS article, a.title, a.source,
       a.published, a.cluster
FROM events e JOIN articles a ON a.key = e.article LEFT JOIN places p ON p.uid = e.place
"""

EVENTS, STATEMENTS, FIGURES = _EVENTS, _STATEMENTS, _FIGURES
EVENTS_DETAIL = replace(_EVENTS, select=EVENT_DETAIL_SQL)
STATEMENTS_DETAIL = replace(
    _STATEMENTS,
    select=_STATEMENTS.select.replace(
        "s.content, a.id AS article",
        "s.content, s.speaker AS speaker_uid, COALESCE(ac.wikidata, ac.name, s.speaker_text) AS speaker_key, "
        "s.evidence, s.content_start, s.content_end, a.key AS article_key, a.title, a.id AS article",
    ),
)
FIGURES_DETAIL = replace(
    _FIGURES,
    select=_FIGURES.select.replace(
        "fg.evidence, a.id AS article",
        "fg.evidence, fg.evidence_start, fg.evidence_end, fg.event, a.key AS article_key, a.title, "
        "a.id AS article",
    ),
)


def events_detail_rows(
    conn: sqlite3.Connection, f: Filters, *, uid: str | None = None
) -> list[dict[str, Any]]:
    """Events with every column (``EVENT_DETAIL_SQL``) under ``f``; ``uid``: that event only."""
    conditions, params = where(EVENTS_DETAIL, f)
    if uid is not None:
        conditions.append("e.uid = ?")
        params.append(uid)
    sql = EVENTS_DETAIL.select + (" WHERE " + " AND ".join(conditions) if conditions else "")
    return _rows(conn, sql + EVENTS_DETAIL.tail, params)
