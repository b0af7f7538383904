"""Language identification (py3langid, offline), so non-English text is skipped instead of mis-coded."""

from __future__ import annotations

import functools
from typing import Any

# Below this many letters the identifier is unreliable; short texts are assumed to be English.
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.90


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def warm_language_identifier() -> None:
    """Load the identifier's model now (it takes about half a second) rather than on the first article."""
    _identifier()


def detect_language(text: str, *, sample: int = 1500) -> str:
    """ISO 639-1 code of the text's language ('en' when the text is too short to tell)."""
    head = text[:sample]
    if not _has_letters(head, MIN_LETTERS):
        return "en"
    lang, prob = _identifier().classify(head)
    if lang != "en" and prob < MIN_CONFIDENCE:
        return "en"
    return str(lang)


def _has_letters(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` letters; stops at the n-th (articles reach it at once)."""
    for ch in text:
        if ch.isalpha():
            n -= 1
            if n <= 0:
                return True
    return n <= 0
