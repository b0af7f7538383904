"""Corpus ingest benchmark: articles/s, memory as the corpus grows, and store+dedup overhead.

Generates N articles by recombining the sentences of ``examples/corpus.jsonl`` (seeded, so runs are
comparable), writes them as JSONL, then

1. runs ``herald.extract_many`` alone over the file (the baseline), and
2. runs ``herald ingest`` (extraction + dedup + SQLite store) over the same file into a fresh database,

both with the same worker count. It reports articles/s for each, the overhead of (2) over (1), and the
resident memory (parent + worker processes) sampled after 1,000 articles and after N.

    python bench/ingest.py --n 10000 --workers 2
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_SENT = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


def sentences() -> list[str]:
    out: list[str] = []
    with (ROOT / "examples" / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            out += [s.strip() for s in _SENT.split(text.replace("\n\n", " ")) if len(s.strip()) > 20]
    return out


def generate(path: Path, n: int, seed: int = 7) -> None:
    """N articles of 4-8 recombined sentences; every 10th is a lightly edited copy of an earlier one."""
    rng = random.Random(seed)
    pool = sentences()
    kept: list[str] = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i % 10 == 9 and kept:
                text = (
                    rng.choice(kept).replace(" said", " told reporters", 1) + " More details were not given."
                )
            else:
                text = "\n\n".join(rng.sample(pool, rng.randint(4, 8)))
                if len(kept) < 500:
                    kept.append(text)
            day = 1 + i % 28
            rec = {
                "id": f"bench-{i}",
                "published": f"2025-03-{day:02d}",
                "source": f"Outlet {i % 7}",
                "text": text,
            }
            fh.write(json.dumps(rec) + "\n")


def rss_mb() -> float:
    """Resident memory of this process and its children (the extraction workers), in MB."""
    pids = [os.getpid()]
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        with contextlib.suppress(OSError):
            pids += [int(p) for p in (task / "children").read_text().split()]
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the worker pools)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_baseline(path: Path, workers: int) -> tuple[float, float, int]:
    from herald import extract_many
    from herald.corpus import sources

    start, cpu0 = time.perf_counter(), cpu()
    n = sum(1 for _ in extract_many(sources.read([path]), n_process=workers, batch_size=16))
    return time.perf_counter() - start, cpu() - cpu0, n


def run_ingest(path: Path, db: Path, workers: int) -> tuple[float, float, dict[str, float], Any]:
    from herald.corpus import ingest

    samples: dict[str, float] = {}
    marks = [1000, *range(2000, 10**9, 1000)]
    ticks = [0]

    def tick(stats: Any) -> None:
        # sample while the worker pool is alive (the last tick comes before the pool shuts down)
        ticks[0] += 1
        if stats.read >= marks[0]:
            samples[str(marks.pop(0))] = rss_mb()
        if ticks[0] % 25 == 0:
            samples["last"] = rss_mb()

    start, cpu0 = time.perf_counter(), cpu()
    stats = ingest([path], db, workers=workers, on_item=tick, batch_size=16)
    return time.perf_counter() - start, cpu() - cpu0, samples, stats


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10,000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-baseline", action="store_true", help="only time the ingest")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "bench.jsonl", Path(tmp) / "bench.db"
        generate(corpus, args.n)
        print(
            f"corpus: {args.n} articles, {corpus.stat().st_size / 1e6:.1f} MB; workers={args.workers}",
            flush=True,
        )
        base = base_cpu = 0.0
        if not args.skip_baseline:
            base, base_cpu, count = run_baseline(corpus, args.workers)
            print(
                f"extract_many alone: {count} articles in {base:.1f}s = {count / base:.1f} articles/s, "
                f"{base_cpu:.1f} CPU-s",
                flush=True,
            )
        took, took_cpu, samples, stats = run_ingest(corpus, db, args.workers)
        print(
            f"ingest (extract + dedup + store): {took:.1f}s = {args.n / took:.1f} articles/s, "
            f"{took_cpu:.1f} CPU-s; {stats}",
            flush=True,
        )
        store_cpu = stats.store_cpu_seconds
        print(
            f"writer (dedup + SQLite) CPU: {store_cpu:.1f} CPU-s = "
            f"{1000 * store_cpu / args.n:.2f} ms/article, wall-clock in the writer {stats.store_seconds:.1f}s"
        )
        if base and base_cpu:
            print(
                f"overhead over extract_many alone: CPU {100 * (took_cpu - base_cpu) / base_cpu:+.1f}%, "
                f"writer CPU / extraction CPU {100 * store_cpu / base_cpu:.1f}%, "
                f"wall-clock {100 * (took - base) / base:+.1f}%"
            )
        print(
            "RSS (parent + workers, MB) by articles read: "
            + ", ".join(f"{k}: {v:.0f}" for k, v in samples.items())
        )
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS: parent {peak_self:.0f} MB, largest worker {peak_children:.0f} MB")
        print(f"database: {db.stat().st_size / 1e6:.1f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
