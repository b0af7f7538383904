"""How ``extract_many`` shares batches out to worker processes: every article once, in order, and the
last batches cut small so the workers finish together."""

from __future__ import annotations

import pytest

from herald.api import _work_units
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
        ([32, 32, 32, 32, 22], 2, [32, 32, 32, 8, 8, 8, 8, 8, 8, 6]),  # 150 articles: last two batches cut
        ([32, 32], 2, [8] * 8),
        ([32] * 4, 3, [32] + [6] * 16),  # pieces of 1 / (2 * n_process) batch
        ([4, 4, 4], 2, [4, 1, 1, 1, 1, 1, 1, 1, 1]),
    ],
)
def test_work_units_keep_every_article_in_order(sizes: list[int], n_process: int, units: list[int]) -> None:
    batches = _batches(sizes)
    out = list(_work_units(iter(batches), n_process))
    assert [len(u) for u in out] == units
    assert [a.id for u in out for a in u] == [a.id for b in batches for a in b]
