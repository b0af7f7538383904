"""The coreference lexicon (``data/lexicons/coref.yaml``): pronouns, control verbs, descriptions, context."""

from __future__ import annotations

import functools

from pydantic import BaseModel, ConfigDict, Field

from ...knowledge import load_layered_model


class PronounFeatures(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kinds: list[str]
    number: str = "any"  # sg, pl or any
    gender: str | None = None


class Description(BaseModel):
    """A definite description ("the army") and what its antecedent must be."""

    model_config = ConfigDict(extra="forbid")

    role: str
    sectors: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)
    office: str | None = None
    same_title: bool = False  # the antecedent's title or name has the description's head noun
    untyped: bool = False  # an organisation the KB does not know (no sector yet) also fits
    countries: list[str] = Field(default_factory=list)  # the antecedent's country must be one ("IGO", "UNO")


class ContextSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_votes: int = 2
    margin: float = 2.0
    dateline_weight: int = 2
    short_sentences: int = 1  # a text this short that names one country only has it as its context
    # "Kenyan-backed forces": a country named as someone's backer is an outside party, not where the story is
    outside_suffixes: list[str] = Field(default_factory=list)
    # news agencies and media named as a source ("..., according to Reuters") say where the story is sold, not
    # where it is set: actors of these sectors cast no vote
    silent_sectors: list[str] = Field(default_factory=list)
    # plural nouns that name one body of one state ("the authorities", "officials"), unlike "the governments"
    plural_bodies: list[str] = Field(default_factory=list)
    # plural nouns that are several states by their meaning ("Western governments", "the allies"): never one
    # country's organ, so they take no country from the story
    several_states: list[str] = Field(default_factory=list)
    # named organisations the KB lacks, of these sectors by their name, are the story's state's organs
    institution_sectors: list[str] = Field(default_factory=list)
    # votes for other countries a paragraph needs before it no longer takes the article's country
    paragraph_override_votes: int = 1
    # words before a demonym that make it a people's, not a state's ("ethnic Albanian guerrillas")
    ethnic_markers: list[str] = Field(default_factory=list)
    # peoples and faiths with no state of their own: "the Kurds", "Moslem forces" are where they live
    peoples: list[str] = Field(default_factory=list)
    # named persons the KB lacks, with no title, take the story's country (where no other is named with them)
    plain_persons: bool = False
    # nouns and verbs of going somewhere: their destination ("a visit to Moscow") casts no vote
    destination_heads: list[str] = Field(default_factory=list)


class CorefLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pronouns: dict[str, PronounFeatures]
    expletive_verbs: list[str] = Field(default_factory=list)
    honorifics: dict[str, str] = Field(default_factory=dict)
    subject_control: list[str] = Field(default_factory=list)
    object_control: list[str] = Field(default_factory=list)
    descriptions: list[Description] = Field(default_factory=list)
    definite_words: list[str] = Field(default_factory=list)
    context_roles: list[str] = Field(default_factory=list)
    context_named_roles: list[str] = Field(default_factory=list)
    context: ContextSettings = Field(default_factory=ContextSettings)
    backer_suffixes: list[str] = Field(default_factory=list)
    group_name_words: dict[str, list[str]] = Field(default_factory=dict)
    place_heads: list[str] = Field(default_factory=list)
    org_heads: list[str] = Field(default_factory=list)
    org_name_heads: list[str] = Field(default_factory=list)
    speech_verbs: list[str] = Field(default_factory=list)
    principal_nouns: list[str] = Field(default_factory=list)
    person_heads: list[str] = Field(default_factory=list)


@functools.lru_cache(maxsize=1)
def load_coref_lexicon() -> CorefLexicon:
    """The shipped lexicon with users' ``lexicons/coref.yaml`` layered over it (see herald.knowledge)."""
    return load_layered_model("lexicons/coref.yaml", CorefLexicon)
