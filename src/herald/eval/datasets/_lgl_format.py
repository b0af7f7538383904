"""Reader of the LGL / TR-News XML format (``<toponym><start/><end/><phrase/><gaztag geonameid>...``).

Some upstream offsets are shifted (in TR-News DEV 69 of 706 do not frame their ``<phrase>``): such a
toponym is moved to the nearest occurrence of its phrase in the text, and dropped when the phrase does not
occur.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ._toponyms import Article, number, read_xml


def _coords(toponym: ET.Element) -> tuple[float | None, float | None, int | None]:
    tag = toponym.find("gaztag")
    if tag is None:
        return None, None, None
    raw = tag.get("geonameid")
    return (
        number(tag.findtext("lat")),
        number(tag.findtext("lon")),
        int(raw) if raw and raw.isdigit() else None,
    )


def read(path: Path) -> list[Article]:
    return read_xml(path, "toponym", "phrase", _coords)
