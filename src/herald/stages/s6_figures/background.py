"""Background totals told apart from the article's own toll: a figure is ``historical`` when the event it
belongs to is, when its clause says it is a running total ("has killed 500,000 people since 2011", "120 have
died so far this year"), or when it sits in a relative clause describing an earlier attack someone is blamed
for ("linked to an IED attack that killed four soldiers")."""

from __future__ import annotations

from spacy.tokens import Token

from ...schema import Event
from .lexicon import FiguresLexicon

_MAX_CLIMB = 6


def _clause_verb(anchor: Token) -> Token:
    """The verb whose clause holds the figure (the anchor itself when it is one)."""
    tok = anchor
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _has_background_word(verb: Token, lex: FiguresLexicon) -> str | None:
    """A background phrase ("since 2011", "so far", "to date") attached to the figure's clause verb."""
    table = lex.background_words or {}
    longest = max((len(k) for k in table), default=0)
    for child in verb.children:
        if child.dep_ not in ("prep", "advmod", "mark", "advcl", "npadvmod", "pobj"):
            continue
        words = [t.lower_ for t in child.doc[child.left_edge.i : child.left_edge.i + longest]]
        for n in range(len(words), 0, -1):
            phrase = table.get(tuple(words[:n]))
            if phrase is not None:
                return phrase
        if child.dep_ == "advcl":  # "since the war began"
            first = child.left_edge.lower_
            if (first,) in table:
                return first
    return None


def _blamed_attack(verb: Token, lex: FiguresLexicon) -> bool:
    """ "an attack that killed four soldiers", the attack being what someone is responsible for/linked to."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    up = noun.head
    for _ in range(3):
        if up.lemma_.lower() in lex.blame_words or up.lower_ in lex.blame_words:
            return True
        if up.head.i == up.i:
            break
        up = up.head
    return False


def background_rule(
    anchor: Token, event_id: str | None, events: list[Event], lex: FiguresLexicon
) -> str | None:
    """Why the figure is background (a rule name), or None when it is the article's own news."""
    if event_id is not None and any(e.id == event_id and e.historical for e in events):
        return "historical:event"
    verb = _clause_verb(anchor)
    phrase = _has_background_word(verb, lex)
    if phrase is not None:
        return f"historical:{phrase}"
    if _blamed_attack(verb, lex):
        return "historical:blamed-attack"
    return None
