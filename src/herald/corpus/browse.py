"""Read the store for browsing: one article with its coded spans, timelines, actor networks, maps, lists.

The HTTP API and the explorer pages (``herald serve``) are thin adapters over these functions; every one
takes an open connection (read-only is enough) and returns plain dicts and lists, ready for JSON.

Actors are per-article records in the store; across articles an actor is identified by its **key**: its
Wikidata id when it has one, else its canonical name (``ACTOR_KEY``).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from typing import Any

from . import query, sql
from .query import Filters
from .sql import Where
from .sql import rows as _rows

ACTOR_KEY = "COALESCE({a}.wikidata, {a}.name)"

# Span kinds, in the order a click lists them (most specific first).
KINDS = ("event", "actor", "place", "time", "figure", "statement")


def json_list(value: str | None) -> list[Any]:
    if not value:
        return []
    try:
        out = json.loads(value)
    except ValueError:
        return []
    return out if isinstance(out, list) else []


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Corpus overview: counts, date range, events by type and quad class, top actors, sources."""
    one = conn.execute(
        "SELECT count(*), min(published), max(published), sum(duplicate_of IS NOT NULL) FROM articles"
    ).fetchone()
    counts = {
        "articles": one[0],
        "near_duplicates": one[3] or 0,
        "events": conn.execute("SELECT count(*) FROM canonical_events").fetchone()[0],
        "statements": conn.execute("SELECT count(*) FROM statements").fetchone()[0],
        "figures": conn.execute("SELECT count(*) FROM figures").fetchone()[0],
        "places": conn.execute("SELECT count(*) FROM places WHERE lat IS NOT NULL").fetchone()[0],
    }
    types = _rows(
        conn,
        "SELECT type, quad, count(*) AS events FROM canonical_events WHERE historical = 0 "
        "GROUP BY type, quad ORDER BY events DESC, type",
    )
    top = actors_page(conn, limit=10)[0]
    sources = _rows(
        conn,
        "SELECT source, count(*) AS articles FROM articles GROUP BY source "
        "ORDER BY articles DESC, source LIMIT 10",
    )
    return {
        "counts": counts,
        "published": {"first": one[1], "last": one[2]},
        "types": types,
        "top_actors": top,
        "sources": sources,
    }


# -- articles ------------------------------------------------------------------------------------------

_ARTICLE_COLUMNS = (
    "a.key, a.id, a.title, a.published, a.source, a.url, a.language, a.status, a.chars, a.cluster, "
    "a.duplicate_of, a.similarity"
)


def articles_page(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    after: list[Any] | None = None,
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """Articles newest first, optionally full-text searched (FTS5; every word must occur)."""
    w = Where()
    if search:
        fts = "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        w.add(fts, query.fts_query(search))
    if source:
        w.add("a.source LIKE ?", f"%{source}%")
    if since:
        w.add("a.published >= ?", since)
    if until:
        w.add("a.published <= ?", until + "\uffff")
    key = "COALESCE(a.published, '')"
    if after is not None:
        w.add(sql.after(key, "a.key"), *sql.after_params(after))
    rows, cursor = sql.page(
        conn,
        f"SELECT {_ARTICLE_COLUMNS}, {key} AS k1, "
        "(SELECT count(*) FROM events e WHERE e.article = a.key) AS events FROM articles a"
        + w.sql()
        + f" ORDER BY {key} DESC, a.key",
        w.params,
        limit,
        lambda r: [r["published"] or "", r["key"]],
    )
    for r in rows:
        r.pop("k1")
    return rows, cursor


def _segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary; each piece lists the records (kind, uid) that cover it."""
    n = len(text)
    valid = [(s, e, k, u) for s, e, k, u in spans if 0 <= s < e <= n]
    cuts = sorted({0, n, *(s for s, _, _, _ in valid), *(e for _, e, _, _ in valid)})
    out: list[dict[str, Any]] = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [(k, u) for s, e, k, u in valid if s <= lo and hi <= e]
        covering.sort(key=lambda ku: KINDS.index(ku[0]))
        out.append(
            {
                "start": lo,
                "end": hi,
                "text": text[lo:hi],
                "kinds": sorted({k for k, _ in covering}, key=KINDS.index),
                "refs": [u for _, u in covering],
            }
        )
    return out


def article(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One article with its text, every record coded from it, and the text cut into coded segments."""
    rows = _rows(conn, f"SELECT {_ARTICLE_COLUMNS}, a.text, a.notes FROM articles a WHERE a.key = ?", [key])
    if not rows:
        return None
    art = rows[0]
    text: str = art.pop("text")
    art["notes"] = json_list(art["notes"])
    art["sources"] = _rows(
        conn,
        "SELECT id, title, published, source, url, origin FROM article_sources WHERE article = ? "
        "ORDER BY first_seen",
        [key],
    )
    actors = _rows(
        conn,
        f"SELECT uid AS id, local_id, name, kind, country, sector, sectors, wikidata, title, rule, "
        f"{ACTOR_KEY.format(a='actors')} AS key FROM actors WHERE article = ? ORDER BY rowid",
        [key],
    )
    mentions = _rows(conn, 'SELECT actor, start, "end", text FROM mentions WHERE article = ?', [key])
    for a in actors:
        a["sectors"] = json_list(a["sectors"])
        a["mentions"] = [m for m in mentions if m["actor"] == a["id"]]
    events = query.events_detail_rows(conn, Filters(article=key, historical=True, duplicates=True))
    roles = _rows(
        conn,
        "SELECT 'actors' AS role, x.event, x.actor FROM event_actors x JOIN events e ON e.uid = x.event "
        "WHERE e.article = ? UNION ALL SELECT 'recipients', x.event, x.actor FROM event_recipients x "
        "JOIN events e ON e.uid = x.event WHERE e.article = ? ORDER BY 1, 2",
        [key, key],
    )
    for e in events:
        e["contexts"] = json_list(e["contexts"])
        e["actor_ids"] = [r["actor"] for r in roles if r["event"] == e["id"] and r["role"] == "actors"]
        e["recipient_ids"] = [
            r["actor"] for r in roles if r["event"] == e["id"] and r["role"] == "recipients"
        ]
    statements = _rows(
        conn,
        "SELECT uid AS id, local_id, speaker, speaker_text, cue, cue_class, kind, negated, content, "
        "content_start, content_end, evidence, evidence_start, evidence_end FROM statements "
        "WHERE article = ? ORDER BY rowid",
        [key],
    )
    figures = _rows(
        conn,
        "SELECT uid AS id, local_id, value, low, high, qualifier, vague, counts, unit, source, source_text, "
        "hedges, event, evidence, evidence_start, evidence_end FROM figures WHERE article = ? ORDER BY rowid",
        [key],
    )
    for f in figures:
        f["hedges"] = json_list(f["hedges"])
    times = _rows(
        conn,
        'SELECT uid AS id, local_id, text, start, "end", value, type, granularity, vague, anchor, rule '
        "FROM times WHERE article = ? ORDER BY start",
        [key],
    )
    places = _rows(
        conn,
        'SELECT uid AS id, local_id, text, start, "end", name, geonameid, country, admin1, lat, lon, '
        "feature, "
        "resolution, source, confidence FROM places WHERE article = ? ORDER BY start",
        [key],
    )
    spans: list[tuple[int, int, str, str]] = []
    for a in actors:
        spans += [(m["start"], m["end"], "actor", a["id"]) for m in a["mentions"] if m["start"] is not None]
    for e in events:
        if e["trigger_start"] is not None:
            spans.append((e["trigger_start"], e["trigger_end"], "event", e["id"]))
        elif e["evidence_start"] is not None:
            spans.append((e["evidence_start"], e["evidence_end"], "event", e["id"]))
    for s in statements:
        lo, hi = s["content_start"], s["content_end"]
        if lo is None:
            lo, hi = s["evidence_start"], s["evidence_end"]
        if lo is not None:
            spans.append((lo, hi, "statement", s["id"]))
    spans += [
        (f["evidence_start"], f["evidence_end"], "figure", f["id"])
        for f in figures
        if f["evidence_start"] is not None
    ]
    spans += [(t["start"], t["end"], "time", t["id"]) for t in times if t["start"] is not None]
    spans += [(p["start"], p["end"], "place", p["id"]) for p in places if p["start"] is not None]
    art.update(
        text=text,
        actors=actors,
        events=events,
        statements=statements,
        figures=figures,
        times=times,
        places=places,
        segments=_segments(text, spans),
    )
    return art


# -- events --------------------------------------------------------------------------------------------


def event(conn: sqlite3.Connection, uid: str) -> dict[str, Any] | None:
    """One event with its actors, recipients, place and the figures attached to it."""
    rows = query.events_detail_rows(conn, Filters(historical=True, duplicates=True), uid=uid)
    if not rows:
        return None
    e = rows[0]
    e["contexts"] = json_list(e["contexts"])
    for role, table in (("actor_records", "event_actors"), ("recipient_records", "event_recipients")):
        e[role] = _rows(
            conn,
            "SELECT ac.uid AS id, ac.name, ac.kind, ac.country, ac.sector, "
            f"{ACTOR_KEY.format(a='ac')} AS key "
            f"FROM {table} x JOIN actors ac ON ac.uid = x.actor WHERE x.event = ? ORDER BY x.position",
            [uid],
        )
    e["figures"] = _rows(
        conn,
        "SELECT uid AS id, value, low, high, qualifier, counts, unit, source_text, hedges FROM figures "
        "WHERE event = ?",
        [uid],
    )
    for f in e["figures"]:
        f["hedges"] = json_list(f["hedges"])
    return e


def timeline(conn: sqlite3.Connection, f: Filters) -> dict[str, Any]:
    """Event counts per day, per type and per quad class (1 verbal coop ... 4 material conflict)."""
    rows = query.aggregate(
        conn,
        query.EVENTS,
        f,
        select="substr(COALESCE(e.date, a.published, ''), 1, 10) AS day, e.type, e.quad, count(*) AS events",
        group="day, e.type, e.quad",
        order="day, e.type",
    )
    days = sorted({r["day"] for r in rows})
    by_type: dict[str, dict[str, int]] = {}
    by_quad: dict[str, dict[str, int]] = {}
    for r in rows:
        by_type.setdefault(r["type"], {}).setdefault(r["day"], 0)
        by_type[r["type"]][r["day"]] += r["events"]
        quad = str(r["quad"] or 0)
        by_quad.setdefault(quad, {}).setdefault(r["day"], 0)
        by_quad[quad][r["day"]] += r["events"]
    return {"days": days, "by_type": by_type, "by_quad": by_quad, "rows": rows}


def event_places(conn: sqlite3.Connection, f: Filters, *, limit: int = 2000) -> list[dict[str, Any]]:
    """Geocoded places of the events passing ``f``, one row per point, with counts by quad class."""
    return query.aggregate(
        conn,
        query.EVENTS,
        f,
        select=(
            "round(p.lat, 3) AS lat, round(p.lon, 3) AS lon, max(COALESCE(p.name, p.text)) AS name, "
            "max(p.country) AS country, count(*) AS events, sum(e.quad IN (1, 2)) AS cooperation, "
            "sum(e.quad IN (3, 4)) AS conflict, group_concat(DISTINCT e.type) AS types"
        ),
        group="round(p.lat, 3), round(p.lon, 3)",
        having="lat IS NOT NULL AND lon IS NOT NULL",
        order="events DESC, name",
        limit=limit,
    )


def network(
    conn: sqlite3.Connection, f: Filters, *, focus: str | None = None, max_edges: int = 300
) -> dict[str, Any]:
    """Actors as nodes, events as directed edges (actor -> recipient) grouped by type and quad class.

    ``focus``: an actor key; only edges touching it are kept.
    """
    src, dst = ACTOR_KEY.format(a="s1"), ACTOR_KEY.format(a="s2")
    edges = query.aggregate(
        conn,
        query.EVENTS,
        f,
        select=(
            f"{src} AS source, max(s1.name) AS source_name, {dst} AS target, max(s2.name) AS target_name, "
            "e.type, e.quad, count(*) AS events"
        ),
        joins=(
            "JOIN event_actors ea1 ON ea1.event = e.uid JOIN actors s1 ON s1.uid = ea1.actor "
            "JOIN event_recipients er1 ON er1.event = e.uid JOIN actors s2 ON s2.uid = er1.actor"
        ),
        group=f"{src}, {dst}, e.type, e.quad",
        having=f"{src} = ? OR {dst} = ?" if focus is not None else "",
        having_params=[focus, focus] if focus is not None else None,
        order="events DESC, source, target, e.type",
        limit=max_edges,
    )
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for k, name in ((e["source"], e.pop("source_name")), (e["target"], e.pop("target_name"))):
            n = nodes.setdefault(k, {"id": k, "name": name, "events": 0})
            n["events"] += e["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])), "edges": edges}


# -- actors --------------------------------------------------------------------------------------------

_ACTOR_AGG = (
    "SELECT {key} AS key, max(ac.name) AS name, max(ac.kind) AS kind, max(ac.country) AS country, "
    "max(ac.sector) AS sector, max(ac.wikidata) AS wikidata, count(DISTINCT ac.article) AS articles "
    "FROM actors ac JOIN articles a ON a.key = ac.article"
).format(key=ACTOR_KEY.format(a="ac"))


def actors_page(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int = 50,
    after: list[Any] | None = None,
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """Actors across the corpus (one row per key), most-mentioned first."""
    w = Where("a.duplicate_of IS NULL", "ac.name IS NOT NULL")
    if search:
        w.add("(ac.name LIKE ? OR ac.wikidata = ?)", f"%{search}%", search)
    if kind:
        w.add("ac.kind = ?", kind.lower())
    if country:
        w.add("ac.country = ?", country.upper())
    grouped = f"SELECT * FROM ({_ACTOR_AGG}{w.sql()} GROUP BY {ACTOR_KEY.format(a='ac')})"
    return _most_first(conn, grouped, w.params, "articles", limit, after)


def _most_first(
    conn: sqlite3.Connection, grouped: str, params: list[Any], count: str, limit: int, after: list[Any] | None
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """A page of ``grouped`` (rows with a ``key``) by ``count`` descending, then key."""
    outer = Where()
    if after is not None:
        outer.add(sql.after(count, "key"), *sql.after_params(after))
    return sql.page(
        conn,
        grouped + outer.sql() + f" ORDER BY {count} DESC, key",
        params + outer.params,
        limit,
        lambda r: [r[count], r["key"]],
    )


def actor(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One actor (by key): its names, codes, counts as actor / recipient / speaker, and the articles."""
    where = "(ac.wikidata = ? OR (ac.wikidata IS NULL AND ac.name = ?))"
    rows = _rows(
        conn,
        f"SELECT ac.uid, ac.name, ac.kind, ac.country, ac.sector, ac.wikidata, ac.title, ac.article "
        f"FROM actors ac WHERE {where}",
        [key, key],
    )
    if not rows:
        return None
    uids = [r["uid"] for r in rows]
    marks = ", ".join("?" * len(uids))

    def count(sql: str) -> int:
        return int(conn.execute(sql.format(marks=marks), uids).fetchone()[0])

    names: dict[str, int] = {}
    for r in rows:
        names[r["name"]] = names.get(r["name"], 0) + 1
    first = rows[0]
    return {
        "key": key,
        "name": max(names, key=lambda n: (names[n], n)),
        "names": sorted(names, key=lambda n: (-names[n], n)),
        "kind": first["kind"],
        "country": first["country"],
        "sector": first["sector"],
        "wikidata": first["wikidata"],
        "articles": len({r["article"] for r in rows}),
        "as_actor": count("SELECT count(DISTINCT event) FROM event_actors WHERE actor IN ({marks})"),
        "as_recipient": count("SELECT count(DISTINCT event) FROM event_recipients WHERE actor IN ({marks})"),
        "statements": count("SELECT count(*) FROM statements WHERE speaker IN ({marks})"),
        "article_list": _rows(
            conn,
            f"SELECT DISTINCT a.key, a.title, a.published, a.source FROM articles a "
            f"WHERE a.key IN (SELECT article FROM actors WHERE uid IN ({marks})) "
            "ORDER BY a.published DESC LIMIT 50",
            uids,
        ),
    }


# -- places --------------------------------------------------------------------------------------------


def places_page(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    country: str | None = None,
    limit: int = 50,
    after: list[Any] | None = None,
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """Geocoded places across the corpus (one row per place name and country), most-mentioned first."""
    w = Where("p.name IS NOT NULL")
    if search:
        w.add("(p.name LIKE ? OR p.text LIKE ?)", f"%{search}%", f"%{search}%")
    if country:
        w.add("p.country = ?", country.upper())
    grouped = (
        "SELECT * FROM (SELECT p.name || '|' || COALESCE(p.country, '') AS key, p.name, p.country, "
        "max(p.admin1) AS admin1, max(p.geonameid) AS geonameid, avg(p.lat) AS lat, avg(p.lon) AS lon, "
        "max(p.feature) AS feature, count(*) AS mentions, count(DISTINCT p.article) AS articles, "
        "(SELECT count(*) FROM events e WHERE e.place IN (SELECT uid FROM places q WHERE q.name = p.name "
        f"AND q.country IS p.country)) AS events FROM places p{w.sql()} GROUP BY p.name, p.country)"
    )
    return _most_first(conn, grouped, w.params, "mentions", limit, after)
