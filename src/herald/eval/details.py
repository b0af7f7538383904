"""Readable per-failure detail of an evaluation report (``herald eval NAME --details``).

Datasets put a sample of mismatches in ``Report.errors`` (one dict per miss or false positive); this turns
them into text lines a person can scan: the fields a dataset chose, lists on one line, long values cut. It is
the library side of the CLI option, so notebooks and scripts can print or filter the same view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .core import Report

WIDTH = 220  # characters of one value before it is cut


def _value(v: Any) -> str:
    if isinstance(v, list | tuple | set):
        return "[" + ", ".join(str(x) for x in v) + "]"
    return str(v)


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def error_lines(
    report: Report,
    *,
    keep: Callable[[dict[str, Any]], bool] | None = None,
    width: int = WIDTH,
) -> list[str]:
    """One block per error of ``report`` (optionally only those ``keep`` accepts): a first line with the
    scalar fields, then one indented line per list field (``candidates`` of a miss, names...)."""
    out: list[str] = []
    for err in report.errors:
        if keep is not None and not keep(err):
            continue
        head = [f"{k}={_value(v)}" for k, v in err.items() if not isinstance(v, list | tuple | set)]
        out.append(_cut(" ".join(head), width))
        for k, v in err.items():
            if isinstance(v, list | tuple | set):
                if k == "candidates":
                    out.extend(_cut(f"    ~ {c}", width) for c in v)
                else:
                    out.append(_cut(f"    {k}: {_value(v)}", width))
    return out
