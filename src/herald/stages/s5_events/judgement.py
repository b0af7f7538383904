"""Judgements of a party in what a speaker says (lexicon: ``lexicons/judgement.yaml``).

In political news most events are verbal: a speaker calls someone "a liar", "a threat to democracy",
"unfit" (ACCUSE), "a hero" (SUPPORT), or says what they did has hurt someone ("X's tariffs have caused
factories to close"). The statements stage gives the speaker; this module reads the predicate:

- ``predicate``: the word of a clause's predicate that judges its subject, with the type it gives and the
  mechanism (``judgement:negative`` or ``judgement:positive``): a noun or adjective of contempt, danger or
  esteem after a copula or a light verb ("is a threat to", "poses a danger to", "has become an
  embarrassment"), a verb of damage or misconduct ("hurt farmers", "devastated the economy", "bungled the
  response"), or a verb of causation whose result is a harm ("caused factories to close", "led to the loss
  of jobs"). speech_content.py calls it for the clauses of indirect contents and of direct quotations, where
  the subject must name an actor other than the speaker (``_judged``): "the storm was a disaster for
  farmers" judges no actor, and is no event.
- ``judging_word``: the evaluative word of a characterisation ("called X a threat to democracy"), read by
  candidates.py's ``_characterize`` beside event_evaluation.yaml's terms.
- ``lost_characterizer``: "Lopez, a senator since 2010, called Tuesday's decree “tyranny”":
  the parser hung the verb of naming on the sentence's root noun as a reduced relative; with a judging
  predicate, no "by" agent and no main verb, that noun is who speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Token

from ...knowledge import layered_files, read_fields
from .actor_index import actor_for_token
from .filters import ARMED_SECTORS
from .lexicon import load_lexicon

NEGATIVE = "judgement:negative"
POSITIVE = "judgement:positive"
COPULAS = frozenset({"be", "become", "remain", "seem", "look", "sound", "prove"})
PREDICATES = frozenset({"attr", "acomp", "oprd"})
# Where a verb of causation puts what it brings about: its object, a caused clause, "to"/"in" ("lead to",
# "result in").
RESULT_PREPS = frozenset({"to", "in"})
# Auxiliaries of a forecast: "would be a threat to his bid" foresees a risk rather than judging.
FORECAST = frozenset({"will", "would", "could", "might", "may", "'ll", "'d"})
# Where a predicate's own words end: the clauses and conjuncts hung on it ("a bigot who won't win votes").
PHRASE_ENDS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct"})
CLAUSES = PHRASE_ENDS | {"appos"}  # and an apposition: "a threat, the worst in years"


@dataclass(frozen=True)
class Judgement:
    """judgement.yaml, one field per key (lemmas, lower-cased)."""

    negative_nouns: frozenset[str]  # contempt, danger or blame
    negative_adjectives: frozenset[str]
    positive_nouns: frozenset[str]
    positive_adjectives: frozenset[str]
    harm_verbs: frozenset[str]
    fault_verbs: frozenset[str]
    cause_verbs: frozenset[str]
    harm_outcomes: frozenset[str]
    pose_verbs: frozenset[str]
    risk_nouns: frozenset[str]
    blame_adjectives: frozenset[str]
    blamed_acts: frozenset[str]
    performance_verbs: frozenset[str]
    performance_nouns: frozenset[str]

    @cached_property
    def negative(self) -> frozenset[str]:
        return self.negative_nouns | self.negative_adjectives

    @cached_property
    def blamed(self) -> frozenset[str]:
        """Acts one is blamed for, harms included ("responsible for the loss of jobs")."""
        return self.blamed_acts | self.harm_outcomes


@lru_cache(maxsize=1)
def judgement_lexicon() -> Judgement:
    """The shipped judgement.yaml and users' files of the same path, merged (``read_fields``: a misspelt key
    or an unquoted boolean in a list is an error that names the file)."""
    return read_fields(Judgement, layered_files("lexicons/judgement.yaml"), norm=lambda w: str(w).lower())


def own_words(tok: Token, ends: frozenset[str] = CLAUSES) -> list[Token]:
    """A predicate's words without what hangs on it by one of ``ends`` ("a threat who must go" -> "a
    threat")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in ends:
            out.extend(own_words(c, ends))
    return out


def negated(tok: Token) -> bool:
    """A "not", "never" or "no" on the word."""
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in tok.children)


def _key(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def judging_word(pred: Token) -> tuple[Token, str] | None:
    """The word of a predicate ("a threat to democracy", "a true patriot", "treacherous") that judges what
    it is said of, with the mechanism; words of a negated predicate judge nothing."""
    lex = judgement_lexicon()
    if pred.pos_ == "ADP":  # "described him as a true patriot"
        pred = next((c for c in pred.children if c.dep_ == "pobj"), pred)
    if any(negated(t) for t in own_words(pred)):
        return None
    # the predicate's head words and their modifiers, not words deep in its phrases ("an appropriate
    # response to China's threat" judges nothing of its subject)
    heads = [pred, *pred.conjuncts]
    words = [*heads, *(c for h in heads for c in h.children if c.dep_ in ("amod", "compound"))]
    forecast = any(c.dep_ == "aux" and c.lower_ in FORECAST for c in pred.head.children)
    for t in words:
        if t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and set(_key(t)) & lex.negative:
            if forecast and t.lemma_.lower() in lex.risk_nouns:
                continue  # "would be the biggest threat to his bid": a risk foreseen, no one judged
            return t, NEGATIVE
    lemma = pred.lemma_.lower()
    if pred.pos_ == "NOUN" and lemma in lex.positive_nouns:
        return pred, POSITIVE
    if pred.pos_ == "ADJ" and lemma in lex.positive_adjectives:
        return pred, POSITIVE
    mods = [m for a in pred.children if a.dep_ == "amod" for m in (a, *a.conjuncts)]
    merit = next((a for a in mods if a.lemma_.lower() in lex.positive_adjectives), None)
    if pred.pos_ == "NOUN" and merit is not None:
        return merit, POSITIVE  # "the best candidate", "a thoughtful leader"
    return None


def _harm_result(verb: Token) -> Token | None:
    """What a verb of causation brings about, when it is a harm: "caused the closure of", "led to the loss
    of jobs", "caused factories to close"."""
    outcomes = judgement_lexicon().harm_outcomes
    heads: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj", "attr") or (c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")):
            heads.append(c)
        elif c.dep_ == "prep" and c.lower_ in RESULT_PREPS:
            heads.extend(p for p in c.children if p.dep_ == "pobj")
    for h in heads:
        if h.pos_ in ("VERB", "AUX"):
            if h.lemma_.lower() in outcomes and not negated(h):
                return h
            continue
        for t in own_words(h):
            if t.pos_ in ("NOUN", "VERB") and set(_key(t)) & outcomes:
                return t
    return None


def predicate(v: Token) -> tuple[Token, str, str] | None:
    """The word of the predicate headed by ``v`` that judges its subject, the type it gives (ACCUSE or
    SUPPORT) and the mechanism, or None. The caller checks the subject (an actor, not the speaker) and
    that ``v`` is not negated and codes no event of its own."""
    lex = judgement_lexicon()
    lemma = v.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    preds: list[Token] = []
    if lemma in COPULAS or v.pos_ == "ADJ":
        preds = [c for c in v.children if c.dep_ in PREDICATES] or ([v] if v.pos_ == "ADJ" else [])
    elif lemma in lex.pose_verbs and v.pos_ == "VERB":
        preds = [c for c in v.children if c.dep_ in ("dobj", "obj")]  # "poses a threat to Europe"
    for p in preds:
        got = _blamed_for(p) or judging_word(p)
        if got is not None:
            word, how = got
            return word, "ACCUSE" if how == NEGATIVE else "SUPPORT", how
    if lemma in lex.performance_verbs and not passive and (rated := _performance(v)) is not None:
        word, how = rated
        return word, "ACCUSE" if how == NEGATIVE else "SUPPORT", how
    if v.pos_ != "VERB" or passive:
        return None  # "farmers were hurt by the tariffs": the subject suffered, it did not harm
    if lemma in lex.fault_verbs:
        return v, "ACCUSE", NEGATIVE  # "erred by raising expectations", "bungled the response"
    if lemma in lex.harm_verbs and not _armed_subject(v):
        return v, "ACCUSE", NEGATIVE  # "his tariffs hurt farmers"
    if lemma in lex.cause_verbs:
        result = _harm_result(v)
        if result is not None:
            return result, "ACCUSE", NEGATIVE
    return None


def _blamed_for(pred: Token) -> tuple[Token, str] | None:
    """ "was responsible for the attack", "is accountable for the deaths": blame for a harm or a violent
    act ("responsible for the security of the region" blames nobody)."""
    lex = judgement_lexicon()
    if pred.lemma_.lower() not in lex.blame_adjectives or negated(pred):
        return None
    for prep in (c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() in lex.blamed or pobj.lower_ in lex.blamed:
                return pred, NEGATIVE
    return None


def _performance(verb: Token) -> tuple[Token, str] | None:
    """ "has done a terrible job", "did great work": a rated performance judges who performed."""
    lex, ev = judgement_lexicon(), load_lexicon()  # the event lexicon's evaluative terms rate it too
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        if obj.lemma_.lower() not in lex.performance_nouns:
            continue
        for mod in (c for c in obj.children if c.dep_ == "amod"):
            word = mod.lemma_.lower()
            if word in lex.negative or word in ev.negative_terms or mod.lower_ in ev.negative_terms:
                return mod, NEGATIVE
            if (
                word in lex.positive_adjectives
                or word in ev.positive_terms
                or mod.lower_ in ev.positive_terms
            ):
                return mod, POSITIVE
    return None


def _armed_subject(verb: Token) -> bool:
    """ "The rebels damaged the pipeline": damage done by an armed force is a material act, not a policy's
    harm a speaker blames."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    actor = actor_for_token(subj) if subj is not None else None
    return actor is not None and (actor.sector or "") in ARMED_SECTORS


def lost_characterizer(verb: Token) -> Token | None:
    """ "Lopez, a senator since 2010, called Tuesday's decree “tyranny”": a verb of naming the
    parser made a reduced relative (acl, VBN) of the sentence's root noun, in a sentence with no main verb,
    no "by" agent and final punctuation: the root noun is its subject (the caller checks that its predicate
    judges)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT":
        return None
    if head.pos_ in ("VERB", "AUX") or head.i > verb.i:  # the root noun may be mistagged ("Lopez" ADJ)
        return None
    if any(c.dep_ in ("agent", "auxpass", "aux") for c in verb.children):
        return None  # "a party called “a sham” by its critics": the critics call it
    if not any(c.dep_ in PREDICATES for c in verb.children):
        return None
    last = next((t for t in reversed(list(verb.sent)) if not t.is_space), None)
    return head if last is not None and last.is_punct else None
