"""Helpers written for speed or shared by several readers: the answers of the code they replaced."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

from herald.corpus import sql
from herald.inputs import _control_ratio
from herald.language import _has_letters
from herald.stages.common import (
    RangeIndex,
    _sentence_starts,
    actor_at,
    actors_at,
    ents_within,
    sentence_starts,
    token_texts,
)


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


# Indexes by character range answer as the scans they replaced (narrowest covering item, first on a tie).
_RANGES = [(0, 10, "a"), (2, 5, "b"), (2, 5, "c"), (4, 12, "d"), (20, 30, "e"), (21, 22, "f")]


def _narrowest_scan(items: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for s, e, x in items:
        if s <= start and end <= e and (best is None or e - s < best[0]):
            best = (e - s, x)
    return best[1] if best else None


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (3, 4, "b"),
        (0, 1, "a"),
        (4, 11, "d"),
        (9, 11, "d"),
        (21, 22, "f"),
        (25, 26, "e"),
        (12, 13, None),
        (31, 32, None),
        (0, 12, None),
    ],
)
def test_range_index_narrowest_is_the_scan(start: int, end: int, expected: str | None) -> None:
    index = RangeIndex(_RANGES)
    assert index.narrowest(start, end) == expected == _narrowest_scan(_RANGES, start, end)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 10, ["a", "b", "c"]), (2, 12, ["b", "c", "d"]), (20, 30, ["e", "f"]), (13, 19, []), (3, 4, [])],
)
def test_range_index_inside_keeps_the_given_order(start: int, end: int, expected: list[str]) -> None:
    assert RangeIndex(_RANGES).inside(start, end) == expected
    assert [x for s, e, x in _RANGES if start <= s and e <= end] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow. Putin said Russia and "
        "China would deepen ties, the Kremlin said.",
        "Nothing happened here.",
    ],
)
def test_actor_lookups_are_the_scans(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    actors = doc._.herald_actors or []
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        covering = [
            (m.end - m.start, k, a)
            for k, (a, m) in enumerate((a, m) for a in actors for m in a.mentions)
            if m.start <= start and end <= m.end
        ]
        assert actor_at(doc, start, end) is (min(covering, key=lambda c: c[:2])[2] if covering else None)
        exact = [a for a in actors if any(m.start == start and m.end == end for m in a.mentions)]
        assert actors_at(doc, start, end) == exact


@pytest.mark.parametrize(
    "text",
    ["The war that began in 2011 ended on Monday in Syria, the United Nations said.", "no entities at all"],
)
def test_ents_within_and_token_texts_are_spacy_s(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in ents_within(doc, sent.start, sent.end)] == [
            (e.start, e.end, e.label_) for e in sent.ents
        ]
    assert token_texts(doc) == [t.text for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain text\n\twith\r\nwhitespace\f",
        "\x00\x01 binary \x0b\x1f\x7f",
        "é\x0e" * 5000,
        "\x1b[0m" * 3000,
    ],
)
def test_control_ratio_counts_like_the_character_loop(text: str) -> None:
    sample = text[:8192]
    loop = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f") / len(sample) if sample else 0.0
    assert _control_ratio(text) == loop
