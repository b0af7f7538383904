"""Which event a figure belongs to: the event triggered by the figure's governing verb/noun, else an event
whose trigger governs the figure in the same clause."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...schema import Event


def _covers(ev: Event, tok: Token) -> bool:
    t = ev.trigger
    return t is not None and t.start <= tok.idx < t.end


def event_for(events: Sequence[Event], trigger: Token | None, slot: Token) -> tuple[str | None, str]:
    """(event id, rule) for a figure whose category came from ``trigger``; ``slot`` is its counted group."""
    if not events:
        return None, "no-events"
    if trigger is not None:
        for ev in events:
            if _covers(ev, trigger):
                return ev.id, "event:trigger"
        if trigger.dep_ in ("relcl", "acl"):
            # "an attack that killed 18": the event is the noun the clause describes
            for ev in events:
                if _covers(ev, trigger.head):
                    return ev.id, "event:described"
    # "39 prisoners released by Israel": the counted group has its own clause; an event above it is another
    for c in slot.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            for ev in events:
                if _covers(ev, c):
                    return ev.id, "event:own-clause"
            return None, "event:none"
    # the nearest verb above the counted group, up to the clause boundary
    cur = slot
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        for ev in events:
            if _covers(ev, cur):
                return ev.id, "event:clause"
        if cur.dep_ in ("ccomp", "parataxis", "ROOT", "advcl", "relcl", "conj") and cur.pos_ in (
            "VERB",
            "AUX",
        ):
            break
    return None, "event:none"
