"""The actors stage's lexicons: role/organ nouns (roles.yaml) and group references (group_refs.yaml)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...errors import KnowledgeBaseError
from ...knowledge import parse_yaml


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    phrases: list[str]
    sector: str
    kind: str = "group"
    context: str | None = None
    office: str | None = None
    state: bool = False  # "the Chinese government" stands for China itself
    generic: bool = False  # "Hamas officials": sector from the organisation modifier
    local: bool = False  # "rebels in Darfur": country from the state the role is in
    needs_country: bool = False  # "Zambian people" is an actor, a bare "people" is not
    country: str | None = None  # a non-state code the role carries when nothing names a country ("NGO")


class Want(BaseModel):
    """Which actors a group reference may stand for."""

    model_config = ConfigDict(extra="forbid")

    kind: list[str] = Field(default_factory=list)
    sector: list[str] = Field(default_factory=list)
    country: list[str] = Field(default_factory=list)
    title_has: list[str] = Field(default_factory=list)
    not_sector: list[str] = Field(default_factory=list)  # "the group" is no ministry, court or army


class GroupRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phrases: list[str]
    want: Want = Field(default_factory=Want)


class OrgSector(BaseModel):
    model_config = ConfigDict(extra="forbid")

    words: list[str]  # lower-case words or word sequences of an organisation's name
    sector: str


class PersonBody(BaseModel):
    """An organisation named by a person ("the Trump campaign"): its head nouns and sector (campaigns.py)."""

    model_config = ConfigDict(extra="forbid")

    heads: list[str]  # lower-case lemmas of the organisation's noun
    sector: str
    kind: str = "organization"
    modifiers: list[str] = Field(default_factory=list)  # words allowed between ("re-election campaign")
    blocked_preps: list[str] = Field(default_factory=list)  # "campaign against X" is an action, no body
    # the person's sectors, when known, must include one of these (a politician's campaign, not an athlete's)
    person_sectors: list[str] = Field(default_factory=list)


class Lexicons(BaseModel):
    model_config = ConfigDict(extra="forbid")

    roles: list[Role]
    office_synonyms: dict[str, str] = Field(default_factory=dict)
    owner_suffixes: list[str] = Field(default_factory=list)
    motion_words: list[str] = Field(default_factory=list)
    place_nouns: list[str] = Field(default_factory=list)
    ethnic_markers: list[str] = Field(default_factory=list)
    origin_suffixes: list[str] = Field(default_factory=list)  # "Kenyan-born" (origins.py)
    origin_nouns: list[str] = Field(default_factory=list)  # "of Turkish origin"
    flee_verbs: list[str] = Field(default_factory=list)  # "refugees fleeing Syria" are Syrian
    policy_nouns: list[str] = Field(default_factory=list)
    action_nouns: list[str] = Field(default_factory=list)
    strike_nouns: list[str] = Field(default_factory=list)
    harm_verbs: list[str] = Field(default_factory=list)
    action_modifiers: list[str] = Field(default_factory=list)
    inanimate_nouns: list[str] = Field(default_factory=list)
    phenomenon_words: list[str] = Field(default_factory=list)
    former_markers: list[str] = Field(default_factory=list)
    org_name_sectors: list[OrgSector] = Field(default_factory=list)
    pairs: list[GroupRef] = Field(default_factory=list)
    latest: list[GroupRef] = Field(default_factory=list)
    person_bodies: list[PersonBody] = Field(default_factory=list)
    speech_verbs: list[str] = Field(default_factory=list)
    authority_verbs: list[str] = Field(default_factory=list)
    opposition_markers: list[str] = Field(default_factory=list)
    force_owner_verbs: list[str] = Field(default_factory=list)
    region_words: list[str] = Field(default_factory=list)
    side_words: list[str] = Field(default_factory=list)
    side_prefixes: list[str] = Field(default_factory=list)
    side_targets: list[str] = Field(default_factory=list)
    top_markers: list[str] = Field(default_factory=list)
    top_roles: dict[str, str] = Field(default_factory=dict)

    def office_name(self, role: str) -> str:
        """Canonical office name: "Secretary of State" and "foreign minister" compare equal."""
        norm = _norm(role)
        return self.office_synonyms.get(norm, norm)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _read(path: Path) -> dict[str, Any]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read the lexicon: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{path}: a lexicon must be a YAML mapping.")
    return data


@functools.lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    folder = Path(str(resources.files("herald") / "data" / "lexicons"))
    merged: dict[str, Any] = {}
    for name in ("roles.yaml", "group_refs.yaml"):
        merged.update(_read(folder / name))
    try:
        lex = Lexicons.model_validate(merged)
    except ValidationError as exc:
        raise KnowledgeBaseError(f"{folder}/roles.yaml or group_refs.yaml: {exc}") from exc
    lex.office_synonyms = {_norm(k): _norm(v) for k, v in lex.office_synonyms.items()}
    return lex
