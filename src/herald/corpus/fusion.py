"""Event fusion: events from different articles that tell one real-world event become one fused event.

Incremental and order-independent. Each new mention is compared only with stored mentions of its block —
a compatible type, the same (or an unknown) country, dates within the slack — at most ``max_candidates`` of
them, so the cost per article does not grow with the corpus. Mentions that score above the threshold are
*linked*; a group of linked mentions (a component) is re-clustered whole whenever a mention joins it:
links are taken strongest first and two clusters are joined unless a pair across them conflicts (places too
far apart, dates too far apart, a manual split). The result depends only on the set of mentions, not on
the order articles arrive in. Near-duplicate republications (one MinHash cluster) count as one source;
historical mentions link to the event they recall without counting as reports. Manual merges and splits
are stored in ``fusion_overrides`` and applied by every later run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from .fusion_config import FusionConfig, load_config
from .fusion_mentions import COLUMNS, Mention, article_mentions, iso
from .fusion_score import Pair, score
from .store import now

_MAX_SPAN = 400  # days: the longest stored interval (a year) plus margin, to bound the block's index scan


@dataclass
class FuseStats:
    articles: int = 0
    mentions: int = 0
    recalls_linked: int = 0
    fused_events: int = 0  # in the store after the run
    seconds: float = 0.0


# ---------------------------------------------------------------------------------------------- storage


def _members(conn: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[Mention]:
    cols = ", ".join(COLUMNS)
    return [
        Mention.from_row(r) for r in conn.execute(f"SELECT {cols} FROM fused_members WHERE {where}", params)
    ]


def _insert(conn: sqlite3.Connection, m: Mention) -> None:
    row = m.row()
    cols = ", ".join(row)
    conn.execute(
        f"INSERT OR REPLACE INTO fused_members ({cols}, component) VALUES ({', '.join('?' * len(row))}, ?)",
        [*row.values(), m.mention],
    )


def _candidates(
    conn: sqlite3.Connection, m: Mention, cfg: FusionConfig, *, recall: bool = False
) -> list[Mention]:
    """Stored report mentions in ``m``'s block, nearest dates first, at most ``max_candidates``."""
    types = sorted(cfg.types_for(m.type))
    where = [f"type IN ({', '.join('?' * len(types))})", "role != 'recall'", "mention != ?"]
    params: list[Any] = [*types, m.mention]
    if m.country:
        where.append("country IN (?, '')")
        params.append(m.country)
    order = "mention"
    if m.day_lo is not None and m.day_hi is not None:
        slack = cfg.recall_slack_days if recall else cfg.slack_days
        where.append("day_lo BETWEEN ? AND ? AND day_hi >= ?")
        params += [m.day_lo - slack - _MAX_SPAN, m.day_hi + slack, m.day_lo - slack]
        order = f"abs(day_lo - {int(m.day_lo)}), mention"
    sql = " AND ".join(where) + f" ORDER BY {order} LIMIT {int(cfg.max_candidates)}"
    return _members(conn, sql, params)


def _overrides(conn: sqlite3.Connection, ids: Iterable[str]) -> list[tuple[str, str, str]]:
    ids = list(ids)
    out: list[tuple[str, str, str]] = []
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        marks = ", ".join("?" * len(chunk))
        out += [
            (r[0], r[1], r[2])
            for r in conn.execute(
                f"SELECT kind, a, b FROM fusion_overrides WHERE a IN ({marks}) OR b IN ({marks})", chunk * 2
            )
        ]
    return out


# ---------------------------------------------------------------------------------------------- clustering


def _cluster(
    members: list[Mention], cfg: FusionConfig, overrides: list[tuple[str, str, str]]
) -> tuple[list[list[Mention]], dict[str, tuple[float, str]]]:
    """Constrained single-link clustering of one component; deterministic in the set of members."""
    members = sorted(members, key=lambda m: m.mention)
    index = {m.mention: i for i, m in enumerate(members)}
    conflicts: set[tuple[int, int]] = set()
    edges: list[tuple[float, int, int, str]] = []
    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            p = score(a, members[j], cfg)
            if p.conflict:
                conflicts.add((i, j))
            elif p.linked(cfg):
                edges.append((p.score, i, j, "; ".join(p.reasons)))
    for kind, x, y in overrides:
        if x in index and y in index:
            i, j = sorted((index[x], index[y]))
            if kind == "cannot":
                conflicts.add((i, j))
            else:
                edges.append((float("inf"), i, j, "merged by hand"))
    # Manual links first, then strongest first; ties by position (the sorted mention ids): deterministic.
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    parent = list(range(len(members)))
    groups: dict[int, set[int]] = {i: {i} for i in range(len(members))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    why: dict[str, tuple[float, str]] = {}
    for s, i, j, reason in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        manual = s == float("inf")
        if not manual and any((min(x, y), max(x, y)) in conflicts for x in groups[ri] for y in groups[rj]):
            continue
        parent[rj] = ri
        groups[ri] |= groups.pop(rj)
        for k, other in ((i, j), (j, i)):
            name = members[k].mention
            if name not in why:
                why[name] = (min(s, 99.0), f"linked to {members[other].mention}: {reason}")
    clusters = [[members[i] for i in sorted(g)] for g in groups.values()]
    return clusters, why


def _new_id(conn: sqlite3.Connection, seed: str, taken: set[str]) -> str:
    n = 0
    while True:
        fid = "F" + hashlib.sha1(f"{seed}#{n}".encode()).hexdigest()[:10]
        if (
            fid not in taken
            and not conn.execute("SELECT 1 FROM fused_events WHERE id = ?", (fid,)).fetchone()
        ):
            return fid
        n += 1


def _store_clusters(
    conn: sqlite3.Connection,
    clusters: list[list[Mention]],
    why: dict[str, tuple[float, str]],
    cfg: FusionConfig,
) -> set[str]:
    """Give each cluster a fused id (keeping the old id of most of its members), write, summarise."""
    ids = [m.mention for c in clusters for m in c]
    old: dict[str, str | None] = {}
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        for r in conn.execute(
            f"SELECT mention, fused_id FROM fused_members WHERE mention IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            old[r[0]] = r[1]
    previous = {f for f in old.values() if f}
    claimed: set[str] = set()
    component = min(ids)
    result: set[str] = set()
    for cluster in sorted(clusters, key=lambda c: (-len(c), c[0].mention)):
        votes = Counter(str(old[m.mention]) for m in cluster if old.get(m.mention))
        keep = [f for f, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])) if f not in claimed]
        fid = keep[0] if keep else _new_id(conn, cluster[0].mention, claimed | previous)
        claimed.add(fid)
        result.add(fid)
        conn.executemany(
            "UPDATE fused_members SET fused_id = ?, component = ?, score = ?, reason = ? WHERE mention = ?",
            [
                (
                    fid,
                    component,
                    *why.get(m.mention, (None, "first report" if len(cluster) == 1 else None)),
                    m.mention,
                )
                for m in cluster
            ],
        )
    # Historical mentions follow the mention they recall (its id is kept in their component column).
    marks = ", ".join("?" * len(ids))
    conn.execute(
        "UPDATE fused_members SET fused_id = (SELECT t.fused_id FROM fused_members t "
        f"WHERE t.mention = fused_members.component) WHERE role = 'recall' AND component IN ({marks})",
        ids,
    )
    for fid in previous - claimed:
        conn.execute("DELETE FROM fused_events WHERE id = ?", (fid,))
    for fid in result:
        summarise(conn, fid, cfg)
    return result


def _recluster(
    conn: sqlite3.Connection, components: set[str], extra: list[Mention], cfg: FusionConfig
) -> None:
    comps = sorted(components)
    members = (
        _members(conn, f"component IN ({', '.join('?' * len(comps))}) AND role != 'recall'", comps)
        if comps
        else []
    )
    have = {m.mention for m in members}
    members += [m for m in extra if m.mention not in have]
    clusters, why = _cluster(members, cfg, _overrides(conn, [m.mention for m in members]))
    _store_clusters(conn, clusters, why, cfg)


def _place(conn: sqlite3.Connection, m: Mention, cfg: FusionConfig) -> None:
    """Fuse one report (or figure) mention already inserted in ``fused_members``."""
    cands = _candidates(conn, m, cfg)
    links: list[tuple[Pair, Mention]] = []
    for c in cands:
        p = score(m, c, cfg)
        if p.linked(cfg):
            links.append((p, c))
    comps = {c.component for _, c in links if c.component}
    manual = [(k, a, b) for k, a, b in _overrides(conn, [m.mention]) if k == "must"]
    for _, a, b in manual:
        other = b if a == m.mention else a
        row = conn.execute("SELECT component FROM fused_members WHERE mention = ?", (other,)).fetchone()
        if row and row[0]:
            comps.add(row[0])
    if not comps:
        _store_clusters(conn, [[m]], {}, cfg)
        return
    size = conn.execute(
        f"SELECT count(*) FROM fused_members WHERE component IN ({', '.join('?' * len(comps))})",
        sorted(comps),
    ).fetchone()[0]
    if size < cfg.max_component:
        _recluster(conn, comps, [m], cfg)
        return
    # A huge story: join the best linked fused event without conflicts, keeping the cost bounded.
    links.sort(key=lambda pc: (-pc[0].score, pc[1].mention))
    for p, c in links:
        members = _members(conn, "fused_id = ? AND role != 'recall' LIMIT ?", (c.fused_id, cfg.max_component))
        if all(score(m, x, cfg).conflict is None for x in members):
            conn.execute(
                "UPDATE fused_members SET fused_id = ?, component = ?, score = ?, reason = ? "
                "WHERE mention = ?",
                (
                    c.fused_id,
                    c.component,
                    p.score,
                    f"linked to {c.mention}: {'; '.join(p.reasons)}",
                    m.mention,
                ),
            )
            summarise(conn, str(c.fused_id), cfg)
            return
    _store_clusters(conn, [[m]], {}, cfg)


def _link_recall(conn: sqlite3.Connection, m: Mention, cfg: FusionConfig) -> bool:
    """Point a historical mention at the reported event it recalls, if one is stored."""
    best: tuple[Pair, Mention] | None = None
    for c in _candidates(conn, m, cfg, recall=True):
        p = score(m, c, cfg, recall=True)
        if p.linked(cfg) and (best is None or (p.score, c.mention) > (best[0].score, best[1].mention)):
            best = (p, c)
    if best is None:
        return False
    p, c = best
    conn.execute(
        "UPDATE fused_members SET fused_id = ?, component = ?, score = ?, reason = ? WHERE mention = ?",
        (c.fused_id, c.mention, p.score, f"recalls {c.mention}: {'; '.join(p.reasons)}", m.mention),
    )
    if c.fused_id:
        summarise(conn, c.fused_id, cfg)
    return True


# ---------------------------------------------------------------------------------------------- summaries


def _names(conn: sqlite3.Connection, table: str, events: list[str]) -> list[str]:
    if not events:
        return []
    counts: Counter[str] = Counter()
    for r in conn.execute(
        f"SELECT ac.name FROM {table} x JOIN actors ac ON ac.uid = x.actor "
        f"WHERE x.event IN ({', '.join('?' * len(events))})",
        events,
    ):
        if r[0]:
            counts[r[0]] += 1
    return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def summarise(conn: sqlite3.Connection, fid: str, cfg: FusionConfig) -> None:
    """Recompute the ``fused_events`` row of ``fid`` from its members."""
    members = _members(conn, "fused_id = ? ORDER BY published, mention", (fid,))
    reports = [m for m in members if m.role != "recall"]
    if not reports:
        conn.execute("DELETE FROM fused_events WHERE id = ?", (fid,))
        return
    clusters = {m.cluster or m.article for m in reports}
    n = len(clusters)

    def top(values: Iterable[str | None]) -> str | None:
        c = Counter(v for v in values if v)
        return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if c else None

    # Date: the first report's own date at its finest granularity (later reports often date the event by
    # the day a new figure was given, "the army said on Wednesday").
    order = {"day": 0, "week": 1, "interval": 2, "month": 3, "year": 4}
    dated = [m for m in reports if m.granularity in order and m.day_lo is not None and m.day_hi is not None]
    if dated:
        first = min(dated, key=lambda m: (m.published or "", order[m.granularity or "year"], m.mention))
        date, date_rule = (
            iso(int(first.day_lo or 0), int(first.day_hi or 0), first.granularity),
            "first-report",
        )
    else:
        date, date_rule = min(m.published or "" for m in reports), "first-publication"
    placed = [m for m in reports if m.place_from == "event" and m.lat is not None] or [
        m for m in reports if m.lat is not None
    ]
    place = top(m.place for m in placed)
    where = next((m for m in placed if m.place == place), None)
    events = [m.event for m in reports if m.event]
    reasons = dict(
        conn.execute("SELECT mention, reason FROM fused_members WHERE fused_id = ?", (fid,)).fetchall()
    )
    explanation = [
        f"{m.outlet or m.article} {m.published or ''} ({m.role}): {reasons.get(m.mention) or 'first report'}"
        for m in members
    ]
    copies = Counter(m.cluster or m.article for m in reports)
    for cl in sorted(copies):
        arts = {m.article for m in reports if (m.cluster or m.article) == cl}
        if len(arts) > 1:
            explanation.append(f"{len(arts)} near-duplicate articles (cluster {cl}) count as one source")
    pubs = sorted(m.published for m in members if m.published)
    row = {
        "id": fid,
        "type": top(m.type for m in reports) or reports[0].type,
        # The mode most reports give, counting "no mode" as an answer (one abduction among the tolls is
        # not the attack's mode).
        "mode": mode if (mode := top(m.mode or "~" for m in reports)) != "~" else None,
        "date": date,
        "date_rule": date_rule,
        "country": top(m.country for m in reports),
        "place": place,
        "lat": where.lat if where else None,
        "lon": where.lon if where else None,
        "feature": where.feature if where else None,
        "actors": json.dumps(_names(conn, "event_actors", events), ensure_ascii=False),
        "recipients": json.dumps(_names(conn, "event_recipients", events), ensure_ascii=False),
        "sources": n,
        "articles": len({m.article for m in reports}),
        "outlets": len({m.outlet or m.article for m in reports}),
        "mentions": len(reports),
        "recalls": len(members) - len(reports),
        "first_published": pubs[0] if pubs else None,
        "last_published": pubs[-1] if pubs else None,
        "confidence": round(1 - (1 - cfg.confidence_per_source) ** n, 4),
        "explanation": json.dumps(explanation, ensure_ascii=False),
        "updated_at": now(),
    }
    conn.execute(
        f"INSERT OR REPLACE INTO fused_events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )


# ---------------------------------------------------------------------------------------------- figures


def _attach_figures(conn: sqlite3.Connection, key: str, ms: list[Mention], cfg: FusionConfig) -> None:
    """Record which mention each figure of the article belongs to (the ledger reads this)."""
    by_event = {m.event: m for m in ms if m.event}
    by_figure = {m.figure: m for m in ms if m.figure}
    rows: list[tuple[str, str, str]] = []
    for f in conn.execute(
        "SELECT uid, counts, event, evidence_start FROM figures WHERE article = ? ORDER BY evidence_start",
        (key,),
    ):
        if f["event"] in by_event:
            rows.append((f["uid"], by_event[f["event"]].mention, "event"))
        elif f["uid"] in by_figure:
            rows.append((f["uid"], f["uid"], "figure-mention"))
        elif types := cfg.figure_types.get(f["counts"] or ""):
            same = [m for m in ms if m.type in types]
            same.sort(key=lambda m: (m.role == "recall", m.start or 0))
            before = [m for m in same if (m.start or 0) <= (f["evidence_start"] or 0) and m.role != "recall"]
            target = before[-1] if before else (same[0] if same else None)
            if target:
                rows.append((f["uid"], target.mention, "same-article"))
    conn.executemany("INSERT OR REPLACE INTO fused_figures VALUES (?, ?, ?)", rows)


# ---------------------------------------------------------------------------------------------- public API


def _article_keys(conn: sqlite3.Connection, ids: Iterable[str]) -> list[str]:
    keys: list[str] = []
    for i in ids:
        row = conn.execute(
            "SELECT key FROM articles WHERE key = ? OR id = ? OR sha256 = ?", (i, i, i)
        ).fetchone()
        if row is None:
            raise StoreError(
                f"no stored article {i!r}: give an article key, id or SHA-256 from the articles table."
            )
        keys.append(row[0])
    return keys


def fuse_article(conn: sqlite3.Connection, key: str, cfg: FusionConfig) -> tuple[int, int]:
    """Fuse one stored article (inside the caller's transaction); return (mentions, recalls linked)."""
    if conn.execute("SELECT 1 FROM fused_articles WHERE article = ?", (key,)).fetchone():
        return 0, 0
    ms = article_mentions(conn, key, cfg)
    linked = 0
    for m in ms:
        _insert(conn, m)
        if m.role != "recall":
            _place(conn, m, cfg)
    for m in ms:
        if m.role == "recall":
            linked += _link_recall(conn, m, cfg)
    _attach_figures(conn, key, ms, cfg)
    conn.execute("INSERT OR REPLACE INTO fused_articles VALUES (?, ?)", (key, now()))
    return len(ms), linked


def _retry_recalls(conn: sqlite3.Connection, cfg: FusionConfig, blocks: set[tuple[str, str]]) -> int:
    """Historical mentions that recalled nothing: try again, now that new reports are stored."""
    n = 0
    for type_, country in sorted(blocks):
        for m in _members(
            conn, "role = 'recall' AND fused_id IS NULL AND type = ? AND country IN (?, '')", (type_, country)
        ):
            n += _link_recall(conn, m, cfg)
    return n


class _Tx:
    """BEGIN IMMEDIATE unless the caller already holds a transaction; COMMIT/ROLLBACK on exit."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.own = conn, not conn.in_transaction

    def __enter__(self) -> _Tx:
        if self.own:
            self.conn.execute("BEGIN IMMEDIATE")
        return self

    def checkpoint(self) -> None:
        if self.own:
            self.conn.execute("COMMIT")
            self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        if self.own:
            self.conn.execute("ROLLBACK" if kind else "COMMIT")


def clear(conn: sqlite3.Connection) -> None:
    """Forget every fusion result (not the manual overrides): the next :func:`fuse` starts afresh."""
    with _Tx(conn):
        for table in ("fused_figures", "fused_members", "fused_events", "fused_articles"):
            conn.execute(f"DELETE FROM {table}")


def fuse(
    conn: sqlite3.Connection,
    article_ids: Iterable[str] | None = None,
    config: FusionConfig | None = None,
    *,
    rebuild: bool = False,
    commit_every: int = 64,
) -> FuseStats:
    """Fuse the given articles (keys, ids or SHA-256), by default every stored article not fused yet.

    ``rebuild`` forgets earlier results first (manual overrides are kept and applied again).
    """
    cfg = config or load_config()
    started = time.perf_counter()
    if rebuild:
        clear(conn)
    if article_ids is None:
        keys = [
            r[0]
            for r in conn.execute(
                "SELECT key FROM articles WHERE key NOT IN (SELECT article FROM fused_articles) "
                "ORDER BY published, key"
            )
        ]
    else:
        keys = _article_keys(conn, article_ids)
    stats = FuseStats()
    blocks: set[tuple[str, str]] = set()
    with _Tx(conn) as tx:
        for i, key in enumerate(keys, 1):
            n, linked = fuse_article(conn, key, cfg)
            stats.articles += 1 if n or linked else 0
            stats.mentions += n
            stats.recalls_linked += linked
            blocks |= {
                (r[0], r[1])
                for r in conn.execute("SELECT type, country FROM fused_members WHERE article = ?", (key,))
            }
            if i % commit_every == 0:
                tx.checkpoint()
        stats.recalls_linked += _retry_recalls(conn, cfg, blocks)
    stats.fused_events = int(conn.execute("SELECT count(*) FROM fused_events").fetchone()[0])
    stats.seconds = time.perf_counter() - started
    return stats


def merge(
    conn: sqlite3.Connection,
    fused_ids: Sequence[str],
    note: str | None = None,
    config: FusionConfig | None = None,
) -> str:
    """Join fused events by hand (kept in ``fusion_overrides``); return the id of the joined event."""
    cfg = config or load_config()
    if len(fused_ids) < 2:
        raise StoreError("merge needs two or more fused event ids (herald fuse --merge F1 --merge F2).")
    firsts: list[str] = []
    everyone: list[str] = []
    with _Tx(conn):
        for fid in fused_ids:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT mention FROM fused_members WHERE fused_id = ? AND role != 'recall' "
                    "ORDER BY mention",
                    (fid,),
                )
            ]
            if not ids:
                raise StoreError(f"no fused event {fid!r}: list them with `herald events --fused`.")
            firsts.append(ids[0])
            everyone += ids
        # Tie every member to the first event's first mention: the merged event holds together even where
        # two of its members conflict (a date or place the user knows better).
        for other in everyone[1:]:
            if other == firsts[0]:
                continue
            a, b = sorted((firsts[0], other))
            conn.execute("DELETE FROM fusion_overrides WHERE kind = 'cannot' AND a = ? AND b = ?", (a, b))
            conn.execute(
                "INSERT OR IGNORE INTO fusion_overrides (kind, a, b, note, created_at) VALUES "
                "('must', ?, ?, ?, ?)",
                (a, b, note, now()),
            )
        comps = {
            r[0]
            for r in conn.execute(
                f"SELECT component FROM fused_members WHERE mention IN ({', '.join('?' * len(firsts))})",
                firsts,
            )
        }
        _recluster(conn, comps, [], cfg)
        fid = conn.execute("SELECT fused_id FROM fused_members WHERE mention = ?", (firsts[0],)).fetchone()[0]
    return str(fid)


def split(
    conn: sqlite3.Connection,
    mentions: Sequence[str],
    note: str | None = None,
    config: FusionConfig | None = None,
) -> str:
    """Take mentions (event uids) out of their fused event into one of their own; return its id."""
    cfg = config or load_config()
    with _Tx(conn):
        rows = [
            conn.execute("SELECT fused_id, component FROM fused_members WHERE mention = ?", (m,)).fetchone()
            for m in mentions
        ]
        if not mentions or any(r is None or r[0] is None for r in rows):
            raise StoreError(
                "split needs event uids that belong to a fused event (herald fuse --split UID); see "
                "`herald events --fused --format json` for the members."
            )
        fids = {r[0] for r in rows}
        stay = [
            r[0]
            for r in conn.execute(
                f"SELECT mention FROM fused_members WHERE fused_id IN ({', '.join('?' * len(fids))}) "
                "AND role != 'recall'",
                sorted(fids),
            )
            if r[0] not in mentions
        ]
        for m in mentions:
            for s in stay:
                a, b = sorted((m, s))
                conn.execute("DELETE FROM fusion_overrides WHERE kind = 'must' AND a = ? AND b = ?", (a, b))
                conn.execute(
                    "INSERT OR IGNORE INTO fusion_overrides (kind, a, b, note, created_at) "
                    "VALUES ('cannot', ?, ?, ?, ?)",
                    (a, b, note, now()),
                )
        _recluster(conn, {r[1] for r in rows}, [], cfg)
        fid = conn.execute("SELECT fused_id FROM fused_members WHERE mention = ?", (mentions[0],)).fetchone()[
            0
        ]
    return str(fid)


def fused_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    min_sources: int | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Fused events as dicts (``actors``/``recipients``/``explanation`` decoded), by date."""
    where: list[str] = []
    params: list[Any] = []
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        where.append("date <= ?")
        params.append(until + "\uffff")
    if country:
        where.append("country = ?")
        params.append(country.upper())
    if actor:
        where.append("(actors LIKE ? OR recipients LIKE ?)")
        params += [f"%{actor}%"] * 2
    if min_sources:
        where.append("sources >= ?")
        params.append(min_sources)
    sql = "SELECT * FROM fused_events" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY date, id" + (f" LIMIT {int(limit)}" if limit else "")
    out = []
    for r in conn.execute(sql, params):
        d = dict(r)
        for k in ("actors", "recipients", "explanation"):
            d[k] = json.loads(d[k] or "[]")
        out.append(d)
    return out


def members(conn: sqlite3.Connection, fused_id: str) -> list[dict[str, Any]]:
    """Every mention of a fused event: role, event, article, outlet, publication date, evidence, why."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT m.mention, m.role, m.event, m.figure, a.id AS article, m.article AS "
            "article_key, m.outlet, "
            "m.published, m.cluster, m.type, m.mode, m.place, m.score, m.reason, "
            "COALESCE(e.evidence, f.evidence) AS evidence "
            "FROM fused_members m JOIN articles a ON a.key = m.article LEFT JOIN events e ON e.uid = m.event "
            "LEFT JOIN figures f ON f.uid = m.figure WHERE m.fused_id = ? ORDER BY m.published, m.mention",
            (fused_id,),
        )
    ]


def partition(conn: sqlite3.Connection) -> set[frozenset[str]]:
    """The fused events as sets of report mention uids (to compare runs; ids aside)."""
    groups: dict[str, set[str]] = {}
    for r in conn.execute(
        "SELECT fused_id, mention FROM fused_members WHERE fused_id IS NOT NULL AND role != 'recall'"
    ):
        groups.setdefault(r[0], set()).add(r[1])
    return {frozenset(g) for g in groups.values()}
