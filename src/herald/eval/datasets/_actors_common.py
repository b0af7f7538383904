"""Shared by the actor datasets: run Herald on texts, collect actor mentions, overlap matching."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from ...inputs import ArticleInput
from ...pipeline import load, make_doc
from ...schema import Actor

# Mentions added by reference rules, which mention datasets without coreference do not annotate.
REFERENCE_WORDS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"})


@dataclass(frozen=True)
class PredMention:
    start: int
    end: int
    actor: Actor

    @property
    def text(self) -> str:
        for m in self.actor.mentions:
            if m.start == self.start and m.end == self.end:
                return m.text
        return ""


def run_docs(articles: Iterable[tuple[str, str | None]], batch_size: int = 16) -> Iterator[Doc]:
    """Processed Docs of each (text, published) with the cached Herald pipeline (all stages run)."""
    nlp = load()
    docs = (make_doc(nlp, ArticleInput(text=t, published=p)) for t, p in articles)
    yield from nlp.pipe(docs, batch_size=batch_size)


def run_actors(articles: Iterable[tuple[str, str | None]], batch_size: int = 16) -> Iterator[list[Actor]]:
    """Actors of each (text, published)."""
    for doc in run_docs(articles, batch_size):
        yield list(doc._.herald_actors or [])


def mentions_of(actors: list[Actor], *, references: bool = True) -> list[PredMention]:
    out: list[PredMention] = []
    for a in actors:
        for m in a.mentions:
            if not references and m.text.lower() in REFERENCE_WORDS:
                continue
            out.append(PredMention(m.start, m.end, a))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
