"""Herald: read news articles and record, with evidence, the events, statements, figures, times, places and
actors they report.

    >>> import herald
    >>> x = herald.extract("China said on Tuesday ...", published="2024-04-30")
    >>> x.events, x.statements, x.figures
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract, extract_article, extract_many
from .errors import (
    BinaryInputError,
    ConfigError,
    DatasetError,
    EmptyInputError,
    EncodingError,
    HeraldError,
    InputError,
    InputFormatError,
    InputTooLargeError,
    KnowledgeBaseError,
    ModelNotFoundError,
    StoreError,
)
from .pipeline import build, load
from .schema import (
    SCHEMA_VERSION,
    Actor,
    Article,
    Event,
    Extraction,
    Figure,
    Place,
    Span,
    Statement,
    Time,
    json_schema,
)

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "BinaryInputError",
    "ConfigError",
    "DatasetError",
    "EmptyInputError",
    "EncodingError",
    "Event",
    "Extraction",
    "Figure",
    "HeraldError",
    "InputError",
    "InputFormatError",
    "InputTooLargeError",
    "KnowledgeBaseError",
    "ModelNotFoundError",
    "Place",
    "Span",
    "Statement",
    "StoreError",
    "Time",
    "__version__",
    "build",
    "extract",
    "extract_article",
    "extract_many",
    "json_schema",
    "load",
]
