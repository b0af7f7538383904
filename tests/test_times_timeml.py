"""Times stage, TimeML/TIMEX3 conventions (TimeML 1.2.1 annotation guidelines): mod, parts of the day, the
same period a year earlier, anchors, and texts where no time must be found."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from herald.schema import Time
from herald.stages.s1_times.normalise import Context, mod_of, parse
from herald.stages.s1_times.values import granularity_of, shift_value

TUE = "2024-04-30"  # a Tuesday, in the second quarter
OCT = "2009-10-27"  # a Tuesday, in the fourth quarter (third-quarter results season)


def times_of(make: Callable[..., Doc], text: str, published: str | None) -> list[Time]:
    return list(make(text, published=published)._.herald_times or [])


def found(make: Callable[..., Doc], text: str, published: str, expression: str) -> Time:
    hits = [t for t in times_of(make, text, published) if t.text == expression]
    assert hits, f"{expression!r} not found in {[t.text for t in times_of(make, text, published)]}"
    return hits[0]


# --- mod: the part of a period or a bound, from the expression's words or those just before it ---

MODS = [
    # (expression, words before, words after, duration?, expected mod)
    ("early 2009", "", "", False, "START"),
    ("the beginning of October", "", "", False, "START"),
    ("earlier this year", "", "", False, "START"),
    ("the mid-1990s", "", "", False, "MID"),
    ("mid-November", "", "", False, "MID"),
    ("late last month", "", "", False, "END"),
    ("the end of 1990", "", "", False, "END"),
    ("three years", "about", "", True, "APPROX"),
    ("7:15 p.m.", "around", "", False, "APPROX"),
    ("a week", "more than", "", True, "MORE_THAN"),
    ("a week", "over", "", True, "MORE_THAN"),
    ("an hour", "less than", "", True, "LESS_THAN"),
    ("two months", "nearly", "", True, "LESS_THAN"),
    ("72 hours", "at least", "", True, "EQUAL_OR_MORE"),
    ("180 days", "up to", "", True, "EQUAL_OR_LESS"),
    ("1994", "", "or later", False, "ON_OR_AFTER"),
    ("a week", "", "or so ago", False, "APPROX"),
    # no mod
    ("2009", "", "", False, None),
    ("the weekend", "over", "", False, None),  # "over" is a preposition before a date, not a bound
    ("three years", "for", "", True, None),
    ("Tuesday", "on", "", False, None),
]


@pytest.mark.parametrize(("text", "before", "after", "duration", "mod"), MODS)
def test_mod(text: str, before: str, after: str, duration: bool, mod: str | None) -> None:
    assert mod_of(text, before, after, duration=duration) == mod


MOD_IN_TEXT = [
    # (text, expression, mod)
    ("The plant closed in early 2009.", "early 2009", "START"),
    ("Talks lasted about three years.", "three years", "APPROX"),
    ("The siege lasted more than a week.", "more than a week", "MORE_THAN"),
    ("Prices rose in late March.", "late March", "END"),
    ("Prices rose in March.", "March", None),
]


@pytest.mark.parametrize(("text", "expression", "mod"), MOD_IN_TEXT)
def test_mod_in_text(make: Callable[..., Doc], text: str, expression: str, mod: str | None) -> None:
    assert found(make, text, TUE, expression).mod == mod


# --- values ---

RULES = [
    # (expression, publication date, future?, expected value, expected type)
    ("Tuesday morning", TUE, False, "2024-04-30TMO", "time"),
    ("Monday night", TUE, False, "2024-04-29TNI", "time"),
    ("Friday afternoon", TUE, True, "2024-05-03TAF", "time"),
    ("early Tuesday", TUE, False, "2024-04-30", "date"),
    ("late yesterday", TUE, False, "2024-04-29", "date"),
    ("earlier Monday", TUE, False, "2024-04-29", "date"),
    ("several years ago", TUE, False, "PAST_REF", "date"),  # no count: the past, not a year
    ("a few weeks ago", TUE, False, "PAST_REF", "date"),
    ("Saturday, April 25", "1998-04-24", False, "1998-04-25", "date"),  # the year where the weekday fits
    ("Friday, May 3", TUE, False, "2024-05-03", "date"),
    ("Sept. 30, 2009", TUE, False, "2009-09-30", "date"),
    ("the 1988 third quarter", TUE, False, "1988-Q3", "date"),
    ("the fiscal second quarter", TUE, False, "2024-Q2", "date"),  # the current one
    ("the third quarter", OCT, True, "2009-Q3", "date"),  # "will report third-quarter results" in October
    ("the first quarter", OCT, True, "2010-Q1", "date"),
    ("the start of the day", TUE, False, "2024-04-30", "date"),  # the period; START is its mod
    ("the end of the month", TUE, False, "2024-04", "date"),
    ("the end of the year", TUE, False, "2024", "date"),
    ("this past spring", OCT, False, "2009-SP", "date"),
    ("the summer", OCT, False, "2009-SU", "date"),  # begun by publication: this year's
    ("the spring", OCT, True, "2010-SP", "date"),
]


@pytest.mark.parametrize(("text", "published", "future", "value", "typ"), RULES)
def test_value(text: str, published: str, future: bool, value: str, typ: str) -> None:
    parsed = parse(text, Context(date.fromisoformat(published), future, past=not future))
    assert parsed is not None
    assert (parsed.value, parsed.type) == (value, typ)


@pytest.mark.parametrize("text", ["soon", "the quarter", "year-earlier"])
def test_needs_an_anchor_or_is_not_a_time(text: str) -> None:
    """ "soon" is left out (TimeML corpora mostly leave it unannotated); "the quarter" and "year-earlier"
    resolve only against a period mentioned before them."""
    parsed = parse(text, Context(None))
    assert parsed is None or parsed.value is None


# --- the same period a year earlier (TimeML keeps the anchor's granularity) ---

SAME_PERIOD = [
    # (text, publication date, expression, expected value)
    (
        "Third-quarter profit rose to $5 million from $3 million a year ago.",
        OCT,
        "a year ago",
        "2008-Q3",
    ),
    (
        "Net income in the third quarter rose 5% from the year-earlier quarter.",
        OCT,
        "the year-earlier quarter",
        "2008-Q3",
    ),
    (
        "Profit for the quarter ended Sept. 30, 2009, fell from $2 million a year earlier.",
        OCT,
        "a year earlier",
        "2008-09-30",
    ),
    (
        "Profit rose in the third quarter. A year earlier, it had fallen. In the quarter, sales rose.",
        OCT,
        "the quarter",
        "2009-Q3",  # the comparison does not become the story's reference time
    ),
    ("He was elected in 1992 and re-elected four years later.", OCT, "four years later", "1996"),
    ("The bank failed a year ago.", OCT, "a year ago", "2008"),  # no period before it: the year
    ("The plant opened in March 2005. A year later it closed.", OCT, "A year later", "2006-03"),
    ("On October 10, 2008, shares fell at the start of the day.", OCT, "the start of the day", "2008-10-10"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), SAME_PERIOD)
def test_same_period(
    make: Callable[..., Doc], text: str, published: str, expression: str, value: str
) -> None:
    assert found(make, text, published, expression).value == value


@pytest.mark.parametrize(
    ("value", "unit", "n", "moved"),
    [
        ("2009-Q3", "year", -1, "2008-Q3"),
        ("2008-02-29", "year", 1, "2009-02-28"),
        ("2009-11", "month", 3, "2010-02"),
        ("2009-SU", "year", -2, "2007-SU"),
        ("2009", "year", -1, "2008"),
        ("2009", "month", -1, None),  # a month cannot be counted from a year
        ("2009-W14", "year", -1, None),
    ],
)
def test_shift_value(value: str, unit: str, n: int, moved: str | None) -> None:
    assert shift_value(value, unit, n) == moved
    if moved is not None:
        assert granularity_of(moved) == granularity_of(value)


# --- found in running text, and texts where no time must be found ---

FOUND = [
    ("The deal was struck on Tuesday morning.", TUE, "Tuesday morning", "2024-04-30TMO"),
    ("Early Tuesday, police said two men were held.", TUE, "Early Tuesday", "2024-04-30"),
    ("Several years ago the plant closed.", TUE, "Several years ago", "PAST_REF"),
    ("The game is on Saturday, April 25.", "1998-04-24", "Saturday, April 25", "1998-04-25"),
]


# --- reference times: news-style years, clock times with their day, periods ended on a date, the day spoken
# of (each row: text, publication date, expression, expected value) ---

MON_OCT = "1989-10-30"  # a Monday
THU_OCT = "1989-10-26"
ANCHORED = [
    # News style writes the year of a date outside the current year: none written, a few weeks ahead, and
    # not the date of the clause's own past event -> this year's.
    ("The company declared a dividend payable Dec. 1.", "1989-10-27", "Dec. 1", "1989-12-01"),
    ("The offer was extended to Nov. 16.", MON_OCT, "Nov. 16", "1989-11-16"),
    ("Troops withdrew from the town on Dec. 1.", MON_OCT, "Dec. 1", "1988-12-01"),  # the event's own date
    ("He resigned on Dec. 28.", "2023-01-03", "Dec. 28", "2022-12-28"),
    # a present or future passive is not a past clause: the closest occurrence
    ("The closing is expected in December.", "1989-11-02", "December", "1989-12"),
    ("The man was arrested in December.", "1989-11-02", "December", "1988-12"),
    # a clock time and the day after it are one TIMEX3; "until" keeps a weekday ahead
    ("The relatives have until 9 a.m. Tuesday to sign.", "2000-04-03", "9 a.m. Tuesday", "2000-04-04T09:00"),
    ("He will leave at 4 a.m. EDT Thursday.", "2000-04-03", "4 a.m. EDT Thursday", "2000-04-06T04:00"),
    ("The vote was postponed until Tuesday.", "2000-04-03", "Tuesday", "2000-04-04"),
    ("The virus had spread to ten cities by Tuesday.", "2000-04-03", "Tuesday", "2000-03-28"),
    # the weekend just gone, or the next one in a future clause
    ("Over the weekend, lawyers for the family met.", MON_OCT, "the weekend", "1989-W43-WE"),
    ("The lawyers will meet over the weekend.", "1989-10-31", "the weekend", "1989-W44-WE"),
    # a period ended on a date: the year is a duration (TimeML P1Y), the quarter the three months before it
    ("For the year ended July 2, Rally had net income of $2 million.", THU_OCT, "the year", "P1Y"),
    ("It expects a loss for the fiscal year ending June 30, 1990.", THU_OCT, "the fiscal year", "P1Y"),
    ("For the quarter ended Sept. 30, Delta posted a profit.", THU_OCT, "the quarter", "1989-Q3"),
    ("Sales rose in the quarter ended July 31.", THU_OCT, "the quarter", "1989-Q2"),
    (
        "Profit rose in the third quarter. The latest period included a gain.",
        THU_OCT,
        "The latest period",
        "1989-Q3",
    ),
    # the day spoken of, else the publication day
    (
        "Trading was suspended for a second consecutive day.",
        "2008-09-17",
        "a second consecutive day",
        "2008-09-17",
    ),
    (
        "The stock rose on Tuesday before declining later in the day.",
        "2010-03-03",
        "later in the day",
        "2010-03-02",
    ),
    # a month and year before a noun is a date ("the March for Life" is not)
    ("He was charged in the January 1998 bombing.", "1999-05-06", "January 1998", "1998-01"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), FOUND + ANCHORED)
def test_found(make: Callable[..., Doc], text: str, published: str, expression: str, value: str) -> None:
    assert found(make, text, published, expression).value == value


@pytest.mark.parametrize(
    "text",
    [
        "It will be over soon.",
        "He took the quarter of the city held by rebels.",
        "In the quarter, the market is busy.",  # "the quarter" with no quarter before it
        "About a quarter of voters stayed home.",
        "The Sept. issue sold out.",
        "The fall of the wall was swift.",
        "At the end of the day, voters want jobs.",
        "It was the year of the dragon.",  # "the year" without "ended"
        "She moved to the day shift.",  # "the day" without "later in"
        "The team won its second straight game.",
        "The weekday timetable changed.",
        "The store opens at nine.",
    ],
)
def test_no_time(make: Callable[..., Doc], text: str) -> None:
    assert [t.text for t in times_of(make, text, TUE)] == []


# --- intervals: TimeML annotates each end as its own TIMEX3 ---

INTERVALS = [
    # (text, publication date, expected (text, value) pairs)
    ("Between 1994 and 1997 he ruled.", TUE, [("1994", "1994"), ("1997", "1997")]),
    (
        "The show runs from Aug. 26 to Oct. 20.",
        "2013-03-22",
        [("Aug. 26", "2013-08-26"), ("Oct. 20", "2013-10-20")],
    ),
    ("The war of 2007-12 ended.", TUE, [("2007-12", "2007/2012")]),  # one token: one interval
]


@pytest.mark.parametrize(("text", "published", "expected"), INTERVALS)
def test_interval_ends(
    make: Callable[..., Doc], text: str, published: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in times_of(make, text, published)] == expected


# --- a date without a year in a clause with neither a past nor a future verb: its closest occurrence ---

UNDETERMINED = [
    # (expression, publication date, expected value)
    ("Jan. 24", "2000-01-13", "2000-01-24"),  # eleven days ahead, not a year back
    ("December 7", TUE, "2023-12-07"),  # nearer back than ahead
    ("October 7", TUE, "2024-10-07"),  # nearer ahead than back
    ("in May", "2000-03-29", "2000-05"),
    ("in January", TUE, "2024-01"),
]


@pytest.mark.parametrize(("text", "published", "value"), UNDETERMINED)
def test_undetermined_tense_nearest(text: str, published: str, value: str) -> None:
    parsed = parse(text, Context(date.fromisoformat(published)))
    assert parsed is not None
    assert parsed.value == value


# --- fourth pass: holidays, sets of named days, clock words, halves, the week of a date, the year spoken of,
# and the day spoken of as the anchor of day anaphors (text, publication date, expression, expected value) ---

NAMED_AND_COUNTED = [
    # holidays: the last one before publication in a past clause, the next in a future one, as written
    (
        "Elian was found Thanksgiving Day clinging to an inner tube.",
        "2000-01-07",
        "Thanksgiving Day",
        "1999-11-25",
    ),
    ("He was rescued at sea last Thanksgiving.", "2000-02-10", "last Thanksgiving", "1999-11-25"),
    ("The campaign will run until Election Day.", "1998-10-26", "Election Day", "1998-11-03"),
    ("Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "2000-W16"),
    ("The shops will close on Christmas Day.", "2024-12-02", "Christmas Day", "2024-12-25"),
    ("Sales fell after Christmas 2010.", TUE, "Christmas 2010", "2010-12-25"),
    ("The parade was held on Memorial Day.", "2024-06-03", "Memorial Day", "2024-05-27"),
    ("Good Friday fell early that year.", "2024-04-02", "Good Friday", "2024-03-29"),
    # sets of named days and months (TimeML XXXX-WXX-4, XXXX-07)
    ("Flights leave Sydney each Thursday.", "1998-02-13", "each Thursday", "XXXX-WXX-4"),
    ("The fair opens every July.", "1998-02-13", "every July", "XXXX-07"),
    # clock words with their day
    ("Iraq must withdraw, starting at noon Saturday.", "1991-02-12", "noon Saturday", "1991-02-16T12:00"),
    ("The strike will end at midnight Friday.", "1989-10-24", "midnight Friday", "1989-10-27T24:00"),
    # halves of a unit in the next smaller one; a count left open after "the next few"
    ("Rescuers searched for 5 1/2 hours.", TUE, "5 1/2 hours", "PT5H30M"),
    ("He served two and a half years in prison.", TUE, "two and a half years", "P2Y6M"),
    ("The talks lasted a year and a half.", TUE, "a year and a half", "P1Y6M"),
    ("Storms will continue over the next few days.", "1998-01-11", "the next few days", "PXD"),
    # the week of a date; "current"/"fiscal" periods; a year before "quarter" is the quarter spoken of
    ("Orders rose in the week of March 6.", "2000-03-20", "the week of March 6", "2000-W10"),
    ("It expects sales in the current fiscal year to rise.", "1989-11-02", "the current fiscal year", "1989"),
    ("Revenue rose in the current quarter.", "1989-10-26", "the current quarter", "1989-Q4"),
    ("Sales fell in fiscal 1989.", "1989-11-02", "fiscal 1989", "1989"),
    (
        "Profit rose in the third quarter. In the 1988 quarter it fell.",
        THU_OCT,
        "the 1988 quarter",
        "1988-Q3",
    ),
    # "the following Monday", "the previous Friday": from the day spoken of
    (
        "The index fell on Oct. 13. It rose from the previous Friday.",
        "1989-10-30",
        "the previous Friday",
        "1989-10-06",
    ),
    (
        "I went on Saturday, March 3. I went back the next Tuesday.",
        "2007-03-05",
        "the next Tuesday",
        "2007-03-06",
    ),
    # trading/business days; "barely a month"
    ("The index fell for eight trading days.", THU_OCT, "eight trading days", "P8D"),
    ("Refunds take 10 business days.", THU_OCT, "10 business days", "P10D"),
    ("The move came barely a month after the crash.", THU_OCT, "barely a month", "P1M"),
    # years as broadcast transcripts spell them
    ("He was born in nineteen seventy-nine.", TUE, "nineteen seventy-nine", "1979"),
    ("They left in January nineteen ninety-seven.", TUE, "January nineteen ninety-seven", "1997-01"),
    ("The plan runs to the year two thousand.", "1998-03-03", "the year two thousand", "2000"),
    # halves of a year (TimeML 2009-H1); adjectival quarters
    ("Profit fell in the first half of 2009.", "2009-08-10", "the first half of 2009", "2009-H1"),
    (
        "Sales will rise in the second half of the year.",
        "2009-08-10",
        "the second half of the year",
        "2009-H2",
    ),
    ("Fourth-quarter profit rose 5%.", "1990-02-01", "Fourth-quarter", "1989-Q4"),
    # "for the year": the year spoken of, else the publication year
    ("Profit rose in the third quarter. For the year, it expects a loss.", THU_OCT, "the year", "1989"),
    ("Sales for the full year fell 3%.", THU_OCT, "the full year", "1989"),
    # day anaphors count from the last day spoken of, not a month mentioned in between
    (
        "Ford said on Tuesday that sales rose in February. The stock fell later in the day.",
        "2010-03-03",
        "later in the day",
        "2010-03-02",
    ),
    (
        "On Oct. 23 police came. Earlier that day, a bomb exploded.",
        "1999-10-25",
        "Earlier that day",
        "1999-10-23",
    ),
    (
        "Talks began on Monday and in March. The next day they broke off.",
        "2024-04-30",
        "The next day",
        "2024-04-30",
    ),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), NAMED_AND_COUNTED)
def test_named_and_counted(
    make: Callable[..., Doc], text: str, published: str, expression: str, value: str
) -> None:
    assert found(make, text, published, expression).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Christmas Island lies in the Indian Ocean.",  # a place named after a holiday
        "The Christmas tree stood in the square.",  # a holiday as the modifier of a thing
        "Easter eggs were sold out.",
        "The poster showed Gary Cooper in High Noon.",  # a title, not a time of day
        "It was the year of the pig.",
        "She was named person of the year.",
        "Each ant was dipped in the solution.",  # "each" without a day or month
        "Independence Day Parade organisers met.",
        "They celebrated Canada's Thanksgiving.",  # a holiday of another country: not the US date
        "He ate the first half of the cake.",
        "Nineteen people died and two thousand fled.",  # counts, not spelled years
    ],
)
def test_no_time_named(make: Callable[..., Doc], text: str) -> None:
    assert [t.text for t in times_of(make, text, TUE)] == []
