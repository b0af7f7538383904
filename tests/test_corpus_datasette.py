"""The corpus database opens as it is in sqlite-utils and Datasette (no Herald code needed to read it)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import sqlite_utils

from herald.corpus.ingest import ingest

ARTICLES = [
    ("one.txt", "---\npublished: 2024-05-10\n---\nRebels attacked an army post near Goma on Thursday."),
    (
        "two.txt",
        "---\npublished: 2024-05-11\n---\nProtesters marched in Nairobi, and police arrested 12 people.",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES:
        (folder / name).write_text(text)
    path = folder / "herald.db"
    ingest([folder], path, workers=1)
    return path


@pytest.mark.parametrize(
    "table", ["articles", "actors", "events", "statements", "figures", "times", "places"]
)
def test_sqlite_utils_reads_every_table(db: Path, table: str) -> None:
    database = sqlite_utils.Database(db)
    assert table in database.table_names()
    assert database[table].count == sum(1 for _ in database[table].rows)


def test_sqlite_utils_full_text_search(db: Path) -> None:
    database = sqlite_utils.Database(db)
    fts = [t for t in database.table_names() if t.endswith("_fts")]
    assert fts, "an FTS5 table over article text is expected"
    assert database["articles"].count == 2


def test_datasette_serves_the_file(db: Path) -> None:
    from datasette.app import Datasette

    async def fetch() -> tuple[int, dict[str, object]]:
        ds = Datasette([str(db)])
        response = await ds.client.get(f"/{db.stem}/articles.json?_shape=objects")
        return response.status_code, response.json()

    status, payload = asyncio.run(fetch())
    assert status == 200
    rows = payload["rows"]
    assert isinstance(rows, list) and len(rows) == 2
