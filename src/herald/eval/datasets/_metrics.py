"""Small helpers for dataset adapters' reports."""

from __future__ import annotations

from ..core import Report


def add_share(
    report: Report,
    task: str,
    name: str,
    hits: float,
    total: int,
    *,
    system: str = "herald",
    note: str | None = None,
) -> None:
    """Add the metric ``hits / total`` (0.0 when ``total`` is 0) with support ``total``."""
    report.add(task, name, hits / total if total else 0.0, system=system, support=total, note=note)
