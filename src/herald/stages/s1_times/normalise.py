"""Normalising one time expression (its text, lower-cased) to a TIMEX3-style value.

Pure functions of the expression text, the publication date and the tense of the governing verb; no spaCy
here, so the rules are easy to test one by one. Each rule has a name recorded on the Time record.

Relative expressions follow the news convention: without a future cue a weekday or a date without a year is
the most recent one on or before the publication date; with one ("will meet on Friday") the next one on or
after it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from ...schema import TimexMod
from .lexicon import TimesLexicon, lexicon
from .values import (
    SEASON_MONTHS,
    add_months,
    granularity_of,
    holiday_date,
    iso_week,
    month_value,
    shift,
    shift_value,
    value_range,
)

TimeType = Literal["date", "duration", "set", "time"]
Granularity = Literal[
    "day", "week", "month", "quarter", "half", "season", "year", "decade", "century", "interval", "time"
]


@dataclass(frozen=True)
class Context:
    published: date | None = None
    future: bool = False
    past: bool = False  # the governing verb is in a past tense
    nearest: bool = False  # a prospective cue in a past or undetermined clause: the closest occurrence
    previous: str | None = None  # value of the time mentioned before (for "since then")
    limit: bool = False  # after "until"/"till": a limit, often ahead even in a past clause
    dates_event: bool = False  # "withdrew on April 20": dates the (past) event of its clause itself


@dataclass(frozen=True)
class Parsed:
    value: str | None
    type: TimeType
    granularity: Granularity | None
    rule: str
    relative: bool = False
    vague: bool = False


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MODS = r"(?:(?:the )?(?:early|late|mid|middle of|end of|beginning of|start of|spring of|autumn of)[ -]?)?"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The rules' regular expressions by name (each matched against the whole cleaned expression), built
    once from the lexicon's word lists."""
    lx = lexicon()
    month = rf"(?P<month>{_alt(list(lx.months))})\.?"
    wd = rf"(?:(?P<wd>{_alt(list(lx.weekdays))})\.? )?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    words = _alt([k for k in lx.numbers if " " not in k])
    phrases = _alt([k for k in lx.numbers if " " in k])
    num = rf"(?P<num>\d+|{words}|{phrases})"
    units = sorted({*lx.units, *(u + "s" for u in lx.units), "centuries"})
    unit = rf"(?P<unit>{_alt(units)})"
    units_alt = _alt(units)
    sources: dict[str, str] = {
        "named": rf"(?:the )?(?P<name>{_alt(list(lx.named_dates))})(?: -)?(?: related)?",
        "holiday": (
            rf"(?:(?P<rel>last|next|this|this past|this coming) )?(?P<name>{_alt(list(lx.holidays))})"
            r"(?: (?P<year>\d{4}))?"
        ),
        "week_of": r"the week of (?P<rest>.+)",
        "iso": r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})",
        "mdy": rf"{wd}{month} {day} {year}",
        "dmy": rf"{wd}(?:the )?{day} (?:of )?{month} {year}",
        "md": rf"{wd}{month} {day}",
        "dm": rf"{wd}(?:the )?{day} (?:of )?{month}",
        "month_year": rf"{MODS}{month} (?:of )?{year}",
        "year": rf"{MODS}(?:the year |fiscal |calendar )?{year}",
        "interval": r"(?:between |from )?(?P<a>.+?) (?:and|to|until|till|through|-) (?P<b>.+)",
        "year_range": r"(?P<a>\d{4})-(?P<b>\d{2}|\d{4})",
        "decade": r"(?:the )?(?P<mod>early |late |mid |mid-)?(?:'|’)?(?P<dec>\d{1,3})0 ?'?s",
        "century": (
            r"(?:the )?(?P<mod>early |late |mid |mid-)?"
            rf"(?P<n>\d{{1,2}}|{_alt(list(lx.ordinal_numbers))})(?:st|nd|rd|th)?[ -]century"
        ),
        "season_year": rf"(?:the )?(?P<season>{_alt(list(lx.seasons))}) (?:of )?{year}",
        "season_rel": (
            rf"(?:(?P<rel>this past|this coming|last|this|next|past|coming) |the )"
            rf"(?P<season>{_alt(list(lx.seasons))})"
        ),
        "quarter": (
            rf"(?:the )?(?:(?P<year0>\d{{4}}) )?(?:fiscal )?(?P<ord>{_alt(list(lx.ordinals))})[ -]quarter"
            r"(?: of (?:(?P<year>\d{4})|(?P<rel>this|last|next) year))?|q(?P<q>[1-4])(?: (?P<year2>\d{4}))?"
        ),
        "deictic": r"(?P<w>today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow)",
        "rel_unit": (
            r"(?:(?P<mod>earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of)"
            r"[ -])?(?:the )?(?P<rel>last|this|next|past|previous|coming|current|following|same)"
            r" (?:fiscal )?(?P<unit>week|weekend|month|year|quarter|decade)"
        ),
        "ago": rf"{num} {unit} ago",
        "weekday": (
            r"(?:(?P<rel>this past|this coming|last|this|next|past|coming|on) )?"
            rf"(?P<wd>{_alt(list(lx.weekdays))})\.?(?: (?P<part>morning|afternoon|evening|night|overnight))?"
        ),
        "past_n": (
            rf"(?:in |over |during |for )?(?:the )?(?P<rel>past|last|previous|next|coming) (?:{num} )?{unit}"
        ),
        "month_only": rf"(?P<mod>early|late|mid|mid-|middle|end of|beginning of|last|next|this)?[ -]?{month}",
        "duration": (
            r"(?:about |nearly |almost |more than |over |some |at least |up to |roughly |around "
            r"|less than |within |after |for |barely |only |just )?"
            rf"{num}(?: |-)?(?:consecutive |straight |full |more |long |trading |business |working "
            rf"|calendar )?{unit}(?: long|-long)?"
        ),
        "duration_adj": rf"{num}-{unit}(?:-long)?",
        # "5 1/2 hours", "two and a half years", "a year and a half": TimeML writes PT5H30M, P2Y6M
        "duration_half": (
            r"(?:about |nearly |almost |more than |over |some |at least |up to |roughly |around |less than "
            rf"|within |after |for )?{num} (?:(?:1/2|½|and a half) {unit}|(?P<unit2>{units_alt}) and a half)"
        ),
        "clock": (
            r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))? ?(?P<ampm>a\.m\.?|p\.m\.?|am|pm)?(?: \(?(?P<tz>utc|gmt|z)\)?)?"
            rf"(?: (?:{_alt(list(lx.time_zones))}))?"  # local zones: the value keeps local time
            r"|(?P<h4>\d{2})(?P<m4>\d{2}) (?P<tz4>utc|gmt|z)"
            rf"|(?P<word>{_alt(list(lx.clock_words))})"
        ),
        "clock_day": (
            rf"(?P<clock>[\d:.apm ]+?|{_alt(list(lx.clock_words))}) (?:(?:{_alt(list(lx.time_zones))}) )?"
            rf"(?P<day>{_alt([w for w in lx.weekdays if w not in lx.ambiguous_weekdays])}|today|tonight"
            r"|yesterday|tomorrow)"
        ),
        "the_weekend": r"the weekend",
        "the_day": (
            r"(?P<inday>(?:later|earlier) in the day)"
            rf"|(?:a|the) (?:{_alt([w for w, n in lx.ordinal_numbers.items() if n > 1])}|\d+(?:st|nd|rd|th))"
            r" (?:consecutive|straight) (?:trading )?day"
        ),
        "end_of_year": (
            r"(?:the )?(?:end|start|beginning|middle|close) of (?:the|this) (?P<unit>day|week|month|year)"
        ),
        "sets": r"(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly)",
        "set_every": rf"(?:every|each) (?P<other>other )?(?:{num} )?{unit}",
        "set_every_name": (  # "every Thursday", "each July": TimeML's XXXX-WXX-4, XXXX-07
            rf"(?:every|each) (?:(?P<wd>{_alt([w for w in lx.weekdays if w.endswith('day')])})"
            rf"|(?P<month>{_alt([m for m in lx.months if len(m) > 3])}))"
        ),
        "set_freq": rf"(?P<freq>once|twice|\d+ times|(?:{words}) times) (?:a|an|per|each|every) {unit}",
        "set_weekdays": rf"(?:on )?(?P<wds>{_alt([w for w in lx.weekdays if w.endswith('day')])})s",
        "bare_duration": (
            r"(?:(?:several|many|a few|few|some|for|over|within|in|after) )?"
            rf"(?P<unit>{_alt([u + 's' for u in lx.units if u not in ('weekend', 'night')] + ['centuries'])})"
            r"(?:-long| long)?"
        ),
        "anaphoric_weekday": (  # "the following Monday", "the previous Friday": from the day spoken of
            r"the (?P<rel>next|following|previous|preceding) "
            rf"(?P<wd>{_alt([w for w in lx.weekdays if w.endswith('day')])})"
            r"(?: (?P<part>morning|afternoon|evening|night|overnight))?"
        ),
        "anaphor": (
            r"(?:the )?(?:(?P<rel>next|following|previous|preceding|same) (?P<unit>day|week|month|year)"
            r"|(?P<unit2>day|week|month|year) (?P<rel2>after|before)|that (?P<unit3>day|week|month|year))"
        ),
        "later": rf"{num} {unit} (?P<dir>later|after(?:ward|wards)?|before|earlier)",
        "year_earlier": (
            r"(?:the )?(?:comparable |same )?year-(?:earlier|ago)"
            rf"(?: (?:(?P<ord>{_alt(list(lx.ordinals))})[ -])?(?P<unit>quarter|period|month|year))?"
        ),
        "same_period": (
            r"(?:the )?same (?P<unit>day|week|month|quarter|period|time) "
            r"(?:(?:of |in )?last year|a year (?:ago|earlier)|(?:in |of )?the (?:previous|prior) year"
            r"|the year before)"
        ),
        "the_year": r"the (?:full |fiscal |entire |whole )?year",
        # "the first half of 2009", "the second half of the year": TimeML's 2009-H1 / -H2
        "half": (
            r"(?:the )?(?P<which>first|second|last|latter) half of (?:(?:the )?(?:fiscal |calendar )?"
            r"(?P<year>\d{4})|(?P<rel>this|last|next|the current|the) year)"
        ),
        "the_period": (
            r"(?:(?:the|that|this) (?P<latest>latest |most recent |same )?"
            r"|(?:the |that )?(?P<year>\d{4}) (?:fiscal )?)(?P<unit>quarter|period)"
        ),
    }
    return {name: re.compile(source) for name, source in sources.items()}


Mod = TimexMod
# TIMEX3 mod (TimeML 1.2.1 guidelines): the part of a period ("early", "mid", "late") or a bound on a
# duration or date ("about", "more than", "at least"), from the expression's own words or the words just
# before it. Checked in order: the longest cue first.
_MOD_PART = re.compile(
    r"^(?:the )?(?:(?P<start>early|earlier|beginning of|start of|first half of)"
    r"|(?P<mid>mid|middle of|mid-)|(?P<end>late|end of|close of|last half of|second half of))(?:[ -]|$)"
)
_MOD_BOUND: tuple[tuple[str, Mod], ...] = (
    ("more than", "MORE_THAN"),
    ("over", "MORE_THAN"),
    ("less than", "LESS_THAN"),
    ("under", "LESS_THAN"),
    ("nearly", "LESS_THAN"),
    ("almost", "LESS_THAN"),
    ("at least", "EQUAL_OR_MORE"),
    ("no less than", "EQUAL_OR_MORE"),
    ("up to", "EQUAL_OR_LESS"),
    ("at most", "EQUAL_OR_LESS"),
    ("no more than", "EQUAL_OR_LESS"),
    ("about", "APPROX"),
    ("around", "APPROX"),
    ("approximately", "APPROX"),
    ("roughly", "APPROX"),
    ("some", "APPROX"),
    ("circa", "APPROX"),
)


def mod_of(text: str, before: str = "", after: str = "", *, duration: bool = False) -> Mod | None:
    """The TIMEX3 mod of an expression: its own leading modifier ("early 2009" START, "the mid-1990s" MID,
    "late last month" END), else a bound word in it or just before it ("about three years" APPROX, "more
    than a week" MORE_THAN; bounds other than APPROX only on durations: "over the weekend" is a
    preposition), else "or later"/"or so" after it. None when the text gives none."""
    s = " ".join(text.lower().split())  # cheaper than clean(): called once per record
    b = " ".join(before.lower().split()[-2:])
    for cue, mod in _MOD_BOUND:
        applies = duration if cue == "some" or mod != "APPROX" else True
        if applies and (s.startswith(cue + " ") or b == cue or b.endswith(" " + cue)):
            return mod
    if m := _MOD_PART.match(s):
        return "START" if m["start"] else "MID" if m["mid"] else "END"
    a = after.lower()
    if a.startswith(("or so", "or thereabouts")) or s.endswith(" or so"):
        return "APPROX"
    if a.startswith(("or later", "or after")):
        return "ON_OR_AFTER"
    if a.startswith(("or earlier", "or before")):
        return "ON_OR_BEFORE"
    return None


def clean(text: str) -> str:
    """The expression text as the rules see it: lower case, straight quotes, no commas or brackets."""
    s = text.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"[,()\"]", " ", s)
    s = re.sub(r"\s*[-–]\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" .;:")
    s = re.sub(r"(?<=[a-z])\s*'s$", "", s)
    return _digits_for_spelled_years(s) if "nineteen" in s or "eighteen" in s or "thousand" in s else s


@functools.lru_cache(maxsize=1)
def _spelled_year_pattern() -> re.Pattern[str]:
    """ "nineteen ninety-six", "eighteen twelve", "the year two thousand (and one)": years as broadcast
    transcripts write them."""
    values = {w: n for w, n in lexicon().numbers.items() if isinstance(n, int) and " " not in w}
    words = {w: n for w, n in values.items() if 1 <= n <= 90 and w not in ("a", "an")}
    small = _alt([w for w, n in words.items() if n < 20])
    tens = _alt([w for w, n in words.items() if n >= 10])
    return re.compile(
        rf"\b(?P<c>nineteen|eighteen) (?P<tens>{tens})(?:[- ](?P<unit>{small}))?\b"
        rf"|\b(?:the year )?two thousand(?: and)?(?: (?P<small>{small}))?\b"
    )


def _digits_for_spelled_years(s: str) -> str:
    def year(m: re.Match[str]) -> str:
        n = lexicon().numbers
        if m["c"]:
            tens, unit = int(n[m["tens"]]), int(n[m["unit"]]) if m["unit"] else 0
            if unit and (tens < 20 or tens % 10):
                return m.group(0)  # "nineteen twelve-three" is no year
            return str((1900 if m["c"] == "nineteen" else 1800) + tens + unit)
        if not m.group(0).startswith("the year") and not m["small"]:
            return m.group(0)  # "two thousand" alone is mostly a count
        return str(2000 + (int(n[m["small"]]) if m["small"] else 0))

    return _spelled_year_pattern().sub(year, s)


_LEADING = re.compile(r"^(?:on|in|at|since|by|until|till|during|of|around|about|circa) ")


def _number(word: str, lx: TimesLexicon) -> int | str | None:
    if word.isdigit():
        return int(word)
    return lx.numbers.get(word)


def _weekday(pub: date, wd: int, rel: str, future: bool, nearest: bool = False) -> date:
    """A weekday resolved by the news convention (see the module docstring)."""
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel in ("last", "past", "this past"):
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return pub + timedelta(days=ahead or 7)
    if future or (nearest and ahead < back):
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def _weekday_date(pub: date, month: int, day: int, wd: int) -> date | None:
    """ "Saturday, April 25": the year, of the nearest three, in which that date falls on that weekday."""
    found = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == wd:
            found.append(d)
    return min(found, key=lambda d: abs((d - pub).days)) if found else None


def _undetermined_nearest(ctx: Context) -> Context:
    """A date or month in a clause with neither a past nor a future verb ("talks on Jan. 24", a headline):
    its closest occurrence, not always the past one (TimeML anchors it to the document time)."""
    if ctx.past or ctx.future or ctx.nearest:
        return ctx
    return replace(ctx, nearest=True)


def _month_day(
    pub: date, month: int, day: int, future: bool, nearest: bool = False, ahead: bool = False
) -> date | None:
    if nearest and not future:  # "the deadline of March 25", "extended until April 1": the closest one
        found = []
        for y in (pub.year - 1, pub.year, pub.year + 1):
            try:
                found.append(date(y, month, day))
            except ValueError:
                continue
        return min(found, key=lambda d: (abs((d - pub).days), d > pub)) if found else None
    years = (pub.year, pub.year + 1) if future else (pub.year, pub.year - 1)
    for y in years:
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if (future and d >= pub) or (not future and d <= pub):
            return d if future or not ahead else _this_years(d, pub)
    return None


# News style (AP) writes the year only when a date is not in the current year: a date without one that lies a
# few weeks ahead is this year's even in a past-tense clause ("declared a dividend payable Dec. 1", "extended
# the offer to Nov. 16" in a story of late October), unless last year's is recent (a story of January 3 about
# "Dec. 28") or the date is the one of the clause's past event ("withdrew on April 20").
_AHEAD_DAYS = 75
_BACK_DAYS = 240


def _this_years(past: date, pub: date) -> date:
    """``past`` (the most recent such date), or the same date this year when that lies a little ahead of the
    publication date and ``past`` most of a year back."""
    try:
        ahead = past.replace(year=pub.year)
    except ValueError:
        return past
    if 0 < (ahead - pub).days <= _AHEAD_DAYS and (pub - past).days >= _BACK_DAYS:
        return ahead
    return past


def _month_year(pub: date, month: int, rel: str, future: bool, nearest: bool = False) -> int:
    if nearest and not future and rel == "":  # the closest such month: up to 6 months back or 5 ahead
        return pub.year + (1 if month - pub.month < -6 else -1 if month - pub.month > 5 else 0)
    if rel == "this":
        return pub.year
    if rel == "last":
        return pub.year if month < pub.month else pub.year - 1
    if rel == "next":
        return pub.year if month > pub.month else pub.year + 1
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _direction(ctx: Context) -> str:
    """Rule suffix naming a non-default resolution direction."""
    return "-future" if ctx.future else "-nearest" if ctx.nearest else ""


def _absolute(value: str, gran: Granularity | None, rule: str, typ: TimeType = "date") -> Parsed:
    return Parsed(value, typ, gran, rule)


def _relative(
    value: str | None, gran: Granularity | None, rule: str, vague: bool = False, typ: TimeType = "date"
) -> Parsed:
    return Parsed(value, typ, gran, rule, relative=True, vague=vague)


def _valid_year(y: int) -> bool:
    return 1000 <= y <= 2199


def parse(text: str, ctx: Context) -> Parsed | None:
    """The normalised value of one time expression, or None when it is not one Herald understands."""
    s = clean(text)
    if not s:
        return None
    if s in lexicon().vague:  # "since then" keeps its preposition
        return _vague(s, lexicon().vague[s], ctx)
    return _parse(_LEADING.sub("", s), ctx, top=True)


# "early Tuesday", "late yesterday", "earlier Sunday": the day itself; the part is the record's `mod`.
_DAY_PREFIX = re.compile(r"(?P<pre>early|late|earlier|later|mid)[ -](?P<rest>.+)")


def _parse(s: str, ctx: Context, *, top: bool) -> Parsed | None:
    lx, p, pub = lexicon(), _patterns(), ctx.published
    if any(cue in s.split() or s.endswith(cue) for cue in lx.age_cues):
        return None  # an age, not a time
    if m := p["named"].fullmatch(s):
        return _absolute(lx.named_dates[m.group("name")], "day", "named-date")
    if m := p["holiday"].fullmatch(s):
        return _holiday(m, ctx)
    if m := p["week_of"].fullmatch(s):  # "the week of March 6": the ISO week holding that day
        inner = _parse(m["rest"], ctx, top=False)
        if inner is None or inner.granularity != "day" or inner.type != "date" or not inner.value:
            return None
        week = iso_week(date.fromisoformat(inner.value))
        return Parsed(week, "date", "week", f"week-of-{inner.rule}", relative=inner.relative)
    if s in lx.vague:
        return _vague(s, lx.vague[s], ctx)
    for prefix in ("in ", "over ", "during ", "for "):
        if s.startswith(prefix) and s[len(prefix) :] in lx.vague:
            key = s[len(prefix) :]
            return _vague(key, lx.vague[key], ctx)
    if top and (m := _DAY_PREFIX.fullmatch(s)):
        inner = _parse(m["rest"], ctx, top=False)
        if inner is not None and inner.granularity in ("day", "time") and inner.type in ("date", "time"):
            return replace(inner, rule=f"{m['pre']}-{inner.rule}")
    if m := p["iso"].fullmatch(s):
        return _absolute(f"{m['year']}-{m['mon']}-{m['day']}", "day", "iso-date")
    for rx in (p["mdy"], p["dmy"]):
        if m := rx.fullmatch(s):
            try:
                d = date(int(m["year"]), lx.months[m["month"]], int(m["day"]))
            except ValueError:
                return None
            return _absolute(d.isoformat(), "day", "full-date")
    if (m := re.fullmatch(r"(?P<rest>.+) (?P<rel>this|last|next) year", s)) and pub is not None:
        # "March 11 this year", "in June last year": the date or month in that year
        inner = _parse(m["rest"], Context(date(pub.year, 7, 1), past=True), top=False)
        year = pub.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
        if inner is not None and inner.value and inner.granularity in ("day", "month"):
            return _relative(f"{year}{inner.value[4:]}", inner.granularity, f"{inner.rule}-{m['rel']}-year")
    for rx in (p["md"], p["dm"]):
        if m := rx.fullmatch(s):
            month, day = lx.months[m["month"]], int(m["day"])
            if not 1 <= day <= 31:
                return None
            if pub is None:
                return _relative(None, "day", "month-day")
            if m["wd"] and (named := _weekday_date(pub, month, day, lx.weekdays[m["wd"]])):
                return _relative(named.isoformat(), "day", "month-day-weekday")
            ctx = _undetermined_nearest(ctx)
            found = _month_day(pub, month, day, ctx.future, ctx.nearest, ahead=not ctx.dates_event)
            rule = "month-day" + _direction(ctx)
            if found is not None and found > pub and not (ctx.future or ctx.nearest):
                rule += "-ahead"  # a past clause, yet no year written: this year's (news style)
            return _relative(found.isoformat() if found else None, "day", rule)
    if m := p["month_year"].fullmatch(s):
        return _absolute(month_value(int(m["year"]), lx.months[m["month"]]), "month", "month-year")
    if m := p["year"].fullmatch(s):
        y = int(m["year"])
        return _absolute(str(y), "year", "year") if _valid_year(y) else None
    if m := p["year_range"].fullmatch(s):
        a, b = m["a"], m["b"]
        b = a[:2] + b if len(b) == 2 else b
        if _valid_year(int(a)) and _valid_year(int(b)) and int(a) < int(b):
            return _absolute(f"{a}/{b}", "interval", "year-range")
        return None
    if m := p["decade"].fullmatch(s):
        dec = m["dec"]
        if len(dec) == 1:  # "the '90s": the twentieth century; "the 20s" without the apostrophe may be ages
            if "'" not in s and not s.startswith("the "):
                return None
            dec = "19" + dec
        elif len(dec) == 2:
            return None
        return _absolute(f"{dec}X", "decade", "decade")
    if m := p["century"].fullmatch(s):
        n = int(m["n"]) if m["n"].isdigit() else lx.ordinal_numbers[m["n"]]
        return _absolute(f"{n - 1:02d}XX", "century", "century") if 1 <= n <= 21 else None
    if m := p["season_year"].fullmatch(s):
        return _absolute(f"{m['year']}-{lx.seasons[m['season']]}", "season", "season-year")
    if m := p["season_rel"].fullmatch(s):
        code = lx.seasons[m["season"]]
        if pub is None:
            return _relative(None, "season", "season-relative")
        mid = SEASON_MONTHS[code][0] + 1
        if m["rel"] is None and m["season"] == "fall":
            return None  # "the fall": of a city, a government, a price
        rel = {"past": "last", "this past": "last", "coming": "next", "this coming": "next"}.get(
            m["rel"] or "", m["rel"] or ""
        )
        return _relative(f"{_month_year(pub, mid, rel, ctx.future)}-{code}", "season", "season-relative")
    if m := p["quarter"].fullmatch(s):
        q = int(m["q"]) if m["q"] else lx.ordinals[m["ord"]]
        if m["year"] or m["year2"] or m["year0"]:
            return _absolute(f"{m['year'] or m['year2'] or m['year0']}-Q{q}", "quarter", "quarter-year")
        if pub is None:
            return _relative(None, "quarter", "quarter")
        current = (pub.month - 1) // 3 + 1
        y = pub.year
        if m["rel"] == "last":
            y -= 1
        elif m["rel"] == "next":
            y += 1
        elif ctx.future and q < current - 1:
            y += 1  # the next such quarter; the one just ended is still ahead in its reporting ("will report
            # third-quarter results" in October)
        elif not ctx.future and q > current:
            y -= 1  # the last such quarter
        return _relative(f"{y}-Q{q}", "quarter", "quarter")
    if m := p["deictic"].fullmatch(s):
        w = m["w"]
        offset = {
            "today": 0,
            "tonight": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[w]
        return _relative((pub + timedelta(days=offset)).isoformat() if pub else None, "day", f"deictic-{w}")
    if (
        (m := p["rel_unit"].fullmatch(s))
        and m["unit"] != "decade"
        and (m["rel"] != "past" or m["unit"] == "weekend")
        and not (m["rel"] in ("following", "same") and not m["mod"])
    ):
        period = _rel_unit(m["rel"], m["unit"], ctx)
        if period is not None and m["mod"]:  # "late last month": TimeML keeps the period as the value
            period = replace(period, rule=f"{m['mod'].replace(' ', '-')}-{period.rule}")
        return period
    if m := p["anaphoric_weekday"].fullmatch(s):
        return _anaphoric_weekday(m, ctx)
    if m := p["anaphor"].fullmatch(s):
        unit = m["unit"] or m["unit2"] or m["unit3"]
        rel = m["rel"] or m["rel2"] or "that"
        if unit == "day" or rel not in ("next", "previous"):
            step = _STEP.get(rel, 0)
            return _anaphoric(unit, step, f"anaphoric-{rel}-{unit}", ctx)
    if m := p["later"].fullmatch(s):
        count, unit = _number(m["num"], lx), lx.unit(m["unit"])
        if isinstance(count, int) and unit in ("day", "week", "month", "year"):
            sign = 1 if m["dir"].startswith(("later", "after")) else -1
            return _anaphoric(unit, sign * count, f"anaphoric-{unit}-{m['dir']}", ctx, keep=True)
    if m := p["year_earlier"].fullmatch(s):  # "the year-earlier quarter": the period before, a year back
        hit = _anaphoric("year", -1, "anaphoric-year-earlier-period", ctx, keep=True)
        if m["ord"] and hit.value and hit.granularity in ("quarter", "year"):
            hit = replace(hit, value=f"{hit.value[:4]}-Q{lx.ordinals[m['ord']]}", granularity="quarter")
        return hit
    if m := p["same_period"].fullmatch(s):  # "the same period last year": the period spoken of, a year back
        unit = m["unit"]
        hit = _anaphoric("year", -1, "anaphoric-same-period-year-earlier", ctx, keep=True)
        if hit.granularity == "year" and ctx.published is not None and unit in ("month", "period"):
            d = ctx.published
            return _relative(month_value(d.year - 1, d.month), "month", hit.rule)
        return hit
    if m := p["half"].fullmatch(s):
        half = 1 if m["which"] == "first" else 2
        if m["year"]:
            return _absolute(f"{m['year']}-H{half}", "half", "half-year")
        rel = {"last": "last", "next": "next"}.get(m["rel"], "this")
        whole = _rel_unit(rel, "year", ctx)
        if whole is None:
            return None
        value = f"{whole.value}-H{half}" if whole.value else None
        return _relative(value, "half", f"half-{whole.rule}")
    if p["the_year"].fullmatch(s):  # "for the year", "in the fiscal year": the year spoken of (TimeML)
        return _anaphoric("year", 0, "anaphoric-the-year", ctx)
    if m := p["the_period"].fullmatch(s):  # "the quarter", "the latest quarter": the quarter spoken of
        return _the_quarter(m["unit"], bool(m["latest"]), ctx, m["year"])
    if m := p["ago"].fullmatch(s):
        return _ago(m["num"], m["unit"], ctx)
    if m := p["weekday"].fullmatch(s):
        wd_word = m["wd"]
        rel = (m["rel"] or "").strip()
        rule = "weekday" + (f"-{rel.replace(' ', '-')}" if rel and rel != "on" else "")
        if ctx.nearest and ctx.past and not ctx.limit:
            # "had spread to 10 cities by Tuesday": a weekday stays in the past week ("postponed until
            # Tuesday" may not)
            ctx = replace(ctx, nearest=False)
        if not rel.endswith(("last", "past", "next", "coming")):
            rule += _direction(ctx)
        if pub is None:
            return _relative(None, "day", rule)
        d = _weekday(pub, lx.weekdays[wd_word], rel, ctx.future, ctx.nearest)
        if m["part"]:  # "Tuesday morning": TimeML's part of the day on that date
            return _relative(f"{d.isoformat()}T{_DAY_PART[m['part']]}", "time", rule + "-part", typ="time")
        return _relative(d.isoformat(), "day", rule)
    if m := p["past_n"].fullmatch(s):
        return _past_n(m["rel"], m["num"], m["unit"], ctx)
    if m := p["month_only"].fullmatch(s):
        month = lx.months[m["month"]]
        rel = m["mod"] if m["mod"] in ("last", "next", "this") else ""
        if pub is None:
            return _relative(None, "month", "month")
        ctx = _undetermined_nearest(ctx) if not rel else ctx
        y = _month_year(pub, month, rel, ctx.future, ctx.nearest)
        return _relative(month_value(y, month), "month", "month" + (f"-{rel}" if rel else _direction(ctx)))
    if m := p["end_of_year"].fullmatch(s):  # "the end of the year", "the start of the day": the period (mod)
        unit = m["unit"]
        part = _rel_unit("this", unit, ctx) if unit != "day" else None
        if unit == "day":  # "the start of the day": the day spoken of (TimeML's anchor), else publication
            return _day_spoken_of(ctx, "anaphoric-part-of-day")
        return replace(part, rule=f"part-of-{unit}") if part is not None else None
    if m := p["the_day"].fullmatch(s):  # "later in the day", "for a second consecutive day": that day
        return _day_spoken_of(ctx, "anaphoric-in-the-day" if m["inday"] else "anaphoric-nth-day")
    if m := p["sets"].fullmatch(s):
        code = {"daily": "D", "weekly": "W", "monthly": "M", "hourly": "TH", "nightly": "D"}.get(m["w"], "Y")
        return _absolute(f"P{'T1H' if code == 'TH' else '1' + code}", None, "set", typ="set")
    if m := p["set_every_name"].fullmatch(s):
        if m["wd"]:
            return _absolute(f"XXXX-WXX-{lx.weekdays[m['wd']] + 1}", None, "set-every-weekday", typ="set")
        return _absolute(f"XXXX-{lx.months[m['month']]:02d}", None, "set-every-month", typ="set")
    if m := p["set_every"].fullmatch(s):  # "every week", "every two years", "every other day"
        every = 2 if m["other"] else (_number(m["num"], lx) if m["num"] else 1)
        period = _duration(str(every), m["unit"]) if isinstance(every, int) else None
        return replace(period, type="set", rule="set-every") if period is not None else None
    if m := p["set_freq"].fullmatch(s):  # "twice a week": the period is the value (TimeML adds freq)
        period = _duration("1", m["unit"])
        return replace(period, type="set", rule="set-frequency") if period is not None else None
    if m := p["set_weekdays"].fullmatch(s):
        return _absolute(f"XXXX-WXX-{lx.weekdays[m['wds']] + 1}", None, "set-weekday", typ="set")
    if m := p["duration_half"].fullmatch(s):
        return _duration_and_half(m["num"], m["unit"] or m["unit2"])
    if m := p["duration_adj"].fullmatch(s) or p["duration"].fullmatch(s):
        return _duration(m["num"], m["unit"])
    if m := p["bare_duration"].fullmatch(s):
        return _duration("X", m["unit"], rule="duration-unspecified")
    if m := p["clock"].fullmatch(s):
        return _clock(m, ctx)
    if m := p["clock_day"].fullmatch(s):
        return _clock_day(m, ctx)
    if p["the_weekend"].fullmatch(s):  # "over the weekend": the one just gone; in a future clause the next
        weekend = _rel_unit("this", "weekend", replace(ctx, past=not ctx.future))
        return replace(weekend, rule="the-weekend" + _direction(ctx)) if weekend is not None else None
    if top and (m := p["interval"].fullmatch(s)):
        a, b = _parse(m["a"], ctx, top=False), _parse(m["b"], ctx, top=False)
        if a is None or b is None or a.type != "date" or b.type != "date" or not a.value or not b.value:
            if a is not None and b is not None and (a.value is None or b.value is None):
                return _relative(None, "interval", "interval")
            return None
        if "/" in a.value or "/" in b.value or a.value >= b.value:
            return None
        rule = "interval"
        if a.relative or b.relative:
            return _relative(f"{a.value}/{b.value}", "interval", rule)
        return _absolute(f"{a.value}/{b.value}", "interval", rule)
    return None


def _holiday(m: re.Match[str], ctx: Context) -> Parsed | None:
    """ "Thanksgiving Day", "last Christmas", "Easter 2000": the holiday's day in the year written, else in
    the year the clause's tense points to (like a month and day without a year)."""
    rule_of = lexicon().holidays[m["name"]]
    pub, rel = ctx.published, (m["rel"] or "").replace("this ", "")
    week = bool(rule_of.get("week"))
    rule = "holiday" + (f"-{rel}" if rel else "")

    def value(d: date) -> str:
        return iso_week(d) if week else d.isoformat()

    gran: Granularity = "week" if week else "day"
    if m["year"]:
        found = holiday_date(rule_of, int(m["year"]))
        return _absolute(value(found), gran, rule + "-year") if found else None
    if pub is None:
        return _relative(None, gran, rule)
    days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := holiday_date(rule_of, y))]
    if week:  # "Easter week" has begun once its Monday is past
        days = [d - timedelta(days=d.weekday()) for d in days]
    ctx = _undetermined_nearest(ctx) if not rel else ctx
    if rel in ("last", "past") or (not rel and not ctx.future and not ctx.nearest):
        pick = [d for d in days if d < pub] if rel else [d for d in days if d <= pub]
        found = pick[-1] if pick else None
    elif rel in ("next", "coming") or ctx.future:
        later = [d for d in days if d > pub] if rel else [d for d in days if d >= pub]
        found = later[0] if later else None
    elif rel == "this":
        found = next((d for d in days if d.year == pub.year), None)
    else:
        found = min(days, key=lambda d: abs((d - pub).days)) if days else None
    rule += _direction(ctx) if not rel else ""
    return _relative(value(found) if found else None, gran, rule)


# Half a unit written in the next smaller one, as TimeML values do ("2 1/2 years" P2Y6M).
_HALF = {"Y": ("M", 6), "D": ("H", 12), "H": ("M", 30), "M": ("S", 30)}


def _duration_and_half(num: str, unit_word: str) -> Parsed | None:
    """ "5 1/2 hours" PT5H30M, "two and a half years" P2Y6M, "a year and a half" P1Y6M; None for units
    whose half is not a whole number of a smaller one (weeks, months)."""
    whole = _duration(num, unit_word)
    if whole is None or not whole.value or "X" in whole.value:
        return None
    code = whole.value[-1]
    time = whole.value.startswith("PT")
    if code not in _HALF or (code == "M" and not time) or lexicon().unit(unit_word) in ("decade", "century"):
        return None
    small, amount = _HALF[code]
    small_part = f"{amount}{small}"
    if code == "D":
        small_part = f"T{small_part}"
    return replace(whole, value=whole.value + small_part, rule=whole.rule + "-and-a-half")


def _day_spoken_of(ctx: Context, rule: str) -> Parsed:
    """The day mentioned before (TimeML's anchor) when there is one, else the publication day."""
    if ctx.previous and granularity_of(ctx.previous.split("T")[0]) == "day":
        return _relative(ctx.previous[:10], "day", rule + "-previous")
    return _relative(ctx.published.isoformat() if ctx.published else None, "day", rule + "-publication")


_DAY_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}


def _vague(key: str, entry: dict[str, object], ctx: Context) -> Parsed:
    pub, rule = ctx.published, "vague:" + key
    if entry.get("since_previous"):
        since = ctx.previous.split("/")[0] if ctx.previous else ".."
        until = pub.isoformat() if pub else ".."
        if since == ".." and until == "..":
            return _relative(None, "interval", rule, vague=True)
        return _relative(f"{since}/{until}", "interval", rule, vague=True)
    if ref := entry.get("ref"):  # "currently", "the past", "in the future": TimeML's reference points
        return Parsed(f"{str(ref).upper()}_REF", "date", None, rule, vague=True)
    if pub is None:
        return _relative(None, "interval", rule, vague=True)
    if "back" in entry:
        start = shift(pub, str(entry["back"]), -1)
        return _relative(f"{start.isoformat()}/{pub.isoformat()}", "interval", rule, vague=True)
    if "forward" in entry:
        end = shift(pub, str(entry["forward"]), 1)
        return _relative(f"{pub.isoformat()}/{end.isoformat()}", "interval", rule, vague=True)
    period, part = str(entry.get("period")), str(entry.get("part"))
    if period == "day":
        d = pub + timedelta(days=int(str(entry.get("offset", 0))))
        if tod := entry.get("tod"):  # "this morning", "last night": TimeML's parts of the day
            return _relative(f"{d.isoformat()}T{tod}", "time", rule, typ="time")
        return _relative(d.isoformat(), "day", rule, vague=False)
    # "earlier this year", "later this month": TimeML gives the period itself as the value; which part of it
    # is meant stays in the rule name.
    rule += f"-{part}" if part in ("before", "after") else ""
    if period == "year":
        return _relative(str(pub.year), "year", rule)
    if period == "month":
        return _relative(month_value(pub.year, pub.month), "month", rule)
    return _relative(iso_week(pub), "week", rule)


def _rel_unit(rel: str, unit: str, ctx: Context) -> Parsed | None:
    pub = ctx.published
    rule = f"{rel}-{unit}"
    gran: Granularity = "week" if unit == "weekend" else unit  # type: ignore[assignment]
    if rel == "same":
        return None
    if pub is None:
        return _relative(None, gran, rule)
    step = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this": 0,
        "current": 0,
        "next": 1,
        "coming": 1,
        "following": 1,
    }[rel]
    if unit == "weekend" and rel == "this" and ctx.past and not ctx.future and pub.weekday() < 5:
        step = -1  # "took place this weekend" in a story of Tuesday: the weekend just gone
    if unit in ("week", "weekend"):
        d = pub + timedelta(weeks=step)
        return _relative(iso_week(d) + ("-WE" if unit == "weekend" else ""), gran, rule)
    if unit == "month":
        d = add_months(pub, step)
        return _relative(month_value(d.year, d.month), "month", rule)
    if unit == "quarter":
        d = add_months(pub, 3 * step)
        return _relative(f"{d.year}-Q{(d.month - 1) // 3 + 1}", "quarter", rule)
    if unit == "decade":
        return None  # "the last decade" is a ten-year interval: see _past_n
    return _relative(str(pub.year + step), "year", rule)


def _the_quarter(unit: str, latest: bool, ctx: Context, year: str | None = None) -> Parsed | None:
    """ "the quarter", "that period": the quarter mentioned before (TimeML's anchor); "the latest quarter"
    without one is the last quarter completed by publication. Otherwise not resolved (dropped). "the 1988
    quarter": the quarter spoken of, in that year."""
    if year is not None:
        if ctx.previous and granularity_of(ctx.previous) == "quarter":
            return _relative(year + ctx.previous[4:], "quarter", f"anaphoric-the-{unit}-year-previous")
        if ctx.previous is None and ctx.published is not None:
            return _relative(None, "quarter", f"anaphoric-the-{unit}-year")
        return None
    if ctx.previous and granularity_of(ctx.previous) == "quarter":
        return _relative(ctx.previous, "quarter", f"anaphoric-the-{unit}-previous")
    if latest and unit == "quarter" and ctx.published is not None:
        d = add_months(ctx.published, -3)
        last = f"{d.year}-Q{(d.month - 1) // 3 + 1}"
        return _relative(last, "quarter", "anaphoric-the-quarter-publication")
    if ctx.previous is None and ctx.published is not None:
        return _relative(None, "quarter", f"anaphoric-the-{unit}")  # resolved once the anchor is known
    return None


def ago_same_period(text: str, anchor: str) -> Parsed | None:
    """ "third-quarter profit rose from $2 million a year ago": the same period as the quarter or month
    mentioned before in the sentence, that many years/months back (TimeML: "2008-Q3", not "2008")."""
    m = _patterns()["ago"].fullmatch(_LEADING.sub("", clean(text)))
    if m is None or granularity_of(anchor) not in ("quarter", "month"):
        return None
    n, unit = _number(m["num"], lexicon()), lexicon().unit(m["unit"])
    if not isinstance(n, int) or unit not in ("year", "month"):
        return None
    moved = shift_value(anchor, unit, -n)
    if moved is None:
        return None
    gran: Granularity = granularity_of(moved)  # type: ignore[assignment]
    return _relative(moved, gran, f"ago-{unit}-same-period")


def _ago(num: str, unit_word: str, ctx: Context) -> Parsed | None:
    lx, pub = lexicon(), ctx.published
    n = _number(num, lx)
    unit = lx.unit(unit_word)
    if n == "X" and unit is not None:
        # "several years ago", "a few weeks ago": a time in the past with no date to give (TimeML: PAST_REF)
        return Parsed("PAST_REF", "date", None, f"ago-unspecified-{unit}", vague=True)
    if not isinstance(n, int) or unit is None or lx.units[unit].get("time"):
        return None
    rule = f"ago-{unit}"
    if unit == "day":
        return _relative((pub - timedelta(days=n)).isoformat() if pub else None, "day", rule)
    if unit == "week":
        return _relative((pub - timedelta(weeks=n)).isoformat() if pub else None, "day", rule)
    if unit == "month":
        d = add_months(pub, -n) if pub else None
        return _relative(month_value(d.year, d.month) if d else None, "month", rule)
    if unit == "year":
        return _relative(str(pub.year - n) if pub else None, "year", rule)
    if unit == "decade":
        return _relative(str(pub.year - 10 * n) if pub else None, "year", rule)
    return None


def _past_n(rel: str, num: str | None, unit_word: str, ctx: Context) -> Parsed | None:
    """ "the past nine days", "the next six months", "the last decade": TimeML reads these as durations
    (P9D, P6M, P10Y); the period they cover runs back from (or on from) the publication date."""
    lx = lexicon()
    unit = lx.unit(unit_word)
    n = _number(num, lx) if num else 1
    if n == "X" and unit is not None and unit_word != unit and rel in ("next", "coming"):
        # "the next few days", "the past several weeks": TimeML's duration with no count (PXD, PXW)
        return _duration("X", unit, rule=f"{'next' if rel in ('next', 'coming') else 'past'}-n")
    if unit is None or not isinstance(n, int) or unit == "weekend":
        return None
    if num is None and unit_word != unit:
        return None  # "the previous years": no length given
    found = _duration(str(n), unit)
    if found is None:
        return None
    direction = "next" if rel in ("next", "coming") else "past"
    return replace(found, rule=f"{direction}-n-{unit}")


_STEP = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}


def _anaphoric(unit: str, offset: int, rule: str, ctx: Context, keep: bool = False) -> Parsed:
    """ "the next day", "two weeks later", "that year": counted from the date mentioned before it (TimeML's
    anchor), else from the publication date. A counted shift (``keep``: "a year earlier") keeps the anchor's
    granularity, as TimeML does: after "the third quarter of 2009" it is "2008-Q3", after "Sept. 30, 2009"
    "2008-09-30"; "the following year" is a year."""
    moved = shift_value(ctx.previous.split("T")[0], unit, offset) if ctx.previous else None
    if keep and unit in ("year", "month") and moved:
        gran: Granularity = granularity_of(moved)  # type: ignore[assignment]
        return _relative(moved, gran, rule + "-previous")
    base: date | None = None
    if ctx.previous and (rng := value_range(ctx.previous.split("T")[0])) is not None:
        base, rule = rng[0], rule + "-previous"
    elif ctx.published is not None:
        base, rule = ctx.published, rule + "-publication"
    if base is None:
        return _relative(None, "day", rule)
    if unit == "day":
        return _relative((base + timedelta(days=offset)).isoformat(), "day", rule)
    if unit == "week":
        return _relative(iso_week(base + timedelta(weeks=offset)), "week", rule)
    if unit == "month":
        d = add_months(base, offset)
        return _relative(month_value(d.year, d.month), "month", rule)
    return _relative(str(base.year + offset), "year", rule)


def _anaphoric_weekday(m: re.Match[str], ctx: Context) -> Parsed:
    """ "the following Monday": the first Monday after the day spoken of (TimeML's anchor); "the previous
    Friday" the last one before it; counted from the publication date when no day was spoken of."""
    rule = f"anaphoric-weekday-{m['rel']}"
    base: date | None = None
    if ctx.previous and granularity_of(ctx.previous.split("T")[0]) == "day":
        base, rule = date.fromisoformat(ctx.previous[:10]), rule + "-previous"
    elif ctx.published is not None:
        base, rule = ctx.published, rule + "-publication"
    if base is None:
        return _relative(None, "day", rule)
    wd = lexicon().weekdays[m["wd"]]
    if m["rel"] in ("next", "following"):
        d = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:
        d = base - timedelta(days=(base.weekday() - wd) % 7 or 7)
    if m["part"]:
        return _relative(f"{d.isoformat()}T{_DAY_PART[m['part']]}", "time", rule + "-part", typ="time")
    return _relative(d.isoformat(), "day", rule)


def _duration(num: str, unit_word: str, rule: str = "duration") -> Parsed | None:
    lx = lexicon()
    unit = lx.unit(unit_word)
    n: int | str | None = "X" if num == "X" else _number(num, lx)
    if unit is None or n is None or unit == "weekend":
        return None
    if num in ("a", "an") and unit in ("second", "quarter"):
        return None  # "a second consecutive day", "about a quarter of": not durations
    info = lx.units[unit]
    code = str(info["code"])
    if isinstance(n, int):
        n *= int(info.get("factor", 1))
        if code == "DE":
            code, n = "Y", n * 10
        elif code == "CE":
            code, n = "Y", n * 100
    elif code in ("DE", "CE"):
        code = "Y"  # "decades-long": an unspecified number of years (P10Y for one decade, as above)
    amount = str(n)
    prefix = "PT" if info.get("time") else "P"
    return _absolute(f"{prefix}{amount}{code}", None, f"{rule}-{unit}", typ="duration")


def _clock_of(m: re.Match[str]) -> str | None:
    """ "HH:MM" (with "Z" for UTC/GMT) of a clock match, or None when it is not surely a time of day."""
    if m["word"]:
        return lexicon().clock_words[m["word"]]
    if m["h4"]:
        h, mi, ampm, tz = int(m["h4"]), int(m["m4"]), None, m["tz4"]
    else:
        h, mi, ampm, tz = int(m["h"]), int(m["m"] or 0), m["ampm"], m["tz"]
        if not ampm and not tz and (m["m"] is None or h < 13):
            return None  # a bare number is not a clock time, and "4:30" may be morning or afternoon
    if ampm and ampm.startswith("p") and h < 12:
        h += 12
    elif ampm and ampm.startswith("a") and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return f"{h:02d}:{mi:02d}" + ("Z" if tz else "")


def _clock(m: re.Match[str], ctx: Context) -> Parsed | None:
    hhmm = _clock_of(m)
    if hhmm is None:
        return None
    if ctx.published is None:
        return _relative(None, "time", "clock", typ="time")
    return _relative(f"{ctx.published.isoformat()}T{hhmm}", "time", "clock", typ="time")


def _clock_day(m: re.Match[str], ctx: Context) -> Parsed | None:
    """ "9 a.m. Tuesday", "4 a.m. EDT Thursday": one TIMEX3, the time on the day the words after it name."""
    clock = _patterns()["clock"].fullmatch(m["clock"])
    hhmm = _clock_of(clock) if clock else None
    day = _parse(m["day"], ctx, top=False)
    if hhmm is None or day is None or day.granularity != "day" or day.type != "date":
        return None
    value = f"{day.value}T{hhmm}" if day.value else None
    return _relative(value, "time", f"clock-{day.rule}", typ="time")
