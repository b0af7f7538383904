"""Text layout as feeds give it (issue 11): single line breaks after a headline, dateline or list item end
the sentence; hard-wrapped lines do not; HTML block elements become paragraphs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from herald.inputs import article_from_html
from herald.schema import Extraction

Extract = Callable[..., Extraction]


def sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


# (text, the sentences expected)
BREAKS = [
    (
        "Rebels seize town in east Congo\nKINSHASA, March 14 - Rebels seized the town of Goma on Monday.",
        # the dateline ends before its dash (paragraphs.py), so the lede parses without it
        [
            "Rebels seize town in east Congo",
            "KINSHASA, March 14 -",
            "Rebels seized the town of Goma on Monday.",
        ],
    ),
    (
        "Casualties:\n- Five people killed\n- Ten wounded\nPolice said the toll could rise.",
        ["Casualties:", "- Five people killed", "- Ten wounded", "Police said the toll could rise."],
    ),
    (
        "Talks collapse in Doha\nMediators from Qatar give up\nThe talks collapsed on Monday.",
        ["Talks collapse in Doha", "Mediators from Qatar give up", "The talks collapsed on Monday."],
    ),
]

# Line breaks inside a sentence: continuation words, hard-wrapped text.
NO_BREAKS = [
    "The minister said\nthe talks with\nGermany had failed on Monday.",
    "The minister told reporters on Monday that the talks with the government of\n"
    "Germany had failed and that new talks would begin next week in the capital,\n"
    "where officials from both sides had gathered to discuss the ceasefire and\n"
    "the exchange of prisoners held by the two armies since the war began in\n"
    "March last year.",
    "Police arrested 12 people,\nincluding two journalists, in the capital.",
]


@pytest.mark.parametrize(("text", "expected"), BREAKS)
def test_open_line_end_starts_sentence(nlp: Language, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize("text", NO_BREAKS)
def test_line_break_inside_sentence(nlp: Language, text: str) -> None:
    assert len(sentences(nlp, text)) == 1


HTML = (
    "<html><head><title>Rebels seize Goma</title></head><body><article>"
    "<h1>Rebels seize Goma in east Congo</h1>"
    "<p>KINSHASA, March 14 - Rebels seized the town of Goma on Monday, officials\nsaid.</p>"
    "<h2>Talks stall</h2><p>The government said talks in Doha had failed. Police arrested 12 people.</p>"
    "<ul><li>Five people were killed</li><li>Ten were wounded</li></ul>"
    "<blockquote>We will fight on until the town is free</blockquote>"
    "</article></body></html>"
)


def test_html_blocks_become_paragraphs() -> None:
    text = article_from_html(HTML, origin="page.html").text
    assert text.split("\n\n") == [
        "Rebels seize Goma in east Congo",
        "KINSHASA, March 14 - Rebels seized the town of Goma on Monday, officials said.",
        "Talks stall",
        "The government said talks in Doha had failed. Police arrested 12 people.",
        "Five people were killed",
        "Ten were wounded",
        "We will fight on until the town is free",
    ]


def test_html_headline_never_fuses_with_first_sentence(extract: Extract) -> None:
    article = article_from_html(HTML, origin="page.html")
    x = extract(article.text, published="2024-03-14")
    assert x.events
    for e in x.events:
        assert "\n\n" not in e.evidence.text.strip(), e.evidence.text


def test_html_line_break_stays_inside_paragraph() -> None:
    html = "<html><body><article><p>First line of the address<br>Second line of it here.</p></article></body>"
    text = article_from_html(html, origin="x.html").text
    assert text == "First line of the address\nSecond line of it here."
