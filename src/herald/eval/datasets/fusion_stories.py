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

        # Each folder with a gold.csv is one portion (dev: the rules were tuned on it; heldout: never).
        portions = sorted(p.parent for p in path.glob("**/gold.csv"))
        if not portions:
            raise DatasetError(f"{path}: no gold.csv (article,event,type,role) next to the stories.")
        for folder in portions:
            gold = read_gold(folder / "gold.csv")
            # "# ingest: PATH" in gold.csv: the articles live elsewhere (e.g. the main example corpus)
            source = folder
            for line in (folder / "gold.csv").read_text(encoding="utf-8").splitlines():
                if line.startswith("# ingest:"):
                    source = (folder / line.split(":", 1)[1].strip()).resolve()
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "fusion.db"
                ingest([source], db, workers=1)
                with open_store(db) as store:
                    report.documents += store.count("articles")
                    for system, s in score_store(store.conn, gold).items():
                        report.add_prf(f"same-event pairs ({folder.name})", s.tp, s.fp, s.fn, system=system)
                        if system == "herald":
                            report.errors += [{"portion": folder.name, "pair": e} for e in s.errors]
        report.notes.append(
            "Pairs of articles; herald = fused events; baseline = same type + country + dates within the "
            "slack. dev: the rules were adjusted on it; heldout: written afterwards, never tuned on; main: "
            "stories of the main example corpus (written for the extraction stages), labelled before scoring."
        )
