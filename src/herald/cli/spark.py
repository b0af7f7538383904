"""``herald spark``: run the Spark job (a thin adapter over :mod:`herald.spark.job`)."""

from __future__ import annotations

import logging

import typer
from rich.console import Console

from ..errors import HeraldError

err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    """Add this module's command to the app."""

    @app.command("spark")
    def spark_command(
        inputs: list[str] = typer.Argument(
            ..., help="Files or folders: JSONL, Parquet, WARC (and text, HTML, feeds); local paths or URIs."
        ),
        out: str = typer.Option("out/spark", "--out", help="Output folder (local path, hdfs://, s3a://...)."),
        master: str = typer.Option("local[2]", "--master", help="Spark master: local[N], yarn, spark://..."),
        partitions: int | None = typer.Option(
            None, "--partitions", help="Extraction partitions (default: 2 per core, at least 1 per 1,000)."
        ),
        batch_size: int = typer.Option(32, "--batch-size", help="Articles per nlp.pipe batch."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each phase's elapsed time."),
    ) -> None:
        """Code a corpus on Spark with the same pipeline; write Parquet tables like `herald export`."""
        if verbose:
            logging.basicConfig(level=logging.INFO, format="herald.spark %(message)s")
        try:
            from ..spark import job
        except ImportError as exc:
            err.print(f"[red]error[/red] PySpark is not installed ({exc}): pip install 'herald[spark]'.")
            raise typer.Exit(1) from exc
        try:
            spark = job.session(master)
        except Exception as exc:  # pyspark raises its own error types when the JVM cannot start
            err.print(
                f"[red]error[/red] Spark could not start ({exc}). It needs Java 17 (`java -version`; "
                "Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless) and JAVA_HOME or java on PATH."
            )
            raise typer.Exit(1) from exc
        try:
            summary = job.run(spark, inputs, out, partitions=partitions, batch_size=batch_size)
        except HeraldError as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(1) from exc
        finally:
            spark.stop()
        err.print(job.describe(summary))
        err.print(f"tables in {out}/: {', '.join(job.OUTPUT_TABLES)}")
        if summary.failed or summary.unreadable:
            raise typer.Exit(1)
