"""Pure functions: Doc -> Event records (PLOVER 2.0), by dependency patterns over the spaCy parse.

Per sentence, tokens are visited from the root down, so a control verb ("threatened to ban") or a verb with an
event noun as subject ("a bombing killed ...") is seen before the action it embeds and folds it in: one event,
never one per dyad. Triggers come from the verb/adjective/noun lexicons (data files); roles from roles.py;
modality from modality.py; date, place and attribution from attach.py; confidence from confidence.py.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
from spacy.attrs import LEMMA
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from ...schema import Actor, Event
from ...schema import Span as TextSpan
from ..common import doc_text, meta
from . import actor_index, attach, modality
from .actor_index import actor_for_token
from .confidence import score
from .lexicon import Entry, Lexicon, load_lexicon
from .ontology import Ontology, load_ontology
from .roles import (
    Resolved,
    agent_of,
    is_passive,
    passive_subject,
    resolve,
    slot,
    speech_governor,
    subject_of,
)

MAX_PER_SENTENCE = 4
# A match score written as one token ("3-1", "2–0").
SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")
# Where a verb's recipient is found when its lexicon entry does not say: transfers also take "to X".
DEFAULT_SLOTS = {
    t: ("dobj", "dative", "prep:to") for t in ("AID", "COOPERATE", "AGREE", "SUPPORT", "CONCEDE")
}
# Speech verbs whose "must"/"should" clause is a demand ("Russia said Sudan must return the helicopter").
SPEECH_DEMAND = frozenset(
    {
        "say",
        "announce",
        "tell",
        "state",
        "declare",
        "insist",
        "conclude",
        "stress",
        "reiterate",
        "add",
        "warn",
    }
)
OBLIGATION = frozenset({"must", "should"})
# Which actor kinds a subject pronoun may refer to when resolved from the previous sentence.
PRONOUN_KINDS = {
    "he": frozenset({"person"}),
    "she": frozenset({"person"}),
    "it": frozenset({"state", "organization"}),
    "they": frozenset({"group", "organization", "state"}),
}
# Complements of a non-actor object that name the recipient ("sanctions on Iran", "contact with the US").
OBJECT_PREPS = ("on", "against", "with", "to", "from", "by", "for")
RECIPIENT_PREPS = frozenset({"for", "by", "from"})
# Frames whose complement describes a role or an allegation ("responsible for attacks"), not an occurrence.
HOST_VERBS = frozenset({"host", "mediate", "broker", "sponsor", "organize", "organise"})
ROLE_NOUNS = frozenset({"facilitator", "leader", "commander", "member"})
BACKGROUND_FRAMES = frozenset(
    {
        "responsible",
        "involved",
        "suspect",
        "suspected",
        "known",
        "wanted",
        "blame",
        "involvement",
        "role",
        "linked",
        "associated",
        "notorious",
        "experience",
        # an accusation's content is alleged, not reported as fact: "accused India of violating the truce"
        "accuse",
        "accusation",
        "allegation",
        "charge",
    }
)
CONTENT_DEPS = ("xcomp", "ccomp")
# Prepositions introducing the action a control verb is about: "called for", "warned against", "agreed to".
CONTENT_PREPS = ("to", "for", "on", "against", "from")


@dataclass
class Candidate:
    """An event in the making, with the trace ``herald explain`` shows."""

    entry: Entry
    trigger: Token
    anchor: Token  # the verb whose modality and subject govern the event (support verb for nouns)
    kind: str  # verb | adj | noun+support | noun | noun+occur
    type: str
    mode: str | None
    contexts: list[str]
    actors: Resolved
    recipients: Resolved
    rule: str
    depth: int
    content: Token | None = None
    content_type: str | None = None
    cues: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    partners: Resolved = field(default_factory=Resolved)  # the other side of a mutual event ("met X")


def _mutual(
    two_sided: bool, actors: Resolved, recipients: Resolved, rule: str
) -> tuple[Resolved, Resolved, Resolved, str]:
    """A two-sided event ("X and Y clashed", "talks with Y") has all parties as actors and no recipient;
    the former recipients are kept as partners for the explanation. Returns (actors, recipients, partners,
    rule)."""
    if not two_sided:
        return actors, recipients, Resolved(), rule
    return _union(actors, recipients), Resolved(), recipients, rule + "-mutual"


def _union(a: Resolved, b: Resolved) -> Resolved:
    out = Resolved()
    out.extend(a)
    out.extend(b)
    return out


def _token_span(tok: Token) -> TextSpan:
    # Built from the token itself: Doc.text re-joins the whole document on every access.
    return TextSpan(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text)


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _lemma(tok: Token) -> str:
    lex = load_lexicon()
    lower = tok.lemma_.lower()
    lemma = lex.lemma_fixes.get(lower, lower)
    if tok.i >= 2 and tok.pos_ == "VERB":
        dash, first = tok.nbor(-1), tok.nbor(-2)
        joined = f"{first.lower_}-{lemma}"
        if dash.text == "-" and not dash.whitespace_ and not first.whitespace_ and joined in lex.verbs:
            return joined  # a hyphenated verb the lexicon lists ("test-fired": not a shooting)
    return lemma


def _clause(tok: Token) -> Token | None:
    """An embedded clause: xcomp/ccomp, or an infinitival adverbial ("vowed to fight" parsed as advcl)."""
    for c in tok.children:
        if c.dep_ in CONTENT_DEPS and c.pos_ in ("VERB", "AUX", "ADJ"):
            return c
    for c in tok.children:
        if (
            c.dep_ == "advcl"
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            return c
    return None


def _has_prt(tok: Token, prt: str) -> bool:
    # "shot down" is often parsed with "down" as an adverb
    return any(
        c.dep_ in ("prt", "prep", "agent", "dative", "advmod") and c.lower_ == prt for c in tok.children
    )


def _content(tok: Token, entry: Entry) -> Token | None:
    """The action a control verb embeds: an xcomp/ccomp clause, the object of its particle, or its object."""
    clause = _clause(tok)
    if clause is not None:
        return clause
    if True:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ((entry.prt,) if entry.prt else CONTENT_PREPS):
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        return p
    for c in tok.children:
        if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN":
            return c
    return None


def _object_lemmas(tok: Token, entry: Entry) -> set[str]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if is_passive(tok):
        ps = passive_subject(tok)
        if ps is not None:
            objs.append(ps)
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and (c.lower_ == entry.prt or c.lower_ == "as"):
            objs.extend(p for p in c.children if p.dep_ == "pobj")
    lemmas: set[str] = set()
    for o in objs:
        for h in (o, *o.conjuncts):
            lemmas.add(_lemma(h))
            for c in h.children:
                if c.dep_ in ("compound", "amod"):
                    lemmas.add(_lemma(c))
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            lemmas.add(_lemma(p))
                            lemmas.update(_lemma(x) for x in p.children if x.dep_ in ("compound", "amod"))
    return lemmas


def _subject_lemmas(tok: Token) -> set[str]:
    """Keys of the active subject: its head lemma ("troop") and "<modifier> <head>" for each compound/amod
    modifier, a named modifier (NORP/GPE/ORG entity) as "NAME" ("security force", "NAME force" for "Turkish
    forces"), so that a generic head ("forces") can be required to be qualified ("market forces" is not)."""
    subj = None if is_passive(tok) else subject_of(tok)
    if subj is None:
        return set()
    keys: set[str] = set()
    for h in (subj, *subj.conjuncts):
        head = _lemma(h)
        keys.add(head)
        for c in h.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss"):
                keys.add(f"{_lemma(c)} {head}")
                if c.ent_type_ in ("NORP", "GPE", "ORG"):
                    keys.add(f"NAME {head}")
    return keys


def match_verb(tok: Token, entries: tuple[Entry, ...]) -> Entry | None:
    for e in entries:
        if e.prt and not _has_prt(tok, e.prt):
            continue
        if e.no_object and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            continue
        if e.needs_xcomp or e.xcomp:
            content = _clause(tok)
            if content is None and not (e.prt and _has_prt(tok, e.prt)):
                continue
            if e.xcomp and (content is None or _lemma(content) not in e.xcomp):
                continue
        if e.objects and not (_object_lemmas(tok, e) & e.objects):
            continue
        if e.subjects and not (_subject_lemmas(tok) & e.subjects):
            continue
        return e
    return None


def _noun_entry(tok: Token, entries: tuple[Entry, ...]) -> Entry | None:
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    for e in entries:
        if e.with_ and not (e.with_ & mods):
            continue
        return e
    return None


def content_type(tok: Token, lex: Lexicon) -> tuple[str | None, Entry | None]:
    """The event type of an embedded action, if the lexicons know it."""
    lemma = _lemma(tok)
    if tok.pos_ in ("VERB", "AUX") and lemma in lex.verbs:
        e = match_verb(tok, lex.verbs[lemma])
        if e is not None:
            return e.type, e
    if tok.pos_ in ("VERB", "AUX") and (lemma in lex.support_verbs or lemma in lex.intent_verbs):
        for c in tok.children:  # "promised to continue military aid": the object noun names the action
            if c.dep_ in ("dobj", "obj") and _lemma(c) in lex.nouns:
                e = _noun_entry(c, lex.nouns[_lemma(c)])
                if e is not None and (e.support is None or lemma in e.support):
                    return e.type, e
        return None, None
    if tok.pos_ in ("VERB", "AUX") and lemma in lex.onward_verbs:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    if p.dep_ == "pobj" and _lemma(p) in lex.nouns:
                        e = _noun_entry(p, lex.nouns[_lemma(p)])
                        if e is not None:
                            return e.type, e
    if tok.pos_ == "ADJ" and lemma in lex.adjectives:
        e = lex.adjectives[lemma][0]
        return e.type, e
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma in lex.nouns:
            e = _noun_entry(tok, lex.nouns[lemma])
            return (e.type, e) if e else (None, None)
        for c in tok.children:  # "a mediation effort", "an aid package"
            if c.dep_ == "compound" and _lemma(c) in lex.nouns and lemma in lex.light_nouns:
                e = _noun_entry(c, lex.nouns[_lemma(c)])
                return (e.type, e) if e else (None, None)
    return None, None


@functools.lru_cache(maxsize=4)
def _known_hashes(lex: Lexicon) -> frozenset[int]:
    words = set(lex.verbs) | set(lex.adjectives) | set(lex.nouns) | set(lex.lemma_fixes) | SPEECH_DEMAND
    return frozenset(hash_string(w) for w in words)


@functools.lru_cache(maxsize=4)
def _known_array(lex: Lexicon) -> np.ndarray:
    return np.fromiter(_known_hashes(lex), dtype=np.uint64)


def _known_tokens(doc: Doc, lex: Lexicon) -> list[int]:
    """Indices of the Doc's tokens whose lemma a lexicon knows: one vectorised pass, not a Token per word."""
    lemmas = doc.to_array(LEMMA).astype(np.uint64, copy=False)
    return [int(i) for i in np.flatnonzero(np.isin(lemmas, _known_array(lex)))]


def _background_role(anchor: Token) -> bool:
    """ "responsible for conducting attacks", "suspected of blowing up a plane": a description of someone's
    role or an allegation, not a reported occurrence."""
    cur = anchor
    for _ in range(3):
        if cur.dep_ in ("pcomp", "pobj") and cur.head.dep_ == "prep":
            gov = cur.head.head
            if gov.lemma_.lower() in BACKGROUND_FRAMES:
                return True
            cur = gov
            continue
        return cur.dep_ in ("acl", "relcl") and cur.head.lemma_.lower() in ROLE_NOUNS
    return False


def _record_clause(anchor: Token) -> str | None:
    """A present-perfect relative clause on an actor ("al-Shabaab, which has killed hundreds in recent years")
    sums up the actor's record: background, not a new event."""
    if anchor.dep_ != "relcl" or actor_for_token(anchor.head) is None:
        return None
    if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in anchor.children):
        return f"present-perfect relative clause on {anchor.head.text!r} describes its record"
    return None


def _nonspecific(anchor: Token) -> bool:
    """A participle or relative clause describing a non-specific thing ("any deal reached", "no ceasefire
    agreed by both sides"): nothing has happened."""
    if anchor.dep_ not in ("acl", "relcl"):
        return False
    return any(
        c.dep_ == "det" and c.lower_ in ("any", "no", "every", "whatever") for c in anchor.head.children
    )


class _Sentence:
    """Coding of one sentence."""

    def __init__(
        self, doc: Doc, sent: Span, lex: Lexicon, onto: Ontology, hits: list[int] | None = None
    ) -> None:
        self.doc, self.sent, self.lex, self.onto = doc, sent, lex, onto
        self.hits = hits  # indices of the sentence's tokens with a known lemma, when the caller found them
        self.consumed: set[int] = set()
        self.matched: dict[int, Candidate] = {}
        self.blocked = frozenset(lex.nouns)
        self.known = _known_hashes(lex)

    # --- roles ---------------------------------------------------------------------------------------
    def _resolve(self, tok: Token | None, *, infer: bool = True) -> Resolved:
        if tok is None:
            return Resolved()
        blocked = _lemma(tok) in self.blocked
        return resolve(tok, infer=infer and not blocked)

    def _actor_from_subject(self, verb: Token, cand_notes: list[str]) -> Resolved:
        subj = agent_of(verb) if is_passive(verb) else subject_of(verb)
        res = self._resolve(subj)
        if subj is not None and not res.actors and subj.pos_ == "PRON":
            gov = speech_governor(verb)
            speaker = subject_of(gov) if gov is not None else None
            if speaker is not None and speaker.i != subj.i:
                res = self._resolve(speaker)
                res.how = ["pronoun->speaker" for _ in res.how]
                if res.actors:
                    cand_notes.append(f"pronoun {subj.text!r} resolved to the speaker {speaker.text!r}")
        if subj is not None and not res.actors and subj.lower_ in PRONOUN_KINDS:
            prev = self._previous_subject(subj)
            if prev is not None:
                res = Resolved(tokens=[subj])
                res.add(prev, "pronoun->previous")
                cand_notes.append(
                    f"pronoun {subj.text!r} resolved to {prev.name!r}, subject of the previous sentence"
                )
        if subj is not None:
            self._fold_subject_noun(subj, res, cand_notes)
        return res

    def _previous_subject(self, pron: Token) -> Actor | None:
        """The one actor a sentence-initial pronoun can refer to: the subject of the previous sentence in the
        same paragraph, when its kind fits ("he"/"she" a person, "it" a state or organisation)."""
        doc, start = self.doc, self.sent.start
        if start == 0 or any(t.i < pron.i and t.pos_ in ("NOUN", "PROPN") for t in self.sent):
            return None
        prev = doc[start - 1].sent
        gap = [t for t in (*prev[-2:], *self.sent[:2]) if t.is_space]
        if any("\n\n" in t.text or t.text.count("\n") > 1 for t in gap):
            return None  # a new paragraph
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        found = resolve(subj, infer=False).actors
        kinds = PRONOUN_KINDS[pron.lower_]
        if len(found) == 1 and found[0].kind in kinds:
            return found[0]
        return None

    def _fold_subject_noun(self, subj: Token, res: Resolved, notes: list[str]) -> None:
        """A subject that is itself an event noun ("a roadside bombing killed ...") joins this event."""
        lemma = _lemma(subj)
        if lemma in self.lex.nouns:
            self.consumed.add(subj.i)
            own = self._noun_own_actors(subj)
            if not res.actors:
                res.extend(own)
            notes.append(f"subject {subj.text!r} is an event noun folded into this event")

    def _recipients(self, tok: Token, slots: tuple[str, ...], passive: bool) -> Resolved:
        out = Resolved()
        if passive:
            out.extend(self._resolve_recipient(passive_subject(tok)))
        for name in slots:
            if passive and name == "dobj":
                continue
            for arg in slot(tok, name):
                out.extend(self._resolve_recipient(arg))
        if not out.actors:
            # "boycott all contact with the US", "rejected calls by Belarus's rulers": the object is not an
            # actor; its with/against/on/to/from complement (or its by-agent) names the recipient.
            for obj in slot(tok, "dobj") + ([passive_subject(tok)] if passive else []):
                if obj is None:
                    continue
                for p in OBJECT_PREPS:
                    for arg in slot(obj, f"prep:{p}"):
                        out.extend(self._resolve(arg))
        return out

    def _resolve_recipient(self, tok: Token | None) -> Resolved:
        if tok is None:
            return Resolved()
        return resolve(tok, infer=_lemma(tok) not in self.blocked, extra_preps=RECIPIENT_PREPS)

    def _noun_own_actors(self, noun: Token) -> Resolved:
        out = Resolved()
        for c in noun.children:
            if c.dep_ == "poss" or (
                c.dep_ in ("amod", "compound", "nmod") and actor_for_token(c) is not None
            ):
                out.extend(self._resolve(c, infer=False))
            elif c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(self._resolve(p))
        return out

    # --- triggers ------------------------------------------------------------------------------------
    def code(self) -> list[Candidate]:
        # Only tokens whose lemma is in a lexicon can trigger (compared by hash: cheap); root first.
        if self.hits is not None:
            hits = [self.doc[i] for i in self.hits]
        else:
            known = self.known
            hits = [t for t in self.sent if t.lemma in known]
        if not hits:
            return []
        tokens = sorted(hits, key=lambda t: (_depth(t), t.i))
        out: list[Candidate] = []
        for tok in tokens:
            if tok.i in self.consumed:
                continue
            lemma = _lemma(tok)
            if tok.pos_ == "PROPN" and actor_for_token(tok) is not None:
                continue  # part of a name ("Strike Force", "Peace Now")
            cand: Candidate | None = None
            if lemma in SPEECH_DEMAND and tok.pos_ == "VERB":
                cand = self._speech_demand(tok)
                if cand is not None:
                    self.matched[tok.i] = cand
                    out.append(cand)
                    continue
            if tok.pos_ == "VERB" and tok.dep_ != "amod" and lemma in self.lex.verbs:
                cand = self._verb(tok, self.lex.verbs[lemma], "verb")
            elif tok.pos_ == "ADJ" and lemma in self.lex.adjectives:
                cand = self._verb(tok, self.lex.adjectives[lemma], "adj")
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
                cand = self._noun(tok, self.lex.nouns[lemma])
            if cand is not None and cand.entry.ambiguous and not cand.actors.actors:
                cand = None  # an ambiguous trigger ("travel", "host", "engage") needs a resolved actor
            if cand is not None and _background_role(cand.anchor):
                cand.notes.append("describes a role, not an occurrence")
                cand = None
            if cand is not None and _nonspecific(cand.anchor):
                cand = None  # "to monitor any ceasefire agreed by the two sides": no ceasefire was agreed
            if cand is not None and lemma in self.lex.sports_verbs and self._sports():
                cand = None  # "City beat Arsenal 3-1": a match result, not violence
            if cand is not None and self._protest_purpose(cand):
                cand = None  # "blocked roads to demand higher prices": the demand is the protest's aim
            if cand is not None:
                self.matched[tok.i] = cand
                out.append(cand)
        return out

    def _sports(self) -> bool:
        """The sentence reports sport: a score ("3-1", "3 - 1") or a sports cue word."""
        toks = list(self.sent)
        for i, t in enumerate(toks):
            if _lemma(t) in self.lex.sports_cues:
                return True
            if SCORE.fullmatch(t.text):
                return True
            if t.like_num and i + 2 < len(toks) and toks[i + 1].text in ("-", "–") and toks[i + 2].like_num:
                a, b = t.text, toks[i + 2].text
                if a.isdigit() and b.isdigit() and len(a) <= 2 and len(b) <= 2:
                    return True
        return False

    def _protest_purpose(self, cand: Candidate) -> bool:
        """A REQUEST in the purpose clause of a protest ("marched to demand reforms") is the protest's aim:
        PLOVER codes demands made by demonstrating as PROTEST, so no second event."""
        if cand.type != "REQUEST":
            return False
        tok = cand.anchor
        if tok.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            return False
        head = self.matched.get(tok.head.i)
        return head is not None and head.type == "PROTEST"

    def _speech_demand(self, tok: Token) -> Candidate | None:
        """ "X said Y must Z": a demand by the speaker on Y (REQUEST), whatever Z is."""
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if clause is None:
            return None
        aux = next((a for a in clause.children if a.dep_ == "aux" and a.lower_ in OBLIGATION), None)
        if aux is None or any(c.dep_ == "neg" for c in clause.children):
            return None
        notes: list[str] = [f"{tok.text!r} + {aux.text!r}: the speaker demands that the subject act"]
        actors = self._actor_from_subject(tok, notes)
        subj = subject_of(clause)
        recipients = self._resolve(subj) if subj is not None and subj.pos_ != "PRON" else Resolved()
        if not recipients.actors and not actors.actors:
            return None
        ctype, centry = content_type(clause, self.lex)
        for x in clause.subtree:
            if x.pos_ in ("VERB", "NOUN", "ADJ") and x.i != tok.i:
                self.consumed.add(x.i)
        entry = Entry(lemma=_lemma(tok), pos="verb", type="REQUEST", ambiguous=True)
        cand = Candidate(
            entry,
            tok,
            tok,
            "verb",
            "REQUEST",
            self.onto.content_mode("REQUEST", ctype),
            [],
            actors,
            recipients,
            f"pattern:say-{aux.lower_}/nsubj+content:{centry.name if centry else _lemma(clause)}",
            _depth(tok),
            content=clause,
            content_type=ctype,
            notes=notes,
        )
        return cand

    def _chained(self, tok: Token, type_: str) -> bool:
        """A second verb of the same type coordinated with or subordinate to a coded one ("attacked ...,
        killing 156"), or describing a coded event noun ("an attack that killed 18"), belongs to the same
        event."""
        cur = tok
        for _ in range(3):
            if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
                prev = self.matched.get(cur.head.i)
                return prev is not None and prev.type == type_ and prev.trigger.i == cur.head.i
            if cur.dep_ not in ("conj", "advcl", "xcomp") or cur.head.i == cur.i:
                return False
            cur = cur.head
            prev = self.matched.get(cur.i)
            if prev is not None and prev.type == type_:
                return True
        return False

    def _verb(self, tok: Token, entries: tuple[Entry, ...], kind: str) -> Candidate | None:
        if kind == "adj" and tok.dep_ not in ("acomp", "ROOT", "xcomp", "ccomp", "conj"):
            return None
        entry = match_verb(tok, entries)
        if entry is None:
            return None
        if self._chained(tok, entry.type):
            return None
        notes: list[str] = []
        subj = subject_of(tok)
        if subj is not None and _lemma(subj) in self.lex.non_agents:
            return None  # "the storm killed 12 people"
        passive = is_passive(tok) and kind == "verb"
        anchor = tok.head if kind == "adj" and tok.dep_ == "acomp" else tok
        actors = self._actor_from_subject(anchor if kind == "adj" else tok, notes)
        if passive and entry.control and agent_of(tok) is None:
            # "Vietnam is committed to opening up": the passive subject is the one committed.
            actors = self._resolve(passive_subject(tok))
            passive = False
        slots = entry.recipient or DEFAULT_SLOTS.get(entry.type, ("dobj",))
        if entry.control and not entry.recipient:
            slots = ("dobj", "dative")
        recipients = self._recipients(tok, slots, passive)
        for conj in tok.conjuncts:  # "donated and delivered goods to X": coordinated verbs share arguments
            if conj.pos_ == "VERB" and not recipients.actors:
                recipients.extend(self._recipients(conj, slots, is_passive(conj)))
        rule = f"{entry.name}/{'agent' if passive else 'nsubj'}"
        if entry.roles == "host":
            actors, recipients = recipients, actors
            rule += "-host"
        actors, recipients, partners, rule = _mutual(entry.two_sided, actors, recipients, rule)
        cand = Candidate(
            entry,
            tok,
            anchor,
            kind,
            entry.type,
            entry.mode,
            list(entry.contexts),
            actors,
            recipients,
            rule,
            _depth(tok),
            notes=notes,
            partners=partners,
        )
        if entry.control:
            self._control(cand)
        if cand.type == "ASSAULT":
            self._instrument(cand)
        return cand

    def _instrument(self, cand: Candidate) -> None:
        """ "killed in an airstrike", "aircraft engaged the position": the instrument gives the mode, and an
        instrument that is itself an event noun is folded in."""
        tok = cand.trigger
        found: list[Token] = []
        subj = subject_of(tok)
        if subj is not None:
            found.append(subj)
        # A participle clause shares its head's instrument: "engaged them with an airstrike, killing four".
        heads = (tok, tok.head) if tok.dep_ in ("advcl", "conj") else (tok,)
        for h in heads:
            for c in h.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in (
                    "with",
                    "in",
                    "during",
                    "by",
                    "using",
                    "through",
                ):
                    found.extend(p for p in c.children if p.dep_ == "pobj")
                    for g in c.children:
                        if g.dep_ == "pcomp" and g.tag_ == "VBG" and c.lower_ in ("in", "during"):
                            self._fold_gerund(cand, g)  # "killed in shelling by separatist forces"
        for inst in found:
            lemma = _lemma(inst)
            mods = [lemma, *(_lemma(m) for m in inst.children if m.dep_ in ("compound", "amod"))]
            mode = next((self.lex.instrument_modes[m] for m in mods if m in self.lex.instrument_modes), None)
            if lemma in self.lex.nouns:
                ne = _noun_entry(inst, self.lex.nouns[lemma])
                if ne is not None and ne.type == cand.type:
                    self.consumed.add(inst.i)
                    mode = mode or ne.mode
            if mode and not cand.mode:
                cand.mode = mode
                cand.cues["instrument"] = inst.text

    def _fold_gerund(self, cand: Candidate, g: Token) -> None:
        """A gerund of the same type naming how the event happened is the same event: its mode and its "by"
        agent (when the event has no actor yet) are the event's."""
        entries = self.lex.verbs.get(_lemma(g))
        ge = match_verb(g, entries) if entries else None
        if ge is None or ge.type != cand.type:
            return
        self.consumed.add(g.i)
        if ge.mode and not cand.mode:
            cand.mode = ge.mode
            cand.cues["instrument"] = g.text
        if not cand.actors.actors:
            for c in g.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            got = self._resolve(p)
                            if got.actors:
                                cand.actors = got
                                cand.notes.append(f"actor from the 'by' agent of {g.text!r}")

    def _control(self, cand: Candidate) -> None:
        """Fold the embedded action into a control verb's event and derive the mode from it."""
        tok, entry = cand.trigger, cand.entry
        content = _content(tok, entry)
        if content is None:
            return
        ctype, centry = content_type(content, self.lex)
        cand.content, cand.content_type = content, ctype
        self._content_recipients(cand, content, centry)
        for c in (content, *content.conjuncts):
            self.consumed.add(c.i)
            for o in c.children:  # "threatened to impose sanctions": the sanctions are the threat's content
                if o.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
                    self.consumed.update(x.i for x in (o, *o.conjuncts))
        if ctype is None or centry is None:
            cand.rule += f"+content:{_lemma(content)}"
            if cand.type in ("REQUEST", "REJECT"):
                cand.mode = cand.mode or self.onto.content_mode(cand.type, None)
            return
        cand.rule += f"+content:{centry.name}"
        cand.notes.append(f"embedded action {content.text!r} is {ctype}")
        if cand.type == "AGREE" and ctype in self.onto.intent_to_threaten:
            cand.type = "THREATEN"
            cand.rule += "=>THREATEN"
        if cand.type == "THREATEN":
            cand.mode = cand.mode or self.onto.content_mode("THREATEN", ctype, centry.mode)
        elif cand.type in ("REQUEST", "REJECT"):
            cand.mode = cand.mode or self.onto.content_mode(cand.type, ctype, centry.mode)
        cand.contexts.extend(c for c in centry.contexts if c not in cand.contexts)

    def _content_recipients(self, cand: Candidate, content: Token, centry: Entry | None) -> None:
        """The recipient of a control verb's event, from what it embeds when the verb itself has none:
        the subject of a demanded clause ("demanded that the US cancel"), else the target of the embedded
        action ("threatened to ban X", "threatened action against Russia", "rejected calls by X")."""
        if cand.recipients.actors:
            return
        rec = Resolved()
        if cand.type == "REQUEST" and content.pos_ in ("VERB", "AUX"):
            subj = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                rec = self._resolve(subj)
        if not rec.actors and content.pos_ in ("VERB", "AUX"):
            slots = (
                *((centry.recipient if centry else ()) or ("dobj",)),
                "prep:to",
                "prep:on",
                "prep:against",
                "dative",
            )
            rec = self._recipients(content, slots, is_passive(content))
        elif not rec.actors and content.pos_ in ("NOUN", "PROPN"):
            for name in (
                "prep:against",
                "prep:on",
                "prep:with",
                "prep:to",
                "prep:of",
                "prep:by",
                "prep:from",
            ):
                for arg in slot(content, name):
                    rec.extend(self._resolve(arg))
            if not rec.actors:
                rec = self._noun_own_actors(content)
        if rec.actors:
            cand.recipients = rec
            cand.notes.append("recipient taken from the embedded action")

    def _noun(self, tok: Token, entries: tuple[Entry, ...]) -> Candidate | None:
        entry = _noun_entry(tok, entries)
        if entry is None:
            return None
        anchor = tok
        if tok.dep_ == "compound" and _lemma(tok.head) in self.lex.light_nouns:
            anchor = tok.head  # "a mediation effort"
        elif (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.pos_ == "NOUN"
            and tok.head.head.dep_ in ("dobj", "nsubjpass", "obj")
        ):
            anchor = tok.head.head  # "25,000 tons of food aid", "a series of attacks"
        head = anchor.head
        support: Token | None = None
        if anchor.dep_ in ("dobj", "nsubjpass", "obj") and head.pos_ in ("VERB", "AUX"):
            support = head
        elif (
            anchor.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in ("on", "in", "into")
            and head.head.pos_ == "VERB"
        ):
            support = head.head  # "went on strike", "engaged in talks"
        type_ = entry.type
        notes: list[str] = []
        if support is not None:
            sl = _lemma(support)
            if entry.support is not None:
                if sl not in entry.support:
                    support = None
                else:
                    type_ = entry.support[sl] or entry.type
            elif sl not in self.lex.support_verbs and sl not in self.lex.intent_verbs:
                support = None
        if support is not None and support.i in self.matched:
            return None  # the verb is a trigger itself and already coded ("signed an agreement")
        if support is not None:
            if _lemma(support) in self.lex.intent_verbs and type_ in self.onto.future_to_agree:
                notes.append(f"{support.text!r} announces the action: AGREE")
                type_ = "AGREE"
            actors = self._actor_from_subject(support, notes)
            if (
                not actors.actors
                and is_passive(support)
                and agent_of(support) is None
                and anchor.dep_ == "pobj"
            ):
                actors = self._resolve(passive_subject(support))  # "forces were engaged in ethnic cleansing"
            if not actors.actors:
                actors.extend(self._noun_own_actors(tok))
            slots = entry.recipient or ("prep:against", "prep:on", "prep:with", "prep:to")
            recipients = Resolved()
            for node in (anchor, tok, support):
                for name in (*slots, "dative") if node.i == support.i else slots:
                    for arg in slot(node, name):
                        recipients.extend(self._resolve(arg))
            if is_passive(support):
                recipients = Resolved() if not recipients.actors else recipients
            rule = f"{entry.name}/support:{_lemma(support)}"
            kind = "noun+support"
            mod_anchor = support
        else:
            if not entry.own:
                return None
            actors = self._noun_own_actors(tok)
            recipients = Resolved()
            between = [
                p
                for c in (*tok.children, *anchor.children)
                if c.dep_ == "prep" and c.lower_ == "between"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if not between and anchor.head.pos_ == "VERB":
                between = [
                    p
                    for c in anchor.head.children
                    if c.dep_ == "prep" and c.lower_ == "between"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
            for p in between:
                (recipients if "prep:between" in entry.recipient else actors).extend(self._resolve(p))
            slots = entry.recipient or ("prep:against", "prep:on", "prep:with")
            for name in slots:
                if name == "prep:between":
                    continue
                for arg in slot(tok, name):
                    recipients.extend(self._resolve(arg))
            kind, rule, mod_anchor = "noun", f"{entry.name}/own", tok
            if not actors.actors:
                if anchor.dep_ == "nsubj" and _lemma(head) in self.lex.occurrence_verbs:
                    kind, rule, mod_anchor = "noun+occur", f"{entry.name}/occur:{_lemma(head)}", head
                elif not between:
                    return None
        actors, recipients, partners, rule = _mutual(entry.two_sided, actors, recipients, rule)
        cand = Candidate(
            entry,
            tok,
            mod_anchor,
            kind,
            type_,
            entry.mode,
            list(entry.contexts),
            actors,
            recipients,
            rule,
            _depth(tok),
            notes=notes,
            partners=partners,
        )
        if type_ in ("REQUEST", "THREATEN", "REJECT"):
            self._noun_content(cand)
        return cand

    def _noun_content(self, cand: Candidate) -> None:
        """ "its demand that Israel ease restrictions", "a threat to cut aid": the content is not coded."""
        for c in cand.trigger.children:
            content = None
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") and c.dep_ != "relcl":
                content = c
            elif c.dep_ == "prep" and c.lower_ in ("for", "of"):
                content = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if content is None:
                continue
            ctype, centry = content_type(content, self.lex)
            self.consumed.update(x.i for x in content.subtree if x.pos_ in ("VERB", "NOUN"))
            cand.content, cand.content_type = content, ctype
            if ctype and cand.type in ("REQUEST", "REJECT"):
                cand.mode = cand.mode or self.onto.content_mode(cand.type, ctype)
            elif ctype and cand.type == "THREATEN":
                cand.mode = cand.mode or self.onto.content_mode("THREATEN", ctype)
            cand.rule += f"+content:{centry.name if centry else _lemma(content)}"
            return


def _third_party(cand: Candidate) -> str | None:
    """A consultation hosted or brokered by someone else ("talks hosted by Qatar")."""
    for t in (cand.trigger, cand.anchor):
        for d in t.subtree:
            if d.dep_ == "acl" and _lemma(d) in HOST_VERBS and any(c.dep_ == "agent" for c in d.children):
                return d.text
            if d.lower_ == "auspices":
                return d.text
    return None


def _modality(cand: Candidate, doc: Doc, onto: Ontology) -> None:
    anchor = cand.anchor
    neg = modality.negation(
        cand.trigger if cand.kind == "noun" else anchor,
        cand.trigger if cand.kind.startswith("noun") else None,
    )
    fut = modality.future(anchor) if cand.kind != "noun" else None
    hyp = modality.hypothetical(anchor) if cand.kind != "noun" else None
    if cand.type == "THREATEN" and hyp and hyp.lower() in modality.CONDITION | {"if"}:
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
        else:
            cand.negated = True
    if fut and not cand.negated:
        cand.cues["future"] = fut
        if cand.type in onto.future_to_agree:
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
        elif cand.type in onto.intent_to_threaten and _own_announcement(cand, doc):
            cand.notes.append(f"announced future {cand.type} ({fut!r}) is a threat")
            cand.rule += f"+intent=>THREATEN({cand.type})"
            cand.mode = onto.content_mode("THREATEN", cand.type)
            cand.type = "THREATEN"
        elif cand.type not in ("AGREE", "THREATEN"):
            cand.future = True
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
        return bool(st and st.speaker and st.speaker in {a.id for a in cand.actors.actors})
    speaker = subject_of(gov)
    subj = subject_of(cand.anchor)
    if subj is not None and subj.pos_ == "PRON":
        return True
    if speaker is None:
        return False
    said = {a.id for a in resolve(speaker).actors}
    return bool(said) and said >= {a.id for a in cand.actors.actors}


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


def _build(doc: Doc, cand: Candidate, onto: Ontology, sent: Span, n: int) -> tuple[Event, dict[str, object]]:
    published: date | None = meta(doc).published
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
    hist = attach.historical(doc, time, sent, cand.anchor) or _record_clause(cand.anchor)
    if hist:
        cand.cues["historical"] = hist
    later = attach.after_publication(doc, time)
    if later and not cand.negated and cand.type not in ("AGREE", "THREATEN") and "future" not in cand.cues:
        cand.cues["future"] = later
        cand.future = True
    statement = attach.statement_for(doc, cand.trigger)
    gov = speech_governor(cand.anchor)
    if statement is None and gov is not None:
        cand.cues["reported"] = f"reported by {gov.text!r} (no statement record)"
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
        trigger=_token_span(cand.trigger),
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


def code_doc(doc: Doc) -> list[tuple[Event, dict[str, object]]]:
    """Events with their explanation traces."""
    with actor_index.bound(doc):
        return _code_sentences(doc)


def _code_sentences(doc: Doc) -> list[tuple[Event, dict[str, object]]]:
    lex, onto = load_lexicon(), load_ontology()
    out: list[tuple[Event, dict[str, object]]] = []
    known = _known_tokens(doc, lex)
    for sent in doc.sents:
        lo, hi = bisect.bisect_left(known, sent.start), bisect.bisect_left(known, sent.end)
        cands = _Sentence(doc, sent, lex, onto, known[lo:hi]).code()
        for c in cands:
            _modality(c, doc, onto)
        # Precision first: at most a few events per sentence, the main clause first.
        cands.sort(key=lambda c: (c.depth, c.trigger.i))
        cands = sorted(cands[:MAX_PER_SENTENCE], key=lambda c: c.trigger.i)
        for c in cands:
            out.append(_build(doc, c, onto, sent, len(out) + 1))
    return out


def extract_events(doc: Doc) -> list[Event]:
    if not doc.has_annotation("DEP"):
        return []
    return [e for e, _ in code_doc(doc)]
