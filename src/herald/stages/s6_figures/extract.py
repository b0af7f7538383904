"""Pure functions: Doc -> Figure records. (Not yet implemented: the stage currently finds nothing.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...schema import Figure


def extract_figures(doc: Doc) -> list[Figure]:
    return []
