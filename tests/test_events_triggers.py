"""Event triggers grown from the PLOVER 2.0 definitions and verb classes (issue 10): light-verb and nominal
events, phrasal verbs, disambiguation by the object, military motion verbs; flags (disposition adjectives are
hypothetical, a past-tense clause is never after publication); and the events-gwn-dev scorer's detail and
folds. Rows include texts where no event (or no event of that type) must be found."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import herald
from herald.eval.core import Report
from herald.eval.datasets.events_gwn_dev import Pred, Tally, fold_of, score_article
from herald.eval.details import error_lines, parse_filter

Extract = Callable[..., herald.Extraction]
PUB = "2024-04-30"


def _typed(x: herald.Extraction) -> list[tuple[str, set[str], herald.Event]]:
    names = {a.id: a.name for a in x.actors}
    return [(e.type, {names[i] for i in e.actors}, e) for e in x.events]


@pytest.mark.parametrize(
    "text,type_,actor",
    [
        # nominal events with their light verbs
        ("Beijing announced import duties on US goods.", "SANCTION", "China"),
        ("Washington proposed tariffs on Chinese steel.", "THREATEN", "United States"),
        ("China took countermeasures against the United States.", "SANCTION", "China"),
        ("The Kremlin issued a warning to Kiev.", "THREATEN", "Russia"),
        ("Prosecutors filed charges against the mayor.", "ACCUSE", "Prosecutors"),
        ("The president renewed his fierce denunciation of the immigration policies.", "ACCUSE", None),
        ("The UN issued a rebuke to Israel.", "ACCUSE", "United Nations"),
        ("Putin sent congratulations to Xi.", "SUPPORT", "Putin"),
        ("Police placed Li Wenzu under house arrest.", "COERCE", "Police"),
        ("The court found Park guilty of bribery.", "SANCTION", "court"),
        ("The appeals court reduced Choi's sentence to 20 years.", "CONCEDE", "court"),
        ("Opposition lawmakers walked out of parliament.", "PROTEST", "lawmakers"),
        ("Activists held a vigil outside the prison.", "PROTEST", "Activists"),
        # phrasal and multiword verbs
        (
            "Senators issued statements Thursday, taking aim at Scott Pruitt's policy decisions.",
            "ACCUSE",
            "Senators",
        ),
        ("Moscow lashed out at Washington.", "ACCUSE", "Russia"),
        ("Turkey ruled out talks with the rebels.", "REJECT", "Turkey"),
        ("Iran turned down the offer.", "REJECT", "Iran"),
        ("Russia will spare no effort to push the implementation of the agreements.", "AGREE", "Russia"),
        ("Turkey offered to mediate between the two sides.", "AGREE", "Turkey"),
        ("The leader credited the army for restoring peace.", "SUPPORT", None),
        ("Mexico began handing out visas to the migrants.", "AID", "Mexico"),
        # forces moving to a destination (military subject only)
        ("Hundreds of National Guard troops headed to the border on Friday.", "MOBILIZE", None),
        ("The National Guard moved into the city.", "MOBILIZE", None),
        ("The army dispatched troops to the border.", "MOBILIZE", None),
        # an order to stop existing or operating is the restriction itself; other orders are demands
        ("The government ordered the newspaper to suspend publication.", "COERCE", None),
        # an order to another state is a demand (one to subordinates is the ordered action: evroles,
        # tests/test_events_whole_article.py)
        ("Trump ordered Iran to prepare plans.", "REQUEST", "Trump"),
        # the object keeps the violent sense
        ("Iran executed three prisoners on Monday.", "ASSAULT", "Iran"),
    ],
)
def test_trigger_found(extract: Extract, text: str, type_: str, actor: str | None) -> None:
    found = [(a, e) for t, a, e in _typed(extract(text, published=PUB)) if t == type_]
    assert found, f"no {type_} in {text!r}"
    if actor is not None:
        assert any(actor.lower() in n.lower() for a, _ in found for n in a), found


@pytest.mark.parametrize(
    "text,not_type",
    [
        # carrying out, a metaphorical fight, a non-action offer, a non-military subject, no aid papers
        ("The projects have been executed by Pakistan Army engineers.", "ASSAULT"),
        ("China is ready to fight a trade war with the United States.", "ASSAULT"),
        ("The government vowed to fight corruption.", "ASSAULT"),
        ("The general offered condolences to the family.", "AGREE"),
        ("Market forces moved to the region.", "MOBILIZE"),
        ("Thousands of fans headed to the stadium.", "MOBILIZE"),
        ("The ministry issued a statement on Monday.", "AID"),
        ("The officer was on duty at the border.", "SANCTION"),
        ("He found the book interesting.", "SANCTION"),
        ("Fans gathered at the stadium.", "PROTEST"),
        ("He said the weapons recovered included pistols and rifles.", "COERCE"),
        ("China's Commerce Ministry said it must adopt new measures.", "REQUEST"),
    ],
)
def test_no_event_of_type(extract: Extract, text: str, not_type: str) -> None:
    assert not_type not in {t for t, _, _ in _typed(extract(text, published=PUB))}


@pytest.mark.parametrize(
    "text,type_,flag,expected",
    [
        ("The army could attack the rebels in the north.", "ASSAULT", "hypothetical", True),
        ("Hamas attacked the convoy.", "ASSAULT", "hypothetical", False),
        # "Thursday" in a past-tense clause: never after publication, whatever the weekday resolves to
        (
            "Malaysian authorities ordered the party to submit its papers on Thursday.",
            "REQUEST",
            "future",
            False,
        ),
        ("Russia will hold talks with Ukraine next month.", "AGREE", "future", False),
    ],
)
def test_flags(extract: Extract, text: str, type_: str, flag: str, expected: bool) -> None:
    events = [e for t, _, e in _typed(extract(text, published="2018-04-06")) if t == type_]
    assert events, f"no {type_} in {text!r}"
    assert getattr(events[0], flag) is expected


def _pred(type_: str, names: set[str], hist: bool = False) -> Pred:
    return Pred(type_, hist, names, "text", "rule")


@pytest.mark.parametrize(
    "gold,preds,hit,used,required",
    [
        # a prediction matching an optional event is no false positive; a missed optional event no miss
        (
            [
                {"id": "E1", "type": "ACCUSE", "actor": ["China"], "historical": False},
                {"id": "E2", "type": "SUPPORT", "actor": ["Japan"], "historical": False, "optional": True},
                {"id": "E3", "type": "AID", "actor": ["Peru"], "historical": False, "optional": True},
            ],
            [_pred("ACCUSE", {"china"}), _pred("SUPPORT", {"japan"})],
            1,
            2,
            1,
        ),
        # wrong historical flag: no match either way
        (
            [{"id": "E1", "type": "ACCUSE", "actor": ["China"], "historical": True}],
            [_pred("ACCUSE", {"china"})],
            0,
            0,
            1,
        ),
        # nothing predicted, nothing found
        ([], [], 0, 0, 0),
    ],
)
def test_scorer_optional_events_count_neither_way(
    gold: list[dict[str, object]], preds: list[Pred], hit: int, used: int, required: int
) -> None:
    tally = Tally()
    score_article(gold, preds, tally)  # type: ignore[arg-type]
    assert (tally.hit, tally.used, tally.required, tally.preds) == (hit, used, required, len(preds))


@pytest.mark.parametrize("position,fold", [(0, "a"), (1, "b"), (2, "a"), (13, "b")])
def test_fold_of(position: int, fold: str) -> None:
    assert fold_of(position) == fold


@pytest.mark.parametrize(
    "where,expected",
    [
        ([], 2),
        (["fold=a"], 1),
        (["fold=a", "reason=missed"], 1),
        (["fold=b", "reason=missed"], 0),
        (["not-a-filter"], 2),
    ],
)
def test_error_lines(where: list[str], expected: int) -> None:
    report = Report(dataset="x", path="x")
    report.errors = [
        {"fold": "a", "article": 1, "gold": "E1", "reason": "missed", "gold_actor": ["China", "Beijing"]},
        {"fold": "b", "article": 2, "pred": "ACCUSE", "names": []},
    ]
    lines = error_lines(report, parse_filter(where))
    assert len(lines) == expected
    if lines and "fold=a" in where:
        assert lines[0].startswith("fold=a  article=1") and "China ; Beijing" in lines[0]


@pytest.mark.parametrize(
    "text,ref,background",
    [
        ("a year ago", "2018-04-06", True),
        ("two decades ago", None, True),
        ("18 months ago", "2018-04-06", True),
        ("in February", "2018-04-06", True),
        ("on December 3", "2018-04-06", True),  # the December before an April story
        ("two weeks ago", "2018-04-06", False),
        ("in March", "2018-04-06", False),  # ends within a month of the story's date
        ("March 28", "2018-04-06", False),
        ("next February", "2018-04-06", False),
        ("in February", None, False),  # no story date: a bare month says nothing
        ("on Thursday", "2018-04-06", False),
    ],
)
def test_undated_background(text: str, ref: str | None, background: bool) -> None:
    from datetime import date

    from herald.stages.s5_events.history import undated_background

    got = undated_background(text, date.fromisoformat(ref) if ref else None, 31)
    assert (got is not None) is background, got


@pytest.mark.parametrize(
    "text,historical",
    [
        ("Police arrested Lee six months ago. Police arrested Moon on April 6, 2018.", True),
        ("Police arrested Moon two weeks ago. Police arrested Kim on April 6, 2018.", False),
    ],
)
def test_historical_without_publication_date(extract: Extract, text: str, historical: bool) -> None:
    first = extract(text).events[0]
    assert first.type == "COERCE" and first.historical is historical
