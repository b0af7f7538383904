"""The lists both the JSON API and the explorer pages serve: one call each from the parsed parameters,
returning a page of rows and the cursor of the next page (``None`` on the last)."""

import sqlite3
from typing import Any

from ..corpus import browse, query
from ..corpus import fused_browse as fused
from ..corpus.query import Filters
from .params import clean, decode_cursor, encode_cursor

Rows = list[dict[str, Any]]


def articles(
    c: sqlite3.Connection,
    *,
    q: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[Rows, str | None]:
    rows, after = browse.articles_page(
        c,
        search=q,
        source=source,
        since=since,
        until=until,
        limit=limit,
        after=decode_cursor("articles", cursor),
    )
    return rows, encode_cursor("articles", after)


def events(
    c: sqlite3.Connection,
    f: Filters,
    *,
    fused_view: bool,
    min_sources: int | None,
    limit: int,
    cursor: str | None,
) -> tuple[Rows, str | None]:
    """Events per article, or fused across articles (``fused_view``)."""
    if fused_view:
        rows, after = fused.events_page(
            c, f, limit=limit, after=decode_cursor("fused", cursor), min_sources=min_sources
        )
        return rows, encode_cursor("fused", after)
    rows, after = query.page(c, query.EVENTS_DETAIL, f, limit=limit, after=decode_cursor("events", cursor))
    return rows, encode_cursor("events", after)


def statement_filters(speaker: str | None, q: str | None, **more: Any) -> Filters:
    """Statements by a speaker (name, country code or Wikidata id) and/or with words in their content."""
    return Filters(actor=clean(speaker), search=clean(q), **more)


def statements(
    c: sqlite3.Connection, f: Filters, *, limit: int, cursor: str | None
) -> tuple[Rows, str | None]:
    rows, after = query.page(
        c, query.STATEMENTS_DETAIL, f, limit=limit, after=decode_cursor("statements", cursor)
    )
    return rows, encode_cursor("statements", after)


def actors(
    c: sqlite3.Connection,
    *,
    q: str | None,
    limit: int,
    cursor: str | None,
    kind: str | None = None,
    country: str | None = None,
) -> tuple[Rows, str | None]:
    rows, after = browse.actors_page(
        c, search=q, kind=kind, country=country, limit=limit, after=decode_cursor("actors", cursor)
    )
    return rows, encode_cursor("actors", after)
