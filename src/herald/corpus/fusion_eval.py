"""Score fusion: pairwise "same event" decisions between articles against a gold table.

Gold (``gold.csv``): ``article,event,type,role`` — which real-world event each article reports (``report``)
or recalls in the background (``recall``). Two articles are a gold pair when they name the same event. Herald
links two articles when a mention of one and a mention of the other (of the gold type or a compatible one)
belong to the same fused event. The baseline links articles that share a mention of the same type and
country with dates within the slack (blocking alone: no place, actor or wording evidence).
"""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from .fusion_config import FusionConfig, load_config


@dataclass(frozen=True)
class Gold:
    article: str
    event: str
    type: str
    role: str


def read_gold(path: Path) -> list[Gold]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [Gold(r["article"], r["event"], r["type"], r["role"]) for r in csv.DictReader(lines)]


@dataclass
class PairScore:
    tp: int
    fp: int
    fn: int
    errors: list[str]


def _keys(conn: sqlite3.Connection, gold: list[Gold]) -> dict[str, str]:
    out = {}
    for g in gold:
        row = conn.execute("SELECT key FROM articles WHERE id = ?", (g.article,)).fetchone()
        if row:
            out[g.article] = row[0]
    return out


def herald_links(conn: sqlite3.Connection, gold: list[Gold], cfg: FusionConfig) -> set[frozenset[str]]:
    """Article pairs Herald puts in one fused event (through mentions of the gold types)."""
    keys = _keys(conn, gold)
    fused: dict[str, set[str]] = {}
    for g in gold:
        if g.article not in keys:
            continue
        types = sorted(cfg.types_for(g.type))
        for (fid,) in conn.execute(
            f"SELECT fused_id FROM fused_members WHERE article = ? AND fused_id IS NOT NULL "
            f"AND type IN ({', '.join('?' * len(types))})",
            [keys[g.article], *types],
        ):
            fused.setdefault(g.article, set()).add(fid)
    return {frozenset((a, b)) for a, b in combinations(sorted(fused), 2) if fused[a] & fused[b]}


def baseline_links(conn: sqlite3.Connection, gold: list[Gold], cfg: FusionConfig) -> set[frozenset[str]]:
    """Same type, same country, dates within the slack: what blocking alone would join."""
    keys = _keys(conn, gold)
    rows: dict[str, list[tuple[str, str, int, int]]] = {}
    for g in gold:
        if g.article in keys:
            rows[g.article] = [
                (r[0], r[1], r[2], r[3])
                for r in conn.execute(
                    "SELECT type, country, day_lo, day_hi FROM fused_members WHERE article = ? AND type = ?",
                    (keys[g.article], g.type),
                )
            ]
    out = set()
    for a, b in combinations(sorted(rows), 2):
        if any(
            x[0] == y[0] and x[1] == y[1] and max(x[2], y[2]) - min(x[3], y[3]) <= cfg.slack_days
            for x in rows[a]
            for y in rows[b]
        ):
            out.add(frozenset((a, b)))
    return out


def pairwise(gold: list[Gold], links: set[frozenset[str]]) -> PairScore:
    events: dict[str, str] = {g.article: g.event for g in gold}
    truth = {frozenset((a, b)) for a, b in combinations(sorted(events), 2) if events[a] == events[b]}
    universe = {frozenset(p) for p in combinations(sorted(events), 2)}
    links = links & universe
    errors = [f"joined {' + '.join(sorted(p))}" for p in sorted(links - truth, key=sorted)]
    errors += [f"missed {' + '.join(sorted(p))}" for p in sorted(truth - links, key=sorted)]
    return PairScore(len(links & truth), len(links - truth), len(truth - links), errors)


def score_store(
    conn: sqlite3.Connection, gold: list[Gold], config: FusionConfig | None = None
) -> dict[str, PairScore]:
    """{'herald': ..., 'baseline': ...} pairwise scores of a fused store against ``gold``."""
    cfg = config or load_config()
    return {
        "herald": pairwise(gold, herald_links(conn, gold, cfg)),
        "same-type-country-window": pairwise(gold, baseline_links(conn, gold, cfg)),
    }
