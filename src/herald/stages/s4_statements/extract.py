"""Pure functions: Doc -> Statement records. (Not yet implemented: the stage currently finds nothing.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...schema import Statement


def extract_statements(doc: Doc) -> list[Statement]:
    return []
