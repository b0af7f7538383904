"""The mentions fusion compares: one per coded event of an article (and per toll with no event), with the
features that decide whether two mentions tell the same event — type, mode, date interval, country, place,
actor keys and content words."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .fusion_config import FusionConfig

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "reported", "reports"}


def content_words(*texts: str | None) -> set[str]:
    """Lower-cased content words (no stop words, no digits) of the texts."""
    stop = _stop_words()
    return {w for t in texts if t for w in _WORD.findall(t.lower()) if w not in stop}


def interval(value: str | None) -> tuple[int, int, str] | None:
    """(first day, last day, granularity) of an ISO value: a day, week, month, year or an ``A/B`` interval."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        lo, hi = interval(a), interval(b)
        return (lo[0], hi[1], "interval") if lo and hi else None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            return d, d, "day"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            return d, d + 6, "week"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = date(int(m[1]), int(m[2]), 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1, "month"
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1).toordinal(), date(int(m[1]), 12, 31).toordinal(), "year"
    except ValueError:
        return None
    return None


def iso(lo: int, hi: int, granularity: str | None) -> str:
    """The ISO value of a stored interval (the inverse of :func:`interval`)."""
    a, b = date.fromordinal(lo), date.fromordinal(hi)
    if granularity == "week":
        y, w, _ = a.isocalendar()
        return f"{y}-W{w:02d}"
    if granularity == "month":
        return a.strftime("%Y-%m")
    if granularity == "year":
        return str(a.year)
    if lo == hi:
        return a.isoformat()
    return f"{a.isoformat()}/{b.isoformat()}"


@dataclass
class Mention:
    mention: str
    role: str  # report | recall | figure
    event: str | None
    figure: str | None
    article: str
    cluster: str | None
    outlet: str | None
    published: str | None
    type: str
    mode: str | None
    country: str  # '' when unknown
    day_lo: int | None
    day_hi: int | None
    granularity: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    place: str | None
    place_from: str | None
    actors: list[str]
    words: str
    start: int | None
    fused_id: str | None = None  # read back from the store; not written by row()
    component: str | None = None

    def row(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["actors"] = json.dumps(self.actors)
        del d["fused_id"], d["component"]
        return d

    @classmethod
    def from_row(cls, r: sqlite3.Row | dict[str, Any]) -> Mention:
        d = {k: r[k] for k in cls.__dataclass_fields__}
        d["actors"] = json.loads(d["actors"] or "[]")
        return cls(**d)


COLUMNS = tuple(Mention.__dataclass_fields__)


def _main_place(places: list[sqlite3.Row]) -> sqlite3.Row | None:
    """The article's most cited sub-national place (first seen wins a tie)."""
    local = [p for p in places if p["lat"] is not None and not (p["feature"] or "").startswith("A.PCL")]
    if not local:
        return None
    counts = Counter(p["geonameid"] or p["name"] for p in local)
    top = max(counts.values())
    return next(p for p in local if counts[p["geonameid"] or p["name"]] == top)


def _actor_keys(conn: sqlite3.Connection, event: str) -> list[str]:
    keys: list[str] = []
    for r in conn.execute(
        "SELECT ac.wikidata, ac.country, ac.sector FROM (SELECT actor FROM event_actors WHERE event = ? "
        "UNION SELECT actor FROM event_recipients WHERE event = ?) x JOIN actors ac ON ac.uid = x.actor",
        (event, event),
    ):
        if r["wikidata"]:
            keys.append(r["wikidata"])
        if r["country"] and r["sector"]:
            keys.append(f"{r['country']}/{r['sector']}")
    return sorted(set(keys))


def article_mentions(conn: sqlite3.Connection, key: str, cfg: FusionConfig) -> list[Mention]:
    """The mentions of one stored article (empty for skipped articles)."""
    art = conn.execute(
        "SELECT key, published, source, cluster, title, status FROM articles WHERE key = ?", (key,)
    ).fetchone()
    if art is None or art["status"] != "ok":
        return []
    places = conn.execute(
        "SELECT uid, name, text, geonameid, country, lat, lon, feature FROM places WHERE article = ? "
        "ORDER BY start",
        (key,),
    ).fetchall()
    main = _main_place(places)  # also gives the country of an event with no place of its own
    countries = Counter(p["country"] for p in places if p["country"])
    if not countries:
        countries = Counter(
            r[0]
            for r in conn.execute(
                "SELECT country FROM actors WHERE article = ? AND country IS NOT NULL", (key,)
            )
        )
    main_country = countries.most_common(1)[0][0] if countries else ""
    pub = interval(art["published"])
    # An event without its own date happened at most report_lag days before publication.
    undated = (pub[0] - cfg.report_lag_days, pub[1], "article") if pub else None
    base = {
        "article": key,
        "cluster": art["cluster"],
        "outlet": art["source"],
        "published": art["published"],
    }
    out: list[Mention] = []
    typed: set[str] = set()
    rows = conn.execute(
        "SELECT e.uid, e.type, e.mode, e.date, e.time, e.historical, e.negated, e.future, e.hypothetical, "
        "e.evidence, e.evidence_start, p.name AS pname, p.text AS ptext, p.country AS pcountry, "
        "p.lat, p.lon, "
        "p.feature FROM events e LEFT JOIN places p ON p.uid = e.place WHERE e.article = ? "
        "ORDER BY e.evidence_start, e.uid",
        (key,),
    ).fetchall()
    for e in rows:
        if e["negated"] or e["future"] or e["hypothetical"]:
            continue  # did not happen (yet): nothing to fuse
        span = interval(e["date"]) if e["time"] else undated
        has_place = e["lat"] is not None and not (e["feature"] or "").startswith("A.PCL")
        src = e if has_place else main
        # Background: flagged historical by the coder, or dated (by its own time) well before publication.
        old = bool(span and pub and e["time"] and span[1] < pub[0] - cfg.recall_after_days)
        recall = bool(e["historical"]) or old
        # A country-level place ("Ethiopia's minister") says less than the article's town: the town's
        # country wins unless the event names a town itself.
        if has_place:
            country = e["pcountry"] or main_country
        else:
            country = (main["country"] if main and main["country"] else None) or e["pcountry"] or main_country
        out.append(
            Mention(
                mention=e["uid"],
                role="recall" if recall else "report",
                event=e["uid"],
                figure=None,
                type=e["type"],
                mode=e["mode"] or None,
                country=country,
                day_lo=span[0] if span else None,
                day_hi=span[1] if span else None,
                granularity=span[2] if span else None,
                lat=src["lat"] if src else None,
                lon=src["lon"] if src else None,
                feature=src["feature"] if src else None,
                place=(e["pname"] or e["ptext"]) if has_place else (main["name"] if main else None),
                place_from=("event" if has_place else "article") if src else None,
                actors=_actor_keys(conn, e["uid"]),
                words=" ".join(sorted(content_words(e["evidence"], art["title"]))),
                start=e["evidence_start"],
                **base,
            )
        )
        typed.add(e["type"])  # a toll restated beside a recalled event belongs to that event
    # A toll with no event of its kind in the article (the "death toll rises to 18" story) is a mention too.
    for f in conn.execute(
        "SELECT uid, counts, evidence, evidence_start FROM figures WHERE article = ? AND event IS NULL "
        "ORDER BY evidence_start",
        (key,),
    ):
        types = cfg.figure_types.get(f["counts"] or "")
        if not types or typed & set(types):
            continue
        typed.update(types)
        out.append(
            Mention(
                mention=f["uid"],
                role="figure",
                event=None,
                figure=f["uid"],
                type=types[0],
                mode=None,
                country=(main["country"] if main and main["country"] else main_country),
                day_lo=undated[0] if undated else None,
                day_hi=undated[1] if undated else None,
                granularity="article" if undated else None,
                lat=main["lat"] if main else None,
                lon=main["lon"] if main else None,
                feature=main["feature"] if main else None,
                place=main["name"] if main else None,
                place_from="article" if main else None,
                actors=[],
                words=" ".join(sorted(content_words(f["evidence"], art["title"]))),
                start=f["evidence_start"],
                **base,
            )
        )
    return out


def day(ordinal: int | None) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal else None


def shift(iso_day: str, days: int) -> str:
    return (date.fromisoformat(iso_day) + timedelta(days=days)).isoformat()
