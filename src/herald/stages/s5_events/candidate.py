"""An event in the making (Candidate) and the small helpers every rule module shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...schema import Span as TextSpan
from ..common import head_indices
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


def build(
    entry: Entry,
    trigger: Token,
    actors: Resolved,
    recipients: Resolved,
    rule: str,
    *,
    anchor: Token | None = None,
    kind: str = "verb",
    type_: str | None = None,
    mode: str | None = None,
    notes: list[str] | None = None,
    partners: Resolved | None = None,
    content: Token | None = None,
    content_type: str | None = None,
) -> Candidate:
    """A candidate for a trigger: type, mode and contexts from the lexicon entry unless given, the trigger as
    its own anchor unless given, its depth in the parse."""
    return Candidate(
        entry,
        trigger,
        anchor if anchor is not None else trigger,
        kind,
        type_ or entry.type,
        mode if mode is not None else entry.mode,
        list(entry.contexts),
        actors,
        recipients,
        rule,
        depth(trigger),
        content=content,
        content_type=content_type,
        notes=notes if notes is not None else [],
        partners=partners if partners is not None else Resolved(),
    )


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
    # Built from the token itself: Doc.text re-joins the whole document on every access. Offsets and text
    # are an int and a str already, so pydantic's validation is skipped.
    text = tok.text
    return TextSpan.model_construct(start=tok.idx, end=tok.idx + len(text), text=text)


def depth(tok: Token) -> int:
    heads, i, d = head_indices(tok.doc), tok.i, 0
    while heads[i] != i and d < 50:
        i = heads[i]
        d += 1
    return d
