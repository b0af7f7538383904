"""Assertions shared by the actors tests."""

from __future__ import annotations

from herald.schema import Actor


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
