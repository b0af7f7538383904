"""The library's front door: :func:`load`, :func:`extract` and :func:`extract_many`.

The CLI, the corpus ingest, the HTTP API and the Spark job all call these.
"""

from __future__ import annotations

import gc
import json
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any, TypeVar

from spacy.language import Language

from .config import settings
from .errors import InputError, InputTooLargeError
from .inputs import (
    ArticleInput,
    InputFailure,
    article_from_record,
    bytes_sha256,
    check_text,
    normalise_date,
)
from .language import detect_language
from .pipeline import assemble, base_extraction, load, make_doc, model_label
from .schema import Article, Extraction, Note

Item = str | dict[str, Any] | ArticleInput | InputFailure
_T = TypeVar("_T")


def _article(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> ArticleInput:
    iso = normalise_date(published)
    return ArticleInput(
        text=text,
        id=id,
        title=title,
        published=iso,
        published_from="option" if iso else "none",
        source=source,
        url=url,
    )


def _check_size(article: ArticleInput, max_chars: int) -> None:
    if len(article.text) > max_chars:
        where = article.origin or article.resolved_id()
        raise InputTooLargeError(
            f"{where}: the article has {len(article.text):,} characters, "
            f"more than the limit of {max_chars:,}. Split it, or raise the limit with "
            "--max-chars / max_chars= / HERALD_MAX_CHARS "
            "(memory grows with article length)."
        )


def _skipped(article: ArticleInput, language: str | None, model: str | None) -> Extraction:
    result = base_extraction(article, model=model, language=language)
    result.status = "skipped"
    result.notes.append(
        Note(
            code="unsupported-language",
            message=f"Skipped: the text looks like {language!r}, and Herald codes English only; "
            "nothing was extracted rather than mis-coded.",
        )
    )
    return result


def failed(
    origin: str, error: Exception, *, id: str | None = None, text: str = "", sha256: str | None = None
) -> Extraction:
    """An Extraction recording that one article of a batch could not be processed, and why.

    ``sha256`` is the hash of the input's bytes when no text could be decoded from them (binary data, bad
    JSON); otherwise the text's hash is recorded, as for any article.
    """
    article = ArticleInput(text=text, id=id or None, origin=origin)
    digest = sha256 if sha256 and not text else article.sha256
    result = Extraction(
        herald_version=_version(),
        status="failed",
        notes=[Note(code=_code(error), message=str(error))],
        article=Article(id=article.resolved_id() if id else origin, sha256=digest, chars=len(text)),
    )
    return result


def _version() -> str:
    from . import __version__

    return __version__


def _code(error: Exception) -> str:
    name = type(error).__name__
    out = [name[0].lower()]
    for ch in name[1:]:
        out.append(f"-{ch.lower()}" if ch.isupper() else ch)
    return "".join(out)


def extract(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    nlp: Language | None = None,
    max_chars: int | None = None,
    include_future: bool | None = None,
) -> Extraction:
    """Read one article and return everything Herald found in it.

    Raises :class:`~herald.errors.InputError` for empty, binary or over-long text. Non-English text is
    not an error: it comes back with ``status == "skipped"`` and a note saying why. Events only predicted
    or planned (``future``) are left out unless ``include_future`` (or ``HERALD_INCLUDE_FUTURE=1``).
    """
    article = _article(text, published=published, title=title, source=source, url=url, id=id)
    return extract_article(article, nlp=nlp, max_chars=max_chars, include_future=include_future)


def extract_article(
    article: ArticleInput,
    *,
    nlp: Language | None = None,
    max_chars: int | None = None,
    include_future: bool | None = None,
) -> Extraction:
    """Like :func:`extract`, for an :class:`~herald.inputs.ArticleInput` read by :mod:`herald.inputs`."""
    check_text(article.text, origin=article.origin or "<text>")
    _check_size(article, max_chars or settings().max_chars)
    nlp = nlp or load(include_future=include_future)
    label = model_label(nlp)
    language = detect_language(article.text)
    if language not in settings().languages:
        return _skipped(article, language, label)
    base = base_extraction(article, model=label, language=language)
    doc = nlp(make_doc(nlp, article))
    return assemble(doc, base)


def to_article(item: Item, *, index: int = 0) -> ArticleInput | InputFailure:
    """Normalise one input item (text, dict with the JSONL fields, ArticleInput) to an ArticleInput."""
    if isinstance(item, ArticleInput | InputFailure):
        return item
    if isinstance(item, str):
        return ArticleInput(text=item, origin=f"item {index}")
    try:
        return article_from_record(item, origin=f"item {index}")
    except InputError as exc:
        ident = item.get("id") if isinstance(item, dict) else None
        raw = json.dumps(item, ensure_ascii=False, default=str, sort_keys=True)
        return InputFailure(
            f"item {index}", exc, id=str(ident) if ident is not None else None, sha256=bytes_sha256(raw)
        )


def _process_batch(
    nlp: Language, batch: list[ArticleInput | InputFailure], max_chars: int, batch_size: int
) -> list[Extraction]:
    """Process one batch in order; a bad article becomes a failed Extraction, never an exception."""
    label = model_label(nlp)
    results: list[Extraction | None] = [None] * len(batch)
    todo: list[tuple[int, ArticleInput, Extraction]] = []
    allowed = settings().languages
    for i, item in enumerate(batch):
        if isinstance(item, InputFailure):
            results[i] = failed(item.origin, item.error, id=item.id, sha256=item.sha256)
            continue
        try:
            check_text(item.text, origin=item.origin or item.resolved_id())
            _check_size(item, max_chars)
        except InputError as exc:
            results[i] = failed(item.origin or item.resolved_id(), exc, id=item.id, text=item.text)
            continue
        language = detect_language(item.text)
        if language not in allowed:
            results[i] = _skipped(item, language, label)
            continue
        todo.append((i, item, base_extraction(item, model=label, language=language)))
    docs = (make_doc(nlp, article) for _, article, _ in todo)
    for (i, article, base), doc in zip(todo, nlp.pipe(docs, batch_size=batch_size), strict=True):
        try:
            results[i] = assemble(doc, base)
        except Exception as exc:  # a stage bug must not lose the rest of the batch
            results[i] = failed(
                article.origin or article.resolved_id(), exc, id=article.id, text=article.text
            )
    return [r for r in results if r is not None]


# Worker-side state for process pools: the pipeline is loaded once per worker process.
_WORKER_NLP: Language | None = None


def _init_worker(model: str | None, include_future: bool | None = None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load(
        model, include_future=include_future
    )  # with fork, inherited ready (and warmed up) when the parent loaded it
    # The pipeline lives as long as the worker: keep the collector from rescanning it (and, after a fork,
    # from touching the parent's pages, which would copy them).
    gc.freeze()


def _worker_batch(batch: list[ArticleInput | InputFailure], max_chars: int, batch_size: int) -> list[str]:
    assert _WORKER_NLP is not None
    # JSON crosses the process boundary cheaply and keeps the parent free of spaCy objects (pickling the
    # records instead costs more CPU in all: about 0.12 s against 0.07 s for 150 bench articles).
    return [r.to_json() for r in _process_batch(_WORKER_NLP, batch, max_chars, batch_size)]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[ArticleInput | InputFailure]]:
    batch: list[ArticleInput | InputFailure] = []
    for i, item in enumerate(items):
        batch.append(to_article(item, index=i))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _work_units(batches: Iterable[list[_T]], n_process: int) -> Iterator[list[_T]]:
    """The batches as sent to ``n_process`` workers: whole batches while more input follows, and the last
    ``n_process`` batches in shrinking pieces, each ``1 / (2 * n_process)`` of what is left (guided
    self-scheduling), so the workers finish together.

    With whole batches to the end, 150 articles in batches of 32 make five batches: one worker runs three
    (86 articles), the other two (64), so two processes are at best 1.74x one (``bench/balance.py``); cut into
    equal pieces of 1/4 batch, 1.93x, as the last piece (8 articles, about a quarter of a second) can still
    leave one worker idle; with pieces shrinking to single articles, 1.99x. A piece costs about 6 ms more
    than its articles (a call of ``nlp.pipe``), so only the tail is cut. Holding the last batches back until
    the input ends costs ``n_process`` batches of read-ahead; the order of the articles is unchanged."""
    held: deque[list[_T]] = deque()
    for batch in batches:
        held.append(batch)
        if len(held) > n_process:
            yield held.popleft()
    tail = [item for batch in held for item in batch]
    start = 0
    while start < len(tail):
        size = -(-(len(tail) - start) // (2 * n_process))
        yield tail[start : start + size]
        start += size


def extract_many(
    items: Iterable[Item],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    model: str | None = None,
    nlp: Language | None = None,
    max_chars: int | None = None,
    include_future: bool | None = None,
) -> Iterator[Extraction]:
    """Stream Extractions for many articles, in input order, batched through ``nlp.pipe``.

    ``items`` are texts, dicts with the JSONL fields (``id``, ``text``, ``title``, ``published``, ``source``,
    ``url``), :class:`~herald.inputs.ArticleInput` or :class:`~herald.inputs.InputFailure`. Every item yields
    exactly one Extraction: bad articles come back with ``status == "failed"`` and a note, non-English ones
    with ``status == "skipped"``. With ``n_process > 1`` batches run in worker processes, each loading the
    pipeline once; at most ``2 * n_process`` batches are in flight (and ``n_process`` more read ahead, so the
    last ones can be shared out in smaller pieces), so memory stays bounded on any corpus.
    ``include_future`` keeps events only predicted or planned (default: ``HERALD_INCLUDE_FUTURE``, off); it
    applies to the pipeline loaded here, not to an ``nlp`` passed in (build that with ``load(...)``).
    """
    limit = max_chars or settings().max_chars
    if n_process <= 1:
        pipeline = nlp or load(model, include_future=include_future)
        for batch in _batches(items, batch_size):
            yield from _process_batch(pipeline, batch, limit, batch_size)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    pool = ProcessPoolExecutor(
        n_process, mp_context=ctx, initializer=_init_worker, initargs=(model, include_future)
    )
    try:
        # In flight: at most 2 * n_process batches' worth of articles (pieces of the tail count as such).
        window: deque[Future[list[str]]] = deque()
        flying = 0
        for unit in _work_units(_batches(items, batch_size), n_process):
            window.append(pool.submit(_worker_batch, unit, limit, batch_size))
            flying += len(unit)
            while flying >= 2 * n_process * batch_size:
                done = window.popleft().result()
                flying -= len(done)
                for js in done:
                    yield Extraction.model_validate_json(js)
        while window:
            for js in window.popleft().result():
                yield Extraction.model_validate_json(js)
    finally:
        # Every result is in (or the caller stopped early): the workers exit on their own, and the pool's
        # thread reaps them. Waiting here for each to tear down a pipeline's memory would cost tens of ms.
        pool.shutdown(wait=False, cancel_futures=True)
