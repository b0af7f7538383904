"""Times stage: finding and normalising time expressions against the publication date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.tokens import Doc

from herald.schema import Time
from herald.stages.s1_times import is_historical, time_for, value_range
from herald.stages.s1_times.normalise import Context, parse

# Publication dates on different weekdays.
TUE = "2024-04-30"  # a Tuesday
FRI = "2024-05-03"  # a Friday
SUN = "2024-05-05"  # a Sunday
MON = "2023-01-02"  # a Monday, early in the year


def times_of(make: Callable[..., Doc], text: str, published: str | None) -> list[Time]:
    return list(make(text, published=published)._.herald_times or [])


def value_of(make: Callable[..., Doc], text: str, published: str | None, expression: str) -> Time:
    found = [t for t in times_of(make, text, published) if t.text == expression]
    assert found, f"{expression!r} not found in {[t.text for t in times_of(make, text, published)]}"
    return found[0]


# --- the rules, one row each (pure normaliser) ---

RULES = [
    # (expression, publication date, future tense?, expected value, rule)
    ("Tuesday", TUE, False, "2024-04-30", "weekday"),  # published on the weekday it names: that day
    ("Monday", TUE, False, "2024-04-29", "weekday"),
    ("Wednesday", TUE, False, "2024-04-24", "weekday"),  # never into the future
    ("Friday", FRI, False, "2024-05-03", "weekday"),
    ("Saturday", SUN, False, "2024-05-04", "weekday"),
    ("Sunday", MON, False, "2023-01-01", "weekday"),  # across a year boundary
    ("Friday", TUE, True, "2024-05-03", "weekday-future"),
    ("Tuesday", TUE, True, "2024-04-30", "weekday-future"),
    ("last Tuesday", TUE, False, "2024-04-23", "weekday-last"),
    ("next Friday", FRI, False, "2024-05-10", "weekday-next"),
    ("yesterday", TUE, False, "2024-04-29", "deictic-yesterday"),
    ("today", SUN, False, "2024-05-05", "deictic-today"),
    ("tomorrow", FRI, False, "2024-05-04", "deictic-tomorrow"),
    ("October 7", TUE, False, "2023-10-07", "month-day"),  # the most recent past one
    ("April 30", TUE, False, "2024-04-30", "month-day"),
    ("October 7", TUE, True, "2024-10-07", "month-day-future"),
    ("7 October", TUE, False, "2023-10-07", "month-day"),
    # News style writes the year of a date outside the current year: none written and a few weeks ahead is
    # this year's, even in a past-tense clause; a recent date of last year stays last year's.
    ("Jan. 5", MON, False, "2023-01-05", "month-day-ahead"),
    ("Dec. 28", MON, False, "2022-12-28", "month-day"),
    ("May 20", TUE, False, "2024-05-20", "month-day-ahead"),
    ("September 1", TUE, False, "2023-09-01", "month-day"),  # four months ahead: last year's
    ("March 11 this year", MON, False, "2023-03-11", "month-day-this-year"),
    ("in March", TUE, False, "2024-03", "month"),  # already past this year
    ("in June", TUE, False, "2023-06", "month"),  # not yet: last year's
    ("in June", TUE, True, "2024-06", "month-future"),  # future tense: the next one
    ("last March", TUE, False, "2024-03", "month-last"),  # the most recent March before this month
    ("last April", TUE, False, "2023-04", "month-last"),
    ("last week", TUE, False, "2024-W17", "last-week"),
    ("this week", SUN, False, "2024-W18", "this-week"),
    ("next month", TUE, False, "2024-05", "next-month"),
    ("this month", MON, False, "2023-01", "this-month"),
    ("last year", MON, False, "2022", "last-year"),
    ("two days ago", TUE, False, "2024-04-28", "ago-day"),
    ("three years ago", TUE, False, "2021", "ago-year"),
    ("the fourth quarter", TUE, False, "2023-Q4", "quarter"),
    ("last summer", TUE, False, "2023-SU", "season-relative"),
    # TimeML: "the past/next N units" is a duration
    ("the past decade", TUE, False, "P10Y", "past-n-decade"),
    ("the past 35 years", TUE, False, "P35Y", "past-n-year"),
    ("the past nine days", TUE, False, "P9D", "past-n-day"),
    ("the next six months", TUE, True, "P6M", "next-n-month"),
    ("the past 24 hours", TUE, False, "PT24H", "past-n-hour"),
    # TimeML: "earlier this year", "late last month": the period is the value
    ("earlier this year", TUE, False, "2024", "vague:earlier this year-before"),
    ("later this month", TUE, True, "2024-04", "vague:later this month-after"),
    ("late last month", TUE, False, "2024-03", "late-last-month"),
    ("early next year", TUE, True, "2025", "early-next-year"),
    ("recently", TUE, False, "2024-01-30/2024-04-30", "vague:recently"),
    ("in recent weeks", TUE, False, "2024-03-19/2024-04-30", "vague:in recent weeks"),
    # absolute expressions
    ("Oct. 7, 2008", TUE, False, "2008-10-07", "full-date"),
    ("Tuesday, September 1, 2015", TUE, False, "2015-09-01", "full-date"),
    ("5 March 2007", TUE, False, "2007-03-05", "full-date"),
    ("2008-10-07", TUE, False, "2008-10-07", "iso-date"),
    ("May 2008", TUE, False, "2008-05", "month-year"),
    ("in 2008", TUE, False, "2008", "year"),
    ("mid-2011", TUE, False, "2011", "year"),
    ("between 2007 and 2012", TUE, False, "2007/2012", "interval"),
    ("2007-12", TUE, False, "2007/2012", "year-range"),
    ("the 1990s", TUE, False, "199X", "decade"),
    ("the '90s", TUE, False, "199X", "decade"),
    ("the 20th century", TUE, False, "19XX", "century"),
    ("the summer of 2012", TUE, False, "2012-SU", "season-year"),
    ("the third quarter of 2009", TUE, False, "2009-Q3", "quarter-year"),
    ("9/11", TUE, False, "2001-09-11", "named-date"),
    # durations, sets, clock times
    ("three years", TUE, False, "P3Y", "duration-year"),
    ("several months", TUE, False, "PXM", "duration-month"),
    ("12-hour", TUE, False, "PT12H", "duration-hour"),
    ("a decade", TUE, False, "P10Y", "duration-decade"),
    ("weekly", TUE, False, "P1W", "set"),
    ("08:30 UTC", TUE, False, "2024-04-30T08:30Z", "clock"),
    ("6:40 p.m.", TUE, False, "2024-04-30T18:40", "clock"),
]


# TimeML types beyond dates: durations, sets, reference points, parts of the day, periods.
TIMEML = [
    # (expression, publication date, expected value, expected type)
    ("two weeks", TUE, "P2W", "duration"),
    ("48 hours", TUE, "PT48H", "duration"),
    ("three days", TUE, "P3D", "duration"),
    ("two hours", TUE, "PT2H", "duration"),
    ("several years", TUE, "PXY", "duration"),
    ("for years", TUE, "PXY", "duration"),
    ("within minutes", TUE, "PTXM", "duration"),
    ("decades-long", TUE, "PXY", "duration"),
    ("two consecutive quarters", TUE, "P2Q", "duration"),
    ("every week", TUE, "P1W", "set"),
    ("each year", TUE, "P1Y", "set"),
    ("every two years", TUE, "P2Y", "set"),
    ("every other day", TUE, "P2D", "set"),
    ("twice a month", TUE, "P1M", "set"),
    ("daily", TUE, "P1D", "set"),
    ("on Mondays", TUE, "XXXX-WXX-1", "set"),
    ("currently", TUE, "PRESENT_REF", "date"),
    ("now", TUE, "PRESENT_REF", "date"),
    ("the past", TUE, "PAST_REF", "date"),
    ("in the future", TUE, "FUTURE_REF", "date"),
    ("the long term", TUE, "FUTURE_REF", "date"),
    ("this morning", TUE, "2024-04-30TMO", "time"),
    ("last night", TUE, "2024-04-29TNI", "time"),
    ("yesterday afternoon", TUE, "2024-04-29TAF", "time"),
    ("Q3 2009", TUE, "2009-Q3", "date"),
    ("the third quarter", TUE, "2023-Q3", "date"),
    ("the fourth quarter of 2008", TUE, "2008-Q4", "date"),
    ("fiscal 2009", TUE, "2009", "date"),
    ("last summer", TUE, "2023-SU", "date"),
    ("the winter of 2010", TUE, "2010-WI", "date"),
    ("the 1990s", TUE, "199X", "date"),
    ("the '70s", TUE, "197X", "date"),
    ("the 70s", TUE, "197X", "date"),
    ("the 19th century", TUE, "18XX", "date"),
    ("the twenty-first century", TUE, "20XX", "date"),
]


@pytest.mark.parametrize(("text", "published", "value", "typ"), TIMEML)
def test_timeml_types(text: str, published: str, value: str, typ: str) -> None:
    parsed = parse(text, Context(date.fromisoformat(published)))
    assert parsed is not None
    assert (parsed.value, parsed.type) == (value, typ)


# Anchoring: TimeML counts "the next day", "two weeks later", "that year" from the date mentioned before.
ANAPHORIC = [
    # (text, publication date, expression, expected value)
    ("The talks began on March 3, 2021. The next day they collapsed.", TUE, "The next day", "2021-03-04"),
    ("The plant opened on June 3, 2019. Two weeks later it closed.", TUE, "Two weeks later", "2019-W25"),
    ("He was elected in 2016. That year the economy grew.", TUE, "That year", "2016"),
    ("The deal was signed on May 1, 2020. A day later it was denied.", TUE, "A day later", "2020-05-02"),
    ("Shops reopened yesterday. The next day banks will too.", TUE, "The next day", "2024-04-30"),
    # No date before it: counted from the publication date.
    ("The next day brought more rain.", TUE, "The next day", "2024-05-01"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), ANAPHORIC)
def test_anaphoric_anchor(
    make: Callable[..., Doc], text: str, published: str, expression: str, value: str
) -> None:
    assert value_of(make, text, published, expression).value == value


# Found in running text (candidates beyond spaCy's DATE entities).
FOUND = [
    # (text, publication date, expression, expected value)
    ("Talks lasted two days before they broke down.", TUE, "two days", "P2D"),
    ("The market has been falling for years.", TUE, "years", "PXY"),
    ("Inspectors visit the site every week.", TUE, "every week", "P1W"),
    ("The board meets twice a year.", TUE, "twice a year", "P1Y"),
    ("Prices are currently rising.", TUE, "currently", "PRESENT_REF"),
    ("Music from the 70s is back.", TUE, "the 70s", "197X"),
    ("Sales fell in the past nine days.", TUE, "the past nine days", "P9D"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), FOUND)
def test_found_in_text(
    make: Callable[..., Doc], text: str, published: str, expression: str, value: str
) -> None:
    assert value_of(make, text, published, expression).value == value


@pytest.mark.parametrize(
    "text",
    [
        "She is in her 70s and lives alone.",
        "The Mondayss were a band.",
        "He sold 1500 tickets.",
        "Each of them has a car.",
    ],
)
def test_no_timeml_extra(make: Callable[..., Doc], text: str) -> None:
    assert [t.text for t in times_of(make, text, TUE)] == []


def test_time_for_skips_reference_points(make: Callable[..., Doc]) -> None:
    doc = make("Troops are now patrolling the town.", published=TUE)
    assert any(t.value == "PRESENT_REF" for t in doc._.herald_times)
    assert time_for(doc, doc[3]) is None  # "now" dates no event


@pytest.mark.parametrize(("text", "published", "future", "value", "rule"), RULES)
def test_rule(text: str, published: str, future: bool, value: str, rule: str) -> None:
    # The rows describe a past-tense story unless marked future (the news convention).
    parsed = parse(text, Context(date.fromisoformat(published), future, past=not future))
    assert parsed is not None
    assert (parsed.value, parsed.rule) == (value, rule)


@pytest.mark.parametrize(
    "text",
    [
        "33 years old",
        "a 33-year-old man",
        "42",
        "3-1",
        "1,500",
        "the day",
        "a second",
        "about a quarter",
        "the 70",
        "every",
        "Mondayss",
    ],
)
def test_rule_rejects(text: str) -> None:
    assert parse(text, Context(date(2024, 4, 30))) is None


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("Tuesday", True),
        ("yesterday", True),
        ("October 7", True),
        ("last week", True),
        ("recently", True),
        ("2008", False),
        ("May 2008", False),
        ("Oct. 7, 2008", False),
    ],
)
def test_without_publication_date(text: str, relative: bool) -> None:
    parsed = parse(text, Context(None))
    assert parsed is not None
    assert parsed.relative is relative
    assert (parsed.value is None) is relative


# --- end to end through the pipeline ---

PIPELINE = [
    # (text, published, expression, expected value)
    ("China said Tuesday it would respond.", TUE, "Tuesday", "2024-04-30"),
    ("China said Tuesday it would respond.", FRI, "Tuesday", "2024-04-30"),
    ("The talks ended on Saturday.", SUN, "Saturday", "2024-05-04"),
    ("The minister will visit Paris on Friday.", TUE, "Friday", "2024-05-03"),
    ("The minister is due to visit Paris on Friday.", TUE, "Friday", "2024-05-03"),
    ("The minister visited Paris on Friday.", TUE, "Friday", "2024-04-26"),
    ("The leaders will meet on October 7.", TUE, "October 7", "2024-10-07"),
    ("The leaders met on October 7.", TUE, "October 7", "2023-10-07"),
    ("Troops withdrew in March.", TUE, "March", "2024-03"),
    ("Troops withdrew in June.", TUE, "June", "2023-06"),
    ("Prices rose earlier this year.", TUE, "earlier this year", "2024"),
    ("The economy grew between 2007 and 2012.", TUE, "2012", "2012"),  # TimeML: each end its own TIMEX3
    (
        "Rebels seized the town in 2015. Since then the army has retreated.",
        TUE,
        "Since then",
        "2015/2024-04-30",
    ),
    ("The 9/11 attacks changed everything.", TUE, "9/11", "2001-09-11"),
    ("The festival took place this weekend.", TUE, "this weekend", "2024-W17-WE"),
    ("Sit-down strikes began in the 1930's.", TUE, "1930's", "193X"),
]


MAR5 = "2025-03-05"  # a Wednesday in early March

# Prospective cues: an infinitive after a plan/agreement, a limit preposition, a deadline (docs/times.md).
PROSPECTIVE = [
    # (text, published, expression, expected value)
    (
        "Kenya and Ethiopia signed an agreement to reopen the crossing to traffic from April 1.",
        MAR5,
        "April 1",
        "2025-04-01",
    ),
    (
        "Israel agreed to reopen the crossing to commercial traffic from April 1.",
        MAR5,
        "April 1",
        "2025-04-01",
    ),
    ("Officials said talks will resume by March 25.", MAR5, "March 25", "2025-03-25"),
    ("Hamas rejected the deadline of March 25.", MAR5, "March 25", "2025-03-25"),
    ("The government plans to hold elections on May 3.", MAR5, "May 3", "2025-05-03"),
    ("The union threatened on Monday to call a strike from April 7.", MAR5, "April 7", "2025-04-07"),
    ("Both sides will stop fighting from midnight on March 25.", MAR5, "March 25", "2025-03-25"),
    ("The agency would need more funding to continue deliveries beyond April.", MAR5, "April", "2025-04"),
    ("The government agreed to pay arrears in instalments starting in May.", MAR5, "May", "2025-05"),
    ("The crossing is open until April 1.", MAR5, "April 1", "2025-04-01"),
    ("The payment is due on April 15.", MAR5, "April 15", "2025-04-15"),
    ("The ceasefire was extended until April 1.", MAR5, "April 1", "2025-04-01"),
    # nothing changes: reporting verbs, past-tense verbs, past limits
    ("The minister said on March 2 that the border was closed.", MAR5, "March 2", "2025-03-02"),
    ("Troops withdrew from the town on April 20.", MAR5, "April 20", "2024-04-20"),
    ("The leaders met on October 7.", MAR5, "October 7", "2024-10-07"),
    ("The crossing was closed until February 10.", MAR5, "February 10", "2025-02-10"),
    ("The protests had spread to ten cities by Saturday.", "2025-03-09", "Saturday", "2025-03-08"),
    ("The two sides on Tuesday agreed to resume talks.", MAR5, "Tuesday", "2025-03-04"),
    ("Rebels traveled to the capital to meet officials on Monday.", MAR5, "Monday", "2025-03-03"),
    ("Prisoners released on Monday will return home.", MAR5, "Monday", "2025-03-03"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), PROSPECTIVE)
def test_prospective(
    make: Callable[..., Doc], text: str, published: str, expression: str, value: str
) -> None:
    assert value_of(make, text, published, expression).value == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), PIPELINE)
def test_pipeline(make: Callable[..., Doc], text: str, published: str, expression: str, value: str) -> None:
    assert value_of(make, text, published, expression).value == value


@pytest.mark.parametrize(
    ("text", "not_a_time"),
    [
        ("Theresa May said the deal was done.", "May"),
        ("Thousands joined the March for Life in Washington.", "March"),
        ("A 33-year-old man was arrested.", "33-year-old"),
        ("The man, 33 years old, was arrested.", "33 years old"),
        ("Arsenal won 3-1 against Chelsea.", "3-1"),
        ("The survey covered 1709 schoolchildren.", "1709"),
        ("Local 1520 of the union voted to strike.", "1520"),
        ("Shares fell on Black Monday.", "Monday"),
        ("He lives at 1600 Pennsylvania Avenue.", "1600"),
    ],
)
def test_not_times(make: Callable[..., Doc], text: str, not_a_time: str) -> None:
    assert not any(not_a_time in t.text for t in times_of(make, text, TUE))


def test_no_publication_date(make: Callable[..., Doc]) -> None:
    times = times_of(make, "Police said Tuesday that the attack of March 5, 2019 was planned.", None)
    by_text = {t.text: t for t in times}
    assert by_text["Tuesday"].value is None
    assert by_text["Tuesday"].anchor == "none"
    assert by_text["March 5, 2019"].value == "2019-03-05"
    assert by_text["March 5, 2019"].anchor == "absolute"


def test_records_are_well_formed(make: Callable[..., Doc]) -> None:
    text = "On Monday, a week after the vote of May 2, 2024, officials said talks would resume next month."
    doc = make(text, published=FRI)
    times = doc._.herald_times
    assert [t.id for t in times] == [f"t{i + 1}" for i in range(len(times))]
    for t in times:
        assert doc.text[t.start : t.end] == t.text
        assert t.rule


# --- helpers for the events stage ---


def test_time_for_attached_verb(make: Callable[..., Doc]) -> None:
    doc = make("Police said on Tuesday that rebels attacked the town in 2008.", published=FRI)
    said = next(t for t in doc if t.text == "said")
    attacked = next(t for t in doc if t.text == "attacked")
    t_said, t_attacked = time_for(doc, said), time_for(doc, attacked)
    assert t_said is not None and t_said.text == "Tuesday"
    assert t_attacked is not None and t_attacked.text == "2008"


def test_time_for_none(make: Callable[..., Doc]) -> None:
    doc = make("Rebels attacked the town. Police arrived on Tuesday.", published=FRI)
    attacked = next(t for t in doc if t.text == "attacked")
    assert time_for(doc, attacked) is None


@pytest.mark.parametrize(
    ("value", "published", "expected"),
    [
        ("2008", "2024-04-30", True),
        ("2024-04-29", "2024-04-30", False),
        ("2024-03-01", "2024-04-30", True),
        ("2024-04", "2024-04-30", False),
        ("2024-01-30/2024-04-30", "2024-04-30", False),
        ("P3Y", "2024-04-30", False),
        (None, "2024-04-30", False),
        ("2008", None, False),
    ],
)
def test_is_historical(value: str | None, published: str | None, expected: bool) -> None:
    t = Time(id="t1", text="x", start=0, end=1, value=value, type="duration" if value == "P3Y" else "date")
    pub = date.fromisoformat(published) if published else None
    assert is_historical(t, pub) is expected


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024-W18", "2024-04-29", "2024-05-05"),
        ("2024-W18-WE", "2024-05-04", "2024-05-05"),
        ("2023-Q4", "2023-10-01", "2023-12-31"),
        ("199X", "1990-01-01", "1999-12-31"),
        ("19XX", "1900-01-01", "1999-12-31"),
        ("2023-WI", "2023-12-01", "2024-02-29"),
        ("2007/2012", "2007-01-01", "2012-12-31"),
    ],
)
def test_value_range(value: str, first: str, last: str) -> None:
    assert value_range(value) == (date.fromisoformat(first), date.fromisoformat(last))
