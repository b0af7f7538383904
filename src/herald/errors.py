"""Every exception Herald raises, in one tree.

Catch :class:`HeraldError` to catch them all. Each message says what went wrong and how to fix it.
"""

from __future__ import annotations


class HeraldError(Exception):
    """Base class of every Herald error."""


class InputError(HeraldError):
    """An article could not be read or is not processable."""


class EmptyInputError(InputError):
    """The article has no text."""


class BinaryInputError(InputError):
    """The input looks like binary data (an image, an archive, a PDF...), not text."""


class EncodingError(InputError):
    """The bytes could not be decoded as text in any known encoding."""


class InputTooLargeError(InputError):
    """The article is longer than the configured limit."""


class InputFormatError(InputError):
    """A structured input (JSONL, feed, WARC) is malformed."""


class ConfigError(HeraldError):
    """A setting or a configuration file is invalid."""


class ModelNotFoundError(ConfigError):
    """The spaCy model named in the configuration is not installed."""


class ModelMismatchError(ConfigError):
    """A worker (e.g. a Spark executor) runs another model or Herald version than the driver pinned."""


class KnowledgeBaseError(ConfigError):
    """A knowledge file (actor KB, lexicon, ontology, gazetteer) is invalid."""


class LexiconKeyError(KnowledgeBaseError):
    """A lexicon file has a key Herald does not read (a misspelt list name, or a list meant for another file):
    the message names the file, the key, the nearest known key and every key the file may have."""


class UnsupportedPatternError(ConfigError):
    """A model's attribute rule uses a test Herald's indexed rules do not implement; Herald keeps spaCy's own
    ``attribute_ruler`` for that model (raised and handled inside :mod:`herald.attributes`)."""


class DatasetError(HeraldError):
    """An evaluation dataset is missing or malformed."""


class StoreError(HeraldError):
    """The corpus database could not be opened, migrated or written."""


__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DatasetError",
    "EmptyInputError",
    "EncodingError",
    "HeraldError",
    "InputError",
    "InputFormatError",
    "InputTooLargeError",
    "KnowledgeBaseError",
    "LexiconKeyError",
    "ModelMismatchError",
    "ModelNotFoundError",
    "StoreError",
]
