"""The article's headline and opening read right (headline pass, issue 10).

- A title given apart from the text is read as the article's headline (``herald.headline``): its event is
  coded in headline grammar (present tense for a past act, dropped articles, "X to VERB" for a coming act), a
  headline event merges with the body event it restates (one event, both mentions kept), and one the body
  does not tell stays, its evidence in the title (``in_title``, offsets into ``article.title``). Headlines
  that tell no act (features, questions, a quotation without a speaker) give none.
- Bylines and a dateline's agency credit ("By JILL COLVIN, Associated Press", "WASHINGTON (Reuters) -")
  name no actor.
- A name opening a sentence that NER missed ("Rakesh Kumar has accused ...") is a person when the article
  names that person again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import herald
from corpus_helpers import write_jsonl
from herald.corpus import ingest
from herald.corpus.store import open_store
from herald.schema import Span

PUB = "2024-04-30"
Extract = Callable[..., herald.Extraction]

BODY_NOTHING = (
    "Residents described long queues at fuel stations on Monday. Shops in the town centre stayed closed."
)


def _events(x: herald.Extraction) -> list[tuple[str, set[str], int, bool]]:
    """(type, actor names, number of mentions, evidence in the title) of every event."""
    names = {a.id: a.name.lower() for a in x.actors}
    return [(e.type, {names[i] for i in e.actors}, len(e.mentions), e.evidence.in_title) for e in x.events]


def _check_offsets(x: herald.Extraction, text: str, title: str) -> None:
    spans: list[Span] = []
    for e in x.events:
        spans += [e.evidence, *e.mentions, *([e.trigger] if e.trigger else [])]
    for a in x.actors:
        spans += a.mentions
    for span in spans:
        source = title if span.in_title else text
        assert source[span.start : span.end] == span.text


# (title, text, expected events as (type, words of the actor's name, mentions, evidence in the title))
HEADLINE_ROWS = [
    # the headline alone tells the act: coded from it, evidence in the title
    ("Rebels seize border town of Kamanyola", BODY_NOTHING, [("COERCE", {"rebels"}, 0, True)]),
    (
        "Beijing bans online Bible sales",
        "The ban took effect on Friday, according to a notice seen by reporters.",
        [("COERCE", {"china"}, 0, True)],
    ),
    # "Speaker: ..." headline: the act is the speaker's
    (
        "China warns Trump: We will fight US at any cost",
        "Beijing said on Friday that it was ready for a long trade war.",
        [("THREATEN", {"china"}, 0, True)],
    ),
    # the headline restates the body's event: one event, the body's evidence first, the headline's kept
    (
        "Police arrest opposition leader in Harare",
        "Police arrested opposition leader Job Sikhala in Harare on Tuesday, his lawyer said.",
        [("COERCE", {"police"}, 2, False)],
    ),
    (
        "Kenya agrees to send police to Haiti",
        "Kenya agreed on Monday to send 1,000 police officers to Haiti, the foreign ministry said.",
        [("AGREE", {"kenya"}, 2, False)],
    ),
    # an HTML title's site name after a bar is no part of the headline
    (
        "Rebels seize border town of Kamanyola | Daily Monitor",
        BODY_NOTHING,
        [("COERCE", {"rebels"}, 0, True)],
    ),
    (
        "Daily Monitor | Rebels seize border\ntown of Kamanyola",
        BODY_NOTHING,
        [("COERCE", {"rebels"}, 0, True)],
    ),
    # a coming act ("X to VERB") is no event yet; nor a question, a feature, a quotation without a speaker
    ("Turkey to expel Dutch diplomats", BODY_NOTHING, []),
    ("Is the ceasefire in Yemen about to collapse?", BODY_NOTHING, []),
    ("How a small town learned to love its river", BODY_NOTHING, []),
    ("'We will not surrender'", BODY_NOTHING, []),
    # a text that already opens with its headline is read once
    (
        "Police arrest opposition leader in Harare",
        "Police arrest opposition leader in Harare\n\nPolice arrested opposition leader Job Sikhala in "
        "Harare on Tuesday, his lawyer said.",
        [("COERCE", {"police"}, 2, False)],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), HEADLINE_ROWS)
def test_headline_events(
    extract: Extract, title: str, text: str, expected: list[tuple[str, set[str], int, bool]]
) -> None:
    x = extract(text, published=PUB, title=title)
    got = _events(x)
    assert len(got) == len(expected), got
    for (etype, words, mentions, in_title), (gtype, names, gmentions, gin_title) in zip(
        expected, got, strict=True
    ):
        assert gtype == etype
        assert all(any(w in n for n in names) for w in words), names
        assert (gmentions, gin_title) == (mentions, in_title)
    _check_offsets(x, text, title)


def test_no_title_no_title_spans(extract: Extract) -> None:
    x = extract("Police arrested opposition leader Job Sikhala in Harare on Tuesday.", published=PUB)
    assert x.events and not any(e.evidence.in_title for e in x.events)
    assert "in_title" not in x.to_json()  # written only when true


# (text, names that must not be actors, names that must be)
CREDIT_ROWS = [
    (
        "By: Jane Doe US-based aluminium maker Alcoa said on Monday it would close its smelter in Texas.",
        {"jane doe"},
        {"alcoa", "united states"},
    ),
    (
        "WASHINGTON (Reuters) - The United States imposed sanctions on three Russian banks on Monday.",
        {"reuters"},
        {"united states"},
    ),
    (
        "By JILL COLVIN and GILLIAN WONG, Associated Press WASHINGTON (AP) — China vowed on Friday to fight "
        "the U.S. after Trump proposed new tariffs.",
        {"jill colvin", "wong", "associated press", "associated press washington"},
        {"china", "donald trump"},
    ),
    ("By Mark Smith, Staff Writer\nPolice arrested two men in Lagos on Sunday.", {"mark smith"}, {"police"}),
    # "By" opening a sentence is no byline
    (
        "By Monday, Russian forces had seized the town. By then Ukrainian troops had withdrawn.",
        set(),
        {"russian forces"},
    ),
    # a wrapped line opening with "by" is no byline
    (
        "Two journalists were detained on Monday\nby Israeli Defense Forces near Hebron, the union said.",
        set(),
        {"israel defense forces"},
    ),
    # an agency named in the story is an actor
    ("Reuters reported that police had arrested two journalists in Yangon.", set(), {"reuters", "police"}),
]


@pytest.mark.parametrize(("text", "absent", "present"), CREDIT_ROWS)
def test_bylines_and_datelines(extract: Extract, text: str, absent: set[str], present: set[str]) -> None:
    names = {a.name.lower() for a in extract(text, published=PUB).actors}
    assert not names & absent, names
    assert present <= names, names


# (text, event type, words of the actor's name; "" when the event must have no actor)
INITIAL_NAME_ROWS = [
    (
        "Rakesh Kumar has accused the state government of ignoring farmers. Kumar, a local leader, said the "
        "police had detained 20 protesters.",
        "ACCUSE",
        "rakesh kumar",
    ),
    (
        "Amina Yusuf condemned the attack on the market. Police said Yusuf had been threatened before.",
        "ACCUSE",
        "amina yusuf",
    ),
    # a name the article does not name again: no guess
    ("Rakesh Kumar has accused the state government of ignoring farmers.", "ACCUSE", ""),
]


@pytest.mark.parametrize(("text", "etype", "actor"), INITIAL_NAME_ROWS)
def test_sentence_initial_names(extract: Extract, text: str, etype: str, actor: str) -> None:
    x = extract(text, published=PUB)
    names = {a.id: a.name.lower() for a in x.actors}
    events = [e for e in x.events if e.type == etype]
    assert events
    got = {names[i] for i in events[0].actors}
    assert (actor in got) if actor else not got, got


def test_store_keeps_no_title_offsets(tmp_path: Path) -> None:
    """The store's offsets index the stored text: a span in the title is stored without offsets."""
    src = tmp_path / "in"
    src.mkdir()
    write_jsonl(
        src / "a.jsonl",
        [
            {
                "id": "t",
                "title": "Rebels seize border town of Kamanyola",
                "text": BODY_NOTHING,
                "published": PUB,
            }
        ],
    )
    db = tmp_path / "h.db"
    ingest([src], db, workers=1)
    with open_store(db) as s:
        rows = s.conn.execute("SELECT evidence_start, evidence FROM events").fetchall()
    assert [tuple(r) for r in rows] == [(None, "Rebels seize border town of Kamanyola")]
