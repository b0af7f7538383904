"""Spark in local mode against the local pipeline, on the same articles, in one run.

Not a test: run it by hand (``make bench-spark`` or ``python bench/spark.py --n 2000``) and copy the figures
to docs/quality.md. Both sides start from nothing loaded in their workers (each worker loads the pipeline
once) and code the same JSONL file:

- local: ``herald.extract_many(items, n_process=2)``;
- Spark: the whole ``herald spark`` job at ``local[2]`` (read, dedup, extract, write every table); the
  SparkSession start (JVM, about 5-7 s) is reported apart, as a cluster job starts with its session up.

Target: Spark articles/s >= 0.77x local (within 1.3x of the local time).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))
sys.path.insert(0, str(BENCH))

from throughput import corpus  # noqa: E402  (the same recombined example paragraphs as bench/throughput.py)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="Articles.")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="  spark %(message)s")
    logging.getLogger("py4j").setLevel(logging.WARNING)

    texts = corpus(args.n)
    items = [
        {"id": f"b{i}", "text": t, "published": "2025-03-10", "source": "bench"} for i, t in enumerate(texts)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bench.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")

        import herald

        t0 = time.perf_counter()
        n_local = sum(1 for x in herald.extract_many(items, n_process=2, batch_size=args.batch_size))
        local = time.perf_counter() - t0
        print(
            f"local  extract_many(n_process=2): {n_local} articles in {local:.1f} s = {n_local / local:.1f}/s"
        )

        from herald.spark import job

        t0 = time.perf_counter()
        spark = job.session(args.master)
        spark.range(1).count()
        start = time.perf_counter() - t0
        try:
            t0 = time.perf_counter()
            summary = job.run(
                spark, [str(src)], Path(tmp) / "out", partitions=args.partitions, batch_size=args.batch_size
            )
            seconds = time.perf_counter() - t0
        finally:
            spark.stop()
        n_spark = summary.articles + summary.exact_copies
        print(
            f"spark  herald spark at {args.master}: {n_spark} articles in {seconds:.1f} s = "
            f"{n_spark / seconds:.1f}/s (+ {start:.1f} s session start; {summary.partitions} partitions)"
        )
        ratio = (n_spark / seconds) / (n_local / local)
        with_start = (n_spark / (seconds + start)) / (n_local / local)
        print(
            f"ratio spark/local articles/s: {ratio:.2f} (with session start {with_start:.2f}; target >= 0.77)"
        )


if __name__ == "__main__":
    main()
