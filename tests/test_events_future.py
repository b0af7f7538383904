"""Realised vs predicted events (issue 10): predicted or planned events (``future``) are left out of
``Extraction.events`` by default, as PLOVER/ICEWS coding and the events-gwn gold do; ``include_future`` keeps
them. Verbal acts announcing something (a threat, a promise, an agreement) are events either way."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from herald.cli import app
from herald.config import Settings
from herald.pipeline import _stage_config
from herald.stages.s5_events.component import EventsComponent
from herald.stages.s5_events.extract import extract_events

PUB = "2024-04-30"
Make = Callable[..., Doc]

# (text, type expected by default or None, type expected with include_future)
ROWS = [
    # predictions and plans: no event by default
    ("Troops will attack the rebel stronghold next week.", None, "ASSAULT"),
    ("The European Union will impose new sanctions on Iran next week, officials said.", None, "SANCTION"),
    ("Analysts said China will impose sanctions on U.S. firms.", None, "SANCTION"),
    # realised events: kept either way
    ("Police arrested 12 protesters in Nairobi on Monday.", "COERCE", "COERCE"),
    ("Troops attacked the rebel stronghold on Monday.", "ASSAULT", "ASSAULT"),
    # verbal acts about the future are events now: the threat, the promise, the announced talks
    ("Hamas threatened to attack Israeli towns.", "THREATEN", "THREATEN"),
    ("The Kenyan government promised to release the prisoners.", "AGREE", "AGREE"),
    ("Russia will hold talks with Ukraine next month.", "AGREE", "AGREE"),
]


@pytest.mark.parametrize(("text", "default", "kept"), ROWS)
def test_predicted_events_only_on_request(make: Make, text: str, default: str | None, kept: str) -> None:
    doc = make(text, published=PUB)
    got = [e.type for e in doc._.herald_events]
    assert got == ([default] if default else []), [e.rule for e in doc._.herald_events]
    every = extract_events(doc, include_future=True)
    assert [e.type for e in every] == [kept]
    assert every[0].future is (default is None)


def test_component_option(nlp: Language, make: Make) -> None:
    """The spaCy component's ``include_future`` config decides; ids stay consecutive."""
    doc = make("Troops attacked the town on Monday. Troops will attack the port next week.", published=PUB)
    assert [(e.id, e.future) for e in doc._.herald_events] == [("e1", False)]
    EventsComponent(nlp, "herald_events_v1", include_future=True)(doc)
    assert [(e.id, e.future) for e in doc._.herald_events] == [("e1", False), ("e2", True)]


@pytest.mark.parametrize(("env", "expected"), [("", False), ("0", False), ("1", True), ("true", True)])
def test_setting_from_the_environment(monkeypatch: pytest.MonkeyPatch, env: str, expected: bool) -> None:
    monkeypatch.setenv("HERALD_INCLUDE_FUTURE", env)
    cfg = Settings()
    assert cfg.include_future is expected
    assert _stage_config("herald_events_v1", cfg) == {"include_future": expected}
    assert _stage_config("herald_times_v1", cfg) == {}


@pytest.mark.parametrize(("flag", "types"), [([], []), (["--include-future"], ["ASSAULT"])])
def test_cli_flag(tmp_path: object, flag: list[str], types: list[str]) -> None:
    import json
    from pathlib import Path

    path = Path(str(tmp_path)) / "a.txt"
    path.write_text("Troops will attack the rebel stronghold next week.", encoding="utf-8")
    out = CliRunner().invoke(app, ["extract", str(path), "--published", PUB, *flag])
    assert out.exit_code == 0, out.output
    assert [e["type"] for e in json.loads(out.stdout)["events"]] == types


@pytest.mark.parametrize(("keep", "types"), [(False, []), (True, ["ASSAULT"])])
def test_explain_follows_the_option(nlp: Language, keep: bool, types: list[str]) -> None:
    from herald.stages.s5_events.explain import explain

    items = explain(
        "Troops will attack the rebel stronghold next week.", published=PUB, nlp=nlp, include_future=keep
    )
    assert [x.event.type for x in items] == types
