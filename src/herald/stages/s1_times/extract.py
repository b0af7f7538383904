"""Pure functions: Doc -> Time records. (Not yet implemented: the stage currently finds nothing.)"""

from __future__ import annotations

from spacy.tokens import Doc

from ...schema import Time


def extract_times(doc: Doc) -> list[Time]:
    return []
