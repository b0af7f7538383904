"""Knowledge files: read the shipped YAML under ``herald/data/`` and layer users' files over them.

Every stage keeps its knowledge (lexicons, ontology, KB, gazetteer additions) in data files. A user extends
or overrides one without touching code by putting a file with the same relative path under ``$HERALD_HOME``
(e.g. ``~/.local/share/herald/lexicons/times.yaml``) or under a folder in ``Settings.extra_data``.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from collections.abc import Callable, Collection, Iterable, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .config import settings
from .errors import KnowledgeBaseError, LexiconKeyError

ModelT = TypeVar("ModelT", bound=BaseModel)
LexT = TypeVar("LexT")


def shipped(relpath: str) -> Traversable:
    """A file shipped with Herald, e.g. ``shipped("lexicons/times.yaml")``."""
    return resources.files("herald").joinpath("data", *relpath.split("/"))


def user_paths(relpath: str) -> list[Path]:
    """Users' files for the same relative path, in override order (later wins)."""
    cfg = settings()
    roots = [cfg.home, *cfg.extra_data]
    return [root / relpath for root in roots if (root / relpath).is_file()]


class _WordsLoader(yaml.SafeLoader):
    """YAML's safe loader with YAML 1.2 booleans: only ``true`` / ``false`` are booleans.

    Lexicons are word lists, and YAML 1.1 reads the words ``on``, ``off``, ``no`` and ``yes`` as booleans, so
    ``[against, on]`` silently lost "on". Dates and numbers are read as before."""


_BOOL = "tag:yaml.org,2002:bool"
_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordsLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def parse_yaml(text: str) -> Any:
    """``text`` parsed as YAML the way every Herald data file is read (see :class:`_WordsLoader`)."""
    return yaml.load(text, Loader=_WordsLoader)


def read_yaml(path: Path | Traversable) -> dict[str, Any]:
    """A YAML mapping, or a KnowledgeBaseError naming the file and what is wrong with it."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
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


def layered_files(relpath: str) -> list[tuple[str, dict[str, Any]]]:
    """``(where, mapping)`` of the shipped file at ``data/<relpath>`` and of every user file of the same path,
    in override order."""
    return [(relpath, read_yaml(shipped(relpath))), *((str(p), read_yaml(p)) for p in user_paths(relpath))]


def load_layered(relpath: str) -> dict[str, Any]:
    """The shipped mapping at ``data/<relpath>`` with every user file of the same path merged over it."""
    data: dict[str, Any] = {}
    for _, layer in layered_files(relpath):
        data = merge(data, layer)
    return data


def load_layered_model(relpath: str, model: type[ModelT]) -> ModelT:
    """``load_layered(relpath)`` validated as ``model``; a file that does not fit is a KnowledgeBaseError."""
    try:
        return model.model_validate(load_layered(relpath))
    except ValidationError as exc:
        raise KnowledgeBaseError(f"{relpath}: {exc}. Fix the file or remove it.") from exc


def check_keys(where: str, data: Mapping[str, Any], known: Collection[str]) -> None:
    """A LexiconKeyError naming the first key of ``data`` that is not in ``known``, with the nearest known
    key (for a misspelling) and the whole list."""
    unknown = sorted(str(k) for k in data if k not in known)
    if not unknown:
        return
    key = unknown[0]
    near = difflib.get_close_matches(key, [str(k) for k in known], n=1)
    hint = f"did you mean {near[0]!r}? " if near else ""
    raise LexiconKeyError(
        f"{where}: unknown key {key!r}; {hint}the keys it takes are {', '.join(sorted(map(str, known)))}."
    )


_COLLECTIONS = (frozenset, set, tuple, dict)


def _convert(hint: Any, value: Any) -> Any:
    """One YAML value (a scalar setting, or a mapping's value) as type ``hint``: cast when it is a plain
    ``int``, ``float``, ``str`` or ``bool``, a mapping copied, anything else as read."""
    if hint in (int, float, str, bool):
        return hint(value)
    return dict(value) if typing.get_origin(hint) is dict else value


def _check_value(where: str, key: str, value: Any, origin: Any) -> None:
    """A KnowledgeBaseError when a list field is given a mapping or a scalar, or a mapping field a list."""
    want: type | tuple[type, ...] = dict if origin is dict else (list, tuple)
    if value is not None and not isinstance(value, want):
        shape = "a mapping" if origin is dict else "a list"
        raise KnowledgeBaseError(f"{where}: {key!r} must be {shape}, not {type(value).__name__}.")


def _words(where: str, key: str, words: Iterable[Any] | None) -> Iterable[Any]:
    """A word list's items; a boolean among them is a KnowledgeBaseError (``true`` / ``false`` unquoted)."""
    for word in words or ():
        if isinstance(word, bool):
            raise KnowledgeBaseError(
                f"{where}: {key!r} lists the boolean {word!r}; "
                f'quote the word ("{str(word).lower()}") to mean it.'
            )
        yield word


def read_fields(
    cls: type[LexT],
    files: Iterable[tuple[str, Mapping[str, Any]]],
    *,
    norm: Callable[[Any], str] = str,
    sections: Mapping[str, Callable[[Mapping[str, Any], str], Mapping[str, Any]]] | None = None,
    extra_keys: Collection[str] = (),
    **fixed: Any,
) -> LexT:
    """The dataclass ``cls`` built from YAML mappings (shipped file first, users' files after), one YAML key
    per field of the same name, merged by the field's type:

    - ``frozenset[str]`` / ``set[str]``: the words of every file (through ``norm``), united;
    - ``tuple[str, ...]``: the words of every file, in order;
    - ``dict[str, frozenset[str]]``: words per key, united per key;
    - ``dict[str, X]``: keys through ``norm``, key by key, a later file replacing a key's value (an ``X`` of
      int, float or str is cast) or, when both are mappings, merged into it as :func:`merge` does;
    - ``int``, ``float``, ``str``, ``bool``: the last file's value, else the field's default;
    - a field named in ``sections``: that function reads the file's mapping (and names ``where`` in its
      errors); key by key, a later file replacing a key, and a key left empty (``lemma: []``) removed.

    Fields given in ``fixed`` are not read from the files. A key that is no field (nor in ``extra_keys``,
    read by someone else) is a :class:`~herald.errors.LexiconKeyError`, so a misspelt list in a user's file
    fails loudly instead of being ignored. A list where a mapping belongs (or the reverse) is a
    :class:`~herald.errors.KnowledgeBaseError`.
    """
    sections = sections or {}
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in fixed}  # type: ignore[arg-type]
    acc: dict[str, Any] = {}
    for name in fields:
        origin = typing.get_origin(hints[name])
        acc[name] = (
            set() if origin in (frozenset, set) else [] if origin is tuple else {} if origin is dict else None
        )
    for where, data in files:
        check_keys(where, data, fields.keys() | set(extra_keys))
        for key, value in data.items():
            if key not in fields:
                continue
            hint = hints[key]
            origin, args = typing.get_origin(hint), typing.get_args(hint)
            if origin not in _COLLECTIONS:  # a scalar setting
                acc[key] = _convert(hint, value)
                continue
            _check_value(where, key, value, origin)
            if key in sections:
                acc[key].update(sections[key](value or {}, where))
            elif origin in (frozenset, set):
                acc[key].update(norm(w) for w in _words(where, key, value))
            elif origin is tuple:
                acc[key].extend(norm(w) for w in _words(where, key, value))
            elif typing.get_origin(args[1]) in (frozenset, set):
                for group, words in (value or {}).items():
                    acc[key].setdefault(norm(group), set()).update(norm(w) for w in _words(where, key, words))
            else:
                for k, v in (value or {}).items():
                    have, v = acc[key].get(norm(k)), _convert(args[1], v)
                    acc[key][norm(k)] = (
                        merge(have, v) if isinstance(have, dict) and isinstance(v, dict) else v
                    )
    out: dict[str, Any] = dict(fixed)
    for name, f in fields.items():
        value, hint = acc[name], hints[name]
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if value is None:  # a scalar no file set
            if f.default is dataclasses.MISSING:
                raise KnowledgeBaseError(f"{cls.__name__}: no file sets {name!r}.")
            out[name] = f.default
        elif name in sections:
            out[name] = {k: v for k, v in value.items() if v}
        elif origin in (frozenset, set, tuple):
            out[name] = origin(value)
        elif args and typing.get_origin(args[1]) in (frozenset, set):
            out[name] = {k: typing.get_origin(args[1])(v) for k, v in value.items()}
        else:
            out[name] = value
    return cls(**out)
