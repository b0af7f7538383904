"""Corpus ingest end to end (with the pipeline): idempotence, duplicates, errors, kill -9 then resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from corpus_helpers import RECORD_TABLES, write_jsonl
from herald.corpus import ingest
from herald.corpus.store import open_store

COUNTED = [*RECORD_TABLES, "lsh_buckets", "minhashes"]

WIRE = (
    "Gunmen killed at least 12 villagers in an overnight attack near Beni in eastern Congo, a local official "
    "said on Monday. The army said it had sent troops to the area. The rebels have not commented."
)
EDITED = WIRE.replace("Gunmen killed", "Armed men killed").replace("on Monday.", "on Monday, residents said.")
FRENCH = (
    "Le gouvernement a annoncé mardi la réouverture de la frontière entre les deux pays, après trois mois "
    "de fermeture, selon un communiqué du ministère des affaires étrangères."
)
OTHER = (
    "Kenya and Ethiopia signed an agreement on Tuesday to reopen the Moyale border crossing to lorries, "
    "officials said in Addis Ababa."
)


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        conn.close()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    write_jsonl(
        d / "a.jsonl",
        [
            {"id": "wire", "text": WIRE, "published": "2025-03-10", "source": "Wire"},
            {"id": "edited", "text": EDITED, "published": "2025-03-10", "source": "Globe"},
            {"id": "other", "text": OTHER, "published": "2025-03-04", "source": "Horn"},
            {
                "id": "copy",
                "text": WIRE,
                "published": "2025-03-11",
                "source": "Monitor",
            },  # exact copy, new source
            {
                "id": "fr",
                "text": FRENCH,
                "published": "2025-03-11",
                "source": "Le Monde",
            },  # stored, not coded
        ],
    )
    (d / "b.jsonl").write_text('{"id": "broken", "text": \n{"id": "notext"}\n', encoding="utf-8")
    (d / "c.rss").write_text("<rss><channel><title>X</title><item><title>t</title>", encoding="utf-8")
    (d / "d.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200"
    )
    return d


def test_ingest_idempotent_dedup_and_errors(nlp: Language, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    stats = ingest([corpus], db, workers=1)
    assert (
        stats.added == 4 and stats.near_duplicates == 1 and stats.exact_duplicates == 1 and stats.skipped == 1
    )
    first = counts(db)
    assert first["articles"] == 4 and first["article_sources"] == 5
    with open_store(db) as s:
        dup = s.conn.execute(
            "SELECT a.id, b.id FROM articles a JOIN articles b ON b.key = a.duplicate_of"
        ).fetchall()
        assert [tuple(r) for r in dup] == [("edited", "wire")]
        origins = [r[0] for r in s.conn.execute("SELECT origin FROM errors ORDER BY origin")]
    # malformed JSONL lines, feed and WARC are each reported with where they came from
    assert any(o.endswith("b.jsonl:1") for o in origins) and any(o.endswith("b.jsonl:2") for o in origins)
    assert any("c.rss" in o for o in origins) and any("d.warc" in o for o in origins)

    again = ingest([corpus], db, workers=1)
    assert again.added == 0 and again.exact_duplicates == 0
    assert counts(db) == first  # re-ingesting adds nothing (errors are counted, not duplicated)


def test_cli_ingest_query_export(nlp: Language, corpus: Path, tmp_path: Path) -> None:
    from herald.cli import app

    db, out = tmp_path / "c.db", tmp_path / "out"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "1", "-q"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--with-duplicates"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["figures", "--db", str(db), "--format", "csv"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["actors", "list", "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["export", "--format", "all", "--db", str(db), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "events.plover.jsonl").exists() and (out / "articles.parquet").exists()
    r = runner.invoke(
        app, ["run", str(corpus), "--db", str(db), "--out", str(out), "--workers", "1", "-q", "--json"]
    )
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout[r.stdout.index("{") :])
    assert summary["articles"]["stored"] == 4 and summary["articles"]["near_duplicates"] == 1
    r = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code == 1 and "herald ingest" in r.output


def _articles(n: int) -> list[dict[str, object]]:
    towns = ["Beni", "Bunia", "Goma", "Butembo", "Komanda", "Kisumu", "Mombasa", "Moyale"]
    return [
        {
            "id": f"gen-{i}",
            "published": f"2025-03-{1 + i % 28:02d}",
            "source": "Gen",
            "text": f"Report {i}: police in {towns[i % 8]} arrested {i + 2} people on day {i} after a "
            f"protest over water prices number {i * 7}, officials said.",
        }
        for i in range(n)
    ]


@pytest.mark.slow
def test_kill_mid_ingest_then_resume(nlp: Language, tmp_path: Path) -> None:
    n = 60
    src = write_jsonl(tmp_path / "gen.jsonl", _articles(n))
    db = tmp_path / "k.db"
    cmd = [
        sys.executable,
        "-c",
        "from herald.cli import main; main()",
        "ingest",
        str(src),
        "--db",
        str(db),
        "--workers",
        "1",
        "--batch-size",
        "2",
        "--commit-every",
        "2",
        "-q",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_at = 0
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    conn = sqlite3.connect(db, timeout=1)
                    killed_at = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                    conn.close()
                except sqlite3.OperationalError:  # tables not created yet
                    killed_at = 0
                if killed_at >= 4:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            time.sleep(0.02)
    finally:
        proc.wait(timeout=60)
    if proc.returncode != -signal.SIGKILL or killed_at >= n:
        pytest.skip("the ingest finished before it could be killed")
    partial = counts(db)
    assert 4 <= partial["articles"] < n  # committed batches survived kill -9
    before = snapshot(db)

    stats = ingest([src], db, workers=1)
    assert stats.already == partial["articles"]  # nothing committed is processed again
    after = snapshot(db)
    clean_db = tmp_path / "clean.db"
    ingest([src], clean_db, workers=1)
    clean = snapshot(clean_db)
    assert set(after) == set(clean) and len(after) == n  # nothing lost
    for key, records in after.items():
        # records committed before the kill are unchanged (not doubled); the rest match a clean run
        assert records == (before[key] if key in before else clean[key]), key
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM article_sources").fetchone()[0] == n
    conn.close()


def snapshot(db: Path) -> dict[str, tuple[int, ...]]:
    """Per article: how many records of each kind it has in the store."""
    conn = sqlite3.connect(db)
    tables = ["actors", "mentions", "events", "statements", "figures", "times", "places", "minhashes"]
    try:
        return {
            key: tuple(
                conn.execute(f"SELECT count(*) FROM {t} WHERE article = ?", (key,)).fetchone()[0]
                for t in tables
            )
            for (key,) in conn.execute("SELECT key FROM articles")
        }
    finally:
        conn.close()
