"""Corpus test helpers: synthetic Extractions (independent of the stages' progress) and small corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from herald.corpus.ingest import Writer
from herald.corpus.store import Store
from herald.inputs import ArticleInput
from herald.schema import Actor, Article, Event, Extraction, Figure, Place, Span, Statement, Time

# The tables holding an article and its records
RECORD_TABLES = [
    "articles",
    "article_sources",
    "actors",
    "mentions",
    "events",
    "event_actors",
    "event_recipients",
    "statements",
    "figures",
    "times",
    "places",
    "errors",
]


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _actor(text: str, id: str, name: str, kind: str, sector: str, mention: str, **extra: Any) -> Actor:
    """A Congolese actor with one mention (the first occurrence of ``mention`` in ``text``)."""
    return Actor(
        id=id, name=name, kind=kind, country="COD", sector=sector, mentions=[span(text, mention)], **extra
    )


def synthetic(
    text: str, *, id: str, published: str, source: str, historical: bool = False
) -> tuple[ArticleInput, Extraction]:
    """An article 'X attacked Y in Beni, killing 12, the health ministry said' with hand-made records."""
    item = ArticleInput(
        text=text,
        id=id,
        published=published,
        source=source,
        url=f"https://x.example/{id}",
        origin=f"test:{id}",
    )
    actors = [
        _actor(text, "a1", "Ituri Defence Front", "group", "REB", "Rebels", sectors=["REB"]),
        _actor(text, "a2", "villagers", "group", "CVL", "villagers", sectors=["CVL"]),
        _actor(
            text, "a3", "Ministry of Health", "organization", "GOV", "health ministry", wikidata="Q000000"
        ),
    ]
    ev = Event(
        id="e1",
        type="ASSAULT",
        mode="firearms",
        contexts=["military"],
        actors=["a1"],
        recipients=["a2"],
        date="t1",
        date_from="text",
        place="p1",
        historical=historical,
        cameo="19",
        quad=4,
        intensity=-9,
        trigger=span(text, "attacked"),
        evidence=span(text, text.split(".")[0]),
        rule="test-rule",
        confidence=0.9,
    )
    x = Extraction(
        herald_version="test",
        article=Article(
            id=id, published=published, source=source, sha256=item.sha256, chars=len(text), language="en"
        ),
        actors=actors,
        events=[ev],
        times=[Time(id="t1", **span(text, "Sunday").model_dump(), value=published, granularity="day")],
        places=[
            Place(
                id="p1",
                **span(text, "Beni").model_dump(),
                name="Beni",
                geonameid=217570,
                country="COD",
                lat=0.49,
                lon=29.47,
                feature="P.PPLA2",
                resolution="city",
            )
        ],
        statements=[
            Statement(
                id="s1",
                speaker="a3",
                speaker_text="the health ministry",
                cue="said",
                kind="indirect",
                content=span(text, text.split(",")[1].strip()),
                evidence=span(text, text.split(".")[0]),
            )
        ],
        figures=[
            Figure(
                id="f1",
                value=12,
                qualifier="at least",
                counts="killed",
                unit="people",
                source="a3",
                source_text="the health ministry",
                hedges=["could not be independently verified"],
                event="e1",
                evidence=span(text, "at least 12"),
            )
        ],
    )
    return item, x


TEXTS = [
    (
        "art-1",
        "2025-03-10",
        "Wire",
        "Rebels attacked villagers near Beni on Sunday, killing at least 12, the health "
        "ministry said. The figure could not be independently verified.",
    ),
    (
        "art-2",
        "2025-03-20",
        "Monitor",
        "Rebels attacked villagers in Beni again on Sunday and at least 12 died, the "
        "health ministry said in a statement. Survivors fled to Butembo.",
    ),
    (
        "art-3",
        "2025-01-05",
        "Globe",
        "Rebels attacked villagers near Beni on Sunday, killing at least 12, the health "
        "ministry said on Monday. The figure could not be independently verified by reporters.",
    ),
]


def fill(store: Store) -> None:
    """Three synthetic articles: art-3 is a near-duplicate of art-1; art-2's event is historical."""
    w = Writer(store, commit_every=10)
    for ident, published, source, text in TEXTS:
        item, x = synthetic(text, id=ident, published=published, source=source, historical=ident == "art-2")
        w.article(item, x)
    w.commit()


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
