"""Verification and uncertainty cues ("cannot be independently verified", "reportedly", "estimated")."""

from __future__ import annotations

import functools
import re

from .lexicon import FiguresLexicon, lexicon


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    lex = lexicon()
    phrases = sorted(lex.hedges, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def find(text: str, lex: FiguresLexicon) -> list[tuple[str, str]]:
    """The hedge phrases in a sentence, each with its scope ('sentence' or 'next'), longest match first."""
    out: list[tuple[str, str]] = []
    for m in _pattern().finditer(text):
        phrase = m.group(1).lower()
        out.append((phrase, lex.hedges.get(phrase, "sentence")))
    return out


def for_figure(here: list[tuple[str, str]], following: list[tuple[str, str]]) -> list[str]:
    """Hedges of the figure's sentence, plus the 'next'-scope ones of the sentence after it."""
    seen: list[str] = []
    for phrase, _ in here:
        if phrase not in seen:
            seen.append(phrase)
    for phrase, scope in following:
        if scope == "next" and phrase not in seen:
            seen.append(phrase)
    return seen
