"""spaCy component for the events stage: a thin wrapper that writes ``doc._.herald_events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import register_extensions
from .extract import extract_events

register_extensions()


class EventsComponent:
    """Runs :func:`extract_events` and stores its records on the Doc. ``include_future`` keeps events that
    are only predicted or planned (``Event.future``); by default only realised events are coded."""

    def __init__(self, nlp: Language, name: str, include_future: bool = False) -> None:
        self.name = name
        self.include_future = include_future

    def __call__(self, doc: Doc) -> Doc:
        doc._.herald_events = extract_events(doc, include_future=self.include_future)
        return doc


@Language.factory("herald_events_v1", default_config={"include_future": False})
def make_events(nlp: Language, name: str, include_future: bool) -> EventsComponent:
    return EventsComponent(nlp, name, include_future)
