"""Fusion thresholds and weights: ``data/fusion/fusion.yaml``, layered with the user's copy and
an optional file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..knowledge import load_layered, merge, read_yaml

CONFIG_PATH = "fusion/fusion.yaml"
SINGLE_FIGURE_RULES = ("latest-most-independent", "most-conservative", "latest")


@dataclass(frozen=True)
class FusionConfig:
    threshold: float
    weights: dict[str, float]
    compatible: dict[str, frozenset[str]]
    slack_days: int
    report_lag_days: int
    recall_slack_days: int
    recall_after_days: int
    radius_km: dict[str, float]
    max_candidates: int
    max_component: int
    confidence_per_source: float
    figure_types: dict[str, tuple[str, ...]]
    single_figure_rule: str
    same_moment_days: int
    raw: dict[str, Any] = field(default_factory=dict, compare=False)

    def types_for(self, type_: str) -> frozenset[str]:
        """The types a mention of ``type_`` may fuse with (itself included)."""
        return self.compatible.get(type_, frozenset()) | {type_}

    def radius(self, feature: str | None) -> float:
        """Same-place radius (km) of a GeoNames feature code: the longest matching prefix wins."""
        best, length = self.radius_km.get("default", 40.0), -1
        for prefix, km in self.radius_km.items():
            if feature and feature.startswith(prefix) and len(prefix) > length:
                best, length = km, len(prefix)
        return best


def load_config(path: str | Path | None = None, **overrides: Any) -> FusionConfig:
    """The shipped config with the user's ``$HERALD_HOME/fusion/fusion.yaml``, then ``path``,
    then ``overrides``."""
    data = load_layered(CONFIG_PATH)
    if path is not None:
        data = merge(data, read_yaml(Path(path)))
    data = merge(data, overrides)
    try:
        compatible: dict[str, set[str]] = {}
        for group in data.get("compatible_types") or []:
            for t in group:
                compatible.setdefault(t, set()).update(group)
        date = data["date"]
        rule = str(data.get("single_figure_rule", SINGLE_FIGURE_RULES[0]))
        if rule not in SINGLE_FIGURE_RULES:
            raise ConfigError(
                f"fusion config: single_figure_rule {rule!r} is not one of {', '.join(SINGLE_FIGURE_RULES)}."
            )
        return FusionConfig(
            threshold=float(data["threshold"]),
            weights={k: float(v) for k, v in data["weights"].items()},
            compatible={k: frozenset(v) for k, v in compatible.items()},
            slack_days=int(date["slack_days"]),
            report_lag_days=int(date["report_lag_days"]),
            recall_slack_days=int(date["recall_slack_days"]),
            recall_after_days=int(date.get("recall_after_days", 10)),
            radius_km={str(k): float(v) for k, v in data["radius_km"].items()},
            max_candidates=int(data["max_candidates"]),
            max_component=int(data["max_component"]),
            confidence_per_source=float(data["confidence_per_source"]),
            figure_types={k: tuple(v) for k, v in (data.get("figure_types") or {}).items()},
            single_figure_rule=rule,
            same_moment_days=int(data.get("same_moment_days", 1)),
            raw=data,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(
            f"fusion config: missing or malformed value ({exc}). Compare your file with the shipped "
            f"herald/data/{CONFIG_PATH}."
        ) from exc
