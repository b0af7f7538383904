"""Layout starts sentences: runs before the parser so a headline, dateline or list item never fuses with the
first sentence of the story.

- A blank line (paragraph break) always starts a sentence ("... talks in Doha\\n\\nKINSHASA, March 14 - ...").
- A single line break starts one when the line ends without closing punctuation and the next line does not
  read as its continuation: feeds often put headline, standfirst and body on consecutive lines
  ("Rebels seize Goma\\nKINSHASA - Rebels seized ..."). A line that ends in a comma, a hyphen or a function
  word ("the", "of", "and"), or is followed by a lowercase word, continues on the next line.
- Hard-wrapped text (lines cut at a fixed width, many of them before a lowercase word) keeps its line breaks
  inside sentences; there only a short line (a headline, a list item) ends its sentence.
"""

from __future__ import annotations

import itertools

from spacy.language import Language
from spacy.tokens import Doc, Token

# A line ending in one of these has already closed its sentence (the parser decides) or clearly goes on.
_CLOSING = frozenset(".!?…:;\"'”’»)]")
_CONTINUING = frozenset({",", "-", "–", "—", "(", "[", "/", "&", "+", "=", "“", "‘", "«"})
_BULLETS = frozenset({"-", "*", "•", "–", "—", "·", "‣", "◦", "▪"})
# Penn tags (set by the tagger, which runs before this component) of words a line cannot end on.
_FUNCTION_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "WP$", "MD", "PDT", "HYPH"})


def _line_ends_open(prev: Token) -> bool:
    text = prev.text
    if not text or text[-1] in _CLOSING or text in _CONTINUING:
        return False
    return prev.tag_ not in _FUNCTION_TAGS


def _next_continues(nxt: Token) -> bool:
    first = nxt.text[:1]
    return first.islower()


class _Wrap:
    """Whether the text is hard-wrapped, and how long a full line is (computed once, on demand)."""

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        lengths = sorted(len(line) for line in lines if line.strip())
        joins = before_lower = 0
        for line, following in itertools.pairwise(lines):
            stripped = line.rstrip()
            if stripped and following.strip() and stripped[-1] not in _CLOSING:
                joins += 1
                before_lower += following.lstrip()[:1].islower()
        self.wrapped = before_lower >= 2 and before_lower >= 0.3 * joins
        self.width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0

    def short(self, line_length: int) -> bool:
        return line_length < 0.6 * self.width


def _line_length(doc: Doc, newline: Token) -> int:
    text = doc.text
    end = newline.idx
    start = text.rfind("\n", 0, end) + 1
    return end - start


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` after paragraph breaks and open line ends (the parser keeps preset ones)."""
    wrap: _Wrap | None = None
    for i in range(len(doc) - 1):
        tok = doc[i]
        if not tok.is_space:
            continue
        breaks = tok.text.count("\n")
        if breaks >= 2:
            doc[i + 1].is_sent_start = True
            continue
        if breaks != 1 or i == 0:
            continue
        prev, nxt = doc[i - 1], doc[i + 1]
        if nxt.text in _BULLETS and i + 2 < len(doc) and not doc[i + 2].is_space:
            # A list item starts a sentence and keeps its bullet ("- Ten wounded", not "-" + "Ten wounded").
            nxt.is_sent_start = True
            doc[i + 2].is_sent_start = False
            continue
        if prev.is_space or nxt.is_space or not _line_ends_open(prev) or _next_continues(nxt):
            continue
        if wrap is None:
            wrap = _Wrap(doc.text)
        if wrap.wrapped and not wrap.short(_line_length(doc, tok)):
            continue
        nxt.is_sent_start = True
    return doc


@Language.component("herald_paragraphs_v1")
def paragraphs(doc: Doc) -> Doc:
    return mark_paragraph_starts(doc)
