"""What the stages share: the article metadata on the Doc, the Doc extensions, span helpers."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from spacy.attrs import DEP, HEAD, IDX, LENGTH, LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from ..schema import Span as TextSpan
from ..schema import Statement
from . import memo

if TYPE_CHECKING:
    from ..schema import Actor

T = TypeVar("T")
R = TypeVar("R")
X = TypeVar("X")

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
    # where the title starts in the Doc: appended after the text and a blank line so the headline is read
    # (0 when no title was given or the text already opens with it); see herald.headline
    title_start: int = 0
    title_offset: int = 0  # where that headline starts in the title (after a site's name and a bar)


def meta(doc: Doc) -> ArticleMeta:
    """The article metadata set on the Doc, or an empty one (no publication date) when absent."""
    value = memo.extension(doc, "herald_meta")
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


# The sentences of the last parsed Doc asked about, by start token (held, so its identity cannot be reused).
_SENTS: tuple[Doc, list[int], dict[int, Span]] | None = None


def sentence_of(tok: Token) -> Span:
    """``tok.sent`` (the same tokens) from :func:`sentence_starts`: ``Token.sent`` walks the Doc to both
    boundaries and builds a new Span on every call. One Span per sentence is kept for the parsed Doc being
    coded; treat it as read-only. A Doc with sentence hooks, or not parsed, gets ``tok.sent`` itself."""
    global _SENTS
    doc = tok.doc
    cached = _SENTS
    if cached is None or cached[0] is not doc or len(cached[1]) != len(doc):
        if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks or not doc.has_annotation("DEP"):
            return tok.sent
        cached = (doc, sentence_starts(doc), {})
        _SENTS = cached
    _, starts, spans = cached
    start = starts[tok.i]
    found = spans.get(start)
    if found is None:
        found = spans[start] = doc[start : bisect_right(starts, start)]
    return found


def span_text(span: Span) -> str:
    """``span.text`` sliced from the Doc's text (:func:`doc_text`) instead of joined from a Token per word."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _sentence_starts(doc: Doc) -> list[int]:
    flags = doc.to_array(SENT_START).tolist() if len(doc) else []
    starts: list[int] = []
    current = 0
    for i, flag in enumerate(flags):
        if flag == 1:
            current = i
        starts.append(current)
    return starts


# The entities of the last Doc asked about, with their start tokens (held, so the Doc's identity cannot be
# reused while cached). NER runs before every Herald stage, so a parsed Doc's entities are final.
_ENTS: tuple[Doc, tuple[Span, ...], list[int]] | None = None


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """``doc[start:end].ents``: the entities inside the token range. ``Span.ents`` rebuilds every entity of
    the Doc on each call, which costs the square of article length when asked once per sentence or trigger."""
    global _ENTS
    cached = _ENTS
    if cached is None or cached[0] is not doc:
        ents = tuple(doc.ents)
        cached = (doc, ents, [e.start for e in ents])
        if doc.has_annotation("ENT_IOB"):
            _ENTS = cached
    _, ents, starts = cached
    out: list[Span] = []
    for ent in ents[bisect_left(starts, start) :]:
        if ent.end > end:
            break
        out.append(ent)
    return out


# The token texts of the last Doc asked about (held, so its identity cannot be reused while cached).
_TEXTS: tuple[Doc, list[str]] | None = None


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]`` without building a Token object per word, kept for the Doc being coded: a
    scan of the whole Doc for a few words reads these strings and makes Tokens only at the hits. Read-only."""
    global _TEXTS
    cached = _TEXTS
    if cached is not None and cached[0] is doc and len(cached[1]) == len(doc):
        return cached[1]
    text = doc_text(doc)
    spans = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
    texts = [text[i : i + n] for i, n in spans]
    _TEXTS = (doc, texts)
    return texts


# The head indices of the last parsed Doc asked about (held, so its identity cannot be reused while cached).
_HEADS: tuple[Doc, list[int]] | None = None


def head_indices(doc: Doc) -> list[int]:
    """``[t.head.i for t in doc]`` read from the HEAD array: ``Token.head`` builds two Token objects per
    step, which adds up when rules climb the tree. Kept for the Doc being coded once it is parsed (no stage
    changes the parse). Read-only."""
    global _HEADS
    cached = _HEADS
    if cached is not None and cached[0] is doc and len(cached[1]) == len(doc):
        return cached[1]
    offsets = doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []
    heads = [i + k for i, k in enumerate(offsets)]
    if doc.has_annotation("DEP"):
        _HEADS = (doc, heads)
    return heads


@dataclass(frozen=True)
class Syntax:
    """A parsed Doc's dependency tree as lists by token index: each token's children (``[c.i for c in
    t.children]``), dependency label (``dep_``) and lower-case form (``lower_``). Rules test labels here and
    build a Token only for the children they keep: ``Token.children`` scans the token's whole subtree and
    builds a Token per child, ``dep_`` / ``lower_`` look their string up on every read."""

    children: list[list[int]]
    deps: list[str]
    lowers: list[str]


# Strings by hash, read from the StringStore once (a dict look-up per token is cheaper than the store's);
# emptied when it grows large, so a long run over many words does not keep every word.
_NAMES: dict[int, str] = {}
_MAX_NAMES = 200_000


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    names = _NAMES
    new = set(hashes).difference(names)
    if new:
        if len(names) + len(new) > _MAX_NAMES:
            names.clear()
            new = set(hashes)
        strings = doc.vocab.strings
        for h in new:
            names[h] = strings[h]
    return list(map(names.__getitem__, hashes))


# The tree of the last parsed Doc asked about (held, so its identity cannot be reused while cached).
_SYNTAX: tuple[Doc, Syntax] | None = None


def syntax(doc: Doc) -> Syntax:
    """The Doc's :class:`Syntax`, kept for the Doc being coded once it is parsed (no stage changes the
    parse). Read-only."""
    global _SYNTAX
    cached = _SYNTAX
    if cached is not None and cached[0] is doc and len(cached[1].deps) == len(doc):
        return cached[1]
    heads = head_indices(doc)
    kids: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            kids[h].append(i)
    deps, lowers = (doc.to_array(attr).tolist() for attr in (DEP, LOWER)) if len(doc) else ([], [])
    built = Syntax(children=kids, deps=_strings(doc, deps), lowers=_strings(doc, lowers))
    if doc.has_annotation("DEP"):
        _SYNTAX = (doc, built)
    return built


def children_labelled(tok: Token, labels: Container[str]) -> list[Token]:
    """``[c for c in tok.children if c.dep_ in labels]``, building a Token only for those children."""
    doc = tok.doc
    sx = syntax(doc)
    deps = sx.deps
    return [doc[j] for j in sx.children[tok.i] if deps[j] in labels]


def has_child(tok: Token, labels: Container[str], lowers: Container[str] | None = None) -> bool:
    """``any(c.dep_ in labels and (lowers is None or c.lower_ in lowers) for c in tok.children)`` without
    building a Token."""
    sx = syntax(tok.doc)
    deps, words = sx.deps, sx.lowers
    return any(deps[j] in labels and (lowers is None or words[j] in lowers) for j in sx.children[tok.i])


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    """A schema Span for character offsets into the Doc text."""
    return TextSpan(start=start, end=end, text=doc_text(doc)[start:end])


def span_of(item: Span | Token) -> TextSpan:
    """A schema Span covering a spaCy Span or Token."""
    if isinstance(item, Token):
        return text_span(item.doc, item.idx, item.idx + len(item.text))
    return text_span(item.doc, item.start_char, item.end_char)


class RangeIndex(Generic[T]):
    """Items with character ranges, sorted by start, so "the narrowest item covering [start, end)" reads only
    the items that can reach ``start`` instead of every item (a scan per look-up grows with the square of
    article length). Ties on width go to the item given first."""

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        rows = sorted(((s, e, k, x) for k, (s, e, x) in enumerate(items)), key=lambda r: (r[0], r[2]))
        self._rows = rows
        self._starts = [r[0] for r in rows]
        self._widest = max((e - s for s, e, _, _ in rows), default=0)

    def _covering(self, start: int, end: int) -> list[tuple[int, int, int, T]]:
        """The rows whose range covers [start, end): only those starting within the widest range before it."""
        lo = bisect_left(self._starts, min(start, end) - self._widest)
        hi = bisect_right(self._starts, start)
        return [r for r in self._rows[lo:hi] if end <= r[1]]

    def narrowest_all(self, start: int, end: int) -> list[T]:
        """The :meth:`narrowest` item first, then every other item on exactly its range, in given order."""
        rows = self._covering(start, end)
        if not rows:
            return []
        first = min(rows, key=lambda r: (r[1] - r[0], r[2]))
        same = sorted((r for r in rows if r[0] == first[0] and r[1] == first[1]), key=lambda r: r[2])
        return [first[3], *(r[3] for r in same if r is not first)]

    def narrowest(self, start: int, end: int) -> T | None:
        """The narrowest item whose range covers [start, end) (the one given first on a tie)."""
        rows = self._covering(start, end)
        return min(rows, key=lambda r: (r[1] - r[0], r[2]))[3] if rows else None

    def inside(self, start: int, end: int) -> list[T]:
        """The items whose range lies within [start, end], in the order given."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        found = sorted((k, item) for _, i_end, k, item in self._rows[lo:hi] if i_end <= end)
        return [item for _, item in found]

    def __len__(self) -> int:
        return len(self._rows)


class MentionIndex:
    """The actors' mentions by character range, built once per actors list (see :class:`RangeIndex`)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        # in the actor-by-actor scan order the look-ups used before: ties on width go to the earliest
        self._ranges = RangeIndex((m.start, m.end, a) for a in actors for m in a.mentions)
        self._exact: dict[tuple[int, int], list[Actor]] = {}
        for actor in actors:
            for key in dict.fromkeys((m.start, m.end) for m in actor.mentions):
                self._exact.setdefault(key, []).append(actor)

    def covering(self, start: int, end: int) -> Actor | None:
        """The actor whose narrowest mention covers [start, end) (the first in actor order on a tie)."""
        return self._ranges.narrowest(start, end)

    def covering_all(self, start: int, end: int) -> list[Actor]:
        """Every actor with a mention on the narrowest span covering [start, end): a plural description ("the
        senators") is one mention of several people."""
        out: list[Actor] = []
        for a in self._ranges.narrowest_all(start, end):
            if all(a is not b for b in out):
                out.append(a)
        return out

    def inside(self, start: int, end: int) -> list[Actor]:
        """The actor of every mention within [start, end], in actor order (repeated per mention)."""
        return self._ranges.inside(start, end)

    def exactly(self, start: int, end: int) -> list[Actor]:
        """Every actor with a mention exactly on [start, end), in actor order."""
        return list(self._exact.get((start, end), ()))


# Per key, the last list of records an index was built for, with its length and the index. The list is held,
# so its identity cannot be reused while cached; a stage writes its records once per Doc and later stages
# only read them.
_INDEXES: dict[str, tuple[object, int, object]] = {}


def index_of(key: str, items: Sequence[R], build: Callable[[Sequence[R]], X]) -> X:
    """``build(items)``, built once per records list (an earlier stage's ``doc._.herald_<name>``)."""
    cached = _INDEXES.get(key)
    if cached is not None and cached[0] is items and cached[1] == len(items):
        return cast(X, cached[2])
    built = build(items)
    _INDEXES[key] = (items, len(items), built)
    return built


def mention_index(actors: Sequence[Actor] | None) -> MentionIndex:
    return index_of("actors", actors if actors is not None else (), MentionIndex)


def statement_index(doc: Doc) -> RangeIndex[Statement]:
    """The statements stage's records by the range of their content (quoted or reported words)."""
    return index_of("statements", records(doc, "statements"), _statement_ranges)


def _statement_ranges(found: Sequence[object]) -> RangeIndex[Statement]:
    return RangeIndex((s.content.start, s.content.end, s) for s in found if isinstance(s, Statement))


def actor_at(doc: Doc, start: int, end: int | None = None) -> Actor | None:
    """The actor one of whose mentions covers the character range [start, end) (or the offset start)."""
    end = start + 1 if end is None else end
    return mention_index(doc._.herald_actors).covering(start, end)


def actors_at(doc: Doc, start: int, end: int) -> list[Actor]:
    """Every actor with a mention exactly on [start, end).

    A group reference ("the two sides") is a mention of several actors."""
    return mention_index(doc._.herald_actors).exactly(start, end)


def actor_for_token(token: Token) -> Actor | None:
    """The actor whose mention contains this token."""
    return actor_at(token.doc, token.idx, token.idx + len(token.text))


def records(doc: Doc, name: str) -> Sequence[object]:
    """The records an earlier stage wrote (empty when the stage is not in the pipeline)."""
    value = cast("Sequence[object] | None", memo.extension(doc, f"herald_{name}"))
    return value if value is not None else ()
