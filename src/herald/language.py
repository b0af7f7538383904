"""Language identification (py3langid, offline), so non-English text is skipped instead of mis-coded."""

from __future__ import annotations

import functools
import re
from typing import Any

from pydantic import BaseModel, Field

from .knowledge import load_layered_model

# Below this many letters the identifier is unreliable; short texts are assumed to be English.
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.90
_WORD = re.compile(r"[^\W\d_]+")


class _Creole(BaseModel):
    markers: frozenset[str]


class LanguageGuards(BaseModel):
    """``data/lexicons/language.yaml``: languages whose answer needs their own grammar words to stand."""

    english_lexified: dict[str, _Creole] = Field(default_factory=dict)
    english_markers: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def guards() -> LanguageGuards:
    return load_layered_model("lexicons/language.yaml", LanguageGuards)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def warm_language_identifier() -> None:
    """Load the identifier's model (about half a second) and its guards now rather than on the first article
    (or in each forked worker: the guards are read the first time a text looks like another language)."""
    _identifier()
    guards()


def detect_language(text: str, *, sample: int = 1500) -> str:
    """ISO 639-1 code of the text's language ('en' when the text is too short to tell)."""
    head = text[:sample]
    if not _has_letters(head, MIN_LETTERS):
        return "en"
    lang, prob = _identifier().classify(head)
    if lang != "en" and prob < MIN_CONFIDENCE:
        return "en"
    creole = guards().english_lexified.get(str(lang))
    if creole is not None and not _creole_grammar(head, creole.markers):
        return "en"  # "ABUJA - Police spokesman X said gunmen killed ...": English news, local names
    return str(lang)


def _creole_grammar(text: str, markers: frozenset[str]) -> bool:
    """Whether the creole's own grammar words outnumber the English ones it replaces."""
    english = guards().english_markers
    own = theirs = 0
    for word in _WORD.findall(text.lower()):
        own += word in markers
        theirs += word in english
    return own > theirs


def _has_letters(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` letters; stops at the n-th (articles reach it at once)."""
    for ch in text:
        if ch.isalpha():
            n -= 1
            if n <= 0:
                return True
    return n <= 0
