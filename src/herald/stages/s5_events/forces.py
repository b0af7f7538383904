"""Whether what a motion verb or noun moves is a force (event_motion.yaml): "3,000 troops", "riot police",
"two warships", a qualified force word ("Russian forces", "fighter jets", "its units", "members of the
National Guard") or an armed or police body the actors stage found ("the National Guard"). Aid, envoys,
letters and goods moved by the same verbs are none, so the motion class codes no deployment for them."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .actor_index import actor_for_token
from .lexicon import Entry, Lexicon
from .roles import is_passive, passive_subject, subject_of
from .triggers import QUANTITY_NOUNS, lemma_of

MODIFIERS = ("compound", "amod", "nmod")
NAMED = ("NORP", "GPE", "ORG")


@dataclass(frozen=True)
class Force:
    """A force found as the moved argument: its head, the PLOVER mode it gives, and whether it is equipment
    (tanks, missiles: an arms transfer when sent to another party) rather than people or units."""

    token: Token
    mode: str
    equipment: bool = False


def _of_objects(h: Token) -> list[Token]:
    return [
        p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]


def _modifiers(h: Token) -> list[Token]:
    return [c for c in h.children if c.dep_ in MODIFIERS]


def _sector_force(h: Token, lex: Lexicon) -> Force | None:
    """An armed or police body the actors stage found ("the National Guard", "the 82nd Airborne")."""
    actor = actor_for_token(h)
    if actor is None or actor.kind == "person" or actor.sector not in lex.force_sectors:
        return None
    return Force(h, "police" if actor.sector == "COP" else "troops")


def _qualifier(h: Token, kind: str, lex: Lexicon) -> str | None:
    """The mode a qualifier of a force head gives ("fighter jets", "riot police officers"): a qualifier word;
    for people and units also a named state or group, a possessor ("Russian forces", "its units") or an "of"
    force ("members of the National Guard")."""
    for c in h.children:
        if c.dep_ in MODIFIERS and lemma_of(c) in lex.force_qualifiers:
            return lex.force_qualifiers[lemma_of(c)]
    if kind != "personnel":
        return None
    for c in h.children:
        if c.dep_ == "poss" or (c.dep_ in MODIFIERS and c.ent_type_ in NAMED):
            return "troops"
    for p in _of_objects(h):
        inner = force_of(p, lex)
        if inner is not None:
            return inner.mode
    return None


def _one(h: Token, lex: Lexicon, depth: int = 0, *, commanded: str | None = None) -> Force | None:
    lemma = lemma_of(h)
    known = lemma in lex.force_modes or lemma in lex.force_equipment or lemma in lex.force_heads
    of = _of_objects(h)
    if not known and (h.like_num or lemma in QUANTITY_NOUNS):
        # "hundreds of troops", "a contingent of marines": the "of" noun is what moves
        return next((f for p in of if depth < 2 and (f := _one(p, lex, depth + 1))), None)
    if lemma in lex.force_not_words or any(lemma_of(c) in lex.force_not_words for c in _modifiers(h)):
        return None  # "market forces", "the labour force", "UN peacekeepers"
    if any(p.tag_ == "NNS" and p.pos_ == "NOUN" and _one(p, lex, 2) is None for p in of):
        return None  # "an army of lawyers", "a fleet of trucks": the "of" noun says what it is made of
    if lemma in lex.force_modes:
        mode = next(
            (lex.force_qualifiers[q] for c in h.children if (q := lemma_of(c)) in lex.force_qualifiers), None
        )
        return Force(h, mode if mode == "police" else lex.force_modes[lemma])
    if lemma in lex.force_equipment:
        return Force(h, lex.force_equipment[lemma], equipment=True)
    if lemma in lex.force_heads:
        kind = lex.force_heads[lemma]
        mode = _qualifier(h, kind, lex)
        bare = (
            lemma in lex.force_bare and h.tag_ == "NNS" and not any(c.dep_ in MODIFIERS for c in h.children)
        )
        mode = mode or commanded or ("troops" if bare else None)
        if mode is not None:
            return Force(h, mode, equipment=kind == "equipment")
        return None  # ("jets" of an airline, though the actors stage may read them as military)
    return _sector_force(h, lex)


def _commander(verb: Token, lex: Lexicon) -> str | None:
    """The mode of the forces the verb's active subject commands, when it is a state or a force: what it
    sends needs no qualifier to be a force."""
    subj = None if is_passive(verb) else subject_of(verb)
    if subj is None:
        return None
    own = force_of(subj, lex)
    if own is not None:
        return own.mode
    actor = actor_for_token(subj)
    return "troops" if actor is not None and actor.kind == "state" else None


def force_of(tok: Token, lex: Lexicon, *, commanded: str | None = None) -> Force | None:
    """The force an argument names, itself or one of its conjuncts ("tanks and artillery"); ``commanded``:
    the mode of the state or force that sends it, when a force head needs no qualifier ("units", "ships")."""
    for h in (tok, *tok.conjuncts):
        found = _one(h, lex, commanded=commanded)
        if found is not None:
            return found
    return None


def _destinations(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The destination prepositions on the verb or on a word of degree ("moved closer to the border")."""
    names = {p.removeprefix("prep:") for p in preps}
    kids = [*tok.children, *(g for c in tok.children if c.dep_ == "advmod" for g in c.children)]
    return [c for c in kids if c.dep_ in ("prep", "dative") and c.lower_ in names]


def _has_destination(tok: Token, preps: tuple[str, ...]) -> bool:
    """A destination, or the particle "in" ("troops moved in")."""
    moved_in = any(c.dep_ in ("prt", "advmod") and c.lower_ == "in" for c in tok.children)
    return moved_in or bool(_destinations(tok, preps))


def _cared_for(tok: Token, preps: tuple[str, ...], lex: Lexicon) -> bool:
    """Taken to a hospital, a prison or a crime scene: care, custody or a call-out, no deployment."""
    return any(
        lemma_of(p) in lex.motion_not_destinations
        for c in _destinations(tok, preps)
        for p in c.children
        if p.dep_ == "pobj"
    )


def _away(tok: Token, entry: Entry, lex: Lexicon) -> bool:
    """ "sent the troops home", "moved forces away from the border", "shipped out (of X)": a withdrawal
    (not the entry's own particle: "called out the Guard")."""
    away = ("prt", "advmod", "npadvmod", "prep")
    return any(c.dep_ in away and c.lower_ in lex.motion_away and c.lower_ != entry.prt for c in tok.children)


def moved_force(tok: Token, entry: Entry, lex: Lexicon) -> Force | None:
    """The force a motion-class verb moves: its object (or passive subject) for a verb of sending or
    placing, its subject for a verb of self-motion, which also needs a destination ("troops moved into
    the town"; "troops moved" alone, "marched in the parade" are no deployment). A reduced relative
    ("troops stationed in Germany") describes forces where they are, unless it names where they go."""
    if _away(tok, entry, lex) or _cared_for(tok, entry.recipient, lex):
        return None
    if tok.dep_ == "acl" and not _has_destination(tok, entry.recipient):
        return None
    if entry.force == "object":
        args = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        # "sent in troops", "called in the army": the parser makes the particle a preposition
        args += [
            p
            for c in tok.children
            if c.dep_ in ("prt", "prep")
            and (c.lower_ == entry.prt or (c.lower_ == "in" and c.i == tok.i + 1))
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if is_passive(tok) and (ps := passive_subject(tok)) is not None:
            args.append(ps)
        found = next((f for a in args if (f := force_of(a, lex)) is not None), None)
        mode = _commander(tok, lex) if found is None else None
        if mode is not None:
            # "the army sent units", "Russia moved ships": a state or an armed body sends its own
            found = next((f for a in args if (f := force_of(a, lex, commanded=mode)) is not None), None)
        if (
            found is not None
            and found.mode == "police"
            and f"{entry.lemma} {entry.prt}" in lex.motion_summon_verbs
        ):
            return None  # "police were called in": a call-out to an incident
        return found
    if entry.force == "subject":
        if is_passive(tok) or any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return None
        if not _has_destination(tok, entry.recipient):
            return None
        subj = subject_of(tok)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            subj = tok.head  # "troops heading to the border"
        return force_of(subj, lex) if subj is not None else None
    return None


def noun_force(noun: Token, lex: Lexicon) -> Force | None:
    """The force a motion noun moves: a modifier ("troop movements", "a naval build-up", "police
    reinforcements"), its "of" complement ("the deployment of 3,000 troops") or its possessor when that is
    an armed body ("the army's redeployment")."""
    for c in noun.children:
        if c.dep_ in MODIFIERS:
            q = lemma_of(c)
            if q in lex.force_not_words:
                return None
            if q in lex.force_qualifiers:
                return Force(c, lex.force_qualifiers[q])
            found = _one(c, lex)
            if found is not None:
                return found
    for p in _of_objects(noun):
        found = force_of(p, lex)
        if found is not None:
            return found
    # (not a pronoun: "upon their arrival" may be anyone's)
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    return _sector_force(poss, lex) if poss is not None else None
