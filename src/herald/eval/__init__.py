"""``herald eval``: score Herald against third-party gold datasets.

A dataset is a module in :mod:`herald.eval.datasets` that defines a subclass of :class:`Dataset` decorated
with :func:`register`. Modules there are discovered automatically, so adding a dataset touches no other file.
"""

from __future__ import annotations

from .core import (
    Dataset,
    Metric,
    Report,
    available,
    default_data_root,
    get,
    prf,
    register,
    resolve_path,
    run,
)

__all__ = [
    "Dataset",
    "Metric",
    "Report",
    "available",
    "default_data_root",
    "get",
    "prf",
    "register",
    "resolve_path",
    "run",
]
