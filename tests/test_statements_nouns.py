"""Statements (issue 11, third round): cue nouns with a "by"/"from" agent, a light-verb subject or a
prepositional content; phrasal cues with "on" (a YAML 1.1 boolean once); texts where none may be found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from herald.errors import KnowledgeBaseError
from herald.stages.s4_statements.lexicon import CueLexicon, _merge
from statement_helpers import Extract, assert_found, rules_of

# (text, speaker text, content, rule prefix)
FOUND = [
    # possessor (first round) and the new agents of a cue noun
    (
        "Moscow's decision to expel the diplomats angered Washington.",
        "Moscow",
        "to expel the diplomats",
        "noun-cue:decision",
    ),
    (
        "The decision by Moscow to expel the diplomats angered Washington.",
        "Moscow",
        "to expel the diplomats",
        "noun-cue:decision",
    ),
    # the subject of a light verb whose object is the cue noun
    (
        "The ministry issued a warning that the dam could fail.",
        "The ministry",
        "the dam could fail",
        "noun-cue:warning",
    ),
    (
        "Obama made a promise to close the prison at Guantanamo.",
        "Obama",
        "to close the prison at Guantanamo",
        "noun-cue:promise",
    ),
    # a prepositional content when the noun has a source
    (
        "Republicans questioned Trump's criticism of the Federal Reserve.",
        "Trump",
        "the Federal Reserve",
        "noun-cue:criticism",
    ),
    # phrasal cues with "on"
    ("She called on Congress to act on the bill.", "She", "Congress to act on the bill", "phrasal:call on"),
    ("Obama commented on the shooting in Dallas.", "Obama", "the shooting in Dallas", "phrasal:comment on"),
    # stances taken by a vote or a decision; a one-word named object is enough
    (
        "He voted against President Clinton's crime bill.",
        "He",
        "President Clinton's crime bill",
        "phrasal:vote against",
    ),
    ("They voted for Trump in 2016.", "They", "Trump", "phrasal:vote for"),
    (
        "The FBI decided against recommending charges.",
        "The FBI",
        "recommending charges",
        "phrasal:decide against",
    ),
    # agent nouns: the holder is the noun, the subject of "be", or the noun in apposition
    (
        "Hillary Clinton has been a consistent supporter of NATO.",
        "Hillary Clinton",
        "NATO",
        "agent-noun:supporter",
    ),
    (
        "A few early supporters of the bill left the party.",
        "A few early supporters",
        "the bill",
        "agent-noun",
    ),
    (
        "Mr. Schultz, a passionate defender of RT America, spoke.",
        "Mr. Schultz",
        "RT America",
        "agent-noun:defender",
    ),
    # source phrases beside "according to"
    ("In his view, the deal is dead.", "his", "the deal is dead", "source-phrase:in"),
    (
        "In this poll, Trump rose one point since the debate.",
        "this poll",
        "Trump rose one point since the debate",
        "source-phrase:in",
    ),
    (
        "By one estimate, 300,000 acres of forest have been damaged.",
        "one estimate",
        "300,000 acres of forest have been damaged",
        "source-phrase:by",
    ),
    # a party label stays whole; a quoted word before an infinitive is no attribution
    (
        'Gov. Pat McCrory (R) said it would be "improper" for him to speak.',
        "Gov. Pat McCrory (R)",
        'it would be "improper" for him to speak',
        "cue-ccomp:say",
    ),
    # a clause the parser hung as adverbial behind a time adjunct
    (
        "Trump said after the convention he would not accept Cruz's endorsement.",
        "Trump",
        "he would not accept Cruz's endorsement",
        "cue-ccomp-after-adjunct:say",
    ),
    # a quotation opened inside a that-clause runs over the parser's sentence end
    (
        'Trump told Fox that "they hit Matt because he was soft. What they are doing is gaming the system."',
        "Trump",
        "they hit Matt because he was soft. What they are doing is gaming the system.",
        "cue-ccomp:tell",
    ),
    # a quotation right after its speech cue that ends the sentence, clause or not
    ('Protesters chanted "What curfew?"', "Protesters", "What curfew?", "cue-then-quote:chant"),
    # a gerund after a preposition takes the subject of the verb it modifies
    (
        "The mayor left the room after saying that the budget was final.",
        "The mayor",
        "the budget was final",
        "cue-ccomp:say",
    ),
    (
        "Blige sings to Clinton before asking her, “Where do we go from here?”",
        "Blige",
        "Where do we go from here?",
        "cue-then-quote:ask",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "content", "rule"), FOUND)
def test_noun_cue_found(extract: Extract, text: str, speaker: str, content: str, rule: str) -> None:
    assert_found(extract, text, speaker, content, rule)


# Cue nouns with no source, a time as "by" object, or no content: nothing
NOTHING = [
    "A decision by Friday is needed.",  # a date is no agent
    "The decision was a surprise to many.",  # no source
    "Its decision to close the plant was a surprise.",  # "its": no source named
    "The attack on the base killed ten soldiers.",  # "attack" is no cue noun
    "The charge of the light brigade was famous.",  # no source
    "The company made a profit last year.",  # a light verb with a plain object
    "The senator did not make a promise to anyone.",  # negated light verb
    "They called the police on Sunday.",  # "called" without "on" + object next to it
    "They voted for the first time in 2012.",  # a time, not a content
    "The court ruled on Monday.",  # a date, not a content
    "The enemy of the state was captured.",  # "enemy" is no stance noun
    "Fans of the team filled the stadium.",  # nor "fan"
    "He lives in the city with his family.",  # "in" + a place is no source phrase
    "The ball was in his eyes all day.",  # a source noun, but no clause beside it
    "She left after the meeting when he arrived.",  # an adverbial clause of a non-cue verb
    'The group is called "the zone."',  # a name, not a quotation
]


_NEW_RULES = ("noun-cue", "phrasal", "agent-noun", "source-phrase", "cue-then")


@pytest.mark.parametrize("text", NOTHING)
def test_noun_cue_nothing(extract: Extract, text: str) -> None:
    got = rules_of(extract, text)
    assert not [r for r in got if r and r.startswith(_NEW_RULES)], got


@pytest.mark.parametrize("particle", [True, False])
def test_boolean_particle_rejected(particle: bool, tmp_path: Path) -> None:
    data = {"phrasal": [{"verb": "call", "particle": particle}]}
    with pytest.raises(KnowledgeBaseError, match="quote it"):
        _merge(CueLexicon(), data, str(tmp_path / "cues.yaml"))


@pytest.mark.parametrize(
    "data,check",
    [
        ({"denials": ["Gainsay"]}, lambda lex: "gainsay" in lex.denials),  # a word list, lower-cased
        ({"np_content": ["opine"], "remove": ["opine"]}, lambda lex: "opine" not in lex.np_content),
        ({"speech_events": None}, lambda lex: lex.speech_events == frozenset()),  # an empty key adds nothing
    ],
)
def test_cue_file_word_lists(tmp_path: Path, data: dict[str, Any], check: Callable[..., bool]) -> None:
    lex = CueLexicon()
    _merge(lex, data, str(tmp_path / "cues.yaml"))
    assert check(lex)


@pytest.mark.parametrize(
    "key,meant", [("denial", "denials"), ("np_contents", "np_content"), ("remov", "remove")]
)
def test_cue_file_misspelt_key(tmp_path: Path, key: str, meant: str) -> None:
    from herald.errors import LexiconKeyError

    with pytest.raises(LexiconKeyError, match=rf"cues\.yaml: unknown key '{key}'; did you mean '{meant}'"):
        _merge(CueLexicon(), {key: ["gainsay"]}, str(tmp_path / "cues.yaml"))


def test_shipped_phrasal_particles_are_words() -> None:
    from herald.stages.s4_statements.lexicon import cue_lexicon

    assert ("call", "on") in cue_lexicon().phrasal
    assert not any(p in ("true", "false") for _, p in cue_lexicon().phrasal)


# "they said" linked by the actors stage to one person gets no speaker id: the number disagrees
def test_plural_pronoun_not_a_person(extract: Extract) -> None:
    x = extract(
        "Senator Mary Jones met the farmers on Monday. They said the drought had ruined the harvest.",
        published="2016-10-01",
    )
    got = [s for s in x.statements if s.speaker_text == "They"]
    assert got, [s.rule for s in x.statements]
    people = {a.id for a in x.actors if a.kind == "person"}
    assert all(s.speaker not in people for s in got)


def test_quoted_word_before_infinitive_is_no_attribution(extract: Extract) -> None:
    x = extract('Gov. Pat McCrory (R) said it would be "improper" for him to speak.', published="2016-10-01")
    assert not [s for s in x.statements if s.rule and s.rule.startswith("quote-then-cue")]
