"""A person who serves another person: "Jane Doe, a senior aide to the minister", "a spokesman for President
X", "his chief of staff". The served person (named after "to"/"for", or the possessor, once pronouns are
resolved) becomes the server's parent, and gives it its country when it has none; the server's rule gets
``+principal``. Head nouns: ``principal_nouns``
in coref.yaml. Only a person serves and is served here: "a spokesman for the army" is the army's (find.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .resolve import Draft, drafts_at
from .syntax import head_of


def _principal_token(head: Token) -> Token | None:
    """The token naming whom the noun serves: "aide to [X]", "spokesman for [X]", "[his] aide"."""
    for c in head.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("to", "for"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def link_principals(doc: Doc, drafts: list[Draft], nouns: frozenset[str]) -> None:
    """Set the parent of each person draft one of whose mentions is a serving noun with a person's
    complement (edits the drafts in place)."""
    person_at = drafts_at(drafts, lambda d: d.first.kind == "person")
    if not person_at:
        return
    for d in drafts:
        if d.first.kind != "person" or d.parent is not None or not d.spans:
            continue
        for s, e in sorted(d.spans):
            head = head_of(doc, s, e)
            last = doc[e - 1]  # "chief of staff": the head is "chief", the serving word "staff"
            if not {head.lemma_.lower(), head.lower_, last.lemma_.lower(), last.lower_} & nouns:
                continue
            tok = _principal_token(head)
            boss = person_at.get(tok.i) if tok is not None else None
            if boss is None or boss is d:
                continue
            d.parent = boss
            d.first.rule += "+principal"
            if d.first.country is None and boss.first.country is not None:
                d.first.country = boss.first.country  # "a spokesman for President Biden" is American
            break
