"""A paragraph break starts a sentence: runs before the parser so a headline or dateline never fuses with the
first sentence of the story ("... talks in Doha\n\nKINSHASA, March 14 - The government ...")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a blank line (the parser keeps preset boundaries)."""
    for i in range(len(doc) - 1):
        tok = doc[i]
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("herald_paragraphs_v1")
def paragraphs(doc: Doc) -> Doc:
    return mark_paragraph_starts(doc)
