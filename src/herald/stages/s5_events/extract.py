"""Pure functions: Doc -> Event records (PLOVER 2.0).

Where each rule lives: trigger matching in triggers.py; candidates per sentence in candidates.py (actors and
recipients in sentence_roles.py, syntax helpers in roles.py); same-event chains in chains.py; role/background
frames in filters.py; negation/future/hypothetical in flags.py (cues in modality.py); the Event record with
date, place, historical flag and confidence in build.py (attach.py, confidence.py)."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ...schema import Event
from .. import memo
from . import actor_index
from .build import build_event
from .candidate import Candidate
from .candidates import SentenceCoder
from .chains import VERBAL, blamed_actors, judged_act, link_actor, merge_mentions
from .filters import note_spans
from .flags import apply_modality
from .lexicon import load_lexicon
from .modality import ATTEMPTED, DISPOSITION_ADJ, INCITEMENT_HEADS, QUESTION, REQUESTED_HEADS
from .ontology import load_ontology
from .speech import (
    blame_clause,
    conjoined_speech,
    coordinated_criticism,
    cue_speaker,
    described_speaker,
    physical_sense,
    reason_gerund,
)
from .speech_content import statement_events
from .triggers import (
    known_tokens,
)

MAX_PER_SENTENCE = 4
# Cues of actions that have not happened: abilities and dispositions, incitements, what was asked for,
# proposed or promised (the asking is an event of its own), what a yes/no question asks about, what an
# attempted act was to bring about ("tried to force him to resign").
UNREALISED = DISPOSITION_ADJ | INCITEMENT_HEADS | REQUESTED_HEADS | {QUESTION, ATTEMPTED}


def code_doc(doc: Doc, *, include_future: bool = False) -> list[tuple[Event, dict[str, object]]]:
    """Events with their explanation traces; predicted or planned events only with ``include_future``."""
    with actor_index.bound(doc), memo.bound(doc):
        return _code_sentences(doc, include_future)


def _code_sentences(doc: Doc, include_future: bool) -> list[tuple[Event, dict[str, object]]]:
    lex, onto = load_lexicon(), load_ontology()
    items: list[tuple[Candidate, Event, dict[str, object]]] = []
    known = known_tokens(doc, lex)
    previous: Candidate | None = None
    notes = note_spans(doc.text, lex.note_openers)
    for sent in doc.sents:
        if any(a <= sent.start_char < b for a, b in notes):
            continue  # an editor's note or a correction: no news of the day
        lo, hi = bisect.bisect_left(known, sent.start), bisect.bisect_left(known, sent.end)
        cands = SentenceCoder(doc, sent, lex, onto, known[lo:hi]).code()
        cands += statement_events(doc, sent, cands)
        cands = [c for c in cands if not physical_sense(c, lex.harm_cues)]
        for c in cands:
            apply_modality(c, doc, onto)
        # An action named only as an ability or disposition ("not afraid to fight one", "unable to attend",
        # "is right to ask for") has not happened: no event (other hypotheticals stay, flagged).
        # Nor one someone was only pushed to do ("incited supporters to attack police"), nor what was asked
        # for or proposed ("called for the mayor to resign").
        cands = [c for c in cands if str(c.cues.get("hypothetical", "")).lower() not in UNREALISED]
        # Precision first: at most a few events per sentence, the main clause first.
        cands.sort(key=lambda c: (c.depth, c.trigger.i))
        cands = sorted(cands[:MAX_PER_SENTENCE], key=lambda c: c.trigger.i)
        for c in cands:
            blame_clause(doc, c)
            coordinated_criticism(c, lex.campaign_attack_words, lex.harm_cues)
            reason_gerund(c, VERBAL)
            conjoined_speech(doc, c, VERBAL)
            cue_speaker(doc, c)
            described_speaker(doc, c, VERBAL)
            link_actor(doc, c, previous)
            previous = c
        told = [c for c, _, _ in items]
        for c in cands:
            judged_act(c, [*told, *(x for x in cands if x.trigger.i < c.trigger.i)])
        blamed_actors(cands)
        for c in cands:
            event, trace = build_event(doc, c, onto, sent, len(items) + 1)
            items.append((c, event, trace))
    out = [(e, t) for e, t in merge_mentions(doc, items) if codable(e) and (include_future or realised(e))]
    for n, (event, _) in enumerate(out, 1):
        event.id = f"e{n}"
    return out


# Material conflict with no named party is still news ("a bomb killed 12"); a verbal or cooperative act that
# names neither who did it nor to whom cannot be coded (PLOVER's actor field is required) and is dropped.
ANONYMOUS_OK = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION"})


def codable(event: Event) -> bool:
    """Whether the event names a party, or is a material conflict event that may stand without one."""
    return bool(event.actors or event.recipients) or event.type in ANONYMOUS_OK


def realised(event: Event) -> bool:
    """Whether the event is reported as happening or having happened, not only predicted or planned ("will
    impose tariffs next week", "talks scheduled for Monday"). PLOVER and ICEWS code what happened, and the
    events-gwn gold leaves predictions out; the announcement itself stays an event when it is a verbal act
    (a threat, a promise, an agreement to do X: the modality rules never flag those ``future``)."""
    return not event.future


def extract_events(doc: Doc, *, include_future: bool = False) -> list[Event]:
    if not doc.has_annotation("DEP"):
        return []
    return [e for e, _ in code_doc(doc, include_future=include_future)]
