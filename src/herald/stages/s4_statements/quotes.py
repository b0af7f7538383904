"""Quote-mark pairing on the raw text, paragraph by paragraph.

Handles straight and curly double quotes, single quotes (straight and curly), guillemets, quotations that run
over paragraphs (a paragraph left open whose successor opens with a quote mark) and nesting. Apostrophes are
told apart from single quotes by context: inside a word ("don’t"), word-initial elisions and years ("’90s",
"'til") and word-final possessives ("groups’") never open or close a quotation unless a single quote is open.
An unclosed single quote is taken to have been an apostrophe; an unclosed double quote runs to the end of its
paragraph (``closed=False``). Nothing here raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# family -> (openers, closers)
_DOUBLE = "double"
_SINGLE = "single"
_GUIL = "guillemet"
_SGUIL = "single-guillemet"
_OPENERS = {"“": _DOUBLE, "„": _DOUBLE, "«": _GUIL, "‹": _SGUIL, "‘": _SINGLE}
_CLOSERS = {"”": _DOUBLE, "»": _GUIL, "›": _SGUIL}
QUOTE_CHARS = frozenset("\"'“”„«»‹›‘’")
_MARK = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")
_FLANK = set(" \t\r\n([{—–-/…") | set("“„«‹‘\"'")
_RIGHT_FLANK = set(" \t\r\n)]}—–-/…,.;:!?") | set("”»›’\"'")
# Word-initial elisions written with an apostrophe: 'em, 'til, 'cause, 'n', 'twas; and years: '90s, ’24.
_ELISION = re.compile(r"(?:em|til|till|cause|cos|n|twas|tis|round|bout|s)\b|\d\d(?:s\b|\b)", re.IGNORECASE)
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Quote:
    """A paired quotation: marks at ``start`` and ``end - 1`` (``end`` is the paragraph end when unclosed)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    family: str
    closed: bool = True
    depth: int = 0
    paragraphs: int = 1
    reopen: list[int] = field(default_factory=list)  # offsets of marks reopening a continued quotation


@dataclass
class _Open:
    family: str
    pos: int
    reopen: list[int] = field(default_factory=list)
    paragraphs: int = 1


def _close(open_: _Open, end: int, depth: int, closed: bool) -> Quote:
    close_mark = 1 if closed else 0
    return Quote(
        start=open_.pos,
        end=end,
        inner_start=open_.pos + 1,
        inner_end=end - close_mark,
        family=open_.family,
        closed=closed,
        depth=depth,
        paragraphs=open_.paragraphs,
        reopen=list(open_.reopen),
    )


def _opener_family(ch: str) -> str | None:
    if ch in _OPENERS:
        return _OPENERS[ch]
    if ch == '"':
        return _DOUBLE
    if ch in "'’":
        return _SINGLE
    return None


def _family_of_closer(ch: str) -> str | None:
    if ch in _CLOSERS:
        return _CLOSERS[ch]
    if ch in '"':
        return _DOUBLE
    if ch in "'’":
        return _SINGLE
    return None


def find_quotes(text: str) -> list[Quote]:
    """Every paired quotation in ``text``, ordered by start offset (nested ones have ``depth > 0``)."""
    quotes: list[Quote] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    carried: _Open | None = None  # the quotation left open at the end of the previous paragraph
    reopens = False  # ... and whether this paragraph starts with its reopening mark
    for n, (pstart, pend) in enumerate(paragraphs):
        stack: list[_Open] = []
        i = _first_char(text, pstart, pend)
        if carried is not None:
            carried.paragraphs += 1
            if reopens:
                carried.reopen.append(i)
                i += 1
            stack.append(carried)
            carried = None
        _scan(text, i, pend, stack, quotes)
        if not stack:
            continue
        # What is left open at the paragraph end: the outermost quotation continues when the next paragraph
        # opens with the same kind of mark, or when its first mark can only close (a paragraph break inside a
        # quotation without a reopening mark); otherwise an open double quote runs to the paragraph end and an
        # open single quote was an apostrophe after all.
        outer = stack[0]
        if n + 1 < len(paragraphs):
            nstart, nend = paragraphs[n + 1]
            first = _first_char(text, nstart, nend)
            if first < nend and _opener_family(text[first]) == outer.family:
                carried, reopens = outer, True
                continue
            if _closes_first(text, first, nend, outer.family):
                carried, reopens = outer, False
                continue
        if outer.family != _SINGLE:
            quotes.append(_close(outer, _trim_end(text, (pstart, pend)), 0, closed=False))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _closes_first(text: str, start: int, end: int, family: str) -> bool:
    """Whether the first mark of ``family`` in the paragraph can only be a closing one."""
    for i in range(start, end):
        ch = text[i]
        if ch not in QUOTE_CHARS:
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        left_open = prev in _FLANK or prev.isspace()
        right_open = nxt in _RIGHT_FLANK or nxt.isspace()
        if family == _SINGLE:
            if ch == "‘":
                return False
            if ch in "'’" and not (prev.isalnum() and nxt.isalnum()):
                if left_open and not right_open:
                    return False
                if not left_open and right_open:
                    return True
            continue
        if ch in _CLOSERS and _CLOSERS[ch] == family:
            return True
        if ch in _OPENERS and _OPENERS[ch] == family:
            return False
        if ch == '"' and family == _DOUBLE:
            return not left_open and right_open
    return False


def _trim_end(text: str, para: tuple[int, int]) -> int:
    end = para[1]
    while end > para[0] and text[end - 1].isspace():
        end -= 1
    return end


def _scan(text: str, i: int, pend: int, stack: list[_Open], quotes: list[Quote]) -> None:
    """Pair the marks of one paragraph from offset ``i``; what stays open is left on ``stack``."""
    while i < pend:
        mark = _MARK.search(text, i, pend)  # the next quote mark: a loop over every character cost more
        if mark is None:
            return
        i = mark.start()
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        left_open = prev in _FLANK or prev.isspace()  # nothing word-like before: may open
        right_open = nxt in _RIGHT_FLANK or nxt.isspace()  # nothing word-like after: may close
        families = [op.family for op in stack]
        if ch in "“„«‹‘" and not (ch == "‘" and _ELISION.match(text, i + 1)):
            fam = _OPENERS[ch]
            if ch == "“" and _DOUBLE in families and not left_open and right_open:
                _pop_to(stack, _DOUBLE, i + 1, quotes)  # a “ misused as a closer
            else:
                stack.append(_Open(fam, i))
        elif ch in "”»›":
            fam = _CLOSERS[ch]
            if fam in families:
                _pop_to(stack, fam, i + 1, quotes)
            elif ch == "”" and left_open and not right_open:
                stack.append(_Open(fam, i))  # a ” misused as an opener (”Mr. Trump embodies ...”)
        elif ch == '"':
            if _DOUBLE in families and left_open and not right_open and nxt.isalnum():
                stack.append(_Open(_DOUBLE, i))  # a quotation inside a quotation, both in straight marks
            elif _DOUBLE in families:
                _pop_to(stack, _DOUBLE, i + 1, quotes)
            elif left_open or not right_open:
                stack.append(_Open(_DOUBLE, i))
            # otherwise a stray mark glued to a word end (an inch mark, a lost closer)
        elif ch in "'’":
            inside_word = prev.isalnum() and nxt.isalnum()
            if inside_word:
                pass  # don’t, O'Brien
            elif left_open and not right_open:
                if not _ELISION.match(text, i + 1):
                    stack.append(_Open(_SINGLE, i))
            elif not left_open and right_open and _SINGLE in families and stack[-1].family == _SINGLE:
                _pop_to(stack, _SINGLE, i + 1, quotes)
            # otherwise: a possessive or stray apostrophe ("groups’", "Jesus'")
        i += 1


def _pop_to(stack: list[_Open], family: str, end: int, quotes: list[Quote]) -> None:
    """Close the innermost open quote of ``family``; singles opened inside it were apostrophes."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].family == family:
            op = stack[k]
            del stack[k:]
            quotes.append(_close(op, end, k, closed=True))
            return
