"""spaCy component for the times stage: a thin wrapper that writes ``doc._.herald_times``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_times

register_extensions()


class TimesComponent:
    """Runs :func:`extract_times` and stores its records on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_times = extract_times(doc)
        return doc


@Language.factory("herald_times_v1")
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
