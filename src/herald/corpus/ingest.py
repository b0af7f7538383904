"""Ingest: read sources, extract in parallel, write to the store (single writer, batched transactions).

Safety: every article is identified by the SHA-256 of its text. Texts already in the store are not
extracted again (their new source, if any, is recorded in ``article_sources``), so re-ingesting a corpus adds
nothing and an interrupted ingest resumes where it stopped. Writes are grouped in transactions of
``commit_every`` articles (WAL journal, synchronous=FULL): a crash loses at most the uncommitted batch,
never committed data, and never leaves half an article. A failing article is written to ``errors``
and the batch goes on.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from ..api import extract_many
from ..errors import StoreError
from ..inputs import ArticleInput, InputFailure
from ..schema import Extraction, Span
from . import dedup, sources
from .store import Store, now, open_store

Item = ArticleInput | InputFailure


@dataclass
class IngestStats:
    read: int = 0  # items read from the sources (articles and unreadable items)
    added: int = 0  # new articles stored (including near-duplicates and skipped ones)
    already: int = 0  # texts already in the store before this item (re-ingest or exact copy)
    exact_duplicates: int = 0  # of those, new sources of a known text
    near_duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0  # time spent deduplicating and writing (the rest is reading and extraction)
    store_cpu_seconds: float = 0.0  # CPU time of the same
    errors: list[str] = field(default_factory=list)  # first few error messages, for the console
    fused_articles: int = 0  # articles fused across the corpus at the end (see corpus.fusion)
    fused_events: int = 0  # fused events in the store after that

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


@dataclass
class _Pending:
    item: ArticleInput
    submitted: bool  # False: an exact copy of a text still being extracted


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


P = ParamSpec("P")
R = TypeVar("R")


def _timed(method: Callable[Concatenate[Writer, P], R]) -> Callable[Concatenate[Writer, P], R]:
    """Add the method's run time to ``Writer.seconds`` (the store and dedup cost, for the benchmark)."""

    @functools.wraps(method)
    def run(self: Writer, *args: P.args, **kwargs: P.kwargs) -> R:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return method(self, *args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start
            self.cpu_seconds += time.thread_time() - cpu

    return run


class Writer:
    """The single writer: batches articles into transactions."""

    def __init__(self, store: Store, commit_every: int = 64) -> None:
        self.store = store
        self.conn = store.conn
        self.commit_every = max(1, commit_every)
        self.dedup = dedup.Deduper(self.conn)
        self.uncommitted = 0
        self.in_tx = False
        self.seconds = 0.0  # wall-clock time spent in the writer (dedup + SQLite)
        self.cpu_seconds = 0.0  # CPU time of the same

    def _begin(self) -> None:
        if not self.in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
            self.in_tx = True

    def _done_one(self) -> None:
        self.uncommitted += 1
        if self.uncommitted >= self.commit_every:
            self._commit()

    @_timed
    def commit(self) -> None:
        self._commit()

    def _commit(self) -> None:
        if self.in_tx:
            self.conn.execute("COMMIT")
            self.in_tx = False
        self.uncommitted = 0

    def rollback(self) -> None:
        if self.in_tx:
            self.conn.execute("ROLLBACK")
            self.in_tx = False
        self.uncommitted = 0

    @_timed
    def known(self, sha256: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha256,)).fetchone() is not None

    @_timed
    def known_key(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone() is not None

    @_timed
    def source_of(self, key: str, item: ArticleInput) -> bool:
        """Record one more source of the stored article ``key``; True if it was new."""
        self._begin()
        new = insert_source(self.conn, key, item)
        self._done_one()
        return new

    @_timed
    def add_source(self, item: ArticleInput) -> bool:
        """Record one more source of a stored text; True if it was new."""
        self._begin()
        new = self._source(item)
        self._done_one()
        return new

    def _source(self, item: ArticleInput) -> bool:
        return insert_source(self.conn, dedup.article_key(item.sha256), item)

    @_timed
    def error(
        self,
        origin: str,
        reason: str,
        *,
        code: str | None = None,
        article_id: str | None = None,
        sha256: str | None = None,
    ) -> None:
        self._begin()
        self.conn.execute(
            "INSERT INTO errors (origin, article_id, sha256, code, reason, time) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (origin, reason) DO UPDATE SET time = excluded.time, count = count + 1",
            (origin, article_id, sha256, code, reason, now()),
        )
        self._done_one()

    @_timed
    def article(
        self, item: ArticleInput, x: Extraction, *, decided: tuple[dedup.Match | None] | None = None
    ) -> dedup.Match | None:
        """Store one extracted article and its records; return its near-duplicate match, if any.

        ``decided`` carries a match already decided elsewhere (the Spark job's dedup, loaded back with
        ``herald ingest --from-parquet``); without it the store's own index decides.
        """
        self._begin()
        key = dedup.article_key(item.sha256)
        sig = dedup.signature(item.text)
        match = decided[0] if decided is not None else self.dedup.find(sig)
        c = self.conn
        # A savepoint per article: if its records cannot be stored (e.g. a stage emitted a duplicate id), the
        # article is rolled back whole and reported, and the rest of the batch stays.
        c.execute("SAVEPOINT article")
        try:
            self._insert(item, x, key, sig, match)
        except sqlite3.Error as exc:
            c.execute("ROLLBACK TO article")
            c.execute("RELEASE article")
            raise StoreError(f"{item.origin or key}: could not store the extraction ({exc}).") from exc
        c.execute("RELEASE article")
        self._done_one()
        return match

    def _insert(
        self, item: ArticleInput, x: Extraction, key: str, sig: Any, match: dedup.Match | None
    ) -> None:
        store_article(self.conn, item, x, key, match)
        self.dedup.add(key, sig)


def insert_source(conn: Any, key: str, item: ArticleInput) -> bool:
    """Record one place the text ``key`` was seen; True if it was new."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO article_sources "
        "(article, id, title, published, source, url, origin, first_seen) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (key, item.id, item.title, item.published, item.source, item.url, item.origin, now()),
    )
    return bool(cur.rowcount > 0)


def store_article(conn: Any, item: ArticleInput, x: Extraction, key: str, match: dedup.Match | None) -> None:
    """Insert one article, its source and its records (not the near-duplicate index).

    Shared by the store's writer and :mod:`herald.corpus.flatten` (the Spark job's rows), so a table row
    is built by one piece of code wherever it is written.
    """
    a = x.article
    c = conn
    c.execute(
        "INSERT INTO articles (key, sha256, id, title, published, published_from, source, url, language, "
        "status, chars, text, cluster, duplicate_of, similarity, model, herald_version, notes, "
        "ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            key,
            item.sha256,
            item.id or a.id,
            a.title,
            a.published,
            a.published_from,
            a.source,
            a.url,
            a.language,
            x.status,
            len(item.text),
            item.text,
            match.cluster if match else key,
            match.article if match else None,
            match.similarity if match else None,
            x.model,
            x.herald_version,
            _j([n.model_dump() for n in x.notes]),
            now(),
        ),
    )
    insert_source(c, key, item)
    _records(c, key, x)


def _u(key: str, local: str | None) -> str | None:
    return f"{key}:{local}" if local else None


# Columns after (uid, article, id) of the tables that store a record's fields as they are
TIME_COLUMNS = ("text", "start", "end", "value", "type", "granularity", "vague", "anchor", "rule")
PLACE_COLUMNS = (
    "text",
    "start",
    "end",
    "name",
    "geonameid",
    "country",
    "admin1",
    "lat",
    "lon",
    "feature",
    "resolution",
    "source",
    "confidence",
    "demonym",
    "embedded",
)


def _insert_plain(c: Any, table: str, key: str, records: Sequence[Any], columns: tuple[str, ...]) -> None:
    """Insert rows (uid, article key, local id, *the records' ``columns``); booleans are stored as 0/1."""
    marks = ", ".join("?" * (3 + len(columns)))
    names = ", ".join(f'"{col}"' for col in ("uid", "article", "local_id", *columns))
    c.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        [(_u(key, r.id), key, r.id, *(_value(r, col) for col in columns)) for r in records],
    )


def _value(r: Any, col: str) -> Any:
    v = getattr(r, col)
    if col in ("start", "end") and getattr(r, "in_title", False):
        return None  # in the title (herald.headline): no offsets into the stored text
    return int(v) if isinstance(v, bool) else v


def _at(span: Span | None, end: bool = False) -> int | None:
    """A span's offset into the stored text; None for a span in the title (``in_title``)."""
    if span is None or span.in_title:
        return None
    return span.end if end else span.start


def _records(c: Any, key: str, x: Extraction) -> None:
    """Insert an Extraction's records with globally unique uids (article key + local id)."""
    actors = {a.id for a in x.actors}
    times = {t.id: t for t in x.times}
    places = {p.id for p in x.places}
    statements = {s.id for s in x.statements}
    events = {e.id for e in x.events}
    c.executemany(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                _u(key, a.id),
                key,
                a.id,
                a.name,
                a.kind,
                a.country,
                a.sector,
                _j(a.sectors),
                a.wikidata,
                a.title,
                a.rule,
            )
            for a in x.actors
        ],
    )
    c.executemany(
        'INSERT INTO mentions (actor, article, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(_u(key, a.id), key, _at(m), _at(m, True), m.text) for a in x.actors for m in a.mentions],
    )
    _insert_plain(c, "times", key, x.times, TIME_COLUMNS)
    _insert_plain(c, "places", key, x.places, PLACE_COLUMNS)
    c.executemany(
        "INSERT INTO statements (uid, article, local_id, speaker, speaker_text, cue, cue_class, kind, "
        "content_start, content_end, content, evidence_start, evidence_end, evidence, negated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                _u(key, s.id),
                key,
                s.id,
                _u(key, s.speaker) if s.speaker in actors else None,
                s.speaker_text,
                s.cue,
                s.cue_class,
                s.kind,
                _at(s.content),
                _at(s.content, True),
                s.content.text,
                _at(s.evidence),
                _at(s.evidence, True),
                s.evidence.text,
                int(s.negated),
            )
            for s in x.statements
        ],
    )
    rows = []
    for e in x.events:
        t = times.get(e.date or "")
        date, time_uid = (t.value, _u(key, t.id)) if t else (e.date, None)
        tr = e.trigger
        rows.append(
            (
                _u(key, e.id),
                key,
                e.id,
                e.type,
                e.mode,
                _j(e.contexts),
                date,
                time_uid,
                e.date_from,
                _u(key, e.place) if e.place in places else None,
                int(e.historical),
                int(e.negated),
                int(e.future),
                int(e.hypothetical),
                _u(key, e.reported_by) if e.reported_by in statements else None,
                e.cameo,
                e.quad,
                e.intensity,
                _at(tr),
                _at(tr, True),
                tr.text if tr else None,
                _at(e.evidence),
                _at(e.evidence, True),
                e.evidence.text,
                e.rule,
                e.confidence,
            )
        )
    c.executemany(f"INSERT INTO events VALUES ({', '.join('?' * 26)})", rows)
    for table, attr in (("event_actors", "actors"), ("event_recipients", "recipients")):
        c.executemany(
            f"INSERT OR IGNORE INTO {table} VALUES (?, ?, ?)",
            [
                (_u(key, e.id), _u(key, a), i)
                for e in x.events
                for i, a in enumerate(getattr(e, attr))
                if a in actors
            ],
        )
    c.executemany(
        "INSERT INTO figures (uid, article, local_id, value, low, high, qualifier, vague, counts, unit, "
        "source, source_text, hedges, event, evidence_start, evidence_end, evidence, historical) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                _u(key, f.id),
                key,
                f.id,
                f.value,
                f.low,
                f.high,
                f.qualifier,
                int(f.vague),
                f.counts,
                f.unit,
                _u(key, f.source) if f.source in actors else None,
                f.source_text,
                _j(f.hedges),
                _u(key, f.event) if f.event in events else None,
                _at(f.evidence),
                _at(f.evidence, True),
                f.evidence.text,
                int(f.historical),
            )
            for f in x.figures
        ],
    )


def estimate(paths: Iterable[Path]) -> int:
    """A cheap estimate of how many articles the sources hold, for the progress bar's ETA."""
    total = 0
    for path in sources.files(paths):
        try:
            name = path.name.lower()
            if name.endswith((".jsonl", ".ndjson")):
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif path.suffix.lower() in sources.FEED_SUFFIXES:
                data = path.read_bytes()
                total += max(1, data.count(b"<item") + data.count(b"<entry"))
            elif name.endswith(sources.WARC_SUFFIXES) and not name.endswith(".gz"):
                total += max(1, path.read_bytes().count(b"WARC-Type: response"))
            else:
                total += 1
        except OSError:
            total += 1
    return total


def ingest_items(
    store: Store,
    items: Iterable[Item],
    *,
    workers: int | None = None,
    batch_size: int = 16,
    commit_every: int = 64,
    published: str | None = None,
    on_item: Callable[[IngestStats], None] | None = None,
    include_future: bool | None = None,
) -> IngestStats:
    """Extract and store articles from ``items``; see the module docstring for the guarantees.
    ``include_future`` also stores events only predicted or planned (default: ``HERALD_INCLUDE_FUTURE``)."""
    workers = workers or os.cpu_count() or 1
    stats = IngestStats()
    writer = Writer(store, commit_every)
    pending: deque[_Pending] = deque()
    in_flight: dict[str, int] = {}  # sha256 -> number of submitted, not yet written items with that text
    started = time.perf_counter()

    def tick() -> None:
        stats.seconds = time.perf_counter() - started
        stats.store_seconds = writer.seconds
        stats.store_cpu_seconds = writer.cpu_seconds
        if on_item:
            on_item(stats)

    def note_error(message: str) -> None:
        if len(stats.errors) < 20:
            stats.errors.append(message)

    def known_copy(item: ArticleInput) -> None:
        stats.already += 1
        if writer.add_source(item):
            stats.exact_duplicates += 1
        tick()

    def feed() -> Iterator[ArticleInput]:
        """Items to extract; failures and known texts are handled here, in input order, by the same writer."""
        for item in items:
            stats.read += 1
            if isinstance(item, InputFailure):
                stats.failed += 1
                writer.error(item.origin, item.reason, code=type(item.error).__name__, article_id=item.id)
                note_error(item.reason)
                tick()
                continue
            if published and not item.published:
                item.published, item.published_from = published, "option"
            sha = item.sha256
            if sha in in_flight:
                pending.append(_Pending(item, submitted=False))
                continue
            if writer.known(sha):
                known_copy(item)
                continue
            in_flight[sha] = 1
            pending.append(_Pending(item, submitted=True))
            yield item

    def drain_copies() -> None:
        while pending and not pending[0].submitted:
            item = pending.popleft().item
            if writer.known(item.sha256):
                known_copy(item)
            else:  # the first copy of this text failed; so does this one
                stats.failed += 1
                writer.error(
                    item.origin or item.resolved_id(),
                    "same text as an article that failed (see its error)",
                    article_id=item.id,
                    sha256=item.sha256,
                )

    try:
        for x in extract_many(
            feed(), n_process=workers, batch_size=batch_size, include_future=include_future
        ):
            drain_copies()
            entry = pending.popleft()
            item = entry.item
            in_flight.pop(item.sha256, None)
            if x.status == "failed":
                stats.failed += 1
                reason = "; ".join(n.message for n in x.notes) or "extraction failed"
                code = x.notes[0].code if x.notes else None
                writer.error(
                    item.origin or item.resolved_id(),
                    reason,
                    code=code,
                    article_id=item.id,
                    sha256=item.sha256,
                )
                note_error(reason)
            elif writer.known(item.sha256):  # stored meanwhile (cannot normally happen; kept for safety)
                known_copy(item)
                continue
            else:
                try:
                    match = writer.article(item, x)
                except StoreError as exc:
                    stats.failed += 1
                    writer.error(
                        item.origin or item.resolved_id(),
                        str(exc),
                        code="store-error",
                        article_id=item.id,
                        sha256=item.sha256,
                    )
                    note_error(str(exc))
                    tick()
                    continue
                stats.added += 1
                stats.events += len(x.events)
                if match:
                    stats.near_duplicates += 1
                if x.status == "skipped":
                    stats.skipped += 1
            tick()
        drain_copies()
        writer.commit()
    except BaseException:
        # Ctrl-C or a crash: drop the open batch (never half an article); committed batches stay.
        writer.rollback()
        raise
    tick()
    return stats


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = "herald.db",
    *,
    fmt: str = "auto",
    workers: int | None = None,
    published: str | None = None,
    batch_size: int = 16,
    commit_every: int = 64,
    on_item: Callable[[IngestStats], None] | None = None,
    fuse: bool = True,
    include_future: bool | None = None,
) -> IngestStats:
    """Ingest files/directories into the store at ``db``, then fuse the new articles' events across
    articles (``fuse=False`` to skip; ``herald fuse`` does it later); return what happened."""
    items = sources.read([Path(p) for p in paths], fmt)
    with open_store(db) as store:
        stats = ingest_items(
            store,
            items,
            workers=workers,
            batch_size=batch_size,
            commit_every=commit_every,
            published=published,
            on_item=on_item,
            include_future=include_future,
        )
        if fuse:
            from .fusion import fuse as fuse_events

            started = time.perf_counter()
            fused = fuse_events(store.conn)
            stats.fused_articles, stats.fused_events = fused.articles, fused.fused_events
            stats.seconds += time.perf_counter() - started
        return stats
