"""Actor and recipient finding for one sentence's candidates (the syntax helpers live in roles.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered
from ...schema import Actor
from ...schema import Span as TextSpan
from ..common import children_labelled, doc_text, sentence_of
from .actor_index import actor_for_token
from .attach import statement_for
from .candidate import Candidate
from .lexicon import Entry, Lexicon
from .ontology import Ontology
from .roles import (
    RELATIVE,
    Resolved,
    agent_of,
    headline_coordinate,
    is_passive,
    is_relative_pronoun,
    passive_subject,
    recovered_subject,
    resolve,
    slot,
    speech_governor,
    subject_of,
    topic_state,
)
from .triggers import (
    known_hashes,
    lemma_of,
)

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
# Prepositions of a measure's territory ("a curfew in X"); the actors stage decides which places are one.
TERRITORY_PREPS = frozenset({"in", "on", "over", "throughout", "across"})
# Type target prepositions also read below the event word, on its object or an adjunct's object.
DEEP_TARGET_PREPS = frozenset({"against"})
# Type target prepositions that say where, not whom, when the event word has a direct object.
PLACE_LIKE_PREPS = frozenset({"at", "on", "outside", "into"})
# Complements naming the target of any event whose own arguments name none ("hack into the computers of X").
ADVERSATIVE = ("prep:against", "prep:into")


@dataclass(frozen=True)
class AdjunctRules:
    """Where a recipient is named outside an event's own arguments (data/lexicons/event_roles.yaml)."""

    stance_nouns: dict[str, frozenset[str]]
    concessive_preps: frozenset[str]
    concessive_types: frozenset[str]
    condition_marks: frozenset[str]
    condition_types: frozenset[str]
    purpose_preps: frozenset[str]
    purpose_nouns: frozenset[str]
    purpose_target_preps: tuple[str, ...]
    counterpart_preps: frozenset[str]
    counterpart_nouns: frozenset[str]
    counterpart_types: frozenset[str]
    source_types: frozenset[str]
    passive_subject_acts: dict[str, frozenset[str]]
    responsibility_nouns: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    blame_verbs: frozenset[str] = frozenset()
    blamed_types: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    type_target_preps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    dispossession_verbs: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def event_roles_data() -> dict[str, Any]:
    """lexicons/event_roles.yaml with users' files layered over it: read once, for every rule set in it."""
    return load_layered("lexicons/event_roles.yaml")


@cache
def role_words(key: str) -> frozenset[str]:
    """One word list of event_roles.yaml (users' files layered over it), lower-cased; read once per key."""
    return frozenset(str(w).lower() for w in event_roles_data().get(key) or ())


@lru_cache(maxsize=1)
def adjunct_rules() -> AdjunctRules:
    data = event_roles_data()

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return AdjunctRules(
        stance_nouns={
            str(k).lower(): frozenset(map(str, v or ())) for k, v in (data.get("stance_nouns") or {}).items()
        },
        concessive_preps=words("concessive_preps"),
        concessive_types=frozenset(str(t).upper() for t in data.get("concessive_types") or ()),
        condition_marks=words("condition_marks"),
        condition_types=frozenset(str(t).upper() for t in data.get("condition_types") or ()),
        purpose_preps=words("purpose_preps"),
        purpose_nouns=words("purpose_nouns"),
        purpose_target_preps=tuple(str(p).lower() for p in data.get("purpose_target_preps") or ()),
        counterpart_preps=words("counterpart_preps"),
        counterpart_nouns=words("counterpart_nouns"),
        counterpart_types=frozenset(str(t).upper() for t in data.get("counterpart_types") or ()),
        source_types=frozenset(str(t).upper() for t in data.get("source_types") or ()),
        passive_subject_acts={
            str(t).upper(): frozenset(map(str, modes or ()))
            for t, modes in (data.get("passive_subject_acts") or {}).items()
        },
        responsibility_nouns=words("responsibility_nouns"),
        responsibility_verbs=words("responsibility_verbs"),
        collective_nouns=words("collective_nouns"),
        blame_verbs=words("blame_verbs"),
        blamed_types=frozenset(str(t).upper() for t in data.get("blamed_types") or ()),
        act_nouns=words("act_nouns"),
        type_target_preps={
            str(t).upper(): tuple(str(p).lower() for p in preps or ())
            for t, preps in (data.get("type_target_preps") or {}).items()
        },
        dispossession_verbs=words("dispossession_verbs"),
    )


def own_actors(noun: Token, blocked: frozenset[str] = frozenset()) -> Resolved:
    """The actors an event noun names itself: a possessor ("the army's campaign"), an actor modifier ("Israeli
    air strikes", "Russian-backed offensive": the name inside the hyphenated modifier) or a "by" agent."""
    out = Resolved()
    kids = list(noun.children)
    owner = next((c for c in kids if c.dep_ == "poss" and actor_for_token(c) is not None), None)
    for c in kids:
        if owner is not None and topic_state(c, owner):
            continue  # "the EU's Russia sanctions": the possessor acts, the compound names the target
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and actor_for_token(c) is not None):
            out.extend(resolve(c, infer=False))
        elif c.dep_ == "amod" and c.tag_ == "VBN":
            for m in c.children:  # "Russian-backed": "Russian" hangs under "backed"
                if m.dep_ in ("npadvmod", "amod", "compound", "nmod") and actor_for_token(m) is not None:
                    out.extend(resolve(m, infer=False))
        elif c.dep_ == "prep" and c.lower_ == "by":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(resolve(p, infer=lemma_of(p) not in blocked))
    if not out.actors:
        for c in noun.children:
            # "the expulsion of the envoy, announced by Poland", "the raid carried out by the army": the agent
            # of a participle of performing the act (not "the strike condemned by X": a reaction to it)
            if c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c) in agent_participles():
                agent = agent_of(c)
                if agent is not None:
                    got = resolve(agent, infer=False)
                    got.how = ["by-participle" for _ in got.how]
                    out.extend(got)
    return out


@lru_cache(maxsize=1)
def agent_participles() -> frozenset[str]:
    return role_words("agent_participles")


@lru_cache(maxsize=1)
def passive_control_actors() -> frozenset[str]:
    return role_words("passive_control_actors")


@lru_cache(maxsize=1)
def _impact_words() -> tuple[frozenset[str], frozenset[str]]:
    types = frozenset(str(w).upper() for w in event_roles_data().get("impact_types") or ())
    return role_words("impact_verbs"), types


def impact_targets(noun: Token, type_: str) -> list[Token]:
    """What an attack noun hits by a verb of impact (``impact_verbs``): the object when the noun is the
    verb's subject ("Israeli air strikes hit Syria") or of its relative clause ("an attack that targeted
    mourners"), the passive subject when it is the "by" agent ("Gaza was hit by air strikes"); else
    nothing."""
    verbs, types = _impact_words()
    if type_ not in types:
        return []
    for clause in noun.children:
        # "an attack that targeted mourners": a relative clause of impact on the noun
        if (
            clause.dep_ == "relcl"
            and lemma_of(clause) in verbs
            and not is_passive(clause)
            and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in clause.children)
        ):
            return [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    if noun.dep_ == "nsubj" and lemma_of(noun.head) in verbs:
        return [c for c in noun.head.children if c.dep_ in ("dobj", "obj")]
    by = noun.head
    if noun.dep_ == "pobj" and by.dep_ == "agent" and lemma_of(by.head) in verbs:
        return [c for c in by.head.children if c.dep_ == "nsubjpass"]
    return []


def passive_subject_acts(verb: Token) -> bool:
    """A passive control verb whose subject is the one committed ("Vietnam is committed to opening up"),
    unlike "Iran was urged to release", "he was barred from entering" (the subject is asked or barred: the
    recipient; data/lexicons/event_roles.yaml ``passive_control_actors``)."""
    return lemma_of(verb) in passive_control_actors()


def elliptical_object(verb: Token, arg: Token) -> Token | None:
    """ "X has expelled 60 diplomats, Y has expelled 13": a bare number as the object of a verb stands for
    the noun counted by the same verb's object in a parallel clause of the sentence; that noun, else None."""
    if arg.pos_ != "NUM" or any(c.pos_ in ("NOUN", "PROPN") for c in arg.children):
        return None
    sent = sentence_of(verb)
    lemma = lemma_of(verb)
    for other in sent:
        if other.i == verb.i or other.pos_ != "VERB" or lemma_of(other) != lemma:
            continue
        obj = next((c for c in other.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


@lru_cache(maxsize=4)
def _noun_lemmas(lex: Lexicon) -> frozenset[str]:
    """The lexicon's event nouns, as a set made once per lexicon rather than once per sentence."""
    return frozenset(lex.nouns)


class SentenceRoles:
    """Who did it to whom within one sentence: subjects, pronouns, recipients, an event noun's own actors.
    The trigger rules (candidates.py) build on it."""

    def __init__(
        self, doc: Doc, sent: Span, lex: Lexicon, onto: Ontology, hits: list[int] | None = None
    ) -> None:
        self.doc, self.sent, self.lex, self.onto = doc, sent, lex, onto
        self.hits = hits  # indices of the sentence's tokens with a known lemma, when the caller found them
        self.consumed: set[int] = set()
        self.matched: dict[int, Candidate] = {}
        self.blocked = _noun_lemmas(lex)
        self.known = known_hashes(lex)

    # --- roles ---------------------------------------------------------------------------------------
    def _resolve(self, tok: Token | None, *, infer: bool = True) -> Resolved:
        if tok is None:
            return Resolved()
        blocked = lemma_of(tok) in self.blocked
        return resolve(tok, infer=infer and not blocked)

    def _actor_from_subject(self, verb: Token, cand_notes: list[str]) -> Resolved:
        passive = is_passive(verb)
        subj = agent_of(verb) if passive else subject_of(verb)
        host = verb
        while host.dep_ in ("advcl", "xcomp") and host.tag_ in ("VBG", "VB") and host.head.i != host.i:
            host = host.head  # "has made progress, retaking territory": the participle's clause lost it
        if subj is None and not passive and (lost := recovered_subject(host)) is not None:
            got = self._resolve(lost, infer=False)
            if got.actors:
                got.how = [f"recovered:{h}" for h in got.how]
                cand_notes.append(
                    f"subject {lost.text!r} recovered: the parser left {verb.text!r} without one"
                )
                return got
        res = self._resolve(subj)
        if subj is not None and not res.actors and subj.lower_ in PRONOUN_KINDS:
            # the subject of the clause an adverbial clause modifies is nearer than the speaker ("residents
            # said the fighters looted homes before they withdrew": the fighters withdrew)
            main = self._main_clause_subject(verb, subj)
            if main is not None:
                res = Resolved(tokens=[subj])
                res.add(main, "pronoun->main-clause")
                cand_notes.append(f"pronoun {subj.text!r} is {main.name!r}, subject of the governing clause")
        if subj is not None and not res.actors and subj.pos_ == "PRON" and not is_relative_pronoun(subj):
            # (a relative pronoun stands for the noun its clause modifies, never for the speaker: "the US
            # condemned the attacks, including one claimed by Daesh that targeted mourners")
            gov = speech_governor(verb)
            speaker = subject_of(gov) if gov is not None else None
            if speaker is not None and speaker.i != subj.i:
                res = self._resolve(speaker)
                kinds = PRONOUN_KINDS.get(subj.lower_)
                if kinds is not None and speaker.tag_ == "NN" and subj.lower_ in ("he", "she"):
                    kinds = kinds | {"group"}  # "the opposition leader said he ...": one person, by role
                if kinds is not None and (
                    any(a.kind not in kinds for a in res.actors) or _in_own_quote(self.doc, subj)
                ):
                    # '"It promised jobs," said Kumar': "it" is no person, so not Kumar; '"He refuses to take
                    # responsibility," Clinton said': in her own words Clinton is "I", so "he" is not her
                    res = Resolved()
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
        if (
            subj is not None
            and res.actors
            and not passive
            and (first := headline_coordinate(subj)) is not None
        ):
            before = len(res.actors)
            res.extend(resolve(first, infer=False))
            if len(res.actors) > before:
                cand_notes.append(f"{first.text!r}, before a comma opening a headline, is a joint subject")
        return res

    def _main_clause_subject(self, verb: Token, pron: Token) -> Actor | None:
        """ "Sikhala was arrested after he accused the party": a pronoun subject of an adverbial clause is the
        subject (active or passive) of the clause it modifies, told before it, when its kind fits."""
        clause = verb
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "advcl":
            return None
        gov = clause.head
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and gov.dep_ == "conj":
            subj = subject_of(gov)  # "the fighters looted homes and detained men before they withdrew"
        if subj is None or subj.i > pron.i or subj.pos_ == "PRON":
            return None
        found = resolve(subj, infer=False).actors
        if len(found) != 1:
            return None
        kinds = PRONOUN_KINDS[pron.lower_]
        singular_role = found[0].kind == "group" and subj.tag_ == "NN" and pron.lower_ in ("he", "she")
        return found[0] if found[0].kind in kinds or singular_role else None

    def _previous_subject(self, pron: Token) -> Actor | None:
        """The one actor a sentence-initial pronoun can refer to: the subject of the previous sentence in the
        same paragraph, when its kind fits ("he"/"she" a person, "it" a state or organisation)."""
        doc, start = self.doc, self.sent.start
        if start == 0 or any(t.i < pron.i and t.pos_ in ("NOUN", "PROPN") for t in self.sent):
            return None
        prev = sentence_of(doc[start - 1])
        gap = [t for t in (*prev[-2:], *self.sent[:2]) if t.is_space]
        if any("\n\n" in t.text or t.text.count("\n") > 1 for t in gap):
            return None  # a new paragraph
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None or _quoted_apart(doc, pron, subj):
            return None
        found = resolve(subj, infer=False).actors
        kinds = PRONOUN_KINDS[pron.lower_]
        if len(found) == 1 and found[0].kind in kinds:
            return found[0]
        if (
            len(found) == 1
            and pron.lower_ in ("he", "she")
            and found[0].kind == "group"
            and subj.tag_ == "NN"
            and not subj.conjuncts
            and lemma_of(subj) not in adjunct_rules().collective_nouns
        ):
            return found[0]  # "The opposition leader accused ... He also demanded": one person, by role
        return None

    def _fold_subject_noun(self, subj: Token, res: Resolved, notes: list[str]) -> None:
        """A subject that is itself an event noun ("a roadside bombing killed ...") joins this event; a
        two-sided one names its parties by "between" ("fighting between X and Y killed ...")."""
        lemma = lemma_of(subj)
        if lemma in self.lex.nouns or _nominal_gerund(subj, self.lex):
            self.consumed.add(subj.i)
            own = self._noun_own_actors(subj)
            senses = (*self.lex.nouns.get(lemma, ()), *self.lex.nouns.get(subj.lower_, ()))
            if not own.actors and any(e.two_sided for e in senses):
                own = self._between_parties(subj, slot(subj, "prep:between"))
            if not res.actors:
                res.extend(own)
            notes.append(f"subject {subj.text!r} is an event noun folded into this event")

    def _between_parties(self, noun: Token, between: list[Token]) -> Resolved:
        """The parties a "between" phrase names ("fighting between Armenia and Azerbaijan"), each conjunct
        separately; none for a noun that is no actor ("between the two cities")."""
        out = Resolved()
        for p in between:
            got = self._resolve(p, infer=False)
            got.how = [f"between:{h}" for h in got.how]
            out.extend(got)
        return out

    def _recipients(
        self,
        tok: Token,
        slots: tuple[str, ...],
        passive: bool,
        exclude: frozenset[str] = frozenset(),
        judged: bool = False,
    ) -> Resolved:
        """The recipient of a verb: its slots, else what a non-actor argument points at, else an adversative
        complement. Parties in ``exclude`` (the actors: "reneged on **his** commitment to X") do not count."""
        out = Resolved()
        # A relative pronoun stands for its antecedent only in an event with an actor: an agentless
        # background clause ("Porter, who was accused of abuse", "the migrants, whom many blame") codes
        # no event of its own.
        relative_ok = bool(exclude)
        if passive and (relative_ok or not _relative(tok, passive_subject_token(tok))):
            out.extend(self._resolve_recipient(passive_subject(tok)))
        for name in slots:
            if passive and name == "dobj":
                continue
            for arg in slot(tok, name):
                if name == "dobj" and (counted := elliptical_object(tok, arg)) is not None:
                    arg = counted
                if not relative_ok and _relative(tok, arg):
                    continue
                out.extend(self._resolve_recipient(arg))
        out = _without(out, exclude)
        if not out.actors:
            # "boycott all contact with the US", "conceded to demands from UNITA", "prevented the
            # demonstration staged by students": the argument is not an actor; its complement or its agent
            # names the recipient.
            args = [*slot(tok, "dobj"), *([passive_subject(tok)] if passive else [])]
            args += [a for name in slots if name != "dobj" for a in slot(tok, name)]
            for arg in dict.fromkeys(a for a in args if a is not None):
                if judged and lemma_of(arg) in self.blocked:
                    # "condemned the attacks on civilians": a judgement of an act is aimed at whoever did it
                    # (its own agent), not at the act's victim; an act without an agent names no target
                    got = self._event_agents(arg)
                    for a in slot(arg, "prep:between") if not got.actors else ():
                        got.extend(self._resolve(a))  # "praised the ceasefire between X and Y"
                    got = _without(got, exclude)
                else:
                    got = _without(self._target_of(arg), exclude)
                got.how = [f"target:{h}" for h in got.how]  # weaker than a named argument (see conditions)
                out.extend(got)
                if out.actors:
                    break
        if not out.actors:
            for name in ADVERSATIVE:  # "protested against the government"
                for arg in slot(tok, name):
                    out.extend(_without(self._resolve(arg), exclude))
        return out

    def _target_of(self, arg: Token, level: int = 0) -> Resolved:
        """The party a non-actor argument points at: its on/against/with/to/from/by/for complement, the agent
        of an event noun ("the demonstration staged by students"), or (one level down) the same for its "of"
        complement ("a suspension of air links with Serbia", "part of an aid program for Bosnia")."""
        out = Resolved()
        for p in OBJECT_PREPS:
            for a in slot(arg, f"prep:{p}"):
                out.extend(self._resolve(a))
        if not out.actors and lemma_of(arg) in self.blocked:
            out.extend(self._event_agents(arg))
        if not out.actors and level == 0:
            for o in slot(arg, "prep:of"):
                out.extend(self._target_of(o, 1))
        return out

    def _event_agents(self, noun: Token) -> Resolved:
        """Who does what an event noun names: its own actors, or the "by" agent of a participle on it
        ("the demonstration staged by students")."""
        out = self._noun_own_actors(noun)
        if not out.actors:
            for c in noun.children:
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    out.extend(self._resolve(agent_of(c)))
        return out

    def _adjunct_recipients(self, cand: Candidate) -> None:
        """The recipient named outside the event's arguments (data/lexicons/event_roles.yaml): a condition's
        subject for a threat ("threatened to stop talks if the US goes ahead"), a stance adjunct ("in protest
        against X", "in defiance of X"), a concessive adjunct ("refused despite pressure by X"), the opponent
        of a purpose noun ("mobilized for a war against Iraq"), the counterpart of a negotiation the event
        follows ("called off the strike after talks with the government") and the object of a protest's
        purpose clause ("blocked a road to show disapproval of X's policies")."""
        rules = adjunct_rules()
        indirect = all(h.startswith("target:") for h in cand.recipients.how)
        if cand.partners.actors or cand.entry.two_sided:
            return
        if cand.recipients.actors and not (indirect and cand.type in rules.condition_types):
            return
        nodes = [n for n in dict.fromkeys((cand.trigger, cand.anchor, cand.content)) if n is not None]
        found, how = Resolved(), ""
        # adjuncts hang on the event's word or, by a common misattachment, on its object ("mobilized
        # reservists [for a war against X]")
        objects = [o for n in nodes for o in children_labelled(n, ("dobj", "obj"))]
        adjuncts = [
            *(c for n in nodes for c in n.children),
            *(c for o in objects for c in children_labelled(o, ("prep",))),
        ]
        for c in adjuncts:
            if found.actors:
                break
            if c.dep_ == "advcl" and cand.type in rules.condition_types:
                if any(m.dep_ == "mark" and m.lower_ in rules.condition_marks for m in c.children):
                    # an active subject named as such ("if the government does not pay"), not "if their
                    # demands are not met" (the demands' owner is not the one addressed)
                    subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
                    if subj is not None and subj.pos_ != "PRON":
                        got = self._resolve(subj, infer=False)
                        if all(h in ("mention", "group", "same-name") for h in got.how):
                            found, how = got, "condition"
            elif c.dep_ == "advcl" and cand.type == "PROTEST" and _purpose(c):
                for obj in slot(c, "dobj"):
                    found, how = _others(self._resolve(obj), cand), "protest-purpose"
                    if not found.actors:
                        found = self._target_of(obj)
            elif cand.type == "PROTEST" and (demand := _demand_participle(c)) is not None:
                found, how = _others(self._demanded_of(demand), cand), "protest-demand"
            elif c.dep_ == "prep" and c.lower_ == "from" and cand.type in rules.source_types:
                for a in (x for x in c.children if x.dep_ == "pobj"):
                    found, how = self._resolve(a), "source"
            elif (
                c.dep_ == "prep"
                and c.lower_ == "from"
                and lemma_of(cand.trigger) in rules.dispossession_verbs
            ):
                # "seized the hospital from ISIL fighters": the one the place or thing is taken from
                for a in (x for x in c.children if x.dep_ == "pobj"):
                    found, how = self._resolve(a, infer=False), "dispossessed"
            elif c.dep_ == "prep":
                found, how = self._adjunct(cand, c, rules), f"adjunct:{c.lower_}"
            found = _others(found, cand)
            if found.actors and cand.recipients.actors and how != "condition":
                found = Resolved()  # only a condition outranks an indirect target
        if not found.actors and not cand.recipients.actors:
            found, how = _others(self._subject_noun_target(cand), cand), "subject-noun"
        if not found.actors and not cand.recipients.actors:
            found, how = _others(self._type_target(cand, nodes, rules), cand), "type-target"
        if found.actors:
            found.how = [f"{how}" for _ in found.actors]
            cand.recipients = found
            cand.rule += f"+recipient:{how}"
            cand.notes.append(f"recipient from the {how} ({', '.join(a.name for a in found.actors)})")

    def _subject_noun_target(self, cand: Candidate) -> Resolved:
        """ "The army's campaign against the rebels killed 300 people": an event noun folded into the event
        as its subject (``_fold_subject_noun``) names the side it is aimed at by "against/on"."""
        out = Resolved()
        subj = subject_of(cand.trigger) if cand.kind == "verb" else None
        if subj is None or subj.i not in self.consumed:
            return out
        for name in ("prep:against", "prep:on"):
            for arg in slot(subj, name):
                out.extend(self._resolve(arg, infer=False))
        return out

    def _demanded_of(self, verb: Token) -> Resolved:
        """Whom a demand is aimed at: its object or the party of the act it demands ("demanding the
        resignation of the prime minister", "calling for the release of X")."""
        out = Resolved()
        for arg in (*slot(verb, "dobj"), *slot(verb, "prep:for")):
            got = self._resolve(arg, infer=False)
            if not got.actors and lemma_of(arg) in demand_target_nouns():
                for o in slot(arg, "prep:of"):  # the one to resign, not "the release of X" (X is freed)
                    got.extend(self._resolve(o))
            out.extend(got)
        return out

    def _type_target(self, cand: Candidate, nodes: list[Token], rules: AdjunctRules) -> Resolved:
        """The recipient the event's type names by a preposition (``type_target_preps``): on the event word,
        else on its object or on the object of one of its adjuncts, where the parser often attaches it
        ("fired rockets at Israel", "rallied outside the embassy against Israel")."""
        out = Resolved()
        preps = rules.type_target_preps.get(cand.type, ())
        if not preps:
            return out
        from ..s2_actors.place_args import load_place_args

        aim_verbs = load_place_args().aim_verbs
        below = [o for n in nodes for o in n.children if o.dep_ in ("dobj", "obj")]
        below += [
            p for n in nodes for c in n.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        for p in preps:  # in the type's order of preference, the event word first
            # below the event word only an opponent ("against X"): "attacked a position at/on X" is a place
            for n in (*nodes, *(below if p in DEEP_TARGET_PREPS else ())):
                if (
                    p in PLACE_LIKE_PREPS
                    and lemma_of(n) not in aim_verbs
                    and any(c.dep_ in ("dobj", "obj") for c in n.children)
                ):
                    continue  # "attacked a position at Komanda" says where; "fired tear gas at X" aims
                for a in slot(n, f"prep:{p}"):
                    out.extend(self._resolve(a, infer=False))
                if out.actors:
                    return out
        return out

    def _adjunct(self, cand: Candidate, prep: Token, rules: AdjunctRules) -> Resolved:
        out = Resolved()
        for pobj in (x for x in prep.children if x.dep_ == "pobj"):
            lemma = lemma_of(pobj)
            if prep.lower_ == "in" and lemma in rules.stance_nouns:
                for q in sorted(rules.stance_nouns[lemma]):
                    for a in slot(pobj, f"prep:{q}"):
                        got = self._resolve(a)
                        out.extend(got if got.actors else self._target_of(a))
            elif prep.lower_ in TERRITORY_PREPS:
                # "lifted a curfew in X": a place the actors stage found to be the measure's territory
                for actor in self._resolve(pobj).actors:
                    if actor.rule and ("+territory" in actor.rule or actor.rule.startswith("town-territory")):
                        out.add(actor, "territory")
            elif prep.lower_ in rules.concessive_preps and cand.type in rules.concessive_types:
                out.extend(self._target_of(pobj))
            elif (
                prep.lower_ in rules.counterpart_preps
                and lemma in rules.counterpart_nouns
                and cand.type in rules.counterpart_types
            ):
                for a in slot(pobj, "prep:with"):
                    out.extend(self._resolve(a))
            elif prep.lower_ in rules.purpose_preps and (
                lemma in self.blocked or lemma in rules.purpose_nouns
            ):
                for q in rules.purpose_target_preps:
                    for a in slot(pobj, f"prep:{q}"):
                        out.extend(self._resolve(a))
        return out

    def _resolve_recipient(self, tok: Token | None) -> Resolved:
        if tok is None:
            return Resolved()
        return resolve(tok, infer=lemma_of(tok) not in self.blocked, extra_preps=RECIPIENT_PREPS)

    def _noun_own_actors(self, noun: Token) -> Resolved:
        return own_actors(noun, self.blocked)

    def _act_owner(self, noun: Token) -> Resolved:
        """Who did the act a summing-up noun stands for ("Hungary vetoed the package, a move that drew
        criticism"): an appositive act noun after the act's clause belongs to that clause's subject."""
        after_comma = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
        if (
            noun.dep_ not in ("appos", "dobj", "npadvmod")
            or not after_comma
            or lemma_of(noun) not in adjunct_rules().act_nouns
        ):
            return Resolved()  # (the parser also attaches ", a decision that ..." as a second object)
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.i > noun.i:
            return Resolved()
        return self._resolve(subj, infer=False)

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
            mine = frozenset(a.id for a in cand.actors.actors)
            rec = self._recipients(content, slots, is_passive(content), mine)
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


@lru_cache(maxsize=1)
def demand_participles() -> frozenset[str]:
    return role_words("demand_participles")


@lru_cache(maxsize=1)
def demand_target_nouns() -> frozenset[str]:
    return role_words("demand_target_nouns")


def _demand_participle(adjunct: Token) -> Token | None:
    """A participle clause of demanding on a protest ("marched through the capital demanding X", "rallied,
    calling for X"), or on the event noun of its adjunct ("rioted following a demonstration calling
    for X")."""
    if adjunct.dep_ == "advcl" and adjunct.tag_ == "VBG" and lemma_of(adjunct) in demand_participles():
        return adjunct
    if adjunct.dep_ == "prep":
        for pobj in adjunct.children:
            for c in pobj.children if pobj.dep_ in ("pobj", "dobj") else ():  # ("following" is a VBG)
                if c.dep_ == "acl" and c.tag_ == "VBG" and lemma_of(c) in demand_participles():
                    return c
    return None


def passive_subject_token(verb: Token) -> Token | None:
    """The passive subject as written (a relative pronoun left as it is)."""
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")), None)


def _quoted_apart(doc: Doc, pron: Token, antecedent: Token) -> bool:
    """A pronoun inside a direct quotation refers only to someone named inside the same quotation ('"I voted
    for Modi," said Kumar. "He had promised jobs"': "he" is not Kumar, who speaks as "I"), as in the actors
    stage's coreference."""
    st = statement_for(doc, pron)
    quote = next((q for q in st.quotes if quoted(doc, pron, q)), None) if st is not None else None
    return quote is not None and not quote.start <= antecedent.idx < quote.end


def _in_own_quote(doc: Doc, tok: Token) -> bool:
    """Whether the token lies inside a direct quotation of a statement."""
    st = statement_for(doc, tok)
    return st is not None and any(quoted(doc, tok, q) for q in st.quotes)


def quoted(doc: Doc, tok: Token, quote: TextSpan) -> bool:
    """Whether the token lies inside a quotation span of the statements stage, and not after a closing
    curly quote mark inside it (unbalanced marks, '“You must ... “Avoid ... service.” He urged them', make
    one span run past the narration)."""
    if not quote.start <= tok.idx < quote.end:
        return False
    before = doc_text(doc)[quote.start : tok.idx]
    return before.rfind("\u201d") <= before.rfind("\u201c")


def _relative(verb: Token, arg: Token | None) -> bool:
    """``arg`` is a relative pronoun of the relative clause ``verb`` heads."""
    return arg is not None and verb.dep_ == "relcl" and arg.head.i == verb.i and arg.lower_ in RELATIVE


def _nominal_gerund(tok: Token, lex: Lexicon) -> bool:
    """ "Russian shelling killed three": a gerund of an event verb that takes an adjective, a possessor or a
    determiner and no object is a noun ("the shelling"), not a second verb."""
    if tok.tag_ != "VBG" or lemma_of(tok) not in lex.verbs:
        return False
    kids = list(tok.children)
    return any(c.dep_ in ("amod", "poss", "det") for c in kids) and not any(
        c.dep_ in ("dobj", "obj") for c in kids
    )


def _without(res: Resolved, exclude: frozenset[str]) -> Resolved:
    if not exclude:
        return res
    out = Resolved(tokens=list(res.tokens))
    for a, h in zip(res.actors, res.how, strict=False):
        if a.id not in exclude:
            out.add(a, h)
    return out


def _others(res: Resolved, cand: Candidate) -> Resolved:
    """The parties of ``res`` that are not the candidate's actors ("their disapproval": not the
    protesters)."""
    return _without(res, frozenset(a.id for a in cand.actors.actors))


def _purpose(clause: Token) -> bool:
    """A to-infinitive adjunct ("blocked a road to show their anger")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
