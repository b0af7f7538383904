"""``herald explain FILE``: per event, why Herald coded it (rule, trigger, roles, date, place, cues,
confidence)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from ..errors import HeraldError
from ..inputs import InputFailure, read_bytes, read_path
from ..stages.s5_events.explain import Explanation


def _render(console: Console, items: list[Explanation]) -> None:
    if not items:
        console.print("No event coded. (Herald codes only sentences matching its event lexicons.)")
        return
    for x in items:
        e = x.event
        flags = [f for f in ("historical", "negated", "future", "hypothetical") if getattr(e, f)]
        t = Table.grid(padding=(0, 1))
        t.add_column(style="bold")
        t.add_column()
        t.add_row(
            "type",
            f"{e.type}"
            + (f" / {e.mode}" if e.mode else "")
            + f"  (CAMEO {e.cameo}, quad {e.quad}, intensity {e.intensity})",
        )
        if x.definition:
            t.add_row("", f"[dim]{x.definition}[/dim]")
        t.add_row("rule", f"{x.pattern}  [dim](lexicon entry {x.entry}, {x.kind})[/dim]")
        t.add_row("trigger", f"{x.trigger!r} at {e.trigger.start}-{e.trigger.end}" if e.trigger else "-")
        t.add_row("sentence", x.sentence)
        if x.embedded_action:
            t.add_row("embeds", f"{x.embedded_action!r} ({x.embedded_type or 'untyped'})")
        for label, roles in (("actors", x.actors), ("recipients", x.recipients)):
            cells = []
            for i, name, how in roles:
                a = x.actor_records.get(i)
                code = f" {a.country or '?'}/{a.sector or '?'}" if a else ""
                cells.append(f"{i} {name}{code} [dim]({how})[/dim]")
            t.add_row(label, "; ".join(cells) or "-")
        t.add_row("date", f"{e.date or '-'} [dim](from {e.date_from}: {x.date_how}; {x.date or ''})[/dim]")
        t.add_row("place", f"{e.place or '-'} [dim]({x.place_how}{': ' + x.place if x.place else ''})[/dim]")
        if e.reported_by:
            t.add_row("reported by", e.reported_by)
        t.add_row("flags", ", ".join(flags) or "-")
        for k, v in x.cues.items():
            t.add_row(f"cue:{k}", str(v))
        for n in x.notes:
            t.add_row("note", n)
        parts = " ".join(f"{name} {w:+.2f}" for name, w in x.confidence_parts)
        t.add_row("confidence", f"{e.confidence:.2f} [dim]= {parts}[/dim]")
        console.print(Panel(t, title=f"{e.id} {e.type}", expand=False))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("explain")
    def explain_cmd(
        file: str = typer.Argument(..., help="Text file with one article ('-' for stdin)."),
        published: str | None = typer.Option(
            None, help="Publication date (YYYY-MM-DD) for dates and history."
        ),
        include_future: bool = typer.Option(
            False,
            "--include-future",
            envvar="HERALD_INCLUDE_FUTURE",
            help="Also explain events only predicted or planned (flagged future).",
        ),
    ) -> None:
        """Show, per coded event, the rule, trigger, sentence, roles, date, place, modality and confidence."""
        from ..stages.s5_events.explain import explain

        console = Console()
        err = Console(stderr=True)
        # Read like `herald extract` does: text/Markdown (front matter), HTML, JSONL — one or many articles.
        articles = (
            read_bytes(sys.stdin.buffer.read(), origin="<stdin>") if file == "-" else read_path(Path(file))
        )
        failed = explained = 0
        try:
            for article in articles:
                if isinstance(article, InputFailure):
                    err.print(f"[red]error[/red] {article.reason}")
                    failed += 1
                    continue
                if article.id and file != "-":
                    console.rule(article.title or article.id)
                items = explain(
                    article.text, published=article.published or published, include_future=include_future
                )
                _render(console, items)
                explained += 1
        except HeraldError as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(2) from exc
        if failed:
            # nothing readable at all is a usage error (2); some articles explained, some not: 1
            raise typer.Exit(2 if not explained else 1)
