"""National sports teams named by their country: "Sweden beat South Korea 1-0" (lexicons/sports_teams.yaml).

In a sports report a state's name in a sentence about the game (a score, a sports word, a sports verb of
which it is the subject or object) stands for the country's team. Linking it to the state would give the
team the state's Wikidata id and make it a government actor; the mention becomes a national team of that
country instead (kind organization, no sector, no Wikidata id; rule ``sports-team:<key>``). Once a state is
a team in the article, its other name mentions are the team too unless their sentence speaks of the state
(``state_cues``: "the government", "the minister").
"""

from __future__ import annotations

import functools
import re

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered_model
from .mentions import Mention

_SCORE = re.compile(r"(?<![\d/.,:-])\d{1,2} ?[-–] ?\d{1,2}(?![\d/.,:-])")


class SportsLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_article_cues: int = 3
    article_cues: frozenset[str] = frozenset()
    sentence_cues: frozenset[str] = frozenset()
    sports_verbs: frozenset[str] = frozenset()
    state_cues: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def sports_lexicon() -> SportsLexicon:
    return load_layered_model("lexicons/sports_teams.yaml", SportsLexicon)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _is_sports_report(doc: Doc, lex: SportsLexicon) -> bool:
    n = 0
    for i, tok in enumerate(doc):
        if _lemma(tok) in lex.article_cues or (
            tok.lower_ == "world" and i + 1 < len(doc) and doc[i + 1].lower_ == "cup"
        ):
            n += 1
            if n >= lex.min_article_cues:
                return True
    return False


def _governed_by_sports_verb(doc: Doc, m: Mention, lex: SportsLexicon) -> bool:
    """The name is the subject or object of a sports verb ("Sweden beat Korea", "lost to Sweden")."""
    head = doc[m.end - 1]
    if head.dep_ == "conj":  # "Sweden and Korea drew"
        head = head.head
    verb = head.head.head if head.dep_ == "pobj" else head.head
    return _lemma(verb) in lex.sports_verbs


def _sentence_signal(sent: Span, lex: SportsLexicon) -> tuple[bool, bool]:
    """(the sentence is about the game, the sentence speaks of the state)."""
    lemmas = {_lemma(t) for t in sent}
    game = bool(lemmas & (lex.sentence_cues | lex.article_cues)) or bool(_SCORE.search(sent.text))
    return game, bool(lemmas & lex.state_cues)


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
    if not _is_sports_report(doc, lex):
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
        if game or _governed_by_sports_verb(doc, m, lex):
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
