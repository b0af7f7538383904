"""Statements whose speaker is given by layout or by a preceding phrase (issue 10, quotes2): interview turns
("PENCE: ...", "Q: ... / A: ...", ``"CLINTON: ...`` one mark per paragraph), "X provided the following
statement:" blocks, a title given before the name as a separate phrase, and "he added" after a person named
in another role — with texts where no speaker or no statement must be given."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald.schema import Extraction

Extract = Callable[..., Extraction]
PUBLISHED = "2016-10-01"


def _name(x: Extraction, ident: str | None) -> str | None:
    return next((a.name for a in x.actors if a.id == ident), None)


def _turns(x: Extraction) -> list[tuple[str | None, str, str | None]]:
    return [
        (s.speaker_text, s.content.text, _name(x, s.speaker))
        for s in x.statements
        if (s.rule or "").startswith("transcript-turn")
    ]


# A transcript printed as one quotation over paragraphs, each opening with a mark (PolNeAR's Breitbart style).
QUOTED_TRANSCRIPT = (
    "Pence defends debate plans\n\n"
    "On Fox News Sunday, Gov. Mike Pence said the campaign would focus on the issues.\n\n"
    "Partial transcript as follows:\n\n"
    '"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n'
    '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
    '"(CROSSTALK.)\n\n'
    '"WALLACE: Do you really see those two as equivalent, Governor?\n\n'
    '"PENCE: Mark Cuban has been out there saying some pretty tough stuff about my running mate.\n\n'
    '"But the truth is that Donald Trump has a unique way of communicating to the American people.\n\n'
    '"WALLACE: Governor, I want to try to get one more question in.\n\n'
    '"PENCE: And that is why Donald Trump is on his way to the White House.\n\n'
    '"Follow Pam Key on Twitter."'
)

# (text, [(speaker text, content, speaker actor name or None)]) — every turn its own statement
TURNS = [
    (
        QUOTED_TRANSCRIPT,
        [
            ("WALLACE", "Will Gennifer Flowers be at the debate tomorrow night?", "WALLACE"),
            ("PENCE", "Gennifer Flowers will not be attending the debate tomorrow night.", "Mike Pence"),
            ("WALLACE", "Do you really see those two as equivalent, Governor?", "WALLACE"),
            (
                "PENCE",
                "Mark Cuban has been out there saying some pretty tough stuff about my running mate.",
                "Mike Pence",
            ),
            (
                "PENCE",
                "But the truth is that Donald Trump has a unique way of communicating to the American "
                "people.",
                "Mike Pence",
            ),
            ("WALLACE", "Governor, I want to try to get one more question in.", "WALLACE"),
            ("PENCE", "And that is why Donald Trump is on his way to the White House.", "Mike Pence"),
        ],
    ),
    (
        "Clinton and Trump trade barbs\n\n"
        "The candidates clashed again on Monday.\n\n"
        '"CLINTON: We condemn the attacks on the embassy and we will not stand for it.\n\n'
        'TRUMP: She is a liar and everyone knows it."',
        [
            # the label names the person of the headline
            ("CLINTON", "We condemn the attacks on the embassy and we will not stand for it.", "Clinton"),
            ("TRUMP", "She is a liar and everyone knows it.", "Donald Trump"),
        ],
    ),
    (
        "An interview with the minister\n\n"
        "Foreign Minister Sergei Lavrov spoke to reporters in Moscow on Tuesday.\n\n"
        "Q: Will Russia send more troops to the border?\n\n"
        "A: We have no plans to send troops and we will keep our promise to the region.",
        [
            ("Q", "Will Russia send more troops to the border?", None),
            (
                "A",
                "We have no plans to send troops and we will keep our promise to the region.",
                "Sergey Lavrov",
            ),
        ],
    ),
    (
        "The interview\n\nQ: Will the government raise taxes next year?\n\n"
        "A: We will not raise taxes before the election.",
        [
            ("Q", "Will the government raise taxes next year?", None),
            ("A", "We will not raise taxes before the election.", None),  # no one was reported speaking
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TURNS)
def test_turns(extract: Extract, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    x = extract(text, published=PUBLISHED)
    got = _turns(x)
    assert got == expected, got
    # a quotation never runs across turns: no other statement covers two turns' words
    spans = [(s.content.start, s.content.end) for s in x.statements]
    turns = [
        (s.content.start, s.content.end) for s in x.statements if (s.rule or "").startswith("transcript")
    ]
    for lo, hi in spans:
        assert sum(lo <= a and b <= hi for a, b in turns) <= 1, (lo, hi)


# Layout that is no transcript: headings, a stage direction, narration after the last turn, a colon mid-line
NO_TURN = [
    "Officials met.\n\nUPDATE: The meeting ended without a deal on the budget.",
    "Officials met.\n\nA man was arrested near the border on Monday.",
    "Officials met.\n\n(CROSSTALK.)",
    "The vote: a close contest in the capital between the two main parties.",
]


@pytest.mark.parametrize("text", NO_TURN)
def test_no_turn(extract: Extract, text: str) -> None:
    assert _turns(extract(text, published=PUBLISHED)) == []


def test_nothing_after_the_last_turn(extract: Extract) -> None:
    x = extract(QUOTED_TRANSCRIPT, published=PUBLISHED)
    assert not any("Pam Key" in s.content.text or "CROSSTALK" in s.content.text for s in x.statements)


# (text, speaker text, speaker actor name, content): a statement announced by a paragraph-final colon
MESSAGE_BLOCKS: list[tuple[str, str, str | None, str]] = [
    (
        "Fighting continued.\n\nThe Red Cross provided the following statement:\n\n"
        '"We are deeply concerned by the violence and call on all parties to protect civilians."',
        "The Red Cross",
        "International Committee of the Red Cross",
        "We are deeply concerned by the violence and call on all parties to protect civilians.",
    ),
    (
        "Fighting continued.\n\nThe army issued a statement:\n\n"
        "Troops arrested four suspects near the border on Monday.",
        "The army",
        "army",
        "Troops arrested four suspects near the border on Monday.",
    ),
    (
        "Fighting continued.\n\nThe ministry said in a statement:\n\n"
        "Troops arrested four suspects near the border on Monday.",
        "The ministry",
        "ministry",
        "Troops arrested four suspects near the border on Monday.",
    ),
    (
        "The race tightened.\n\nSen. Bernie Sanders made the following comment:\n\n"
        '"For young people who have graduated high school, the unemployment rate is far too high.\n\n'
        '"We must create millions of jobs for them."',
        "Sen. Bernie Sanders",
        "Bernie Sanders",
        "For young people who have graduated high school, the unemployment rate is far too high.\n\n"
        '"We must create millions of jobs for them.',
    ),
]


MESSAGE_BLOCKS += [
    (
        "Fighting continued.\n\nA spokesman for the Red Cross provided the following statement to Reuters:"
        "\n\n“We are deeply concerned by the violence and call on all parties to protect civilians.”",
        "A spokesman for the Red Cross",
        "spokesman",
        "We are deeply concerned by the violence and call on all parties to protect civilians.",
    ),
    (
        "Fighting continued.\n\nHere is the full statement from the Red Cross:\n\n"
        "“We are deeply concerned by the violence and call on all parties to protect civilians.”",
        "the Red Cross",
        "International Committee of the Red Cross",
        "We are deeply concerned by the violence and call on all parties to protect civilians.",
    ),
    (
        # "the statement" speaks for the body that spoke last
        "Fighting continued.\n\nThe foreign ministry said on Monday that talks had failed.\n\n"
        "The statement read:\n\n“We condemn the attack on our embassy in the strongest terms.”",
        "The statement",
        "foreign ministry",
        "We condemn the attack on our embassy in the strongest terms.",
    ),
    (
        "The bias shows in how the website rated this statement by Trump on June 11:\n\n"
        "“If you look at what is going on in this country, African-American youth are unemployed.”",
        "Trump",
        "Donald Trump",
        "If you look at what is going on in this country, African-American youth are unemployed.",
    ),
    (
        # no body spoke before: "the statement" has no author
        "Fighting continued.\n\nThe statement read:\n\n“We condemn the attack on our embassy.”",
        "The statement",
        None,
        "We condemn the attack on our embassy.",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "name", "content"), MESSAGE_BLOCKS)
def test_message_blocks(extract: Extract, text: str, speaker: str, name: str | None, content: str) -> None:
    x = extract(text, published=PUBLISHED)
    got = [(s.speaker_text, _name(x, s.speaker), s.content.text) for s in x.statements]
    assert (speaker, name, content) in got, got


# A colon after something that is not a statement: no speaker for the next paragraph
NO_MESSAGE = [
    "Fighting continued.\n\nThe ministry released the following figures:\n\nFour people were killed on "
    "Monday.",
    "Fighting continued.\n\nThe police gave the following list:\n\nFour people were arrested on Monday.",
    "Fighting continued.\n\nThe ministry did not issue a statement:\n\nFour people were arrested on Monday.",
]


@pytest.mark.parametrize("text", NO_MESSAGE)
def test_no_message_block(extract: Extract, text: str) -> None:
    x = extract(text, published=PUBLISHED)
    assert not any(s.speaker_text and "Four people" in s.content.text for s in x.statements), [
        (s.speaker_text, s.content.text) for s in x.statements
    ]


# (text, speaker name, title, country, sector): a title given before the name as a separate phrase
TITLED = [
    (
        "Minister for the Middle East, Tobias Ellwood said the attack was deliberate.",
        "Tobias Ellwood",
        "minister",
        None,
        None,
    ),
    (
        "Chinese Foreign Ministry spokesman Geng Shuang said China opposed the sanctions.",
        "Geng Shuang",
        "foreign ministry spokesman",
        "CHN",
        "GOV",
    ),
    (
        "The president of the Lombardy region, Roberto Maroni said the vote was fair.",
        "Roberto Maroni",
        "president",
        None,
        None,
    ),
    ("On Monday, Tobias Ellwood said the attack was deliberate.", "Tobias Ellwood", None, None, None),
]


@pytest.mark.parametrize(("text", "name", "title", "country", "sector"), TITLED)
def test_title_before_name(
    extract: Extract, text: str, name: str, title: str | None, country: str | None, sector: str | None
) -> None:
    x = extract(text, published=PUBLISHED)
    speakers = [a for s in x.statements for a in x.actors if a.id == s.speaker]
    assert speakers, [(s.speaker_text, s.content.text) for s in x.statements]
    got = speakers[0]
    assert got.name == name
    assert got.title == title
    if country is not None:
        assert (got.country, got.sector) == (country, sector)


# (text, speaker actor name of the last statement, or None): "he added" follows the nearest person who fits
PRONOUNS = [
    (
        "Ram Vilas Paswan, a minister in the cabinet, said the jobs data was worrying. The party is in "
        "opposition. Sachin Pilot, the chief of the Congress party in Rajasthan, said the BJP erred. "
        "He added his party won't make false promises.",
        "Sachin Pilot",
    ),
    (
        "Maria Lopez, the party chief, said the vote was rigged. The count continued overnight. "
        "He added the party would appeal.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "name"), PRONOUNS)
def test_pronoun_follows_nearest_person(extract: Extract, text: str, name: str | None) -> None:
    x = extract(text, published=PUBLISHED)
    last = max(x.statements, key=lambda s: s.content.start)
    assert last.speaker_text == "He"
    assert _name(x, last.speaker) == name


# (text, speaker name, country, sector): a role phrase naming a body before the name serves that body
ROLE_BODIES = [
    (
        "Spokesman for the Kenyan police, Charles Owino said four suspects were arrested.",
        "Charles Owino",
        "KEN",
        "COP",
    ),
    (
        "The foreign minister of Nigeria, Geoffrey Onyeama said the talks had failed.",
        "Geoffrey Onyeama",
        "NGA",
        "GOV",
    ),
    # no body in the role phrase: the role gives no country
    (
        "Minister for the Middle East, Tobias Ellwood said the attack was deliberate.",
        "Tobias Ellwood",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "name", "country", "sector"), ROLE_BODIES)
def test_role_body_before_name(
    extract: Extract, text: str, name: str, country: str | None, sector: str | None
) -> None:
    x = extract(text, published=PUBLISHED)
    speaker = next(a for s in x.statements for a in x.actors if a.id == s.speaker)
    assert (speaker.name, speaker.country, speaker.sector) == (name, country, sector)


# (text, event type, actor names): verbal events of a turn take the turn's speaker as actor
TURN_EVENTS = [
    (
        "Lavrov interview\n\nForeign Minister Sergei Lavrov spoke to reporters in Moscow on Tuesday.\n\n"
        "Q: What is your view of the new measures?\n\nA: We condemn the sanctions imposed by Washington.",
        "ACCUSE",
        ["Sergey Lavrov"],
    ),
    (
        "Debate transcript\n\nThe two candidates met on Monday.\n\n"
        '"CLINTON: I condemn Donald Trump for his remarks about the judge.\n\n'
        '"TRUMP: I reject her accusations and I will not apologise."',
        "REJECT",
        ["Donald Trump"],  # not CLINTON: her quotation mark does not run into his turn
    ),
    (
        # the interviewer asks; a question is no one's event
        "An interview\n\nQ: Do you condemn the sanctions imposed by Washington?\n\n"
        "A: I will not answer that.",
        "ACCUSE",
        [],
    ),
]


@pytest.mark.parametrize(("text", "etype", "names"), TURN_EVENTS)
def test_turn_event_actor(extract: Extract, text: str, etype: str, names: list[str]) -> None:
    x = extract(text, published=PUBLISHED)
    actors = {a.id: a.name for a in x.actors}
    got = [[actors[i] for i in e.actors] for e in x.events if e.type == etype]
    assert all(g == names for g in got), got
    if names:
        assert got, [(e.type, e.actors) for e in x.events]
