"""spaCy component for the places stage: a thin wrapper that writes ``doc._.herald_places``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from ..s2_actors.place_ids import add_wikidata
from .extract import extract_places

register_extensions()


class PlacesComponent:
    """Runs :func:`extract_places` and stores its records on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_places = add_wikidata(extract_places(doc), doc)
        return doc


@Language.factory("herald_places_v1")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
