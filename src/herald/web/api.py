"""The JSON API, ``/api/v1``: a thin adapter over :mod:`herald.corpus.query` and :mod:`herald.corpus.browse`.

Lists are paged by an opaque, stable cursor (``next_cursor``); limits are bounded (1-500).
"""

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from ..corpus import browse, query
from ..corpus import fused_browse as fused
from ..corpus.query import Filters
from . import lists
from .errors import RESPONSES
from .params import Cursor, Date, EventQuery, Limit, Text, clean, decode_cursor, encode_cursor

router = APIRouter(prefix="/api/v1", responses=RESPONSES)

DOWNLOAD_CAP = 100_000  # rows in one CSV/JSON download
Key = Annotated[str, Path(max_length=300)]
MinSources = Annotated[
    int | None, Query(ge=1, le=1000, description="Fused events told by at least N sources.")
]


def conn(request: Request) -> sqlite3.Connection:
    c: sqlite3.Connection = request.app.state.db.get()
    return c


Conn = Annotated[sqlite3.Connection, Depends(conn)]
Events = Annotated[EventQuery, Depends()]


class Page(BaseModel):
    """One page of a list; pass ``next_cursor`` back as ``cursor`` for the next (null: last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    limit: int


def _page(kind: str, rows: list[dict[str, Any]], after: list[Any] | None, limit: int) -> Page:
    return Page(items=rows, next_cursor=encode_cursor(kind, after), limit=limit)


def _listed(found: tuple[list[dict[str, Any]], str | None], limit: int) -> Page:
    """A Page from a :mod:`.lists` call."""
    return Page(items=found[0], next_cursor=found[1], limit=limit)


@router.get("/stats", summary="Corpus overview: counts, event types, top actors, sources")
def stats(c: Conn) -> dict[str, Any]:
    return browse.stats(c)


@router.get("/articles", summary="Articles, newest first; full-text search with q", response_model=Page)
def articles(
    c: Conn,
    q: Annotated[str | None, Query(max_length=200, description="Words that must all occur (FTS5).")] = None,
    source: Text = None,
    since: Date = None,
    until: Date = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    return _listed(
        lists.articles(c, q=q, source=source, since=since, until=until, limit=limit, cursor=cursor), limit
    )


def _article(c: sqlite3.Connection, key: str) -> dict[str, Any]:
    art = browse.article(c, key)
    if art is None:
        raise HTTPException(
            404, f"no article with key {key!r} (keys are 16 hex digits; see /api/v1/articles)"
        )
    return art


@router.get("/articles/{key}", summary="One article: text, every coded record, and coded segments")
def article(c: Conn, key: Key) -> dict[str, Any]:
    return _article(c, key)


@router.get("/articles/{key}/explain", summary="`herald explain` on the article: why each event was coded")
def explain(c: Conn, key: Key) -> dict[str, Any]:
    from .explain import explain_article

    art = _article(c, key)
    return explain_article(art)


@router.get("/events", summary="Events, filtered; per article or fused across articles", response_model=Page)
def events(
    c: Conn,
    ev: Events,
    fused_: Annotated[
        bool,
        Query(alias="fused", description="Fused events (one per real-world event) instead of per article."),
    ] = False,
    min_sources: MinSources = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    found = lists.events(
        c, ev.filters(), fused_view=fused_, min_sources=min_sources, limit=limit, cursor=cursor
    )
    if not fused_:
        for r in found[0]:
            r["contexts"] = browse.json_list(r["contexts"])
    return _listed(found, limit)


@router.get(
    "/events/timeline", summary="Event counts per day, per type and per quad class, under the filters"
)
def timeline(c: Conn, ev: Events) -> dict[str, Any]:
    return browse.timeline(c, ev.filters())


@router.get("/events/places", summary="Geocoded places of the filtered events, with counts (the map)")
def event_places(c: Conn, ev: Events, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
    return {"items": browse.event_places(c, ev.filters(), limit=limit)}


@router.get("/events/network", summary="Actor network of the filtered events: nodes and typed edges")
def event_network(
    c: Conn,
    ev: Events,
    focus: Annotated[str | None, Query(max_length=300, description="Actor key: only its edges.")] = None,
    max_edges: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> dict[str, Any]:
    return browse.network(c, ev.filters(), focus=focus, max_edges=max_edges)


EXPORT_COLUMNS = (
    "id",
    "date",
    "type",
    "mode",
    "quad",
    "cameo",
    "intensity",
    "actors",
    "recipients",
    "place",
    "place_country",
    "lat",
    "lon",
    "historical",
    "negated",
    "future",
    "hypothetical",
    "trigger",
    "evidence",
    "rule",
    "confidence",
    "article_key",
    "article",
    "title",
    "source",
    "published",
)


@router.get(
    "/events/download",
    summary="Every event under the filters as one CSV or JSON file",
    responses={200: {"content": {"text/csv": {}, "application/json": {}}}},
)
def download(
    c: Conn, ev: Events, format: Annotated[Literal["csv", "json"], Query()] = "csv"
) -> StreamingResponse:
    f: Filters = ev.filters()
    f.limit = DOWNLOAD_CAP
    rows = query.events_detail_rows(c, f)

    def as_csv() -> Iterator[str]:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()

    def as_json() -> Iterator[str]:
        yield "["
        for i, r in enumerate(rows):
            yield ("," if i else "") + json.dumps({k: r.get(k) for k in EXPORT_COLUMNS}, ensure_ascii=False)
        yield "]"

    media = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    return StreamingResponse(
        as_csv() if format == "csv" else as_json(),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="herald-events.{format}"'},
    )


@router.get("/events/{uid}", summary="One event with its actors, recipients, place and figures")
def event(c: Conn, uid: Key) -> dict[str, Any]:
    e = browse.event(c, uid)
    if e is None:
        raise HTTPException(404, f"no event {uid!r} (ids look like 6ac00ef0fcdfe6c0:e1)")
    return e


@router.get("/actors", summary="Actors across the corpus, most-mentioned first", response_model=Page)
def actors(
    c: Conn,
    q: Text = None,
    kind: Annotated[Literal["state", "organization", "person", "group"] | None, Query()] = None,
    country: Annotated[str | None, Query(max_length=3, pattern=r"^[A-Za-z]{3}$")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    return _listed(lists.actors(c, q=q, kind=kind, country=country, limit=limit, cursor=cursor), limit)


@router.get("/actors/{key}", summary="One actor (key: Wikidata id, else name) with its counts and network")
def actor(c: Conn, key: Key) -> dict[str, Any]:
    a = browse.actor(c, key)
    if a is None:
        raise HTTPException(404, f"no actor {key!r} (an actor's key is its Wikidata id, else its name)")
    a["network"] = browse.network(c, Filters(historical=True), focus=key)
    return a


@router.get("/statements", summary="Who said what; search the content with q", response_model=Page)
def statements(
    c: Conn,
    q: Annotated[
        str | None, Query(max_length=200, description="Words that must all occur in the content.")
    ] = None,
    speaker: Text = None,
    cue_class: Annotated[list[str] | None, Query(max_length=20)] = None,
    since: Date = None,
    until: Date = None,
    duplicates: bool = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    f = lists.statement_filters(
        speaker,
        q,
        types=[t for t in cue_class or [] if t.strip()] or None,
        since=since,
        until=until,
        duplicates=duplicates,
    )
    return _listed(lists.statements(c, f, limit=limit, cursor=cursor), limit)


@router.get("/figures", summary="Numeric claims with their qualifier, source and hedges", response_model=Page)
def figures(
    c: Conn,
    counts: Annotated[
        list[str] | None, Query(max_length=20, description="What is counted, e.g. killed.")
    ] = None,
    source: Annotated[str | None, Query(max_length=200, description="Who the figure rests on.")] = None,
    place: Text = None,
    since: Date = None,
    until: Date = None,
    q: Annotated[str | None, Query(max_length=200, description="Full-text search in the article.")] = None,
    duplicates: bool = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    f = Filters(
        actor=clean(source),
        types=[t for t in counts or [] if t.strip()] or None,
        place=clean(place),
        since=since,
        until=until,
        search=clean(q),
        duplicates=duplicates,
    )
    rows, after = query.page(c, query.FIGURES_DETAIL, f, limit=limit, after=decode_cursor("figures", cursor))
    for r in rows:
        r["hedges"] = browse.json_list(r["hedges"])
    return _page("figures", rows, after, limit)


@router.get("/places", summary="Geocoded places across the corpus, most-mentioned first", response_model=Page)
def places(
    c: Conn,
    q: Text = None,
    country: Annotated[str | None, Query(max_length=3, pattern=r"^[A-Za-z]{3}$")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page:
    rows, after = browse.places_page(
        c, search=q, country=country, limit=limit, after=decode_cursor("places", cursor)
    )
    return _page("places", rows, after, limit)


@router.get(
    "/fused-events",
    summary="Fused events: one per real-world event, with the number of independent sources",
    response_model=Page,
)
def fused_events(
    c: Conn, ev: Events, min_sources: MinSources = None, limit: Limit = 50, cursor: Cursor = None
) -> Page:
    found = lists.events(
        c, ev.filters(), fused_view=True, min_sources=min_sources, limit=limit, cursor=cursor
    )
    return _listed(found, limit)


@router.get("/fused-events/{fid}", summary="One fused event: its mentions (why each joined) and its claims")
def fused_event(c: Conn, fid: Key) -> dict[str, Any]:
    event = fused.fused_event(c, fid)
    if event is None:
        raise HTTPException(404, f"no fused event {fid!r} (see /api/v1/fused-events for ids)")
    return event


@router.get(
    "/ledger", summary="Claim ledger: per fused event and counted thing, every figure by source over time"
)
def ledger(
    c: Conn,
    event: Annotated[str | None, Query(max_length=300, description="A fused event id.")] = None,
    counts: Annotated[str | None, Query(max_length=40, description="What is counted, e.g. killed.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    return fused.ledger(c, event=event, counts=counts, limit=limit)
