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

- **Speaker agreement** (``speaker_agreement``): the speaker taken as the actor of an event told with a
  subject pronoun that cannot be them ("it" for a person speaking) is undone.
- **Document links** (``document_links``): a role filled by a mention the actors stage linked from the
  document context — the article's main protagonist for a "he" the pronoun resolver left alone
  (``s2_actors/context.link_protagonist``) — is named in the event's rule (``+actor:protagonist(he)``).

Each decision is written into the candidate's rule (``+actor:binding(it)``) and notes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...schema import Actor
from .actor_index import actor_for_token
from .attach import actors_by_id
from .candidate import Candidate
from .roles import Resolved, resolve, subject_of

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


def document_links(cand: Candidate) -> None:
    """Name, in the event's rule, the roles filled through a document-level link of the actors stage (the
    article's main protagonist for a "he" the pronoun resolver left: context.link_protagonist)."""
    for role, res in (("actor", cand.actors), ("recipient", cand.recipients)):
        for tok in res.tokens:
            for h in (tok, *tok.conjuncts):
                rule = mention_rule(h)
                if rule is not None and rule.startswith("protagonist:"):
                    tag = f"+{role}:{rule.replace(':', '(')})"
                    if tag not in cand.rule:
                        cand.rule += tag


def mention_rule(tok: Token) -> str | None:
    """The linking rule of the actor mention on this token, if any."""
    actor = actor_for_token(tok)
    if actor is None:
        return None
    return next((m.rule for m in actor.mentions if m.start <= tok.idx < m.end), None)


# Subject pronouns that cannot stand for a person, and those that can stand only for one.
NON_PERSON_PRONOUNS = frozenset({"it"})
PERSON_PRONOUNS = frozenset({"he", "she", "i"})


def speaker_agreement(cand: Candidate) -> None:
    """Undo a speaker taken as the actor when the event's own subject pronoun cannot stand for them: in
    "he blamed the government for not creating jobs as it had promised", "it" is no person, so the person
    speaking did not promise (rule ``+actor:speaker-disagrees(it)``; the event keeps no actor rather than a
    wrong one)."""
    if "+actor:speaker" not in cand.rule or not cand.actors.how or cand.actors.how != ["speaker"]:
        return
    subj = next((c for c in cand.anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PRON":
        return
    speaker = cand.actors.actors[0]
    person = speaker.kind == "person"
    if (person and subj.lower_ in NON_PERSON_PRONOUNS) or (not person and subj.lower_ in PERSON_PRONOUNS):
        cand.actors = Resolved()
        cand.rule += f"+actor:speaker-disagrees({subj.lower_})"
        cand.notes.append(f"{subj.text!r} cannot be the speaker {speaker.name!r}: no actor")
