"""Duplicate detection: exact copies by content hash, near-duplicates by MinHash LSH (datasketch).

The LSH buckets and signatures live in the store (``lsh_buckets``, ``minhashes``), not in memory, so memory
stays flat however large the corpus grows and an interrupted ingest resumes with the index intact.
A wire story republished with small edits (a changed headline, a trimmed or added sentence) shares most of
its word 4-grams with the original; two stories about the same event written separately share few.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

NUM_PERM = 128
SHINGLE = 4
MAX_CANDIDATES = 20  # near-duplicate candidates compared per article, most shared LSH bands first
# Estimated Jaccard similarity of word 4-gram sets above which two articles are near-duplicates.
THRESHOLD = 0.5

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    article: str  # key of the most similar earlier article
    cluster: str
    similarity: float


def _crc32(data: bytes) -> int:
    # CRC-32 (C, stable across processes and runs) instead of datasketch's default SHA-1: faster per shingle
    return zlib.crc32(data)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_crc32)


@lru_cache(maxsize=4)
def bands(threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> list[tuple[int, int]]:
    """LSH band boundaries (start, end) for the threshold, favouring recall."""
    # Weigh misses 9x more than false candidates: candidates are checked against the signature anyway, so a
    # false candidate costs one lookup while a miss loses a duplicate (b=32, r=4: 99% recall at J=0.6).
    b, r = _optimal_param(threshold, num_perm, 0.1, 0.9)
    return [(i * r, (i + 1) * r) for i in range(b)]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint64 array of NUM_PERM values) of the text's word 4-grams."""
    template = _template()
    mh = MinHash(
        num_perm=NUM_PERM, seed=1, hashfunc=_crc32, permutations=template.permutations, scheme=template.scheme
    )
    grams = shingles(text)
    if grams:
        mh.update_batch(list(grams))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def _buckets(sig: np.ndarray, threshold: float) -> list[tuple[int, bytes]]:
    return [
        (i, hashlib.blake2b(sig[s:e].tobytes(), digest_size=8).digest())
        for i, (s, e) in enumerate(bands(threshold))
    ]


def band_keys(sig: np.ndarray, threshold: float = THRESHOLD) -> list[bytes]:
    """The signature's LSH bucket in each band (band i is position i), as the store indexes them."""
    return [bucket for _, bucket in _buckets(sig, threshold)]


class Deduper:
    """Near-duplicate index on the store's tables."""

    def __init__(self, conn: sqlite3.Connection, threshold: float = THRESHOLD) -> None:
        self.conn = conn
        self.threshold = threshold

    def find(self, sig: np.ndarray) -> Match | None:
        """The most similar earlier article above the threshold, if any."""
        keys = _buckets(sig, self.threshold)
        where = " OR ".join("(band = ? AND bucket = ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        # Most shared bands first, at most MAX_CANDIDATES: a story republished a thousand times must not make
        # every new copy compare against all of them.
        candidates = [
            r[0]
            for r in self.conn.execute(
                f"SELECT article, count(*) AS hits FROM lsh_buckets WHERE {where} "
                "GROUP BY article ORDER BY hits DESC, article LIMIT ?",
                [*params, MAX_CANDIDATES],
            )
        ]
        best: Match | None = None
        for key in candidates:
            row = self.conn.execute(
                "SELECT m.signature, a.cluster FROM minhashes m JOIN articles a ON a.key = m.article "
                "WHERE m.article = ?",
                (key,),
            ).fetchone()
            if row is None:
                continue
            sim = similarity(sig, np.frombuffer(row[0], dtype=np.uint64))
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Match(key, row[1], sim)
        return best

    def add(self, key: str, sig: np.ndarray) -> None:
        self.conn.execute("INSERT OR REPLACE INTO minhashes VALUES (?, ?)", (key, sig.tobytes()))
        self.conn.executemany(
            "INSERT INTO lsh_buckets (band, bucket, article) VALUES (?, ?, ?)",
            [(band, bucket, key) for band, bucket in _buckets(sig, self.threshold)],
        )


def article_key(sha256: str) -> str:
    """The store key of an article: the first 16 hex digits of its SHA-256."""
    return sha256[:16]
