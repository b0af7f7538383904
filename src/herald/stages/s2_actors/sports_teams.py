"""National sports teams named by their country: "Sweden beat South Korea 1-0" (lexicons/sports_teams.yaml).

In a sports report a state's name in a sentence reporting a game (a score, a word such as "match" or
"penalty"), the subject or object of a sports verb ("beat", "face"), or the owner of a team word ("Sweden's
coach") stands for the country's team. Linking it to the state would give the
team the state's Wikidata id and make it a government actor; the mention becomes a national team of that
country instead (kind organization, no sector, no Wikidata id; rule ``sports-team:<key>``). Once a state is
a team in the article, its other name mentions are the team too unless their sentence speaks of the state
(``state_cues``: "the government", "the minister").
"""

from __future__ import annotations

import functools
import re

import numpy
from pydantic import BaseModel, ConfigDict
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered_model
from .mentions import Mention

_SPORTS_KEY = "herald.sports_report"
_OPPONENT = frozenset({"against", "versus", "vs", "vs."})
_TO_OPPONENT = frozenset({"to", "over", "by", "against"})  # "lost to Sweden", "a win over Panama"
_SCORE = re.compile(r"(?<![\d/.,:-])\d{1,2} ?[-–] ?\d{1,2}(?![\d/.,:-])")


class SportsLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_article_cues: int = 3
    article_cues: frozenset[str] = frozenset()
    sentence_cues: frozenset[str] = frozenset()
    team_words: frozenset[str] = frozenset()
    sports_verbs: frozenset[str] = frozenset()
    state_cues: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def sports_lexicon() -> SportsLexicon:
    return load_layered_model("lexicons/sports_teams.yaml", SportsLexicon)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


@functools.lru_cache(maxsize=1)
def _cue_ids() -> tuple[frozenset[int], tuple[tuple[int, int], ...]]:
    """Hashes of the one-word article cues, and (first, second) hashes of the two-word ones."""
    lex = sports_lexicon()
    one = frozenset(hash_string(c) for c in lex.article_cues if " " not in c)
    pairs = [c.split() for c in lex.article_cues if len(c.split()) == 2]
    two = tuple((hash_string(a), hash_string(b)) for a, b in pairs)
    return one, two


def is_sports_report(doc: Doc) -> bool:
    """At least ``min_article_cues`` tokens of the article are sports words (cached on the Doc)."""
    cached = doc.user_data.get(_SPORTS_KEY)
    if isinstance(cached, bool):
        return cached
    found = False
    if len(doc):
        one, two = _cue_ids()
        arr = doc.to_array([LOWER, LEMMA]).astype(numpy.uint64)
        # A set look-up per token: numpy.isin sorts both arrays on every call (the Doc's and the cues').
        n = sum(lower in one or lemma in one for lower, lemma in arr.tolist())
        for a, b in two:
            firsts = numpy.flatnonzero(arr[:-1, 0] == numpy.uint64(a))
            n += int((arr[firsts + 1, 0] == numpy.uint64(b)).sum())
        found = n >= sports_lexicon().min_article_cues
    doc.user_data[_SPORTS_KEY] = found
    return found


def _governed_by_sports_verb(head: Token, lex: SportsLexicon) -> bool:
    """The name whose last token is ``head`` is the subject or object of a sports verb ("Sweden beat
    Korea", "lost to Sweden")."""
    if head.dep_ == "conj":  # "Sweden and Korea drew"
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ not in _TO_OPPONENT:
        return False  # "won 24-16 in Auckland": the venue
    verb = head.head.head if head.dep_ == "pobj" else head.head
    return _lemma(verb) in lex.sports_verbs


def _sentence_signal(sent: Span, lex: SportsLexicon) -> tuple[bool, bool]:
    """(the sentence reports a game, the sentence speaks of the state)."""
    lemmas = {_lemma(t) for t in sent}
    game = bool(lemmas & lex.sentence_cues) or bool(_SCORE.search(sent.text))
    return game, bool(lemmas & lex.state_cues)


def _team_role(head: Token, lex: SportsLexicon) -> bool:
    """The name is a sports verb's subject or object, an opponent ("against Germany"), or owns a team word
    ("Sweden's coach")."""
    if head.dep_ in ("poss", "compound", "nmod") and _lemma(head.head) in lex.team_words:
        return True
    if head.dep_ == "pobj" and head.head.lower_ in _OPPONENT:  # "a point against Germany"
        return True
    return _governed_by_sports_verb(head, lex)


def mark_sports_teams(doc: Doc, mentions: list[Mention]) -> None:
    """Turn state-name mentions that stand for national teams into team mentions, in place."""
    states = [
        m
        for m in mentions
        if m.entry is not None and m.entry.kind == "state" and m.rule == f"kb:{m.entry.key}"
    ]
    if not states:
        return
    lex = sports_lexicon()
    if not is_sports_report(doc):
        return
    signals: dict[int, tuple[bool, bool]] = {}
    teams: set[str] = set()
    pending: list[Mention] = []
    for m in states:
        sent = doc[m.start].sent
        if sent.start not in signals:
            signals[sent.start] = _sentence_signal(sent, lex)
        game, state = signals[sent.start]
        if state:
            continue
        if game or _team_role(doc[m.end - 1], lex):
            _to_team(m)
            teams.add(m.country or "")
        else:
            pending.append(m)
    for m in pending:  # "Sweden now need a point": the team already named so in the article
        if m.country in teams:
            _to_team(m)


def _to_team(m: Mention) -> None:
    entry = m.entry
    assert entry is not None
    m.rule = f"sports-team:{entry.key}"
    m.kind = "organization"
    m.name = f"{entry.name} national team"
    m.entry = None
    m.sector = None
    m.sectors = []


def is_team_place(doc: Doc, start: int, end: int) -> bool:
    """The place at characters [start, end) stands for a sports team: a state the actors stage made a team,
    or, in a sports report, a region or town that is a sports verb's subject or object, an opponent or the
    owner of a team word ("Alabama beat Auburn", "Alabama's coach"); not the venue of a game."""
    if not is_sports_report(doc):
        return False
    for actor in doc._.herald_actors or []:
        if (actor.rule or "").startswith("sports-team:") and any(
            m.start < end and start < m.end for m in actor.mentions
        ):
            return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    lex = sports_lexicon()
    _game, state = _sentence_signal(span.sent, lex)
    head = span[-1]
    return not state and _team_role(head, lex)  # a game sentence alone: the venue ("24-16 in Auckland")
