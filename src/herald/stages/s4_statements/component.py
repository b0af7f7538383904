"""spaCy component for the statements stage: a thin wrapper that writes ``doc._.herald_statements``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_statements

register_extensions()


class StatementsComponent:
    """Runs :func:`extract_statements` and stores its records on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_statements = extract_statements(doc)
        return doc


@Language.factory("herald_statements_v1")
def make_statements(nlp: Language, name: str) -> StatementsComponent:
    return StatementsComponent(nlp, name)
