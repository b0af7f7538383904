"""``herald actors``: add user KB files (add), explain how a name resolves (show), list the KB (kb).

The sub-app object is :data:`actors_app`; other modules may add commands to it (e.g. a corpus query).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..errors import HeraldError

actors_app = typer.Typer(
    name="actors",
    help="The actor knowledge base: add your own entries, see how a name resolves, list entries.",
    no_args_is_help=False,
)


@actors_app.callback(invoke_without_command=True)
def _actors(ctx: typer.Context) -> None:
    """The actor knowledge base: add or import your own entries, see how a name resolves, list entries."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def _fail(exc: HeraldError) -> None:
    Console(stderr=True).print(f"[red]error[/red] {exc}")
    raise typer.Exit(2) from exc


@actors_app.command("add")
def add(
    file: Path = typer.Argument(..., help="YAML file: a list of entries (key, name, kind, country, ...)."),
    force: bool = typer.Option(False, "--force", help="Replace a user file of the same name."),
) -> None:
    """Validate FILE and copy it to $HERALD_HOME/actors/; its entries override shipped ones (same key)."""
    from ..stages.s2_actors.explain import install

    try:
        dest, n = install(file, overwrite=force)
    except HeraldError as exc:
        _fail(exc)
        return
    typer.echo(f"added {n} entries: {dest}")


@actors_app.command("show")
def show(
    name: str = typer.Argument(
        ..., help="A name, alias, demonym, capital or role phrase, e.g. 'US President'."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD (office holders)."
    ),
) -> None:
    """Explain how NAME resolves: which KB entry or rule, and the actor Herald records for it."""
    from ..stages.s2_actors.explain import explain

    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        Console(stderr=True).print(f"[red]error[/red] --published {published!r}: use YYYY-MM-DD.")
        raise typer.Exit(2) from None
    try:
        ex = explain(name, day)
    except HeraldError as exc:
        _fail(exc)
        return
    console = Console()
    if ex.kb_hits:
        t = Table(title=f"KB entries for {name!r}")
        for col in ("key", "name", "kind", "country", "sector", "wikidata", "as", "from"):
            t.add_column(col)
        for e, how, origin in ex.kb_hits:
            t.add_row(e.key, e.name, e.kind, e.country or "", e.sector or "", e.wikidata or "", how, origin)
        console.print(t)
    else:
        console.print(f"No KB entry carries {name!r} as a name, alias, demonym, capital or seat.")
    if ex.bulk_hits:
        t = Table(title=f"bulk-table candidates for {name!r} (linked only with context in the article)")
        for col in ("key", "name", "kind", "country", "sector", "wikidata", "as", "from"):
            t.add_column(col)
        for c, country, sector in ex.bulk_hits:
            t.add_row(c.key, c.name, c.kind, country or "", sector or "", c.wikidata or "", c.how, c.origin)
        console.print(t)
    if not ex.actors:
        console.print(f"As a speaker ({name!r} said.) it resolves to no actor.")
    for a in ex.actors:
        console.print(
            f"As a speaker: [bold]{a.name}[/bold] kind={a.kind} country={a.country} sector={a.sector} "
            f"wikidata={a.wikidata} title={a.title} rule={a.rule}"
        )
    if day is None:
        console.print(
            "(no --published date: office holders such as 'US President' are not resolved to a person)"
        )


@actors_app.command("kb")
def kb(
    kind: str | None = typer.Option(None, help="Only this kind: state, organization, person, group."),
    user: bool = typer.Option(False, "--user", help="Only entries from user files."),
) -> None:
    """List the KB entries (shipped and user), with where each comes from."""
    from ..stages.s2_actors.kb import load_kb

    try:
        kb = load_kb()
    except HeraldError as exc:
        _fail(exc)
        return
    t = Table(title="actor KB")
    for col in ("key", "name", "kind", "country", "sector", "wikidata", "from"):
        t.add_column(col)
    n = 0
    for e in kb:
        origin = kb.origin.get(e.key, "?")
        if (kind and e.kind != kind) or (user and not origin.startswith("user")):
            continue
        t.add_row(e.key, e.name, e.kind, e.country or "", e.sector or "", e.wikidata or "", origin)
        n += 1
    Console().print(t)
    typer.echo(f"{n} entries")


@actors_app.command("import")
def import_(
    source: Path = typer.Argument(..., help="CSV or JSONL file, or a Peppercat docs/leaders folder."),
    fmt: str | None = typer.Option(
        None, "--format", help="csv, jsonl or peppercat (default: from the file name; a folder is peppercat)."
    ),
    name: str | None = typer.Option(None, "--name", help="Table name (default: the file's name)."),
) -> None:
    """Import your own actors (id, name, aliases, kind, country, sector, wikidata, offices) as a bulk table.

    Written to $HERALD_HOME/actors/bulk/; the index is rebuilt on next use. Peppercat data is CC BY-NC 4.0:
    Herald does not ship it, import your own copy."""
    from ..stages.s2_actors.kb_import import import_kb

    try:
        dest, n, spells = import_kb(source, fmt, name)
    except HeraldError as exc:
        _fail(exc)
        return
    typer.echo(f"imported {n} actors and {spells} office spells: {dest}")


def register(app: typer.Typer) -> None:
    """Add the ``actors`` sub-app to the main app."""
    app.add_typer(actors_app, name="actors")
