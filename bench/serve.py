"""Load test of ``herald serve`` on loopback: latency of the main API endpoints over a large store.

1. Builds a store of ``--copies`` × (articles of the template store) articles: the template (by default the
   store `herald run` makes from examples/, built here if missing) is copied with new keys, new text hashes
   and publication/event dates spread over a year. Rows are inserted directly (no extraction), FTS indexes
   are filled by the store's triggers.
2. Starts ``herald serve`` on that store in a separate process on 127.0.0.1.
3. Sends a fixed number of sequential requests to each endpoint (after a warm-up), then a fixed-time
   concurrent phase (``--threads`` clients); reports p50/p95/p99 per endpoint and any error.

    python bench/serve.py --copies 250 --requests 100 --seconds 10 --threads 4
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
TABLES = [
    "articles",
    "actors",
    "mentions",
    "times",
    "places",
    "statements",
    "events",
    "event_actors",
    "event_recipients",
    "figures",
    "article_sources",
]


def template_store(path: Path) -> Path:
    if not path.exists():
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from herald.cli import main; main()",
                "run",
                "--db",
                str(path),
                "--out",
                str(path.parent / "out"),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def shift(value: Any, days: int) -> Any:
    """Move an ISO date (or the date part of a longer ISO value) by ``days``; leave anything else."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            d = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)
        except ValueError:
            return value
        return d.isoformat() + value[10:]
    return value


def build(template: Path, out: Path, copies: int) -> dict[str, int]:
    """Write ``copies`` re-keyed copies of every article of ``template`` into a new store at ``out``."""
    from herald.corpus.store import open_store

    if out.exists():
        out.unlink()
    open_store(out).close()  # schema and migrations
    src = sqlite3.connect(template)
    dst = sqlite3.connect(out, isolation_level=None)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=OFF")
    rows = {
        t: (
            [d[1] for d in src.execute(f"PRAGMA table_info({t})")],
            src.execute(f"SELECT * FROM {t}").fetchall(),
        )
        for t in TABLES
    }
    keys = [r[0] for r in src.execute("SELECT key FROM articles")]
    rng = random.Random(7)
    dst.execute("BEGIN")
    for i in range(copies):
        days = rng.randrange(-180, 180)
        new = {k: hashlib.sha256(f"{k}:{i}".encode()).hexdigest()[:16] for k in keys}

        def rekey(value: Any, new: dict[str, str] = new) -> Any:
            if isinstance(value, str) and value[:16] in new and (len(value) == 16 or value[16:17] == ":"):
                return new[value[:16]] + value[16:]
            return value

        for table in TABLES:
            columns, data = rows[table]
            out_rows = []
            for r in data:
                v = [rekey(x) for x in r]
                for j, c in enumerate(columns):
                    if c in ("published", "date", "value") and table in (
                        "articles",
                        "events",
                        "times",
                        "article_sources",
                    ):
                        v[j] = shift(v[j], days)
                    elif c == "sha256":
                        v[j] = hashlib.sha256(f"{r[j]}:{i}".encode()).hexdigest()
                out_rows.append(v)
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{c}"' for c in columns)
            dst.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", out_rows)
    dst.execute("COMMIT")
    dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {
        t: dst.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "actors")
    }
    dst.close()
    src.close()
    return counts


def endpoints(base: httpx.Client) -> dict[str, str]:
    key = base.get("/api/v1/articles", params={"q": "Beni", "limit": 1}).json()["items"][0]["key"]
    return {
        "events, filtered (type + dates)": "/api/v1/events?type=ASSAULT&since=2025-02-01&until=2025-05-31",
        "events, filtered (actor + quad)": "/api/v1/events?actor=army&quad=4&limit=50",
        "events, filtered (place + dates)": "/api/v1/events?place=COD&since=2025-03-01&until=2025-06-30",
        "events, filtered (bbox + confidence)": "/api/v1/events?bbox=28,-3,31,3&min_confidence=0.5&limit=50",
        "events, first page": "/api/v1/events?limit=50",
        "events, timeline": "/api/v1/events/timeline?type=ASSAULT",
        "events, map points": "/api/v1/events/places",
        "articles, full-text": "/api/v1/articles?q=ceasefire&limit=50",
        "article, one": f"/api/v1/articles/{key}",
        "actors": "/api/v1/actors?limit=50",
        "statements, full-text": "/api/v1/statements?q=said&limit=50",
        "page /events (HTML)": "/events?type=ASSAULT",
    }


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--template", type=Path, help="store to copy (default: built from examples/)")
    ap.add_argument("--copies", type=int, default=250)
    ap.add_argument("--requests", type=int, default=100, help="sequential requests per endpoint")
    ap.add_argument("--seconds", type=float, default=10, help="length of the concurrent phase")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--keep", type=Path, help="keep the big store at this path")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="herald-serve-bench-"))
    template = args.template or template_store(work / "template" / "herald.db")
    db = args.keep or work / "big.db"
    t = time.perf_counter()
    counts = build(template, db, args.copies)
    print(f"store: {counts} built in {time.perf_counter() - t:.1f}s", flush=True)

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from herald.cli import main; main()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(args.port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=30)
        for _ in range(100):
            try:
                base.get("/api/v1/stats")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        urls = endpoints(base)
        errors: list[str] = []
        print(f"\nsequential: {args.requests} requests per endpoint (after 5 warm-up)\n")
        print("| endpoint | p50 ms | p95 ms | p99 ms | errors |")
        print("|---|---:|---:|---:|---:|")
        for name, url in urls.items():
            for _ in range(5):
                base.get(url)
            times: list[float] = []
            bad = 0
            for _ in range(args.requests):
                t0 = time.perf_counter()
                r = base.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    bad += 1
                    errors.append(f"{url}: {r.status_code}")
            print(
                f"| {name} | {pct(times, 50):.1f} | {pct(times, 95):.1f} | {pct(times, 99):.1f} | {bad} |",
                flush=True,
            )

        # concurrent phase: every thread cycles through the endpoints for a fixed time
        lat: list[float] = []
        lock = threading.Lock()
        stop = time.perf_counter() + args.seconds

        def client() -> None:
            with httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=30) as c:
                i = 0
                paths = list(urls.values())
                while time.perf_counter() < stop:
                    t0 = time.perf_counter()
                    r = c.get(paths[i % len(paths)])
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        lat.append(ms)
                        if r.status_code != 200:
                            errors.append(f"{paths[i % len(paths)]}: {r.status_code}")
                    i += 1

        threads = [threading.Thread(target=client) for _ in range(args.threads)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        print(
            f"\nconcurrent: {args.threads} clients × {args.seconds:.0f}s, all endpoints in turn: "
            f"{len(lat)} requests ({len(lat) / args.seconds:.0f}/s), p50 {pct(lat, 50):.1f} ms, "
            f"p95 {pct(lat, 95):.1f} ms, p99 {pct(lat, 99):.1f} ms, mean {statistics.mean(lat):.1f} ms, "
            f"errors {len(errors)}"
        )
        if errors:
            print("errors:", errors[:10])
            sys.exit(1)
    finally:
        server.terminate()
        server.wait(10)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
