"""Statements (issue 11, fourth round): parenthetical attributions, agentless passives, stance and attitude
verbs grown from VerbNet classes, subjects a small model misreads, cue lemmas from inflected forms, and the
guards that keep a coordinated or subordinate verb after a quotation from attributing it."""

from __future__ import annotations

import pytest

from herald.stages.s4_statements.lexicon import cue_lexicon, inflections
from herald.stages.s4_statements.quotes import find_quotes
from statement_helpers import Extract, assert_found, rules_of

# (text, speaker text or None, content, rule prefix)
FOUND: list[tuple[str, str | None, str, str]] = [
    # the small model lemmatises "hopes"/"hoping" as "hop": the cue is found from the inflected form
    (
        "Mr. Clarke hopes to offset the emissions with pollution credits.",
        "Mr. Clarke",
        "to offset the emissions with pollution credits",
        "cue-xcomp:hope",
    ),
    (
        "He is hoping that the states will pass the costs on to ratepayers.",
        "He",
        "the states will pass the costs on to ratepayers",
        "cue-ccomp:hope",
    ),
    # parenthetical attributions: inside the clause, an "as"-clause after it
    (
        "Climate change, Mr. Obama often says, is the greatest threat facing the world.",
        "Mr. Obama",
        "Climate change, Mr. Obama often says, is the greatest threat facing the world",
        "cue-parenthetical-inside:say",
    ),
    (
        "It also does not answer whether Scott had a gun, as police have said.",
        "police",
        "It also does not answer whether Scott had a gun",
        "cue-parenthetical-after:say",
    ),
    (
        "As many tax experts have pointed out, Mr. Trump is free to disclose his returns.",
        "many tax experts",
        "Mr. Trump is free to disclose his returns",
        "cue-parenthetical-before:point out",
    ),
    # a passive cue without a "by" agent: the content, no speaker
    (
        "Mr. Quiros was accused of using $50 million for personal expenses.",
        None,
        "Mr. Quiros",
        "cue-passive-object:accuse",
    ),
    # a cue noun with a that-clause and no source
    (
        "For years, Oz has been dogged by charges that he has perpetuated questionable medical advice.",
        None,
        "he has perpetuated questionable medical advice",
        "noun-cue:charge",
    ),
    # a coordinated verb after a quotation is no "he said": both statements keep their own content
    (
        "Demonstrators said they want “justice for Terrence,” but pledged to remain civil.",
        "Demonstrators",
        "to remain civil",
        "cue-xcomp:pledge",
    ),
    # "called on X to ...", the preposition read as a particle holding the object
    (
        "Scott's family has called on police to release the videos.",
        "Scott's family",
        "police to release the videos",
        "phrasal:call on",
    ),
    # a closing mark misused as the opening one; the dash signature names the speaker
    (
        "”Mr. Trump embodies the lasting legacy of racism in the United States.” ― Sonya Herridge",
        "Sonya Herridge",
        "Mr. Trump embodies the lasting legacy of racism in the United States.",
        "quote-dash-signature",
    ),
    # a participle phrase after a quotation ("compared to") is not its attribution
    (
        "PolitiFact rated 32% of Republican claims as “false,” compared to 11% of Democratic claims.",
        "PolitiFact",
        "32% of Republican claims as “false,”",
        "cue-predicate:rate",
    ),
    # stance and attitude verbs (VerbNet support-15.3, say-37.7, admire-31.2) with an object content
    (
        "China and Russia support the government in Khartoum.",
        "China and Russia",
        "the government",
        "cue-object",
    ),
    (
        "Clinton noted the clot’s existence in her book.",
        "Clinton",
        "the clot’s existence in her book",
        "cue-object",
    ),
    ("I despise Trump because his speech is full of hate.", "I", "Trump", "cue-object-agent:despise"),
    (
        "Others in the community have opposed the resolution.",
        "Others in the community",
        "the resolution",
        "cue",
    ),
    (
        "The woman disputes the idea that she needed to be hospitalized.",
        "The woman",
        "the idea that she needed to be hospitalized",
        "cue-object-agent:dispute",
    ),
    # the object controls an infinitive; a clause subject the parser took for the cue's object
    (
        "All this led the Latvian journalist Dainis Ivans to fear a new pact.",
        "the Latvian journalist Dainis Ivans",
        "a new pact",
        "cue-object-agent:fear",
    ),
    (
        "Anderson seemed to think the outreach to black voters was somewhat phony.",
        "Anderson",
        "the outreach to black voters was somewhat phony",
        "cue-ccomp-object-subject:think",
    ),
    # partitive and share subjects; a subject phrase the parser ran over the whole sentence ends at its cue
    (
        "Many of his supporters believe bigotry and xenophobia are acceptable.",
        "Many of his supporters",
        "bigotry and xenophobia are acceptable",
        "cue-ccomp:believe",
    ),
    (
        "A majority of voters expect Clinton to win Monday's debate, the first of the election, at Hofstra.",
        "A majority of voters",
        "Clinton to win Monday's debate",
        "cue-ccomp:expect",
    ),
    (
        "The appeals court ruled that Ohio's practices could remove some eligible voters.",
        "The appeals court",
        "Ohio's practices could remove some eligible voters",
        "cue-ccomp:rule",
    ),
    # an active "it" (a lawsuit, a paper) is a source
    (
        "It says the campaign violated federal and state law by using copyrighted material.",
        "It",
        "the campaign violated federal and state law by using copyrighted material",
        "cue-ccomp:say",
    ),
    # a content clause that runs into another statement's quotation ends before the coordinated reply
    (
        "She said fathers would not be eligible for the leave, and when pressed, the mother replied, \"It's "
        'meant to benefit everyone."',
        "She",
        "fathers would not be eligible for the leave",
        "cue-ccomp:say",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "content", "rule"), FOUND)
def test_stance_found(extract: Extract, text: str, speaker: str | None, content: str, rule: str) -> None:
    assert_found(extract, text, speaker, content, rule)


# Texts where none of these rules may give a statement
NOTHING = [
    "Rebels attacked the checkpoint near the border.",  # an attack on a place is no judgment
    "The plan rejects any new taxes on the middle class.",  # a plan holds no stance
    "It is said that the river once flooded the town.",  # an impersonal passive
    "He did not arrive before the talks resumed.",  # negated, no cue
    "The company backed down after the protests.",  # no content
    "The hopes of the town rest on the new mine.",  # "hopes" is a noun here
    "Residents call the district the zone.",  # a habit, not a statement
    "The law permits members to appoint proxies.",  # a law holds no stance
]


@pytest.mark.parametrize("text", NOTHING)
def test_stance_nothing(extract: Extract, text: str) -> None:
    assert rules_of(extract, text) == []


# Only the quotation's own statement, no stance read into the verb after it
NOT_AFTER_QUOTE = [
    # a subordinate clause after a quotation ("while 73 percent said ...") does not attribute it
    (
        'Only 52 percent agreed that Clinton is "healthy enough," while 73 percent said the same of Trump.',
        "Only 52 percent",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), NOT_AFTER_QUOTE)
def test_quote_keeps_its_speaker(extract: Extract, text: str, speaker: str) -> None:
    got = [(s.speaker_text, s.rule or "") for s in extract(text, published="2016-10-01").statements]
    assert not any(r.startswith("quote-then-cue") for _, r in got), got
    assert any(sp == speaker for sp, _ in got), got


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("hope", {"hopes", "hoped", "hoping"}),
        ("admit", {"admits", "admitted", "admitting"}),
        ("deny", {"denies", "denied", "denying"}),
        ("criticize", {"criticizes", "criticized", "criticizing"}),
        ("push", {"pushes", "pushed", "pushing"}),
    ],
)
def test_inflections(verb: str, forms: set[str]) -> None:
    assert forms <= inflections(verb)


@pytest.mark.parametrize(("form", "lemma"), [("hoping", "hope"), ("hopes", "hope"), ("rated", "rate")])
def test_forms_map_to_cue_verbs(form: str, lemma: str) -> None:
    assert cue_lexicon().forms[form] == lemma


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("”Fear is real.” ― Ana", "Fear is real."),  # a closing mark used as the opener
        ("He said “yes” twice.", "yes"),
        ("The 1990s’ boom”", None),  # a stray closer glued to a word opens nothing
    ],
)
def test_closer_as_opener(text: str, inner: str | None) -> None:
    got = [text[q.inner_start : q.inner_end] for q in find_quotes(text) if q.closed]
    assert got == ([inner] if inner is not None else [])
