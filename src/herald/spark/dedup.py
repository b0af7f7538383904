"""Duplicates across the whole input with Spark's own operators, deciding as the local store does.

- Exact copies: the same SHA-256. The first in input order is extracted; every copy is kept as a source.
- Near-duplicates: the store's MinHash signatures (:mod:`herald.corpus.dedup`: word 4-grams, 128
  permutations, the same LSH bands and the same 0.5 threshold) in a banding join. An article is a
  near-duplicate of the most similar *earlier* article at or above the threshold (ties: more shared bands,
  then the smaller key), and joins that article's cluster, exactly as the store's ``Deduper.find``.

A story republished ten thousand times must not make a bucket join itself ten thousand squared times: in
each bucket an article is compared with the bucket's first article and the ``MAX_CANDIDATES`` before it,
the counterpart of the store's cap on candidates per article.
"""

from __future__ import annotations

from pyspark.sql import Column, DataFrame, Window
from pyspark.sql import functions as F

from ..corpus.dedup import MAX_CANDIDATES, NUM_PERM, THRESHOLD


def input_order() -> Column:
    """The input order of an item: its file (path parts, as `herald ingest` walks folders), then position."""
    return F.struct(F.split(F.col("file"), "/").alias("parts"), F.col("pos").alias("pos"))


def first_copies(items: DataFrame) -> DataFrame:
    """Readable items with ``copy`` = 1 for the first of each text in input order, 2, 3... for copies."""
    by_text = Window.partitionBy("sha256").orderBy("order")
    return items.withColumn("order", input_order()).withColumn("copy", F.row_number().over(by_text))


def _similarity(a: str, b: str) -> Column:
    same = F.zip_with(F.col(a), F.col(b), lambda x, y: F.when(x == y, 1).otherwise(0))
    return F.aggregate(same, F.lit(0), lambda acc, v: acc + v) / F.lit(NUM_PERM)


def near_duplicates(distinct: DataFrame, candidates: int = MAX_CANDIDATES) -> DataFrame:
    """(key, duplicate_of, similarity) for every article with an earlier near-duplicate."""
    bands = distinct.select("key", "order", F.posexplode("buckets").alias("band", "bucket"))
    bands = bands.withColumn("r", F.row_number().over(Window.partitionBy("band", "bucket").orderBy("order")))
    window = F.sequence(F.greatest(F.lit(1), F.col("r") - candidates), F.col("r") - 1)
    later = bands.where("r > 1").select(
        F.col("key").alias("later"),
        "band",
        "bucket",
        F.explode(F.array_union(F.array(F.lit(1)), window)).alias("r"),
    )
    earlier = bands.select(F.col("key").alias("earlier"), "band", "bucket", "r")
    pairs = (
        later.join(earlier, ["band", "bucket", "r"])
        .groupBy("later", "earlier")
        .agg(F.count("*").alias("hits"))
    )
    sigs = distinct.select("key", "sig")
    pairs = pairs.join(sigs.withColumnsRenamed({"key": "later", "sig": "sa"}), "later").join(
        sigs.withColumnsRenamed({"key": "earlier", "sig": "sb"}), "earlier"
    )
    pairs = pairs.withColumn("similarity", _similarity("sa", "sb")).where(F.col("similarity") >= THRESHOLD)
    best = Window.partitionBy("later").orderBy(F.desc("similarity"), F.desc("hits"), F.asc("earlier"))
    return (
        pairs.withColumn("n", F.row_number().over(best))
        .where("n = 1")
        .select(F.col("later").alias("key"), F.col("earlier").alias("duplicate_of"), "similarity")
    )


def clusters(keys: DataFrame, duplicates: DataFrame, max_rounds: int = 64) -> DataFrame:
    """(key, cluster): each article's chain of ``duplicate_of`` followed to its first article.

    Pointer jumping: each round replaces a parent by its parent's parent, so a chain of length n takes
    log2(n) rounds.
    """
    dup = duplicates.select("key", "duplicate_of")
    chained = dup.join(dup.select(F.col("key").alias("duplicate_of")), "duplicate_of")
    if chained.isEmpty():  # the usual case: every duplicate_of is a cluster's first article
        return (
            keys.select("key")
            .join(dup, "key", "left")
            .select("key", F.coalesce("duplicate_of", "key").alias("cluster"))
        )
    parent = (
        keys.select("key")
        .join(duplicates.select("key", "duplicate_of"), "key", "left")
        .select("key", F.coalesce("duplicate_of", "key").alias("parent"))
        .localCheckpoint()
    )
    for _ in range(max_rounds):
        up = parent.select(F.col("key").alias("p"), F.col("parent").alias("grand"))
        nxt = (
            parent.join(up, parent["parent"] == up["p"], "left")
            .select("key", F.coalesce("grand", "parent").alias("parent"))
            .localCheckpoint()
        )
        if nxt.join(parent, ["key", "parent"], "left_anti").isEmpty():
            break
        parent = nxt
    return parent.withColumnRenamed("parent", "cluster")
