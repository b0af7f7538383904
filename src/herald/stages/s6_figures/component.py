"""spaCy component for the figures stage: a thin wrapper that writes ``doc._.herald_figures``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_figures

register_extensions()


class FiguresComponent:
    """Runs :func:`extract_figures` and stores its records on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_figures = extract_figures(doc)
        return doc


@Language.factory("herald_figures_v1")
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    return FiguresComponent(nlp, name)
