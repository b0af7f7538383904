"""What runs inside the Spark executors' Python workers: reading, signatures, extraction.

Nothing here imports pyspark: these are plain functions from Arrow record batches to Arrow record batches,
called through ``DataFrame.mapInArrow``. They reuse the local code as it is: the readers of
:mod:`herald.corpus.sources`, the signatures of :mod:`herald.corpus.dedup`, :func:`herald.extract_many`
and the export rows of :mod:`herald.corpus.flatten`.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
from spacy.language import Language

from ..api import extract_many
from ..corpus import dedup, flatten, sources
from ..errors import InputError, ModelMismatchError
from ..inputs import ArticleInput, InputFailure, article_from_record

Batches = Iterator[pa.RecordBatch]

# One row per article read (or per item that could not be read: ``reason`` is then set).
ITEMS = pa.schema(
    [
        ("file", pa.string()),
        ("pos", pa.int64()),  # position in the file: (file, pos) is the input order, as `herald ingest` reads
        ("origin", pa.string()),
        ("id", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("published_from", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("text", pa.string()),
        ("sha256", pa.string()),
        ("key", pa.string()),
        ("sig", pa.list_(pa.int64())),  # MinHash signature (uint64 values stored bit for bit)
        ("buckets", pa.list_(pa.binary())),  # its LSH bucket per band
        ("code", pa.string()),
        ("reason", pa.string()),
    ]
)

# An item as it goes through extraction, with the dedup decision joined in.
_ITEM_FIELDS = (
    "key",
    "sha256",
    "origin",
    "id",
    "title",
    "published",
    "published_from",
    "source",
    "url",
    "text",
)
_TODO = [
    *((name, ITEMS.field(name).type) for name in _ITEM_FIELDS),
    ("duplicate_of", pa.string()),
    ("cluster", pa.string()),
    ("similarity", pa.float64()),
]
TODO_COLUMNS = [name for name, _ in _TODO]

_META = [
    *_TODO,
    ("published_date", pa.string()),  # the partition of every table row of this article
    ("status", pa.string()),
    ("code", pa.string()),
    ("reason", pa.string()),
    ("extraction", pa.string()),  # the Extraction as JSON: `herald ingest --from-parquet` loads it as is
]


def extracted_schema() -> pa.Schema:
    """One row per extracted article: its metadata, its Extraction and its rows of every exported table."""
    tables = [(t, pa.list_(pa.struct(list(flatten.arrow_schema(t))))) for t in flatten.TABLES]
    return pa.schema(_META + tables)


# --- reading ------------------------------------------------------------------------------------------


def _item_row(file: str, pos: int, item: ArticleInput | InputFailure) -> dict[str, Any]:
    if isinstance(item, InputFailure):
        return {
            "file": file,
            "pos": pos,
            "origin": item.origin,
            "id": item.id,
            "code": type(item.error).__name__,
            "reason": item.reason,
        }
    sig = dedup.signature(item.text)
    return {
        "file": file,
        "pos": pos,
        "origin": item.origin,
        "id": item.id,
        "title": item.title,
        "published": item.published,
        "published_from": item.published_from,
        "source": item.source,
        "url": item.url,
        "text": item.text,
        "sha256": item.sha256,
        "key": dedup.article_key(item.sha256),
        "sig": sig.view("int64").tolist(),
        "buckets": dedup.band_keys(sig),
    }


def local_name(uri: str) -> str:
    """A file URI as Spark lists it (``file:/a/b``) as a plain path; other schemes stay URIs."""
    if uri.startswith("file://"):
        return uri[len("file://") :]
    return uri[len("file:") :] if uri.startswith("file:") else uri


def read_files(fmt: str, listed: bool) -> Callable[[Batches], Batches]:
    """mapInArrow over Spark's ``binaryFile`` rows (path, content): every file through the ingest readers.

    ``listed``: the files were chosen by the driver (local paths, with `herald ingest`'s own walk); else
    a folder listing by Spark, from which the same files are kept (no README, no unknown suffix).
    """

    def run(batches: Batches) -> Batches:
        for batch in batches:
            rows: list[dict[str, Any]] = []
            for uri, content in zip(
                batch.column("path").to_pylist(), batch.column("content").to_pylist(), strict=True
            ):
                name = local_name(uri)
                if not listed and not sources.wanted(Path(name)):
                    continue
                for pos, item in enumerate(sources.read_data(content, name, fmt)):
                    rows.append(_item_row(name, pos, item))
            yield pa.RecordBatch.from_pylist(rows, schema=ITEMS)

    return run


RECORD_FIELDS = ("id", "text", "title", "published", "source", "url")


def read_records(batches: Batches) -> Batches:
    """mapInArrow over rows of a Parquet input (the JSONL fields, plus ``file`` and ``pos``)."""
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for rec in batch.to_pylist():
            file, pos = local_name(rec.pop("file") or ""), int(rec.pop("pos"))
            where = f"{file}#{pos}"
            obj = {k: v for k, v in rec.items() if v is not None}
            item: ArticleInput | InputFailure
            try:
                item = article_from_record(obj, origin=where)
            except InputError as exc:
                ident = obj.get("id")
                item = InputFailure(where, exc, id=str(ident) if ident is not None else None)
            rows.append(_item_row(file, pos, item))
        yield pa.RecordBatch.from_pylist(rows, schema=ITEMS)


# --- extraction ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pin:
    """What the driver runs: every executor must load the same model version and Herald version."""

    model: str
    model_version: str | None
    herald_version: str


def driver_pin(model: str | None = None) -> Pin:
    """The pin of this (driver) process, read from installed packages without loading the model."""
    from spacy.util import get_package_version

    from .. import __version__
    from ..config import settings

    name = model or settings().model
    return Pin(name, get_package_version(name), __version__)


_PIPELINE: dict[Pin, Language] = {}


def check_pin(pin: Pin, model_version: str | None, herald_version: str) -> None:
    """Raise :class:`ModelMismatchError` unless this worker has what the driver pinned."""
    import socket

    if pin.model_version is not None and model_version != pin.model_version:
        raise ModelMismatchError(
            f"executor {socket.gethostname()}: model {pin.model} is version {model_version}, the driver "
            f"pinned {pin.model_version}. Ship the same environment to every executor (docs/spark.md: "
            "venv-pack or the wheelhouse with the pinned model wheel)."
        )
    if herald_version != pin.herald_version:
        raise ModelMismatchError(
            f"executor {socket.gethostname()}: Herald {herald_version} here, {pin.herald_version} on the "
            "driver. Ship the same environment to every executor (docs/spark.md)."
        )


def pipeline(pin: Pin) -> Language:
    """The pipeline of this worker process: checked against the pin, loaded once (Spark reuses workers)."""
    nlp = _PIPELINE.get(pin)
    if nlp is None:
        from spacy.util import get_package_version

        from .. import __version__
        from ..pipeline import load

        check_pin(pin, get_package_version(pin.model), __version__)  # before spending time on loading
        nlp = load(pin.model)
        check_pin(pin, str(nlp.meta.get("version")), __version__)
        _PIPELINE[pin] = nlp
        gc.freeze()  # the pipeline lives as long as the worker: keep the collector from rescanning it
    return nlp


def _entry(row: dict[str, Any], x: Any) -> flatten.Entry:
    match = None
    if row["duplicate_of"]:
        match = dedup.Match(row["duplicate_of"], row["cluster"], float(row["similarity"]))
    return flatten.Entry(row["key"], _article(row), x, match)


def _article(row: dict[str, Any]) -> ArticleInput:
    return ArticleInput(
        text=row["text"],
        id=row["id"],
        title=row["title"],
        published=row["published"],
        published_from=row["published_from"] or "none",
        source=row["source"],
        url=row["url"],
        origin=row["origin"],
    )


def extract(pin: Pin, batch_size: int) -> Callable[[Batches], Batches]:
    """mapInArrow: each batch through :func:`herald.extract_many`, then to the exported tables' rows."""
    schema = extracted_schema()

    def run(batches: Batches) -> Batches:
        nlp = pipeline(pin)
        for batch in batches:
            rows = batch.to_pylist()
            results = list(extract_many((_article(r) for r in rows), nlp=nlp, batch_size=batch_size))
            entries = [_entry(r, x) for r, x in zip(rows, results, strict=True)]
            by_key: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
            for table, table_rows in flatten.flatten(entries).items():
                col = flatten.key_column(table)
                for tr in table_rows:
                    by_key[tr[col]][table].append(tr)
            out: list[dict[str, Any]] = []
            for r, e in zip(rows, entries, strict=True):
                x = e.extraction
                problem = x.status in ("failed", "skipped")
                out.append(
                    {
                        **{c: r[c] for c in TODO_COLUMNS},
                        "published_date": x.article.published,
                        "status": x.status,
                        "code": (x.notes[0].code if x.notes else None) if problem else None,
                        "reason": ("; ".join(n.message for n in x.notes) or x.status) if problem else None,
                        "extraction": x.to_json(),
                        **{t: by_key[e.key][t] for t in flatten.TABLES},
                    }
                )
            yield pa.RecordBatch.from_pylist(out, schema=schema)

    return run
