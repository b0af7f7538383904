"""A named place that is an argument of an event is an actor, not a place.

"send arms **to** Pakistan" (receiver of a transfer), "a curfew **in** Algiers" (territory a measure applies
to), "shelled Juba" (target of an attack), "an admission **by** Moscow" (agent of an event noun). A plain
location adjunct ("met in Geneva", "a rally in Lagos", "send troops to Iraq") stays a place. Lexicon:
``data/lexicons/place_args.yaml`` (layered with the user's, see herald.knowledge).
"""

from __future__ import annotations

import functools

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Token

from ...knowledge import load_layered_model
from .mentions import Mention
from .syntax import lift_conj

# How each argument is coded: a transfer's receiver and an event noun's agent act as the government, a
# measure's territory and an attack's target are its people (PLOVER: the place's country, civilians).
SECTOR = {"receiver": "GOV", "agent": "GOV", "territory": "CVL", "target": "CVL"}


class PlaceArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    transfer_verbs: frozenset[str] = Field(default_factory=frozenset)
    moved_people: frozenset[str] = Field(default_factory=frozenset)
    jurisdiction_words: frozenset[str] = Field(default_factory=frozenset)
    jurisdiction_preps: frozenset[str] = Field(default_factory=frozenset)
    target_verbs: frozenset[str] = Field(default_factory=frozenset)
    aim_verbs: frozenset[str] = Field(default_factory=frozenset)
    opponent_preps: frozenset[str] = Field(default_factory=frozenset)


@functools.lru_cache(maxsize=1)
def load_place_args() -> PlaceArgs:
    return load_layered_model("lexicons/place_args.yaml", PlaceArgs)


def _transfer_object(verb: Token, lex: PlaceArgs) -> bool:
    """The verb is a transfer with a thing (not people) as its object: "send arms", "deliver blows"."""
    if verb.lemma_.lower() not in lex.transfer_verbs:
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    moved = lex.moved_people
    return bool(objs) and all(o.lemma_.lower() not in moved and o.ent_type_ != "PERSON" for o in objs)


def place_argument(
    tok: Token, lex: PlaceArgs | None = None, place_nouns: frozenset[str] = frozenset()
) -> str | None:
    """Which event argument the place token is ("receiver", "territory", "target", "agent"), or None for a
    place adjunct. A place named through a place noun ("Montenegro province", "the town of Cizre") is the
    argument that noun is."""
    lex = lex or load_place_args()
    tok = lift_conj(tok)
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in place_nouns:
        tok = lift_conj(tok.head)  # "in Montenegro province" (not "Syria's Idlib province": a place)
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in place_nouns:
        tok = lift_conj(tok.head.head)  # "a curfew in the town of Cizre"
    if (
        tok.dep_ in ("dobj", "nsubjpass")
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in lex.target_verbs
    ):
        return "target"  # "shelled Juba", "would blockade Paris", "Kharkiv was shelled"
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    word = prep.lower_
    gov = prep.head
    if word in lex.opponent_preps and gov.pos_ in ("VERB", "NOUN"):
        return "target"  # "a war against Iraq", "retaliated against Syria": an opponent, not a location
    if word in ("at", "into"):
        # "fired rockets at/into Israel" ("at" on the verb or on its object): the target of what is aimed
        verb = gov.head if gov.dep_ == "dobj" else gov
        if verb.lemma_.lower() in lex.aim_verbs:
            return "target"  # (not "attacked a position at X": there X is where the target is)
    if word == "to":
        # "send arms to X" ("to" on the verb) or "deliver blows to X" ("to" on the object)
        verb = gov.head if gov.dep_ == "dobj" else gov
        if _transfer_object(verb, lex):
            return "receiver"
    if word in lex.jurisdiction_preps:
        # "a curfew in X", "banned voting in X", "eased measures in X": the measure or its governing verb
        words = {gov.lemma_.lower(), gov.lower_}
        if gov.dep_ in ("dobj", "xcomp", "compound", "amod"):
            words |= {gov.head.lemma_.lower()}
        words |= {c.lemma_.lower() for c in gov.children if c.dep_ in ("dobj", "compound", "amod")}
        if words & lex.jurisdiction_words:
            return "territory"
    if word == "by" and gov.pos_ == "NOUN" and prep.dep_ == "prep":
        return "agent"  # "an admission by Moscow": agent of an event noun
    return None


def place_mention(doc: Doc, start: int, end: int, country: str, arg: str | None) -> Mention:
    """A town or region the KB does not know, as an actor: its authorities (subject of an authority verb,
    ``arg`` None) or the event argument ``arg`` it is, with the country it lies in."""
    sector = SECTOR[arg] if arg else "GOV"
    return Mention(
        start=start,
        end=end,
        rule=f"town-{arg or 'authority'}:{country}",
        kind="group" if sector == "CVL" else "organization",
        name=doc[start:end].text,
        country=country,
        sector=sector,
        sectors=[sector],
        label="GPE",
    )
