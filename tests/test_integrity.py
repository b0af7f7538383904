"""Whole-pipeline invariants over every bundled example and some awkward texts: offsets point at the evidence,
every cross-reference resolves, the output validates against the published JSON Schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language

import herald
from herald.inputs import ArticleInput, read_path

REPO = Path(__file__).resolve().parents[1]

AWKWARD = [
    "“Unbalanced quote, he said.\n\nThe groups’ leaders met in Doha on Tuesday.",
    "BREAKING: Kyiv says 3 killed.\n\n\n   \n«Nous ne céderons pas», a official said in French.",
    "Between 20 and 30 people — some say dozens — were killed in 2014–2015, according to the UN.",
    "A\u00a0non-breaking\u00a0space, an emoji 🙂 and a tab\tbefore Hamas said it had released two hostages.",
    "Mr. Smith (R-Texas) told CNN on 9/11/2021 at 5 p.m. that U.S. forces had withdrawn.",
]


def _items() -> list[ArticleInput]:
    items = [i for i in read_path(REPO / "examples") if isinstance(i, ArticleInput)]
    items += [ArticleInput(text=t, id=f"awkward-{n}", published="2024-05-10") for n, t in enumerate(AWKWARD)]
    return items


@pytest.fixture(scope="module")
def results(nlp: Language) -> list[tuple[ArticleInput, herald.Extraction]]:
    items = _items()
    return list(zip(items, herald.extract_many(items, nlp=nlp), strict=True))


def test_examples_are_present() -> None:
    assert len(_items()) >= 10


def test_every_article_processed(results: list[tuple[ArticleInput, herald.Extraction]]) -> None:
    assert [x.status for _, x in results] == ["ok"] * len(results)


def test_offsets_and_references(results: list[tuple[ArticleInput, herald.Extraction]]) -> None:
    for item, x in results:
        text, title = item.text, item.title or ""

        def check(
            start: int,
            end: int,
            shown: str,
            where: str,
            in_title: bool = False,
            *,
            _text: str = text,
            _title: str = title,
            _id: str = x.article.id,
        ) -> None:
            # a span found in the headline counts its offsets in the title (``in_title``)
            source, name = (_title, "title") if in_title else (_text, "text")
            assert 0 <= start <= end <= len(source), f"{_id} {where}: offsets out of range"
            assert source[start:end] == shown, f"{_id} {where}: {shown!r} != {name}[{start}:{end}]"

        actors = {a.id for a in x.actors}
        times = {t.id for t in x.times}
        places = {p.id for p in x.places}
        statements = {s.id for s in x.statements}
        events = {e.id for e in x.events}
        for kind, ids in (
            ("actor", actors),
            ("time", times),
            ("place", places),
            ("statement", statements),
            ("event", events),
        ):
            assert len(ids) == len({*ids}), f"{x.article.id}: duplicate {kind} ids"
        for a in x.actors:
            assert a.mentions, f"{x.article.id} {a.id}: an actor without mentions"
            for m in a.mentions:
                check(m.start, m.end, m.text, a.id, m.in_title)
        for t in x.times:
            check(t.start, t.end, t.text, t.id, t.in_title)
        for p in x.places:
            check(p.start, p.end, p.text, p.id, p.in_title)
        for s in x.statements:
            check(s.content.start, s.content.end, s.content.text, s.id, s.content.in_title)
            check(s.evidence.start, s.evidence.end, s.evidence.text, s.id, s.evidence.in_title)
            assert s.speaker is None or s.speaker in actors
        for e in x.events:
            check(e.evidence.start, e.evidence.end, e.evidence.text, e.id, e.evidence.in_title)
            if e.trigger:
                check(e.trigger.start, e.trigger.end, e.trigger.text, e.id, e.trigger.in_title)
            assert set(e.actors) <= actors and set(e.recipients) <= actors, e.id
            assert e.place is None or e.place in places, e.id
            assert e.reported_by is None or e.reported_by in statements, e.id
            assert e.date is None or e.date in times or e.date[:4].isdigit(), e.id
            assert e.quad in (1, 2, 3, 4) and e.cameo is not None and e.intensity is not None, e.id
            assert not set(e.actors) & set(e.recipients) or e.mode == "third-party", f"{e.id}: self-dyad"
        for f in x.figures:
            check(f.evidence.start, f.evidence.end, f.evidence.text, f.id, f.evidence.in_title)
            assert f.source is None or f.source in actors, f.id
            assert f.event is None or f.event in events, f.id


def test_output_validates_against_schema(results: list[tuple[ArticleInput, herald.Extraction]]) -> None:
    schema = herald.json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)  # checked and built once: jsonschema.validate() redoes both for every article
    for _, x in results:
        validator.validate(x.to_dict())


def test_no_sentence_explodes_into_dyads(results: list[tuple[ArticleInput, herald.Extraction]]) -> None:
    for _, x in results:
        per_sentence: dict[tuple[int, int], int] = {}
        for e in x.events:
            key = (e.evidence.start, e.evidence.end)
            per_sentence[key] = per_sentence.get(key, 0) + 1
        assert max(per_sentence.values(), default=0) <= 4, x.article.id
