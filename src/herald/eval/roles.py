"""Per-failure listing of event roles against a gold (actor / recipient), for error analysis.

For each scored role of each sentence it says whether the predicted parties match the gold country (and
sector), and, where they do not, *why*:

- ``none/unassigned``: the role is empty although an actor record covers the gold text (role assignment);
- ``none/not-an-actor``: the role is empty and no actor record covers the gold text (actors stage);
- ``wrong-pick``: the role holds other parties while an actor record covers the gold text (role assignment);
- ``wrong-pick/not-an-actor``: the role holds other parties and the gold text is no actor (actors stage, then
  maybe role assignment);
- ``mapping/country`` / ``mapping/sector``: the role holds the gold mention but its country / sector differ
  (actors stage or KB: the mention resolved to the wrong record, or the record lacks a country or sector).

Used by ``herald eval plover-gsr --details``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..schema import Actor

ROLE_ASSIGNMENT = ("none/unassigned", "wrong-pick")
ACTORS_STAGE = ("none/not-an-actor", "wrong-pick/not-an-actor", "mapping/country", "mapping/sector")


@dataclass
class GoldParty:
    text: str
    code: str
    sector: str | None
    start: int = -1
    end: int = -1


@dataclass
class PredParty:
    name: str
    country: str | None
    sector: str | None
    sectors: list[str]
    mentions: list[str]  # the actor's mention texts inside the scored text
    rule: str | None = None


@dataclass
class RoleCase:
    """One scored role of one gold record."""

    id: str
    role: str  # actor | recipient
    type: str
    text: str
    gold: list[GoldParty]
    pred: list[PredParty]
    country_ok: bool
    both_ok: bool | None  # None: the gold gives no usable sector
    reason: str = "ok"
    others: list[PredParty] = field(default_factory=list)  # actors of the text not in the role

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        """A one-line summary for the console."""

        def show(p: PredParty) -> str:
            return f"{p.name}[{p.country or '-'}/{p.sector or '-'}]"

        gold = ", ".join(f"{g.text}[{g.code}/{g.sector or '-'}]" for g in self.gold)
        pred = ", ".join(show(p) for p in self.pred) or "-"
        return f"{self.id} {self.role} {self.type} {self.reason}: gold {gold}; pred {pred}"


def plover_code(country: str | None) -> str:
    """The CAMEO-era gold codes the UN (UNO) and the EU (EUR) as IGO: compare them as IGO."""
    code = (country or "").upper()
    return "IGO" if code in ("UNO", "EUR") else code


def gold_sector(sector: Any) -> str | None:
    """A usable 3-letter gold sector ("CIV" is CAMEO's civilian code, PLOVER's CVL), else None."""
    s = str(sector or "")
    if not s[:3].isalpha() or s == "***":
        return None
    return s[:3].upper().replace("CIV", "CVL")


def gold_parties(entities: Iterable[dict[str, Any]], text: str) -> list[GoldParty]:
    out: list[GoldParty] = []
    low = text.lower()
    for g in entities:
        gtext = str(g.get("actorText") or "")
        start = low.find(gtext.lower()) if gtext else -1
        out.append(
            GoldParty(
                text=gtext,
                code=str(g.get("code") or "").upper(),
                sector=gold_sector(g.get("sector")),
                start=start,
                end=start + len(gtext) if start >= 0 else -1,
            )
        )
    return out


def role_match(pred: Sequence[Actor], gold: Sequence[GoldParty]) -> tuple[bool, bool | None]:
    """(country match, country+sector match or None when the gold gives no usable sector)."""
    codes = {g.code for g in gold}
    country = any(plover_code(a.country) in codes for a in pred)
    pairs = {(g.code, g.sector) for g in gold if g.sector}
    if not pairs:
        return country, None
    both = any(
        plover_code(a.country) == c and s in {x.upper() for x in ([a.sector] if a.sector else []) + a.sectors}
        for a in pred
        for c, s in pairs
    )
    return country, both


def _overlaps(actor: Actor, g: GoldParty) -> bool:
    return g.start >= 0 and any(m.start < g.end and g.start < m.end for m in actor.mentions)


def _party(actor: Actor, limit: int) -> PredParty:
    return PredParty(
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        sectors=list(actor.sectors),
        mentions=[m.text for m in actor.mentions if m.end <= limit],
        rule=actor.rule,
    )


def role_case(
    record_id: str,
    role: str,
    type_: str,
    text: str,
    gold: list[GoldParty],
    pred: Sequence[Actor],
    every: Sequence[Actor],
) -> RoleCase:
    """Score one role and say why it failed (see the module docstring)."""
    country_ok, both_ok = role_match(pred, gold)
    ok = both_ok if both_ok is not None else country_ok
    reason = "ok"
    if not ok:
        covering = [a for a in every if any(_overlaps(a, g) for g in gold)]
        held = [a for a in pred if any(_overlaps(a, g) for g in gold)]
        if held:
            reason = "mapping/sector" if country_ok else "mapping/country"
        elif not pred:
            reason = "none/unassigned" if covering else "none/not-an-actor"
        else:
            reason = "wrong-pick" if covering else "wrong-pick/not-an-actor"
    limit = len(text)
    ids = {a.id for a in pred}
    return RoleCase(
        id=record_id,
        role=role,
        type=type_,
        text=text,
        gold=gold,
        pred=[_party(a, limit) for a in pred],
        country_ok=country_ok,
        both_ok=both_ok,
        reason=reason,
        others=[_party(a, limit) for a in every if a.id not in ids],
    )


def tally(cases: Iterable[RoleCase]) -> dict[str, Counter[str]]:
    """Failure reasons per role."""
    out: dict[str, Counter[str]] = {}
    for c in cases:
        out.setdefault(c.role, Counter())[c.reason] += 1
    return out


def fold_scores(
    cases: Sequence[tuple[int, RoleCase]], k: int
) -> dict[str, list[tuple[float, int, float, int]]]:
    """Per role, per fold (record index modulo k): (country accuracy, n, country+sector accuracy, n)."""
    out: dict[str, list[tuple[float, int, float, int]]] = {}
    for role in ("actor", "recipient"):
        rows: list[tuple[float, int, float, int]] = []
        for f in range(k):
            mine = [c for i, c in cases if c.role == role and i % k == f]
            sect = [c for c in mine if c.both_ok is not None]
            rows.append(
                (
                    sum(c.country_ok for c in mine) / len(mine) if mine else 0.0,
                    len(mine),
                    sum(bool(c.both_ok) for c in sect) / len(sect) if sect else 0.0,
                    len(sect),
                )
            )
        out[role] = rows
    return out
