"""Fusion benchmark: time per new article and peak memory with 1k, 10k and 100k articles already fused.

The stored corpus is synthetic (no NLP pipeline): articles whose mentions recombine the examples' event
types, modes, countries, towns and wording, grouped into stories of 1-6 articles, written straight into
``articles`` and the fusion tables as if already fused. Then ``--new`` fresh articles (full records: events,
places, times, actors) are fused one by one, each in its own ``fuse()`` call, and timed. Two densities:

- ``steady``: 50 articles a day, so a larger corpus covers a longer period (how a corpus grows);
- ``dense``: every corpus packed into 60 days, so blocks grow with the corpus until ``max_candidates``
  bounds them (the worst case).

    python bench/fuse.py --sizes 1000 10000 100000 --new 300
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from herald.corpus import fusion  # noqa: E402
from herald.corpus.fusion_config import load_config  # noqa: E402
from herald.corpus.fusion_mentions import content_words  # noqa: E402
from herald.corpus.store import open_store  # noqa: E402

TYPES = ["ASSAULT", "CONSULT", "PROTEST", "ACCUSE", "SUPPORT", "AGREE", "COERCE", "REQUEST", "MOBILIZE"]
COUNTRIES = [f"C{i:02d}" for i in range(40)]
START = date(2015, 1, 1).toordinal()


def towns(rng: random.Random) -> dict[str, list[tuple[str, float, float]]]:
    """Ten towns per country, spread over a few hundred km."""
    out = {}
    for i, c in enumerate(COUNTRIES):
        lat0, lon0 = -30 + (i % 8) * 8, -20 + (i // 8) * 12
        out[c] = [(f"{c}-town{j}", lat0 + rng.uniform(-2, 2), lon0 + rng.uniform(-2, 2)) for j in range(10)]
    return out


def sentences() -> list[str]:
    out = []
    for line in (ROOT / "examples" / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        out += [s.strip() for s in json.loads(line)["text"].split(".") if len(s.strip()) > 20]
    return out


def base(conn: sqlite3.Connection, n: int, days: int, rng: random.Random) -> None:
    """``n`` articles already fused: stories of 1-6 articles, three mentions each."""
    sents, where = sentences(), towns(rng)
    articles, members, fused = [], [], []
    i = 0
    while i < n:
        story = rng.randint(1, 6)
        t, c = rng.choice(TYPES), rng.choice(COUNTRIES)
        town = rng.choice(where[c])
        day = START + rng.randrange(days)
        fid = f"F{i:010d}"
        words = " ".join(sorted(content_words(rng.choice(sents))))
        for k in range(min(story, n - i)):
            key = f"{i:016x}"
            pub = date.fromordinal(day + k).isoformat()
            articles.append((key, key * 4, key, "t", pub, f"outlet{k}", "ok", "x", key, "2025-01-01"))
            for m in range(3):
                mt = t if m == 0 else rng.choice(TYPES)
                members.append(
                    (
                        f"{key}:e{m + 1}",
                        fid if m == 0 else f"G{i:09d}{m}",
                        f"{key}:e{m + 1}",
                        "report",
                        None,
                        key,
                        key,
                        f"outlet{k}",
                        pub,
                        mt,
                        None,
                        c,
                        day,
                        day,
                        "day",
                        town[1],
                        town[2],
                        "P.PPL",
                        town[0],
                        "event",
                        "[]",
                        words if m == 0 else "",
                        m,
                    )
                )
                if m:
                    fused.append((f"G{i:09d}{m}", mt, day, 1))
            i += 1
        fused.append((fid, t, day, min(story, n - i + story)))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO articles (key, sha256, id, title, published, source, status, text, "
        "cluster, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        articles,
    )
    conn.executemany(
        "INSERT INTO fused_members (mention, fused_id, component, role, event, article, "
        "cluster, outlet, published, "
        "type, mode, country, day_lo, day_hi, granularity, lat, lon, feature, place, "
        "place_from, actors, words, "
        "start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        members,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO fused_events (id, type, date, sources, articles, outlets, mentions, recalls, "
        "confidence, updated_at) VALUES (?, ?, date(?, 'unixepoch'), ?, 1, 1, 1, 0, 0.5, '')",
        [(f, t, (d - 719163) * 86400, s) for f, t, d, s in fused],
    )
    conn.executemany("INSERT INTO fused_articles VALUES (?, '')", [(a[0],) for a in articles])
    conn.execute("COMMIT")


def new_article(conn: sqlite3.Connection, j: int, days: int, rng: random.Random) -> str:
    """A fresh article with full records (three events with places, times and an actor)."""
    sents, where = sentences(), towns(random.Random(1))
    key = f"new{j:013d}"
    day = date.fromordinal(START + rng.randrange(days))
    c = rng.choice(COUNTRIES)
    conn.execute(
        "INSERT INTO articles (key, sha256, id, title, published, source, status, text, "
        "cluster, ingested_at) "
        "VALUES (?, ?, ?, 'new', ?, 'newswire', 'ok', 'x', ?, '')",
        (key, key * 4, key, day.isoformat(), key),
    )
    for m in range(3):
        town = rng.choice(where[c])
        uid = f"{key}:e{m + 1}"
        conn.execute(
            "INSERT INTO places (uid, article, local_id, name, country, lat, lon, feature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'P.PPL')",
            (f"{key}:p{m}", key, f"p{m}", town[0], c, town[1], town[2]),
        )
        conn.execute(
            "INSERT INTO times (uid, article, local_id, value, granularity) VALUES (?, ?, ?, ?, 'day')",
            (f"{key}:t{m}", key, f"t{m}", day.isoformat()),
        )
        conn.execute(
            "INSERT INTO events (uid, article, local_id, type, date, time, place, historical, "
            "negated, future, "
            "hypothetical, evidence_start, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)",
            (
                uid,
                key,
                f"e{m + 1}",
                rng.choice(TYPES),
                day.isoformat(),
                f"{key}:t{m}",
                f"{key}:p{m}",
                m,
                rng.choice(sents),
            ),
        )
    return key


def run(n: int, new: int, density: str) -> dict[str, float]:
    rng = random.Random(n)
    days = max(20, n // 50) if density == "steady" else 60
    cfg = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        conn = store.conn
        base(conn, n, days, rng)
        keys = []
        conn.execute("BEGIN")
        for j in range(new):
            keys.append(new_article(conn, j, days, rng))
        conn.execute("COMMIT")
        times, cpu = [], []
        tracemalloc.start()
        conn.execute("BEGIN IMMEDIATE")  # as ingest does: many articles per transaction
        for key in keys:
            t0, c0 = time.perf_counter(), time.process_time()
            fusion.fuse_article(conn, key, cfg)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        conn.execute("COMMIT")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        candidates = conn.execute(
            "SELECT avg(c) FROM (SELECT count(*) AS c FROM fused_members GROUP BY type, country)"
        ).fetchone()[0]
        store.close()
    return {
        "stored": n,
        "density": density,
        "days": days,
        "ms_per_article_median": round(statistics.median(times) * 1000, 2),
        "ms_per_article_p90": round(sorted(times)[int(len(times) * 0.9)] * 1000, 2),
        "cpu_ms_per_article": round(statistics.mean(cpu) * 1000, 2),
        "mentions_per_block": round(candidates or 0, 1),
        "peak_mb": round(peak / 2**20, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--new", type=int, default=300, help="New articles fused (and timed) at each size.")
    ap.add_argument("--density", choices=["steady", "dense", "both"], default="both")
    args = ap.parse_args()
    densities = ["steady", "dense"] if args.density == "both" else [args.density]
    print(
        "| stored articles | density | days covered | mentions per type+country | ms / new "
        "article (median) | p90 "
        "| CPU ms / article (mean) | peak MB (tracemalloc) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for d in densities:
        for n in args.sizes:
            r = run(n, args.new, d)
            print(
                f"| {r['stored']:,} | {r['density']} | {r['days']} | {r['mentions_per_block']} | "
                f"{r['ms_per_article_median']} | {r['ms_per_article_p90']} | {r['cpu_ms_per_article']} | "
                f"{r['peak_mb']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
