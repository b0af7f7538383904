"""Verbal events read off a statement: what the speaker says judges or asks someone (lexicon:
``lexicons/speech_evaluation.yaml``; cue classes from the statements stage's ``cues.yaml``).

- ``evaluated_content``: "Rubio told reporters the president's actions undermine Americans' rights", "Bush
  says Obama is acting unlawfully", "Khalif said Clinton's rhetoric has been patronizing": the content's
  subject (or its owner) is judged with a word of harm, deceit or disregard: ACCUSE by the statement's
  resolved speaker, the one judged as recipient.
- ``criticism_cue``: "Sanders went after Clinton's environmental record", "Clinton lamented Sanders' vote":
  a statement whose cue is a verb of criticism or complaint that no event rule coded: ACCUSE by the speaker,
  the actor its content names as recipient.

- ``_quotation_events``: "“Donald Trump is a disgusting fraud,” said Rep. Butterfield", "“I think
  Clinton is far and away the superior candidate,” Sanders said", "“He is a liar,” Cruz said of Trump":
  the clauses a direct quotation says (its root, a reason it gives, what a first-person "I think" frames)
  judged with the same words: ACCUSE or SUPPORT by the quotation's speaker.
- ``_obligation``: "Sanders said Clinton has to talk about the issues", "“He ought to pull that back”": a
  semi-modal of obligation on someone else is the speaker's demand (REQUEST); the action demanded is not
  coded as done.

None fires on a negated cue or a denial, on a content with a negation, on a judgement of the speaker
itself, or where the sentence already has a criticism by that speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered
from ...schema import Actor, Statement
from ..common import index_of, mention_index, records
from ..s4_statements.lexicon import cue_lexicon
from . import attach, judgement
from .actor_index import actor_for_token
from .candidate import Candidate, build
from .judgement import PHRASE_ENDS, negated, own_words
from .lexicon import Entry, load_lexicon
from .roles import Resolved

JUDGED = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# Clause links through which the judging predicate is reached from the content's head ("is trying to
# distract", "is acting unlawfully and showing disregard").
CHAIN = frozenset({"xcomp", "conj"})
OWNERS = frozenset({"poss", "compound"})
COPULAS = frozenset({"be", "become", "remain", "seem"})
SELF = frozenset({"i", "we", "me", "us", "myself", "ourselves"})
EVALUATED = "speech:evaluated-content"


@dataclass(frozen=True)
class SpeechEvaluation:
    negative_verbs: frozenset[str]
    negative_adverbs: frozenset[str]
    negative_terms: frozenset[str]
    disregard_verbs: frozenset[str]
    positive_terms: frozenset[str]
    criticism_cues: frozenset[str]
    criticism_verbs: frozenset[str]  # every verb of criticism: cues and the verbs no cue list holds
    person_target_verbs: frozenset[str]
    verbal_objects: frozenset[str]
    speech_frames: frozenset[str]


@lru_cache(maxsize=1)
def speech_evaluation() -> SpeechEvaluation:
    data = load_layered("lexicons/speech_evaluation.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    cues = cue_lexicon()
    accusing = {v for v, cls in cues.verbs.items() if cls == "accusation"}
    accusing |= {f"{v} {p}" for (v, p), cls in cues.phrasal.items() if cls == "accusation"}
    return SpeechEvaluation(
        negative_verbs=words("negative_verbs"),
        negative_adverbs=words("negative_adverbs"),
        negative_terms=words("negative_terms") | load_lexicon().negative_terms,
        disregard_verbs=words("disregard_verbs"),
        positive_terms=words("positive_terms"),
        criticism_cues=frozenset((accusing | words("complaint_cues")) - cues.denials),
        criticism_verbs=frozenset(accusing | words("complaint_cues") | words("criticism_verbs"))
        - cues.denials,
        person_target_verbs=words("person_target_verbs"),
        verbal_objects=words("verbal_objects"),
        speech_frames=words("speech_frames"),
    )


def _cue_token(sent: Span, st: Statement) -> Token | None:
    """The cue verb of a statement in this sentence: in its evidence, outside its content."""
    if not st.cue:
        return None
    first = st.cue.split()[0].lower()
    for tok in sent:
        at = tok.idx
        inside = st.evidence.start <= at < st.evidence.end and not st.content.start <= at < st.content.end
        if tok.lower_ == first and inside:
            return tok
    return None


def _judged(subj: Token, depth: int = 0) -> Actor | None:
    """The actor a content's subject names: itself ("Obama is ..."), its owner ("the president's steps", "the
    Obama administration's plan") or the "of" object ("the policies of the government", "some of Clinton's
    rhetoric")."""
    actor = actor_for_token(subj)
    if actor is not None or depth > 1:
        return actor
    for c in subj.children:
        if c.dep_ in OWNERS:
            actor = actor_for_token(c)
            if actor is not None:
                return actor
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                actor = _judged(p, depth + 1) if p.dep_ == "pobj" else None
                if actor is not None:
                    return actor
    return None


def _judgement(clause: Token, lex: SpeechEvaluation, coded: set[int]) -> tuple[Token, str, str] | None:
    """The word that makes the content a judgement of its subject, with the type it gives (ACCUSE for
    criticism, SUPPORT for praise) and the rule that found it, or None."""
    verbs, seen = [clause], {clause.i}
    for v in verbs:
        for c in v.children:
            if c.dep_ in CHAIN and c.pos_ in ("VERB", "AUX", "ADJ") and c.i not in seen and len(verbs) < 6:
                seen.add(c.i)
                verbs.append(c)
    for v in verbs:
        lemma = v.lemma_.lower()
        if v.i in coded and not (v.pos_ == "VERB" and lemma in lex.negative_verbs and not negated(v)):
            return None  # the content tells an event of its own ("said Russia attacked the town")
        if negated(v):
            if v.pos_ == "VERB" and lemma in lex.disregard_verbs:
                return v, "ACCUSE", EVALUATED  # "has never respected the right"
            return None  # "won't help", "is not corrupt"
        if v.pos_ == "VERB" and lemma in lex.negative_verbs:
            return v, "ACCUSE", EVALUATED
        if v.lower_ in lex.negative_terms:
            # a participle predicate: "is “obsessed” with ...", "has been lying"
            return v, "ACCUSE", EVALUATED
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ in lex.negative_adverbs:
                return c, "ACCUSE", EVALUATED
        if lemma in COPULAS or v.pos_ == "ADJ":
            preds = [c for c in v.children if c.dep_ in ("attr", "acomp", "oprd")] or (
                [v] if v.pos_ == "ADJ" else []
            )
            for p in preds:
                words = own_words(p, PHRASE_ENDS)
                for t in words:
                    if t.lemma_.lower() in lex.negative_terms or t.lower_ in lex.negative_terms:
                        return t, "ACCUSE", EVALUATED
                if any(negated(t) for t in words):
                    continue
                if p.pos_ == "ADJ" and p.lower_ in lex.positive_terms:
                    return p, "SUPPORT", EVALUATED
                # a noun of person with a word of merit: "the superior candidate", "a brilliant leader"
                mods = [m for a in p.children if a.dep_ == "amod" for m in (a, *a.conjuncts)]
                merit = [a for a in mods if a.lower_ in lex.positive_terms]
                if p.pos_ == "NOUN" and merit:
                    return merit[0], "SUPPORT", EVALUATED
        if (judged := judgement.predicate(v)) is not None:
            return judged  # "is a threat to democracy", "caused factories to close", "a true patriot"
        if lemma == "amount":
            for prep in (c for c in v.children if c.dep_ == "prep" and c.lower_ == "to"):
                for t in prep.subtree:
                    if t.lemma_.lower() in lex.negative_terms:
                        return t, "ACCUSE", EVALUATED
    return None


def _already_judged(cands: list[Candidate], speaker: Actor, st: Statement) -> bool:
    for c in cands:
        if c.type not in JUDGED:
            continue
        if any(a.id == speaker.id for a in c.actors.actors):
            return True
        if st.evidence.start <= c.trigger.idx < st.evidence.end and not c.actors.actors:
            return True
    return False


def _speaker(doc: Doc, st: Statement) -> Actor | None:
    return attach.actors_by_id(doc).get(st.speaker) if st.speaker else None


def _candidate(
    trigger: Token,
    anchor: Token,
    speaker: Actor,
    target: Actor,
    rule: str,
    note: str,
    lemma: str,
    type_: str = "ACCUSE",
) -> Candidate:
    actors, recipients = Resolved(), Resolved()
    actors.add(speaker, "speaker")
    recipients.add(target, "judged")
    mode = "disapprove" if type_ == "ACCUSE" else None
    entry = Entry(lemma=lemma, pos="verb", type=type_, mode=mode)
    return build(entry, trigger, actors, recipients, rule, anchor=anchor, notes=[note])


def _eligible(items: Sequence[object]) -> tuple[list[int], list[Statement]]:
    """Statements that may tell a judgement, by the start of their evidence (built once per Doc)."""
    sts = sorted(
        (
            s
            for s in items
            if isinstance(s, Statement)
            and s.speaker
            and not s.negated
            and s.kind != "direct"  # a quotation's own clauses: rhetoric more often than a charge
        ),
        key=lambda s: s.evidence.start,
    )
    return [s.evidence.start for s in sts], sts


def _quoted(items: Sequence[object]) -> tuple[list[int], list[tuple[int, int, Statement]]]:
    """The quotations of direct statements with a speaker, by start (built once per Doc)."""
    quotes = sorted(
        (
            (q.start, q.end, s)
            for s in items
            if isinstance(s, Statement) and s.speaker and not s.negated and s.kind != "indirect"
            for q in s.quotes
        ),
        key=lambda x: (x[0], x[1]),
    )
    return [q[0] for q in quotes], quotes


def statement_events(doc: Doc, sent: Span, cands: list[Candidate]) -> list[Candidate]:
    """ACCUSE and SUPPORT events told by the statements whose cue sits in this sentence, and by the direct
    quotations this sentence holds (see the module doc)."""
    starts, eligible = index_of("speech-statements", records(doc, "statements"), _eligible)
    lo, hi = bisect.bisect_left(starts, sent.start_char), bisect.bisect_left(starts, sent.end_char)
    sts = eligible[lo:hi]
    lex = speech_evaluation()
    coded = {c.trigger.i for c in cands}
    out: list[Candidate] = _quotation_events(doc, sent, cands, lex, coded)
    for st in sts:
        speaker = _speaker(doc, st)
        cue = _cue_token(sent, st)
        if speaker is None or cue is None or negated(cue) or cue.i in coded:
            continue
        if _already_judged([*cands, *out], speaker, st):
            continue
        # the statements stage took the cue for a verb even where the tagger did not ("Sanders jabbed at")
        got = _criticism_cue(doc, st, cue, speaker, lex)
        if got is None and (cue.pos_ == "VERB" or cue.lower_ == "according"):
            got = _evaluated_content(st, cue, speaker, lex, coded)
        if got is not None:
            out.append(got)
    _drop_demanded(cands, out)
    return out


def _drop_demanded(cands: list[Candidate], told: list[Candidate]) -> None:
    """An action a statement demands has not happened ("said the United States has to withdraw the
    tariffs": no RETREAT): events the sentence coded inside a demanded content are dropped (in place)."""
    inside = {t.i for c in told if c.type == "REQUEST" and c.content is not None for t in c.content.subtree}
    if inside:
        cands[:] = [c for c in cands if c.trigger.i not in inside]


# A quotation is a few paragraphs at most: quotations starting further back cannot cover a sentence.
QUOTE_REACH = 20000
# Reasons the speaker gives are asserted ("... because I think he treats me unfairly").
REASONS = frozenset({"because", "since"})
# Verbs of opinion whose first-person subject frames the speaker's own judgement ("I think Clinton is far and
# away the superior candidate"): the judgement is the clause they govern.
OPINION = frozenset({"think", "believe", "know", "say", "guess", "feel", "suppose", "mean"})


def _quote_clauses(sent: Span, start: int, end: int) -> list[Token]:
    """The clauses of this sentence that a quotation (characters ``start``-``end``) says: the sentence root
    and its coordinated clauses inside the quotation, a quoted clause of an attribution verb outside it
    (“X is a fraud,” said Y), and the clause a first-person verb of opinion governs."""
    inside = [t for t in sent if start <= t.idx < end]
    if not inside:
        return []
    roots = [sent.root] + [c for c in sent.root.children if c.dep_ == "conj"]
    out: list[Token] = []
    for r in roots:
        if start <= r.idx < end:
            out.append(r)
        else:
            out.extend(c for c in r.children if c.dep_ == "ccomp" and start <= c.idx < end)
    # a reason the speaker gives is asserted too ("I'm not okay with Cooper because I think he treats me
    # unfairly"); a first-person verb of opinion frames the clause it governs
    for clause in out:  # grows while read
        for c in clause.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in REASONS for m in c.children):
                out.append(c)
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if clause.lemma_.lower() in OPINION and subj is not None and subj.lower_ in SELF:
            out.extend(c for c in clause.children if c.dep_ == "ccomp")
        if len(out) > 12:
            break
    return out


ABOUT_PREPS = frozenset({"of", "about"})
PERSONAL = frozenset({"he", "she", "they", "it"})


def _said_of(sent: Span, start: int, end: int) -> Actor | None:
    """The actor an attribution outside the quotation says it is about: "“He is a liar,” Cruz said of
    Trump"."""
    for tok in sent:
        if start <= tok.idx < end or tok.dep_ != "prep" or tok.lower_ not in ABOUT_PREPS:
            continue
        if tok.head.pos_ != "VERB" or start <= tok.head.idx < end:
            continue
        for p in (c for c in tok.children if c.dep_ == "pobj"):
            actor = actor_for_token(p)
            if actor is not None:
                return actor
    return None


def _quotation_events(
    doc: Doc, sent: Span, cands: list[Candidate], lex: SpeechEvaluation, coded: set[int]
) -> list[Candidate]:
    """ "“Donald Trump is a disgusting fraud,” said Rep. Butterfield", "“I think Clinton is far and
    away the superior candidate,” Sanders said": a quoted clause whose subject is an actor other than the
    speaker and whose predicate judges it (the same words as an indirect content) is the speaker's criticism
    or praise. One event per speaker, target and type in the sentence."""
    starts, quotes = index_of("speech-quotes", records(doc, "statements"), _quoted)
    lo = bisect.bisect_left(starts, sent.start_char - QUOTE_REACH)
    hi = bisect.bisect_left(starts, sent.end_char)
    out: list[Candidate] = []
    seen: set[tuple[str, str, str]] = set()
    for q_start, q_end, st in quotes[lo:hi]:
        if q_end <= sent.start_char:
            continue
        speaker = _speaker(doc, st)
        if speaker is None or _already_judged([*cands, *out], speaker, st):
            continue
        about = _said_of(sent, q_start, q_end)
        for clause in _quote_clauses(sent, q_start, q_end):
            got = _judged_clause(clause, st, speaker, lex, coded, anchor=clause, about=about)
            got = got or _obligation(clause, st, speaker, coded, anchor=clause, about=about)
            if got is None:
                continue
            key = (speaker.id, got.recipients.actors[0].id, got.type)
            if key not in seen:
                seen.add(key)
                out.append(got)
    return out


def _criticism_cue(
    doc: Doc, st: Statement, cue: Token, speaker: Actor, lex: SpeechEvaluation
) -> Candidate | None:
    """ "Sanders went after Clinton's record": a criticism cue no event rule coded."""
    words = st.cue.lower() if st.cue else ""
    lemma = cue_lexicon().lemma(cue)  # "jabbed" tagged a noun keeps its verb: "jab"
    phrasal = f"{lemma} {words.split()[1]}" if len(words.split()) > 1 else None
    if lemma not in lex.criticism_cues and phrasal not in lex.criticism_cues:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None  # "question whether she opposes the deal": a doubt; a clause is judged by its words
    inside = mention_index(doc._.herald_actors).inside(st.content.start, st.content.end)
    target = next((a for a in inside if a.id != speaker.id), None)
    if target is None:
        return None  # "lamented the weather": nobody's act
    note = f"{cue.text!r} criticises {target.name!r} (statement {st.id}, speaker {speaker.name!r})"
    return _candidate(cue, cue, speaker, target, f"speech:criticism-cue/{phrasal or lemma}", note, lemma)


def _evaluated_content(
    st: Statement, cue: Token, speaker: Actor, lex: SpeechEvaluation, coded: set[int]
) -> Candidate | None:
    """ "Bush says Obama is acting unlawfully": the content judges its subject."""
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is None and cue.lower_ == "according" and cue.dep_ == "prep":
        clause = cue.head  # "According to Cavusoglu, the US sanctions are illegal": the clause it modifies
    if clause is None or not st.content.start <= clause.idx < st.content.end:
        return None
    got = _judged_clause(clause, st, speaker, lex, coded, anchor=cue)
    return got or _obligation(clause, st, speaker, coded, anchor=cue)


def _own_state(speaker: Actor, target: Actor) -> bool:
    """The target is the speaker's own country ("the ministry said China has to act"): its own side."""
    return target.kind == "state" and target.country is not None and target.country == speaker.country


# Semi-modals of obligation: "X said Y needs to / has to / has got to Z" demands, as "must" and "should" do
# (the events stage's say-must pattern); "ought to" is an auxiliary of the action itself.
OBLIGED = frozenset({"need", "have", "get"})
GENERIC = frozenset({"a", "an", "any", "every", "no", "each"})


def _obligation(
    clause: Token,
    st: Statement,
    speaker: Actor,
    coded: set[int],
    anchor: Token,
    about: Actor | None = None,
) -> Candidate | None:
    """ "Sanders said Clinton has to talk about the real issues", "“He ought to pull that
    back,” Axelrod said": a demand by the speaker on the clause's subject (REQUEST), unless the action is a
    state or an outcome ("needs to win Ohio", "has to be careful"), negated, or the speaker's own."""
    lemma = clause.lemma_.lower()
    if negated(clause) or clause.i in coded:
        return None
    action: Token | None = None
    if any(c.dep_ == "aux" and c.lower_ == "ought" for c in clause.children):
        action = clause
    elif lemma in OBLIGED and clause.pos_ in ("VERB", "AUX") and clause.tag_ in ("VBZ", "VBP", "VBN", "VB"):
        # "had to initiate the procedure": a necessity narrated, not a demand
        if lemma == "get" and not any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children
        ):
            return None  # "got to" only as "has got to"
        action = next(
            (
                c
                for c in clause.children
                if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
    else:
        return None
    if action is None or negated(action) or action.lemma_.lower() in load_lexicon().not_demanded:
        return None
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if (
        subj is None
        or subj.lower_ in SELF
        or any(c.dep_ == "det" and c.lower_ in GENERIC for c in subj.children)
    ):
        return None
    target = about if about is not None and subj.lower_ in PERSONAL else actor_for_token(subj)
    if target is None or target.id == speaker.id or _own_state(speaker, target):
        return None
    note = f"{speaker.name!r} says {target.name!r} {clause.text} to {action.lemma_}: a demand ({st.id})"
    rule = f"speech:obligation/{lemma}+content:{action.lemma_.lower()}"
    cand = _candidate(clause, anchor, speaker, target, rule, note, lemma, "REQUEST")
    cand.content = action  # the action demanded, not done: statement_events drops events coded in it
    return cand


ADVISING = frozenset({"would", "should", "'d"})


def _advice(clause: Token, word: Token) -> bool:
    """ "X would be wise to act", "X should be careful to ...": a word of merit on an action not yet taken,
    under a conditional or obligation modal, advises the subject to act."""
    acts = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in word.children)
    return acts and any(c.dep_ == "aux" and c.lower_ in ADVISING for c in clause.children)


def _judged_clause(
    clause: Token,
    st: Statement,
    speaker: Actor,
    lex: SpeechEvaluation,
    coded: set[int],
    anchor: Token,
    about: Actor | None = None,
) -> Candidate | None:
    """A content clause whose subject (an actor other than the speaker) its predicate judges; a personal
    pronoun subject is the actor the attribution says the words are ``about`` when it names one."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in SELF:
        return None
    target = about if about is not None and subj.lower_ in PERSONAL else _judged(subj)
    if target is None or target.id == speaker.id:
        return None
    found = _judgement(clause, lex, coded)
    if found is None:
        return None
    word, type_, how = found
    if type_ == "SUPPORT" and _advice(clause, word):
        type_ = "REQUEST"  # "the party would be wise to set up a plan": advice to act, not praise
    elif type_ == "SUPPORT" and target.kind not in ("person", "organization", "group"):
        return None  # praise of a person or a body, not of a country's policy
    note = f"{speaker.name!r} judges {target.name!r} with {word.text!r} (statement {st.id})"
    rule = f"{how}/{word.lemma_.lower()}"
    return _candidate(word, anchor, speaker, target, rule, note, word.lemma_.lower(), type_)
