"""What a figure counts, from the governing verb or noun of the number, not just the next word.

"killed at least 20 people", "20 people were killed", "20 Palestinians, including 5 children, were killed",
"the death toll rose to 34,450", "2,000 troops", "displaced 1.7 million", "dozens were wounded"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import FiguresLexicon
from .numbers import Quantity

_NOUNISH = ("NOUN", "PROPN", "PRON")
_OBJECT_DEPS = ("dobj", "nsubjpass", "oprd")
_CLIMB_DEPS = ("conj", "appos")
_INCLUDING = ("including", "include", "among", "excluding", "plus")
# Category placeholder of a total that names no category ("the total", "the tally"): the extractor gives it
# the category of the figure it sums, the previous one in the sentence.
OPEN_TOTAL = "=total"


@dataclass
class Counted:
    counts: str | None
    unit: str | None
    trigger: Token | None  # the verb/noun that decided the category, for the event link
    slot: Token  # the token standing for the counted group in the parse
    rule: str
    noun: Token | None = None  # the counted noun ("people"), when there is one
    additional: bool = False  # "three more", "two additional": others besides those already counted


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _span_head(doc: Doc, q: Quantity) -> Token:
    """The token of the number whose head lies outside the number."""
    for i in range(q.num_start, q.num_end):
        tok = doc[i]
        if not (q.num_start <= tok.head.i < q.num_end) or tok.head.i == tok.i:
            return tok
    return doc[q.head]


def _own_modifier(noun: Token, lex: FiguresLexicon, skip: set[int]) -> tuple[str, Token] | None:
    """ "people killed in", "20 dead", "people who died": a category word modifying the counted noun."""
    for child in noun.children:
        if child.i in skip:
            continue
        lemma = _lemma(child)
        if child.dep_ in ("amod", "acl", "acomp", "oprd") and lemma in lex.adjectives:
            return lex.adjectives[lemma], child
        if child.dep_ in ("amod", "acl", "acomp") and child.lower_ in lex.adjectives:
            return lex.adjectives[child.lower_], child
        if child.dep_ == "acl" and child.tag_ == "VBN" and lemma in lex.object_verbs:
            return lex.object_verbs[lemma], child
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            # "250 taken hostage", "people held captive"
            for g in child.children:
                if (
                    g.dep_ in ("oprd", "dobj", "xcomp", "attr", "advmod", "npadvmod")
                    and _lemma(g) in lex.nouns
                ):
                    return lex.nouns[_lemma(g)], child
        if child.dep_ == "relcl":
            if lemma in lex.subject_verbs:
                return lex.subject_verbs[lemma], child
            if lemma in lex.object_verbs and any(c.dep_ == "auxpass" for c in child.children):
                return lex.object_verbs[lemma], child
    return None


def _is_passive_like(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # "20 killed in blast" (headline reduced passive): a participle with no object
    return verb.tag_ == "VBN" and not any(c.dep_ in ("dobj", "aux") for c in verb.children)


def _from_governor(slot: Token, lex: FiguresLexicon) -> tuple[str, Token, str] | None:
    head = slot.head
    lemma = _lemma(head)
    dep = slot.dep_
    if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
        if dep in _OBJECT_DEPS and lemma in lex.object_verbs:
            return lex.object_verbs[lemma], head, f"verb:{lemma}"
        if dep == "nsubj" and lemma in lex.subject_verbs:
            return lex.subject_verbs[lemma], head, f"verb:{lemma}"
        if dep == "nsubj" and lemma in lex.object_verbs and _is_passive_like(head):
            return lex.object_verbs[lemma], head, f"verb:{lemma}(reduced-passive)"
        # "20 are dead", "left 20 people injured", "3 remain missing"
        if dep in ("nsubj", "dobj"):
            for c in head.children:
                # the predicate follows its own object ("left 20 dead and 250 taken hostage": not the 250)
                if (
                    c.dep_ in ("acomp", "oprd", "xcomp", "ccomp")
                    and (dep == "nsubj" or c.i > slot.i)
                    and (_lemma(c) in lex.adjectives or c.lower_ in lex.adjectives)
                ):
                    cat = lex.adjectives.get(c.lower_) or lex.adjectives[_lemma(c)]
                    return cat, c, f"adjective:{c.lower_}"
        total = _total(slot, head, lex)
        if total is not None:
            return total
    # "the killing of 20 people", "the abduction of 200 girls", "the deaths of 20"
    if dep == "pobj" and lemma == "of" and head.head.pos_ == "NOUN":
        noun = head.head
        nl = _lemma(noun)
        if nl in lex.nouns and nl not in ("number", "total"):
            return lex.nouns[nl], noun, f"noun-of:{nl}"
    # "rose to 34,450", "stood at 20"
    if dep == "pobj" and lemma in ("to", "at", "of") and head.head.tag_.startswith("VB"):
        total = _total(slot, head.head, lex)
        if total is not None:
            return total
    # "a death toll of 34,450"
    if dep == "pobj" and lemma == "of" and head.head.pos_ == "NOUN":
        return _total_noun(head.head, lex)
    return None


def _total(slot: Token, verb: Token, lex: FiguresLexicon) -> tuple[str, Token, str] | None:
    """ "the death toll rose to 34,450": the verb's subject decides."""
    if slot.dep_ in ("nsubj", "nsubjpass"):
        return None
    if _lemma(verb) in lex.total_verbs:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return _total_noun(c, lex)
    # "bringing the death toll to 40", "took the total to five"
    if _lemma(verb) in lex.total_object_verbs:
        for c in verb.children:
            if c.dep_ == "dobj":
                return _total_noun(c, lex)
    # "officials put the death toll at 56", "estimated the number of dead at 20"
    if slot.dep_ == "pobj" and slot.head.lower_ == "at":
        for c in verb.children:
            if c.dep_ == "dobj":
                return _total_noun(c, lex)
    return None


def _total_noun(noun: Token, lex: FiguresLexicon) -> tuple[str, Token, str] | None:
    nl = _lemma(noun)
    compounds = " ".join([_lemma(c) for c in noun.children if c.dep_ in ("compound", "amod")] + [nl])
    for key in (compounds, nl):
        if key in lex.total_nouns:
            cat = lex.total_nouns[key]
            if cat:
                return cat, noun, f"total:{key}"
            # "the number of dead", "the total of refugees"
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        pl = _lemma(p)
                        if p.dep_ == "pobj" and (pl in lex.nouns or p.lower_ in lex.adjectives):
                            return lex.nouns.get(pl) or lex.adjectives[p.lower_], p, f"total:{nl}-of-{pl}"
            # "bringing the total to five": the total of what the sentence counted before it
            return OPEN_TOTAL, noun, f"total:{nl}"
    if nl in lex.nouns and nl not in ("body", "life"):
        return lex.nouns[nl], noun, f"total:{nl}"
    return None


def _resolve(doc: Doc, q: Quantity, lex: FiguresLexicon) -> Counted:
    num = _span_head(doc, q)
    if q.currency:
        return Counted("money", q.currency, None, num, "currency")
    if q.percent:
        return Counted("percent", "percent", None, num, "percent")

    inside = set(range(q.start, q.end))
    noun: Token | None = None
    slot = num
    if num.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and num.head.pos_ in _NOUNISH:
        noun = num.head
        # "several suspected Islamic Movement of Uzbekistan insurgents": from the name to the counted noun
        while noun.dep_ in ("compound", "nmod") and noun.pos_ == "PROPN" and noun.head.pos_ == "NOUN":
            noun = noun.head
        slot = noun
    else:
        # "dozens of people", "two of them", "several of the insurgents"
        for c in num.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in _NOUNISH:
                        noun = p
    unit = None
    if noun is not None and noun.pos_ != "PRON":
        unit = noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.text
    if noun is not None and noun.i in inside and not q.rules[0].startswith("implicit"):
        noun = None

    # 1. the counted noun's own modifier: "people killed", "20 dead", "people who died"
    for host in [t for t in (noun, num) if t is not None]:
        own = _own_modifier(host, lex, inside)
        if own is not None:
            return Counted(own[0], unit, own[1], slot, f"modifier:{own[1].lower_}", noun)

    # 2. the governing verb or noun, climbing through conjunctions, appositions and "including"
    cur = slot
    for _ in range(5):
        found = _from_governor(cur, lex)
        if found is not None:
            return Counted(found[0], unit, found[1], slot, found[2], noun)
        if cur.dep_ == "conj" and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in cur.children):
            break  # "1,200 dead and 250 taken hostage": the conjunct has its own predicate
        if cur.dep_ in _CLIMB_DEPS and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pobj" and cur.head.lower_ in _INCLUDING and cur.head.head.i != cur.head.i:
            cur = cur.head.head
        elif (
            cur.dep_ == "pobj" and cur.head.lower_ == "with" and cur.head.head.lower_ in ("along", "together")
        ):
            # "detained the leader along with three of his associates": a co-object of the verb
            host = cur.head.head.head
            lemma = _lemma(host)
            if host.pos_ == "VERB" and lemma in lex.object_verbs:
                return Counted(lex.object_verbs[lemma], unit, host, slot, f"verb:{lemma}(along-with)", noun)
            cur = host
        else:
            break

    # 3. the counted noun itself: "2,000 troops", "20 deaths", "hostages"
    if noun is not None:
        nl = _lemma(noun)
        if nl in lex.nouns:
            return Counted(lex.nouns[nl], unit, noun, slot, f"noun:{nl}", noun)
        if noun.lower_ in lex.adjectives:
            return Counted(lex.adjectives[noun.lower_], unit, noun, slot, f"noun:{noun.lower_}", noun)
    return Counted("other", unit, None, slot, "other", noun)


def resolve(doc: Doc, q: Quantity, lex: FiguresLexicon) -> Counted:
    counted = _resolve(doc, q, lex)
    counted.additional = _additional(doc, q, counted, lex)
    return counted


def _additional(doc: Doc, q: Quantity, counted: Counted, lex: FiguresLexicon) -> bool:
    """Others besides those already mentioned: "three more", "another five", a conjunct ("a leader and several
    associates"), "along with three", or a clause marked "also" ("the force also detained two")."""
    num = _span_head(doc, q)
    if counted.slot.dep_ == "conj" or "along-with" in counted.rule:
        return True
    trigger = counted.trigger
    if (
        trigger is not None
        and trigger.pos_ == "VERB"
        and any(c.lower_ == "also" and c.dep_ == "advmod" for c in trigger.children)
    ):
        return True
    for host in (counted.noun, num):
        if host is None:
            continue
        for c in host.children:
            if (
                c.lower_ in lex.additional_words
                and c.dep_ in ("amod", "det", "advmod", "predet")
                and c.i not in (range(q.start, q.end))
            ):
                return True
    return False
