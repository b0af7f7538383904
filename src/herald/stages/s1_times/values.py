"""TIMEX3-style values: date arithmetic, formatting, and the calendar range a value covers."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")  # TimeML corpora also write "2000-W8"
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(XX)?$")


def add_months(d: date, months: int) -> date:
    """``d`` moved by a number of months, the day clamped to the month's length."""
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift(d: date, duration: str, sign: int = -1) -> date:
    """``d`` moved back (sign -1) or forward (+1) by an ISO 8601 duration of days/weeks/months/years."""
    m = re.fullmatch(r"P(\d+)([DWMY])", duration)
    if not m:
        raise ValueError(f"unsupported duration {duration!r}")
    n, unit = int(m.group(1)) * sign, m.group(2)
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    return add_years(d, n)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def value_range(value: str | None) -> tuple[date, date] | None:
    """The first and last calendar day a date value covers, or None (durations, sets, open or unknown values).

    Intervals 'A/B' cover from the start of A to the end of B; an open side ('..') gives None.
    """
    if not value or value.startswith("P"):
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        ra, rb = value_range(a), value_range(b)
        if ra is None or rb is None:
            return None
        return ra[0], rb[1]
    try:
        if m := _DAY.match(value):
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m.group(1)), int(m.group(2))
            return date(y, mo, 1), _last_day(y, mo)
        if m := _YEAR.match(value):
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            y, q = int(m.group(1)), int(m.group(2))
            return date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
        if m := _HALF.match(value):
            y, h = int(m.group(1)), int(m.group(2))
            return date(y, 6 * h - 5, 1), _last_day(y, 6 * h)
        if m := _SEASON.match(value):
            y, (first, last) = int(m.group(1)), SEASON_MONTHS[m.group(2)]
            if first > last:  # winter runs into the next year
                return date(y, first, 1), _last_day(y + 1, last)
            return date(y, first, 1), _last_day(y, last)
        if m := _DECADE.match(value):
            y = int(m.group(1)) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if m := _CENTURY.match(value):
            y = int(m.group(1)) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


_SHIFTABLE = re.compile(r"^(?P<y>\d{4})(?P<rest>-(?:Q[1-4]|SP|SU|FA|WI|\d{2}(?:-\d{2})?))?$")


def shift_value(value: str, unit: str, n: int) -> str | None:
    """A date value moved by ``n`` units, keeping its own granularity ("2009-Q3" a year earlier is
    "2008-Q3", "2009-09-30" is "2008-09-30"), or None when the unit is finer than the value (a day from a
    month) or the value is not a plain date."""
    m = _SHIFTABLE.match(value)
    if m is None:
        return None
    y, rest = int(m["y"]), m["rest"] or ""
    is_day, is_month = len(rest) == 6, len(rest) == 3 and rest[1:].isdigit()
    if unit == "year":
        if is_day:
            return add_years(date.fromisoformat(value), n).isoformat()
        return f"{y + n:04d}{rest}"
    if unit == "month" and (is_day or is_month):
        d = add_months(date.fromisoformat(value if is_day else value + "-01"), n)
        return d.isoformat() if is_day else month_value(d.year, d.month)
    if unit in ("day", "week") and is_day:
        return (date.fromisoformat(value) + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    return None


def granularity_of(value: str) -> str:
    """The granularity a date value is written in ("2009-Q3" quarter, "2009-09" month)."""
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    if _QUARTER.match(value):
        return "quarter"
    if _HALF.match(value):
        return "half"
    if _SEASON.match(value):
        return "season"
    if _WEEK.match(value):
        return "week"
    return "year"


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_c, leap_r = divmod(century, 4)
    moon_fix = (century + 8) // 25
    epact_fix = (century - moon_fix + 1) // 3
    epact = (19 * golden + century - leap_c - epact_fix + 15) % 30
    quarter, rest4 = divmod(rest, 4)
    weekday = (32 + 2 * leap_r + 2 * quarter - epact - rest4) % 7
    correction = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: dict[str, object], year: int) -> date | None:
    """The day a holiday of ``times.yaml`` falls on in ``year``: a fixed date, the nth weekday of a month
    (nth -1: the last; ``on_or_after``: counted from that day of the month), or days from Easter."""
    if "easter" in rule:
        return easter_sunday(year) + timedelta(days=int(str(rule["easter"])))
    month = int(str(rule["month"]))
    if "day" in rule:
        return date(year, month, int(str(rule["day"])))
    weekday, nth = int(str(rule["weekday"])), int(str(rule.get("nth", 1)))
    if nth < 0:
        last = _last_day(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, int(str(rule.get("on_or_after", 1))))
    first += timedelta(days=(weekday - first.weekday()) % 7)
    found = first + timedelta(weeks=nth - 1)
    return found if found.month == month else None
