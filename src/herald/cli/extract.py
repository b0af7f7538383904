"""``herald extract``, ``herald schema`` and ``herald run``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from ..api import extract_many
from ..errors import HeraldError
from ..inputs import ArticleInput, InputFailure, normalise_date, read_bytes, read_path
from ..render import print_extraction
from ..schema import Extraction, json_schema

err = Console(stderr=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"
    jsonl = "jsonl"
    json = "json"


def _read(paths: list[str], fmt: InputFormat) -> Iterator[ArticleInput | InputFailure]:
    kind = None if fmt is InputFormat.auto else fmt.value
    for p in paths:
        if p == "-":
            yield from read_bytes(sys.stdin.buffer.read(), origin="<stdin>", fmt=kind)
        else:
            yield from read_path(Path(p), fmt=kind)


def _with_defaults(
    items: Iterator[ArticleInput | InputFailure],
    published: str | None,
    title: str | None,
    source: str | None,
    url: str | None,
) -> Iterator[ArticleInput | InputFailure]:
    """Apply command-line metadata where the input itself gave none."""
    for item in items:
        if isinstance(item, ArticleInput):
            if published and not item.published:
                item.published, item.published_from = published, "option"
            item.title = item.title or title
            item.source = item.source or source
            item.url = item.url or url
        yield item


def write_results(results: Iterator[Extraction], fmt: OutputFormat, out: Console) -> tuple[int, int]:
    """Write results in the chosen format; return (processed, failed) counts."""
    done = failed = 0
    collected: list[dict[str, object]] = []
    for x in results:
        done += 1
        if x.status == "failed":
            failed += 1
            for note in x.notes:
                err.print(f"[red]error[/red] {x.article.id}: {note.message}")
        elif x.status == "skipped":
            for note in x.notes:
                if note.code != "no-publication-date":
                    err.print(f"[yellow]skipped[/yellow] {x.article.id}: {note.message}")
        if fmt is OutputFormat.jsonl:
            sys.stdout.write(x.to_json() + "\n")
        elif fmt is OutputFormat.json:
            collected.append(x.to_dict())
        else:
            print_extraction(x, out)
    if fmt is OutputFormat.json:
        payload: object = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return done, failed


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        paths: list[str] = typer.Argument(..., help="Files or folders to read; '-' reads standard input."),
        published: str | None = typer.Option(
            None,
            "--published",
            "-p",
            help="Publication date (YYYY-MM-DD) for articles whose input gives none.",
        ),
        fmt: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
        input_format: InputFormat = typer.Option(
            InputFormat.auto, "--input-format", "-i", help="Input format (default: from suffix and content)."
        ),
        title: str | None = typer.Option(None, help="Title for articles whose input gives none."),
        source: str | None = typer.Option(
            None, help="Source (publisher) for articles whose input gives none."
        ),
        url: str | None = typer.Option(None, help="URL for articles whose input gives none."),
        model: str | None = typer.Option(None, envvar="HERALD_MODEL", help="spaCy model to load."),
        n_process: int = typer.Option(1, "--n-process", "-j", min=1, help="Worker processes."),
        batch_size: int = typer.Option(32, min=1, help="Articles per nlp.pipe batch."),
        max_chars: int | None = typer.Option(
            None, envvar="HERALD_MAX_CHARS", help="Longest article accepted (default 1,000,000 characters)."
        ),
        include_future: bool = typer.Option(
            False,
            "--include-future",
            envvar="HERALD_INCLUDE_FUTURE",
            help="Also code events only predicted or planned (flagged future); default: realised only.",
        ),
    ) -> None:
        """Extract events, statements, figures, times, places and actors from articles.

        Exit status: 0 when every article was processed (or skipped as non-English), 1 when any failed
        (each failure is reported on stderr and, in JSON output, as a record with status "failed").
        """
        try:
            default_date = normalise_date(published)
        except HeraldError as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(2) from exc
        items = _with_defaults(_read(paths, input_format), default_date, title, source, url)
        try:
            results = extract_many(
                items,
                n_process=n_process,
                batch_size=batch_size,
                model=model,
                max_chars=max_chars,
                include_future=include_future,
            )
            done, failed = write_results(results, fmt, Console())
        except HeraldError as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(2) from exc
        if done == 0:
            err.print("[yellow]no articles found[/yellow] in " + ", ".join(paths))
            raise typer.Exit(1)
        if failed:
            raise typer.Exit(1)

    @app.command()
    def schema(
        output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    ) -> None:
        """Print (or write) the JSON Schema of Herald's output."""
        text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        if output:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
