"""Mentions: what the rules found in one Doc, before mentions are grouped into actors."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .coref_lexicon import load_coref_lexicon
from .kb import Entry


@functools.cache
def _person_heads() -> frozenset[str]:
    return frozenset(load_coref_lexicon().person_heads)


@dataclass
class Mention:
    start: int  # token offsets [start, end)
    end: int
    rule: str  # which KB entry or rule produced it, e.g. "kb:CHN", "capital:CHN", "role:military"
    kind: str
    name: str
    entry: Entry | None = None
    country: str | None = None
    sector: str | None = None
    sectors: list[str] = field(default_factory=list)
    title: str | None = None
    role_key: str | None = None
    owner: Mention | None = None  # the "X" of "X-run health ministry"
    label: str | None = None  # NER label for unknown named entities
    unnamed: bool = False  # a role actor without a name ("Israeli soldiers", "the spokesman")
    plural: bool = (
        False  # a group role named by its members in the plural ("soldiers"), not its body ("army")
    )
    side: str | None = None  # the party or camp a role's modifier names ("Republican senators")

    @property
    def person_head(self) -> bool:
        """An organisation role named by one of its people ("the prosecutor", "the judge" of the judiciary):
        ``person_heads`` in coref.yaml."""
        words = (self.title or "").split()
        return self.kind != "person" and bool(words) and words[-1].lower() in _person_heads()

    def group_key(self) -> tuple[str, ...]:
        """Mentions with the same key are one actor."""
        if self.entry is not None:
            return ("kb", self.entry.key)
        if self.role_key is not None and self.unnamed:
            if self.kind == "group":
                # "soldiers" and "the army" are one role but not one actor: members are no institution
                return (
                    "role",
                    self.role_key,
                    self.country or "",
                    "members" if self.plural else "body",
                    self.side or "",
                )
            # "a spokesman for Shell" and the government's spokesman are two people; "officials" and "its
            # leader" (one role key, other head nouns) are not one actor
            head = (self.title or "").split()[-1:] if self.kind == "person" else []
            return (
                "role",
                self.role_key,
                self.country or "",
                self.sector or "",
                self.side or "",
                *(w.rstrip("s") for w in head),
            )
        if self.rule.startswith("demonym-people"):
            return ("people", self.country or "", self.name.lower())
        return ("name", self.kind, " ".join(self.name.lower().split()))


def entry_mention(start: int, end: int, entry: Entry, rule: str) -> Mention:
    return Mention(
        start=start,
        end=end,
        rule=rule,
        kind=entry.kind,
        name=entry.name,
        entry=entry,
        country=entry.country,
        sector=entry.sector,
        sectors=entry.all_sectors(),
    )
