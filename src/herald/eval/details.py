"""Per-item detail of a report's mismatches (``herald eval NAME --details``): one readable line per miss or
false positive, for error analysis. Datasets put whatever explains an error in ``Report.errors`` (dicts); this
module only orders, filters and formats them, so notebooks and scripts can print the same view as the CLI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .core import Report

# Fields shown first, in this order, when a row has them; the rest follow in the row's own order.
LEADING = ("fold", "article", "gold", "reason", "type", "pred", "hist", "historical")
WIDTH = 400  # characters of one line before it is cut


def matches(row: dict[str, Any], where: dict[str, str]) -> bool:
    """Whether every ``key=value`` of the filter equals the row's field (compared as lower-cased text)."""
    return all(str(row.get(k, "")).lower() == v.lower() for k, v in where.items())


def parse_filter(items: list[str]) -> dict[str, str]:
    """``["fold=a", "reason=missed"]`` -> ``{"fold": "a", "reason": "missed"}``."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def error_lines(
    report: Report,
    where: dict[str, str] | None = None,
    *,
    keep: Callable[[dict[str, Any]], bool] | None = None,
    width: int = WIDTH,
) -> list[str]:
    """One line per error row of ``report`` that matches ``where`` and that ``keep`` accepts: leading fields
    first, lists joined with " ; ", the line cut at ``width`` characters."""
    lines: list[str] = []
    for row in report.errors:
        if (where and not matches(row, where)) or (keep is not None and not keep(row)):
            continue
        keys = [k for k in LEADING if k in row] + [k for k in row if k not in LEADING]
        parts = []
        for k in keys:
            v = row[k]
            if isinstance(v, list | tuple | set):
                v = " ; ".join(str(x) for x in v) if v else "-"
            parts.append(f"{k}={v}")
        lines.append(_cut("  ".join(parts), width))
    return lines
