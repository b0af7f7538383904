"""Extractions to the rows of the exported tables, without a database on disk.

The Spark job writes the same tables, with the same columns and types, as ``herald export --format parquet
--with-duplicates``. Rather than a second copy of the row-building code, it stores each batch of
Extractions in an in-memory store with the writer's own :func:`~herald.corpus.ingest.store_article` and
reads the rows back with the export's own :func:`~herald.corpus.export.table_rows`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..inputs import ArticleInput
from ..schema import Extraction
from . import export
from .dedup import Match
from .ingest import store_article
from .store import Store

TABLES = export.TABLES


@dataclass
class Entry:
    """One extracted article with its store key and its near-duplicate decision."""

    key: str
    item: ArticleInput
    extraction: Extraction
    match: Match | None = None


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    # No foreign keys: a batch holds some of the articles, and duplicate_of may point at another batch.
    Store(Path(":memory:"), conn).migrate()
    return conn


@lru_cache(maxsize=1)
def table_columns() -> dict[str, dict[str, str]]:
    """Column name -> declared type, per exported table (what ``herald export`` writes)."""
    conn = _memory()
    try:
        return {table: dict(export.columns(conn, table)) for table in TABLES}
    finally:
        conn.close()


def arrow_schema(table: str) -> Any:
    """The Arrow schema of one exported table (the same as ``herald export --format parquet``)."""
    return export.arrow_schema(table_columns()[table])


def key_column(table: str) -> str:
    """The column of a table's rows that holds the article key."""
    return {"articles": "key", "events": "article_key"}.get(table, "article")


def flatten(entries: Iterable[Entry]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every exported table for these articles (failed extractions have none)."""
    conn = _memory()
    try:
        for e in entries:
            if e.extraction.status != "failed":
                store_article(conn, e.item, e.extraction, e.key, e.match)
        return {table: list(export.table_rows(conn, table, duplicates=True)) for table in TABLES}
    finally:
        conn.close()
