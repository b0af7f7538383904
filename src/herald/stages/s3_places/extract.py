"""Pure functions: Doc -> Place records. (Not yet implemented: the stage currently finds nothing.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...schema import Place


def extract_places(doc: Doc) -> list[Place]:
    return []
