"""Orders to subordinates (rule and rationale: ``order_verbs`` in data/lexicons/event_roles.yaml).

"President Ruto ordered the army to deploy troops to the border" is Kenya mobilising, not Kenya demanding
something of Kenya: the ordered action becomes the event, with the subordinates and the one who ordered as its
actors; an internal order whose action codes no event is dropped. Orders to parties outside the orderer's
state stay demands (REQUEST) or restrictions (COERCE), as the lexicon says."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...schema import Actor
from .candidate import Candidate
from .roles import Resolved
from .sentence_roles import event_roles_data
from .triggers import lemma_of

OWNERS = frozenset({"his", "her", "its", "their"})


@dataclass(frozen=True)
class OrderRules:
    verbs: frozenset[str]
    givers: frozenset[str]
    takers: frozenset[str]


@lru_cache(maxsize=1)
def order_rules() -> OrderRules:
    data = event_roles_data()

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data.get(key) or ())

    return OrderRules(
        frozenset(w.lower() for w in words("order_verbs")),
        frozenset(w.upper() for w in words("order_giver_sectors")),
        frozenset(w.upper() for w in words("order_taker_sectors")),
    )


def _state_voice(a: Actor, rules: OrderRules) -> bool:
    return a.kind == "state" or (a.sector or "") in rules.givers


def _subordinate(r: Actor, countries: set[str], owned: bool, rules: OrderRules) -> bool:
    if (r.sector or "") not in rules.takers or r.kind == "state":
        return False
    return owned or r.country is None or r.country in countries


def is_internal_order(cand: Candidate) -> bool:
    """An order given by a state voice to its own organs: every recipient is a subordinate (a state sector of
    the orderer's country or of none, or owned by the orderer: "his troops")."""
    rules = order_rules()
    if lemma_of(cand.trigger) not in rules.verbs or cand.type not in ("REQUEST", "COERCE"):
        return False
    givers, takers = cand.actors.actors, cand.recipients.actors
    if not givers or not takers or not all(_state_voice(a, rules) for a in givers):
        return False
    countries = {a.country for a in givers if a.country}
    if not countries and any(r.country for r in takers):
        return False  # an unaffiliated voice ordering a foreign organ: not evidently its own
    owned = any(c.dep_ == "poss" and c.lower_ in OWNERS for t in cand.recipients.tokens for c in t.children)
    return all(_subordinate(r, countries, owned, rules) for r in takers)


def recast(cand: Candidate, ctype: str, mode: str | None, recipients: Resolved) -> None:
    """The ordered action is the event: its type and mode, the subordinates then the orderer as actors,
    the action's own recipient."""
    actors = Resolved(tokens=list(cand.recipients.tokens))
    for a in cand.recipients.actors:
        actors.add(a, "ordered")
    for a, h in zip(cand.actors.actors, cand.actors.how, strict=False):
        actors.add(a, f"ordered-by:{h}")
    ids = {a.id for a in actors.actors}
    kept = Resolved()
    for a, h in zip(recipients.actors, recipients.how, strict=False):
        if a.id not in ids:
            kept.add(a, h)
    cand.notes.append(
        f"order to subordinates ({', '.join(a.name for a in cand.recipients.actors)}): the ordered "
        f"action ({ctype}) is the event, by them on {', '.join(a.name for a in cand.actors.actors)}'s order"
    )
    cand.type, cand.mode = ctype, mode
    cand.actors, cand.recipients = actors, kept
    cand.rule += f"+order:subordinate=>{ctype}"
