"""Export the store: PLOVER JSONL, POLECAT- and ICEWS-style TSV, Parquet, CSV and GeoJSON.

Events are exported once per duplicate cluster by default (the cluster's first article), with every source
of the cluster listed in ``cite_info.sources``; ``duplicates=True`` exports the events of every article.
Exports stream from the database, so memory stays flat on large stores.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__

FORMATS = ("plover", "polecat", "icews", "parquet", "csv", "geojson")
TABLES = ("articles", "events", "actors", "statements", "figures", "times", "places")


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    if not code or len(code) != 3:
        return code
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "name", None) or code


def _actors(conn: sqlite3.Connection, table: str, event: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT ac.*, (SELECT text FROM mentions m WHERE m.actor = ac.uid ORDER BY m.start LIMIT 1) "
        f"AS mention FROM {table} x JOIN actors ac ON ac.uid = x.actor WHERE x.event = ? ORDER BY x.position",
        (event,),
    )
    return [dict(r) for r in rows]


def _sources(conn: sqlite3.Connection, cluster: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT s.id, s.source, s.url, s.published, s.title FROM article_sources s "
        "JOIN articles a ON a.key = s.article WHERE a.cluster = ? ORDER BY s.published, s.rowid",
        (cluster,),
    )
    return [dict(r) for r in rows]


def event_records(
    conn: sqlite3.Connection, *, duplicates: bool = False, geo: bool = False
) -> Iterator[dict[str, Any]]:
    """One dict per event with its actors, recipients, place and article joined in."""
    sql = (
        "SELECT e.*, COALESCE(e.date, a.published) AS event_date, a.id AS article_id, "
        "a.title AS article_title, a.source AS article_source, a.url AS article_url, "
        "a.published AS article_published, a.sha256, a.cluster, "
        "a.language, a.duplicate_of, p.name AS place_name, p.text AS place_text, p.geonameid, p.country AS "
        "place_country, p.admin1, p.lat, p.lon, p.feature, p.resolution "
        "FROM events e JOIN articles a ON a.key = e.article LEFT JOIN places p ON p.uid = e.place"
    )
    where = []
    if not duplicates:
        where.append("a.duplicate_of IS NULL")
    if geo:
        where.append("p.lat IS NOT NULL AND p.lon IS NOT NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY event_date, e.uid"
    reader = conn.cursor()
    for row in reader.execute(sql):
        rec = dict(row)
        rec["contexts"] = json.loads(rec["contexts"] or "[]")
        rec["actors"] = _actors(conn, "event_actors", rec["uid"])
        rec["recipients"] = _actors(conn, "event_recipients", rec["uid"])
        yield rec


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": a["country"] or "",
        "sector": a["sector"] or "",
        "entity_text": a.get("mention") or a["name"],
        "identifier_id": a["wikidata"] or "",
        "identifier_text": a["name"],
    }


_FLAGS = ("historical", "negated", "future", "hypothetical")


def _flags(rec: dict[str, Any]) -> dict[str, bool]:
    """The event's yes/no flags (stored as 0/1)."""
    return {name: bool(rec[name]) for name in _FLAGS}


def plover(rec: dict[str, Any], conn: sqlite3.Connection) -> dict[str, Any]:
    """A PLOVER 2.0 JSON event record (the manual's field names), plus a ``herald`` block of provenance."""
    loc: dict[str, Any] = {}
    if rec["place_text"]:
        loc = {
            "name": rec["place_name"] or rec["place_text"],
            "text": rec["place_text"],
            "geonameid": rec["geonameid"],
            "country": rec["place_country"],
            "admin1": rec["admin1"],
            "lat": rec["lat"],
            "lon": rec["lon"],
            "feature": rec["feature"],
        }
    return {
        "id": rec["uid"],
        "date": rec["event_date"],
        "actor": [_entity(a) for a in rec["actors"]],
        "recipient": [_entity(a) for a in rec["recipients"]],
        "event": [rec["type"]],
        "mode": rec["mode"] or "",
        "context": rec["contexts"],
        "event_loc": loc,
        "event_text": rec["evidence"],
        "quad_code": rec["quad"],
        "event_scale": rec["intensity"],
        "text_info": {"start": rec["evidence_start"], "end": rec["evidence_end"]},
        "cite_info": {
            "article_id": rec["article_id"],
            "title": rec["article_title"],
            "source": rec["article_source"],
            "url": rec["article_url"],
            "published": rec["article_published"],
            "sha256": rec["sha256"],
            "cluster": rec["cluster"],
            "sources": _sources(conn, rec["cluster"]),
        },
        "herald": {
            "rule": rec["rule"],
            "confidence": rec["confidence"],
            "trigger": rec["trigger"],
            **_flags(rec),
            "cameo": rec["cameo"],
            "version": __version__,
        },
    }


def _j(items: list[str | None]) -> str:
    return ";".join(i for i in items if i)


def _story(conn: sqlite3.Connection, article: str) -> dict[str, str]:
    people = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT name FROM actors WHERE article = ? AND kind = 'person'", (article,)
        )
    ]
    orgs = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT name FROM actors WHERE article = ? AND kind IN ('organization', 'group')",
            (article,),
        )
    ]
    places = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT COALESCE(name, text) FROM places WHERE article = ?", (article,)
        )
    ]
    return {"Story People": _j(people), "Story Organizations": _j(orgs), "Story Locations": _j(places)}


# Where an event happened, in both the POLECAT and the ICEWS columns
_GEO_COLUMNS = ("City", "District", "Province", "Country", "Latitude", "Longitude")

POLECAT_COLUMNS = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    *_GEO_COLUMNS,
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
]


def _side(prefix: str, people: list[dict[str, Any]]) -> dict[str, Any]:
    primary = "Primary Actor Sector" if prefix == "Actor" else "Primary Recipient Sector"
    wiki = "Wikipedia Actor ID" if prefix == "Actor" else "Wikipedia Recipient ID"
    return {
        f"{prefix} Name": _j([a["name"] for a in people]),
        f"{prefix} Country": _j([a["country"] for a in people]),
        f"{prefix} COW": "",
        primary: _j([a["sector"] for a in people]),
        f"{prefix} Sectors": _j([";".join(json.loads(a["sectors"] or "[]")) for a in people]),
        f"{prefix} Title": _j([a["title"] for a in people]),
        f"{prefix} Name Raw": _j([a.get("mention") for a in people]),
        wiki: _j([a["wikidata"] for a in people]),
    }


def polecat(rec: dict[str, Any], conn: sqlite3.Connection) -> dict[str, Any]:
    city = rec["place_name"] if rec["resolution"] in ("city", "point") else ""
    province = rec["admin1"] or ""
    row: dict[str, Any] = {
        "Event ID": rec["uid"],
        "Event Date": rec["event_date"],
        "Event Type": rec["type"],
        "Event Mode": rec["mode"] or "",
        "Intensity": rec["intensity"],
        "Quad Code": rec["quad"],
        "Contexts": ";".join(rec["contexts"]),
        **_side("Actor", rec["actors"]),
        **_side("Recipient", rec["recipients"]),
        "Placename": rec["place_name"] or "",
        "City": city,
        "District": "",
        "Province": province,
        "Country": country_name(rec["place_country"]) or "",
        "Latitude": rec["lat"],
        "Longitude": rec["lon"],
        "GeoNames ID": rec["geonameid"],
        "Raw Placename": rec["place_text"] or "",
        "Feature Type": rec["feature"] or "",
        "Source": rec["article_source"] or "",
        "Publication Date": rec["article_published"] or "",
        **_story(conn, rec["article"]),
        "Language": rec["language"] or "",
        "Version": f"herald {__version__}",
    }
    return row


ICEWS_COLUMNS = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    *_GEO_COLUMNS,
]


def icews(rec: dict[str, Any], conn: sqlite3.Connection) -> dict[str, Any]:
    def side(people: list[dict[str, Any]]) -> tuple[str, str, str]:
        return (
            _j([a["name"] for a in people]),
            _j([",".join(json.loads(a["sectors"] or "[]")) or a["sector"] for a in people]),
            _j([country_name(a["country"]) for a in people]),
        )

    src, tgt = side(rec["actors"]), side(rec["recipients"])
    return {
        "Event ID": rec["uid"],
        "Event Date": rec["event_date"],
        "Source Name": src[0],
        "Source Sectors": src[1],
        "Source Country": src[2],
        "Event Text": f"{rec['type']}{'/' + rec['mode'] if rec['mode'] else ''}",
        "CAMEO Code": rec["cameo"] or "",
        "Intensity": rec["intensity"],
        "Target Name": tgt[0],
        "Target Sectors": tgt[1],
        "Target Country": tgt[2],
        "Story ID": rec["article_id"],
        "Sentence Number": "",
        "Publisher": rec["article_source"] or "",
        "City": rec["place_name"] if rec["resolution"] in ("city", "point") else "",
        "District": "",
        "Province": rec["admin1"] or "",
        "Country": country_name(rec["place_country"]) or "",
        "Latitude": rec["lat"],
        "Longitude": rec["lon"],
    }


def flat_event(rec: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (CSV/Parquet)."""
    return {
        "id": rec["uid"],
        "date": rec["event_date"],
        "type": rec["type"],
        "mode": rec["mode"],
        "contexts": ";".join(rec["contexts"]),
        "actors": _j([a["name"] for a in rec["actors"]]),
        "actor_countries": _j([a["country"] for a in rec["actors"]]),
        "actor_sectors": _j([a["sector"] for a in rec["actors"]]),
        "recipients": _j([a["name"] for a in rec["recipients"]]),
        "recipient_countries": _j([a["country"] for a in rec["recipients"]]),
        "recipient_sectors": _j([a["sector"] for a in rec["recipients"]]),
        "place": rec["place_name"] or rec["place_text"],
        "place_country": rec["place_country"],
        "lat": rec["lat"],
        "lon": rec["lon"],
        **_flags(rec),
        "cameo": rec["cameo"],
        "quad": rec["quad"],
        "intensity": rec["intensity"],
        "trigger": rec["trigger"],
        "evidence": rec["evidence"],
        "evidence_start": rec["evidence_start"],
        "evidence_end": rec["evidence_end"],
        "rule": rec["rule"],
        "confidence": rec["confidence"],
        "article": rec["article_id"],
        "article_key": rec["article"],
        "source": rec["article_source"],
        "url": rec["article_url"],
        "published": rec["article_published"],
        "cluster": rec["cluster"],
    }


def _table_rows(conn: sqlite3.Connection, table: str, duplicates: bool) -> Iterator[dict[str, Any]]:
    where = "" if duplicates else " WHERE a.duplicate_of IS NULL"
    if table == "articles":
        sql = "SELECT a.* FROM articles a" + where
    else:
        sql = f"SELECT t.*, a.id AS article_id FROM {table} t JOIN articles a ON a.key = t.article" + where
    yield from (dict(r) for r in conn.cursor().execute(sql + " ORDER BY 1"))


def table_rows(conn: sqlite3.Connection, table: str, duplicates: bool) -> Iterator[dict[str, Any]]:
    """The rows of one exported table (CSV/Parquet), as dicts keyed by :func:`columns`."""
    if table == "events":
        return (flat_event(r) for r in event_records(conn, duplicates=duplicates))
    return _table_rows(conn, table, duplicates)


# Column types of the flat event rows (Parquet needs a schema that does not depend on the first rows).
EVENT_COLUMNS: dict[str, str] = {
    "id": "TEXT",
    "date": "TEXT",
    "type": "TEXT",
    "mode": "TEXT",
    "contexts": "TEXT",
    "actors": "TEXT",
    "actor_countries": "TEXT",
    "actor_sectors": "TEXT",
    "recipients": "TEXT",
    "recipient_countries": "TEXT",
    "recipient_sectors": "TEXT",
    "place": "TEXT",
    "place_country": "TEXT",
    "lat": "REAL",
    "lon": "REAL",
    "historical": "BOOL",
    "negated": "BOOL",
    "future": "BOOL",
    "hypothetical": "BOOL",
    "cameo": "TEXT",
    "quad": "INTEGER",
    "intensity": "REAL",
    "trigger": "TEXT",
    "evidence": "TEXT",
    "evidence_start": "INTEGER",
    "evidence_end": "INTEGER",
    "rule": "TEXT",
    "confidence": "REAL",
    "article": "TEXT",
    "article_key": "TEXT",
    "source": "TEXT",
    "url": "TEXT",
    "published": "TEXT",
    "cluster": "TEXT",
}


def columns(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column name -> declared SQLite type of an exported table."""
    if table == "events":
        return EVENT_COLUMNS
    cols = {r[1]: (r[2] or "TEXT").upper() for r in conn.execute(f"PRAGMA table_info({table})")}
    if table != "articles":
        cols["article_id"] = "TEXT"
    return cols


def arrow_schema(cols: dict[str, str]) -> Any:
    import pyarrow as pa

    types = {
        "TEXT": pa.string(),
        "INTEGER": pa.int64(),
        "REAL": pa.float64(),
        "BLOB": pa.binary(),
        "BOOL": pa.bool_(),
    }
    return pa.schema([(name, types.get(kind, pa.string())) for name, kind in cols.items()])


def _write_tsv(path: Path, columns: list[str], rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, columns, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({k: ("" if v is None else v) for k, v in row.items()})
            n += 1
    return n


def _write_csv(path: Path, cols: list[str], rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, cols, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def _write_parquet(
    path: Path, cols: dict[str, str], rows: Iterator[dict[str, Any]], chunk: int = 10_000
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(cols)
    n = 0
    buf: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            buf.append(row)
            n += 1
            if len(buf) >= chunk:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                buf.clear()
        if buf:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
    return n


def export(
    conn: sqlite3.Connection, fmt: str, out: str | Path = "out", *, duplicates: bool = False
) -> dict[Path, int]:
    """Write one export format into the folder ``out``; return {file: rows written}."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[Path, int] = {}
    if fmt == "plover":
        path = out / "events.plover.jsonl"
        n = 0
        with path.open("w", encoding="utf-8") as fh:
            for rec in event_records(conn, duplicates=duplicates):
                fh.write(json.dumps(plover(rec, conn), ensure_ascii=False) + "\n")
                n += 1
        written[path] = n
    elif fmt == "polecat":
        path = out / "events.polecat.tsv"
        written[path] = _write_tsv(
            path, POLECAT_COLUMNS, (polecat(r, conn) for r in event_records(conn, duplicates=duplicates))
        )
    elif fmt == "icews":
        path = out / "events.icews.tsv"
        written[path] = _write_tsv(
            path, ICEWS_COLUMNS, (icews(r, conn) for r in event_records(conn, duplicates=duplicates))
        )
    elif fmt in ("csv", "parquet"):
        for table in TABLES:
            path = out / f"{table}.{fmt}"
            rows = table_rows(conn, table, duplicates)
            cols = columns(conn, table)
            written[path] = (
                _write_csv(path, list(cols), rows) if fmt == "csv" else _write_parquet(path, cols, rows)
            )
        for table, (cols, rows) in fused_tables(conn).items():
            path = out / f"{table}.{fmt}"
            written[path] = (
                _write_csv(path, list(cols), rows) if fmt == "csv" else _write_parquet(path, cols, rows)
            )
    elif fmt == "geojson":
        path = out / "events.geojson"
        n = 0
        with path.open("w", encoding="utf-8") as fh:
            fh.write('{"type": "FeatureCollection", "features": [\n')
            for rec in event_records(conn, duplicates=duplicates, geo=True):
                props = {k: v for k, v in flat_event(rec).items() if k not in ("lat", "lon")}
                feature = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]},
                    "properties": props,
                }
                fh.write(("," if n else "") + json.dumps(feature, ensure_ascii=False) + "\n")
                n += 1
            fh.write("]}\n")
        written[path] = n
    else:
        from ..errors import HeraldError

        raise HeraldError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    return written


# The fused view: one row per fused event, with its source count and, for tolls, the single figure of the
# ledger's named rule beside the rule's name (never a number picked silently).
FUSED_COLUMNS: dict[str, str] = {
    "id": "TEXT",
    "date": "TEXT",
    "date_rule": "TEXT",
    "type": "TEXT",
    "mode": "TEXT",
    "country": "TEXT",
    "place": "TEXT",
    "lat": "REAL",
    "lon": "REAL",
    "actors": "TEXT",
    "recipients": "TEXT",
    "sources": "INTEGER",
    "articles": "INTEGER",
    "outlets": "INTEGER",
    "mentions": "INTEGER",
    "recalls": "INTEGER",
    "confidence": "REAL",
    "killed": "REAL",
    "killed_low": "REAL",
    "killed_high": "REAL",
    "wounded": "REAL",
    "figure_rule": "TEXT",
    "first_published": "TEXT",
    "last_published": "TEXT",
    "explanation": "TEXT",
}

LEDGER_COLUMNS: dict[str, str] = {
    "fused_id": "TEXT",
    "counts": "TEXT",
    "published": "TEXT",
    "value": "REAL",
    "low": "REAL",
    "high": "REAL",
    "qualifier": "TEXT",
    "vague": "BOOL",
    "unit": "TEXT",
    "source": "TEXT",
    "hedges": "TEXT",
    "article": "TEXT",
    "outlet": "TEXT",
    "cluster": "TEXT",
    "role": "TEXT",
    "attached_by": "TEXT",
    "figure": "TEXT",
    "evidence": "TEXT",
    "spread": "TEXT",
    "disagree": "BOOL",
    "single_figure": "REAL",
    "single_figure_rule": "TEXT",
}


def fused_tables(
    conn: sqlite3.Connection,
) -> dict[str, tuple[dict[str, str], Iterator[dict[str, Any]]]]:
    """``fused_events`` and ``ledger`` export tables: {name: (columns, rows)}."""
    from .fusion import fused_events
    from .ledger import claims

    verdicts = claims(conn)
    by_key = {(d.fused_id, d.counts): d for d in verdicts}
    rule = verdicts[0].single_figure_rule if verdicts else None

    def fused_rows() -> Iterator[dict[str, Any]]:
        for r in fused_events(conn):
            killed, wounded = by_key.get((r["id"], "killed")), by_key.get((r["id"], "wounded"))
            row = {k: r.get(k) for k in FUSED_COLUMNS}
            row.update(
                actors="; ".join(r["actors"]),
                recipients="; ".join(r["recipients"]),
                explanation=" | ".join(r["explanation"]),
                killed=killed.single_figure if killed else None,
                killed_low=killed.low if killed else None,
                killed_high=killed.high if killed else None,
                wounded=wounded.single_figure if wounded else None,
                figure_rule=rule if killed or wounded else None,
            )
            yield row

    def ledger_rows() -> Iterator[dict[str, Any]]:
        for d in verdicts:
            for r in d.rows:
                row = {k: v for k, v in r.as_dict().items() if k in LEDGER_COLUMNS}
                row.update(
                    hedges="; ".join(r.hedges),
                    spread=d.spread,
                    disagree=d.disagree,
                    single_figure=d.single_figure,
                    single_figure_rule=d.single_figure_rule,
                )
                yield {k: row.get(k) for k in LEDGER_COLUMNS}

    return {"fused_events": (FUSED_COLUMNS, fused_rows()), "ledger": (LEDGER_COLUMNS, ledger_rows())}
