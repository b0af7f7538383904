"""The article's title read as its headline, and the records found in it pointed back at the title.

A headline often states the main event ("Beijing bans online Bible sales"), sometimes only there. When
the title is given apart from the text (JSONL ``title``, HTML metadata, front matter) and the text does
not already open with it, the Doc is built from ``text + "\\n\\n" + title``: the blank line makes the
title its own sentence and paragraph, and every stage reads it as the headline it is (headline grammar in
``s5_events.roles``, one real-world event once per article in ``s5_events.chains``, where the body's
mention comes first and the headline's is kept among its ``mentions``). The title goes after the text, not
before it: the tagger, parser and NER read the opening of the text as they read it without a title (a name
or a dateline opening the text is recognised better at the start of a Doc), so the body's analysis is the
one it has without a title.

Offsets in the output still count in the article text: :func:`relocate` marks a span inside the title
``in_title`` and moves its offsets into ``article.title`` (``title[start:end] == span.text``).
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


def clean_title(title: str | None) -> tuple[str, int]:
    """The headline in the title and where it starts in it: on one line (every line break or tab a space,
    so offsets hold), without the site's name an HTML title adds after a bar ("Rebels seize Goma | Daily
    Monitor": the longest part); "" when there is none or it is too long to be a headline."""
    if not title:
        return "", 0
    flat = "".join(" " if c.isspace() else c for c in title)
    lo, hi = 0, len(flat)
    if " | " in flat:
        pos, best = 0, (0, 0)
        for part in flat.split(" | "):
            if len(part) > best[1] - best[0]:
                best = (pos, pos + len(part))
            pos += len(part) + 3
        lo, hi = best
    while lo < hi and flat[lo] == " ":
        lo += 1
    while hi > lo and flat[hi - 1] == " ":
        hi -= 1
    head = flat[lo:hi]
    return (head, lo) if 0 < len(head) <= MAX_TITLE_CHARS else ("", 0)


def opens_with(text: str, title: str) -> bool:
    """Whether the text already opens with the title (its words, in order, case and punctuation aside)."""
    want = [w.lower() for w in _WORD.findall(title)]
    if not want:
        return True
    got = [w.lower() for w in _WORD.findall(text[: len(title) * 2 + 200])]
    return got[: len(want)] == want


def doc_text(text: str, title: str | None) -> tuple[str, int, int]:
    """The text the Doc is built from, where the appended headline starts in it (0: none appended) and
    where it starts in the title."""
    head, offset = clean_title(title)
    if not head or opens_with(text, head):
        return text, 0, 0
    return text + SEPARATOR + head, len(text) + len(SEPARATOR), offset


def relocate(extraction: Extraction, title_start: int, title_offset: int = 0) -> Extraction:
    """Point every span of the extraction found in the appended headline at the title (``in_title``,
    offsets into ``article.title``: the headline starts at ``title_start`` in the Doc, ``title_offset`` in
    the title); spans in the text keep theirs."""
    if title_start <= 0:
        return extraction
    title = extraction.article.title or ""
    for name in ("times", "places", "actors", "statements", "events", "figures"):
        for record in getattr(extraction, name):
            _walk(record, title_start, title_offset, title)
    return extraction


def _walk(value: Any, title_start: int, title_offset: int, title: str) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, title_start, title_offset, title)
        return
    if not isinstance(value, BaseModel):
        return
    if isinstance(value, Span | Time | Place):
        _move(value, title_start, title_offset, title)
    for field in type(value).model_fields:
        child = getattr(value, field)
        if isinstance(child, BaseModel | list):
            _walk(child, title_start, title_offset, title)


def _move(span: Span | Time | Place, title_start: int, title_offset: int, title: str) -> None:
    """One span: into the title, or cut at the end of the text (a sentence's trailing blank line)."""
    text_end = title_start - len(SEPARATOR)
    if span.end <= text_end:
        return
    if span.start < text_end:  # the text's last sentence with the blank line after it
        span.text = span.text[: text_end - span.start]
        span.end = text_end
        return
    if span.start < title_start:
        span.text = span.text[title_start - span.start :]
        span.start = title_start
    span.in_title = True
    span.start += title_offset - title_start
    span.end += title_offset - title_start
    span.text = title[span.start : span.end]  # the title's own line breaks, where the Doc has spaces
