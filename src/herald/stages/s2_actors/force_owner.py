"""Whose forces: "Russia massed troops", "Ukraine called up reservists". A state that deploys, masses or
calls up unaffiliated forces ("troops", "reservists") commands them, so the forces take its country (rule
``+of-subject:RUS``). Without it every unaffiliated "troops" of an article is one actor, and two states'
mobilisations share their forces. Verbs: ``force_owner_verbs`` in data/lexicons/roles.yaml."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicons
from .mentions import Mention
from .syntax import head_of


def _verb_key(verb: Token) -> str:
    """The verb's lemma with its particle ("call up", "pull out")."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def _subject(verb: Token) -> Token | None:
    """The verb's active subject, or the subject of the verb it is coordinated with ("massed troops and
    called up reservists")."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def own_forces(doc: Doc, mentions: list[Mention], lex: Lexicons) -> None:
    """Unaffiliated military role mentions that are the object of a state's force verb take its country.
    ``mentions`` is edited in place."""
    verbs = frozenset(lex.force_owner_verbs)
    if not verbs:
        return
    states: dict[int, Mention] = {}
    for m in mentions:
        if m.entry is not None and m.entry.kind == "state" and m.country:
            for i in range(m.start, m.end):
                states[i] = m
    if not states:
        return
    for m in mentions:
        if not (m.unnamed and m.country is None and m.kind == "group" and m.sector == "MIL"):
            continue
        head = head_of(doc, m.start, m.end)
        if head.dep_ != "dobj" or _verb_key(head.head) not in verbs:
            continue
        subj = _subject(head.head)
        owner = states.get(subj.i) if subj is not None else None
        if owner is not None and owner.country is not None:
            m.country = owner.country
            m.rule += f"+of-subject:{owner.country}"
