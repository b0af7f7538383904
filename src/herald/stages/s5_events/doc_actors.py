"""Actor repairs that look beyond the trigger's own clause, run on each candidate as its Event is built.

- **Binding** (``bound_object``): a plain object pronoun never refers to its own clause's subject ("asked it",
  "urged them"; a reflexive would be "asked itself"). When the actor a verb took from the clause it is
  coordinated with is the very actor its object pronoun stands for, the parser coordinated the verb with the
  wrong clause: "The Registrar said the party failed to submit documents and asked it to do so" — the
  registrar asked, not the party. The actor is then the subject of the clause governing the coordination (the
  speaker of "said"). Without such a clause nothing changes: in "the rebels seized the soldiers and killed
  them" the pronoun's resolution is what is wrong, not the subject. When the pronoun is
  unresolved, it is taken as the inherited subject's only when the event is a verbal act (its object is the
  addressee, an actor), the pronoun agrees with that actor ("it" an organisation or state, "him"/"her" a
  person, "them" a group or body), no other actor it could stand for is named between them, and the verb's
  coordination hangs in a reported clause whose governing subject is another actor.

- **Short names** (``named_head``): an actorless event whose subject is a bare common noun ("council
  endorsed the proposal") takes the article's one organisation whose name ends in it ("Harare City Council").

- **Main protagonist** (``protagonist``): a "he"/"she" the pronoun resolver left alone (it is cautious
  across paragraph breaks and between close candidates) in an event's actor or recipient slot is the
  article's main person, when one person clearly dominates its mentions and has no pronoun of the other
  gender.

Each decision is written into the candidate's rule (``+actor:binding(it)``) and notes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...schema import Actor
from .actor_index import actor_for_token
from .attach import actors_by_id
from .candidate import Candidate
from .roles import Resolved, is_passive, resolve, subject_of

# Verbal acts: their object is the addressee, an actor (chains.VERBAL, plus the other say-and-do types).
VERBAL = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "CONSULT", "SANCTION"})
# Which actor kinds a third-person object pronoun can stand for.
AGREES = {
    "him": frozenset({"person"}),
    "her": frozenset({"person"}),
    "it": frozenset({"organization", "state", "group"}),
    "them": frozenset({"organization", "state", "group"}),
}

# Plain (non-reflexive) personal pronouns in object position.
OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them", "us", "me"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
# Subject dependencies: a verb with one of its own took no subject from a coordination.
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJ for c in verb.children)


def _governing_subject(verb: Token) -> Token | None:
    """The subject of the clause above the coordination ``verb`` belongs to: up the ``conj`` links, then one
    clausal link (``ccomp``/``xcomp``/``advcl``) to its governor, whose subject it is."""
    cur = verb
    for _ in range(6):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ not in ("ccomp", "xcomp", "advcl") or cur.head.i == cur.i:
        return None
    return subject_of(cur.head)


def bound_object(cand: Candidate) -> None:
    """Re-point an actor that its own object pronoun refers to (module docstring: binding)."""
    verb = cand.anchor
    if cand.kind != "verb" or verb.pos_ not in ("VERB", "AUX") or _own_subject(verb) or verb.dep_ != "conj":
        return
    if not cand.actors.actors:
        return
    pronoun = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.lower_ in OBJECT_PRONOUNS), None)
    if pronoun is None:
        return
    referent = {a.id for a in resolve(pronoun, infer=False).actors}
    actor_ids = {a.id for a in cand.actors.actors}
    subj = _governing_subject(verb)
    if not referent and subj is not None and cand.type in VERBAL:
        referent = _unresolved_referent(cand, pronoun)
    if not referent or not referent & actor_ids:
        return
    if subj is None:
        return  # no clause above to attach to: the pronoun's resolution, not the subject, is the doubt
    fresh = Resolved()
    for a in resolve(subj, infer=False).actors:
        if a.id not in referent:
            fresh.add(a, "binding:governor")
    if not fresh.actors:
        return
    for a in cand.actors.actors:
        if a.id in referent:
            cand.recipients.add(a, "binding:pronoun")  # the one the pronoun stands for is addressed
    cand.rule += f"+actor:binding({pronoun.lower_})"
    cand.notes.append(
        f"{pronoun.text!r} cannot be the subject of {verb.text!r}: "
        f"the actor is the subject of {subj.head.text!r}"
    )
    cand.actors = fresh


def _unresolved_referent(cand: Candidate, pronoun: Token) -> set[str]:
    """The inherited actor an unresolved object pronoun agrees with, when no other actor named between the
    actor's mention and the pronoun could be its antecedent (module docstring)."""
    kinds = AGREES.get(pronoun.lower_)
    if kinds is None or len(cand.actors.actors) != 1 or not cand.actors.tokens:
        return set()
    actor: Actor = cand.actors.actors[0]
    if actor.kind not in kinds:
        return set()
    before = [t.right_edge.i for t in cand.actors.tokens if t.i < pronoun.i]
    if not before:
        return set()
    start = max(before)  # past the actor's whole phrase ("Parti Pribumi Bersatu Malaysia")
    for tok in pronoun.doc[start + 1 : pronoun.i]:
        other = actor_for_token(tok) if tok.pos_ in ("NOUN", "PROPN") else None
        if other is not None and other.id != actor.id and other.kind in kinds:
            return set()
    return {actor.id}


def _bare_head(tok: Token) -> bool:
    """A common noun standing alone as a name ("council resolved", "the council"): no modifier but a
    determiner, and no actor mention of its own."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ not in ("det", "punct") for c in tok.children):
        return False
    return actor_for_token(tok) is None


def named_head(doc: Doc, cand: Candidate) -> None:
    """An actorless event whose subject is a bare common noun ("council endorsed the proposal", "the
    council resolved") takes the one organisation of the article whose name ends in that noun ("Harare
    City Council"): the article's short name for its protagonist (rule ``+actor:doc-head(council)``)."""
    if cand.actors.actors or cand.kind != "verb":
        return
    subj = subject_of(cand.anchor)
    if subj is None or not _bare_head(subj):
        return
    head = subj.lemma_.lower()
    named = [
        a
        for a in actors_by_id(doc).values()
        if a.kind == "organization" and len(a.name.split()) > 1 and a.name.split()[-1].lower() == head
    ]
    if len(named) != 1:
        return
    cand.actors.add(named[0], "doc-head")
    cand.rule += f"+actor:doc-head({head})"
    cand.notes.append(f"{subj.text!r} is the article's short name for {named[0].name!r}")


# Third-person singular pronouns by gender, and which of them stand in which slot.
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PROTAGONIST_MIN = 2  # mentions the article's main person needs
PROTAGONIST_MARGIN = 2.0  # ... and this many times as many as the next person


def main_person(doc: Doc, before: int, gender: str) -> Actor | None:
    """The article's main protagonist: the person with at least ``PROTAGONIST_MIN`` mentions and
    ``PROTAGONIST_MARGIN`` times as many as any other person, named before offset ``before`` and never
    called by a pronoun of the other gender."""
    persons = [a for a in actors_by_id(doc).values() if a.kind == "person" and a.mentions]
    if not persons:
        return None
    ranked = sorted(persons, key=lambda a: len(a.mentions), reverse=True)
    top = ranked[0]
    second = len(ranked[1].mentions) if len(ranked) > 1 else 0
    if len(top.mentions) < PROTAGONIST_MIN or len(top.mentions) < PROTAGONIST_MARGIN * second:
        return None
    if min(m.start for m in top.mentions) >= before:
        return None
    if any(_GENDER.get(m.text.lower(), gender) != gender for m in top.mentions):
        return None
    return top


def _pronoun_slot(cand: Candidate) -> tuple[Token, str] | None:
    """The unresolved "he"/"she" standing as the event's actor (an active subject) or recipient (a passive
    subject, a direct object), with the slot's name."""
    verb = cand.anchor
    if cand.kind != "verb" or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("he", "she") and actor_for_token(subj) is None:
        if subj.dep_ == "nsubj" and not is_passive(verb) and not cand.actors.actors:
            return subj, "actor"
        if subj.dep_ == "nsubjpass" and not cand.recipients.actors:
            return subj, "recipient"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("him", "her")), None)
    if obj is not None and actor_for_token(obj) is None and not cand.recipients.actors:
        return obj, "recipient"
    return None


def protagonist(doc: Doc, cand: Candidate) -> None:
    """An unresolved "he"/"she" in an event's actor or recipient slot is the article's main protagonist
    (``main_person``), when it has one (rule ``+actor:protagonist(he)`` / ``+recipient:protagonist(he)``)."""
    slot = _pronoun_slot(cand)
    if slot is None:
        return
    pron, role = slot
    person = main_person(doc, pron.idx, _GENDER[pron.lower_])
    if person is None or person.id in {a.id for a in (*cand.actors.actors, *cand.recipients.actors)}:
        return
    (cand.actors if role == "actor" else cand.recipients).add(person, "protagonist")
    cand.rule += f"+{role}:protagonist({pron.lower_})"
    cand.notes.append(f"{pron.text!r} is the article's main protagonist, {person.name!r}")
