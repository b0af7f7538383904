"""Shared fixtures: the pipeline (loaded once), small Docs, the gold data folder (tests skip without it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import herald
from herald.eval import default_data_root
from herald.inputs import ArticleInput
from herald.pipeline import make_doc


@pytest.fixture(scope="session")
def nlp() -> Language:
    return herald.load()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., herald.Extraction]:
    """``extract(text, published="2024-04-30")`` with the session's pipeline."""

    def run(text: str, **kwargs: object) -> herald.Extraction:
        return herald.extract(text, nlp=nlp, **kwargs)  # type: ignore[arg-type]

    return run


@pytest.fixture(scope="session")
def make(nlp: Language) -> Callable[..., Doc]:
    """``make(text, published="2024-04-30")``: a fully processed Doc, for testing a stage's records."""

    def run(text: str, published: str | None = None) -> Doc:
        return nlp(make_doc(nlp, ArticleInput(text=text, published=published)))

    return run


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The third-party gold data folder (../shared/data); tests using it skip when it is absent."""
    root = default_data_root()
    if root is None:
        pytest.skip("../shared/data is not present")
    return root
