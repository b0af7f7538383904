"""Gender agreement of "he said" / "she said" with the person it would refer to.

A person's gender comes from an honorific or gendered role word in one of their mentions ("Mr.", "Mrs.",
"spokeswoman", "congressman") or, failing that, from the first name (:func:`first_name_gender`, census
lists). Unknown gender agrees with either pronoun: only a clear mismatch ("Hillary Clinton ... he said")
rejects a candidate.
"""

from __future__ import annotations

import re

from ...schema import Actor
from ..s2_actors.gender import first_name_gender

_MALE = frozenset(
    [
        "mr",
        "mr.",
        "sir",
        "lord",
        "king",
        "prince",
        "father",
        "husband",
        "son",
        "brother",
        "uncle",
        "nephew",
        "grandfather",
        "spokesman",
        "chairman",
        "congressman",
        "councilman",
        "businessman",
        "alderman",
        "assemblyman",
        "statesman",
        "anchorman",
        "boyfriend",
    ]
)
_FEMALE = frozenset(
    [
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "madam",
        "dame",
        "lady",
        "queen",
        "princess",
        "mother",
        "wife",
        "daughter",
        "sister",
        "aunt",
        "niece",
        "grandmother",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "councilwoman",
        "businesswoman",
        "alderwoman",
        "assemblywoman",
        "stateswoman",
        "anchorwoman",
        "girlfriend",
    ]
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_WORD = re.compile(r"[A-Za-z][a-z]*\.?")


def actor_gender(actor: Actor) -> str | None:
    """'m', 'f' or None (unknown or not a person)."""
    if actor.kind != "person":
        return None
    words = [w.lower() for m in actor.mentions for w in _WORD.findall(m.text)]
    words += [w.lower() for w in _WORD.findall(actor.title or "")]
    male = any(w in _MALE for w in words)
    female = any(w in _FEMALE for w in words)
    if male != female:
        return "m" if male else "f"
    first = _WORD.findall(actor.name)
    return first_name_gender(first[0]) if first else None


def agrees(pronoun: str, actor: Actor) -> bool:
    """Whether a personal pronoun may refer to ``actor`` (a person of unknown gender agrees with any)."""
    want = _PRONOUN_GENDER.get(pronoun.lower())
    if want is None:
        return True
    got = actor_gender(actor)
    return got is None or got == want
