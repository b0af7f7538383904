"""Statements (issue 11, sixth round): negated cues marked ``negated``, objects of writing and sending verbs
that tell a message, criticism a subject receives, cue verbs the tagger read as nouns, embedded questions,
free relatives, "made it clear that", headline sources, and cue verbs from VerbNet classes not listed
before."""

from __future__ import annotations

import pytest

from statement_helpers import Extract, assert_found, rules_of

# (text, speaker text or None, content, rule prefix, negated)
FOUND: list[tuple[str, str | None, str, str, bool]] = [
    # a negated cue gives a statement marked negated
    (
        "He did not say whether the talks would resume.",
        "He",
        "whether the talks would resume",
        "cue-ccomp:say",
        True,
    ),
    (
        "He never claimed that the election was stolen.",
        "He",
        "the election was stolen",
        "cue-ccomp:claim",
        True,
    ),
    ("The senator was not worried about the vote.", "The senator", "the vote", "adjective-cue:worried", True),
    # a verb of denial is negated without a "not"; the plain cue is not
    (
        "The senator denied that he had met the lobbyist in March.",
        "The senator",
        "he had met the lobbyist in March",
        "cue-ccomp:deny",
        True,
    ),
    (
        "The senator said that he had met the lobbyist in March.",
        "The senator",
        "he had met the lobbyist in March",
        "cue-ccomp:say",
        False,
    ),
    # an embedded question the parser hung as an adverbial clause, after a negated cue or a cue of asking
    (
        "Lawmakers have not said when they would take up the bill.",
        "Lawmakers",
        "when they would take up the bill",
        "cue-question:say",
        True,
    ),
    # the object of a verb of writing or sending is a content when the message's content is told
    (
        "The ministry issued a statement calling the strike a violation of the truce.",
        "The ministry",
        "a statement calling the strike a violation of the truce",
        "cue-object-message:issue",
        False,
    ),
    (
        "The union sent a letter opposing the new pension rules.",
        "The union",
        "a letter opposing the new pension rules",
        "cue-object-message:send",
        False,
    ),
    # criticism the subject receives: the "from" object is the source, the "for" object the content
    (
        "The mayor has faced sharp criticism from residents for closing the library.",
        "residents",
        "closing the library",
        "noun-cue-received:criticism",
        False,
    ),
    (
        "The mayor came under criticism for closing the library.",
        None,
        "closing the library",
        "noun-cue-received",
        False,
    ),
    # a cue verb's -s form read as a plural noun heading a headline
    (
        "Sanders Vows To Eliminate Tax Breaks Used By Real Estate Developers.",
        "Sanders",
        "To Eliminate Tax Breaks Used By Real Estate Developers",
        "cue-misread-noun:vow",
        False,
    ),
    # cue verbs of VerbNet classes added this round
    (
        "Many Americans have heard that veterans face long waits for care.",
        "Many Americans",
        "veterans face long waits for care",
        "cue-ccomp:hear",
        False,
    ),
    (
        "Several senators echoed her concerns about the program.",
        "Several senators",
        "her concerns about the program",
        "cue-object-agent:echo",
        False,
    ),
    # a free relative equated with a noun phrase: the noun phrase is the content
    (
        "What Trump called a disaster was the trade deal with Mexico.",
        "Trump",
        "the trade deal with Mexico",
        "cue-free-relative:call",
        False,
    ),
    (
        "What the minister wants is a ceasefire.",
        "the minister",
        "a ceasefire",
        "cue-free-relative:want",
        False,
    ),
    # "make" with an adjective of making known is a speech cue
    (
        "The minister made it clear that the border would stay closed.",
        "The minister",
        "the border would stay closed",
        "cue-make:clear",
        False,
    ),
    # a headline "Source: content" line ending with a stop, its source a person the tagger read as a noun
    (
        "Sanders: Clinton needs to get away from the personality fights.\n\nBernie Sanders spoke on Sunday.",
        "Sanders",
        "Clinton needs to get away from the personality fights.",
        "headline-colon",
        False,
    ),
    (
        "Poll: Clinton and Trump in dead heat heading into first debate.\n\nThe survey came out on Monday.",
        "Poll",
        "Clinton and Trump in dead heat heading into first debate.",
        "headline-colon",
        False,
    ),
]


@pytest.mark.parametrize(("text", "speaker", "content", "rule", "negated"), FOUND)
def test_found(
    extract: Extract, text: str, speaker: str | None, content: str, rule: str, negated: bool
) -> None:
    assert_found(extract, text, speaker, content, rule, negated)


# Texts where nothing may be attributed
NOTHING = [
    "She did not go to the meeting because she was ill.",  # a negated verb that is no cue
    "He did not arrive when the talks began.",  # a "when" clause after a verb that is no cue
    "He said it when he arrived in the city.",  # "when" after a positive speech cue is a time
    "The embassy issued a statement on Monday.",  # a message whose content is not told
    "The group released the hostages on Friday.",  # releasing people is no message
    "The company filed a lawsuit against the city.",  # filing a suit is an act
    "The team faced the champions in the final.",  # facing no cue noun
    "Players face questions about their fitness.",  # only criticism is received as a judgment
    "That was what the senator said when she resigned.",  # "when" after "said": a time; "That" says nothing
    "What happened next was a disaster.",  # a free relative without a cue
    "They made the road clear after the storm.",  # "made clear" without a clause
    "Great Orme bus fire: Blaze destroys double-decker.\n\nThe fire started at noon.",  # a topic, no source
]


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(extract: Extract, text: str) -> None:
    assert rules_of(extract, text) == []
