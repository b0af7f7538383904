"""Pure functions: Doc -> Actor records.

Baseline: every PERSON / ORG / GPE / NORP entity becomes an actor, mentions grouped by their text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...schema import Actor, ActorKind
from ..common import span_of

_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


def extract_actors(doc: Doc) -> list[Actor]:
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            continue
        key = ent.text.strip()
        actor = by_name.get(key)
        if actor is None:
            actor = Actor(id=f"a{len(by_name) + 1}", name=key, kind=kind, rule="ner-baseline")
            by_name[key] = actor
        actor.mentions.append(span_of(ent))
    return list(by_name.values())
