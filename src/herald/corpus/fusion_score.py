"""Do two mentions tell the same event? A score (sum of weighted agreements), a hard conflict, and reasons.

Hard conflicts (never joined, whatever the rest says): incompatible types, dates further apart than the
slack allows at their granularity, different known countries, places further apart than twice the radius of
their feature class. Everything else adds or removes weight; the pair links when the score reaches the
threshold. The reasons are kept as the fused event's explanation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .fusion_config import FusionConfig
from .fusion_mentions import Mention


@dataclass
class Pair:
    score: float
    conflict: str | None = None
    reasons: list[str] = field(default_factory=list)

    def linked(self, cfg: FusionConfig) -> bool:
        return self.conflict is None and self.score >= cfg.threshold


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def date_gap(a: Mention, b: Mention) -> int | None:
    """Days between the two date intervals (0 when they overlap); None when a date is unknown."""
    if a.day_lo is None or b.day_lo is None or a.day_hi is None or b.day_hi is None:
        return None
    return max(0, max(a.day_lo, b.day_lo) - min(a.day_hi, b.day_hi))


def score(a: Mention, b: Mention, cfg: FusionConfig, *, recall: bool = False) -> Pair:
    """Score the pair; ``recall``: ``a`` is a historical mention (wider date window, no word weight floor)."""
    w = cfg.weights
    if b.type not in cfg.types_for(a.type):
        return Pair(0.0, f"types {a.type}/{b.type}")
    if a.country and b.country and a.country != b.country:
        return Pair(0.0, f"countries {a.country}/{b.country}")
    pair = Pair(0.0)
    if a.type == b.type:
        pair.score += w["same_type"]
        pair.reasons.append(f"same type {a.type}")
    else:
        pair.reasons.append(f"compatible types {a.type}/{b.type}")
    if a.mode and b.mode:
        if a.mode == b.mode:
            pair.score += w["same_mode"]
            pair.reasons.append(f"same mode {a.mode}")
        else:
            pair.score += w["other_mode"]
            pair.reasons.append(f"modes differ {a.mode}/{b.mode}")
    slack = cfg.recall_slack_days if recall else cfg.slack_days
    gap = date_gap(a, b)
    if gap is not None:
        if gap > slack:
            return Pair(0.0, f"dates {gap} days apart")
        pair.score += w["date"] * (1 - gap / (slack + 1))
        pair.reasons.append("dates agree" if gap == 0 else f"dates {gap} day{'s' * (gap > 1)} apart")
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        d = km(a.lat, a.lon, b.lat, b.lon)
        radius = max(cfg.radius(a.feature), cfg.radius(b.feature))
        where = f"{a.place or '?'}/{b.place or '?'}"
        if d > 2 * radius:
            return Pair(0.0, f"places {d:.0f} km apart ({where})")
        weak = "article" in (a.place_from, b.place_from)
        if d <= radius:
            pair.score += w["article_place"] if weak else w["place"]
            pair.reasons.append(f"same place ({where}, {d:.0f} km{', from the article' if weak else ''})")
        else:
            pair.score += w["near_place"]
            pair.reasons.append(f"near places ({where}, {d:.0f} km)")
    ids_a = {k for k in a.actors if "/" not in k}
    ids_b = {k for k in b.actors if "/" not in k}
    if shared := sorted(ids_a & ids_b):
        pair.score += w["actor_id"]
        pair.reasons.append(f"shared actor {', '.join(shared)}")
    elif shared := sorted({k for k in a.actors if "/" in k} & {k for k in b.actors if "/" in k}):
        pair.score += w["actor_code"]
        pair.reasons.append(f"shared actor {', '.join(shared)}")
    wa, wb = set(a.words.split()), set(b.words.split())
    if wa and wb:
        jac = len(wa & wb) / len(wa | wb)
        pair.score += w["words"] * jac
        pair.reasons.append(f"wording {jac:.2f}")
    return pair
