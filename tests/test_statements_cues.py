"""Statements (issue 11, second round): cues grown from verb classes, object and predicate contents, attitude
adjectives, layout speakers (dash signatures, transcript turns), gender agreement of "he/she said" — and texts
where none of these may produce a statement."""

from __future__ import annotations

import pytest

from herald.schema import Extraction
from statement_helpers import Extract, assert_found


def _actor_name(x: Extraction, ident: str | None) -> str | None:
    return next((a.name for a in x.actors if a.id == ident), None)


# (text, speaker text, content, rule prefix)
FOUND = [
    # VerbNet-grown cue verbs with a clause
    (
        "The senator realized that the bill would fail.",
        "The senator",
        "the bill would fail",
        "cue-ccomp:realize",
    ),
    (
        "Ms. Lynch insisted that the review was independent.",
        "Ms. Lynch",
        "the review was independent",
        "cue-ccomp",
    ),
    # object contents when a person or group speaks
    (
        "Clinton cited Trump's remarks about the judge.",
        "Clinton",
        "Trump's remarks about the judge",
        "cue-object-agent:cite",
    ),
    (
        "The flight attendants union endorsed Hillary Clinton.",
        "The flight attendants union",
        "Hillary Clinton",
        "cue-object-agent:endorse",
    ),
    # documents and polls
    (
        "Polls show a close contest in the state.",
        "Polls",
        "a close contest in the state",
        "cue-object-document:show",
    ),
    # characterizing predicates
    ("Cruz called Trump a pathological liar.", "Cruz", "Trump a pathological liar", "cue-"),
    (
        "Christie described Clinton as a disgrace.",
        "Christie",
        "Clinton as a disgrace",
        "cue-predicate:describe",
    ),
    # topic phrasal cues
    (
        "She spoke about her deep ties to black churches.",
        "She",
        "her deep ties to black churches",
        "phrasal:speak about",
    ),
    # attitude adjectives
    (
        "Senator Graham has been critical of Trump for months.",
        "Senator Graham",
        "Trump",
        "adjective-cue:critical",
    ),
    ("She is confident that the bill will pass.", "She", "the bill will pass", "adjective-cue:confident"),
    (
        "European leaders are reluctant to hand over security powers to Brussels.",
        "European leaders",
        "to hand over security powers to Brussels",
        "adjective-cue:reluctant",
    ),
    # an infinitive content of a grown intention verb
    (
        "The company declined to comment on the report.",
        "The company",
        "to comment on the report",
        "cue-xcomp:decline",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "content", "rule"), FOUND)
def test_cue_found(extract: Extract, text: str, speaker: str, content: str, rule: str) -> None:
    assert_found(extract, text, speaker, content, rule)


# Texts where the new cues must not produce a statement
NOTHING = [
    "Troops found a weapons cache near the village.",  # finding a thing: no document speaks
    "Residents call the district “the zone” and avoid it at night.",  # a habitual name
    "The police were called to the scene.",  # "call" without a predicate
    "Rebels attacked the checkpoint at dawn.",  # "attack" only with a predicate ("attacked X as Y")
    "The data are consistent with the model.",  # not an attitude adjective
    "The senator was not at the vote.",  # no attitude (a negated one is a negated statement)
    "The road is open to traffic again.",
    "Locals see the river every day.",
    "He read a book on the train.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(extract: Extract, text: str) -> None:
    assert extract(text, published="2016-10-01").statements == []


# Layout speakers: (text, [(speaker text, content start)])
LAYOUT = [
    (
        "Voters reacted.\n\n“Mr. Trump is clueless about the struggles of minorities.” ― Stephanie Egan\n"
        "“Maybe we can build a wall around Donald Trump, that would help.”\u00a0― Steve Quinlan.",
        [("Stephanie Egan", "Mr. Trump is clueless"), ("Steve Quinlan", "Maybe we can build")],
    ),
    (
        "Transcript of the interview.\nWALLACE: Let us start with breaking news on the debate story.\n"
        "PENCE: Gennifer Flowers will not be attending the debate tomorrow night.",
        [("WALLACE", "Let us start"), ("PENCE", "Gennifer Flowers will not")],
    ),
    (
        "The exchange was aired.\n“PENCE: Gennifer Flowers will not be attending the debate tomorrow night.”",
        [("PENCE", "Gennifer Flowers will not")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUT)
def test_layout_speakers(extract: Extract, text: str, expected: list[tuple[str, str]]) -> None:
    x = extract(text, published="2016-10-01")
    got = [(s.speaker_text, s.content.text) for s in x.statements]
    for speaker, start in expected:
        assert any(sp == speaker and c.startswith(start) for sp, c in got), got


# No layout speaker: a dash inside narration, a heading label, a lower-case line
NO_LAYOUT = [
    "The vote — held on Monday — was close.\n“We will win this fight for all of our people,” the mayor said.",
    "Officials met.\nUPDATE: The meeting ended without a deal on the budget or the schedule.",
    "Officials met.\nNote: the figures were revised after publication by the ministry.",
]


@pytest.mark.parametrize("text", NO_LAYOUT)
def test_no_layout_speaker(extract: Extract, text: str) -> None:
    x = extract(text, published="2016-10-01")
    assert not any((s.rule or "").startswith(("transcript-turn", "quote-dash")) for s in x.statements)


# (text, speaker name of the last statement): "he/she said" agrees in gender with its antecedent
AGREEMENT = [
    (
        "Hillary Clinton met Donald Trump on Monday. Trump said the talks went well. "
        "Clinton said the talks had failed.\n\n“We will not give up,” he said.",
        "Donald Trump",
    ),
    (
        "Donald Trump met Hillary Clinton on Monday. Clinton said the talks went well. "
        "Trump said the talks had failed.\n\n“We will not give up,” she said.",
        "Hillary Clinton",
    ),
    (
        "Hillary Clinton met Donald Trump on Monday. Clinton said the talks went well."
        "\n\n“We will not give up,” she said.",
        "Hillary Clinton",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), AGREEMENT)
def test_pronoun_gender_agreement(extract: Extract, text: str, speaker: str) -> None:
    x = extract(text, published="2016-10-01")
    last = max(x.statements, key=lambda s: s.content.start)
    assert _actor_name(x, last.speaker) == speaker


# Attribution after a quotation across a long appositive, and a cue whose clause sits in the next quotation
AFTER_QUOTE = [
    (
        '"Absolutely hate this framing of the necessity of voting," Vann R. Newkirk II, a writer for The '
        "Atlantic, said on Twitter.",
        "Vann R. Newkirk II, a writer for The Atlantic",
    ),
    (
        '"The American people do not agree with Trump," Sanders said, suggesting a question: '
        '"Mr. Trump, do you really think that billionaires need a massive tax break?"',
        "Sanders",
    ),
    (
        "“I will just make this promise to you: We will achieve justice in this case,” "
        "Tulsa police Chief Chuck Jordan said Monday.",
        "Chuck Jordan",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), AFTER_QUOTE)
def test_speaker_after_quotation(extract: Extract, text: str, speaker: str) -> None:
    x = extract(text, published="2016-10-01")
    first = min(x.statements, key=lambda s: s.content.start)
    assert first.speaker_text is not None and speaker in first.speaker_text, first
