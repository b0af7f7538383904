"""``herald eval``: score Herald on gold datasets."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..errors import HeraldError
from ..eval import Report, available, run
from ..eval.details import error_lines, parse_filter


def report_table(report: Report) -> Table:
    """Metrics as a table with one column per system (Herald beside its baselines)."""
    systems = list(dict.fromkeys(m.system for m in report.metrics))
    table = Table(
        title=f"{report.dataset}: {report.documents} documents, {report.seconds:.1f}s ({report.path})"
    )
    table.add_column("task")
    table.add_column("metric")
    for s in systems:
        table.add_column(s, justify="right")
    table.add_column("n", justify="right")
    rows: dict[tuple[str, str], dict[str, float]] = {}
    support: dict[tuple[str, str], int | None] = {}
    for m in report.metrics:
        rows.setdefault((m.task, m.name), {})[m.system] = m.value
        support[(m.task, m.name)] = support.get((m.task, m.name)) or m.support
    for (task, name), vals in rows.items():
        cells = [f"{vals[s]:.3f}" if s in vals else "" for s in systems]
        n = support.get((task, name))
        table.add_row(task, name, *cells, "" if n is None else str(n))
    return table


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_(
        dataset: str = typer.Argument(None, help="Dataset name; omit with --list to see them."),
        path: Path | None = typer.Option(
            None, "--path", "--data", help="Dataset folder (default ../shared/data/<name>)."
        ),
        limit: int | None = typer.Option(None, help="Only the first N documents."),
        as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
        list_: bool = typer.Option(False, "--list", help="List the datasets Herald can be scored on."),
        details: bool = typer.Option(
            False,
            "--details",
            "--errors",
            help="Also list every failure with its reason: misses, false positives, wrong roles.",
        ),
        where: list[str] = typer.Option(
            [], "--where", help="With --details: keep rows where FIELD=VALUE (repeatable)."
        ),
    ) -> None:
        """Score Herald against a gold dataset: precision, recall, F1 and accuracy tables."""
        console = Console()
        if list_ or not dataset:
            t = Table(title="datasets")
            t.add_column("name")
            t.add_column("tasks")
            t.add_column("description")
            for name, cls in available().items():
                t.add_row(name, ", ".join(cls.tasks), cls.description)
            console.print(t)
            return
        try:
            report = run(dataset, path, limit=limit)
        except HeraldError as exc:
            Console(stderr=True).print(f"[red]error[/red] {exc}")
            raise typer.Exit(2) from exc
        if as_json:
            exclude = None if details else {"details", "errors"}
            sys.stdout.write(report.model_dump_json(indent=2, exclude=exclude) + "\n")
        else:
            console.print(report_table(report))
            for note in report.notes:
                console.print(f"note: {note}")
            if details:
                for row in report.details:
                    console.print(str(row.get("line") or row), markup=False, highlight=False, soft_wrap=True)
                for line in error_lines(report, parse_filter(where)):
                    sys.stdout.write(line + "\n")
