"""The event ontology (PLOVER 2.0 by default), read from data files so users can swap or extend it.

Shipped files live in ``herald/data/ontology/``; any ``*.yaml`` under ``$HERALD_HOME/ontology/`` (or an extra
data folder) is merged over them: types key by key, ``contexts`` added, top-level lists replaced.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ...config import settings
from ...errors import ConfigError
from ...knowledge import read_yaml as _read_yaml


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int
    score: float
    cameo: str
    requires_recipient: bool
    definition: str
    modes: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Ontology:
    name: str
    version: str
    types: dict[str, EventType]
    contexts: dict[str, str]
    content_modes: dict[str, dict[str, str]]
    future_to_agree: frozenset[str]
    future_to_concede: frozenset[str]
    intent_to_threaten: frozenset[str]
    crosswalk: dict[str, tuple[str, str | None, tuple[str, ...]]]
    sources: tuple[str, ...] = ()

    def type(self, name: str) -> EventType | None:
        return self.types.get(name)

    def cameo(self, type_: str, mode: str | None) -> str | None:
        """The CAMEO root (two digits) of a type, refined by the mode where the ontology gives one."""
        t = self.types.get(type_)
        if t is None:
            return None
        code = str(t.modes.get(mode or "", {}).get("cameo") or t.cameo)
        return code[:2]

    def intensity(self, type_: str, mode: str | None) -> float | None:
        """The conflict-cooperation score: the mode's own score when given, else the type's."""
        t = self.types.get(type_)
        if t is None:
            return None
        score = t.modes.get(mode or "", {}).get("score")
        return float(score) if score is not None else t.score

    def quad(self, type_: str) -> int | None:
        t = self.types.get(type_)
        return t.quad if t else None

    def has_mode(self, type_: str, mode: str | None) -> bool:
        t = self.types.get(type_)
        return bool(t and mode and mode in t.modes)

    def content_mode(
        self, type_: str, content_type: str | None, content_mode: str | None = None
    ) -> str | None:
        """The mode of a threat/request/refusal from the type (and mode) of the action it is about."""
        table = self.content_modes.get(type_, {})
        if content_type and content_mode and f"{content_type}/{content_mode}" in table:
            return table[f"{content_type}/{content_mode}"]
        if content_type and content_type in table:
            return table[content_type]
        return table.get("_default")


def user_files(kind: str) -> list[Path]:
    """User knowledge files of one kind ($HERALD_HOME/<kind>/*.yaml, then extra data folders), sorted."""
    cfg = settings()
    folders = [cfg.home / kind, *(p / kind for p in cfg.extra_data)]
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")))
    return found


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if key == "types" and isinstance(value, dict):
            types = base.setdefault("types", {})
            for name, spec in value.items():
                if spec is None:
                    types.pop(name, None)  # a user may remove a type with "NAME: null"
                elif isinstance(spec, dict):
                    types[name] = {**types.get(name, {}), **spec}
        elif key == "contexts" and isinstance(value, dict):
            base.setdefault("contexts", {}).update(value)
        else:
            base[key] = value


def _crosswalk(text: str) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    rows: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    for row in csv.DictReader(text.splitlines()):
        contexts = tuple(c.strip() for c in (row.get("contexts") or "").split(";") if c.strip())
        rows[row["cameo"].strip()] = (row["type"].strip(), (row.get("mode") or "").strip() or None, contexts)
    return rows


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped ontology merged with the user's files (cached: loaded once per process)."""
    pkg = resources.files("herald.data") / "ontology"
    data = _read_yaml(pkg / "plover.yaml")
    _merge(data, _read_yaml(pkg / "contexts.yaml"))
    sources = ["herald.data/ontology/plover.yaml"]
    for path in user_files("ontology"):
        _merge(data, _read_yaml(path))
        sources.append(str(path))
    types: dict[str, EventType] = {}
    for name, spec in (data.get("types") or {}).items():
        try:
            types[name] = EventType(
                name=name,
                quad=int(spec["quad"]),
                score=float(spec["score"]),
                cameo=str(spec.get("cameo") or ""),
                requires_recipient=bool(spec.get("requires_recipient", False)),
                definition=str(spec.get("definition") or "").strip(),
                modes={str(k): dict(v or {}) for k, v in (spec.get("modes") or {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(
                f"Ontology type {name!r} is incomplete ({exc}): each type needs quad and score."
            ) from exc
    return Ontology(
        name=str(data.get("name", "PLOVER")),
        version=str(data.get("version", "")),
        types=types,
        contexts={str(k): str(v) for k, v in (data.get("contexts") or {}).items()},
        content_modes={str(k): dict(v) for k, v in (data.get("content_modes") or {}).items()},
        future_to_agree=frozenset(data.get("future_to_agree") or ()),
        future_to_concede=frozenset(data.get("future_to_concede") or ()),
        intent_to_threaten=frozenset(data.get("intent_to_threaten") or ()),
        crosswalk=_crosswalk((pkg / "cameo2plover.csv").read_text(encoding="utf-8")),
        sources=tuple(sources),
    )
