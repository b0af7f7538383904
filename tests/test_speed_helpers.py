"""Helpers written for speed or shared by several readers: the answers of the code they replaced."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

from herald.corpus import sql
from herald.language import _has_letters
from herald.stages.common import _sentence_starts, sentence_starts


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("", 1, False),
        ("", 0, True),
        ("abc", 3, True),
        ("a1b2c", 3, True),
        ("a1b2 ", 3, False),
        ("12345 67890 !!", 1, False),
        ("é ü ß", 3, True),
    ],
)
def test_has_letters_counts_like_sum(text: str, n: int, expected: bool) -> None:
    assert _has_letters(text, n) is expected
    assert (sum(ch.isalpha() for ch in text) >= n) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked Beni on Monday. The army said 12 people died.\n\nTalks resume today.",
        "One sentence only",
    ],
)
def test_sentence_starts_kept_on_the_doc_are_the_same(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    first = sentence_starts(doc)
    assert first == _sentence_starts(doc) == [t.sent.start for t in doc]
    assert sentence_starts(doc) is first  # the second stage reads the kept list


def _conn(n: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE t (key TEXT, hits INTEGER, kind TEXT)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?)", [(f"k{i}", i % 3, "a" if i % 2 else "b") for i in range(n)]
    )
    return conn


@pytest.mark.parametrize(("n", "limit", "kind"), [(7, 2, None), (7, 10, None), (6, 3, "a"), (0, 2, None)])
def test_keyset_pages_cover_the_rows_once_in_order(n: int, limit: int, kind: str | None) -> None:
    conn = _conn(n)
    base = sql.Where()
    if kind:
        base.add("kind = ?", kind)
    everything = sql.rows(conn, "SELECT * FROM t" + base.sql() + " ORDER BY hits DESC, key", base.params)
    seen: list[dict[str, Any]] = []
    cursor: list[Any] | None = None
    while True:
        w = sql.Where(*base.conditions)
        w.params = list(base.params)
        if cursor is not None:
            w.add(sql.after("hits", "key"), *sql.after_params(cursor))
        page, cursor = sql.page(
            conn,
            "SELECT * FROM t" + w.sql() + " ORDER BY hits DESC, key",
            w.params,
            limit,
            lambda r: [r["hits"], r["key"]],
        )
        assert len(page) <= limit
        seen += page
        if cursor is None:
            break
    assert seen == everything


@pytest.mark.parametrize(
    ("values", "expected"),
    [(["a"], [{"key": "k1"}, {"key": "k3"}, {"key": "k5"}]), ([], []), (["zz"], [])],
)
def test_where_in(values: list[str], expected: list[dict[str, str]]) -> None:
    w = sql.Where()
    w.add_in("kind", values)
    assert sql.rows(_conn(6), "SELECT key FROM t" + w.sql() + " ORDER BY key", w.params) == expected
