"""Store columns for Place.demonym / Place.embedded, Figure.historical and Statement.negated: stored,
exported, migrated in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from corpus_helpers import TEXTS, synthetic
from herald.corpus.export import export
from herald.corpus.ingest import Writer
from herald.corpus.store import open_store


@pytest.mark.parametrize(
    ("demonym", "embedded", "historical"),
    [(False, False, False), (True, False, True), (False, True, False)],
)
def test_flags_stored_and_exported(tmp_path: Path, demonym: bool, embedded: bool, historical: bool) -> None:
    import pyarrow.parquet as pq

    store = open_store(tmp_path / "h.db")
    ident, published, source, text = TEXTS[0]
    item, x = synthetic(text, id=ident, published=published, source=source)
    x.places[0].demonym, x.places[0].embedded = demonym, embedded
    x.figures[0].historical = historical
    x.statements[0].negated = historical
    w = Writer(store, commit_every=10)
    w.article(item, x)
    w.commit()
    place = store.conn.execute("SELECT demonym, embedded FROM places").fetchone()
    figure = store.conn.execute("SELECT historical FROM figures").fetchone()
    assert (place["demonym"], place["embedded"], figure["historical"]) == (demonym, embedded, historical)
    export(store.conn, "parquet", tmp_path / "out")
    places = pq.read_table(tmp_path / "out" / "places.parquet").to_pylist()
    figures = pq.read_table(tmp_path / "out" / "figures.parquet").to_pylist()
    assert (places[0]["demonym"], places[0]["embedded"]) == (demonym, embedded)
    assert figures[0]["historical"] == historical
    statement = store.conn.execute("SELECT negated FROM statements").fetchone()
    assert statement["negated"] == historical
    statements = pq.read_table(tmp_path / "out" / "statements.parquet").to_pylist()
    assert statements[0]["negated"] == historical
    store.close()


def test_old_store_gains_the_columns(tmp_path: Path) -> None:
    """A store made before the columns existed is migrated in place; old rows read NULL."""
    path = tmp_path / "old.db"
    store = open_store(path)
    store.conn.execute(
        "DELETE FROM migrations WHERE name IN ('0008_place_figure_flags', '0009_statement_negated')"
    )
    store.close()
    conn = sqlite3.connect(path)
    dropped = (
        ("places", "demonym"),
        ("places", "embedded"),
        ("figures", "historical"),
        ("statements", "negated"),
    )
    for table, col in dropped:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {col}")
    conn.commit()
    conn.close()
    store = open_store(path)
    cols = {r[1] for r in store.conn.execute("PRAGMA table_info(figures)")}
    assert "historical" in cols
    assert "negated" in {r[1] for r in store.conn.execute("PRAGMA table_info(statements)")}
    assert store.migrate() == []
    store.close()
