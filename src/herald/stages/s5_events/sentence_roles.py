"""Actor and recipient finding for one sentence's candidates (the syntax helpers live in roles.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...schema import Actor
from .actor_index import actor_for_token
from .candidate import Candidate
from .lexicon import Entry, Lexicon
from .ontology import Ontology
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


def own_actors(noun: Token, blocked: frozenset[str] = frozenset()) -> Resolved:
    """The actors an event noun names itself: a possessor ("the army's campaign"), an actor modifier ("Israeli
    air strikes", "Russian-backed offensive": the name inside the hyphenated modifier) or a "by" agent."""
    out = Resolved()
    for c in noun.children:
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
    return out


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
        self.blocked = frozenset(lex.nouns)
        self.known = known_hashes(lex)

    # --- roles ---------------------------------------------------------------------------------------
    def _resolve(self, tok: Token | None, *, infer: bool = True) -> Resolved:
        if tok is None:
            return Resolved()
        blocked = lemma_of(tok) in self.blocked
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
        lemma = lemma_of(subj)
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
        return resolve(tok, infer=lemma_of(tok) not in self.blocked, extra_preps=RECIPIENT_PREPS)

    def _noun_own_actors(self, noun: Token) -> Resolved:
        return own_actors(noun, self.blocked)

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
