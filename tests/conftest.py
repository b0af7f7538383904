"""Shared fixtures: the pipeline (loaded once), small Docs, the gold data folder (tests skip without it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

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


class Coded(NamedTuple):
    """One coded event with its parties by name, as the event tests compare it."""

    type: str
    actors: list[str]
    recipients: list[str]
    mode: str | None
    historical: bool
    rule: str


CodedEvents = Callable[[str, str], list[Coded]]
EventParties = Callable[[str, str], list[tuple[str, list[str], list[str]]]]


@pytest.fixture(scope="session")
def coded_events(extract: Callable[..., herald.Extraction]) -> CodedEvents:
    """``coded_events(text, published)``: each coded event as a :class:`Coded` row."""

    def run(text: str, published: str) -> list[Coded]:
        x = extract(text, published=published)
        names = {a.id: a.name for a in x.actors}
        return [
            Coded(
                e.type,
                [names[i] for i in e.actors],
                [names[i] for i in e.recipients],
                e.mode,
                e.historical,
                e.rule,
            )
            for e in x.events
        ]

    return run


@pytest.fixture(scope="session")
def event_parties(coded_events: CodedEvents) -> EventParties:
    """``event_parties(text, published)``: each coded event as (type, actor names, recipient names)."""

    def run(text: str, published: str) -> list[tuple[str, list[str], list[str]]]:
        return [(c.type, c.actors, c.recipients) for c in coded_events(text, published)]

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


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A corpus store built from the bundled examples/ (once per session), for the API and explorer tests."""
    from herald.corpus.ingest import ingest

    db = tmp_path_factory.mktemp("store") / "herald.db"
    ingest([Path(__file__).parent.parent / "examples"], db, workers=1)
    return db


# Hostile article fields: every one must be shown as text by the explorer, never run.
XSS_ARTICLES = [
    {
        "id": "xss-1",
        "title": '<script>alert("title")</script> Rebels attack "><img src=x onerror=alert(1)>',
        "source": "<img src=x onerror=alert('outlet')> Evil Wire",
        "url": "javascript:alert('url')",
        "published": "2025-03-12",
        "text": (
            "Rebels attacked the village of Beni on Monday <script>alert('text')</script>, killing at least "
            "12 people, the army said.\n\n"
            "\"We will never surrender <img src=x onerror=alert('quote')>,\" said Kambale Musavuli "
            "\"><svg onload=alert('svg')>, a spokesman for the Ituri Defence Front.\n\n"
            "Police arrested 40 protesters in Kinshasa on Tuesday ' onmouseover='alert(4)' "
            '<a href="javascript:alert(5)">click</a>, according to the interior ministry.'
        ),
    },
    {
        "id": "xss-2",
        "title": "</title><script>alert('t2')</script>",
        "source": '"><script src=/static/explorer.js></script>',
        "url": "https://example.org/\"><script>alert('u2')</script>",
        "published": "2025-03-13",
        "text": (
            "President Félix Tshisekedi condemned the killings in Beni </textarea><script>alert(6)</script> "
            "and ordered an inquiry on Wednesday.\n\n"
            '"The perpetrators <b onmouseover=alert(7)>will be punished</b>," Tshisekedi told reporters '
            "in Kinshasa {{ 7*7 }} ${alert(8)}."
        ),
    },
]


@pytest.fixture(scope="session")
def xss_store(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A store whose articles carry script, event-handler and javascript: payloads in every field."""
    import json

    from herald.corpus.ingest import ingest

    folder = tmp_path_factory.mktemp("xss")
    (folder / "hostile.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in XSS_ARTICLES), encoding="utf-8"
    )
    db = folder / "herald.db"
    ingest([folder / "hostile.jsonl"], db, workers=1)
    return db
