"""Times datasets: readers and scoring (synthetic TimeML here; the shared DEV data when present)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from herald.errors import DatasetError
from herald.eval import run
from herald.eval.datasets._times_common import gold_equivalent
from herald.eval.datasets.tempeval3 import read_tml

# A made-up TimeML document (not from any corpus) to test the reader.
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>synthetic</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">
March 22, 2013</TIMEX3></DCT>
<TEXT>
The council met <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> and will vote
<TIMEX3 tid="t2" type="DATE" value="2013-04">next month</TIMEX3> on a plan &amp; budget.
</TEXT>
</TimeML>
"""


def test_read_tml() -> None:
    doc = read_tml(TML)
    assert doc.published == date(2013, 3, 22)
    assert [(t.text, t.value) for t in doc.times] == [("Thursday", "2013-03-21"), ("next month", "2013-04")]
    for t in doc.times:
        assert doc.text[t.start : t.end] == t.text
    assert "plan & budget" in doc.text


def test_tempeval3_dev_is_empty_and_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no DEV portion"):
        run("tempeval3-platinum", tmp_path)


def test_tempeval3_on_a_test_folder(tmp_path: Path) -> None:
    (tmp_path / "te3-platinum").mkdir()
    (tmp_path / "te3-platinum" / "synthetic.tml").write_text(TML, encoding="utf-8")
    report = run("tempeval3-platinum", tmp_path)
    assert report.documents == 1
    assert report.value("times-span-relaxed", "recall") == 1.0
    assert report.value("times-value", "accuracy-on-matched") == 1.0
    # TempEval-3-style value F1, per type, per fold (one document: fold A), failures
    assert report.value("times-value-f1", "f1") == 1.0
    assert report.value("times-value-f1:DATE", "recall") == 1.0
    assert report.value("times-value-f1-foldA", "f1") == 1.0
    assert report.value("times-value-f1-foldB", "f1") == 0.0  # no document in fold B
    assert report.value("times-failures", "missed:DATE") is None  # nothing missed


def test_value_f1_counts_wrong_values_and_spurious(tmp_path: Path) -> None:
    wrong = TML.replace('value="2013-04">next month', 'value="2013-05">next month').replace(
        "on a plan", "every week on a plan"
    )
    (tmp_path / "te3-platinum").mkdir()
    (tmp_path / "te3-platinum" / "synthetic.tml").write_text(wrong, encoding="utf-8")
    report = run("tempeval3-platinum", tmp_path)
    assert report.value("times-failures", "wrong:DATE") == 1.0
    assert report.value("times-failures", "spurious:SET") == 1.0  # "every week" is not in this gold
    assert report.value("times-value-f1", "precision") == pytest.approx(1 / 3)
    assert report.value("times-value-f1", "recall") == pytest.approx(1 / 2)


@pytest.mark.parametrize(
    ("ours", "gold", "vague", "expected"),
    [
        ("2004-W47", "2004-W47", False, True),
        ("2015-W38", "2015-09-14/2015-09-20", False, True),
        ("2009-03-13", "-2009-03-13", False, True),
        ("2024-01-30/2024-04-30", "PAST_REF", True, True),
        ("2024-01-30/2024-04-30", "PAST_REF", False, False),
        ("P3Y", "P3Y", False, True),
        ("P3Y", "2021", False, False),
        ("2008", "2008-05", False, False),
    ],
)
def test_gold_equivalent(ours: str, gold: str, vague: bool, expected: bool) -> None:
    assert gold_equivalent(ours, gold, date(2024, 4, 30), vague) is expected


@pytest.mark.shared
def test_meantime_reader(shared_data: Path) -> None:
    from herald.eval.datasets.meantime_en import read_document

    files = sorted((shared_data / "meantime-en").glob("**/corpus_*/*.xml"))
    if not files:
        pytest.skip("meantime-en not present")
    docs = [read_document(f) for f in files]
    assert all(d.published is not None for d in docs)
    for d in docs:
        for t in d.times:
            assert d.text[t.start : t.end] == t.text


@pytest.mark.shared
def test_gum_reader(shared_data: Path) -> None:
    from herald.eval.datasets.gum_news_dates import read_document

    files = sorted((shared_data / "gum-news" / "xml").glob("GUM_*.xml"))
    if not files:
        pytest.skip("gum-news not present")
    docs = [read_document(f) for f in files]
    assert sum(len(d.times) for d in docs) > 50
    assert all(d.published is not None for d in docs)


@pytest.mark.shared
def test_isaf_dateline(shared_data: Path) -> None:
    import json

    from herald.eval.datasets.isaf_dates import dateline

    path = shared_data / "isaf-press-releases" / "isaf_press_releases.dev.jsonl"
    if not path.exists():
        pytest.skip("isaf-press-releases not present")
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]
    found = [dateline(r["text"]) for r in rows]
    assert sum(f is not None for f in found) / len(rows) > 0.8


def test_tempeval3_tbaq_reads_sub_folders(tmp_path: Path) -> None:
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "synthetic.tml").write_text(TML, encoding="utf-8")
    report = run("tempeval3-tbaq", tmp_path)
    assert report.documents == 1
    assert report.value("times-value-f1", "f1") == 1.0


def test_tempeval3_tbaq_says_where_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="TBAQ-cleaned"):
        run("tempeval3-tbaq", tmp_path)
