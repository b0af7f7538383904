"""Apposition: "Linda Thomas-Greenfield, the US ambassador to the UN," names one person, not two actors."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from .mentions import Mention
from .syntax import head_of

_BETWEEN = frozenset({",", "the", "a", "an", "-", "--", "\u2013", "\u2014"})


def _is_office(m: Mention) -> bool:
    """A role resolved to its holder by the date ("the Russian foreign minister" -> Lavrov): a guess that a
    name in apposition overrides."""
    return m.rule.startswith("office")


def _is_person(m: Mention) -> bool:
    return (
        m.kind == "person"
        and not m.unnamed
        and not _is_office(m)
        and (m.entry is not None or m.label == "PERSON")
    )


def _is_person_role(m: Mention) -> bool:
    return m.kind == "person" and ((m.unnamed and m.role_key is not None) or _is_office(m))


def merge_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """A person and an unnamed person role in apposition ("X, the US ambassador", "the Russian president,
    Vladimir Putin") become one actor: the role mention is re-pointed at the person, who takes the role's
    title and, when unknown, its country and sector. ``mentions`` is sorted by start; edited in place."""
    for a, b in itertools.pairwise(mentions):
        if a.end >= b.start or not all(t.lower_ in _BETWEEN for t in doc[a.end : b.start]):
            continue
        if doc[a.end].text != ",":
            continue  # "X, the ambassador": a comma must separate them
        if _is_person(a) and _is_person_role(b):
            person, role = a, b
        elif _is_person_role(a) and _is_person(b):
            person, role = b, a
        else:
            continue
        later = b  # the appositive is the later of the two
        earlier = a
        lh = head_of(doc, later.start, later.end)
        if lh.dep_ != "appos" or not earlier.start <= lh.head.i < earlier.end:
            continue
        if later.end < len(doc) and doc[later.end].lower_ in ("and", "or"):
            continue  # "John Smith, the minister and the governor": a list, not an apposition
        if person.title is None:
            person.title = role.title
        if person.country is None:
            person.country = role.country
        if person.sector is None and (role.country is not None or role.sector != "GOV"):
            # a bare "executive vice president" or "spokesman for the army" is no government's official
            person.sector = role.sector
            person.sectors = list(role.sectors)
        person.rule += "+appos"
        role.entry, role.name, role.kind, role.label = person.entry, person.name, person.kind, person.label
        role.country, role.sector, role.sectors = person.country, person.sector, list(person.sectors)
        role.role_key, role.unnamed, role.rule = None, False, person.rule
