"""Why each event was coded: the structure behind ``herald explain``.

:func:`explain` runs the pipeline on a text and returns, per event, the lexicon entry and pattern that fired,
the trigger and sentence, how actors and recipients were resolved, where date and place came from, the
modality cues and the confidence with its additive parts (see confidence.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ...schema import Actor, Event
from .extract import code_doc
from .ontology import load_ontology


@dataclass
class Explanation:
    event: Event
    entry: str
    pattern: str
    kind: str
    trigger: str
    sentence: str
    governing_verb: str
    embedded_action: str | None
    embedded_type: str | None
    actors: list[tuple[str, str, str]]  # (id, name, how resolved)
    recipients: list[tuple[str, str, str]]
    date: str | None
    date_from: str
    date_how: str
    place: str | None
    place_how: str
    cues: dict[str, str]
    notes: list[str]
    confidence_parts: list[tuple[str, float]]
    definition: str = ""
    actor_records: dict[str, Actor] = field(default_factory=dict)


def _roles(
    ids: list[str], pairs: list[tuple[str, str]], actors: dict[str, Actor]
) -> list[tuple[str, str, str]]:
    by_name = dict(pairs)
    out = []
    for i in ids:
        a = actors.get(i)
        name = a.name if a else i
        out.append((i, name, by_name.get(name, "?")))
    return out


def explain_doc(doc: Doc, *, include_future: bool | None = None) -> list[Explanation]:
    """Explanations for a processed Doc (all stages up to events must have run); predicted events as the
    settings say (``HERALD_INCLUDE_FUTURE``) unless ``include_future`` is given."""
    from ...config import settings

    onto = load_ontology()
    actors = {a.id: a for a in doc._.herald_actors or []}
    out: list[Explanation] = []
    keep = settings().include_future if include_future is None else include_future
    for event, trace in code_doc(doc, include_future=keep):
        entry = trace["entry"]
        t = onto.type(event.type)
        out.append(
            Explanation(
                event=event,
                entry=getattr(entry, "name", "?"),
                pattern=event.rule,
                kind=str(trace["kind"]),
                trigger=event.trigger.text if event.trigger else "",
                sentence=event.evidence.text,
                governing_verb=str(trace["anchor"]),
                embedded_action=trace["content"],  # type: ignore[arg-type]
                embedded_type=trace["content_type"],  # type: ignore[arg-type]
                actors=_roles(event.actors, trace["actors"], actors),  # type: ignore[arg-type]
                recipients=_roles(event.recipients, trace["recipients"], actors),  # type: ignore[arg-type]
                date=trace["date"],  # type: ignore[arg-type]
                date_from=event.date_from,
                date_how=str(trace["date_how"]),
                place=trace["place"],  # type: ignore[arg-type]
                place_how=str(trace["place_how"]),
                cues=dict(trace["cues"]),  # type: ignore[call-overload]
                notes=list(trace["notes"]),  # type: ignore[call-overload]
                confidence_parts=list(trace["confidence_parts"]),  # type: ignore[call-overload]
                definition=t.definition if t else "",
                actor_records={i: actors[i] for i in event.actors + event.recipients if i in actors},
            )
        )
    return out


def explain(
    text: str,
    *,
    published: str | date | None = None,
    nlp: Language | None = None,
    include_future: bool | None = None,
) -> list[Explanation]:
    """Run Herald on a text and explain each event it codes (predicted ones too with ``include_future``)."""
    from ...inputs import ArticleInput, normalise_date
    from ...pipeline import load, make_doc

    nlp = nlp or load(include_future=include_future)
    if include_future is None and "herald_events_v1" in nlp.pipe_names:
        # explain what this pipeline codes: its events component's own setting
        include_future = bool(getattr(nlp.get_pipe("herald_events_v1"), "include_future", False))
    iso = normalise_date(published)
    doc = nlp(make_doc(nlp, ArticleInput(text=text, published=iso)))
    return explain_doc(doc, include_future=include_future)
