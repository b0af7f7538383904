"""The evaluation framework: dataset registry, metrics, reports."""

from __future__ import annotations

import importlib
import os
import pkgutil
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, Field

from ..errors import DatasetError


class Metric(BaseModel):
    """One figure: a metric of one system on one task."""

    task: str
    name: str
    value: float
    system: str = "herald"
    support: int | None = Field(None, description="How many gold items the figure is computed over.")
    note: str | None = None


class Report(BaseModel):
    dataset: str
    path: str
    documents: int = 0
    seconds: float = 0.0
    metrics: list[Metric] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    errors: list[dict[str, Any]] = Field(
        default_factory=list, description="Sample of mismatches, for error analysis."
    )
    details: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Per-failure listing where the dataset gives one (each with a one-line summary 'line').",
    )

    def add(
        self,
        task: str,
        name: str,
        value: float,
        *,
        system: str = "herald",
        support: int | None = None,
        note: str | None = None,
    ) -> None:
        self.metrics.append(
            Metric(task=task, name=name, value=value, system=system, support=support, note=note)
        )

    def add_prf(self, task: str, tp: int, fp: int, fn: int, *, system: str = "herald") -> None:
        p, r, f = prf(tp, fp, fn)
        support = tp + fn
        self.add(task, "precision", p, system=system, support=support)
        self.add(task, "recall", r, system=system, support=support)
        self.add(task, "f1", f, system=system, support=support)

    def value(self, task: str, name: str, system: str = "herald") -> float | None:
        for m in self.metrics:
            if (m.task, m.name, m.system) == (task, name, system):
                return m.value
        return None


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Dataset(ABC):
    """A gold dataset Herald can be scored on."""

    name: ClassVar[str]
    description: ClassVar[str] = ""
    tasks: ClassVar[tuple[str, ...]] = ()
    folder: ClassVar[str | None] = None  # data folder under the data root, when it differs from ``name``

    @abstractmethod
    def evaluate(self, path: Path, report: Report, *, limit: int | None = None) -> None:
        """Read the data under ``path``, run Herald on it and add metrics to ``report``."""


_REGISTRY: dict[str, type[Dataset]] = {}
D = TypeVar("D", bound=type[Dataset])


def register(cls: D) -> D:
    _REGISTRY[cls.name] = cls
    return cls


def _discover() -> None:
    from . import datasets

    for info in pkgutil.iter_modules(datasets.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{datasets.__name__}.{info.name}")


def available() -> dict[str, type[Dataset]]:
    _discover()
    return dict(sorted(_REGISTRY.items()))


def get(name: str) -> Dataset:
    known = available()
    if name not in known:
        raise DatasetError(f"Unknown dataset {name!r}. Known: {', '.join(known) or 'none'}.")
    return known[name]()


def default_data_root() -> Path | None:
    """Where the gold data lives: $HERALD_EVAL_DATA, else ``../shared/data`` from the working directory or the
    repository checkout, when present."""
    env = os.environ.get("HERALD_EVAL_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    candidates = [Path.cwd() / ".." / "shared" / "data"]
    candidates += [p / ".." / "shared" / "data" for p in here.parents]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


def resolve_path(name: str, path: Path | None = None) -> Path:
    if path is not None:
        if not path.exists():
            raise DatasetError(f"{path}: no such dataset folder.")
        return path
    root = default_data_root()
    cls = available().get(name)
    bundled = getattr(cls, "bundled", None)  # a dataset shipped in the repository (e.g. examples/fusion)
    if bundled and (root is None or not (root / name).exists()):
        for base in (Path.cwd(), *Path(__file__).resolve().parents):
            if (base / bundled).is_dir():
                return base / bundled
    name = getattr(cls, "folder", None) or name
    if root is None or not (root / name).exists():
        raise DatasetError(
            f"Dataset {name!r} not found. Pass --path, or set HERALD_EVAL_DATA to the folder holding "
            f"'{name}/' (by default ../shared/data/{name} is used when present)."
        )
    return root / name


def run(
    name: str,
    path: Path | None = None,
    *,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    dataset = get(name)
    where = resolve_path(name, path)
    report = Report(dataset=name, path=str(where))
    t0 = time.perf_counter()
    dataset.evaluate(where, report, limit=limit)
    report.seconds = round(time.perf_counter() - t0, 2)
    return report
