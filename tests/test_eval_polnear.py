"""The PolNeAR loader and scoring (``herald eval polnear --data PATH``) on a small folder written here;
the run on the real corpus skips unless ``$HERALD_POLNEAR`` points at a PolNeAR clone (never in the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from herald.errors import DatasetError
from herald.eval.core import run
from herald.eval.datasets.polnear import Attribution, finds, load_docs, read_ann
from herald.schema import Span, Statement

TEXT = '"We will win," the mayor said.\nOfficials believe the vote was fair.\nThe sun rose.\n'


QUOTED = '"We will win,"'


def _at(part: str) -> str:
    k = TEXT.index(part)
    return f"{k} {k + len(part)}"


ANN = (
    f"T1\tContent {_at(QUOTED)}\t{QUOTED}\n"
    f"T2\tSource {_at('the mayor')}\tthe mayor\n"
    f"T3\tCue {_at('said')}\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    f"T5\tSource {_at('Officials')}\tOfficials\n"
    f"T6\tCue {_at('believe')}\tbelieve\n"
    f"T7\tContent {_at('the vote was fair')};66 67\tthe vote was fair .\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
)


def _folder(tmp_path: Path) -> Path:
    split = tmp_path / "PolNeAR" / "data" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "nyt_2016-10-01_x.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "nyt_2016-10-01_x_4b22.ann").write_text(ANN, encoding="utf-8")
    return tmp_path / "PolNeAR"


def test_read_ann(tmp_path: Path) -> None:
    atts = read_ann(_folder(tmp_path) / "data" / "dev" / "attributions" / "nyt_2016-10-01_x_4b22.ann")
    assert [(a.id, a.content, a.source) for a in atts] == [
        ("E1", [(0, 14)], [(15, 24)]),
        ("E2", [(49, 66), (66, 67)], [(31, 40)]),
    ]


@pytest.mark.parametrize("where", ["PolNeAR", "PolNeAR/data", "PolNeAR/data/dev"])
def test_split_folder_found(tmp_path: Path, where: str) -> None:
    _folder(tmp_path)
    assert [d.id for d in load_docs(tmp_path / where)] == ["nyt_2016-10-01_x"]


def test_not_a_polnear_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no PolNeAR split"):
        load_docs(tmp_path)


def _statement(start: int, end: int) -> Statement:
    span = Span(start=start, end=end, text=TEXT[start:end])
    return Statement(id="s1", kind="indirect", content=span, evidence=span)


# (gold content pieces, Herald content, found): contents overlap by half the shorter one
MATCHES = [
    ([(1, 12)], (1, 12), True),
    ([(49, 67)], (49, 66), True),
    ([(49, 67)], (62, 80), False),
    ([(1, 12)], (49, 67), False),
]


@pytest.mark.parametrize(("gold", "ours", "expected"), MATCHES)
def test_finds(gold: list[tuple[int, int]], ours: tuple[int, int], expected: bool) -> None:
    assert finds(Attribution("E1", gold), _statement(*ours)) is expected


def test_scores_on_small_folder(tmp_path: Path) -> None:
    report = run("polnear", _folder(tmp_path))
    assert report.documents == 1
    assert report.value("attributions", "recall") == 1.0
    assert report.value("direct-with-speaker", "recall") == 1.0
    assert report.value("no-quote-marks", "recall") == 1.0
    assert report.value("non-speech-cue", "recall") == 1.0  # "believe" is no speech cue


@pytest.mark.skipif(not os.environ.get("HERALD_POLNEAR"), reason="set HERALD_POLNEAR to a PolNeAR clone")
def test_polnear_dev_runs() -> None:
    report = run("polnear", Path(os.environ["HERALD_POLNEAR"]), limit=5)
    assert report.documents == 5
    assert (report.value("attributions", "recall") or 0) > 0.3
