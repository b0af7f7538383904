"""Background framing of an event's own time expression when the times stage could not give it a value:
"a year ago", "two months ago", or a bare month ("in February") in a story whose reference date (publication,
else the latest date the text gives) fixes the year. Used by the historical flag (attach.historical)."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
# "a year ago", "two years ago", "18 months ago", "a decade ago": how long before the story's news.
AGO = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|\d+)\s+"
    r"(years?|decades?|months?|weeks?)\s+(?:ago|earlier|before)\b"
)
COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "many": 3,
    "few": 2,
}
UNIT_DAYS = {"week": 7, "month": 30, "year": 365, "decade": 3650}
# "last February", "in March", "on March 18", "February 2": a month without a year.
MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\b(?!\s*,?\s*\d{4})")


def undated_background(text: str, ref: date | None, days: int) -> str | None:
    """Why an unvalued time expression puts its event more than ``days`` days before ``ref``, or None."""
    low = text.lower()
    m = AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else COUNTS[m.group(1)]
        if n * UNIT_DAYS[m.group(2).rstrip("s")] > days:
            return f"{text!r} frames the event as background"
        return None
    if ref is None:
        return None
    month = MONTH.search(low)
    if month is None or "next" in low or "this" in low.split():
        return None
    n = MONTHS[month.group(1)]
    # The latest such month not after the reference date: "in February" in an April story is that February.
    year = ref.year if n <= ref.month else ref.year - 1
    last_day = date(year + (n == 12), n % 12 + 1, 1) - timedelta(days=1)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)
    if day and 1 <= int(day.group(1)) <= 31:
        try:
            last_day = date(year, n, int(day.group(1)))
        except ValueError:
            return None
    if last_day < ref - timedelta(days=days):
        return f"{text!r} ({last_day.isoformat()[:7]}) is more than {days} days before the story's date"
    return None
