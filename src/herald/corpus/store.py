"""The corpus store: one SQLite file with plain, documented tables (opens as-is in Datasette/sqlite-utils).

Record ids inside an Extraction are per article (``e1``, ``a1``...). In the store every record has a
``uid`` ``<article key>:<local id>`` where the article key is the first 16 hex digits of the text's SHA-256,
so ids are globally unique and stable across re-ingests. The schema is built by named migrations recorded
in the ``migrations`` table; each is idempotent (``IF NOT EXISTS``), so running them again is harmless.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError

# (name, SQL). Append new migrations; never edit one that has shipped.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        """
        CREATE TABLE IF NOT EXISTS articles (
            key TEXT PRIMARY KEY,              -- first 16 hex digits of sha256: prefix of every record uid
            sha256 TEXT NOT NULL UNIQUE,       -- SHA-256 of the text (UTF-8): the article's identity
            id TEXT,                           -- id given by the first source that supplied this text
            title TEXT, published TEXT, published_from TEXT, source TEXT, url TEXT,
            language TEXT, status TEXT NOT NULL, chars INTEGER, text TEXT NOT NULL,
            cluster TEXT NOT NULL,             -- key of the cluster's first article (itself when unique)
            duplicate_of TEXT REFERENCES articles(key),  -- nearest earlier near-duplicate, else NULL
            similarity REAL,                   -- estimated Jaccard similarity to duplicate_of
            model TEXT, herald_version TEXT, notes TEXT,  -- notes: JSON list of {code, message}
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster);
        CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
        -- every place a text was seen: exact copies from other sources are kept here, not re-stored
        CREATE TABLE IF NOT EXISTS article_sources (
            article TEXT NOT NULL REFERENCES articles(key),
            id TEXT, title TEXT, published TEXT, source TEXT, url TEXT, origin TEXT,
            first_seen TEXT NOT NULL
        );
        -- COALESCE: in SQLite NULLs are distinct in UNIQUE constraints, so a plain UNIQUE would not dedupe
        CREATE UNIQUE INDEX IF NOT EXISTS article_sources_unique ON article_sources(
            article, COALESCE(id, ''), COALESCE(title, ''), COALESCE(published, ''), COALESCE(source, ''),
            COALESCE(url, ''));
        CREATE TABLE IF NOT EXISTS errors (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL,               -- file, file:line, feed#entryN or warc@offset
            article_id TEXT, sha256 TEXT,
            code TEXT, reason TEXT NOT NULL,
            time TEXT NOT NULL,                 -- last time this error was seen
            count INTEGER NOT NULL DEFAULT 1,   -- how many ingests hit it
            UNIQUE (origin, reason)
        );
        """,
    ),
    (
        "0002_records",
        """
        CREATE TABLE IF NOT EXISTS actors (
            uid TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(key), local_id TEXT NOT NULL,
            name TEXT, kind TEXT, country TEXT, sector TEXT, sectors TEXT, wikidata TEXT, title TEXT,
            rule TEXT
        );
        CREATE INDEX IF NOT EXISTS actors_article ON actors(article);
        CREATE INDEX IF NOT EXISTS actors_name ON actors(name);
        CREATE TABLE IF NOT EXISTS mentions (
            actor TEXT NOT NULL REFERENCES actors(uid), article TEXT NOT NULL REFERENCES articles(key),
            start INTEGER, "end" INTEGER, text TEXT
        );
        CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor);
        CREATE TABLE IF NOT EXISTS times (
            uid TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(key), local_id TEXT NOT NULL,
            text TEXT, start INTEGER, "end" INTEGER, value TEXT, type TEXT, granularity TEXT, vague INTEGER,
            anchor TEXT, rule TEXT
        );
        CREATE INDEX IF NOT EXISTS times_article ON times(article);
        CREATE TABLE IF NOT EXISTS places (
            uid TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(key), local_id TEXT NOT NULL,
            text TEXT, start INTEGER, "end" INTEGER, name TEXT, geonameid INTEGER, country TEXT, admin1 TEXT,
            lat REAL, lon REAL, feature TEXT, resolution TEXT, source TEXT, confidence REAL
        );
        CREATE INDEX IF NOT EXISTS places_article ON places(article);
        CREATE TABLE IF NOT EXISTS statements (
            uid TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(key), local_id TEXT NOT NULL,
            speaker TEXT REFERENCES actors(uid), speaker_text TEXT, cue TEXT, cue_class TEXT, kind TEXT,
            content_start INTEGER, content_end INTEGER, content TEXT,
            evidence_start INTEGER, evidence_end INTEGER, evidence TEXT
        );
        CREATE INDEX IF NOT EXISTS statements_article ON statements(article);
        CREATE TABLE IF NOT EXISTS events (
            uid TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(key), local_id TEXT NOT NULL,
            type TEXT NOT NULL, mode TEXT, contexts TEXT,  -- contexts: JSON list
            date TEXT,                   -- ISO value (resolved from the time record when the event names one)
            time TEXT REFERENCES times(uid), date_from TEXT,
            place TEXT REFERENCES places(uid),
            historical INTEGER, negated INTEGER, future INTEGER, hypothetical INTEGER,
            reported_by TEXT REFERENCES statements(uid),
            cameo TEXT, quad INTEGER, intensity REAL,
            trigger_start INTEGER, trigger_end INTEGER, trigger TEXT,
            evidence_start INTEGER, evidence_end INTEGER, evidence TEXT,
            rule TEXT, confidence REAL
        );
        CREATE INDEX IF NOT EXISTS events_article ON events(article);
        CREATE INDEX IF NOT EXISTS events_type ON events(type);
        CREATE INDEX IF NOT EXISTS events_date ON events(date);
        CREATE TABLE IF NOT EXISTS event_actors (
            event TEXT NOT NULL REFERENCES events(uid), actor TEXT NOT NULL REFERENCES actors(uid),
            position INTEGER NOT NULL, PRIMARY KEY (event, actor)
        );
        CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor);
        CREATE TABLE IF NOT EXISTS event_recipients (
            event TEXT NOT NULL REFERENCES events(uid), actor TEXT NOT NULL REFERENCES actors(uid),
            position INTEGER NOT NULL, PRIMARY KEY (event, actor)
        );
        CREATE INDEX IF NOT EXISTS event_recipients_actor ON event_recipients(actor);
        CREATE TABLE IF NOT EXISTS figures (
            uid TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(key), local_id TEXT NOT NULL,
            value REAL, low REAL, high REAL, qualifier TEXT, vague INTEGER, counts TEXT, unit TEXT,
            source TEXT REFERENCES actors(uid), source_text TEXT, hedges TEXT,  -- hedges: JSON list
            event TEXT REFERENCES events(uid),
            evidence_start INTEGER, evidence_end INTEGER, evidence TEXT
        );
        CREATE INDEX IF NOT EXISTS figures_article ON figures(article);
        """,
    ),
    (
        "0003_dedup",
        """
        -- MinHash LSH buckets for near-duplicate search, kept on disk so memory stays flat and resumes work.
        CREATE TABLE IF NOT EXISTS lsh_buckets (
            band INTEGER NOT NULL, bucket BLOB NOT NULL, article TEXT NOT NULL REFERENCES articles(key)
        );
        CREATE INDEX IF NOT EXISTS lsh_buckets_lookup ON lsh_buckets(band, bucket);
        CREATE TABLE IF NOT EXISTS minhashes (
            article TEXT PRIMARY KEY REFERENCES articles(key), signature BLOB NOT NULL
        );
        """,
    ),
    (
        "0004_fts",
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid');
        CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
            content, content='statements', content_rowid='rowid');
        CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts(rowid, content) VALUES (new.rowid, new.content);
        END;
        """,
    ),
    (
        "0005_views",
        """
        -- Events counted once per duplicate cluster: only those of each cluster's first article.
        CREATE VIEW IF NOT EXISTS canonical_events AS
            SELECT events.* FROM events JOIN articles ON articles.key = events.article
            WHERE articles.duplicate_of IS NULL;
        CREATE VIEW IF NOT EXISTS dyads AS
            SELECT events.uid AS event, events.type, events.date, a.name AS actor, a.country AS actor_country,
                   r.name AS recipient, r.country AS recipient_country, events.article
            FROM events
            JOIN event_actors ea ON ea.event = events.uid JOIN actors a ON a.uid = ea.actor
            JOIN event_recipients er ON er.event = events.uid JOIN actors r ON r.uid = er.actor;
        """,
    ),
    (
        "0006_fusion",
        """
        -- Fused events: one row per real-world event told by one or more articles (see docs/fusion.md).
        CREATE TABLE IF NOT EXISTS fused_events (
            id TEXT PRIMARY KEY,               -- 'F' + 10 hex digits; kept when the event grows
            type TEXT NOT NULL, mode TEXT, date TEXT, date_rule TEXT,
            country TEXT, place TEXT, lat REAL, lon REAL, feature TEXT,
            actors TEXT, recipients TEXT,      -- JSON lists of names (every member's, most cited first)
            sources INTEGER NOT NULL,          -- independent sources: distinct near-duplicate clusters
            articles INTEGER NOT NULL, outlets INTEGER NOT NULL, mentions INTEGER NOT NULL,
            recalls INTEGER NOT NULL,          -- historical mentions recalling it (not counted as reports)
            first_published TEXT, last_published TEXT,
            confidence REAL NOT NULL,
            explanation TEXT,                  -- JSON list of why members were joined
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS fused_events_date ON fused_events(date);
        CREATE INDEX IF NOT EXISTS fused_events_type ON fused_events(type, country);
        -- Every mention of a fused event with the features fusion compares (one query per block).
        CREATE TABLE IF NOT EXISTS fused_members (
            mention TEXT PRIMARY KEY,          -- the event uid, or the figure uid of a figure mention
            fused_id TEXT,                     -- NULL: a historical mention that recalls no known event (yet)
            component TEXT,                    -- linked group re-clustered together (internal)
            role TEXT NOT NULL,                -- report | recall (historical) | figure (a toll with no event)
            event TEXT REFERENCES events(uid), figure TEXT REFERENCES figures(uid),
            article TEXT NOT NULL REFERENCES articles(key), cluster TEXT, outlet TEXT, published TEXT,
            type TEXT NOT NULL, mode TEXT, country TEXT NOT NULL,  -- '' when unknown
            day_lo INTEGER, day_hi INTEGER, granularity TEXT,      -- date interval as proleptic ordinals
            lat REAL, lon REAL, feature TEXT, place TEXT, place_from TEXT,  -- place_from: event | article
            actors TEXT, words TEXT, start INTEGER,
            score REAL, reason TEXT            -- best link into its fused event and why
        );
        CREATE INDEX IF NOT EXISTS fused_members_block ON fused_members(type, country, day_lo);
        CREATE INDEX IF NOT EXISTS fused_members_fused ON fused_members(fused_id);
        CREATE INDEX IF NOT EXISTS fused_members_component ON fused_members(component);
        CREATE INDEX IF NOT EXISTS fused_members_article ON fused_members(article);
        CREATE INDEX IF NOT EXISTS fused_members_event ON fused_members(event);
        -- Articles already fused (incremental runs skip them).
        CREATE TABLE IF NOT EXISTS fused_articles (article TEXT PRIMARY KEY REFERENCES articles(key),
            fused_at TEXT NOT NULL);
        -- Which mention each figure belongs to, and by which rule.
        CREATE TABLE IF NOT EXISTS fused_figures (
            figure TEXT PRIMARY KEY REFERENCES figures(uid), mention TEXT NOT NULL, rule TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS fused_figures_mention ON fused_figures(mention);
        -- Manual decisions (herald fuse --split/--merge): they survive every re-run.
        CREATE TABLE IF NOT EXISTS fusion_overrides (
            id INTEGER PRIMARY KEY, kind TEXT NOT NULL,  -- must (join) | cannot (keep apart)
            a TEXT NOT NULL, b TEXT NOT NULL,            -- mention uids
            note TEXT, created_at TEXT NOT NULL, UNIQUE (kind, a, b)
        );
        -- The claim ledger: every figure of every fused event, with its source and article, in time order.
        CREATE VIEW IF NOT EXISTS ledger AS
            SELECT m.fused_id, f.counts, f.value, f.low, f.high, f.qualifier, f.vague, f.unit,
                   COALESCE(ac.name, f.source_text) AS source, f.source AS source_actor, f.hedges,
                   a.id AS article, a.key AS article_key, a.source AS outlet, a.published, a.cluster,
                   m.role, ff.rule AS attached_by, f.uid AS figure, f.evidence
            FROM fused_figures ff JOIN fused_members m ON m.mention = ff.mention
            JOIN figures f ON f.uid = ff.figure JOIN articles a ON a.key = f.article
            LEFT JOIN actors ac ON ac.uid = f.source
            WHERE m.fused_id IS NOT NULL;
        """,
    ),
    (
        "0007_browse_indexes",
        """
        -- Covering indexes for browsing (herald serve): filters and sort keys are read from the index,
        -- never from the wide rows (article text, evidence).
        CREATE INDEX IF NOT EXISTS articles_browse ON articles(key, duplicate_of, published);
        CREATE INDEX IF NOT EXISTS events_browse ON events(
            article, historical, type, date, quad, confidence, place, uid);
        CREATE INDEX IF NOT EXISTS places_geo ON places(lat, lon, uid);
        """,
    ),
    (
        "0008_place_figure_flags",
        """
        -- Place.demonym ("Syrian" standing for Syria), Place.embedded (a place inside a longer name) and
        -- Figure.historical (a background total, not the article's own toll), stored as 0/1.
        ALTER TABLE places ADD COLUMN demonym INTEGER;
        ALTER TABLE places ADD COLUMN embedded INTEGER;
        ALTER TABLE figures ADD COLUMN historical INTEGER;
        """,
    ),
    (
        "0009_statement_negated",
        """
        -- Statement.negated ("did not say", "denied that"), stored as 0/1; rows stored before it read NULL.
        ALTER TABLE statements ADD COLUMN negated INTEGER;
        """,
    ),
]

_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Store:
    """An open corpus database."""

    path: Path
    conn: sqlite3.Connection

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply every migration not yet recorded; return the names applied now."""
        c = self.conn
        c.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in c.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            try:
                c.execute("BEGIN")
                for statement in _split(sql):
                    if not _column_exists(c, statement):
                        c.execute(statement)
                c.execute("INSERT OR REPLACE INTO migrations VALUES (?, ?)", (name, now()))
                c.execute("COMMIT")
            except sqlite3.Error as exc:
                c.execute("ROLLBACK")
                raise StoreError(
                    f"{self.path}: migration {name} failed ({exc}). Is this a Herald database?"
                ) from exc
            applied.append(name)
        return applied

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _column_exists(c: sqlite3.Connection, statement: str) -> bool:
    """True for an ``ALTER TABLE t ADD COLUMN x`` whose column exists (migrations are rerunnable)."""
    m = _ADD_COLUMN.search(statement)
    if m is None:
        return False
    return any(r[1] == m.group(2) for r in c.execute(f"PRAGMA table_info({m.group(1)})"))


def _split(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which contain ';') whole."""
    out: list[str] = []
    buf: list[str] = []
    for line in sql.splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the corpus database at ``path``."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such database. Create it with `herald ingest PATHS --db {path}`.")
    if not readonly and path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # isolation_level=None: we manage transactions explicitly (batched BEGIN/COMMIT).
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed batch survives power loss, not only a killed process.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open as an SQLite database ({exc}).") from exc
    store = Store(path, conn)
    store.migrate()
    return store


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``) to an existing store: ingest can keep writing beside it.

    Nothing is migrated; the store must have been created by ``herald ingest``. Safe to use from
    another thread than the one that opened it (each server worker thread opens its own).
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database. Create it with `herald ingest PATHS --db {path}`.")
    try:
        conn = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False, timeout=30
        )
        conn.row_factory = sqlite3.Row
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open as an SQLite database ({exc}).") from exc
    missing = {
        "articles",
        "events",
        "actors",
        "statements",
        "figures",
        "places",
        "articles_fts",
        "migrations",
    } - names
    if missing:
        conn.close()
        raise StoreError(
            f"{path}: not a Herald store (missing tables: {', '.join(sorted(missing))}). "
            f"Create it with `herald ingest PATHS --db {path}`."
        )
    return conn


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """Migrations this version of Herald has that the store has not applied (a read-only reader cannot)."""
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")}
    return [name for name, _ in MIGRATIONS if name not in done]
