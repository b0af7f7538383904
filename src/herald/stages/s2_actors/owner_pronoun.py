"""A generic role owned through a possessive pronoun: "The Citizens Coalition for Change said its leader was
arrested". Once pronouns are resolved, a generic role (leader, spokesman, official: ``generic: true`` in
roles.yaml) whose possessor is a pronoun of an organisation or group that is no state takes that
organisation's sector (and country, when it has one) instead of the government's default; rule
``+its-organisation:<sector>`` ("unknown" when the organisation's sector is unknown)."""

from __future__ import annotations

from spacy.tokens import Doc

from .resolve import Draft

POSSESSIVES = frozenset({"its", "their"})
OWNER_KINDS = frozenset({"organization", "group"})


def own_by_pronoun(doc: Doc, drafts: list[Draft], generic: dict[str, str]) -> None:
    """``generic``: role key -> the role's default sector. Edits the drafts in place."""
    owner_of: dict[int, Draft] = {}
    for d in drafts:
        for s, e in d.spans:
            if e - s == 1 and doc[s].lower_ in POSSESSIVES:
                owner_of[s] = d
    if not owner_of:
        return
    for d in drafts:
        m = d.first
        if not d.spans or not m.unnamed or m.entry is not None or m.owner is not None:
            continue
        default = generic.get(m.role_key or "")
        if default is None or m.sector != default:
            continue  # not a generic role, or its phrase already said whose it is
        s0 = min(d.spans)[0]
        owner = owner_of.get(s0 - 1) if s0 > 0 else None
        if owner is None or owner is d or owner.first.kind not in OWNER_KINDS:
            continue
        if owner.first.entry is not None:
            continue  # a KB organisation or state keeps the default (its officials may be the state's)
        sectors = [x for x in [owner.first.sector, *owner.first.sectors] if x]
        if default in sectors:
            continue
        m.sector, m.sectors = (sectors[0] if sectors else None), list(dict.fromkeys(sectors))
        m.country = m.country or owner.first.country
        m.rule += f"+its-organisation:{m.sector or 'unknown'}"
