"""The model's rule lemmatizer with every answer cached, not only some.

spaCy's ``Lemmatizer`` in rule mode caches a token's lemmas by (text, POS, morphology), but returns base forms
(a singular noun, an infinitive: most tokens) before reaching its cache, so it recomputes them every time
(about 5 µs per token). Its answer depends on nothing but those three keys (the base-form test reads the POS
and the morphology), so caching every answer gives the same lemmas; tokens without a POS are left to the
lemmatizer itself (it warns about them). ``tests/test_attributes.py`` checks the lemmas against the stock
component. The lemmatizer's own work on a cache miss is sped up too: its lemma index is a list per part of
speech, scanned for every candidate form (about 0.1 ms per new word); :func:`index_by_set` answers the same
membership test from a set.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .pipe_swap import swap_pipe

_ARRAY_ATTRS = [ORTH, POS, MORPH, LEMMA]


class _IndexList(list[str]):
    """A lemma index list whose ``in`` test is a set look-up: the rule lemmatizer asks whether each candidate
    form is in its part of speech's index (a list of up to 57,528 nouns), a scan per candidate."""

    def __init__(self, forms: list[str]) -> None:
        super().__init__(forms)
        self._set = frozenset(forms)

    def __contains__(self, form: object) -> bool:
        return form in self._set


def index_by_set(lemmatizer: Lemmatizer) -> None:
    """Give the lemmatizer's ``lemma_index`` lists a set-backed ``in`` (same members, same answers)."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        forms = table[key]
        if type(forms) is list and all(isinstance(f, str) for f in forms):
            table[key] = _IndexList(forms)


class CachedLemmas:
    """Sets the lemmas a rule-mode :class:`Lemmatizer` (without overwrite) would set, from a cache."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._known: dict[tuple[int, int, int], str] = {}  # (ORTH, POS, MORPH) -> lemma

    def __call__(self, doc: Doc) -> Doc:
        known, lemmatize = self._known, self.lemmatizer.lemmatize
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_ARRAY_ATTRS).tolist()):
            if lemma:
                continue  # set by an earlier component (the attribute rules): the lemmatizer keeps it
            token = doc[i]
            if not pos:
                token.lemma_ = lemmatize(token)[0]
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = lemmatize(token)[0]
                if len(known) > 500_000:  # bounded in a long-running process
                    known.clear()
                known[key] = found
            token.lemma_ = found
        return doc


@Language.factory("herald_cached_lemmas_v1")
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """The pipeline's ``lemmatizer``, cached (add it before removing that component)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        raise TypeError("the lemmatizer component is not spaCy's Lemmatizer")
    lemmatizer(nlp.make_doc(""))  # checks its lookup tables once, as its first call would
    index_by_set(lemmatizer)
    return CachedLemmas(lemmatizer)


def use_cached_lemmas(nlp: Language) -> bool:
    """Put :class:`CachedLemmas` in place of the pipeline's ``lemmatizer`` when it is a rule-mode
    :class:`Lemmatizer` that keeps earlier lemmas; whether it did."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    swap_pipe(nlp, "lemmatizer", "herald_cached_lemmas_v1")
    return True
