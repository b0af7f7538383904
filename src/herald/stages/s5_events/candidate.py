"""An event in the making (Candidate) and the small helpers every rule module shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...schema import Span as TextSpan
from .lexicon import Entry
from .roles import (
    Resolved,
)


@dataclass
class Candidate:
    """An event in the making, with the trace ``herald explain`` shows."""

    entry: Entry
    trigger: Token
    anchor: Token  # the verb whose modality and subject govern the event (support verb for nouns)
    kind: str  # verb | adj | noun+support | noun | noun+occur
    type: str
    mode: str | None
    contexts: list[str]
    actors: Resolved
    recipients: Resolved
    rule: str
    depth: int
    content: Token | None = None
    content_type: str | None = None
    cues: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    partners: Resolved = field(default_factory=Resolved)  # the other side of a mutual event ("met X")


def mutual(
    two_sided: bool, actors: Resolved, recipients: Resolved, rule: str
) -> tuple[Resolved, Resolved, Resolved, str]:
    """A two-sided event ("X and Y clashed", "talks with Y") has all parties as actors and no recipient;
    the former recipients are kept as partners for the explanation. Returns (actors, recipients, partners,
    rule)."""
    if not two_sided:
        return actors, recipients, Resolved(), rule
    return union(actors, recipients), Resolved(), recipients, rule + "-mutual"


def union(a: Resolved, b: Resolved) -> Resolved:
    out = Resolved()
    out.extend(a)
    out.extend(b)
    return out


def token_span(tok: Token) -> TextSpan:
    # Built from the token itself: Doc.text re-joins the whole document on every access.
    return TextSpan(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text)


def depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
