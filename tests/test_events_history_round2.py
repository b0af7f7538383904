"""The historical flag, round 2 (issue 10): background told by an adverbial ("historically", "once", "at the
time", "earlier this year"), a simple past over months or years (a period now over), a year before the news
era in a story with no publication date; and the other direction, one recent act in a present-perfect
relative clause ("Britain, which has accused Russia") is news. Rows are (text, expected events as "TYPE" plus
"H" when historical)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from herald.stages.s5_events.extract import extract_events

PUB = "2016-12-20"
Make = Callable[..., Doc]

DATED = [
    # adverbials that tell the act as background
    ("Historically, the chiefs defended their rights to land.", ["SUPPORTH"]),
    ("The rebels once ruled the town and executed dozens of civilians.", ["ASSAULTH"]),
    ("At the time, the ministry accused the rebels of treason.", ["ACCUSEH"]),
    ("Back then, the army arrested hundreds of students.", ["COERCEH"]),
    ("The mayor capitulated in his battle with Uber earlier this year.", ["CONCEDEH"]),
    ("Senators voted last year to insist on sanctions.", ["REQUESTH"]),
    # a present perfect summing up acts over the years; a simple past over months or years: a period now over
    ("The two leaders have met over the years in the lobby.", ["CONSULTH"]),
    ("The two leaders have met twice this week.", ["CONSULT"]),
    ("For months, the opposition leader was barred from the capital.", ["REJECTH"]),
    ("For years, the regime jailed dissidents without trial.", ["COERCEH"]),
    # ... not a counted term (a sentence, a detention), an activity still going on, a condition, "at once"
    ("A court jailed the opposition leader for ten years.", ["COERCE"]),
    ("Police detained the activists for two months.", ["COERCE"]),
    ("The opposition leader has been barred from the capital for months.", ["REJECT"]),
    ("Police at once arrested the gunman.", ["COERCE"]),
    ("Once the deal is signed, the army will withdraw.", ["CONCEDE"]),
    ("At the time of writing, police had arrested 40 protesters.", ["COERCE"]),
    (
        "The army attacked the town on Monday, the latest clash in a conflict that has lasted for years.",
        ["ASSAULT"],
    ),
    ("Police arrested 12 protesters in the capital on Monday.", ["COERCE"]),
    # a background cue inside a clause of the adverbial, or beside the event's own date, is not the event's
    (
        "A court on Friday sentenced five men to life imprisonment for their role in a case where five "
        "people died two years ago.",
        ["SANCTION"],
    ),
    ("The court sentenced five men to life for a case where five people died years ago.", ["SANCTION"]),
    # past perfect stepping back from the news, outside reported speech and after the lede
    (
        "Police arrested 40 people on Monday. They said troops had shelled the town. The regime had jailed "
        "the opposition leader.",
        ["COERCE", "ASSAULT", "COERCEH"],
    ),
    (
        "Police arrested 40 people on Monday. Police had arrested the men before the rally began.",
        ["COERCE", "COERCE"],
    ),
    # one recent act in a present-perfect relative clause is news; a record of acts is not
    ("Protesters met Britain, which has accused Russia of poisoning a former spy.", ["CONSULT", "ACCUSE"]),
    ("Senator Ted Cruz, who has blasted Donald Trump, spoke in Iowa on Monday.", ["ACCUSE"]),
    ("Iran, which has condemned the sanctions, expelled two diplomats on Monday.", ["ACCUSE", "SANCTION"]),
    ("Troops attacked al-Shabaab, which has killed hundreds in recent years.", ["ASSAULT", "ASSAULTH"]),
    ("Reporters criticized the senator, who has repeatedly attacked the press.", ["ACCUSE", "ASSAULTH"]),
]

# No publication date: a year before the news era is background even when it is the only date given.
UNDATED = [
    ("Gavrilo Princip assassinated Archduke Franz Ferdinand in June 1914.", ["ASSAULTH"]),
    ("Police arrested 20 protesters in March 1994.", ["COERCE"]),
    ("Police arrested 20 protesters on Tuesday.", ["COERCE"]),
    # a year known only from a release number dates the story to that year, not to its last day: the
    # dateline's month without a year is the story's own, not background
    (
        "Release 2011-02-S-129. KABUL, Afghanistan (Feb. 18) - Coalition forces killed 30 insurgents "
        "in Kunar. Afghan forces also detained two suspects.",
        ["ASSAULT", "COERCE"],
    ),
]


def _coded(doc: Doc) -> list[str]:
    return [e.type + ("H" if e.historical else "") for e in extract_events(doc)]


@pytest.mark.parametrize(("text", "expected"), DATED)
def test_background_told_by_the_clause(make: Make, text: str, expected: list[str]) -> None:
    doc = make(text, published=PUB)
    assert _coded(doc) == expected, [(e.type, e.rule) for e in extract_events(doc)]


@pytest.mark.parametrize(("text", "expected"), UNDATED)
def test_early_year_without_publication_date(make: Make, text: str, expected: list[str]) -> None:
    doc = make(text)
    assert _coded(doc) == expected, [(e.type, e.rule) for e in extract_events(doc)]
