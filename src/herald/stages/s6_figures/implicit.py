"""Singular persons as figures of 1: "killed an insurgent", "a soldier was wounded", "detained a Taliban
facilitator", and definite ones — "killed the Taliban leader, Alaudin", "killing him", "he was arrested".
Only person nouns (lexicon list or suffix) or personal pronouns, and only casualty/detention categories; the
counted category is still decided by :mod:`.counted` from the governing verb. A restatement of the same person
adds nothing: only figures marked ``additional`` add up."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import FiguresLexicon
from .numbers import Quantity

# Personal pronouns standing for one person, with the dependency they must have on the counting verb.
_PRONOUNS = {"him": "dobj", "her": "dobj", "he": "nsubjpass", "she": "nsubjpass"}


def is_person_noun(tok: Token, lex: FiguresLexicon) -> bool:
    lemma = tok.lemma_.lower()
    if tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "PRODUCT"):
        return False
    return lemma in lex.person_nouns or (len(lemma) > 5 and lemma.endswith(lex.person_suffixes))


def candidates(sent: Span, lowers: list[str], taken: set[int], lex: FiguresLexicon) -> list[Quantity]:
    """Indefinite singular person nouns in the sentence (``lowers``: the Doc's lower-cased token texts)."""
    out: list[Quantity] = []
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if i in taken:
            continue
        if lowers[i] in _PRONOUNS:
            tok = doc[i]
            # "killing him", "he was killed": the pronoun is the object / passive subject of the verb
            if tok.dep_ == _PRONOUNS[lowers[i]] and tok.head.pos_ in ("VERB", "AUX"):
                out.append(
                    Quantity(i, i + 1, i, i + 1, 1.0, 1.0, 1.0, singular=True, rules=["implicit:pronoun"])
                )
            continue
        if lowers[i] not in ("a", "an", "the"):
            continue
        tok = doc[i]
        if tok.dep_ != "det":
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.i <= tok.i or not is_person_noun(noun, lex):
            continue
        # Only the direct object or passive subject of a verb can be a casualty counted as one: "killed an
        # insurgent", "a soldier was wounded" — never the speaker in "..., a local official said".
        if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ not in ("VERB", "AUX"):
            continue
        if any(i in taken for i in range(tok.i, noun.i + 1)):
            continue
        rule = "implicit:the" if lowers[i] == "the" else "implicit:a"
        out.append(Quantity(tok.i, noun.i + 1, tok.i, tok.i + 1, 1.0, 1.0, 1.0, singular=True, rules=[rule]))
    return out
