"""Knowledge files: read the shipped YAML under ``herald/data/`` and layer users' files over them.

Every stage keeps its knowledge (lexicons, ontology, KB, gazetteer additions) in data files. A user extends
or overrides one without touching code by putting a file with the same relative path under ``$HERALD_HOME``
(e.g. ``~/.local/share/herald/lexicons/times.yaml``) or under a folder in ``Settings.extra_data``.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .config import settings
from .errors import KnowledgeBaseError

ModelT = TypeVar("ModelT", bound=BaseModel)


def shipped(relpath: str) -> Traversable:
    """A file shipped with Herald, e.g. ``shipped("lexicons/times.yaml")``."""
    return resources.files("herald").joinpath("data", *relpath.split("/"))


def user_paths(relpath: str) -> list[Path]:
    """Users' files for the same relative path, in override order (later wins)."""
    cfg = settings()
    roots = [cfg.home, *cfg.extra_data]
    return [root / relpath for root in roots if (root / relpath).is_file()]


def read_yaml(path: Path | Traversable) -> dict[str, Any]:
    """A YAML mapping, or a KnowledgeBaseError naming the file and what is wrong with it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML ({exc}). Fix the file or remove it.") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path}: expected a mapping at the top level.")
    return data


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` layered over ``base``: mappings merge recursively, lists extend, other values replace."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = list(out[key]) + value
        else:
            out[key] = value
    return out


def load_layered(relpath: str) -> dict[str, Any]:
    """The shipped mapping at ``data/<relpath>`` with every user file of the same path merged over it."""
    data = read_yaml(shipped(relpath))
    for path in user_paths(relpath):
        data = merge(data, read_yaml(path))
    return data


def load_layered_model(relpath: str, model: type[ModelT]) -> ModelT:
    """``load_layered(relpath)`` validated as ``model``; a file that does not fit is a KnowledgeBaseError."""
    try:
        return model.model_validate(load_layered(relpath))
    except ValidationError as exc:
        raise KnowledgeBaseError(f"{relpath}: {exc}. Fix the file or remove it.") from exc
