"""Modality applied to a candidate: negation, future, hypothetical (cues in modality.py), with the type
rewrites they imply (future cooperation -> AGREE, announced force -> THREATEN, negated acceptance ->
REJECT)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...schema import Actor
from . import attach, modality
from .candidate import Candidate
from .ontology import Ontology
from .roles import (
    Resolved,
    resolve,
    speech_governor,
    subject_of,
)
from .triggers import (
    lemma_of,
)

# Modals that voice a refusal when negated ("cannot accept", "could not agree", "would not sign"), and the
# future auxiliaries that make a negated cooperation a refusal ("will not negotiate").
REFUSAL_MODALS = frozenset({"can", "could", "would", "ca"})
REFUSAL_FUTURE = frozenset({"will", "'ll", "wo", "would", "shall"})
# Cues of what others predict rather than what the actor undertakes ("The Times is expected to endorse
# Clinton", "Iran is likely to join the talks"): no promise (AGREE), only a predicted event.
PREDICTED = frozenset({"expected", "likely", "unlikely", "poised", "tipped", "predicted", "forecast"})
HOST_VERBS = frozenset({"host", "mediate", "broker", "sponsor", "organize", "organise"})


def _refusal_modal(fut: str | None, hyp: str | None, anchor: Token) -> bool:
    """A negated cooperation voiced as a refusal: "will not negotiate", "won't meet", "cannot support", and
    in reported speech "said they could not support Clinton" (a past "could not meet" is an inability)."""
    if fut and fut.lower() in REFUSAL_FUTURE:
        return True
    if hyp is None:
        return False
    return hyp.lower() in ("can", "ca") or (hyp.lower() == "could" and speech_governor(anchor) is not None)


def _third_party(cand: Candidate) -> str | None:
    """A consultation hosted or brokered by someone else ("talks hosted by Qatar")."""
    for t in (cand.trigger, cand.anchor):
        for d in t.subtree:
            if d.dep_ == "acl" and lemma_of(d) in HOST_VERBS and any(c.dep_ == "agent" for c in d.children):
                return d.text
            if d.lower_ == "auspices":
                return d.text
    return None


def apply_modality(cand: Candidate, doc: Doc, onto: Ontology) -> None:
    anchor = cand.anchor
    neg = modality.negation(
        cand.trigger if cand.kind == "noun" else anchor,
        cand.trigger if cand.kind.startswith("noun") else None,
    )
    fut = modality.future(anchor) if cand.kind != "noun" else None
    hyp = modality.hypothetical(anchor) if cand.kind != "noun" else None
    if cand.type == "THREATEN" and hyp and hyp.lower().split(" ")[0] in modality.CONDITION:
        hyp = None  # a threat is conditional by nature: "threatened to X if Y" is a real threat
    if neg:
        cand.cues["negated"] = neg
        not_yet = any(c.lower_ == "yet" for c in anchor.children)  # "has not yet accepted" is no refusal
        if cand.entry.negated_type and not not_yet:
            cand.notes.append(f"negated {cand.type} coded as {cand.entry.negated_type}")
            cand.rule += f"+neg=>{cand.entry.negated_type}"
            cand.type = cand.entry.negated_type
            cand.mode = None
            fut = None  # "will not accept" is a refusal now
            if hyp and hyp.lower() in REFUSAL_MODALS:
                hyp = None  # "cannot accept", "could not agree": a refusal voiced now, not a possibility
        elif not not_yet and cand.type in onto.future_to_agree and _refusal_modal(fut, hyp, anchor):
            # "Iran will not negotiate with the US", "we won't support the plan": a refusal voiced now
            # (PLOVER REJECT), as a promised meeting or backing is AGREE
            cand.notes.append(f"refused {cand.type} ({neg!r} {fut or hyp!r}) is a refusal: REJECT")
            cand.rule += f"+refused=>REJECT({cand.type})"
            cand.type, cand.mode = "REJECT", None
            fut = None
            if hyp and hyp.lower() in REFUSAL_MODALS:
                hyp = None
        else:
            cand.negated = True
    if fut and not cand.negated:
        cand.cues["future"] = fut
        if cand.type in onto.future_to_agree and fut.lower() not in PREDICTED:
            cand.notes.append(f"future {cand.type} ({fut!r}) is an intention: AGREE")
            cand.rule += f"+future=>AGREE({cand.type})"
            cand.type, cand.mode = "AGREE", None
            if cand.partners.actors:  # "said they would meet X": X is whom the promise concerns
                ids = {a.id for a in cand.partners.actors}
                kept = Resolved()
                for a, h in zip(cand.actors.actors, cand.actors.how, strict=False):
                    if a.id not in ids:
                        kept.add(a, h)
                cand.actors, cand.recipients = kept, cand.partners
        elif cand.type in onto.future_to_concede:
            cand.notes.append(f"announced future {cand.type} ({fut!r}) is a concession: CONCEDE")
            if cand.type != "CONCEDE":
                cand.rule += f"+future=>CONCEDE({cand.type})"
                cand.type, cand.mode = "CONCEDE", None
        elif cand.type in onto.intent_to_threaten and _own_announcement(cand, doc):
            cand.notes.append(f"announced future {cand.type} ({fut!r}) is a threat")
            cand.rule += f"+intent=>THREATEN({cand.type})"
            cand.mode = onto.content_mode("THREATEN", cand.type)
            cand.type = "THREATEN"
        elif cand.type not in ("AGREE", "THREATEN"):
            cand.future = True
    if cand.type == "THREATEN" and hyp and hyp.lower().split(" ")[0] in modality.CONDITION:
        hyp = None  # also when the threat was made by the rewrite above: "would fight back if the US ..."
    if hyp:
        cand.cues["hypothetical"] = hyp
        if cand.type in ("THREATEN",) and hyp.lower() in ("would",):
            pass
        else:
            cand.hypothetical = True
    if cand.type == "CONSULT" and cand.mode is None:
        tp = _third_party(cand)
        if tp:
            cand.mode = "third-party"
            cand.cues["third-party"] = tp


def _own_announcement(cand: Candidate, doc: Doc) -> bool:
    """The actor announces its own future action (a threat), not a reporter predicting someone else's."""
    gov = speech_governor(cand.anchor)
    if gov is None:
        st = attach.statement_for(doc, cand.trigger)
        if not (st and st.speaker):
            return False
        speaker_actor = attach.actors_by_id(doc).get(st.speaker)
        said_by = [speaker_actor] if speaker_actor is not None else []
        return st.speaker in {a.id for a in cand.actors.actors} or _speaks_for(said_by, cand.actors.actors)
    speaker = subject_of(gov)
    subj = subject_of(cand.anchor)
    if subj is not None and subj.pos_ == "PRON":
        return True
    if speaker is None:
        return False
    speakers = resolve(speaker).actors
    said = {a.id for a in speakers}
    return bool(said) and (
        said >= {a.id for a in cand.actors.actors} or _speaks_for(speakers, cand.actors.actors)
    )


def _speaks_for(speakers: list[Actor], actors: list[Actor]) -> bool:
    """A government voice announces its state's action ("China will fight back", said the Commerce
    Ministry): every actor is a state whose government (a GOV actor of that country) is speaking."""
    voices = {a.country for a in speakers if a.country and a.sector == "GOV"}
    return bool(actors) and all(a.kind == "state" and a.country in voices for a in actors)
