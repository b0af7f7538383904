"""A statement under construction, shared by the rules of this stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Found:
    """A statement under construction (character offsets; ids are given at the end)."""

    content: tuple[int, int]
    kind: str
    rule: str
    cue: Token | None = None
    cue_text: str | None = None
    cue_class: str = "speech"
    speaker: tuple[int, int] | None = None  # character range of the speaker noun phrase
    speaker_head: Token | None = None
    tokens: list[int] = field(default_factory=list)  # token indices whose sentences make the evidence
    quotes: list[tuple[int, int]] = field(default_factory=list)
    continues: Found | None = None
    evidence: tuple[int, int] | None = None
    negated: bool = False  # "did not say that ...", "denied that ..."
