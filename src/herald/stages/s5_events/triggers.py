"""Which tokens can trigger an event: lemma normalisation, lexicon entry matching for verbs and nouns
(particles, objects, subjects, embedded clauses), and the embedded action's type (``content_type``)."""

from __future__ import annotations

import functools
from itertools import compress, count

from spacy.attrs import LEMMA
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from .. import memo
from ..common import children_labelled, doc_text, has_child
from .lexicon import Entry, Lexicon, load_lexicon
from .roles import (
    is_passive,
    passive_subject,
    subject_of,
)

CONTENT_DEPS = ("xcomp", "ccomp", "oprd")  # oprd: "was found guilty"
# Prepositions introducing the action a control verb is about: "called for", "warned against", "agreed to".
CONTENT_PREPS = ("to", "for", "on", "against", "from")

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


# Heads of a quantity phrase whose "of" complement is the real subject ("hundreds of troops").
QUANTITY_NOUNS = frozenset(
    {
        "hundred",
        "thousand",
        "dozen",
        "score",
        "number",
        "group",
        "unit",
        "contingent",
        "batch",
        "column",
        "convoy",
        "detachment",
        "team",
        "some",
        "many",
        "most",
        "all",
        "several",
        "million",
    }
)


def lemma_of(tok: Token) -> str:
    """The token's lemma as the lexicons spell it (lower case, fixed, a listed hyphenated word joined); kept
    per token while the Doc is being coded (memo.py)."""
    kept = memo.lemmas(tok.doc)
    if kept is None:
        return _lemma_of(tok)
    found = kept.get(tok.i)
    if found is None:
        found = kept[tok.i] = _lemma_of(tok)
    return found


def _lemma_of(tok: Token) -> str:
    lex = load_lexicon()
    lower = tok.lemma_.lower()
    lemma = lex.lemma_fixes.get(lower, lower)
    # (a joined word needs a "-" right before the token: one character of the text tells)
    if tok.i >= 2 and doc_text(tok.doc)[tok.idx - 1] == "-" and tok.pos_ in ("VERB", "NOUN", "PROPN"):
        dash, first = tok.nbor(-1), tok.nbor(-2)
        if dash.text == "-" and not dash.whitespace_ and not first.whitespace_:
            joined = f"{first.lower_}-{lemma}"
            if joined in (lex.verbs if tok.pos_ == "VERB" else lex.nouns):
                # a hyphenated word the lexicon lists: "test-fired" is no shooting, "a sit-in" a protest
                return joined
    return lemma


def clause_of(tok: Token) -> Token | None:
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


def _ratio(tok: Token, prt: str) -> bool:
    """ "rule 21 out of 29 states": "out of" between numbers is a proportion, not the particle of "rule
    out"."""
    for c in children_labelled(tok, ("prep",)):
        if c.lower_ == prt and 0 < c.i < len(c.doc) - 1 and c.nbor(1).lower_ == "of" and c.nbor(-1).like_num:
            return True
    return False


def has_prt(tok: Token, prt: str) -> bool:
    # "shot down" is often parsed with "down" as an adverb
    if has_child(tok, ("prt", "prep", "agent", "dative", "advmod"), (prt,)):
        return not _ratio(tok, prt)
    if (
        tok.pos_ == "ADJ"
        and tok.dep_ == "acomp"
        and any(c.dep_ == "prep" and c.lower_ == prt and c.i > tok.i for c in tok.head.children)
    ):
        return True  # "was furious at the leak": the parser hangs the complement on the copula
    # "calling for the chief to resign": "for" is parsed as the marker of the for-to clause
    return prt == "for" and any(
        has_child(c, ("mark",), ("for",)) for c in children_labelled(tok, ("advcl", "ccomp", "xcomp"))
    )


def control_content(tok: Token, entry: Entry) -> Token | None:
    """The action a control verb embeds: an xcomp/ccomp clause, the object of its particle, or its object."""
    clause = clause_of(tok)
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


def object_lemmas(tok: Token, entry: Entry) -> set[str]:
    objs = children_labelled(tok, ("dobj", "obj"))
    if is_passive(tok):
        ps = passive_subject(tok)
        if ps is not None:
            objs.append(ps)
    for c in children_labelled(tok, ("prep", "prt")):
        if c.lower_ == entry.prt or c.lower_ == "as":
            objs.extend(children_labelled(c, ("pobj",)))
            # "pulled out of the bloc": the object of a preposition under the particle
            objs.extend(p for g in children_labelled(c, ("prep",)) for p in children_labelled(g, ("pobj",)))
    lemmas: set[str] = set()
    for o in objs:
        for h in (o, *o.conjuncts):
            lemmas.add(lemma_of(h))
            if h.ent_type_ == "MONEY":
                lemmas.add("money")  # "withdrew $1,273.80": a sum is money whatever its tokens
            if h.like_num or h.ent_type_ == "MONEY":  # "$5 million in aid", "$1 billion of arms"
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "of", "for"):
                        lemmas.update(lemma_of(p) for p in c.children if p.dep_ == "pobj")
            for c in h.children:
                if c.dep_ in ("compound", "amod"):
                    lemmas.add(lemma_of(c))
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            lemmas.add(lemma_of(p))
                            lemmas.update(lemma_of(x) for x in p.children if x.dep_ in ("compound", "amod"))
    return lemmas


def subject_lemmas(tok: Token) -> set[str]:
    """Keys of the active subject: its head lemma ("troop") and "<modifier> <head>" for each compound/amod
    modifier, a named modifier (NORP/GPE/ORG entity) as "NAME" ("security force", "NAME force" for "Turkish
    forces"), so that a generic head ("forces") can be required to be qualified ("market forces" is not)."""
    subj = None if is_passive(tok) else subject_of(tok)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        subj = tok.head  # "ads attacking Dewhurst", "troops heading to the border": the noun does it
    if subj is None:
        return set()
    keys: set[str] = set()
    heads = [subj, *subj.conjuncts]
    for h in list(heads):  # "hundreds of troops", "a contingent of marines": the "of" noun is the subject
        if h.like_num or lemma_of(h) in QUANTITY_NOUNS:
            heads += [
                p
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
    for h in heads:
        head = lemma_of(h)
        keys.add(head)
        for c in h.children:
            if c.dep_ in ("compound", "amod", "nmod", "poss"):
                keys.add(f"{lemma_of(c)} {head}")
                if c.ent_type_ in ("NORP", "GPE", "ORG"):
                    keys.add(f"NAME {head}")
    return keys


def match_verb(tok: Token, entries: tuple[Entry, ...]) -> Entry | None:
    for e in entries:
        if e.prt and not has_prt(tok, e.prt):
            continue
        if e.not_prt and any(has_prt(tok, p) for p in e.not_prt):
            continue
        if e.plural_subject and not several_parties(tok):
            continue
        if e.no_clause and any(finite_clause(c) for c in tok.children):
            continue
        if e.concur_sense and concurs(tok):
            continue
        if e.no_object and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            continue
        if e.active and is_passive(tok):
            continue
        if e.needs_xcomp or e.xcomp or e.not_xcomp:
            content = clause_of(tok)
            if e.needs_xcomp and content is not None and parenthetical(content):
                content = None  # "offered his view - he owned the team - of ...": no embedded action
            if content is None and (e.needs_xcomp or e.xcomp) and not (e.prt and has_prt(tok, e.prt)):
                continue
            if e.xcomp and (content is None or lemma_of(content) not in e.xcomp):
                continue
            if content is not None and lemma_of(content) in e.not_xcomp and not is_passive(content):
                continue  # "promises to be the most energetic": a prediction, not a pledge
            if e.not_xcomp and any(c.dep_ == "acomp" and lemma_of(c) in e.not_xcomp for c in tok.children):
                continue  # "pleaded guilty": a predicate adjective, not an embedded action
        if e.objects and not (object_lemmas(tok, e) & e.objects):
            continue
        if e.not_objects and object_lemmas(tok, e) & e.not_objects:
            continue
        if e.subjects and not (subject_lemmas(tok) & e.subjects):
            continue
        if e.content_event and not names_action(tok, e):
            continue
        if e.force and _moved_force(tok, e) is None:
            continue  # a motion verb moving aid, envoys or goods: no deployment
        return e
    return None


def _moved_force(tok: Token, entry: Entry) -> object | None:
    from .forces import moved_force  # (forces.py reads lemmas through this module)

    return moved_force(tok, entry, load_lexicon())


def several_parties(tok: Token) -> bool:
    """The active subject names more than one party: coordinated ("Putin and Xi"), plural ("the leaders",
    "the two sides") or counted."""
    subj = None if is_passive(tok) else subject_of(tok)
    if subj is None:
        return False
    if subj.conjuncts or subj.tag_ in ("NNS", "NNPS"):
        return True
    return any(c.dep_ == "nummod" for c in subj.children)


def finite_clause(c: Token) -> bool:
    """A that-clause or a bare finite clause with a subject of its own ("recognized (that) he was right")."""
    if c.dep_ != "ccomp":
        return False
    return any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)


def concurs(tok: Token) -> bool:
    """ "agreed with the president (that ...)", "most voters agree": an opinion shared, not an action agreed.
    An action shows as a to-clause, an object, or "to/on/upon/over" a thing ("agreed to talks", "agreed on a
    plan"); a bare "the two sides agreed" stays an agreement."""
    kids = list(tok.children)
    if any(c.dep_ in ("xcomp", "dobj", "obj") for c in kids):
        return False
    if any(c.dep_ in ("prep", "prt") and c.lower_ in ("to", "on", "upon", "over", "in") for c in kids):
        return False
    if any(c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in kids):
        return False
    return any(finite_clause(c) for c in kids) or any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)


def parenthetical(clause: Token) -> bool:
    """A finite clause with its own subject and neither "to", "that" nor "for" to introduce it: an aside
    the parser hung on the verb, not the action the verb embeds."""
    if clause.dep_ != "ccomp":
        return False
    if any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that", "for") for c in clause.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def names_action(tok: Token, entry: Entry) -> bool:
    """The content of a commitment is an action: a verb ("committed to holding talks") or an event noun the
    lexicons know ("committed to the ceasefire"); "committed to the production of knowledge" describes a
    person's devotion, not a pledge."""
    content = control_content(tok, entry)
    if content is None:
        return False
    if content.pos_ in ("VERB", "AUX"):
        return True
    ctype, _ = content_type(content, load_lexicon())
    return ctype is not None


def noun_entry(tok: Token, entries: tuple[Entry, ...]) -> Entry | None:
    """The first entry whose required modifiers (``with``) the noun has. The theme of a nominalisation counts
    as a modifier: "the sale of fighter jets" as "a jet sale", "an exchange of prisoners" as "a prisoner
    exchange" (the "of" complement's head and its own compound modifiers)."""
    mods = {lemma_of(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if any(e.with_ for e in entries):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        mods.add(lemma_of(p))
                        mods.update(lemma_of(x) for x in p.children if x.dep_ in ("compound", "amod"))
    for e in entries:
        if e.with_ and not (e.with_ & mods):
            continue
        if e.force and _noun_force(tok) is None:
            continue  # "a political movement", "the transfer of funds": no force moves
        if e.not_with & mods:
            return None  # "a charm offensive", "a verbal attack": the modifier takes the violent sense away
        return e
    return None


def _noun_force(tok: Token) -> object | None:
    from .forces import noun_force

    return noun_force(tok, load_lexicon())


def content_type(tok: Token, lex: Lexicon) -> tuple[str | None, Entry | None]:
    """The event type of an embedded action, if the lexicons know it."""
    lemma = lemma_of(tok)
    if tok.pos_ in ("VERB", "AUX") and lemma in lex.verbs:
        e = match_verb(tok, lex.verbs[lemma])
        if e is not None:
            return e.type, e
    if tok.pos_ in ("VERB", "AUX") and (lemma in lex.support_verbs or lemma in lex.intent_verbs):
        for c in tok.children:  # "promised to continue military aid": the object noun names the action
            if c.dep_ in ("dobj", "obj") and lemma_of(c) in lex.nouns:
                e = noun_entry(c, lex.nouns[lemma_of(c)])
                if e is not None and (e.support is None or lemma in e.support):
                    return e.type, e
        return None, None
    if tok.pos_ in ("VERB", "AUX") and lemma in lex.onward_verbs:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    if p.dep_ == "pobj" and lemma_of(p) in lex.nouns:
                        e = noun_entry(p, lex.nouns[lemma_of(p)])
                        if e is not None:
                            return e.type, e
    if tok.pos_ == "ADJ" and lemma in lex.adjectives:
        e = lex.adjectives[lemma][0]
        return e.type, e
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma in lex.nouns:
            e = noun_entry(tok, lex.nouns[lemma])
            return (e.type, e) if e else (None, None)
        for c in tok.children:  # "a mediation effort", "an aid package"
            if c.dep_ == "compound" and lemma_of(c) in lex.nouns and lemma in lex.light_nouns:
                e = noun_entry(c, lex.nouns[lemma_of(c)])
                return (e.type, e) if e else (None, None)
    return None, None


@functools.lru_cache(maxsize=4)
def known_hashes(lex: Lexicon) -> frozenset[int]:
    words = set(lex.verbs) | set(lex.adjectives) | set(lex.nouns) | set(lex.lemma_fixes) | SPEECH_DEMAND
    words |= lex.characterize_verbs
    # the last part of a hyphenated entry ("sit-in", "build-up") is the token lemma_of joins
    words |= {w.rsplit("-", 1)[1] for w in (*lex.verbs, *lex.nouns) if "-" in w}
    return frozenset(hash_string(w) for w in words)


def known_tokens(doc: Doc, lex: Lexicon) -> list[int]:
    """Indices of the Doc's tokens whose lemma a lexicon knows: one pass over the lemma hashes, not a Token
    per word (a set lookup per hash beats ``np.isin``, which sorts the whole lexicon on every call)."""
    known = known_hashes(lex)
    return list(compress(count(), map(known.__contains__, doc.to_array(LEMMA).tolist())))
