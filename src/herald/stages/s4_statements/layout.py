"""Speakers given by layout rather than by a verb: a quotation signed with a dash ("“...” ― Sonya Herridge",
"Sonya Herridge ― “...”") and transcript turns ("PENCE: Gennifer Flowers will not ...").

Pure functions on the raw text; the caller decides where they apply (quotations left without a cue, paragraph
starts).
"""

from __future__ import annotations

import re

_DASHES = "―—–-"
# A signature: one to six capitalised words (initials, particles and accented letters allowed), nothing else
# up to the end of the line or a comma that opens a description ("― Jane Doe, a nurse").
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|da|del|van|von|bin|al|la|le)){0,5}"
_SP = r"[^\S\n]*"  # spaces, tabs and no-break spaces, not a line break
_AFTER = re.compile(rf"{_SP}[{_DASHES}]{{1,2}}{_SP}({_NAME}){_SP}(?:,[^\n]*)?(?:\.|[^\S\n])*(?:\n|$)")
_BEFORE = re.compile(rf"(?:^|\n){_SP}({_NAME}){_SP}[{_DASHES}]{{1,2}}{_SP}$")
# A transcript turn: a speaker label in capitals and a colon at the start of a paragraph or quotation.
_TURN = re.compile(r"[ \t]*([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset({"Q", "A", "NOTE", "UPDATE", "EDITOR'S NOTE", "PHOTO", "VIDEO", "WATCH", "READ"})


def dash_signature(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name signing a quotation ``text[start:end]`` (marks included) with a dash after it, or before it
    at the start of its line; None otherwise."""
    m = _AFTER.match(text, end)
    if m:
        start, stop = m.start(1), m.end(1)
        if text[stop - 1] == "." and not re.search(r"\b[A-Z]\.$", text[start:stop]):
            stop -= 1  # "― Carla Sanchez." ends a sentence; "― John F." keeps its initial
        return start, stop
    line = text.rfind("\n", 0, start) + 1
    m = _BEFORE.search(text, line, start)
    if m:
        return m.start(1), m.end(1)
    return None


def transcript_turn(
    text: str, start: int, labels: frozenset[str] | set[str] = frozenset()
) -> tuple[int, int] | None:
    """The speaker label of a transcript turn beginning at ``start`` ("PENCE: ..."), as a character range;
    None when the text there is no turn or the label is a heading ("UPDATE:", ``labels``)."""
    m = _TURN.match(text, start)
    if m is None:
        return None
    label = m.group(1)
    if label.upper() in _NOT_SPEAKERS or label.lower() in labels or len(label.strip(".")) < 2:
        return None
    return m.start(1), m.end(1)


def after_label(text: str, label_end: int) -> int:
    """Where a turn's words begin after its label's colon."""
    k = text.index(":", label_end) + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return k
