"""``fusion-stories``: cross-article event fusion on Herald's own story corpus (``examples/fusion``).

Stories told by several articles with changing tolls, a near-duplicate republication, a background mention
months later, and events of one type on one day in one country that must stay apart. Scored pairwise
("are these two articles about the same event?") against ``gold.csv``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ...errors import DatasetError
from ..core import Dataset, Report, register


@register
class FusionStories(Dataset):
    name = "fusion-stories"
    description = "Herald's fusion test corpus (examples/fusion): pairwise same-event P/R/F1 across articles"
    tasks = ("fusion",)
    bundled = "examples/fusion"

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        from ...corpus.fusion_eval import read_gold, score_store
        from ...corpus.ingest import ingest
        from ...corpus.store import open_store

        gold_file = path / "gold.csv"
        if not gold_file.is_file():
            raise DatasetError(f"{path}: no gold.csv (article,event,type,role) next to the stories.")
        gold = read_gold(gold_file)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "fusion.db"
            ingest([path], db, workers=1)
            with open_store(db) as store:
                report.documents = store.count("articles")
                for system, s in score_store(store.conn, gold).items():
                    report.add_prf("same-event pairs", s.tp, s.fp, s.fn, system=system)
                    if system == "herald":
                        report.errors = [{"pair": e} for e in s.errors]
        report.notes.append(
            "Pairs of articles; herald = fused events; baseline = same type + country + dates "
            "within the slack."
        )
