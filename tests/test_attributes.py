"""The indexed attribute rules and the cached lemmatizer give the model's own token annotation."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from herald.attributes import IndexedAttributeRules
from herald.config import settings
from herald.errors import UnsupportedPatternError
from herald.lemmas import CachedLemmas, index_by_set

_COLUMNS = [POS, TAG, DEP, LEMMA, MORPH]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as shipped (the Herald pipeline has replaced its attribute_ruler and lemmatizer)."""
    return spacy.load(settings().model)


def _annotation(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in doc]


TEXTS = [
    "",
    " ",
    "\n\n",
    "There is a cat. There are two, there's one.",
    "It's what it is: they gonna win, y'all, and he ain't got nothin' but gotta go. Let's see; c'mon!",
    "He gets what he got. I don't know if it will rain, though she said it won't.",
    "Police arrested 12 protesters in Paris on Monday and fired tear gas.  The minister\tresigned.",
    "THE ARMY SAID IT HAD WITHDRAWN ITS TROOPS FROM THE BORDER.",
    "Tell it to me; give it to you. Which one did they do? That is the one whose car it was.",
    "The U.N. Security Council's 15 members voted 13-0, with Russia and China abstaining.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_indexed_rules_and_cached_lemmas_annotate_like_the_model(stock: Language, text: str) -> None:
    ruler, lemmatizer = stock.get_pipe("attribute_ruler"), stock.get_pipe("lemmatizer")
    indexed, cached = IndexedAttributeRules(ruler), CachedLemmas(lemmatizer)  # type: ignore[arg-type]
    upstream = stock.pipe_names[: stock.pipe_names.index("attribute_ruler")]
    with stock.select_pipes(enable=upstream):
        parsed = stock(text)
    for _ in range(2):  # the second time from the caches
        a, b = parsed.copy(), parsed.copy()
        lemmatizer(ruler(a))
        cached(indexed(b))
        assert _annotation(b) == _annotation(a)
        assert (b.to_array(_COLUMNS) == a.to_array(_COLUMNS)).all()


@pytest.mark.parametrize(
    "text",
    [
        "The ministries were bombed; the militias' leaders fled, grieving, and fewer hostages are freed.",
        "Swimming geese outran the oxen; she was ridden and chided, then they bode their time.",
        "Nothing here",
    ],
)
def test_set_backed_lemma_index_gives_the_same_lemmas(stock: Language, text: str) -> None:
    fresh = spacy.load(settings().model)  # own lemmatizer: its tables and caches are not the stock one's
    index_by_set(fresh.get_pipe("lemmatizer"))  # type: ignore[arg-type]
    assert _annotation(fresh(text)) == _annotation(stock(text))


def test_herald_pipeline_uses_the_indexed_components(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRules)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmas)
    names = nlp.pipe_names
    assert (
        names.index("parser")
        < names.index("attribute_ruler")
        < names.index("lemmatizer")
        < names.index("ner")
    )


@pytest.mark.parametrize(
    "pattern",
    [
        [{"TEXT": {"FUZZY": "paris"}}],
        [{"LOWER": "the", "OP": "?"}, {"TAG": "NN"}],
        [{"ENT_TYPE": "GPE"}],
    ],
)
def test_rules_it_cannot_index_are_refused(pattern: list[dict[str, object]]) -> None:
    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([pattern], {"POS": "PROPN"})  # type: ignore[attr-defined]
    with pytest.raises(UnsupportedPatternError):
        IndexedAttributeRules(ruler)  # type: ignore[arg-type]
