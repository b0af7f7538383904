"""How ``extract_many`` shares batches out to worker processes: every article once, in order, and the
last batches cut in shrinking pieces so the workers finish together."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from corpus_helpers import write_jsonl
from herald.api import _work_units
from herald.corpus import ingest
from herald.inputs import ArticleInput


def _batches(sizes: list[int]) -> list[list[ArticleInput]]:
    out: list[list[ArticleInput]] = []
    n = 0
    for size in sizes:
        out.append([ArticleInput(text=f"text {n + i}", id=str(n + i)) for i in range(size)])
        n += size
    return out


@pytest.mark.parametrize(
    ("sizes", "n_process", "units"),
    [
        ([], 2, []),  # nothing in, nothing out
        ([3], 2, [1, 1, 1]),  # one small batch: pieces of one
        # 150 articles: three whole batches, then the last two (54) in pieces of a quarter of what is left
        ([32, 32, 32, 32, 22], 2, [32, 32, 32, 14, 10, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1]),
        ([32, 32], 2, [16, 12, 9, 7, 5, 4, 3, 2, 2, 1, 1, 1, 1]),
        (
            [32] * 4,
            3,
            [32, 16, 14, 11, 10, 8, 7, 5, 5, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1],
        ),  # a sixth of the rest
        ([4, 4, 4], 2, [4, 2, 2, 1, 1, 1, 1]),
    ],
)
def test_work_units_keep_every_article_in_order(sizes: list[int], n_process: int, units: list[int]) -> None:
    batches = _batches(sizes)
    out = list(_work_units(iter(batches), n_process))
    assert [len(u) for u in out] == units
    assert [a.id for u in out for a in u] == [a.id for b in batches for a in b]


TEXTS = [
    "Gunmen killed at least 12 villagers near Beni in eastern Congo, a local official said on Monday.",
    "Kenya and Ethiopia signed an agreement on Tuesday to reopen the Moyale border crossing to lorries.",
    "Police arrested 30 protesters in Nairobi on Wednesday after clashes over fuel prices.",
    "The foreign ministers of Egypt and Sudan met in Cairo on Thursday to discuss the dam.",
]


@pytest.mark.parametrize("batch_size", [1, 2])
def test_ingest_with_two_workers_stores_what_one_does(nlp: Language, tmp_path: Path, batch_size: int) -> None:
    # Exact copies near and far from their first text: with read-ahead, a copy may be read while its first
    # text is still in a worker.
    order = [0, 1, 0, 2, 3, 1, 2, 0, 3, 3]
    rows = [{"id": f"a{i}", "text": TEXTS[k], "published": "2025-03-10"} for i, k in enumerate(order)]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    stats = {}
    for workers in (1, 2):
        s = ingest([src], tmp_path / f"w{workers}.db", workers=workers, batch_size=batch_size, fuse=False)
        stats[workers] = (s.read, s.added, s.already, s.exact_duplicates, s.near_duplicates, s.failed)
    assert stats[1] == stats[2] == (10, 4, 6, 6, 0, 0)
