"""Reader of the LGL / TR-News XML format (``<toponym><start/><end/><phrase/><gaztag geonameid>...``).

Some upstream offsets are shifted (in TR-News DEV 69 of 706 do not frame their ``<phrase>``): such a
toponym is moved to the nearest occurrence of its phrase in the text, and dropped when the phrase does not
occur.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ._toponyms import Article, Gold, realign


def read(path: Path) -> list[Article]:
    out: list[Article] = []
    for file in sorted(path.glob("*.xml")):
        for art in ET.parse(file).getroot().iter("article"):
            text = art.findtext("text") or ""
            gold: dict[tuple[int, int], Gold] = {}
            for t in art.iter("toponym"):
                start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
                phrase = t.findtext("phrase") or ""
                if phrase and text[start:end] != phrase:
                    found = realign(text, phrase, start)
                    if found is None:
                        continue
                    start, end = found, found + len(phrase)
                tag = t.find("gaztag")
                lat = lon = None
                gid = None
                if tag is not None:
                    lat_s, lon_s = tag.findtext("lat"), tag.findtext("lon")
                    lat = float(lat_s) if lat_s else None
                    lon = float(lon_s) if lon_s else None
                    raw = tag.get("geonameid")
                    gid = int(raw) if raw and raw.isdigit() else None
                gold[(start, end)] = Gold(start, end, text[start:end], lat, lon, gid)
            out.append(Article(text, [gold[k] for k in sorted(gold)]))
    return out
