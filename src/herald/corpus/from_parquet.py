"""Load the Spark job's output into the SQLite store (``herald ingest --from-parquet DIR``).

Each article comes back from the ``extractions`` table (its Extraction as JSON) and goes through the store's
own writer, so the store holds exactly what a local ingest would have written; the near-duplicate
decisions taken on Spark are kept. ``sources`` adds every other place a text was seen and ``errors`` every
item that could not be read or failed. Loading the same folder twice adds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..inputs import ArticleInput
from ..schema import Extraction
from . import dedup
from .ingest import IngestStats, Writer
from .store import open_store


def _rows(folder: Path, table: str) -> Iterator[dict[str, Any]]:
    import pyarrow.dataset as ds

    path = folder / table
    if not path.is_dir():
        raise StoreError(f"{path}: not found. Is {folder} the --out folder of `herald spark`?")
    # no hive partitioning: the partition column (published_date) repeats a column of the rows
    for batch in ds.dataset(path, format="parquet").to_batches():
        yield from batch.to_pylist()


def _item(row: dict[str, Any], text: str = "") -> ArticleInput:
    return ArticleInput(
        text=row.get("text") or text,
        id=row.get("id"),
        title=row.get("title"),
        published=row.get("published"),
        published_from=row.get("published_from") or "none",
        source=row.get("source"),
        url=row.get("url"),
        origin=row.get("origin"),
    )


def load(
    folder: str | Path,
    db: str | Path = "herald.db",
    *,
    on_item: Callable[[IngestStats], None] | None = None,
    fuse: bool = True,
) -> IngestStats:
    """Load a ``herald spark --out`` folder into the store at ``db``, then fuse events across articles as
    ``herald ingest`` does (``fuse=False`` to skip); return what happened."""
    folder = Path(folder)
    stats = IngestStats()
    started = time.perf_counter()
    with open_store(db) as store:
        writer = Writer(store)

        def add(row: dict[str, Any]) -> None:
            item = _item(row)
            if writer.known(item.sha256):
                stats.already += 1
                if writer.add_source(item):
                    stats.exact_duplicates += 1
                return
            match = None
            if row["duplicate_of"]:
                match = dedup.Match(row["duplicate_of"], row["cluster"], float(row["similarity"]))
            x = Extraction.model_validate_json(row["extraction"])
            writer.article(item, x, decided=(match,))
            stats.added += 1
            stats.events += len(x.events)
            stats.near_duplicates += match is not None
            stats.skipped += x.status == "skipped"

        try:
            # A near-duplicate refers to an earlier article: store the articles it points at first.
            later: list[dict[str, Any]] = []
            for row in _rows(folder, "extractions"):
                stats.read += 1
                if row["status"] == "failed":
                    continue  # in the errors table
                if row["duplicate_of"]:
                    later.append(row)
                else:
                    add(row)
                if on_item:
                    on_item(stats)
            while later:
                ready = [r for r in later if writer.known_key(r["duplicate_of"])]
                if not ready:
                    break
                for row in ready:
                    add(row)
                later = [r for r in later if not writer.known_key(r["duplicate_of"])]
            for row in later:  # its earlier article failed: keep it, without the link
                row["duplicate_of"] = None
                add(row)
            for row in _rows(folder, "sources"):
                if row.get("copy", 1) > 1 and writer.known_key(row["article"]):
                    stats.read += 1
                    stats.already += 1
                    stats.exact_duplicates += writer.source_of(row["article"], _item(row))
            for row in _rows(folder, "errors"):
                if row["status"] == "failed":
                    stats.failed += 1
                    if row["sha256"] is None:
                        stats.read += 1  # unreadable: not among the extractions
                    writer.error(
                        row["origin"] or "?",
                        row["reason"],
                        code=row["code"],
                        article_id=row["article_id"],
                        sha256=row["sha256"],
                    )
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        if fuse:
            from .fusion import fuse as fuse_events

            fused = fuse_events(store.conn)
            stats.fused_articles, stats.fused_events = fused.articles, fused.fused_events
    stats.seconds = time.perf_counter() - started
    return stats
