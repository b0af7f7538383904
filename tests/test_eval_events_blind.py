"""The bundled blind event gold (fold c, eval/events-gwn-foldc; fold d, eval/events-trn-foldd; fold e,
eval/events-polnear-folde) and the speech look set (eval/events-polnear-look): well-formed, coded in the
ontology's types and modes, and scored by the events-gwn-dev scorer. Scoring needs the articles
(GeoWebNews, TR-News in ../shared; a PolNeAR clone for fold e and the look set)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from herald.stages.s5_events.ontology import load_ontology

EVAL = Path(__file__).resolve().parents[1] / "eval"
FOLDC = EVAL / "events-gwn-foldc"
FOLDD = EVAL / "events-trn-foldd"
FOLDE = EVAL / "events-polnear-folde"
LOOK = EVAL / "events-polnear-look"
FILES = (
    sorted(FOLDC.glob("gwn-dev-*.json"))
    + sorted(FOLDD.glob("trn-dev-*.json"))
    + sorted(FOLDE.glob("polnear-*.json"))
    + sorted(LOOK.glob("polnear-*.json"))
)
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


@pytest.mark.parametrize(
    ("folder", "prefix", "articles"),
    [
        (FOLDC, "gwn-dev", [14, 15, 21, 39, 47, 67, 70, 72, 77, 81, 97]),
        (FOLDD, "trn-dev", [0, 3, 5, 6, 9, 11, 12, 19, 21, 24, 25, 40, 43, 52, 55, 57]),
    ],
    ids=["fold-c", "fold-d"],
)
def test_blind_folds_have_their_articles(folder: Path, prefix: str, articles: list[int]) -> None:
    found = sorted(int(f.stem.rsplit("-", 1)[1]) for f in folder.glob(f"{prefix}-*.json"))
    assert found == sorted(articles)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_blind_gold_is_well_formed(path: Path) -> None:
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


@pytest.mark.parametrize(("folder", "count"), [(FOLDE, 12), (LOOK, 8)], ids=["fold-e", "look"])
def test_polnear_gold_names_articles_dated_by_their_names(folder: Path, count: int) -> None:
    files = sorted(folder.glob("polnear-*.json"))
    assert len(files) == count
    for f in files:
        name = f.stem.removeprefix("polnear-")
        assert json.loads(f.read_text(encoding="utf-8"))["published"] == name.split("_")[1]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "folder", "fold", "documents"),
    [("events-gwn-foldc", FOLDC, "c", 11), ("events-trn-foldd", FOLDD, "d", 16)],
    ids=["fold-c", "fold-d"],
)
def test_blind_fold_is_scored(shared_data: Path, name: str, folder: Path, fold: str, documents: int) -> None:
    from herald.eval import run

    report = run(name, folder)
    assert report.documents == documents
    assert report.value(f"events@fold-{fold}", "recall") is not None
    assert report.value("events", "precision") is not None


def _fake_polnear(tmp: Path, name: str, text: str, split: str = "train") -> Path:
    clone = tmp / "PolNeAR"
    (clone / "data" / split / "text").mkdir(parents=True)
    (clone / "data" / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    return clone


def test_polnear_look_set_reads_the_dev_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from herald.eval import run

    name = "wire_2016-09-20_senator-backs-mayor"
    clone = _fake_polnear(tmp_path, name, "Senator Jane Fowler endorsed Mayor Tom Reed on Monday.\n", "dev")
    gold = tmp_path / "gold"
    gold.mkdir()
    event = {"id": "E1", "type": "SUPPORT", "actor": ["Jane Fowler"], "historical": False, "note": "endorsed"}
    doc = {"about": "test", "published": "2016-09-20", "events": [event]}
    (gold / f"polnear-{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("HERALD_POLNEAR", str(clone))
    report = run("events-polnear-look", gold)
    assert report.documents == 1
    assert report.value("events@fold-look", "recall") == 1.0


def test_polnear_fold_scores_articles_from_the_users_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from herald.eval import run

    name = "wire_2016-05-02_rebels-attack"
    clone = _fake_polnear(tmp_path, name, "Rebels attack base.\n\nRebels attacked an army base in Mosul.\n")
    gold = tmp_path / "gold"
    gold.mkdir()
    event = {"id": "E1", "type": "ASSAULT", "actor": ["rebels"], "historical": False, "note": "base attacked"}
    missing = {"id": "E2", "type": "AGREE", "actor": ["Iraq"], "historical": False, "note": "no such truce"}
    doc = {"about": "test", "published": "2016-05-02", "events": [event, missing]}
    (gold / f"polnear-{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("HERALD_POLNEAR", str(clone))
    report = run("events-polnear-folde", gold)
    assert report.documents == 1
    assert report.value("events@fold-e", "recall") == 0.5
    assert {e.get("gold") for e in report.errors} >= {"E2"}
    assert all(e["article"] == name for e in report.errors)


def test_polnear_fold_without_a_clone_says_how_to_get_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from herald.errors import DatasetError
    from herald.eval import run

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "polnear-x.json").write_text('{"about": "", "published": null, "events": []}', encoding="utf-8")
    monkeypatch.setenv("HERALD_POLNEAR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("HERALD_EVAL_DATA", str(tmp_path / "nodata"))
    with pytest.raises(DatasetError, match="HERALD_POLNEAR"):
        run("events-polnear-folde", gold)


def test_polnear_fold_names_a_missing_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from herald.errors import DatasetError
    from herald.eval import run

    clone = _fake_polnear(tmp_path, "other", "Text.")
    gold = tmp_path / "gold"
    gold.mkdir()
    empty = '{"about": "", "published": null, "events": []}'
    (gold / "polnear-absent.json").write_text(empty, encoding="utf-8")
    monkeypatch.setenv("HERALD_POLNEAR", str(clone))
    with pytest.raises(DatasetError, match=r"absent\.txt"):
        run("events-polnear-folde", gold)
