"""The Spark job: read, deduplicate, extract with :func:`herald.extract_many`, write the exported tables.

Run it with ``herald spark INPUT --out DIR`` (local mode by default) or on a cluster with
``spark-submit --master yarn -m herald.spark.job INPUT --out DIR`` (see docs/spark.md).

Output folders under ``--out`` (Parquet, partitioned by the article's publication date, ``published_date``):

- ``articles events actors statements figures times places``: the columns and types of
  ``herald export --format parquet --with-duplicates``; near-duplicates have ``duplicate_of`` set, so count
  once per cluster with ``articles.duplicate_of IS NULL`` (events carry ``article_key`` and ``cluster``);
- ``errors`` (not partitioned): every item that could not be read, failed or was skipped, with its reason;
- ``sources``: every place each text was seen (exact copies are extracted once and listed here);
- ``extractions``: each article's Extraction as JSON, which ``herald ingest --from-parquet`` loads.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..corpus import flatten, sources
from ..errors import ConfigError, HeraldError
from . import dedup, worker

log = logging.getLogger("herald.spark")

OUTPUT_TABLES = (*flatten.TABLES, "errors", "sources", "extractions")
PARTITION = "published_date"


@dataclass
class Summary:
    read: int = 0  # items read (articles and unreadable items)
    unreadable: int = 0
    exact_copies: int = 0  # extra copies of a text (kept in `sources`, extracted once)
    articles: int = 0  # distinct texts extracted
    near_duplicates: int = 0
    clusters: int = 0
    skipped: int = 0
    failed: int = 0  # extraction failures (unreadable items are counted above)
    events: int = 0  # counted once per cluster
    partitions: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def session(master: str | None = None, app: str = "herald") -> Any:
    """A SparkSession. Local masters get what a laptop needs: this Python for the workers, loopback, no UI."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.memory", os.environ.get("HERALD_SPARK_DRIVER_MEMORY", "2g"))
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("HERALD_SPARK_LOG_LEVEL", "ERROR"))
    return spark


def _is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file:")


def _plan(inputs: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(files to read as bytes, Parquet paths, folders for Spark to list): local paths walked like ingest."""
    files: list[str] = []
    parquet: list[str] = []
    remote: list[str] = []
    for given in inputs:
        if not _is_local(given):
            (parquet if given.rstrip("/").endswith(".parquet") else remote).append(given)
            continue
        path = Path(worker.local_name(given))
        if not path.exists():
            raise HeraldError(f"{given}: no such file or directory.")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.parquet") if p.is_file() and not p.name.startswith("."))
            parquet.extend(str(p.resolve()) for p in found)
            files.extend(str(p.resolve()) for p in sources.files([path]))
        elif path.suffix.lower() == ".parquet":
            parquet.append(str(path.resolve()))
        else:
            files.append(str(path.resolve()))
    return files, parquet, remote


def read_items(spark: Any, inputs: Sequence[str], fmt: str = "auto") -> Any:
    """One DataFrame of items (worker.ITEMS) from every input: files through the ingest readers, Parquet rows
    through the JSONL record reader."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    schema = from_arrow_schema(worker.ITEMS)
    files, parquet, remote = _plan(inputs)
    frames = []
    if files:
        raw = spark.read.format("binaryFile").load(files).select("path", "content")
        frames.append(raw.mapInArrow(worker.read_files(fmt, listed=True), schema))
    if remote:
        raw = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(remote)
        frames.append(raw.select("path", "content").mapInArrow(worker.read_files(fmt, listed=False), schema))
    if parquet:
        df = spark.read.parquet(*parquet)
        cols = [
            (F.col(c) if c in df.columns else F.lit(None)).cast("string").alias(c)
            for c in worker.RECORD_FIELDS
        ]
        df = df.select(*cols, F.input_file_name().alias("file"), F.monotonically_increasing_id().alias("pos"))
        frames.append(df.mapInArrow(worker.read_records, schema))
    if not frames:
        raise HeraldError(
            f"No readable input in {', '.join(inputs)}: give JSONL, Parquet, WARC, text, Markdown, HTML or "
            "feed files, or folders holding them."
        )
    items = frames[0]
    for frame in frames[1:]:
        items = items.unionByName(frame)
    return items


def _join(out: str, name: str) -> str:
    """A folder under ``out``, which may be a URI (hdfs://, s3a://) that pathlib would mangle."""
    return f"{out.rstrip('/')}/{name}"


def run(
    spark: Any,
    inputs: Sequence[str],
    out: str | Path,
    *,
    partitions: int | None = None,
    batch_size: int = 32,
    fmt: str = "auto",
    model: str | None = None,
) -> Summary:
    """Run the whole job; return counts. Writes the tables listed in the module docstring under ``out``."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    started = time.perf_counter()
    out = str(out)
    staging = _join(out, "_staging")
    pin = worker.driver_pin(model)
    summary = Summary()
    conf = spark.conf
    # Small Arrow batches while reading: a batch holds whole files (a WARC can be large).
    conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "4")

    def phase(name: str) -> None:
        log.info("%6.1f s  %s", time.perf_counter() - started, name)

    read_items(spark, inputs, fmt).write.mode("overwrite").parquet(_join(staging, "items"))
    phase("read")
    items = spark.read.parquet(_join(staging, "items"))

    readable = dedup.first_copies(items.where(F.col("reason").isNull())).localCheckpoint()
    distinct = readable.where("copy = 1")
    near = dedup.near_duplicates(distinct).localCheckpoint()  # used twice: compute once
    cluster = dedup.clusters(distinct, near)
    todo = (
        distinct.join(near, "key", "left")
        .join(cluster, "key")
        .select(*worker.TODO_COLUMNS, "order")
        .localCheckpoint()
    )
    phase("dedup")
    counts = todo.agg(
        F.count("*").alias("articles"), F.count(F.when(F.col("duplicate_of").isNotNull(), 1)).alias("near")
    ).collect()[0]
    summary.articles, summary.near_duplicates = int(counts["articles"]), int(counts["near"])
    summary.clusters = summary.articles - summary.near_duplicates

    phase("counts")
    parallelism = spark.sparkContext.defaultParallelism
    summary.partitions = partitions or max(2 * parallelism, math.ceil(summary.articles / 1000))
    conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(2 * batch_size))
    extracted = (
        todo.repartition(summary.partitions)
        .sortWithinPartitions("order")
        .drop("order")
        .mapInArrow(worker.extract(pin, batch_size), from_arrow_schema(worker.extracted_schema()))
    )
    try:
        extracted.write.mode("overwrite").parquet(_join(staging, "extracted"))
    except Exception as exc:  # a worker's HeraldError arrives wrapped in Spark's exceptions: unwrap it
        found = re.search(r"(ModelMismatchError|ModelNotFoundError|ConfigError): ([^\n]+)", str(exc))
        if found:
            raise ConfigError(f"{found[1]} on an executor: {found[2]}") from None
        raise
    ex = spark.read.parquet(_join(staging, "extracted"))
    phase("extract")

    for table in flatten.TABLES:
        rows = ex.select(PARTITION, F.explode(table).alias("r")).select("r.*", PARTITION)
        rows.write.mode("overwrite").partitionBy(PARTITION).parquet(_join(out, table))
    phase("tables")
    errors_cols = ["origin", "id", "sha256", "code", "reason", "status"]
    unreadable = items.where(F.col("reason").isNotNull()).withColumn("status", F.lit("failed"))
    problems = ex.where(F.col("status").isin("failed", "skipped"))
    errors = unreadable.select(*errors_cols).unionByName(problems.select(*errors_cols))
    errors.withColumnRenamed("id", "article_id").coalesce(1).write.mode("overwrite").parquet(
        _join(out, "errors")
    )
    readable.select(
        F.col("key").alias("article"), "id", "title", "published", "source", "url", "origin", "copy"
    ).write.mode("overwrite").parquet(_join(out, "sources"))
    ex.drop(*flatten.TABLES).write.mode("overwrite").partitionBy(PARTITION).parquet(_join(out, "extractions"))

    phase("errors, sources, extractions")
    read = items.agg(
        F.count("*").alias("read"), F.count(F.when(F.col("reason").isNotNull(), 1)).alias("unreadable")
    ).collect()[0]
    summary.read, summary.unreadable = int(read["read"]), int(read["unreadable"])
    summary.exact_copies = summary.read - summary.unreadable - summary.articles
    stats = ex.agg(
        F.count(F.when(F.col("status") == "skipped", 1)).alias("skipped"),
        F.count(F.when(F.col("status") == "failed", 1)).alias("failed"),
        F.sum(F.when(F.col("duplicate_of").isNull(), F.size("events")).otherwise(0)).alias("events"),
    ).collect()[0]
    summary.skipped, summary.failed = int(stats["skipped"] or 0), int(stats["failed"] or 0)
    summary.events = int(stats["events"] or 0)
    if _is_local(staging):
        shutil.rmtree(worker.local_name(staging), ignore_errors=True)
    else:
        _delete(spark, staging)
    summary.seconds = time.perf_counter() - started
    return summary


def _delete(spark: Any, uri: str) -> None:
    """Remove a folder on the cluster's file system (HDFS, S3...) through Hadoop's FileSystem API."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(path, True)


def describe(summary: Summary) -> str:
    s = summary
    return (
        f"read {s.read} items ({s.unreadable} unreadable, {s.exact_copies} exact copies) -> {s.articles} "
        f"articles extracted in {s.partitions} partitions ({s.near_duplicates} near-duplicates, {s.clusters} "
        f"clusters; {s.skipped} skipped, {s.failed} failed); {s.events} events counted once per cluster; "
        f"{s.seconds:.1f} s, {s.rate:.1f} items/s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for ``spark-submit``: the master and resources come from spark-submit's own options."""
    parser = argparse.ArgumentParser(prog="herald.spark.job", description=__doc__.splitlines()[0])
    parser.add_argument(
        "inputs", nargs="+", help="Files or folders (JSONL, Parquet, WARC, text, HTML, feeds)."
    )
    parser.add_argument("--out", required=True, help="Output folder (local path, hdfs://, s3a://...).")
    parser.add_argument("--partitions", type=int, default=None, help="Extraction partitions.")
    parser.add_argument("--batch-size", type=int, default=32, help="Articles per nlp.pipe batch.")
    parser.add_argument("--format", default="auto", choices=sources.FORMATS, help="Force one source format.")
    parser.add_argument("--master", default=None, help="Only outside spark-submit, e.g. local[2].")
    args = parser.parse_args(argv)
    spark = session(args.master)
    try:
        summary = run(
            spark,
            args.inputs,
            args.out,
            partitions=args.partitions,
            batch_size=args.batch_size,
            fmt=args.format,
        )
    except HeraldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(describe(summary))
    print(asdict(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
