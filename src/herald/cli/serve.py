"""``herald serve``: the JSON API and the web explorer over a corpus store, read-only."""

from __future__ import annotations

import typer
from rich.console import Console

from ..errors import HeraldError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("serve")
    def serve_cmd(
        db: str = typer.Option("herald.db", "--db", help="The corpus database (SQLite).", envvar="HERALD_DB"),
        host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)."),
        port: int = typer.Option(8000, help="Port to listen on."),
    ) -> None:
        """Browse a store: explorer pages at http://HOST:PORT/, JSON API under /api/v1 (spec: /openapi.json).

        The database is opened read-only, so `herald ingest` can keep adding to it meanwhile.
        """
        import uvicorn

        from ..web import create_app

        err = Console(stderr=True)
        try:
            application = create_app(db)
        except HeraldError as exc:
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(1) from exc
        if host not in ("127.0.0.1", "localhost", "::1"):
            err.print(f"[yellow]warning[/yellow] listening on {host}: the explorer has no authentication.")
        err.print(f"Herald explorer on http://{host}:{port}/  (API: /api/v1, spec: /openapi.json)")
        uvicorn.run(application, host=host, port=port, log_level="warning")
