"""The ``herald serve`` application: JSON API under ``/api/v1`` and the explorer pages, read-only on a store.

Every response carries a strict Content-Security-Policy (scripts only from this origin, no inline script),
``X-Content-Type-Options: nosniff`` and ``frame-ancestors 'none'``: article text is untrusted input.
Reads carry an ``ETag`` (hash of the body) and ``Last-Modified`` (the database file's time) and answer
``If-None-Match`` with 304.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from email.utils import formatdate
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..corpus.store import open_readonly, pending_migrations
from ..errors import StoreError
from . import api, pages
from .errors import BadRequest, body
from .render import render

log = logging.getLogger("herald.web")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STATIC = Path(__file__).parent / "static"


class Connections:
    """One read-only connection per server thread (sqlite3 connections are not shared across threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        conn = open_readonly(path)  # fail at start-up, with a clear message, if the store is unusable
        self.pending = pending_migrations(conn)
        conn.close()
        if self.pending:
            log.warning(
                "%s predates %s: it works, but slower. Open it once for writing to migrate it "
                "(e.g. `herald events --db %s --limit 1`).",
                path,
                ", ".join(self.pending),
                path,
            )

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_readonly(self.path)
            self._local.conn = conn
        return conn

    def modified(self) -> float:
        """Last write to the store (the WAL file changes first when ingest runs beside the server)."""
        times = [p.stat().st_mtime for p in (self.path, Path(f"{self.path}-wal")) if p.exists()]
        return max(times) if times else 0.0


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(
    request: Request, status: int, message: str, details: list[dict[str, object]] | None = None
) -> Response:
    if _is_api(request) or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(body(status, message, details), status_code=status)
    page = render(
        "error.html",
        path=request.url.path,
        json_url=None,
        status=status,
        message=message,
        details=details or [],
    )
    return HTMLResponse(page, status)


def create_app(db: str | Path) -> FastAPI:
    """The application over the store at ``db`` (opened read-only)."""
    app = FastAPI(
        title="Herald",
        version=__version__,
        description="Events, statements, figures, places and actors coded from news articles, with evidence. "
        "Read-only over a Herald store.",
        docs_url=None,  # the hosted Swagger UI loads script from a CDN; /openapi.json is the spec
        redoc_url=None,
    )
    app.state.db = Connections(Path(db))
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or record: {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for e in exc.errors():
            loc = [str(p) for p in e.get("loc", ())[1:]]  # ("query", name, index...) -> name
            where = f" (item {loc[1]})" if len(loc) > 1 else ""
            details.append({"parameter": loc[0] if loc else "request", "message": e.get("msg", "") + where})
        first = details[0] if details else {"parameter": "request", "message": "invalid"}
        return _error(request, 422, f"{first['parameter']}: {first['message']}", details)

    @app.exception_handler(BadRequest)
    async def bad(request: Request, exc: BadRequest) -> Response:
        return _error(request, 400, exc.message, [{"parameter": exc.parameter, "message": exc.message}])

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(sqlite3.Error)
    async def sqlite_error(request: Request, exc: sqlite3.Error) -> Response:
        log.exception("database error on %s", request.url)
        return _error(request, 500, f"database error: {exc}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error on %s", request.url)
        return _error(request, 500, f"internal error: {type(exc).__name__}")

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # An empty form field (``?quad=&since=``) means "no filter", not an invalid value.
        raw = request.scope.get("query_string", b"")
        if raw:
            pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                request.scope["query_string"] = urlencode(kept).encode("latin-1")
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if request.url.path.startswith("/static/"):
            return response
        if response.headers.get("content-disposition"):  # streamed downloads: no buffering
            return response
        chunks = [c async for c in response.body_iterator]  # type: ignore[attr-defined]
        content = b"".join(c if isinstance(c, bytes) else str(c).encode() for c in chunks)
        etag = 'W/"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        extra = {
            "ETag": etag,
            "Last-Modified": formatdate(app.state.db.modified(), usegmt=True),
            "Cache-Control": "no-cache",
        }
        if etag in {t.strip() for t in request.headers.get("if-none-match", "").split(",")}:
            return Response(status_code=304, headers={**SECURITY_HEADERS, **extra})
        out = Response(content, status_code=200, headers=dict(response.headers), media_type=None)
        out.headers.update(extra)
        return out

    return app
