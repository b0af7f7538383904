"""The corpus store: migrations, dedup, queries and exports, on synthetic records (no pipeline needed)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from corpus_helpers import RECORD_TABLES, TEXTS, fill, synthetic
from herald.corpus import dedup, query
from herald.corpus.export import export
from herald.corpus.ingest import Writer
from herald.corpus.store import MIGRATIONS, Store, open_store
from herald.corpus.summary import summarize
from herald.errors import StoreError

TABLES = [*RECORD_TABLES, "migrations"]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "h.db")
    fill(s)
    return s


def test_migrations_are_named_and_rerunnable(tmp_path: Path) -> None:
    s = open_store(tmp_path / "m.db")
    names = [r[0] for r in s.conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [n for n, _ in MIGRATIONS]
    assert s.migrate() == []  # nothing left to apply
    s.conn.execute("DELETE FROM migrations")  # forget them: running every migration again is harmless
    assert s.migrate() == names
    tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(TABLES) <= tables
    s.close()


def test_plain_sqlite_tables_open_without_herald(store: Store) -> None:
    conn = sqlite3.connect(store.path)  # what Datasette / sqlite-utils do
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    assert (
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Butembo'").fetchone()[0]
        == 1
    )
    assert (
        conn.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'killing'").fetchone()[0]
        == 2
    )


def test_record_ids_are_global(store: Store) -> None:
    uids = [r[0] for r in store.conn.execute("SELECT uid FROM events")]
    assert len(set(uids)) == 3 and all(u.endswith(":e1") for u in uids)
    # the links point at the same article's records
    rows = store.conn.execute(
        "SELECT e.article, ac.article FROM event_actors x JOIN events e ON e.uid = x.event "
        "JOIN actors ac ON ac.uid = x.actor"
    ).fetchall()
    assert rows and all(a == b for a, b in rows)


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        (TEXTS[0][3], TEXTS[2][3], True),  # same wire story, two words added
        (TEXTS[0][3], TEXTS[1][3], False),  # same story written separately
        (
            "The cabinet approved the budget for next year after a long debate in parliament on Tuesday.",
            "Heavy rain flooded the capital's markets on Friday, and traders said they had lost their stock.",
            False,
        ),
    ],
)
def test_near_duplicate_similarity(a: str, b: str, linked: bool) -> None:
    sim = dedup.similarity(dedup.signature(a), dedup.signature(b))
    assert (sim >= dedup.THRESHOLD) is linked


def test_near_duplicates_linked_and_counted_once(store: Store) -> None:
    rows = {r["id"]: dict(r) for r in store.conn.execute("SELECT * FROM articles")}
    assert rows["art-3"]["duplicate_of"] == rows["art-1"]["key"]
    assert rows["art-3"]["cluster"] == rows["art-1"]["key"]
    assert rows["art-2"]["duplicate_of"] is None
    s = summarize(store.conn)
    assert s["events"] == 1  # art-2's event is historical, art-3's is a copy
    assert s["events_all_copies"] == 3
    assert s["articles"]["near_duplicates"] == 1
    assert s["top_dyads"][0]["actor"] == "Ituri Defence Front"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["art-1"]),
        ({"historical": True}, ["art-1", "art-2"]),
        ({"duplicates": True}, ["art-3", "art-1"]),
        ({"historical": True, "since": "2025-03-15"}, ["art-2"]),
        ({"historical": True, "until": "2025-03-10"}, ["art-1"]),
        ({"actor": "Ituri"}, ["art-1"]),
        ({"actor": "COD"}, ["art-1"]),
        ({"actor": "Hamas"}, []),
        ({"types": ["assault"]}, ["art-1"]),
        ({"types": ["PROTEST"]}, []),
        ({"place": "Beni"}, ["art-1"]),
        ({"place": "Goma"}, []),
        ({"search": "Butembo", "historical": True}, ["art-2"]),
        ({"search": "Butembo"}, []),
        ({"search": 'independently (( verified"'}, ["art-1"]),  # user text never breaks the FTS syntax
    ],
)
def test_event_filters(store: Store, filters: dict[str, object], expected: list[str]) -> None:
    rows = query.events(store.conn, query.Filters(**filters))  # type: ignore[arg-type]
    assert [r["article"] for r in rows] == expected


def test_statement_figure_actor_queries(store: Store) -> None:
    st = query.statements(store.conn, query.Filters(search="killing"))
    assert [r["article"] for r in st] == ["art-1"] and st[0]["speaker"] == "Ministry of Health"
    assert query.statements(store.conn, query.Filters(search="Goma")) == []
    fg = query.figures(store.conn, query.Filters(types=["killed"]))
    assert len(fg) == 2 and {json.loads(r["hedges"])[0] for r in fg} == {
        "could not be independently verified"
    }
    assert query.figures(store.conn, query.Filters(types=["displaced"])) == []
    ac = query.actors(store.conn, query.Filters(actor="Ituri"))
    assert ac[0]["name"] == "Ituri Defence Front" and ac[0]["articles"] == 2 and ac[0]["as_actor"] == 2


def _store_events(store: Store) -> dict[str, dict[str, object]]:
    return {r["uid"]: dict(r) for r in store.conn.execute("SELECT * FROM canonical_events")}


def test_exports_reread_match_store(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    for fmt in ("plover", "polecat", "icews", "parquet", "csv", "geojson"):
        export(store.conn, fmt, out)
    events = _store_events(store)
    assert len(events) == 2  # once per cluster (art-3 is a copy of art-1); historical kept in exports

    plover = [json.loads(line) for line in (out / "events.plover.jsonl").read_text().splitlines()]
    assert {p["id"] for p in plover} == set(events)
    for p in plover:
        ev = events[p["id"]]
        assert p["event"] == [ev["type"]] and p["mode"] == ev["mode"] and p["quad_code"] == ev["quad"]
        assert p["actor"][0]["code"] == "COD" and p["actor"][0]["sector"] == "REB"
        assert p["recipient"][0]["identifier_text"] == "villagers"
        assert p["text_info"] == {"start": ev["evidence_start"], "end": ev["evidence_end"]}
        assert p["event_loc"]["geonameid"] == 217570
        assert set(p) >= {
            "id",
            "date",
            "actor",
            "recipient",
            "event",
            "mode",
            "context",
            "event_loc",
            "event_text",
            "quad_code",
            "event_scale",
            "text_info",
            "cite_info",
        }
    art1 = next(p for p in plover if p["cite_info"]["article_id"] == "art-1")
    assert {s["source"] for s in art1["cite_info"]["sources"]} == {"Wire", "Globe"}  # every source kept

    for name, id_col in (("events.polecat.tsv", "Event ID"), ("events.icews.tsv", "Event ID")):
        with (out / name).open() as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        assert {r[id_col] for r in rows} == set(events)
    with (out / "events.polecat.tsv").open() as fh:
        row = next(csv.DictReader(fh, delimiter="\t"))
    assert (
        row["Actor Name"] == "Ituri Defence Front"
        and row["Country"] == "Congo, The Democratic Republic of the"
    )

    for table in ("articles", "events", "actors", "statements", "figures", "places"):
        n = store.count(
            f"{table} t JOIN articles a ON a.key = t.{'key' if table == 'articles' else 'article'} "
            "WHERE a.duplicate_of IS NULL"
        )
        pq_table = pq.read_table(out / f"{table}.parquet")
        assert pq_table.num_rows == n, table
        with (out / f"{table}.csv").open() as fh:
            assert len(list(csv.DictReader(fh))) == n, table
    ev_pq = pq.read_table(out / "events.parquet").to_pylist()
    assert {r["id"] for r in ev_pq} == set(events)
    assert all(isinstance(r["lat"], float) and isinstance(r["historical"], bool) for r in ev_pq)

    geo = json.loads((out / "events.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert geo["features"][0]["geometry"]["coordinates"] == [29.47, 0.49]


def test_exports_of_empty_store_have_headers(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    s = open_store(tmp_path / "e.db")
    export(s.conn, "csv", tmp_path / "out")
    export(s.conn, "parquet", tmp_path / "out")
    assert (tmp_path / "out" / "events.csv").read_text().startswith("id,date,type")
    assert pq.read_table(tmp_path / "out" / "events.parquet").num_rows == 0


def test_unstorable_article_is_rolled_back_whole(tmp_path: Path) -> None:
    s = open_store(tmp_path / "bad.db")
    good_item, good = synthetic(TEXTS[0][3], id="good", published="2025-03-10", source="W")
    bad_item, bad = synthetic(TEXTS[1][3], id="bad", published="2025-03-10", source="W")
    bad.actors.append(bad.actors[0])  # a stage bug: the same actor id twice
    w = Writer(s, commit_every=10)
    w.article(good_item, good)
    with pytest.raises(StoreError, match="could not store"):
        w.article(bad_item, bad)
    w.commit()
    assert [r[0] for r in s.conn.execute("SELECT id FROM articles")] == ["good"]
    assert s.count("actors") == 3 and s.count("lsh_buckets") == len(dedup.bands())  # nothing of "bad" left
