"""The explorer's pages: server-rendered HTML over the same library calls as the API.

Every page's URL carries its filters (shareable) and links its JSON twin under ``/api/v1``.
"""

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse

from ..corpus import browse
from ..corpus import fused_browse as fused
from ..corpus.query import Filters
from ..stages.s5_events.ontology import load_ontology
from . import lists
from .api import Conn, Key
from .params import Cursor, Date, EventQuery, Text
from .render import render

STATIC = Path(__file__).parent / "static"

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Events = Annotated[EventQuery, Depends()]
PAGE = 50


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    context.setdefault("json_url", None)
    return HTMLResponse(render(template, path=request.url.path, **context))


def _json_twin(request: Request, path: str) -> str:
    return path + (f"?{request.url.query}" if request.url.query else "")


def _ontology() -> dict[str, list[str]]:
    onto = load_ontology()
    return {name: sorted(t.modes) for name, t in sorted(onto.types.items())}


@router.get("/")
def home(request: Request, c: Conn) -> HTMLResponse:
    return _page(request, "home.html", stats=browse.stats(c), json_url="/api/v1/stats")


@router.get("/articles")
def articles(
    request: Request,
    c: Conn,
    q: Text = None,
    source: Text = None,
    since: Date = None,
    until: Date = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    rows, next_cursor = lists.articles(
        c, q=q, source=source, since=since, until=until, limit=PAGE, cursor=cursor
    )
    keep = {"q": q, "source": source, "since": since, "until": until}
    return _page(
        request,
        "articles.html",
        rows=rows,
        keep=keep,
        next_cursor=next_cursor,
        json_url=_json_twin(request, "/api/v1/articles"),
    )


@router.get("/articles/{key}")
def article(request: Request, c: Conn, key: Key) -> HTMLResponse:
    art = browse.article(c, key)
    if art is None:
        raise HTTPException(404, f"no article with key {key!r}")
    names = {a["id"]: a for a in art["actors"]}
    twin = f"/api/v1/articles/{quote(key, safe='')}"
    return _page(request, "article.html", art=art, names=names, json_url=twin)


@router.get("/events")
def events(
    request: Request,
    c: Conn,
    ev: Events,
    fused_: Annotated[bool, Query(alias="fused")] = False,
    min_sources: Annotated[int | None, Query(ge=1, le=1000)] = None,
    cursor: Cursor = None,
) -> HTMLResponse:
    keep = ev.query_string()
    rows, next_cursor = lists.events(
        c, ev.filters(), fused_view=fused_, min_sources=min_sources, limit=PAGE, cursor=cursor
    )
    if fused_:
        keep += [("fused", "true")] + ([("min_sources", str(min_sources))] if min_sources else [])
    return _page(
        request,
        "events.html",
        rows=rows,
        ev=ev,
        keep=keep,
        ontology=_ontology(),
        fused_view=fused_,
        fused_available=fused.available(c),
        fused_message=fused.NOT_YET,
        min_sources=min_sources,
        next_cursor=next_cursor,
        json_url=_json_twin(request, "/api/v1/events"),
    )


@router.get("/actors")
def actors(request: Request, c: Conn, q: Text = None, cursor: Cursor = None) -> HTMLResponse:
    rows, next_cursor = lists.actors(c, q=q, limit=PAGE, cursor=cursor)
    return _page(
        request,
        "actors.html",
        rows=rows,
        q=q,
        next_cursor=next_cursor,
        json_url=_json_twin(request, "/api/v1/actors"),
    )


@router.get("/actors/{key}")
def actor(request: Request, c: Conn, key: Key) -> HTMLResponse:
    a = browse.actor(c, key)
    if a is None:
        raise HTTPException(404, f"no actor {key!r}")
    net = browse.network(c, Filters(historical=True), focus=key)
    said, _ = lists.statements(c, Filters(actor=key, duplicates=True), limit=20, cursor=None)
    said = [s for s in said if s["speaker_key"] == key]
    twin = f"/api/v1/actors/{quote(key, safe='')}"
    return _page(request, "actor.html", a=a, net=net, said=said, json_url=twin)


@router.get("/map")
def map_page(request: Request, ev: Events) -> HTMLResponse:
    return _page(
        request,
        "map.html",
        ev=ev,
        keep=ev.query_string(),
        ontology=_ontology(),
        json_url=_json_twin(request, "/api/v1/events/places"),
    )


@router.get("/statements")
def statements(
    request: Request, c: Conn, q: Text = None, speaker: Text = None, cursor: Cursor = None
) -> HTMLResponse:
    rows, next_cursor = lists.statements(c, lists.statement_filters(speaker, q), limit=PAGE, cursor=cursor)
    return _page(
        request,
        "statements.html",
        rows=rows,
        keep={"q": q, "speaker": speaker},
        speaker_page=None,
        next_cursor=next_cursor,
        json_url=_json_twin(request, "/api/v1/statements"),
    )


@router.get("/speakers/{key}")
def speaker(request: Request, c: Conn, key: Key, cursor: Cursor = None) -> HTMLResponse:
    f = Filters(actor=key, duplicates=True)
    rows, next_cursor = lists.statements(c, f, limit=PAGE, cursor=cursor)
    rows = [r for r in rows if r["speaker_key"] == key]
    return _page(
        request,
        "statements.html",
        rows=rows,
        keep={},
        speaker_page=key,
        next_cursor=next_cursor,
        json_url="/api/v1/statements?" + urlencode({"speaker": key}),
    )


@router.get("/ledger")
def ledger(
    request: Request,
    c: Conn,
    event: Annotated[str | None, Query(max_length=300)] = None,
    counts: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    data = fused.ledger(c, event=event, counts=counts, limit=30)
    detail = fused.fused_event(c, event) if event else None
    if event and detail is None and data["available"]:
        raise HTTPException(404, f"no fused event {event!r}")
    return _page(
        request,
        "ledger.html",
        data=data,
        detail=detail,
        keep={"event": event, "counts": counts},
        json_url=_json_twin(request, "/api/v1/ledger"),
    )


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
