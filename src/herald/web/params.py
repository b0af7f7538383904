"""Query parameters shared by the API and the pages: validated once, turned into library ``Filters``.

No ``from __future__ import annotations`` here: FastAPI reads these annotations at run time.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import Field

from ..corpus.query import Filters
from .errors import BadRequest

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_LIMIT = 500

Text = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (1-{MAX_LIMIT}).")]
Cursor = Annotated[
    str | None,
    Query(max_length=400, pattern=r"^[A-Za-z0-9_=-]*$", description="`next_cursor` of the previous page."),
]
Date = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")]


def encode_cursor(kind: str, after: list[Any] | None) -> str | None:
    """An opaque cursor for the page after ``after`` (the last row's sort key) of list ``kind``."""
    if after is None:
        return None
    raw = json.dumps([kind, *after], separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> list[Any] | None:
    """The sort key in ``cursor``; a cursor that is malformed or from another list is a 400."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError):
        value = None
    if (
        not isinstance(value, list)
        or len(value) != 3
        or value[0] != kind
        or not all(isinstance(v, str | int | float) for v in value[1:])
    ):
        raise BadRequest(
            "cursor", "invalid cursor: pass back the `next_cursor` value of the previous page unchanged"
        )
    return value[1:]


@dataclass
class EventQuery:
    """The event filters of ``/api/v1/events``, ``/events``, ``/map`` and the timeline/network."""

    actor: Text = None
    recipient: Text = None
    type: Annotated[
        list[str] | None,
        Query(description="PLOVER event type (repeatable), e.g. ASSAULT.", max_length=20),
    ] = None
    mode: Annotated[list[str] | None, Query(description="PLOVER mode (repeatable).", max_length=20)] = None
    quad: Annotated[
        list[Annotated[int, Field(ge=1, le=4)]] | None,
        Query(
            description="Quad class (repeatable): 1 verbal coop, 2 material coop, 3 verbal conflict, "
            "4 material conflict.",
            max_length=4,
        ),
    ] = None
    since: Date = None
    until: Date = None
    place: Text = None
    bbox: Annotated[
        str | None,
        Query(max_length=100, description="min lon,min lat,max lon,max lat of the event place."),
    ] = None
    q: Annotated[str | None, Query(max_length=200, description="Full-text search in the article.")] = None
    historical: Annotated[bool, Query(description="Include background (historical) events.")] = False
    duplicates: Annotated[bool, Query(description="Include events of near-duplicate articles.")] = False
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None

    def filters(self) -> Filters:
        return Filters(
            actor=clean(self.actor),
            recipient=clean(self.recipient),
            types=_words("type", self.type),
            modes=_words("mode", self.mode),
            quads=sorted(set(self.quad)) if self.quad else None,
            since=self.since,
            until=self.until,
            place=clean(self.place),
            bbox=parse_bbox(self.bbox),
            search=clean(self.q),
            historical=self.historical,
            duplicates=self.duplicates,
            min_confidence=self.min_confidence,
        )

    def query_string(self) -> list[tuple[str, str]]:
        """The filters as query parameters (for links that keep them: next page, downloads, JSON twin)."""
        out: list[tuple[str, str]] = []
        for name in ("actor", "recipient", "since", "until", "place", "bbox", "q"):
            value = getattr(self, name)
            if value:
                out.append((name, str(value)))
        for name in ("type", "mode", "quad"):
            out += [(name, str(v)) for v in getattr(self, name) or []]
        if self.historical:
            out.append(("historical", "true"))
        if self.duplicates:
            out.append(("duplicates", "true"))
        if self.min_confidence is not None:
            out.append(("min_confidence", str(self.min_confidence)))
        return out


def clean(value: str | None) -> str | None:
    """The value stripped, or None when nothing is left."""
    value = (value or "").strip()
    return value or None


def _words(name: str, values: list[str] | None) -> list[str] | None:
    out = [v.strip() for v in values or [] if v.strip()]
    for v in out:
        if len(v) > 40 or not all(c.isalnum() or c in "_-" for c in v):
            raise BadRequest(name, f"{name} {v!r}: expected a word such as ASSAULT (letters, '_' or '-')")
    return out or None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees; west > east crosses the antimeridian."""
    if not value or not value.strip():
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise BadRequest("bbox", "bbox: expected four numbers 'min lon,min lat,max lon,max lat'") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise BadRequest(
            "bbox", "bbox: longitudes must lie in [-180, 180], latitudes in [-90, 90] with min lat <= max lat"
        )
    return west, south, east, north
