"""Speakers given by layout rather than by a verb: a quotation signed with a dash ("“...” ― Sonya Herridge",
"Sonya Herridge ― “...”") and transcript turns ("PENCE: Gennifer Flowers will not ...", "Q: ... / A: ...",
and turns printed as a quotation running over paragraphs, each opening with a mark: ``"WALLACE: ...``).

Pure functions on the raw text; the caller decides where they apply (quotations left without a cue, paragraph
starts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASHES = "―—–-"
# A signature: one to six capitalised words (initials, particles and accented letters allowed), nothing else
# up to the end of the line or a comma that opens a description ("― Jane Doe, a nurse").
_NAME = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|da|del|van|von|bin|al|la|le)){0,5}"
_SP = r"[^\S\n]*"  # spaces, tabs and no-break spaces, not a line break
_AFTER = re.compile(rf"{_SP}[{_DASHES}]{{1,2}}{_SP}({_NAME}){_SP}(?:,[^\n]*)?(?:\.|[^\S\n])*(?:\n|$)")
_BEFORE = re.compile(rf"(?:^|\n){_SP}({_NAME}){_SP}[{_DASHES}]{{1,2}}{_SP}$")
# A transcript turn: a speaker label in capitals and a colon at the start of a paragraph or quotation.
_TURN = re.compile(r"[ \t]*([A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset({"NOTE", "UPDATE", "EDITOR'S NOTE", "PHOTO", "VIDEO", "WATCH", "READ"})
# The labels of an interview printed as questions and answers: the interviewer asks, the interviewee answers.
INTERVIEW_LABELS = {"Q": "question", "QUESTION": "question", "A": "answer", "ANSWER": "answer"}
_OPEN_MARKS = '"“„«'
_CLOSE_MARKS = '"”»'
_PARAGRAPH = re.compile(r"[^\n]+")
_MIN_TURN_CHARS = 10
_MAX_CONTINUED = 3  # paragraphs without a label between two turns that continue the first
# "(CROSSTALK.)", "[inaudible]", "(LAUGHTER)": a stage direction between turns, no one's words
_DIRECTION = re.compile(r"^\W*[(\[][^)\]]*[)\]]\W*$")


@dataclass(frozen=True)
class Turn:
    """One speaker turn of a transcript: the label's character range, the words of its first paragraph and
    those of the paragraphs without a label that continue it up to the next turn."""

    label: tuple[int, int]
    parts: tuple[tuple[int, int], ...]

    @property
    def span(self) -> tuple[int, int]:
        return self.parts[0][0], self.parts[-1][1]


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
    if label.upper() in _NOT_SPEAKERS or label.lower() in labels:
        return None
    if len(label.strip(".")) < 2 and label.strip(".") not in INTERVIEW_LABELS:
        return None
    return m.start(1), m.end(1)


def interview_role(label: str) -> str | None:
    """ "question" for an interviewer's label ("Q"), "answer" for the interviewee's ("A"), else None."""
    return INTERVIEW_LABELS.get(label.strip(" .").upper())


def _words(text: str, start: int, end: int, opened: bool) -> tuple[int, int]:
    """A paragraph's words without edge spaces, an opening mark and the closing mark of a quotation it opened
    or that opened before it (an odd mark at the end: ``... knows it."``)."""
    while start < end and (text[start].isspace() or text[start] in _OPEN_MARKS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end]
    marks = sum(inner.count(c) for c in _OPEN_MARKS + _CLOSE_MARKS[1:])
    if end > start and text[end - 1] in _CLOSE_MARKS and (opened or marks % 2 == 1):
        end -= 1
    return start, end


def transcript_turns(text: str, labels: frozenset[str] | set[str] = frozenset()) -> list[Turn]:
    """The speaker turns of the transcripts in ``text``: paragraphs (after the first line, the headline's)
    opening with a label, optionally behind an opening quote mark (``"PENCE: ...``). Paragraphs without a
    label between two turns (at most a few, stage directions aside) continue the earlier turn; nothing after
    the last turn does, as a transcript is usually followed by the writer's own lines."""
    paras = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)][1:]
    found: list[tuple[int, tuple[int, int], tuple[int, int]]] = []  # paragraph index, label, words
    for n, (lo, hi) in enumerate(paras):
        k = lo
        while k < hi and text[k] in " \t":
            k += 1
        opened = k < hi and text[k] in _OPEN_MARKS
        label = transcript_turn(text, k + 1 if opened else k, labels)
        if label is None:
            continue
        words = _words(text, after_label(text, label[1]), hi, opened)
        if words[1] - words[0] >= _MIN_TURN_CHARS:
            found.append((n, label, words))
    turns: list[Turn] = []
    for j, (n, label, words) in enumerate(found):
        parts = [words]
        nxt = found[j + 1][0] if j + 1 < len(found) else n
        between = [paras[i] for i in range(n + 1, nxt) if not _DIRECTION.match(text[slice(*paras[i])])]
        if 0 < len(between) <= _MAX_CONTINUED:
            for lo, hi in between:
                opened = text[lo:hi].lstrip()[:1] in _OPEN_MARKS
                more = _words(text, lo, hi, opened)
                if more[1] - more[0] >= _MIN_TURN_CHARS:
                    parts.append(more)
        turns.append(Turn(label=label, parts=tuple(parts)))
    return turns


def after_label(text: str, label_end: int) -> int:
    """Where a turn's words begin after its label's colon."""
    k = text.index(":", label_end) + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return k
