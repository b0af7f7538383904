"""Layout starts sentences: runs before the parser so a headline, dateline or list item never fuses with the
first sentence of the story.

- A blank line (paragraph break) always starts a sentence ("... talks in Doha\\n\\nKINSHASA, March 14 - ...").
- A single line break starts one when the line ends without closing punctuation and the next line does not
  read as its continuation: feeds often put headline, standfirst and body on consecutive lines
  ("Rebels seize Goma\\nKINSHASA - Rebels seized ..."). A line that ends in a comma, a hyphen or a function
  word ("the", "of", "and"), or is followed by a lowercase word, continues on the next line.
- A dateline opening the story or a line ("ALBUQUERQUE, N.M. (AP) - New Mexico's senators...",
  "WASHINGTON (Reuters) —", "KINSHASA, March 14 -") ends before its dash: the first word after the dash starts
  the sentence, so the parser does not take the dateline into the subject. The text is never changed, so every
  character offset stays exact. A dash glued to the agency's parenthesis and the next word ("(AP)—The") is
  split off by the tokenizer (``split_glued_datelines``, installed with this component) so the same rule reads
  it.
- Hard-wrapped text (lines cut at a fixed width, many of them before a lowercase word) keeps its line breaks
  inside sentences; there only a short line (a headline, a list item) ends its sentence.
"""

from __future__ import annotations

import itertools
import re

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


_DASHES = frozenset({"-", "--", "—", "–", "―"})
# The longest dateline prefix read, in tokens ("WASHINGTON , Dec. 3 ( Reuters ) -" is 8).
_DATELINE_MAX = 12


def _dateline_prefix(tok: Token) -> bool:
    """A token a dateline may hold: a name in capitals or title case ("N.M.", "Dec."), a day or year, the
    punctuation of "CITY, State (AGENCY)"."""
    text = tok.text
    if tok.is_alpha or "." in text:
        return tok.is_upper or tok.is_title
    return (tok.is_digit and len(text) <= 4) or text in {",", "(", ")", "/", "."}


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the word after a dateline that opens a line at ``start``, or None. The dateline starts with a
    word in capitals ("ALBUQUERQUE", at least 3 letters) or holds a parenthesised agency ("Washington (AP)"),
    holds no lowercase word, and its dash is followed by a capitalised word or a quote."""
    first = doc[start]
    if not first.is_alpha:
        return None
    n = len(doc)
    agency = False
    for j in range(start + 1, min(n - 1, start + _DATELINE_MAX)):
        tok = doc[j]
        if tok.text in _DASHES:
            after = doc[j + 1]
            if not (first.is_upper and len(first) >= 3) and not agency:
                return None
            if after.is_space or not (after.text[:1].isupper() or after.text[:1].isdigit() or after.is_quote):
                return None
            return j + 1
        if tok.is_space or not _dateline_prefix(tok):
            return None
        agency = agency or (tok.text == "(" and j + 2 < n and doc[j + 2].text == ")")
    return None


def dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the word after a dateline starting at ``start`` ("WASHINGTON (AP) - ..."), or None."""
    return _dateline_end(doc, start) if 0 <= start < len(doc) else None


def _mark_datelines(doc: Doc) -> None:
    for i, tok in enumerate(doc):
        if i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text and not tok.is_space):
            after = _dateline_end(doc, i)
            if after is not None:
                doc[after].is_sent_start = True
                if after + 1 < len(doc) and not doc[after + 1].is_space:
                    doc[after + 1].is_sent_start = False  # a lede is never one word long
                for k in range(i + 1, after):
                    doc[k].is_sent_start = False


def _line_length(doc: Doc, newline: Token) -> int:
    text = doc.text
    end = newline.idx
    start = text.rfind("\n", 0, end) + 1
    return end - start


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` after paragraph breaks and open line ends (the parser keeps preset ones)."""
    _mark_datelines(doc)
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


# "(AP)—The", "(Reuters)-U.S.", "(AP)--": a closing parenthesis glued to a dash glued to a capitalised word,
# a quote or nothing. spaCy keeps "AP)—The" as one token; these infixes split it as "AP", ")", "—", "The".
_GLUED_DASH = "(?:—|–|―|--?)(?=[A-Z0-9\"“'‘]|$)"
GLUED_DATELINE_INFIXES = (
    rf"(?<=\w)\)(?={_GLUED_DASH})",
    rf"(?<=\)){_GLUED_DASH}",
    "(?:(?<=\\)—)|(?<=\\)–)|(?<=\\)―)|(?<=\\)-)|(?<=\\)--))[\"“'‘]",  # the quote opening the lede: (AP)—"We
)


def split_glued_datelines(nlp: Language) -> None:
    """Teach the tokenizer to split a dash glued between a closing parenthesis and the next word, so
    "WASHINGTON (AP)—The ..." tokenises like "WASHINGTON (AP) — The ..." (offsets unchanged: spaCy tokens
    keep their character positions). Idempotent."""
    tokenizer = nlp.tokenizer
    current = getattr(tokenizer, "infix_finditer", None)
    old = getattr(getattr(current, "__self__", None), "pattern", None)
    if not isinstance(old, str) or old.startswith(GLUED_DATELINE_INFIXES[0]):
        return  # not spaCy's regex tokenizer, or already installed
    pattern = re.compile("|".join([*GLUED_DATELINE_INFIXES, old]))
    tokenizer.infix_finditer = pattern.finditer  # type: ignore[union-attr]


class _Paragraphs:
    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc)


@Language.factory("herald_paragraphs_v1")
def paragraphs(nlp: Language, name: str) -> _Paragraphs:
    """Sentence starts from layout (see the module docstring); installs the tokenizer's dateline infixes."""
    split_glued_datelines(nlp)
    return _Paragraphs()
