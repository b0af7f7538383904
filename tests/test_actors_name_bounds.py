"""Named entities NER ran into an acronym's opening bracket ("World Health Organisation (WHO") are cut
before it, so the KB name and the acronym both link (stages/s2_actors/find.py ``_close_parens``)."""

from __future__ import annotations

import pytest

from actor_helpers import Extract, actor_with, actors_of


@pytest.mark.parametrize(
    ("text", "mention", "qid"),
    [
        (
            "The World Health Organisation (WHO) said on Monday that the outbreak was over.",
            "World Health Organisation",
            "Q7817",
        ),
        ("The World Health Organisation (WHO) said on Monday that the outbreak was over.", "WHO", "Q7817"),
        # a closed bracket inside the name stays part of it
        ("The Islamic State (IS) group attacked the town on Monday.", "Islamic State", "Q2429253"),
    ],
)
def test_name_before_an_open_bracket_links(extract: Extract, text: str, mention: str, qid: str) -> None:
    actor = actor_with(actors_of(extract, text), mention)
    assert actor is not None and actor.wikidata == qid, actor


@pytest.mark.parametrize(
    "text",
    [
        "The Zedland Gardening Club (ZGC) met on Monday.",  # not in any KB: nothing linked
        "He said (in a statement) that nothing changed.",
    ],
)
def test_unknown_names_stay_unlinked(extract: Extract, text: str) -> None:
    assert all(a.wikidata is None for a in actors_of(extract, text))
