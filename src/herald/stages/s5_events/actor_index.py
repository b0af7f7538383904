"""Per-Doc index of the actors stage's mentions, so role resolution does not rescan every actor per token.

Same answers as :func:`herald.stages.common.actor_at` / :func:`~herald.stages.common.actors_at` (which scan
all mentions on every call): the index is built once per actors list and answers are memoised per range.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from spacy.tokens import Doc, Token

from ...schema import Actor
from ..common import mention_index
from ..s2_actors.kb import KnowledgeBase


@functools.lru_cache(maxsize=4)
def _country_words(kb: KnowledgeBase) -> dict[str, str]:
    """Lower-case name, alias, demonym and capital of every state in the KB -> its country code."""
    out: dict[str, str] = {}
    for e in kb:
        if e.kind == "state" and e.country:
            for w in [e.name, *e.aliases, *e.demonyms, *([e.capital] if e.capital else [])]:
                out.setdefault(w.lower(), e.country)
    return out


@functools.lru_cache(maxsize=1)
def _kb_country_words() -> dict[str, str]:
    """The KB's state words, read once per process (load_kb checks every KB file's date on each call)."""
    from ..s2_actors.kb import load_kb

    return _country_words(load_kb())


class ActorIndex:
    def __init__(self, actors: Sequence[Actor]) -> None:
        # the index common.actor_at uses (built once per actors list, shared with the other stages)
        self._mentions = mention_index(actors)
        self._covering: dict[tuple[int, int], Actor | None] = {}
        self._covering_all: dict[tuple[int, int], list[Actor]] = {}
        # names (not pronouns or descriptions linked by a rule) by their text, for same-name look-ups
        self._named: dict[str, list[Actor]] = {}
        for actor in actors:
            for m in actor.mentions:
                if m.rule is None and m.text[:1].isupper():
                    found = self._named.setdefault(m.text, [])
                    if all(a.id != actor.id for a in found):
                        found.append(actor)

        # the state actor of each country, for words that name a state without being its mention
        self._states: dict[str, Actor] = {}
        for actor in actors:
            if actor.kind == "state" and actor.country:
                self._states.setdefault(actor.country, actor)
        self._words: dict[str, str] | None = None

    def state_named(self, word: str) -> Actor | None:
        """The article's state actor a word names (its name, a demonym or its capital), or None."""
        if not self._states:
            return None
        if self._words is None:
            self._words = _kb_country_words()
        code = self._words.get(word.lower())
        return self._states.get(code) if code else None

    def covering(self, start: int, end: int) -> Actor | None:
        """The actor whose narrowest mention covers [start, end)."""
        key = (start, end)
        if key in self._covering:
            return self._covering[key]
        found = self._mentions.covering(start, end)
        self._covering[key] = found
        return found

    def covering_all(self, start: int, end: int) -> list[Actor]:
        """Every actor with a mention on the narrowest span covering [start, end), :meth:`covering`'s
        first."""
        key = (start, end)
        found = self._covering_all.get(key)
        if found is None:
            found = self._mentions.covering_all(start, end)
            self._covering_all[key] = found
        return list(found)

    def named(self, text: str) -> list[Actor]:
        """Every actor one of whose names is exactly ``text``."""
        return list(self._named.get(text, ()))

    def exactly(self, start: int, end: int) -> list[Actor]:
        """Every actor with a mention exactly on [start, end), in actor order."""
        return self._mentions.exactly(start, end)


# One index, for the actors list of the Doc being coded; holding the list keeps its identity unique.
_LAST: tuple[object, ActorIndex] | None = None


# The Doc being coded by :func:`bound`, with its index: ``doc._`` builds an accessor object on every read, too
# slow to repeat per token.
_BOUND: tuple[Doc, ActorIndex] | None = None


@contextmanager
def bound(doc: Doc) -> Iterator[None]:
    """While coding ``doc`` (whose actors do not change meanwhile), answer from its index without re-reading
    ``doc._.herald_actors``."""
    global _BOUND
    previous = _BOUND
    _BOUND = (doc, index(doc))
    try:
        yield
    finally:
        _BOUND = previous


def index(doc: Doc) -> ActorIndex:
    global _LAST
    current = _BOUND
    if current is not None and current[0] is doc:
        return current[1]
    actors = doc._.herald_actors
    last = _LAST
    if last is not None and last[0] is actors and actors is not None:
        return last[1]
    built = ActorIndex(actors or ())
    _LAST = (actors, built)
    return built


def actor_for_token(token: Token) -> Actor | None:
    """The actor whose mention contains this token."""
    return index(token.doc).covering(token.idx, token.idx + len(token))


def actors_for_token(token: Token) -> list[Actor]:
    """Every actor with a mention on the narrowest span containing this token: a plural description that
    coreference made a mention of several people ("the senators" after "two senators, Tom Udall and Martin
    Heinrich") is each of them."""
    return index(token.doc).covering_all(token.idx, token.idx + len(token))


def actors_at(doc: Doc, start: int, end: int) -> list[Actor]:
    """Every actor with a mention exactly on [start, end)."""
    return index(doc).exactly(start, end)


def actor_named(token: Token) -> Actor | None:
    """The one actor a proper name not covered by any mention names elsewhere in the article ("Baku rejected
    ..." makes "accused Baku" Azerbaijan too): the name is the token with its compound modifiers."""
    if token.pos_ != "PROPN":
        return None
    found = index(token.doc).named(_compound_name(token))
    return found[0] if len(found) == 1 else None


def state_named(token: Token) -> Actor | None:
    """The state actor of the article that a capital, a state's name or a demonym names when no mention
    covers it ("accused Ottawa of ..." after "Canada"; "duties on Canadian steel"): only a state the
    article already has as an actor. The name is the token with its compound modifiers."""
    if token.ent_type_ not in ("GPE", "NORP") and token.pos_ != "PROPN":
        return None
    return index(token.doc).state_named(_compound_name(token))


def country_named(token: Token) -> str | None:
    """The country code of the state a name (with its compound modifiers) is, by the KB's state words,
    whether or not the article has the state as an actor ("to send police to Haiti")."""
    if token.ent_type_ != "GPE":
        return None
    return _kb_country_words().get(_compound_name(token).lower())


def _compound_name(token: Token) -> str:
    """The token with the compound modifiers right before it ("New York" for "York")."""
    start = token
    while True:
        prev = next((c for c in start.lefts if c.dep_ == "compound" and c.i == start.i - 1), None)
        if prev is None:
            break
        start = prev
    return token.doc[start.i : token.i + 1].text
