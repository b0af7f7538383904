"""CLI commands: ``herald ingest``, ``events``, ``statements``, ``figures``, ``actors list|query``,
``export``, ``run``.

A thin adapter over :mod:`herald.corpus`.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from ..errors import HeraldError

if TYPE_CHECKING:
    from ..corpus.query import Filters

try:  # another module owns the ``herald actors`` group; add our commands to it when it exists
    from .actors import actors_app

    _OWN_ACTORS_APP = False
except ImportError:  # pragma: no cover - depends on the other module's progress
    actors_app = typer.Typer(
        name="actors", help="Actors: knowledge base and corpus queries.", no_args_is_help=True
    )
    _OWN_ACTORS_APP = True

err = Console(stderr=True)
out = Console()


class SourceFormat(StrEnum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    jsonl = "jsonl"
    feed = "feed"
    warc = "warc"


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    plover = "plover"
    polecat = "polecat"
    icews = "icews"
    parquet = "parquet"
    csv = "csv"
    geojson = "geojson"
    all = "all"


DB = typer.Option("herald.db", "--db", help="The corpus database (SQLite).", envvar="HERALD_DB")


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error[/red] {exc}")
    return typer.Exit(1)


def run_ingest(
    paths: list[Path],
    db: Path,
    workers: int,
    fmt: str,
    published: str | None,
    quiet: bool,
    batch_size: int = 16,
    commit_every: int = 64,
    fuse: bool = True,
    include_future: bool | None = None,
) -> Any:
    from ..corpus.ingest import estimate
    from ..corpus.ingest import ingest as ingest_paths
    from ..inputs import normalise_date

    iso = normalise_date(published) if published else None
    total = estimate(paths)
    columns = (
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("+{task.fields[added]} new"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, disable=quiet, transient=False) as progress:
        task = progress.add_task("ingest", total=total or None, rate=0.0, added=0)

        def tick(stats: Any) -> None:
            progress.update(task, completed=stats.read, rate=stats.rate, added=stats.added)

        try:
            stats = ingest_paths(
                paths,
                db,
                fmt=fmt,
                workers=workers,
                published=iso,
                on_item=tick,
                batch_size=batch_size,
                commit_every=commit_every,
                fuse=fuse,
                include_future=include_future,
            )
        except BrokenProcessPool as exc:
            progress.stop()
            raise HeraldError(
                "an extraction worker process died (see its error above: often a pipeline that fails to "
                "load, or memory running out); every committed batch is kept. Fix the cause, or try "
                "--workers 1, and run the same command again to resume."
            ) from exc
        except KeyboardInterrupt:
            progress.stop()
            err.print(
                "[yellow]interrupted[/yellow]: every committed batch is kept. Run the same command again to "
                "resume; articles already stored are not processed again."
            )
            raise typer.Exit(130) from None
        progress.update(task, total=stats.read, completed=stats.read)
    return stats


def _report(stats: Any, db: Path) -> None:
    err.print(
        f"{stats.read} read, [green]{stats.added} new[/green] ({stats.near_duplicates} near-duplicates, "
        f"{stats.skipped} skipped), {stats.already} already stored ({stats.exact_duplicates} new sources of "
        f"known texts), [red]{stats.failed} failed[/red] → {db} in {stats.seconds:.1f}s "
        f"({stats.rate:.1f} articles/s)"
    )
    if stats.fused_articles:
        err.print(
            f"fused {stats.fused_articles} articles → {stats.fused_events} fused events (herald "
            "events --fused)"
        )
    for message in stats.errors[:5]:
        err.print(f"  [red]error[/red] {message}")
    if stats.failed > 5:
        err.print(f"  ... see the errors table: sqlite3 {db} 'SELECT origin, reason FROM errors'")


# The columns a terminal table shows (CSV and JSON carry every column).
TABLE_COLUMNS = {
    "events": ["date", "type", "mode", "actors", "recipients", "place", "evidence", "source"],
    "statements": ["date", "speaker", "cue", "content", "source"],
    "figures": ["date", "counts", "qualifier", "value", "according_to", "hedges", "source"],
    "actors": ["name", "kind", "country", "sector", "wikidata", "articles", "as_actor", "as_recipient"],
}


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _print_rows(rows: list[dict[str, Any]], fmt: TableFormat, title: str) -> None:
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is TableFormat.csv:
        if rows:
            w = csv.DictWriter(sys.stdout, list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        return
    if not rows:
        err.print(f"No {title} match.")
        return
    cols = [c for c in TABLE_COLUMNS.get(title, list(rows[0])) if c in rows[0]]
    t = Table(*cols, title=f"{title} ({len(rows)}; --format csv|json for every column)", show_lines=True)
    for r in rows:
        t.add_row(*(_cell(r[c]) for c in cols))
    out.print(t)


def _query(kind: str, db: Path, f: Filters, fmt: TableFormat) -> None:
    from ..corpus import query
    from ..corpus.store import open_store

    try:
        with open_store(db, readonly=True) as store:
            rows = getattr(query, kind)(store.conn, f)
    except HeraldError as exc:
        raise _fail(exc) from exc
    _print_rows(rows, fmt, kind)


ACTOR = typer.Option(None, "--actor", help="Actor name (substring), country code (e.g. COD) or Wikidata id.")
SINCE = typer.Option(None, "--since", help="From this date (YYYY-MM-DD), inclusive.")
UNTIL = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD), inclusive.")
PLACE = typer.Option(None, "--place", help="Place name (substring) or country code.")
SEARCH = typer.Option(
    None, "--search", help="Full-text search over article text (statements: their content)."
)
HIST = typer.Option(False, "--include-historical/--exclude-historical", help="Include background events.")
DUPS = typer.Option(False, "--with-duplicates", help="Also rows from near-duplicate articles.")
LIMIT = typer.Option(None, "--limit", help="At most this many rows.")
FMT = typer.Option(TableFormat.table, "--format", "-f", help="Output format.")


# (command, --type help, command help) of the commands that list one table with the shared filters
_TABLE_COMMANDS = (
    (
        "events",
        "PLOVER event type (repeatable).",
        "Events in the corpus (once per duplicate cluster unless --with-duplicates).",
    ),
    (
        "statements",
        "Cue class: speech, writing, belief, ...",
        "Statements (who said what) in the corpus; --search looks in the statement content.",
    ),
    (
        "figures",
        "What is counted: killed, wounded, ...",
        "Figures (casualties, displaced, money...) with the source they rest on and their hedges.",
    ),
)


def _table_command(kind: str, type_help: str) -> Callable[..., None]:
    """A command listing the rows of ``kind`` that match the shared filter options."""

    def command(
        db: Path = DB,
        actor: str | None = ACTOR,
        type: list[str] | None = typer.Option(None, "--type", help=type_help),
        since: str | None = SINCE,
        until: str | None = UNTIL,
        place: str | None = PLACE,
        search: str | None = SEARCH,
        historical: bool = HIST,
        duplicates: bool = DUPS,
        limit: int | None = LIMIT,
        format: TableFormat = FMT,
        fused: bool = typer.Option(
            False, "--fused", help="events: one row per fused event (across articles), with its sources."
        ),
    ) -> None:
        from ..corpus.query import Filters

        f = Filters(
            actor=actor,
            types=type or None,
            since=since,
            until=until,
            place=place,
            search=search,
            historical=historical,
            duplicates=duplicates,
            limit=limit,
        )
        if fused:
            _fused(db, f, format)
            return
        _query(kind, db, f, format)

    return command


def _fused(db: Path, f: Filters, fmt: TableFormat) -> None:
    """``events --fused``: the fused events passing the type, date, actor and place filters."""
    from ..corpus import fusion
    from ..corpus.store import open_store
    from .fusion import print_fused

    place = f.place
    try:
        with open_store(db, readonly=True) as store:
            rows = [
                r
                for t in (f.types or [None])  # type: ignore[list-item]
                for r in fusion.fused_events(store.conn, type=t, since=f.since, until=f.until, actor=f.actor)
                if not place or place.lower() in (r["place"] or "").lower() or place.upper() == r["country"]
            ][: f.limit or None]
    except HeraldError as exc:
        raise _fail(exc) from exc
    if fmt is TableFormat.table:
        if rows:
            print_fused(rows, out)
        else:
            err.print("No fused events match. Run `herald fuse` first?")
        return
    if fmt is TableFormat.csv:  # lists as '; '-joined cells
        rows = [{k: "; ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    _print_rows(rows, fmt, "fused events")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command()
    def ingest(
        paths: list[Path] | None = typer.Argument(
            None, help="Files or folders (.txt .md .html .json .jsonl .rss .atom .warc)."
        ),
        db: Path = DB,
        workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", help="Extraction processes."),
        format: SourceFormat = typer.Option(SourceFormat.auto, "--format", help="Force one source format."),
        published: str | None = typer.Option(
            None, "--published", help="Publication date for articles without one."
        ),
        batch_size: int = typer.Option(16, "--batch-size", help="Articles per extraction batch."),
        commit_every: int = typer.Option(64, "--commit-every", help="Articles per database transaction."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        fuse: bool = typer.Option(True, "--fuse/--no-fuse", help="Fuse events across articles at the end."),
        from_parquet: Path | None = typer.Option(
            None, "--from-parquet", help="Load the --out folder of `herald spark` instead of extracting."
        ),
        include_future: bool = typer.Option(
            False,
            "--include-future",
            envvar="HERALD_INCLUDE_FUTURE",
            help="Also store events only predicted or planned (flagged future).",
        ),
    ) -> None:
        """Read a corpus into the database: extract in parallel, deduplicate, store, fuse. Resumable."""
        if from_parquet is not None:
            from ..corpus.from_parquet import load

            if paths:
                raise _fail(HeraldError("Give files/folders to ingest or --from-parquet DIR, not both."))

            try:
                stats = load(from_parquet, db, fuse=fuse)
            except HeraldError as exc:
                raise _fail(exc) from exc
            _report(stats, db)
            return
        if not paths:
            raise _fail(HeraldError("Give the files or folders to ingest, or --from-parquet DIR."))
        try:
            stats = run_ingest(
                paths,
                db,
                workers,
                format.value,
                published,
                quiet,
                batch_size,
                commit_every,
                fuse,
                include_future,
            )
        except HeraldError as exc:
            raise _fail(exc) from exc
        _report(stats, db)

    for kind, type_help, doc in _TABLE_COMMANDS:
        app.command(kind, help=doc)(_table_command(kind, type_help))

    @actors_app.command("list")
    def actors_list(
        db: Path = DB,
        name: str | None = typer.Option(None, "--name", help="Name substring, country or QID."),
        kind: list[str] | None = typer.Option(None, "--kind", help="state, organization, person, group."),
        since: str | None = SINCE,
        until: str | None = UNTIL,
        search: str | None = SEARCH,
        duplicates: bool = DUPS,
        limit: int | None = LIMIT,
        format: TableFormat = FMT,
    ) -> None:
        """Actors found in the corpus, with how many articles and events involve them."""
        from ..corpus.query import Filters

        f = Filters(
            actor=name,
            types=kind or None,
            since=since,
            until=until,
            search=search,
            duplicates=duplicates,
            limit=limit,
        )
        _query("actors", db, f, format)

    @actors_app.command("query")
    def actors_query(
        actor: str = typer.Argument(..., help="Actor name (substring), country code or Wikidata id."),
        db: Path = DB,
        since: str | None = SINCE,
        until: str | None = UNTIL,
        historical: bool = HIST,
        duplicates: bool = DUPS,
        limit: int | None = LIMIT,
        format: TableFormat = FMT,
    ) -> None:
        """The events in the corpus where this actor is actor or recipient."""
        from ..corpus.query import Filters

        f = Filters(
            actor=actor,
            since=since,
            until=until,
            historical=historical,
            duplicates=duplicates,
            limit=limit,
        )
        _query("events", db, f, format)

    if _OWN_ACTORS_APP:
        app.add_typer(actors_app, name="actors")

    @app.command()
    def export(
        format: ExportFormat = typer.Option(..., "--format", "-f", help="Export format."),
        db: Path = DB,
        out_dir: Path = typer.Option(Path("out"), "--out", help="Folder to write into."),
        duplicates: bool = DUPS,
    ) -> None:
        """Export events (PLOVER JSONL, POLECAT/ICEWS TSV, GeoJSON) or all tables (CSV, Parquet)."""
        from ..corpus.export import FORMATS
        from ..corpus.export import export as do_export
        from ..corpus.store import open_store

        formats = FORMATS if format is ExportFormat.all else (format.value,)
        try:
            with open_store(db, readonly=True) as store:
                for fmt in formats:
                    for path, n in do_export(store.conn, fmt, out_dir, duplicates=duplicates).items():
                        err.print(f"wrote {path} ({n} rows)")
        except HeraldError as exc:
            raise _fail(exc) from exc

    @app.command()
    def run(
        paths: list[Path] | None = typer.Argument(
            None, help="Corpus to ingest (default: the bundled examples/)."
        ),
        db: Path = DB,
        out_dir: Path = typer.Option(Path("out"), "--out", help="Folder for the exports."),
        workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", help="Extraction processes."),
        json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ) -> None:
        """The main job: ingest the example corpus, print a summary, write every export to --out."""
        from ..corpus.export import FORMATS
        from ..corpus.export import export as do_export
        from ..corpus.store import open_store
        from ..corpus.summary import render, summarize

        sources = paths or [_examples()]
        try:
            stats = run_ingest(sources, db, workers, "auto", None, quiet)
            _report(stats, db)
            with open_store(db, readonly=True) as store:
                summary = summarize(store.conn)
                written = {}
                for fmt in FORMATS:
                    written.update(do_export(store.conn, fmt, out_dir))
        except HeraldError as exc:
            raise _fail(exc) from exc
        if json_out:
            fused, claims = _fusion(db)
            summary["fused_events"] = fused
            summary["ledger"] = [d.as_dict() for d in claims]
            sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        else:
            render(summary, out)
            _print_fusion(db)
            out.print(
                f"[bold]Exports[/bold] in {out_dir}/: "
                + ", ".join(f"{p.name} ({n})" for p, n in written.items())
            )


# What the main job shows of the claim ledger: tolls and counts of people.
_LEDGER_COUNTS = ("killed", "wounded", "abducted", "hostages", "displaced", "arrested")


def _fusion(db: Path) -> tuple[list[dict[str, Any]], list[Any]]:
    """Fused events told by more than one mention, and the ledger groups of their tolls with 2+ figures."""
    from ..corpus import fusion, ledger
    from ..corpus.store import open_store

    with open_store(db, readonly=True) as store:
        rows = [r for r in fusion.fused_events(store.conn) if r["mentions"] > 1]
        claims = [d for d in ledger.claims(store.conn, counts=list(_LEDGER_COUNTS)) if d.figures > 1]
    return rows, claims


def _print_fusion(db: Path) -> None:
    """Fused events told by several articles, and the ledger of their tolls (the main job's second half)."""
    from .fusion import print_claims, print_fused

    rows, claims = _fusion(db)
    out.print("[bold]Fused events[/bold] told by more than one mention (all: herald events --fused)")
    print_fused(rows, out)
    out.print("[bold]Claim ledger[/bold]: every figure per fused event, in publication order (herald ledger)")
    print_claims(claims, out)


def _examples() -> Path:
    """The bundled example corpus: ./examples, else the one next to the source tree."""
    here = Path("examples")
    if here.is_dir():
        return here
    repo = Path(__file__).resolve().parents[3] / "examples"
    if repo.is_dir():
        return repo
    raise HeraldError(
        "No examples/ folder found. Run from the repository root or pass the corpus: herald run PATHS."
    )
