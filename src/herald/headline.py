"""The article's title read as its first line, and the records found in it pointed back at the title.

A headline often states the main event ("Beijing bans online Bible sales"), sometimes only there. When the
title is given apart from the text (JSONL ``title``, HTML metadata, front matter) and the text does not already
open with it, the Doc is built from ``title + "\\n\\n" + text``: the blank line makes the title its own sentence
and paragraph (never fused with a byline or dateline), and every stage reads it as the headline it is (headline
grammar in ``s5_events.roles``, "Speaker: ..." headlines in ``s4_statements.headline``, one real-world event
once per article in ``s5_events.chains``).

Offsets in the output still count in the article text: :func:`relocate` moves every span after the title back
by the prepended length, and marks a span inside the title ``in_title`` with its offsets in ``article.title``
(the title opens the Doc, so they are unchanged: ``title[start:end] == span.text``).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from .schema import Extraction, Place, Span, Time

SEPARATOR = "\n\n"
_WORD = re.compile(r"\w+")
# a title longer than this is not a headline (a mis-filled field); it is left out of the text
MAX_TITLE_CHARS = 300


def clean_title(title: str | None) -> str:
    """The title on one line, spaces collapsed; "" when there is none or it is too long to be a headline."""
    if not title:
        return ""
    one = " ".join(title.split())
    return one if len(one) <= MAX_TITLE_CHARS else ""


def opens_with(text: str, title: str) -> bool:
    """Whether the text already opens with the title (its words, in order, case and punctuation aside)."""
    want = [w.lower() for w in _WORD.findall(title)]
    if not want:
        return True
    got = [w.lower() for w in _WORD.findall(text[: len(title) * 2 + 200])]
    return got[: len(want)] == want


def doc_text(text: str, title: str | None) -> tuple[str, int]:
    """The text the Doc is built from and the number of characters prepended before the article text."""
    head = clean_title(title)
    if not head or opens_with(text, head):
        return text, 0
    prefix = head + SEPARATOR
    return prefix + text, len(prefix)


def relocate(extraction: Extraction, shift: int) -> Extraction:
    """Point every span of the extraction at the article text (moved back by ``shift``) or, inside the
    prepended title, at the title (``in_title``)."""
    if shift <= 0:
        return extraction
    for name in ("times", "places", "actors", "statements", "events", "figures"):
        for record in getattr(extraction, name):
            _walk(record, shift)
    return extraction


def _walk(value: Any, shift: int) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, shift)
        return
    if not isinstance(value, BaseModel):
        return
    if isinstance(value, Span | Time | Place):
        if value.start < shift:
            value.in_title = True
            title_end = shift - len(SEPARATOR)
            if value.end > title_end:  # never across the blank line, but the offsets must hold whatever a stage did
                value.text = value.text[: max(title_end - value.start, 0)]
                value.end = value.start + len(value.text)
        else:
            value.start -= shift
            value.end -= shift
    for field in type(value).model_fields:
        child = getattr(value, field)
        if isinstance(child, BaseModel | list):
            _walk(child, shift)
