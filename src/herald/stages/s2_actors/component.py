"""spaCy component for the actors stage: a thin wrapper that writes ``doc._.herald_actors``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_actors

register_extensions()


class ActorsComponent:
    """Runs :func:`extract_actors` and stores its records on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_actors = extract_actors(doc)
        return doc


@Language.factory("herald_actors_v1")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
