"""Pure functions: Doc -> Event records. (Not yet implemented: the stage currently finds nothing.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...schema import Event


def extract_events(doc: Doc) -> list[Event]:
    return []
