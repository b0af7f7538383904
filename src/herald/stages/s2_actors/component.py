"""spaCy component for the actors stage: a thin wrapper that writes ``doc._.herald_actors``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import ActorExtractor

register_extensions()


class ActorsComponent:
    """Builds the KB matcher and tries once; runs :class:`ActorExtractor` on each Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.extractor = ActorExtractor(nlp.vocab, nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_actors = self.extractor(doc)
        return doc


@Language.factory("herald_actors_v1")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
