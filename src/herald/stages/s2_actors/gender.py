"""A person's gender from their first name, for pronoun agreement ("Donald Trump" is no "her").

The lists are the US 1990 census first names shipped in the ``names`` package (public-domain data): a name is
male or female when its frequency in one list is at least ``DOMINANCE`` times that in the other; names in
neither list, or in both at similar rates ("Jordan"), have no gender, and then any pronoun may refer to them.
"""

from __future__ import annotations

import functools
from importlib import resources

DOMINANCE = 4.0
MIN_FREQUENCY = 0.005  # per cent of people; rarer names ("Lin", often a surname first) give no gender


def _read(name: str) -> dict[str, float]:
    try:
        text = resources.files("names").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # the package is a dependency; be lenient all the same
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, float], dict[str, float]]:
    return _read("dist.male.first"), _read("dist.female.first")


@functools.lru_cache(maxsize=8192)
def first_name_gender(first: str) -> str | None:
    """'m', 'f' or None for a first name."""
    male, female = _tables()
    key = first.lower().strip(".")
    m, f = male.get(key, 0.0), female.get(key, 0.0)
    if max(m, f) < MIN_FREQUENCY:
        return None
    if m > 0 and m >= DOMINANCE * f:
        return "m"
    if f > 0 and f >= DOMINANCE * m:
        return "f"
    return None
