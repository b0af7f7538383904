"""Event confidence: a transparent additive score, so users can threshold it and read why.

confidence = base(trigger kind) + sum(adjustments), clipped to [0.05, 0.95]. Every adjustment that applied is
returned with its reason (``herald explain`` prints them). The weights were set by hand against the DEV
portion of plover-gsr and are documented in docs/events.md.
"""

from __future__ import annotations

BASE = {
    "verb": 0.70,  # a lexicon verb with its arguments in the parse
    "adj": 0.65,  # a predicate adjective ("willing to withdraw")
    "noun+support": 0.65,  # a noun event carried by a support verb ("held talks")
    "noun": 0.55,  # a noun event with its own actor ("the Israeli offensive")
    "noun+occur": 0.45,  # an actor-less noun event ("protests erupted")
}

ADJUST = {
    "actor": 0.12,  # the actor is an actor mention, a group mention or a modifier of the argument
    "actor-pronoun": 0.05,  # a pronoun subject resolved to the speaker of the reported clause
    "actor-inferred": 0.0,  # found only in an of/in/from complement
    "no-actor": -0.25,
    "recipient": 0.05,
    "recipient-inferred": -0.05,
    "missing-required-recipient": -0.15,  # COOPERATE, AID, SANCTION need one
    "ambiguous-trigger": -0.15,
    "control-content": 0.05,  # the embedded action of a control verb was typed
    "subordinate": -0.05,  # a relative or adverbial clause, usually background to the main event
    # the events-gwn gold leaves negated and hypothetical events out: below 0.5 from every base, so that a
    # user cutting at 0.5 drops them
    "hypothetical": -0.35,
    "negated": -0.35,
}


def score(kind: str, factors: list[str]) -> tuple[float, list[tuple[str, float]]]:
    """The confidence and the (factor, weight) list that produced it."""
    parts = [(f"base:{kind}", BASE.get(kind, 0.5))]
    parts += [(f, ADJUST[f]) for f in factors if f in ADJUST]
    value = sum(w for _, w in parts)
    return round(min(0.95, max(0.05, value)), 2), parts
