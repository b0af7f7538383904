"""The output schema: typed records for everything Herald extracts from an article.

The JSON Schema in ``schema/herald.schema.json`` is generated from these models (``herald schema``) and
versioned by :data:`SCHEMA_VERSION`. Fields may be added; existing fields are never renamed or removed within
a schema version.

Offsets are character offsets into the article text exactly as given (Python ``str`` indices), so
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# TIMEX3 ``mod`` values (TimeML): the part of a period or the bound the text gives.
TimexMod = Literal[
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
]

SCHEMA_VERSION = "herald/1"

ActorKind = Literal["state", "organization", "person", "group"]
StatementKind = Literal["direct", "indirect", "mixed"]
CueClass = Literal["speech", "writing", "belief", "intention", "accusation", "other"]
Status = Literal["ok", "skipped", "failed"]


class Record(BaseModel):
    """Base of every output record: strict about unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the article text."""

    start: int = Field(ge=0, description="Start character offset (inclusive).")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    text: str = Field(description="The article text between start and end.")
    in_title: bool = Field(
        False,
        exclude_if=lambda v: not v,
        description="In the article's title, not its text: offsets count in ``article.title`` "
        "(written only when true).",
    )


class ActorMention(Span):
    """One mention of an actor; ``rule`` says how a reference was linked ("pronoun:subject",
    "definite:military", ...), null for the name or role that made the actor."""

    rule: str | None = Field(None, description="Rule that linked this mention to the actor; null for names.")


class Note(Record):
    """A message about how an article was processed (missing metadata, skipped, failed...)."""

    code: str = Field(description="Stable machine-readable code, e.g. 'no-publication-date'.")
    message: str


class Article(Record):
    id: str = Field(description="Identifier given in the input, else derived from the content hash.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date (ISO 8601), when known.")
    published_from: Literal["input", "metadata", "option", "none"] = Field(
        "none", description="Where the publication date came from."
    )
    source: str | None = None
    url: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code of the detected language.")
    sha256: str = Field(description="SHA-256 of the article text (UTF-8).")
    chars: int = Field(0, ge=0, description="Length of the text in characters.")


class Time(Record):
    id: str
    text: str
    start: int
    end: int
    in_title: bool = Field(
        False,
        exclude_if=lambda v: not v,
        description="In the article's title, not its text: offsets count in ``article.title`` "
        "(written only when true).",
    )
    value: str | None = Field(
        None,
        description="Normalised value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, a decade (YYYX), an interval "
        "'A/B', or a duration (P...). None when it cannot be resolved (e.g. no publication date).",
    )
    type: Literal["date", "duration", "set", "time"] = "date"
    granularity: (
        Literal[
            "day",
            "week",
            "month",
            "quarter",
            "half",
            "season",
            "year",
            "decade",
            "century",
            "interval",
            "time",
        ]
        | None
    ) = None
    vague: bool = False
    anchor: Literal["absolute", "publication", "none"] = Field(
        "absolute", description="What the value was computed from."
    )
    rule: str | None = Field(None, description="The rule that normalised this expression.")
    mod: TimexMod | None = Field(
        None,
        description="TIMEX3 mod: the part of the period or the bound the text gives ('early 2009' START, "
        "'about three years' APPROX, 'more than a week' MORE_THAN); None when the text gives none.",
    )


class Place(Record):
    id: str
    text: str
    start: int
    end: int
    in_title: bool = Field(
        False,
        exclude_if=lambda v: not v,
        description="In the article's title, not its text: offsets count in ``article.title`` "
        "(written only when true).",
    )
    name: str | None = Field(None, description="Canonical gazetteer name.")
    geonameid: int | None = None
    country: str | None = Field(None, description="ISO-3166 alpha-3 country code.")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = Field(None, description="GeoNames feature class.code, e.g. 'P.PPLC', 'A.PCLI'.")
    resolution: Literal["country", "admin1", "city", "point", "region"] | None = None
    wikidata: str | None = Field(
        None, description="Wikidata QID: countries, first-level divisions, capitals and towns of 100k+."
    )
    source: str | None = Field(None, description="Which gazetteer resolved it.")
    confidence: float | None = Field(None, ge=0, le=1)
    metonymic: bool = Field(
        False,
        description="The name stands for an actor here ('Beijing said'): still a toponym, not a location.",
    )
    demonym: bool = Field(
        False,
        description="A demonym or adjective ('Syrian', 'Gazans') standing for the place, not its name; "
        "toponym datasets differ on counting these, so filter on this flag as needed.",
    )
    embedded: bool = Field(
        False,
        description="The name opens an organisation's or facility's name ('Toronto' of 'Toronto Police "
        "Services Board'): a toponym by GeoWebNews' rules, never an event location.",
    )
    rule: str | None = Field(
        None, description="How the mention was found and resolved, e.g. 'ner:GPE+scored'."
    )


class Actor(Record):
    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(None, description="PLOVER country code: ISO alpha-3 or IGO/UNO/EUR/NGO/...")
    sector: str | None = Field(None, description="Primary PLOVER sector: GOV, MIL, COP, REB, CVL, ...")
    sectors: list[str] = Field(default_factory=list, description="All PLOVER sectors, primary first.")
    wikidata: str | None = Field(None, description="Wikidata QID; null when not known for sure.")
    title: str | None = Field(None, description="Role or office, e.g. 'foreign ministry spokesman'.")
    mentions: list[ActorMention] = Field(default_factory=list)
    rule: str | None = Field(None, description="How the actor was resolved: KB entry or rule name.")
    parent: str | None = Field(
        None, description="Actor id this one belongs to ('Hamas-run ministry' -> Hamas)."
    )

    @field_validator("mentions", mode="before")
    @classmethod
    def _plain_spans(cls, v: object) -> object:
        """Plain :class:`Span` objects (older callers) are accepted as mentions without a rule."""
        if isinstance(v, list):
            return [x.model_dump() if type(x) is Span else x for x in v]
        return v


class Event(Record):
    id: str
    type: str = Field(description="PLOVER 2.0 event type, e.g. ASSAULT.")
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list, description="Actor ids.")
    recipients: list[str] = Field(default_factory=list, description="Actor ids.")
    date: str | None = Field(None, description="Time id governing the event, or an ISO value.")
    date_from: Literal["text", "publication", "none"] = "none"
    place: str | None = Field(None, description="Place id.")
    historical: bool = False
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    reported_by: str | None = Field(
        None, description="Statement id when the event is known through a statement."
    )
    cameo: str | None = Field(None, description="CAMEO root code, e.g. '19'.")
    quad: int | None = Field(None, ge=1, le=4)
    intensity: float | None = None
    trigger: Span | None = None
    evidence: Span
    mentions: list[Span] = Field(
        default_factory=list,
        description="Evidence of every mention when one real-world event is mentioned several times in the "
        "article ('the strike', 'the attack', 'it'), first mention first; empty for a single mention.",
    )
    rule: str
    confidence: float = Field(ge=0, le=1)


class Statement(Record):
    id: str
    speaker: str | None = Field(None, description="Actor id of the speaker.")
    speaker_text: str | None = None
    cue: str | None = None
    cue_class: CueClass = "speech"
    kind: StatementKind
    content: Span
    evidence: Span
    quotes: list[Span] = Field(
        default_factory=list,
        description="The verbatim (quoted) stretches inside the content, marks excluded.",
    )
    continues: str | None = Field(
        None, description="Id of the statement this one continues (a quotation split by its attribution)."
    )
    rule: str | None = Field(None, description="The rule (and cue lexicon entry) that found the statement.")
    negated: bool = Field(
        False,
        description="The cue is negated ('X did not say that ...', 'X denied that ...'): the source is "
        "reported as not asserting, or as rejecting, the content.",
    )


class Figure(Record):
    id: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    vague: bool = False
    counts: str | None = Field(None, description="What is counted: killed, wounded, hostages, displaced, ...")
    unit: str | None = Field(None, description="Currency code, 'percent', or the counted noun.")
    source: str | None = Field(None, description="Actor id the figure rests on.")
    source_text: str | None = None
    hedges: list[str] = Field(default_factory=list)
    event: str | None = Field(None, description="Event id the figure belongs to.")
    evidence: Span
    number: Span | None = Field(None, description="The quantity expression itself, qualifier included.")
    source_statement: str | None = Field(None, description="Statement id whose content covers the figure.")
    rule: str | None = Field(None, description="The rules/lexicon entries that produced the figure.")
    additional: bool = Field(
        False, description="Counts others besides those already mentioned ('three more')."
    )
    historical: bool = Field(
        False,
        description="A background total or an earlier event's toll ('500,000 killed since 2011'), not the "
        "article's own news.",
    )


class Extraction(BaseModel):
    """Everything Herald found in one article."""

    # Serialised by alias everywhere (model_dump, model_dump_json, to_json): "schema", not "schema_".
    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)

    schema_: Literal["herald/1"] = Field("herald/1", alias="schema")
    herald_version: str
    model: str | None = Field(None, description="The spaCy pipeline used.")
    status: Status = "ok"
    notes: list[Note] = Field(default_factory=list)
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, *, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Extraction`, as written to ``schema/herald.schema.json``."""
    schema = Extraction.model_json_schema(by_alias=True)
    schema["$id"] = "urn:herald:schema:herald/1"
    schema["title"] = "Herald extraction (herald/1)"
    return schema
