"""Assertions shared by the actors tests."""

from __future__ import annotations

from collections.abc import Callable

from herald.schema import Actor

Extract = Callable[..., object]


def actors_of(extract: Extract, text: str, published: str | None = "2024-04-30") -> list[Actor]:
    """The actors Herald finds in ``text`` published on ``published``."""
    return extract(text, published=published).actors  # type: ignore[attr-defined, no-any-return]


def nth(text: str, word: str, n: int) -> int:
    """Character offset of the n-th (1-based) occurrence of ``word``."""
    at = -1
    for _ in range(n):
        at = text.index(word, at + 1)
    return at


def actor_with(actors: list[Actor], mention: str) -> Actor | None:
    """The actor one of whose mentions is exactly ``mention``."""
    for a in actors:
        if any(m.text == mention for m in a.mentions):
            return a
    return None


def check(actor: Actor | None, expected: dict[str, object]) -> None:
    """The actor exists and has every expected field value."""
    assert actor is not None
    for field, value in expected.items():
        assert getattr(actor, field) == value, (field, actor)
