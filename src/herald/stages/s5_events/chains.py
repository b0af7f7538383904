"""Event chains: a later mention that belongs to an event already coded (same type, linked by syntax)."""

from __future__ import annotations

from spacy.tokens import Token

from .candidate import Candidate


def chained(matched: dict[int, Candidate], tok: Token, type_: str) -> bool:
    """A second verb of the same type coordinated with or subordinate to a coded one ("attacked ...,
    killing 156"), or describing a coded event noun ("an attack that killed 18"), belongs to the same
    event."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            prev = matched.get(cur.head.i)
            return prev is not None and prev.type == type_ and prev.trigger.i == cur.head.i
        if cur.dep_ not in ("conj", "advcl", "xcomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
        prev = matched.get(cur.i)
        if prev is not None and prev.type == type_:
            return True
    return False
