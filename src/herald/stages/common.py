"""What the stages share: the article metadata on the Doc, the Doc extensions, span helpers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from ..schema import Span as TextSpan

if TYPE_CHECKING:
    from ..schema import Actor

# One extension per stage; a stage writes only its own.
EXTENSIONS = (
    "herald_meta",
    "herald_times",
    "herald_actors",
    "herald_places",
    "herald_statements",
    "herald_events",
    "herald_figures",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@dataclass(frozen=True)
class ArticleMeta:
    """What the stages may know about the article besides its text."""

    id: str = "article"
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


def meta(doc: Doc) -> ArticleMeta:
    """The article metadata set on the Doc, or an empty one (no publication date) when absent."""
    value = doc._.herald_meta
    return value if isinstance(value, ArticleMeta) else ArticleMeta()


_TEXT_KEY = "herald.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds the string from the tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return str(text)


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was tokenised from (equal to ``doc.text``) so no stage has to rebuild it."""
    doc.user_data[_TEXT_KEY] = text


_SENT_STARTS_KEY = "herald.sentence_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """The start index of each token's sentence, as ``token.sent.start`` gives it, computed in one pass
    (``Token.sent`` scans the Doc for the boundary on every call). Once the Doc is parsed its sentences are
    final, so the list is kept on the Doc for the other stages; treat it as read-only."""
    cached = doc.user_data.get(_SENT_STARTS_KEY)
    if isinstance(cached, list) and len(cached) == len(doc):
        return cached
    starts = _sentence_starts(doc)
    if doc.has_annotation("DEP"):
        doc.user_data[_SENT_STARTS_KEY] = starts
    return starts


def _sentence_starts(doc: Doc) -> list[int]:
    flags = doc.to_array(SENT_START).tolist() if len(doc) else []
    starts: list[int] = []
    current = 0
    for i, flag in enumerate(flags):
        if flag == 1:
            current = i
        starts.append(current)
    return starts


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    """A schema Span for character offsets into the Doc text."""
    return TextSpan(start=start, end=end, text=doc_text(doc)[start:end])


def span_of(item: Span | Token) -> TextSpan:
    """A schema Span covering a spaCy Span or Token."""
    if isinstance(item, Token):
        return text_span(item.doc, item.idx, item.idx + len(item.text))
    return text_span(item.doc, item.start_char, item.end_char)


def actor_at(doc: Doc, start: int, end: int | None = None) -> Actor | None:
    """The actor one of whose mentions covers the character range [start, end) (or the offset start)."""
    end = start + 1 if end is None else end
    best: tuple[int, Actor] | None = None
    for actor in doc._.herald_actors or ():
        for m in actor.mentions:
            if m.start <= start and end <= m.end:
                width = m.end - m.start
                if best is None or width < best[0]:
                    best = (width, actor)
    return best[1] if best else None


def actors_at(doc: Doc, start: int, end: int) -> list[Actor]:
    """Every actor with a mention exactly on [start, end).

    A group reference ("the two sides") is a mention of several actors."""
    found = []
    for actor in doc._.herald_actors or ():
        if any(m.start == start and m.end == end for m in actor.mentions):
            found.append(actor)
    return found


def actor_for_token(token: Token) -> Actor | None:
    """The actor whose mention contains this token."""
    return actor_at(token.doc, token.idx, token.idx + len(token.text))


def records(doc: Doc, name: str) -> Sequence[object]:
    """The records an earlier stage wrote (empty when the stage is not in the pipeline)."""
    value = getattr(doc._, f"herald_{name}")
    return value if value is not None else ()
