"""spaCy component for the events stage: a thin wrapper that writes ``doc._.herald_events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_events

register_extensions()


class EventsComponent:
    """Runs :func:`extract_events` and stores its records on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_events = extract_events(doc)
        return doc


@Language.factory("herald_events_v1")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
