"""CLI commands ``herald fuse``, ``herald ledger`` and ``herald storyline``: a thin adapter over
:mod:`herald.corpus.fusion`, :mod:`herald.corpus.ledger` and :mod:`herald.corpus.storyline`."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import HeraldError

err = Console(stderr=True)
out = Console()

DB = typer.Option("herald.db", "--db", help="The corpus database (SQLite).", envvar="HERALD_DB")
CONFIG = typer.Option(None, "--config", help="A fusion config YAML layered over the shipped one.")


class Fmt(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error[/red] {exc}")
    return typer.Exit(1)


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:g}"


def figure_text(r: Any) -> str:
    """'at least 12' / '12-15' / 'about 5,000' from a ledger row."""
    if r.low is not None and r.high is not None and r.low != r.high:
        core = f"{r.low:g}–{r.high:g}"
    else:
        core = _num(r.value)
    return f"{r.qualifier} {core}" if r.qualifier else core


def print_fused(rows: list[dict[str, Any]], console: Console = out, title: str = "fused events") -> None:
    """One line per fused event (fits any terminal width)."""
    console.print(f"[bold]{title}[/bold] ({len(rows)})")
    for r in rows:
        who = "; ".join((r["actors"] + [f"→ {x}" for x in r["recipients"]])[:4])
        console.print(
            f"  [cyan]{r['id']}[/cyan] {r['date'] or '?'} {r['type']}{'/' + r['mode'] if r['mode'] else ''} "
            f"at {r['place'] or r['country'] or '?'} — {r['sources']} independent source(s), "
            f"{r['mentions']} mention(s), {r['recalls']} recall(s), confidence {r['confidence']:.2f}"
            + (f"\n      {who}" if who else ""),
            highlight=False,
        )


def print_claims(claims: list[Any], console: Console = out) -> None:
    """Every figure of each (fused event, counted thing), then the verdict and the history per source."""
    for d in claims:
        console.print(
            f"[bold]{d.fused_id}[/bold] · [bold]{d.counts}[/bold]: {d.figures} figures from "
            f"{d.sources} sources",
            highlight=False,
        )
        seen: set[tuple[str | None, str | None, float | None]] = set()
        for r in d.rows:
            hedges = f" [yellow]({'; '.join(r.hedges)})[/yellow]" if r.hedges else ""
            key = (r.cluster, r.source, r.value)
            if key in seen:  # the same figure in a near-duplicate republication
                hedges += " [dim](republished copy)[/dim]"
            seen.add(key)
            if r.role == "recall":
                hedges += " [dim](background mention)[/dim]"
            console.print(
                f"  {r.published or '?':10} {figure_text(r):>12} {r.unit or '':10} "
                f"according to {r.source or '(unattributed)'}{hedges} — {r.outlet or '?'} ({r.article})",
                highlight=False,
            )
        if d.spread == "none":
            verdict = "[green]sources agree[/green]"
        elif d.disagree:
            verdict = (
                f"[yellow]sources disagree[/yellow], spread explained by {d.spread.replace('+', ' and ')}"
            )
        else:
            verdict = f"one figure per source now; revised over {d.spread.replace('+', ' and ')}"
        console.print(f"  {verdict}: {d.explanation}", highlight=False)
        console.print("  history per source:", highlight=False)
        for source, steps in d.history.items():
            console.print(
                f"    {source}: " + " → ".join(f"{_num(v)} ({p})" for p, v in steps), highlight=False
            )
        console.print(
            f"  single figure: [bold]{_num(d.single_figure)}[/bold] by rule {d.single_figure_rule} "
            f"({d.single_figure_source})\n",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    @app.command()
    def fuse(
        db: Path = DB,
        rebuild: bool = typer.Option(
            False, "--rebuild", help="Forget earlier results and fuse everything again."
        ),
        split: list[str] | None = typer.Option(
            None, "--split", help="Event uid to take out of its fused event."
        ),
        merge: list[str] | None = typer.Option(
            None, "--merge", help="Fused event id to join (give two or more)."
        ),
        note: str | None = typer.Option(None, "--note", help="Why (kept with a manual split or merge)."),
        config: Path | None = CONFIG,
    ) -> None:
        """Fuse events that tell the same real-world event across articles (incremental); split
        or merge by hand."""
        from ..corpus import fusion
        from ..corpus.fusion_config import load_config
        from ..corpus.store import open_store

        try:
            cfg = load_config(config)
            with open_store(db) as store:
                if merge:
                    err.print(
                        f"merged into {fusion.merge(store.conn, merge, note, cfg)} (kept for every re-run)"
                    )
                if split:
                    err.print(
                        f"split into {fusion.split(store.conn, split, note, cfg)} (kept for every re-run)"
                    )
                if not merge and not split:
                    s = fusion.fuse(store.conn, config=cfg, rebuild=rebuild)
                    err.print(
                        f"fused {s.articles} articles ({s.mentions} mentions, {s.recalls_linked} historical "
                        f"mentions linked) → {s.fused_events} fused events in {s.seconds:.1f}s"
                    )
        except HeraldError as exc:
            raise _fail(exc) from exc

    @app.command()
    def ledger(
        db: Path = DB,
        event: str | None = typer.Option(None, "--event", help="Fused event id (default: all)."),
        counts: list[str] | None = typer.Option(
            None, "--counts", help="What is counted: killed, wounded, ..."
        ),
        format: Fmt = typer.Option(
            Fmt.table, "--format", "-f", help="table (grouped, with disagreement), csv, json"
        ),
        config: Path | None = CONFIG,
    ) -> None:
        """The claim ledger: every figure per fused event with its source and date, and where
        sources disagree."""
        from ..corpus import ledger as lg
        from ..corpus.fusion_config import load_config
        from ..corpus.store import open_store

        try:
            cfg = load_config(config)
            with open_store(db, readonly=True) as store:
                claims = lg.claims(store.conn, event, counts, cfg)
        except HeraldError as exc:
            raise _fail(exc) from exc
        if format is Fmt.json:
            sys.stdout.write(json.dumps([d.as_dict() for d in claims], ensure_ascii=False, indent=2) + "\n")
        elif format is Fmt.csv:
            rows = ledger_csv_rows(claims)
            if rows:
                w = csv.DictWriter(sys.stdout, list(rows[0]), lineterminator="\n")
                w.writeheader()
                w.writerows(rows)
        elif not claims:
            err.print("No figures attached to fused events. Run `herald fuse` first?")
        else:
            print_claims(claims)

    @app.command()
    def storyline(
        actors: list[str] = typer.Argument(
            ..., help="One or two actors: name substring, country code or QID."
        ),
        db: Path = DB,
        format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
    ) -> None:
        """The chain of fused events between these actors over time."""
        from ..corpus import storyline as sl
        from ..corpus.store import open_store

        try:
            with open_store(db, readonly=True) as store:
                steps = sl.storyline(store.conn, actors)
        except HeraldError as exc:
            raise _fail(exc) from exc
        if format is Fmt.json:
            sys.stdout.write(json.dumps([s.as_dict() for s in steps], ensure_ascii=False, indent=2) + "\n")
            return
        if format is Fmt.csv:
            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow(
                [
                    "date",
                    "type",
                    "mode",
                    "place",
                    "actors",
                    "recipients",
                    "sources",
                    "days_since_previous",
                    "id",
                ]
            )
            for s in steps:
                w.writerow(
                    [
                        s.date,
                        s.type,
                        s.mode,
                        s.place,
                        "; ".join(s.actors),
                        "; ".join(s.recipients),
                        s.sources,
                        s.days_since_previous,
                        s.fused_id,
                    ]
                )
            return
        if not steps:
            err.print(f"No fused events involve {' and '.join(actors)}.")
            return
        t = Table(
            "date",
            "+days",
            "type",
            "mode",
            "place",
            "actors → recipients",
            "sources",
            "id",
            title=f"storyline: {' / '.join(actors)}",
        )
        for s in steps:
            t.add_row(
                s.date or "",
                "" if s.days_since_previous is None else str(s.days_since_previous),
                s.type,
                s.mode or "",
                s.place or s.country or "",
                f"{'; '.join(s.actors)} → {'; '.join(s.recipients)}",
                str(s.sources),
                s.fused_id,
            )
        out.print(t)


def ledger_csv_rows(claims: list[Any]) -> list[dict[str, Any]]:
    """Flat ledger rows with their group's verdict (for CSV)."""
    rows = []
    for d in claims:
        for r in d.rows:
            row = r.as_dict()
            row["hedges"] = "; ".join(r.hedges)
            row.update(
                spread=d.spread,
                disagree=d.disagree,
                single_figure=d.single_figure,
                single_figure_rule=d.single_figure_rule,
            )
            rows.append(row)
    return rows
