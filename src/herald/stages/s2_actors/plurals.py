"""Plural person roles that stand for named people: "two senators, Tom Udall and Martin Heinrich," and
"New Mexico's senators joined the call ... Tom Udall and Martin Heinrich issued statements".

An unnamed plural role ("senators", "the two ministers") becomes a mention of each person it names:

- ``plural:appos``: the role noun has an apposition listing two or more named persons;
- ``plural:next``: the role is the subject of its sentence and the next sentence's subject is a list of two
  or more named persons (a lede naming a group, the next sentence saying who).

A number on the role ("two senators") must equal the number of names; when the persons' sectors are known,
one of them must be the role's ("senators" are LEG). The role's mentions ("the senators" later) then belong
to every person named, each with the rule ``plural:<how>:<role>``, and the role actor goes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .resolve import Draft, drafts_at
from .syntax import head_of

SUBJECT = frozenset({"nsubj", "nsubjpass"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _persons_at(drafts: list[Draft]) -> dict[int, Draft]:
    return drafts_at(drafts, lambda d: d.first.kind == "person" and not d.first.unnamed)


def _listed(tok: Token, persons: dict[int, Draft]) -> list[Draft]:
    """The distinct named persons of a list headed by ``tok`` ("X and Y"), or [] if any item is not one."""
    out: list[Draft] = []
    for t in [tok, *tok.conjuncts]:
        d = persons.get(t.i)
        if d is None:
            return []
        if all(d is not x for x in out):
            out.append(d)
    return out if len(out) >= 2 else []


def _sectors(d: Draft) -> set[str]:
    return {x for x in [d.first.sector, *d.first.sectors] if x}


def link_plural_roles(doc: Doc, drafts: list[Draft]) -> None:
    """Re-point plural person roles at the persons they name (see the module docstring); edits in place."""
    roles = [
        d
        for d in drafts
        if d.spans
        and d.first.kind in ("person", "group")
        and d.first.unnamed
        and d.first.role_key
        and d.first.entry is None
    ]
    if not roles:
        return
    persons = _persons_at(drafts)
    if len(persons) < 2:
        return
    for r in roles:
        s, e = min(r.spans)
        h = head_of(doc, s, e)
        if h.tag_ not in PLURAL_TAGS:
            continue
        how, members = "appos", []
        for c in h.children:
            if c.dep_ == "appos":
                members = _listed(c, persons)
                break
        if not members and h.dep_ in SUBJECT:
            how = "next"
            sent = h.sent
            if sent.end < len(doc):
                nxt = doc[sent.end].sent
                root = nxt.root
                for subj in root.children:  # "Sens. Tom Udall and ...": the parser may give two subjects
                    if subj.dep_ in SUBJECT and (members := _listed(subj, persons)):
                        break
        if not members:
            continue
        count = next((_NUMBERS[c.lower_] for c in h.children if c.lower_ in _NUMBERS), None)
        if count is not None and count != len(members):
            continue
        want = _sectors(r)
        known = [x for m in members if (x := _sectors(m))]
        if want and known and not any(want & x for x in known):
            continue
        rule = f"plural:{how}:{r.first.role_key}"
        for span in sorted(r.spans):
            for m in members:
                m.link(span[0], span[1], rule)
                if m.title is None and r.title:
                    m.title = r.title
        r.spans.clear()
