"""The times stage: time expressions found and normalised against the publication date.

Output: ``doc._.herald_times`` (list of :class:`herald.schema.Time`, ids ``t1..`` in text order).

Modules: ``candidates`` (spaCy DATE/TIME entities + Matcher patterns), ``normalise`` (the named rules, pure
functions of text, publication date and tense), ``values`` (calendar ranges of values), ``lexicon``
(``data/lexicons/times.yaml``), ``extract`` (Doc -> records), ``helpers`` (for later stages).

Helpers for other stages (stable signatures):

- ``time_for(doc, token_or_span) -> Time | None``: the date/time expression governing a token or span — one
  attached by dependency to its verb in the same sentence, else the only date of the sentence, else None.
- ``is_historical(time, published, days=31) -> bool``: True when the time's calendar range ends more than
  ``days`` days before the publication date; False when either is unknown, for durations and open intervals.
- ``value_range(value) -> (first_day, last_day) | None``: the calendar days a value covers.
"""

from __future__ import annotations

from .helpers import is_historical, time_for
from .values import value_range

__all__ = ["is_historical", "time_for", "value_range"]
