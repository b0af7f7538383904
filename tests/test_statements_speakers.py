"""Statements (issue 11): attributions without quote marks, the right speaker across paragraphs and for role
mentions, two statements in one sentence — and texts with no statement."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald.schema import Extraction

Extract = Callable[..., Extraction]


def _actor_name(x: Extraction, ident: str | None) -> str | None:
    return next((a.name for a in x.actors if a.id == ident), None)


# (text, speaker text, cue class, content) — indirect statements, no quote marks
UNQUOTED = [
    ("The minister said the talks had failed.", "The minister", "speech", "the talks had failed"),
    (
        "Talks have failed, according to the foreign minister.",
        "the foreign minister",
        "other",
        "Talks have failed",
    ),
    (
        "The prime minister believes the economy will recover next year.",
        "The prime minister",
        "belief",
        "the economy will recover next year",
    ),
    (
        "The opposition accused the government of rigging the vote.",
        "The opposition",
        "accusation",
        "the government of rigging the vote",
    ),
    ("Officials fear the violence could spread.", "Officials", "belief", "the violence could spread"),
]


@pytest.mark.parametrize(("text", "speaker", "cue_class", "content"), UNQUOTED)
def test_attribution_without_quote_marks(
    extract: Extract, text: str, speaker: str, cue_class: str, content: str
) -> None:
    x = extract(text, published="2024-04-30")
    got = [(s.speaker_text, s.cue_class, s.content.text, s.kind) for s in x.statements]
    assert (speaker, cue_class, content, "indirect") in got, got


# (text, speaker text, cue, cue class, content) — a cue noun with a possessor
NOUN_CUES = [
    (
        "Washington criticised Moscow's decision to expel the diplomats.",
        "Moscow",
        "decision",
        "intention",
        "to expel the diplomats",
    ),
    (
        "The minister's claim that the vote was rigged angered the opposition.",
        "The minister",
        "claim",
        "speech",
        "the vote was rigged",
    ),
    (
        "Russia's refusal to attend the talks was expected.",
        "Russia",
        "refusal",
        "intention",
        "to attend the talks",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "cue_class", "content"), NOUN_CUES)
def test_noun_cue_with_possessor(
    extract: Extract, text: str, speaker: str, cue: str, cue_class: str, content: str
) -> None:
    x = extract(text, published="2024-04-30")
    got = [(s.speaker_text, s.cue, s.cue_class, s.content.text) for s in x.statements]
    assert (speaker, cue, cue_class, content) in got, got


NO_NOUN_CUE = [
    "The company's plan for the year is ambitious.",
    "Iran's nuclear programme worries Israel.",
    "The government's decision was final.",
]


@pytest.mark.parametrize("text", NO_NOUN_CUE)
def test_cue_noun_without_content(extract: Extract, text: str) -> None:
    assert not [
        s for s in extract(text, published="2024-04-30").statements if (s.rule or "").startswith("noun-cue")
    ]


TWO_IN_ONE = [
    ("Paris said the deal was dead, while Berlin argued that talks should continue.", ["Paris", "Berlin"]),
    ("France said the deal was dead, but Germany insisted talks should continue.", ["France", "Germany"]),
]


@pytest.mark.parametrize(("text", "speakers"), TWO_IN_ONE)
def test_two_statements_in_one_sentence(extract: Extract, text: str, speakers: list[str]) -> None:
    x = extract(text, published="2024-04-30")
    assert [s.speaker_text for s in x.statements] == speakers
    assert len({s.speaker for s in x.statements}) == 2


# (text, content start, expected speaker actor name)
SPEAKERS = [
    (
        "The army spokesman, Colonel Ahmed Ali, addressed journalists in Kabul.\n\n"
        "\u201cOur forces killed 12 insurgents in the operation and lost none of their own.\u201d",
        "Our forces",
        "Ahmed Ali",
    ),
    (
        "Interior Minister Gerald Darmanin visited the site on Tuesday. "
        "The minister said the attack was an act of terror.",
        "the attack",
        "Gerald Darmanin",
    ),
    (
        "\u201cWe will not give in to threats,\u201d said Jane Smith, the prime minister. "
        "\u201cThe talks are over,\u201d she added.",
        "The talks",
        "Jane Smith",
    ),
    (
        "Prime Minister Jane Smith spoke to reporters on Monday.\n\n"
        "\u201cWe will not give in to threats,\u201d she said.\n\n\u201cThe talks are over.\u201d",
        "The talks",
        "Jane Smith",
    ),
    (  # "he said" is the last speaker, not the last person named
        "Opposition leader Raila Odinga accused President Mwai Kibaki of rigging the vote. "
        "\u201cThis is theft,\u201d he said.",
        "This is theft",
        "Raila Odinga",
    ),
    (
        "Foreign Minister Sergei Lavrov said the West had failed. He met John Kerry in Geneva on Monday.\n\n"
        "\u201cThe talks were useful,\u201d he said.",
        "The talks",
        "Sergey Lavrov",
    ),
    (  # ... unless narration made another person the subject since
        "Foreign Minister Sergei Lavrov said the West had failed. John Kerry arrived in Geneva on Monday.\n\n"
        "\u201cThe talks will be useful,\u201d he said.",
        "The talks",
        "John Kerry",
    ),
    (  # a quotation right after the attribution sentence keeps its speaker
        "\u201cWe need more troops,\u201d General John Allen told reporters. "
        "\u201cThe Taliban are regrouping.\u201d",
        "The Taliban",
        "John Allen",
    ),
    (
        "\u201cI spoke with President Joe Biden this morning,\u201d Jane Smith said.\n\n"
        "\u201cIt was a good call,\u201d she added.",
        "It was",
        "Jane Smith",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SPEAKERS)
def test_speaker_across_paragraphs_and_roles(extract: Extract, text: str, content: str, speaker: str) -> None:
    x = extract(text, published="2024-04-30")
    found = [s for s in x.statements if s.content.text.startswith(content)]
    assert found, [s.content.text for s in x.statements]
    assert _actor_name(x, found[0].speaker) == speaker


NO_SPEAKER = [
    # the previous paragraph has no one speaking: the quotation keeps no speaker
    "The army captured the town of Goma on Monday.\n\n"
    "\u201cOur forces killed 12 insurgents in the operation and lost none of their own.\u201d",
]


@pytest.mark.parametrize("text", NO_SPEAKER)
def test_block_quote_without_speaking_paragraph(extract: Extract, text: str) -> None:
    x = extract(text, published="2024-04-30")
    assert [s.speaker for s in x.statements] == [None]


NOTHING = [
    "The weather was fine on Monday.",
    "The ministry building was closed for repairs.",
    "Rebels seized the town of Goma on Monday.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(extract: Extract, text: str) -> None:
    assert extract(text, published="2024-04-30").statements == []
