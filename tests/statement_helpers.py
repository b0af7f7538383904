"""Shared checks for the statement test modules: one found statement, or none, in a small text."""

from __future__ import annotations

from collections.abc import Callable

from herald.schema import Extraction

Extract = Callable[..., Extraction]
PUBLISHED = "2016-10-01"


def assert_found(
    extract: Extract, text: str, speaker: str | None, content: str, rule: str, negated: bool | None = None
) -> None:
    """Some statement has this speaker text and content, a rule starting with ``rule`` and, when given, this
    ``negated`` flag."""
    got = [
        (s.speaker_text, s.content.text, s.rule or "", s.negated)
        for s in extract(text, published=PUBLISHED).statements
    ]
    assert any(
        sp == speaker and c == content and r.startswith(rule) and (negated is None or n == negated)
        for sp, c, r, n in got
    ), got


def rules_of(extract: Extract, text: str) -> list[str | None]:
    """The rules of every statement found in ``text`` (tests of texts where nothing may be found)."""
    return [s.rule for s in extract(text, published=PUBLISHED).statements]
