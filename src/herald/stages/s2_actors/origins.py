"""Demonyms of origin: "a Syrian-born activist", "a German of Turkish origin".

A demonym that says where someone was born or comes from ("Kenyan-born", "Turkish-raised", "of Syrian
descent") says nothing of whose national they are, nor that their state acts: it is neither an actor of its
own (the people "Kenyans") nor the person's country. Words in roles.yaml (``origin_suffixes``,
``origin_nouns``).

Where people come from, said with "from" and a state or a body of one ("doctors from American aid groups"),
is their country (``country_from``); the role keeps its sector, so no state acts through them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .context import NON_STATES, place_of
from .kb import KnowledgeBase
from .resolve import Draft, drafts_at

PEOPLE_KINDS = frozenset({"group", "person"})
FLED_PREPS = frozenset({"from", "in"})  # "fleeing (the war) in Liberia"; never "to", "into": where they go


def origin_demonym(doc: Doc, start: int, end: int, suffixes: frozenset[str], nouns: frozenset[str]) -> bool:
    """The demonym [start, end) is one of origin: "Kenyan-born" (a hyphen and an origin suffix after it) or
    "of Turkish origin" (it modifies an origin noun)."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in suffixes:
        return True
    if end < len(doc) and doc[end].lower_ in suffixes and doc[end - 1].head.i == end:
        return True  # "Syrian born" written without the hyphen
    head = doc[end - 1]
    return head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in nouns


def country_from(doc: Doc, drafts: list[Draft], kb: KnowledgeBase, flee_verbs: frozenset[str]) -> None:
    """People who come from a named state or body ("doctors from two American aid groups", "a journalist from
    Syria") are of its country: rule ``+from:<code>``; so are people fleeing a country or a war in it
    ("refugees fleeing the civil war in Liberia", rule ``+fleeing:<code>``; ``flee_verbs`` in roles.yaml).
    Only an unnamed people role with no country of its own, and only a "from" or a verb that completes the
    role noun (not "fled from Syria" said of them, a place of motion; never "fleeing to Turkey")."""
    at = drafts_at(drafts)
    for d in drafts:
        m = d.first
        if (
            not d.spans
            or not m.unnamed
            or m.country is not None
            or m.entry is not None
            or m.owner is not None
            or m.kind not in PEOPLE_KINDS
        ):
            continue
        _s, e = min(d.spans)
        head = doc[e - 1]
        how, where = "from", []
        if e < len(doc) and doc[e].lower_ == "from" and doc[e].head.i == head.i:
            where = [c for c in doc[e].children if c.dep_ == "pobj"]
        else:
            verb = next(
                (c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in flee_verbs),
                None,
            )
            if verb is not None:
                how = "fleeing"
                for c in verb.children:
                    if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in FLED_PREPS):
                        where.extend(t for t in c.subtree if t.i > verb.i)
        code = next((x for t in where if (x := _country_at(doc, t, at, d, kb)) is not None), None)
        if code is None:
            continue  # "officials from the UN" are the UN's (UNO), as its own actor says
        m.country = code
        m.rule += f"+{how}:{code}"


def _country_at(doc: Doc, tok: Token, at: dict[int, Draft], own: Draft, kb: KnowledgeBase) -> str | None:
    """The country of the actor at ``tok`` (any code: "the UN" is UNO), else of the named place there."""
    other = at.get(tok.i)
    if other is not None and other is not own:
        return other.first.country
    if other is None and tok.ent_type_ == "GPE":
        ent = next((x for x in doc.ents if x.start <= tok.i < x.end), None)
        code = place_of(ent.text, kb) if ent is not None else None
        return None if code in NON_STATES else code
    return None
