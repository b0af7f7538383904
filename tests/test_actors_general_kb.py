"""General (non-political) bulk tables: name-suggestion-index firms and agencies, the US Congress; their
precision guards (country context, English-word names, surnames), and name variants (abbreviations, 's,
honorifics, acronyms the article defines)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald
from actor_helpers import actor_with
from herald.stages.s2_actors.bulk_link import NameVariants
from herald.stages.s2_actors.find import _defined_acronyms

Extract = Callable[..., herald.Extraction]


@pytest.mark.parametrize(
    ("text", "mention", "qid", "rule_has"),
    [
        # a member of Congress: full name + the article's country (a US organ names it), dated LEG term
        (
            "Rep. Pramila Jayapal introduced the bill in the United States Congress.",
            "Pramila Jayapal",
            "Q18978140",
            "bulk:usc:",
        ),
        # her surname after the full name, even when NER calls it a place
        (
            "Washington state Rep. Pramila Jayapal, a Democrat, spoke in the United States Congress. "
            "Jayapal's office said the vote was close.",
            "Jayapal",
            "Q18978140",
            "bulk:usc:",
        ),
        # a national firm from the name-suggestion-index, its country named
        ("Wells Fargo cut jobs in the United States.", "Wells Fargo", "Q744149", "bulk:nsi:"),
        # a multinational's one-word name that is no English word
        (
            "Tesco and Sainsbury's reported higher sales in Britain as Walmart cut prices in the US.",
            "Walmart",
            "Q483551",
            "+unique-firm",
        ),
        # the name's own 's that NER left outside the entity
        ("Tesco and Sainsbury's reported higher sales in Britain.", "Sainsbury's", "Q152096", "+country"),
        # an abbreviated state in an agency's name
        (
            "Officials at the Calif. Department of Motor Vehicles said the rules begin in July in the United "
            "States.",
            "Calif. Department of Motor Vehicles",
            "Q5020431",
            "+variant",
        ),
    ],
)
def test_general_tables_link_with_support(
    extract: Extract, text: str, mention: str, qid: str, rule_has: str
) -> None:
    actor = actor_with(extract(text, published="2019-06-01").actors, mention)
    assert actor is not None and actor.wikidata == qid, actor
    assert rule_has in (actor.rule or ""), actor.rule


def test_honorific_inside_a_name_after_the_full_name(extract: Extract) -> None:
    """ "M. Valls": NER took the honorific into the name; the surname joins the person named before."""
    text = (
        "French Prime Minister Manuel Valls visited Paris. Valls's remarks angered the unions, "
        "and M. Valls apologised."
    )
    actor = actor_with(extract(text, published="2015-06-01").actors, "Manuel Valls") or actor_with(
        extract(text, published="2015-06-01").actors, "French Prime Minister Manuel Valls"
    )
    assert actor is not None and actor.wikidata == "Q10287", actor
    assert any(m.start == text.index("M. Valls") + 3 for m in actor.mentions), actor.mentions


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a surname alone, no full name before it and no role: not linked to the senator
        ("Schumer said the deal was bad.", "Schumer"),
        # a soldier's surname with a role and the US in the sentence is not the congressman of that name
        (
            "US Navy SEAL Charles Keating died in Iraq on Tuesday. Keating's honorable and selfless service "
            "was praised by US military officials.",
            "Keating",
        ),
        # a British ministry's generic name in an article about Israel: the country is not named
        ("The Ministry of Defence in Jerusalem said Israeli troops were deployed.", "Ministry of Defence"),
        # a firm's one-word name that is an English word ("Target"): no link without more
        ("Target cut prices on Monday, analysts said.", "Target"),
        # an acronym the article defines as something else is not the Associated Press
        ("The artificial pancreas (AP) adjusts insulin. Studies of the AP found fewer lows.", "AP"),
        # a national agency with nothing in the article naming its country
        ("The Louisiana Department of Wildlife and Fisheries closed the lake.", "Fisheries"),
    ],
)
def test_general_tables_unsupported_stay_unlinked(extract: Extract, text: str, mention: str) -> None:
    actors = extract(text, published="2019-06-01").actors
    actor = actor_with(actors, mention)
    assert actor is None or actor.wikidata is None, actor


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        # a common noun's possessive is not the fast-food chain named "Church's"
        ("The hackers attacked the Church's websites on Monday.", "Q2967663"),
        ("Leaders of the Church's campaign denied the claims on Sunday.", "Q2967663"),
    ],
)
def test_possessive_of_a_word_is_no_firm(extract: Extract, text: str, qid: str) -> None:
    actors = extract(text, published="2019-06-01").actors
    assert all(a.wikidata != qid for a in actors), actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The artificial pancreas (AP) adjusts insulin.", {"AP": "artificial pancreas"}),
        ("the Islamic Revolutionary Guard Corps (IRGC) said", {"IRGC": "Islamic Revolutionary Guard Corps"}),
        ("the Department of Homeland Security (DHS) said", {"DHS": "Department of Homeland Security"}),
        ("He said (AP) nothing.", {}),  # the words before do not spell it
        ("No acronym here.", {}),
    ],
)
def test_defined_acronyms(text: str, expected: dict[str, str]) -> None:
    assert _defined_acronyms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La. Department of Wildlife and Fisheries", "Louisiana Department of Wildlife and Fisheries"),
        ("N.Y. Police Department", "New York Police Department"),
        ("Department of State", None),
        ("Tesco PLC", "Tesco"),
        ("Wells Fargo & Co.", "Wells Fargo"),
        ("Alphabet Inc.", "Alphabet"),
        ("Inc.", None),
        ("La.", None),
    ],
)
def test_abbreviation_variants(text: str, expected: str | None) -> None:
    assert NameVariants.load().expand(text) == expected
