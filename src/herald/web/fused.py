"""Fused events and the claim ledger, read through the fusion library when the store has them.

Until fusion has run on a store (or where the fusion library is absent), these return empty results with
``available: false`` and a message saying how to produce them, rather than failing.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..corpus.query import Filters

NOT_YET = "no fused events yet: this store has no fused events (run event fusion on it first)"


def available(conn: sqlite3.Connection) -> bool:
    return False


def events_page(
    conn: sqlite3.Connection, f: Filters, *, limit: int, after: list[Any] | None
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    return [], None


def ledger(conn: sqlite3.Connection, *, event: str | None, counts: str | None, limit: int) -> dict[str, Any]:
    return {"available": False, "message": NOT_YET, "items": []}
