"""spaCy component for the actors stage: a thin wrapper that writes ``doc._.herald_actors``."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ...config import settings
from ..common import register_extensions
from .extract import ActorExtractor
from .kb import load_kb

register_extensions()


class ActorsComponent:
    """Builds the KB matcher and tries once; runs :class:`ActorExtractor` on each Doc.

    The KB is the shipped one + ``$HERALD_HOME/actors/`` + any ``extra_data`` paths given in the component
    config (``nlp.add_pipe("herald_actors_v1", config={"extra_data": ["my_kb/"]})``)."""

    def __init__(self, nlp: Language, name: str, extra_data: list[str] | None = None) -> None:
        self.name = name
        cfg = settings()
        if extra_data:
            cfg = cfg.with_(extra_data=tuple(cfg.extra_data) + tuple(Path(p) for p in extra_data))
        self.extractor = ActorExtractor(nlp.vocab, nlp.tokenizer, kb=load_kb(cfg), cfg=cfg)

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_actors = self.extractor(doc)
        return doc


@Language.factory("herald_actors_v1", default_config={"extra_data": []})
def make_actors(nlp: Language, name: str, extra_data: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, extra_data)
