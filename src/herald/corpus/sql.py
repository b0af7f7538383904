"""Small SQL helpers shared by the store's readers (browse lists, the claim ledger): filter conditions with
their parameters, and keyset pages (most first, then by key; the cursor is the last row's sort key)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any


class Where:
    """``WHERE`` conditions and their parameters, added filter by filter (always in the same order)."""

    def __init__(self, *conditions: str) -> None:
        self.conditions = list(conditions)
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def add_in(self, column: str, values: Iterable[Any]) -> None:
        """``column IN (?, ...)`` over ``values``."""
        values = list(values)
        self.add(f"{column} IN ({', '.join('?' * len(values))})", *values)

    def sql(self) -> str:
        """The clause, with its leading ``WHERE``, or "" when there is no condition."""
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, list(params))]


def after(first: str, second: str) -> str:
    """The keyset condition for rows after a cursor ``[first, second]``, in ``first DESC, second`` order."""
    return f"({first} < ? OR ({first} = ? AND {second} > ?))"


def after_params(cursor: list[Any]) -> list[Any]:
    return [cursor[0], cursor[0], cursor[1]]


def page(
    conn: sqlite3.Connection,
    sql: str,
    params: Iterable[Any],
    limit: int,
    cursor_of: Callable[[dict[str, Any]], list[Any]],
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """At most ``limit`` rows of ``sql`` (ordered, without LIMIT), and the cursor of the last one when more
    follow (one more row is read to know)."""
    found = rows(conn, sql + f" LIMIT {int(limit) + 1}", params)
    more = len(found) > limit
    found = found[:limit]
    return found, (cursor_of(found[-1]) if more and found else None)
