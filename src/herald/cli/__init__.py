"""The ``herald`` command line: a thin adapter over the library.

Each command group lives in its own module and registers itself on :data:`app`.
"""

from __future__ import annotations

import typer

from . import actors, corpus, evaluate, explain, extract, fusion, serve, spark

app = typer.Typer(
    name="herald",
    help="Read news articles and record, with evidence, the events, statements, figures, times, places and "
    "actors they report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract, actors, explain, evaluate, corpus, fusion, serve, spark):
    module.register(app)


def main() -> None:
    app()
