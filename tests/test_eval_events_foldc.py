"""The bundled fold-c event gold (eval/events-gwn-foldc): well-formed, coded in the ontology's types and
modes, and scored by the events-gwn-dev scorer. Scoring needs the GeoWebNews articles in ../shared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from herald.stages.s5_events.ontology import load_ontology

FOLDC = Path(__file__).resolve().parents[1] / "eval" / "events-gwn-foldc"
FILES = sorted(FOLDC.glob("gwn-dev-*.json"))
KEYS = {
    "id",
    "type",
    "mode",
    "also_ok_type",
    "actor",
    "recipient",
    "date",
    "place",
    "historical",
    "optional",
    "note",
}


def test_foldc_has_its_eleven_articles() -> None:
    assert [int(f.stem.rsplit("-", 1)[1]) for f in FILES] == sorted(
        [14, 15, 21, 39, 47, 67, 70, 72, 77, 81, 97]
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_foldc_gold_is_well_formed(path: Path) -> None:
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    onto = load_ontology()
    assert set(gold) == {"about", "published", "events"}
    for e in gold["events"]:
        assert set(e) <= KEYS, e["id"]
        assert onto.type(e["type"]) is not None, e["id"]
        assert all(onto.type(t) is not None for t in e.get("also_ok_type", [])), e["id"]
        mode = e.get("mode")
        assert mode is None or mode in onto.types[e["type"]].modes, (e["id"], mode)
        assert e["actor"] and all(isinstance(n, str) and n for n in e["actor"]), e["id"]
        assert isinstance(e["historical"], bool) and len(e["note"].split()) <= 12, e["id"]


@pytest.mark.shared
def test_foldc_is_scored(shared_data: Path) -> None:
    from herald.eval import run

    report = run("events-gwn-foldc", FOLDC)
    assert report.documents == 11
    assert report.value("events@fold-c", "recall") is not None
    assert report.value("events", "precision") is not None
