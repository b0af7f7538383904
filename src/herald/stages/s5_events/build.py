"""The Event record from a Candidate: date, place, historical flag, attribution, confidence and the trace."""

from __future__ import annotations

from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span

from ...schema import Event
from ...schema import Span as TextSpan
from ..common import doc_text, meta
from . import attach, background, history, modality
from .candidate import Candidate, token_span
from .confidence import score
from .doc_actors import bound_object, document_links, named_head, speaker_agreement
from .ontology import Ontology
from .roles import (
    speech_governor,
)


def _factors(cand: Candidate, onto: Ontology) -> list[str]:
    f: list[str] = []
    if not cand.actors.actors:
        f.append("no-actor")
    elif all(h.startswith("pronoun->") for h in cand.actors.how):
        f.append("actor-pronoun")
    elif cand.actors.inferred:
        f.append("actor-inferred")
    else:
        f.append("actor")
    if cand.recipients.actors:
        f.append("recipient-inferred" if cand.recipients.inferred else "recipient")
    else:
        t = onto.type(cand.type)
        if t is not None and t.requires_recipient:
            f.append("missing-required-recipient")
    if cand.entry.ambiguous:
        f.append("ambiguous-trigger")
    if cand.content_type:
        f.append("control-content")
    if cand.trigger.dep_ in ("relcl", "advcl", "acl", "pcomp"):
        f.append("subordinate")
    if cand.hypothetical:
        f.append("hypothetical")
    if cand.negated:
        f.append("negated")
    return f


def build_event(
    doc: Doc, cand: Candidate, onto: Ontology, sent: Span, n: int
) -> tuple[Event, dict[str, object]]:
    published: date | None = meta(doc).published
    bound_object(cand)
    speaker_agreement(cand)
    named_head(doc, cand)
    document_links(cand)
    anchors = [cand.anchor] if cand.anchor.i != cand.trigger.i else []
    time, time_how = attach.find_time(doc, cand.trigger, anchors)
    if time is None:
        # Only background is inherited: "then" after a 2007 event is history, while "later" after
        # "on Saturday" need not be the same day.
        prev, prev_how = attach.narrative_time(doc, sent, cand.anchor)
        if prev is not None and attach.historical(doc, prev, sent, cand.anchor):
            time, time_how = prev, prev_how
    place, place_how = attach.find_place(doc, cand.trigger, anchors)
    date_from: Literal["text", "publication", "none"]
    if time is not None:
        date_value: str | None = time.id
        date_from = "text"
    elif published is not None:
        date_value, date_from, time_how = published.isoformat(), "publication", "publication date (fallback)"
    else:
        date_value, date_from = None, "none"
    # a date in a clause of its own that does not hold the event is not its date ("trying to recapture
    # the magic that won her the state in 2008")
    own_time = time
    if time is not None and (
        history.in_other_clause(doc, time.start, time.end, [cand.trigger, cand.anchor])
        or history.present_elsewhere(doc, time.start, time.end, cand.anchor)
    ):
        own_time = None
        cand.cues["other-clause-time"] = time.text
    # the historical flag: named rules in order (background.decide)
    hist = background.decide(doc, cand, sent, time, own_time)
    if hist:
        cand.cues["historical"] = hist
    later = None if modality.past_tense(cand.anchor) else attach.after_publication(doc, time)
    if later and not cand.negated and cand.type not in ("AGREE", "THREATEN") and "future" not in cand.cues:
        cand.cues["future"] = later
        cand.future = True
    statement = attach.statement_for(doc, cand.trigger)
    gov = speech_governor(cand.anchor)
    if statement is None and gov is not None:
        cand.cues["reported"] = f"reported by {gov.text!r} (no statement record)"
    if any(h.startswith("recovered:") for h in cand.actors.how) and "+actor:recovered" not in cand.rule:
        cand.rule += "+actor:recovered-subject"  # the parser lost the subject (roles.recovered_subject)
    mode = cand.mode if onto.has_mode(cand.type, cand.mode) else None
    confidence, parts = score(cand.kind, _factors(cand, onto))
    contexts = [c for c in dict.fromkeys(cand.contexts) if not onto.contexts or c in onto.contexts]
    actor_ids = [a.id for a in cand.actors.actors]
    recipient_ids = [a.id for a in cand.recipients.actors if a.id not in actor_ids]
    event = Event(
        id=f"e{n}",
        type=cand.type,
        mode=mode,
        contexts=contexts,
        actors=actor_ids,
        recipients=recipient_ids,
        date=date_value,
        date_from=date_from,
        place=place.id if place is not None else None,
        historical=hist is not None,
        negated=cand.negated,
        future=cand.future,
        hypothetical=cand.hypothetical,
        reported_by=statement.id if statement is not None else None,
        cameo=onto.cameo(cand.type, mode),
        quad=onto.quad(cand.type),
        intensity=onto.intensity(cand.type, mode),
        trigger=token_span(cand.trigger),
        evidence=TextSpan(
            start=sent.start_char, end=sent.end_char, text=doc_text(doc)[sent.start_char : sent.end_char]
        ),
        rule=cand.rule,
        confidence=confidence,
    )
    trace: dict[str, object] = {
        "event": event,
        "entry": cand.entry,
        "kind": cand.kind,
        "anchor": cand.anchor.text,
        "content": cand.content.text if cand.content is not None else None,
        "content_type": cand.content_type,
        "actors": list(zip([a.name for a in cand.actors.actors], cand.actors.how, strict=False)),
        "recipients": list(zip([a.name for a in cand.recipients.actors], cand.recipients.how, strict=False)),
        "date": time.text if time is not None else date_value,
        "date_how": time_how,
        "place": place.text if place is not None else None,
        "place_how": place_how,
        "cues": dict(cand.cues),
        "notes": list(cand.notes),
        "confidence_parts": parts,
    }
    return event, trace
