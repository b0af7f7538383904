"""Apposition: "Linda Thomas-Greenfield, the US ambassador to the UN," names one person, not two actors."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Token

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
    if m.person_head and m.unnamed and m.role_key is not None:
        return True  # "the Crown prosecutor, Mark Tedeschi": the judiciary's person
    return m.kind == "person" and ((m.unnamed and m.role_key is not None) or _is_office(m))


def merge_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """A person and an unnamed person role in apposition ("X, the US ambassador", "the Russian president,
    Vladimir Putin", "the president of the Lombardy region, Roberto Maroni") become one actor: the role
    mention is re-pointed at the person, who takes the role's title and, when unknown, its country and sector.
    ``mentions`` is sorted by start; edited in place."""
    for a, b in itertools.pairwise(mentions):
        if a.end >= b.start or not all(_between(t, b) for t in doc[a.end : b.start]):
            continue
        if doc[a.end].text != ",":
            continue  # "X, the ambassador": a comma must separate them
        pair = _person_and_role(a, b)
        if (
            pair is None
            and _org_named_person(a)
            and _is_person_role(b)
            and doc[b.start - 1].lower_ in ("a", "an", "the")
        ):
            # "Sachin Pilot, a former federal minister", "Sachin Pilot, the chief of the Congress party":
            # NER's ORG, unknown to the KB, is a person
            pair = (a, b)
        if pair is None:
            continue
        later = b  # the appositive is the later of the two
        earlier = a
        lh = head_of(doc, later.start, later.end)
        if not _appositive(lh) or not earlier.start <= lh.head.i < earlier.end:
            continue
        indefinite = doc[later.start - 1].lower_ in ("a", "an")  # "X, a former minister and party chief,"
        if later.end < len(doc) and doc[later.end].lower_ in ("and", "or") and not indefinite:
            continue  # "John Smith, the minister and the governor": a list, not an apposition
        if pair[0].kind != "person":
            pair[0].kind, pair[0].label = "person", "PERSON"
            pair[0].rule += "+appos-person"
        _merge(*pair)
    _merge_long_roles(doc, mentions)


def _between(tok: Token, later: Mention) -> bool:
    """A word allowed between two mentions in apposition: a comma or article, or a modifier of the later
    name left out of its mention ("Minister of Health, Dr Sarah Banda": the honorific)."""
    return tok.lower_ in _BETWEEN or (
        tok.dep_ in ("compound", "amod") and later.start <= tok.head.i < later.end
    )


def _appositive(tok: Token) -> bool:
    """The noun is in apposition to its head: ``appos``, or a ``conj`` with no coordinating word in its
    coordination, which the parser makes of a comma-separated name after an upper-case title ("MINISTER of
    Defense, Brigadier General Mansur M. Dan-Ali")."""
    if tok.dep_ == "appos":
        return True
    if tok.dep_ != "conj":
        return False
    return not any(c.dep_ in ("cc", "preconj") for c in (*tok.head.children, *tok.children))


def _org_named_person(m: Mention) -> bool:
    """A name NER took for an organisation, unknown to the KB and without a sector or role of its own:
    in apposition to a person's role with an indefinite article ("X, a former minister") it is a person."""
    return (
        m.kind == "organization"
        and m.label == "ORG"
        and m.entry is None
        and not m.unnamed
        and m.role_key is None
        and m.sector is None
    )


def _person_and_role(a: Mention, b: Mention) -> tuple[Mention, Mention] | None:
    if _is_person(a) and _is_person_role(b):
        return a, b
    if _is_person_role(a) and _is_person(b):
        return b, a
    return None


def _merge_long_roles(doc: Doc, mentions: list[Mention]) -> None:
    """A role with its own complement before the name ("the president of the Lombardy region, Roberto
    Maroni,"): the parser makes the name an apposition of the role noun, with words between them, or, when no
    comma follows the name, the role phrase a modifier of the name's verb ("Minister for the Middle East,
    Tobias Ellwood said")."""
    at: dict[int, Mention] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            at.setdefault(i, m)
    for b in mentions:
        if b.start < 2 or doc[b.start - 1].text != "," or not _is_person(b):
            continue
        hb = head_of(doc, b.start, b.end)
        if hb.dep_ == "appos":
            tok = hb.head
        elif hb.dep_ in ("nsubj", "nsubjpass"):
            # "Minister for the Middle East, Tobias Ellwood said": the parser hangs the role phrase on the
            # verb beside its subject; only the role's words and the comma stand before the name
            lead = [
                c
                for c in hb.head.children
                if c.dep_ in ("npadvmod", "dep", "nsubj", "nsubjpass") and c.i < b.start and c.i != hb.i
            ]
            if not lead or lead[0].right_edge.i != b.start - 2:
                continue
            tok = lead[0]
        else:
            continue
        a = at.get(tok.i)
        for _ in range(4):  # "the secretary general of [the Conference], X": up to the role noun
            if (a is not None and _is_person_role(a)) or tok.dep_ not in ("pobj", "prep"):
                break
            tok = tok.head
            a = at.get(tok.i)
        if a is None or a is b or a.end >= b.start or b.start - a.end > 12 or not _is_person_role(a):
            continue
        if b.end < len(doc) and doc[b.end].lower_ in ("and", "or"):
            continue
        _body_of_role(a, [m for m in mentions if a.end <= m.start and m.end < b.start])
        _merge(b, a)


def _body_of_role(role: Mention, inside: list[Mention]) -> None:
    """ "Spokesman for the Kenyan police, X", "the chief of the Congress party in Rajasthan, X": a role
    whose complement names a body serves that body; the role takes the body's country and, from an
    organisation or group, its sector (when the role has no country of its own)."""
    body = next((m for m in inside if m.kind in ("organization", "group", "state") and m.country), None)
    if body is None or role.country is not None:
        return
    role.country = body.country
    if body.kind != "state" and body.sector is not None:
        role.sector, role.sectors = body.sector, list(body.sectors)


def _merge(person: Mention, role: Mention) -> None:
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
