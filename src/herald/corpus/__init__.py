"""The corpus: ingest many articles into an embedded SQLite store, deduplicate, query and export.

- :mod:`.sources` reads files, directories, JSONL, RSS/Atom feeds and WARC crawls into articles;
- :mod:`.store` owns the SQLite schema and its named migrations;
- :mod:`.ingest` runs :func:`herald.extract_many` in parallel and writes the results (single writer);
- :mod:`.dedup` links exact copies and near-duplicates (MinHash/LSH);
- :mod:`.query`, :mod:`.export` and :mod:`.summary` read the store back.
"""

from __future__ import annotations

from .ingest import IngestStats, ingest
from .store import Store, open_store

__all__ = ["IngestStats", "Store", "ingest", "open_store"]
