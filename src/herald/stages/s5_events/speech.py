"""Verbal events told through a statement: the statements stage's speaker is who speaks.

- ``cue_speaker``: the event's trigger is the speech cue of a statement ("tweets he sent out denouncing the
  bill", "adding that ...") and its own clause names no actor: the statement's resolved speaker acts.
- ``blame_clause``: "X said Iran was to blame for the attack": the subject of "be to blame" is the one
  blamed (the recipient), and the accuser is the statement's speaker, not the subject.
- ``reason_gerund``: "Axelrod called on Dean to apologise for accusing him": the one asked to apologise
  accused; "thanked Trump for backing": the one thanked backed.
- ``coordinated_criticism``: "attacked police officers and blamed the shootings on bias": an attack
  coordinated with a verb of criticism is ACCUSE, not ASSAULT.
- ``physical_sense``: "hammered the town", "ripped down posters": a verb of criticism or praise that also
  has a physical sense is not coded without a person, party or body judged, or with harm named.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ...schema import Actor, Statement
from ..common import doc_text, index_of, mention_index, records
from . import attach
from .candidate import Candidate
from .filters import ARMED_SECTORS
from .roles import Resolved, is_passive, resolve
from .speech_content import speech_evaluation


def _actor(doc: Doc, ident: str | None) -> Actor | None:
    return attach.actors_by_id(doc).get(ident) if ident else None


def _by_evidence(items: Sequence[object]) -> tuple[list[int], list[tuple[int, Statement]]]:
    """Statements with a cue and a speaker, by the start of their evidence, each with its place in the
    statements list (built once per Doc)."""
    sts = sorted(
        ((n, s) for n, s in enumerate(items) if isinstance(s, Statement) and s.cue and s.speaker),
        key=lambda p: (p[1].evidence.start, p[0]),
    )
    return [s.evidence.start for _, s in sts], sts


# An evidence span is a sentence or a quotation: statements starting further back cannot cover a token.
_EVIDENCE_REACH = 20000


def statement_cued_by(doc: Doc, trigger: Token) -> Statement | None:
    """The statement whose cue word is this trigger: its evidence covers the trigger, its content does not
    (the first in the statements' order)."""
    at = trigger.idx
    starts, sts = index_of("speech-cued", records(doc, "statements"), _by_evidence)
    lo, hi = bisect.bisect_left(starts, at - _EVIDENCE_REACH), bisect.bisect_right(starts, at)
    found: tuple[int, Statement] | None = None
    for n, st in sts[lo:hi]:
        if not at < st.evidence.end or st.content.start <= at < st.content.end:
            continue
        if st.cue and st.cue.split()[0].lower() == trigger.lower_ and (found is None or n < found[0]):
            found = (n, st)
    return found[1] if found is not None else None


def cue_speaker(doc: Doc, cand: Candidate) -> bool:
    """An actorless event on a statement's cue verb takes the statement's speaker as its actor."""
    if cand.actors.actors or cand.kind != "verb" or is_passive(cand.trigger):
        return False
    st = statement_cued_by(doc, cand.trigger)
    speaker = _actor(doc, st.speaker) if st is not None else None
    if st is None or speaker is None or speaker.id in {a.id for a in cand.recipients.actors}:
        return False
    cand.actors.add(speaker, "speaker:cue")
    cand.rule += "+actor:cue-speaker"
    cand.notes.append(
        f"{cand.trigger.text!r} is the cue of statement {st.id}: its speaker ({speaker.name!r}) acts"
    )
    return True


def _to_blame(trigger: Token) -> Token | None:
    """The subject of "X is to blame" / "X was to blame for ..." (the one blamed) when the trigger is that."""
    if trigger.lemma_.lower() != "blame" or trigger.dep_ not in ("xcomp", "advcl", "acomp"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    if any(c.dep_ in ("dobj", "nsubj") for c in trigger.children):
        return None  # "wants to blame Iran": an active blaming with an object of its own
    head = trigger.head
    if head.lemma_.lower() != "be":
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def blame_clause(doc: Doc, cand: Candidate) -> bool:
    """ "be to blame": the subject is the recipient; the actor is the statement's speaker, or nobody."""
    if cand.type != "ACCUSE" or cand.kind != "verb":
        return False
    blamed = _to_blame(cand.trigger)
    if blamed is None:
        return False
    st = attach.statement_for(doc, cand.trigger)
    speaker = _actor(doc, st.speaker) if st is not None else None
    target = Resolved()
    for a in (*cand.recipients.actors, *cand.actors.actors):
        if speaker is None or a.id != speaker.id:
            target.add(a, "blamed")
    got = Resolved()
    if speaker is not None and target.actors:  # "nobody was to blame", "the weather was to blame": no event
        got.add(speaker, "speaker")
    cand.actors, cand.recipients = got, target
    cand.rule += "+be-to-blame"
    cand.notes.append(
        f"{blamed.text!r} is to blame: the one blamed"
        + (f"; the accuser is the speaker of statement {st.id}" if st is not None and speaker else "")
    )
    return True


# Speech verbs whose content clause a second speech act may be misparsed into ("said X was Y, and urged ...").
SAY_VERBS = frozenset({"say", "tell", "state", "add", "insist", "declare"})


def conjoined_speech(doc: Doc, cand: Candidate, verbal: frozenset[str]) -> bool:
    """ "Spicer said the party was not in a crisis, and urged that everyone relax": a verbal act the parser
    coordinated with a copular content clause ("was"), with no subject of its own, is the speaker's second
    act, not the content subject's; the statement's speaker acts."""
    tok = cand.trigger
    if cand.type not in verbal or cand.kind != "verb" or tok.dep_ != "conj" or is_passive(tok):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    head = tok.head
    if head.lemma_.lower() != "be" or head.dep_ != "ccomp" or head.head.lemma_.lower() not in SAY_VERBS:
        return False
    st = attach.statement_for(doc, head)
    speaker = _actor(doc, st.speaker) if st is not None else None
    if st is None or speaker is None or any(q.start <= tok.idx < q.end for q in st.quotes):
        return False
    if speaker.id in {a.id for a in cand.recipients.actors}:
        return False
    _speaker_acts(
        cand,
        speaker,
        "speaker:conjoined",
        "+actor:conjoined-speech",
        f"{tok.text!r} is a second act of the speaker of statement {st.id} ({speaker.name!r})",
    )
    return True


def _speaker_acts(cand: Candidate, speaker: Actor, via: str, rule: str, note: str) -> None:
    """The statement's speaker becomes the event's only actor, and the event says why."""
    got = Resolved()
    got.add(speaker, via)
    cand.actors = got
    cand.rule += rule
    cand.notes.append(note)


def described_speaker(doc: Doc, cand: Candidate, verbal: frozenset[str]) -> bool:
    """ "In a statement, the Kentucky Republican dismissed ...", "the Republican candidate repeated his
    promise", "the nation's largest gun group is accusing ...": the event's subject is a description the
    statements stage resolved to a person or a body (the last speaker of that kind) while the event's own
    reading of it gave an actor of another kind (the party, the country): the statement's speaker acts."""
    if cand.type not in verbal or not cand.actors.actors:
        return False
    if any(a.kind == "person" and not _role_only(a) for a in cand.actors.actors):
        return False  # a named person reads for itself
    have = {a.id for a in cand.actors.actors}
    cued = [statement_cued_by(doc, cand.trigger)]
    if cand.anchor.i != cand.trigger.i:
        cued.append(statement_cued_by(doc, cand.anchor))
    for st in cued:
        speaker = _actor(doc, st.speaker) if st is not None else None
        if st is None or speaker is None or not st.speaker_text:
            continue
        if any(a.kind == speaker.kind for a in cand.actors.actors):
            continue
        if speaker.kind == "state" and not all(_role_only(a) for a in cand.actors.actors):
            continue  # a body read as its country gives way to the body, never the reverse
        at = doc_text(doc).find(st.speaker_text, st.evidence.start, st.evidence.end)
        said = {a.id for a in mention_index(doc._.herald_actors).inside(at, at + len(st.speaker_text))}
        if at < 0 or not have <= said:
            continue  # the event's actor is not the one read off the speaker's words
        _speaker_acts(
            cand,
            speaker,
            "speaker:described",
            "+actor:described-speaker",
            f"{st.speaker_text!r} is {speaker.name!r}, the speaker of statement {st.id}",
        )
        return True
    return False


def _role_only(actor: Actor) -> bool:
    """A person known only by a role ("spokesman"): the statements stage may know whom it speaks for."""
    return actor.kind == "person" and (
        actor.name.islower() or actor.name.lower() == (actor.title or "").lower()
    )


# Prepositions of a gerund that gives the reason for an act ("apologise for accusing him", "thanked him for
# backing the bill"): the gerund's understood subject is the subject of the act it attaches to.
REASON_PREPS = frozenset({"for"})
# Prepositions that carry the addressee of an object-control verb ("called on Dean to apologise").
ADDRESSEE_PREPS = frozenset({"on", "upon"})


def _controllers(verb: Token) -> list[Token]:
    """The possible understood subjects of a subjectless infinitive: its own subject, else the object (or an
    "on" object) of the verb that controls it ("urged Dean to apologise", "called on Dean to apologise")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj or verb.dep_ != "xcomp":
        return subj
    head = verb.head
    out = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS):
        out.extend(c for c in prep.children if c.dep_ == "pobj")  # "on Wednesday" resolves to nobody
    return out


def reason_gerund(cand: Candidate, verbal: frozenset[str]) -> bool:
    """ "Axelrod called on Dean to apologise to Trump for accusing him": the accuser of a reason gerund is the
    one asked to apologise (the controlled subject of the act it gives the reason for), not the sentence's
    subject."""
    tok = cand.trigger
    if cand.type not in verbal or cand.kind != "verb" or tok.dep_ != "pcomp" or tok.tag_ != "VBG":
        return False
    prep = tok.head
    if prep.lower_ not in REASON_PREPS or prep.head.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in tok.children):
        return False
    verb = prep.head
    # "thanked Trump for backing", "blamed Iran for arming": the one thanked or blamed did it; "apologised
    # for accusing", "asked Dean to apologise for accusing": the one who apologises did
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    found = ((t, resolve(t, infer=False)) for t in objects or _controllers(verb))
    ctrl, got = next(((t, r) for t, r in found if r.actors), (None, Resolved()))
    if ctrl is None:
        return False
    have = {a.id for a in cand.actors.actors}
    if have == {a.id for a in got.actors}:
        return False
    cand.actors = got
    cand.recipients = _without(cand.recipients, {a.id for a in got.actors})
    cand.rule += "+actor:reason-gerund"
    cand.notes.append(f"{tok.text!r} gives the reason for {verb.text!r}: {ctrl.text!r} does it")
    return True


def _without(res: Resolved, ids: set[str]) -> Resolved:
    out = Resolved(tokens=list(res.tokens))
    for a, how in zip(res.actors, res.how, strict=False):
        if a.id not in ids:
            out.add(a, how)
    return out


def coordinated_criticism(cand: Candidate, attack_words: frozenset[str], harm_cues: frozenset[str]) -> bool:
    """An attack said in words, not done with a weapon: ACCUSE (PLOVER "criticize"), not ASSAULT, when
    - it is coordinated with a verb of criticism ("she attacked police officers and blamed the shootings on
      bias", "reasons to attack and critique Trump");
    - its object is words, ideas or a record (``verbal_objects``: "attacked the hateful ideology of radical
      Islam", "hit his rhetoric"), its attacker no state or armed force and no harm named;
    - or the sentence sets it in a speech, an interview, a debate or a post (``speech_frames``: "In an August
      speech, Trump attacked ..."), its attacker is no armed force and no harm is named."""
    tok = cand.trigger
    if cand.type != "ASSAULT" or cand.kind != "verb" or tok.lemma_.lower() not in attack_words:
        return False
    lex = speech_evaluation()
    criticism = lex.criticism_verbs - attack_words
    partner = next((c for c in tok.conjuncts if c.pos_ == "VERB" and c.lemma_.lower() in criticism), None)
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if partner is not None:
        why = f"{tok.text!r} is coordinated with {partner.text!r}"
    elif obj is not None and obj.lemma_.lower() in lex.verbal_objects and _unarmed(cand, harm_cues):
        why = f"{tok.text!r} has words or ideas as object ({obj.text!r})"
    elif (frame := _speech_frame(tok, lex.speech_frames)) is not None and _unarmed(cand, harm_cues):
        why = f"{tok.text!r} is set in {frame.text!r}"
    else:
        return False
    cand.type, cand.mode = "ACCUSE", "disapprove"
    cand.rule += "=>ACCUSE(criticism)"
    cand.notes.append(f"{why}: a verbal attack")
    return True


def _speech_frame(tok: Token, frames: frozenset[str]) -> Token | None:
    """A speech event the attack is set in: "in a speech", "on Twitter", "during the debate"."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "at")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() in frames:
                return pobj
    return None


def _unarmed(cand: Candidate, harm_cues: frozenset[str]) -> bool:
    """A named attacker that is no armed force, and no harm named in the sentence."""
    actors = cand.actors.actors
    if not actors or any(a.kind == "state" or (a.sector or "") in ARMED_SECTORS for a in actors):
        return False
    return not any(t.lemma_.lower() in harm_cues for t in cand.trigger.sent)


# Recipients a verbal judgement can have: people, parties and bodies (not a state, a place or a thing).
JUDGED_KINDS = frozenset({"person", "organization", "group"})


def physical_sense(cand: Candidate, harm_cues: frozenset[str]) -> bool:
    """True (not coded) for a verb of criticism or praise that also has a physical sense
    (``person_target_verbs``) read in that sense: no person, party or body as recipient ("hammered the
    town", "ripped the poster"), an armed force or a state as recipient ("hammered rebel positions"), or harm
    named in the sentence."""
    tok = cand.trigger
    if cand.kind != "verb" or tok.lemma_.lower() not in speech_evaluation().person_target_verbs:
        return False
    recipients = cand.recipients.actors
    if not recipients or any(
        a.kind not in JUDGED_KINDS or (a.sector or "") in ARMED_SECTORS for a in recipients
    ):
        return True
    return any(t.lemma_.lower() in harm_cues for t in tok.sent)
