"""Reading the ISAF press releases (``isaf_press_releases.<portion>.jsonl``: one release a line with its
``text``, ``gold`` labels and ``source_line``), shared by ``isaf-events``, ``isaf-figures`` and
``isaf-dates``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ...errors import DatasetError
from ...inputs import ArticleInput
from ...pipeline import load, make_doc


def releases(path: Path, *, every_file: bool = False) -> list[dict[str, Any]]:
    """The releases in the JSONL file ``path``, or in the first (``every_file``: every) ``*.jsonl`` file
    of the folder ``path``."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise DatasetError(f"{path}: no *.jsonl file. Point --path at the isaf-press-releases folder.")
    return [
        json.loads(line)
        for f in (files if every_file else files[:1])
        for line in f.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]


def run(rows: Iterable[dict[str, Any]]) -> Iterator[Doc]:
    """The Herald pipeline over the releases' texts (no publication date), in order."""
    nlp = load()
    return nlp.pipe(make_doc(nlp, ArticleInput(text=r["text"])) for r in rows)


def read_and_run(path: Path, limit: int | None) -> tuple[list[dict[str, Any]], Iterator[Doc]]:
    """The releases (the first ``limit`` of them, if given) and the pipeline's Docs of them."""
    rows = releases(path)
    if limit:
        rows = rows[:limit]
    return rows, run(rows)
