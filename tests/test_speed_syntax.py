"""The per-Doc tables the rules read instead of spaCy's Token walks (common.syntax, sentence_of, span_text,
children_labelled, has_child) and the answers kept while the events stage codes a Doc (memo): the same
answers as the spaCy attributes and the uncached rules they replace."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from herald.stages import memo
from herald.stages.common import children_labelled, has_child, sentence_of, span_text, syntax
from herald.stages.s5_events.extract import extract_events
from herald.stages.s5_events.roles import is_passive, subject_of
from herald.stages.s5_events.triggers import lemma_of

TEXTS = [
    "",  # nothing to read
    "Quiet.",
    "Rebels attacked the base on Monday, officials said. The army did not respond.",
    "Opposition leader detained as police break up rally\n\nThe prisoners, who were released on Monday, "
    "went home. Did Russia attack the base? A sit-in was held by the workers.",
    "Turkey, Russia agree ceasefire. X said Y must withdraw its troops, and Z was urged to leave.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_syntax_table_is_the_parse(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    sx = syntax(doc)
    assert sx.children == [[c.i for c in t.children] for t in doc]
    assert sx.deps == [t.dep_ for t in doc]
    assert sx.lowers == [t.lower_ for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_of_is_token_sent(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    for tok in doc:
        got, want = sentence_of(tok), tok.sent
        assert (got.start, got.end) == (want.start, want.end)
        assert span_text(got) == want.text


@pytest.mark.parametrize(
    ("labels", "lowers"),
    [
        (("nsubj",), None),
        (("aux", "auxpass"), None),
        (("prep", "agent"), ("on", "by")),
        (("neg",), ("not",)),
        (("no-such-label",), None),  # nothing is labelled so: nothing found
    ],
)
@pytest.mark.parametrize("text", TEXTS[2:])
def test_children_by_label(
    make: Callable[..., Doc], text: str, labels: tuple[str, ...], lowers: tuple[str, ...] | None
) -> None:
    doc = make(text)
    for tok in doc:
        want = [c for c in tok.children if c.dep_ in labels]
        assert [c.i for c in children_labelled(tok, labels)] == [c.i for c in want]
        expected = any(c.dep_ in labels and (lowers is None or c.lower_ in lowers) for c in tok.children)
        assert has_child(tok, labels, lowers) is expected


@pytest.mark.parametrize("text", TEXTS[2:])
def test_answers_kept_while_bound_are_the_uncached_ones(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    plain = [(lemma_of(t), is_passive(t), _index(subject_of(t))) for t in doc]
    with memo.bound(doc):
        twice = [[(lemma_of(t), is_passive(t), _index(subject_of(t))) for t in doc] for _ in range(2)]
        assert memo.extension(doc, "herald_events") is doc._.herald_events
    assert twice == [plain, plain]
    assert memo.KEPT.doc is None  # nothing kept once the Doc is released


@pytest.mark.parametrize("text", TEXTS)
def test_events_do_not_depend_on_what_was_kept(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    first = [e.model_dump_json() for e in extract_events(doc)]
    assert [e.model_dump_json() for e in extract_events(doc)] == first
    assert [e.model_dump_json() for e in doc._.herald_events] == first


def _index(tok: object) -> int | None:
    return getattr(tok, "i", None)


@pytest.mark.parametrize("text", TEXTS[2:3])
def test_what_is_kept_belongs_to_the_binding_thread(make: Callable[..., Doc], text: str) -> None:
    doc = make(text)
    seen: list[object] = []
    with memo.bound(doc):
        worker = threading.Thread(target=lambda: seen.append(memo.lemmas(doc)))
        worker.start()
        worker.join()
        assert memo.lemmas(doc) == {}
    assert seen == [None]  # another thread reads the Doc afresh
