"""Pure functions: Doc -> Place records, and :func:`place_for`, the place governing an event trigger.

:func:`extract_places` finds place mentions (:mod:`.mentions`), resolves each against the offline gazetteer
(:mod:`.store`, :mod:`.resolve`) and returns one :class:`~herald.schema.Place` per mention, in text order,
ids ``p1, p2, ...``. A mention the gazetteer cannot resolve is still a place (``geonameid``/``lat``/``lon``
None, ``resolution`` None) when NER called it GPE or LOC.

Metonymy: when the actors stage (which runs first) made a mention of a capital or country an actor ("Beijing
said", "Russia launched"), the Place is still output — toponym evaluations count it — but with
``metonymic=True``; :func:`place_for` never returns such a place as an event location.

:func:`place_for(doc, token_or_span) <place_for>` — for the events stage — returns the place governing an
event trigger: first a place inside a locative prepositional phrase ("in/near/at/outside/across ... X")
attached to the trigger or to the verb of its clause; else the place nearest the trigger in the same
sentence that is not an actor mention; else None. It reads ``doc._.herald_places`` and never changes it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import cast

from spacy.tokens import Doc, Span, Token

from ...schema import Place
from ..common import RangeIndex, actor_at, children_labelled, doc_text, index_of, records, sentence_of
from .lexicon import lexicon
from .mentions import Mention, find_mentions
from .resolve import resolve
from .sites import place_in_town
from .store import store

_RESOLUTION = {
    "country": "country",
    "continent": "region",
    "admin1": "admin1",
    "admin2": "region",
    "city": "city",
    "region": "region",
    "point": "point",
}


def extract_places(doc: Doc) -> list[Place]:
    if not len(doc) or (not doc.ents and not any(t.is_title for t in doc)):
        return []
    gaz = store()
    mentions = find_mentions(doc, gaz)
    resolve(mentions, gaz)
    place_in_town(doc, mentions)
    surnames = _person_words(doc)
    kept = [
        m
        for m in mentions
        if (m.best is not None or m.feature is not None or not _unlikely(doc, m))
        and not _coin_toss(m)
        and not _person(doc, m, surnames)
    ]
    return [_record(doc, i, m) for i, m in enumerate(kept, 1)]


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the article's multi-word person names ("Mohamed Salah", "Hurricane Harvey" is no person)."""
    return frozenset(t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e if t.is_title)


_BIG_TOWN = 100_000


def _person(doc: Doc, m: Mention, surnames: frozenset[str]) -> bool:
    """A lone name NER called a place that the article uses in a person's name ("Salah" after "Mohamed
    Salah"), or that the actors stage made a person: that person, not a namesake village. Countries, states,
    curated regions and big towns stay places ("Jordan", "Georgia", "Washington"), as do qualified names
    ("Clinton, Iowa") and names found by their form (streets, buildings)."""
    if m.feature is not None or m.qualifier is not None or m.qualifies is not None or m.demonym or m.embedded:
        return False
    if " " in m.text or not m.rule.startswith("ner:"):
        return False
    if m.best is not None and (
        m.best.kind != "city" or m.best.population >= _BIG_TOWN or m.best.source.startswith("curated")
    ):
        return False
    if m.text in surnames:
        return True
    actor = actor_at(doc, m.start, m.end)
    return actor is not None and actor.kind == "person"


def _coin_toss(m: Mention) -> bool:
    """A name inside an organisation's name ("Henry County Jail") whose namesakes tie, nothing in the article
    telling them apart: left out rather than placed at a guess."""
    return m.embedded and m.best is not None and len(m.scores) > 1 and m.scores[0][0] - m.scores[1][0] < 0.5


def _unlikely(doc: Doc, m: Mention) -> bool:
    """An unresolved NER "place" that is probably not one: a code-like name, a titled person ("Ms Raggi"),
    or a name the actors stage took for an actor ("Swissport")."""
    first = m.text.split()[0].rstrip(".") if m.text.split() else ""
    return _code_like(m.text) or first in lexicon().honorifics or _is_actor_mention(doc, m.start, m.end)


def _code_like(text: str) -> bool:
    """'AI', 'IoTX', 'UConn': an unresolved all-caps or camel-case name is seldom a place NER got right."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return True
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(text))


def _record(doc: Doc, n: int, m: Mention) -> Place:
    # A qualifier ("Georgia" of "Athens, Georgia") only locates; it never stands for an actor.
    # A demonym ("Syrian forces") qualifies; it is never the actor itself.
    metonymic = (
        m.qualifies is None
        and not m.demonym
        and not m.embedded
        and m.feature != "R.ST"  # a street is never an actor, whatever NER made of its name
        and _is_actor_mention(doc, m.start, m.end)
    )
    rule = f"{m.rule}+{m.score_rule}" + ("+metonymic" if metonymic else "")
    e = m.best
    if e is None:
        return Place(
            id=f"p{n}",
            text=m.text,
            start=m.start,
            end=m.end,
            feature=m.feature,
            confidence=0.3,
            metonymic=metonymic,
            rule=rule,
        )
    return Place(
        id=f"p{n}",
        text=m.text,
        start=m.start,
        end=m.end,
        name=e.name,
        geonameid=e.geonameid,
        country=e.iso3,
        admin1=e.admin1 if e.kind != "country" else None,
        lat=round(e.lat, 5) if e.lat is not None else None,
        lon=round(e.lon, 5) if e.lon is not None else None,
        feature=e.feature,
        resolution=_RESOLUTION.get(e.kind),
        source=e.source,
        confidence=m.confidence,
        metonymic=metonymic,
        demonym=m.demonym,
        embedded=m.embedded,
        rule=rule,
    )


def _is_actor_mention(doc: Doc, start: int, end: int) -> bool:
    """An actor mention is exactly this name ("Beijing said"), not a longer one ("Atlanta police")."""
    actor = actor_at(doc, start, end)
    if actor is None or _where_it_happened(actor.rule):
        return False
    for ms in actor.mentions:
        if ms.start <= start and end <= ms.end:
            text = doc_text(doc)
            rest = (text[ms.start : start] + text[end : ms.end]).strip().lower()
            if rest in ("", "the", "'s", "’s"):
                return True
    return False


def _where_it_happened(rule: str | None) -> bool:
    """A place the actors stage made an event's territory or target ("a curfew in X", "shelled X",
    s2_actors/place_args.py) is both a party and where the event happened."""
    return rule is not None and any(f"{how}:" in rule or f"+{how}" in rule for how in ("territory", "target"))


_USABLE_KEY = "herald.places.usable"


def _usable(doc: Doc, places: list[Place]) -> list[Place]:
    # place_for runs once per event: decide which places can locate an event once per Doc, not per call.
    cached = doc.user_data.get(_USABLE_KEY)
    if cached is None or cached[0] != len(places):
        ids = {
            p.id
            for p in places
            if not (p.metonymic or p.demonym or p.embedded) and not _is_actor_mention(doc, p.start, p.end)
        }
        cached = (len(places), ids)
        doc.user_data[_USABLE_KEY] = cached
    return [p for p in places if p.id in cached[1]]


def _usable_index(doc: Doc, found: Sequence[Place]) -> RangeIndex[Place]:
    """The usable places by offset: place_for looks for them inside a phrase or sentence once per event."""
    return RangeIndex((p.start, p.end, p) for p in _usable(doc, list(found)))


def _clause_heads(tok: Token) -> list[Token]:
    """The trigger, then its ancestors up to and including the verb of its clause."""
    heads = [tok]
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i and len(heads) < 4:
        cur = cur.head
        heads.append(cur)
    return heads


def place_for(doc: Doc, token_or_span: Token | Span) -> Place | None:
    """The place governing an event trigger (see the module docstring), or None."""
    found_places = cast("Sequence[Place]", records(doc, "places")) or ()
    places = index_of("usable-places", found_places, lambda found: _usable_index(doc, found))
    if not len(places):
        return None
    tok = token_or_span.root if isinstance(token_or_span, Span) else token_or_span
    for head in _clause_heads(tok):
        for prep in children_labelled(head, ("prep",)):
            if prep.lower_ not in lexicon().locative_preps:
                continue
            for obj in children_labelled(prep, ("pobj", "pcomp")):
                sub = list(obj.subtree)
                lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                inside = places.inside(lo, hi)
                if inside:
                    return min(inside, key=lambda p: p.start)
    sent = sentence_of(tok)
    same = places.inside(sent.start_char, sent.end_char)
    if not same:
        return None
    return min(same, key=lambda p: abs(p.start - tok.idx))
