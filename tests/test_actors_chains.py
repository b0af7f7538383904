"""Mention chains across an article: name variants, quoted speakers, cataphora, first person in quotations,
plural roles that name people. Each row: (text, the word, its occurrence, the antecedent mention, linked?);
``linked=False`` rows say the word must NOT join that antecedent's actor."""

from __future__ import annotations

import pytest

from actor_helpers import Extract, actors_of, nth
from herald.schema import Actor


def joined(actors: list[Actor], text: str, word: str, n: int, antecedent: str) -> tuple[bool, str | None]:
    """Whether the n-th ``word`` is a mention of the actor that has ``antecedent`` too, and its rule."""
    at = nth(text, word, n)
    for a in actors:
        here = next((m for m in a.mentions if m.start <= at < m.end), None)
        if here is not None and any(m.text == antecedent and m.start != here.start for m in a.mentions):
            return True, here.rule
    return False, None


ROWS: list[tuple[str, str, int, str, bool, str | None]] = [
    # name variants (aliases.py)
    (
        "The Church of Scientology's lawyers sued. The Church of Scientology denied it.",
        "Church",
        2,
        "Church of Scientology",  # the possessive ending is no part of the name
        True,
        None,
    ),
    (
        "Daniel Montalvo left the group in May. Rathbun helped Montalvo with his legal costs.",
        "Montalvo",
        2,
        "Daniel Montalvo",
        True,
        None,
    ),
    (
        "The Union of Rationalist Atheists (UAR) launched a petition. UAR said it would go to court.",
        "UAR",
        2,
        "Union of Rationalist Atheists",
        True,
        "alias:acronym",
    ),
    (
        "The Italian Supreme Court of Cassation ruled on Monday. The Supreme Court said schools must pay.",
        "Supreme Court",
        2,
        "Italian Supreme Court of Cassation",
        True,
        "alias:short-name",
    ),
    (
        "The Church of Scientology opened a centre. Critics say the church hides its accounts.",
        "church",
        1,
        "Church of Scientology",
        True,
        "alias:head-noun:church",
    ),
    # another court came up between: "the court" is no longer only the Supreme Court of Cassation
    (
        "The Italian Supreme Court of Cassation ruled on Monday. A lower court disagreed. The court said so.",
        "court",
        2,
        "Italian Supreme Court of Cassation",
        False,
        None,
    ),
    # a name inside a longer name is someone else
    (
        "Mark Rathbun spoke. Tom Rathbun, his cousin, did not.",
        "Tom Rathbun",
        1,
        "Mark Rathbun",
        False,
        None,
    ),
    # a name that modifies another noun is that noun's ("a Scientology attorney" is the attorney)
    (
        "The Church of Scientology sued. Scientology leaders met."
        " A Scientology attorney, Kendrick Moxon, spoke.",
        "Scientology attorney",
        1,
        "Scientology",
        False,
        None,
    ),
    # quoted speaker over paragraphs (coref.py)
    (
        'Mark Mulligan is an analyst at the firm.\n\n"Niche magazines have a strong appeal," he said.',
        "he said",
        1,
        "Mark Mulligan",
        True,
        "pronoun:he>Mark Mulligan",
    ),
    (
        'Vladimir Putin met Joe Biden in Geneva.\n\n"We talked for hours," he said.',
        "he said",
        1,
        "Vladimir Putin",
        False,
        None,
    ),
    (
        "Vladimir Putin arrived in Beijing on Monday.\n\nHe attacked the village.",
        "He",
        1,
        "Vladimir Putin",
        False,
        None,
    ),
    # cataphora from a fronted adjunct
    (
        "During his visit to the radio show, Charlie Sheen spoke about his health.",
        "his",
        1,
        "Charlie Sheen",
        True,
        "cataphora:his>Charlie Sheen",
    ),
    (
        "After it seized the town, the Nigerian army withdrew.",
        "it",
        1,
        "Nigerian army",
        True,
        "cataphora:it>Nigerian army",
    ),
    ("After his speech, the crowd cheered Emmanuel Macron.", "his", 1, "Emmanuel Macron", False, None),
    # first person in a quotation: its speaker
    (
        '"I will not resign," Prime Minister Boris Johnson said on Monday.',
        "I",
        1,
        "Prime Minister Boris Johnson",
        True,
        "quote-speaker:i>Prime Minister Boris Johnson",
    ),
    ('Boris Johnson said: "They asked me to stay."', "me", 1, "Boris Johnson", True, None),
    ('"I am tired," the rebels said. Boris Johnson left.', "I", 1, "Boris Johnson", False, None),
    ('"Companies will mine diamonds here," Boris Johnson said.', "mine", 1, "Boris Johnson", False, None),
    # a people and a country's abbreviation are no organisation's name variants
    (
        "Millions of South Africans work in mines. SA holds huge reserves.",
        "SA",
        1,
        "South Africans",
        False,
        None,
    ),
    # a role with its own complement in apposition to a name (apposition.py)
    (
        "The president of the Lombardy region, Roberto Maroni, said the tax was unfair.",
        "president",
        1,
        "Roberto Maroni",
        True,
        None,
    ),
    (
        "The secretary general of the Italian Episcopal Conference, Nunzio Galantino, said he agreed.",
        "secretary general",
        1,
        "Nunzio Galantino",
        True,
        None,
    ),
    (
        "The leader of Hamas, Ismail Haniyeh, and Mahmoud Abbas met.",
        "leader",
        1,
        "Ismail Haniyeh",
        False,
        None,
    ),
    # plural roles that name people (plurals.py)
    (
        "Two New Mexico senators, Tom Udall and Martin Heinrich, called on him to resign.",
        "New Mexico senators",
        1,
        "Martin Heinrich",
        True,
        "plural:appos:legislature",
    ),
    (
        "New Mexico's senators have joined calls for Scott Pruitt to resign. Tom Udall and Martin Heinrich"
        " issued statements on Thursday.",
        "senators",
        1,
        "Tom Udall",
        True,
        "plural:next:legislature",
    ),
    ("Three senators, Tom Udall and Martin Heinrich, spoke.", "senators", 1, "Tom Udall", False, None),
    (
        "Rebels attacked the town. Vladimir Putin and Xi Jinping met in Moscow.",
        "Rebels",
        1,
        "Xi Jinping",
        False,
        None,
    ),
]


@pytest.mark.parametrize(("text", "word", "n", "antecedent", "linked", "rule"), ROWS)
def test_chain(
    extract: Extract, text: str, word: str, n: int, antecedent: str, linked: bool, rule: str | None
) -> None:
    got, got_rule = joined(actors_of(extract, text), text, word, n, antecedent)
    assert got == linked
    if linked and rule is not None:
        assert got_rule == rule
