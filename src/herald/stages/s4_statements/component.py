"""spaCy component for the statements stage: writes ``doc._.herald_statements``, and adds the first-person
mentions the statements resolve ("we" in a quotation or a release) to ``doc._.herald_actors``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_statements
from .first_person import resolve_first_person

register_extensions()


class StatementsComponent:
    """Runs :func:`extract_statements`, then :func:`resolve_first_person`, and stores the records."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        statements = extract_statements(doc)
        actors = doc._.herald_actors
        if actors:
            new_actors, statements = resolve_first_person(doc, actors, statements)
            if any(a is not b for a, b in zip(new_actors, actors, strict=True)):
                doc._.herald_actors = new_actors
        doc._.herald_statements = statements
        return doc


@Language.factory("herald_statements_v1")
def make_statements(nlp: Language, name: str) -> StatementsComponent:
    return StatementsComponent(nlp, name)
