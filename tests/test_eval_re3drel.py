"""The ``re3d-relations`` scorer: matching rules on synthetic relations and events, reading the MongoDB-export
format, a tiny document run end to end, and the real DEV data (``shared``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from herald.eval.datasets.re3d_relations import (
    PredEvent,
    Relation,
    fold_of,
    judge,
    read_dev,
)

# "Rebels attacked the army. Canada met Iran." — offsets of the synthetic text below.
TEXT = "Rebels attacked the army. Canada met Iran."
REBELS, ATTACKED, ARMY = (0, 6), (7, 15), (20, 24)
CANADA, MET, IRAN = (26, 32), (33, 36), (37, 41)
SENT1, SENT2 = (0, 25), (26, 42)


def ev(
    type_: str,
    trigger: tuple[int, int],
    actors: list[tuple[int, int]],
    recipients: list[tuple[int, int]],
    sent: tuple[int, int] = SENT1,
) -> PredEvent:
    return PredEvent(type_, trigger, [sent], [[a] for a in actors], [[r] for r in recipients])


FIGHT = Relation("FightingAgainst", ATTACKED, REBELS, ARMY)
MEET = Relation("CommWith", MET, IRAN, CANADA)  # symmetric, annotated target-first


@pytest.mark.parametrize(
    ("rel", "events", "sentence", "reason", "pair", "side"),
    [
        (FIGHT, [ev("ASSAULT", ATTACKED, [REBELS], [ARMY])], SENT1, "ok", True, True),
        (FIGHT, [], SENT1, "no-event", False, False),
        # an event in the other sentence is not near
        (FIGHT, [ev("ASSAULT", MET, [REBELS], [ARMY], SENT2)], SENT1, "no-event", False, False),
        (FIGHT, [ev("CONSULT", ATTACKED, [REBELS], [ARMY])], SENT1, "wrong-type", True, False),
        (FIGHT, [ev("ASSAULT", ATTACKED, [], [ARMY])], SENT1, "no-actor", False, False),
        (FIGHT, [ev("ASSAULT", ATTACKED, [ARMY], [REBELS])], SENT1, "wrong-actor", False, False),
        (FIGHT, [ev("ASSAULT", ATTACKED, [REBELS], [])], SENT1, "wrong-recipient", False, True),
        # two-sided fighting: both parties among the actors
        (FIGHT, [ev("ASSAULT", ATTACKED, [REBELS, ARMY], [])], SENT1, "ok", True, True),
        # symmetric: either direction, or both among the actors
        (MEET, [ev("CONSULT", MET, [CANADA], [IRAN], SENT2)], SENT2, "ok", True, True),
        (MEET, [ev("CONSULT", MET, [CANADA, IRAN], [], SENT2)], SENT2, "ok", True, True),
        (MEET, [ev("REQUEST", MET, [CANADA], [IRAN], SENT2)], SENT2, "ok", True, True),
        (MEET, [ev("ACCUSE", MET, [CANADA], [IRAN], SENT2)], SENT2, "wrong-type", True, False),
    ],
)
def test_judge(
    rel: Relation,
    events: list[PredEvent],
    sentence: tuple[int, int],
    reason: str,
    pair: bool,
    side: bool,
) -> None:
    v = judge(rel, events, sentence)
    assert (v.reason, v.pair_any_type, v.actor_side) == (reason, pair, side)
    assert v.found == (reason == "ok")


def test_directed_relation_is_not_reversed() -> None:
    likes = Relation("Likes", MET, CANADA, IRAN)
    v = judge(likes, [ev("SUPPORT", MET, [IRAN], [CANADA], SENT2)], SENT2)
    assert (v.found, v.reason) == (False, "wrong-actor")


def test_folds_alternate_by_position() -> None:
    assert [fold_of(i) for i in range(4)] == ["a", "b", "a", "b"]


def _write(folder: Path, doc_id: str, text: str, relations: list[dict[str, object]]) -> None:
    folder.mkdir(parents=True)
    (folder / "documents.json").write_text(json.dumps({"_id": doc_id, "text": text}) + "\n", encoding="utf-8")
    lines = [json.dumps({"documentId": doc_id, **r}) for r in relations]
    (folder / "relations.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _row(
    type_: str, trig: tuple[int, int], src: tuple[int, int], tgt: tuple[int, int], conf: float
) -> dict[str, object]:
    return {
        "type": type_,
        "begin": trig[0],
        "end": trig[1],
        "sourceBegin": src[0],
        "sourceEnd": src[1],
        "targetBegin": tgt[0],
        "targetEnd": tgt[1],
        "value": "",
        "confidence": conf,
    }


def test_read_dev_filters_and_dedupes(tmp_path: Path) -> None:
    _write(
        tmp_path / "A source",
        "d1",
        TEXT,
        [
            _row("FightingAgainst", ATTACKED, REBELS, ARMY, 1.0),
            _row("FightingAgainst", ATTACKED, ARMY, REBELS, 0.3),  # low confidence: dropped
            _row("CommWith", MET, CANADA, IRAN, 0.9),
            _row("CommWith", MET, IRAN, CANADA, 0.9),  # the same symmetric pair the other way: once
            _row("CoLocated", MET, CANADA, IRAN, 1.0),  # not an event
        ],
    )
    [(doc, rels)] = read_dev(tmp_path)
    assert doc["_id"] == "d1"
    assert [(r.type, r.source) for r in rels] == [("FightingAgainst", REBELS), ("CommWith", CANADA)]


def test_tiny_document_end_to_end(tmp_path: Path) -> None:
    from herald.eval import run

    text = "Syrian government forces attacked rebel positions near Aleppo on Monday."
    army = (0, 24)
    rebels = (34, 39)
    _write(tmp_path / "X", "d1", text, [_row("FightingAgainst", (25, 33), army, rebels, 1.0)])
    report = run("re3d-relations", tmp_path)
    assert report.documents == 1
    assert report.value("relations", "found") is not None
    assert report.value("relations@fold-a", "found") is not None
    # the failure breakdown and "found" partition the gold relations
    parts = [report.value(f"miss:{r}", "share") or 0.0 for r in ("no-event", "wrong-type", "no-actor")]
    parts += [report.value(f"miss:{r}", "share") or 0.0 for r in ("wrong-actor", "wrong-recipient")]
    assert sum(parts) + (report.value("relations", "found") or 0.0) == pytest.approx(1.0)


@pytest.mark.shared
def test_re3d_relations_on_dev(shared_data: Path) -> None:
    from herald.eval import run

    report = run("re3d-relations", shared_data / "re3d", limit=6)
    assert report.documents == 6
    for task in ("relations", "relations@fold-a", "relations@fold-b"):
        assert report.value(task, "found") is not None, task
    rows = read_dev(shared_data / "re3d")
    counts: dict[str, int] = {}
    for _, rels in rows:
        for r in rels:
            counts[r.type] = counts.get(r.type, 0) + 1
    assert len(rows) == 50
    assert counts["FightingAgainst"] == 121 and counts["Dislikes"] == 22 and counts["Likes"] == 22
