"""Trigger lexicons (verbs, predicate adjectives, nouns) loaded from data files once per process.

Shipped: ``herald/data/lexicons/event_verbs.yaml`` and ``event_nouns.yaml``. Files named ``event_*.yaml``
under ``$HERALD_HOME/lexicons/`` are merged over them: a lemma given there replaces the shipped entries of
that lemma (``lemma: []`` removes it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ...errors import ConfigError
from .ontology import _read_yaml, load_ontology, user_files


@dataclass(frozen=True)
class Entry:
    """One way a lemma triggers an event."""

    lemma: str
    pos: str  # "verb", "adj" or "noun"
    type: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    prt: str | None = None
    objects: frozenset[str] = frozenset()
    # the entry does not fire when the object is one of these ("executed the projects", "fight a trade war")
    not_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the active subject must be one of these lemmas
    recipient: tuple[str, ...] = ()
    roles: str | None = None
    two_sided: bool = False
    control: bool = False
    needs_xcomp: bool = False
    xcomp: frozenset[str] = frozenset()
    # the entry does not fire when the embedded verb is one of these ("promises to be exciting" predicts)
    not_xcomp: frozenset[str] = frozenset()
    # the embedded content must be an action (a verb) or an event noun the lexicons know ("committed to
    # holding talks", not "committed to the production of knowledge", which describes a person)
    content_event: bool = False
    # phrasal senses that are no event ("seized on the issue", "stormed out", "shelled out $5")
    not_prt: frozenset[str] = frozenset()
    # a joint act needs several parties in the subject ("the two leaders discussed trade", "X and Y
    # discussed"): "Christie wouldn't discuss his plans" is no consultation
    plural_subject: bool = False
    # the entry does not fire with a finite that-clause ("recognized that his brother was a pilot": realise)
    no_clause: bool = False
    # "agreed with the president that ...", "less than a third agreed with him": concurring in an opinion is
    # no agreement to act; the entry fires only with an action (to-clause, an object, "to/on" a thing)
    concur_sense: bool = False
    negated_type: str | None = None
    # the act needs a party on the receiving end: "blamed the tumble in oil prices" names a cause, not
    # someone accused (fires only with a resolved recipient or a named or pronoun object)
    needs_party: bool = False
    ambiguous: bool = False
    # the other side must be an armed party (sector in ``armed_sectors``): "defeated ISIL", "the fight
    # against the Taliban" are combat; "defeated the bill", "the fight against corruption" are not
    armed_party: bool = False
    # an outcome verb coded only as achieved, in the past ("defeated ISIL", "has degraded"): "to defeat",
    # "will defeat", "defeating ISIL will take time" state a goal, not an event
    achieved: bool = False
    no_object: bool = False
    active: bool = False  # fires only in the active voice
    # nouns only
    support: dict[str, str | None] | None = None
    with_: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()  # modifiers that take the event sense away ("charm offensive")
    own: bool = True
    # an ``own: false`` noun is still coded when it names its agent outright, by a possessor or a "by"
    # phrase ("the army's killing of protesters", "the killing of the journalist by Saudi agents")
    own_agent: bool = False

    @property
    def name(self) -> str:
        """Stable name used in ``Event.rule``: e.g. ``verb:call+for`` or ``noun:strike[hunger]``."""
        label = f"{self.pos}:{self.lemma}"
        if self.prt:
            label += f"+{self.prt}"
        if self.with_:
            label += "[" + ",".join(sorted(self.with_)) + "]"
        if self.objects:
            label += "(" + sorted(self.objects)[0] + "..)"
        return label


@dataclass(frozen=True, eq=False)  # identity hash: loaded once, used as a cache key
class Lexicon:
    verbs: dict[str, tuple[Entry, ...]]
    adjectives: dict[str, tuple[Entry, ...]]
    nouns: dict[str, tuple[Entry, ...]]
    support_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    occurrence_verbs: frozenset[str] = frozenset()
    # "cancelled his visit", "foiled an attack": the event noun they take as object does not take place
    averting_verbs: frozenset[str] = frozenset()
    light_nouns: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    instrument_modes: dict[str, str] = field(default_factory=dict)
    non_agents: frozenset[str] = frozenset()
    # Sports reports ("City beat Arsenal 3-1"): these verbs are no violence next to a sports cue or a score.
    sports_verbs: frozenset[str] = frozenset()
    sports_cues: frozenset[str] = frozenset()
    # Elections are contests too ("Cruz beat Dewhurst in the primary runoff"): the same verbs are no
    # violence next to one of these cues.
    election_cues: frozenset[str] = frozenset()
    election_verbs: frozenset[str] = frozenset()
    # "Bush attacked Trump at the debate": a person attacking a person in an election story criticises
    verbal_attack_verbs: frozenset[str] = frozenset()
    # "the right to refuse services": an infinitive on these nouns names a possible act, not an occurrence
    potential_nouns: frozenset[str] = frozenset()
    contender_nouns: frozenset[str] = frozenset()  # "rival", "opponent": people an election pits together
    # "declared a state of emergency after the floods": emergency powers for a disaster are no repression
    disaster_cues: frozenset[str] = frozenset()
    # "X said Y should win": an obligation whose content is a state or an outcome is no demand
    not_demanded: frozenset[str] = frozenset()
    # "voters support banning Muslims", "Russia opposes imposing sanctions": the act is a stance's content
    attitude_verbs: frozenset[str] = frozenset()
    state_verbs: frozenset[str] = frozenset()  # "felt threatened": a participle naming a state
    # Manner adverbs that give an event its mode ("sexually assaulted": ASSAULT/sexual).
    manner_modes: dict[str, str] = field(default_factory=dict)
    # "press ahead with an offensive": the noun after "with" is the action these verbs carry on
    onward_verbs: frozenset[str] = frozenset()
    # "X called the move 'unjustified'": characterisation verbs and the evaluative words that make them
    # criticism (ACCUSE) or praise (SUPPORT); see event_evaluation.yaml.
    characterize_verbs: frozenset[str] = frozenset()
    # "drew criticism from X": verbs whose object event noun is done to their subject by the "from" party
    reaction_verbs: frozenset[str] = frozenset()
    # "came under fire from X", "received fire from X": the subject undergoes the attack the noun names
    undergo_verbs: frozenset[str] = frozenset()
    negative_terms: frozenset[str] = frozenset()
    positive_terms: frozenset[str] = frozenset()
    failure_verbs: frozenset[str] = frozenset()  # "collapsed thanks to X": blame, not credit
    # Objects and modifiers that make a material act a figure of speech ("exiled their concerns", "pulled
    # out of the slump", "a culture clash"): abstractions cannot be deported, left or fought.
    figurative_objects: frozenset[str] = frozenset()
    figurative_modifiers: frozenset[str] = frozenset()
    # Document register (the section a story would run in): cue lemmas per register, counted over the
    # article ("political" counts against the others); see filters.register_of.
    register_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    register_min: int = 6
    register_ratio: float = 2.0
    campaign_min: int = 6
    harm_cues: frozenset[str] = frozenset()
    campaign_attack_words: frozenset[str] = frozenset()
    # Sectors (and country codes of non-state bodies) that make a party political (filters.political).
    political_sectors: frozenset[str] = frozenset()
    # Types coded without a political party in a sports, entertainment, business or lifestyle story
    # (an arrest, a lawsuit, a conviction are news in any section).
    register_kept: frozenset[str] = frozenset()
    private_sectors: frozenset[str] = frozenset()
    # Sectors of armed parties (an ``armed_party`` entry needs one on the receiving side).
    armed_sectors: frozenset[str] = frozenset()
    sources: tuple[str, ...] = field(default=())


def _particle(p: object) -> str:
    """A particle as written in YAML: a bare on/off is read as a boolean by YAML 1.1."""
    if isinstance(p, bool):
        return "on" if p else "off"
    return str(p)


def _entry(lemma: str, pos: str, spec: dict[str, Any], known: set[str], where: str) -> Entry:
    type_ = spec.get("type")
    if type_ not in known:
        raise ConfigError(f"{where}: {lemma!r} has unknown event type {type_!r}; use one of {sorted(known)}.")
    support = spec.get("support")
    prt = spec.get("prt")
    if prt is not None:
        prt = _particle(prt)
    return Entry(
        lemma=lemma,
        pos=pos,
        type=str(type_),
        mode=spec.get("mode"),
        contexts=tuple(spec.get("contexts") or ()),
        prt=prt,
        objects=frozenset(spec.get("objects") or ()),
        not_objects=frozenset(spec.get("not_objects") or ()),
        recipient=tuple(spec.get("recipient") or ()),
        roles=spec.get("roles"),
        two_sided=bool(spec.get("two_sided", False)),
        control=bool(spec.get("control", False)),
        needs_xcomp=bool(spec.get("needs_xcomp", False)),
        xcomp=frozenset(spec.get("xcomp") or ()),
        not_xcomp=frozenset(spec.get("not_xcomp") or ()),
        content_event=bool(spec.get("content_event", False)),
        not_prt=frozenset(_particle(p) for p in spec.get("not_prt") or ()),
        plural_subject=bool(spec.get("plural_subject", False)),
        no_clause=bool(spec.get("no_clause", False)),
        concur_sense=bool(spec.get("concur_sense", False)),
        negated_type=spec.get("negated_type"),
        needs_party=bool(spec.get("needs_party", False)),
        ambiguous=bool(spec.get("ambiguous", False)),
        armed_party=bool(spec.get("armed_party", False)),
        achieved=bool(spec.get("achieved", False)),
        no_object=bool(spec.get("no_object", False)),
        active=bool(spec.get("active", False)),
        support=dict(support) if isinstance(support, dict) else None,
        with_=frozenset(spec.get("with") or ()),
        not_with=frozenset(spec.get("not_with") or ()),
        subjects=frozenset(spec.get("subjects") or ()),
        own=bool(spec.get("own", True)),
        own_agent=bool(spec.get("own_agent", False)),
    )


def _section(
    data: dict[str, Any], key: str, pos: str, known: set[str], where: str
) -> dict[str, tuple[Entry, ...]]:
    out: dict[str, tuple[Entry, ...]] = {}
    for lemma, specs in (data.get(key) or {}).items():
        if isinstance(specs, dict):
            specs = [specs]
        out[str(lemma)] = tuple(_entry(str(lemma), pos, s, known, where) for s in specs or ())
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    known = set(load_ontology().types)
    pkg = resources.files("herald.data") / "lexicons"
    files: list[tuple[str, dict[str, Any]]] = [
        ("event_verbs.yaml", _read_yaml(pkg / "event_verbs.yaml")),
        ("event_nouns.yaml", _read_yaml(pkg / "event_nouns.yaml")),
        ("event_evaluation.yaml", _read_yaml(pkg / "event_evaluation.yaml")),
    ]
    files += [(str(p), _read_yaml(p)) for p in user_files("lexicons") if p.name.startswith("event_")]
    verbs: dict[str, tuple[Entry, ...]] = {}
    adjectives: dict[str, tuple[Entry, ...]] = {}
    nouns: dict[str, tuple[Entry, ...]] = {}
    support: set[str] = set()
    intent: set[str] = set()
    occurrence: set[str] = set()
    averting: set[str] = set()
    light: set[str] = set()
    fixes: dict[str, str] = {}
    instruments: dict[str, str] = {}
    non_agents: set[str] = set()
    sports_verbs: set[str] = set()
    sports_cues: set[str] = set()
    election_cues: set[str] = set()
    election_verbs: set[str] = set()
    verbal_attack: set[str] = set()
    potential: set[str] = set()
    contenders: set[str] = set()
    disasters: set[str] = set()
    not_demanded: set[str] = set()
    attitudes: set[str] = set()
    states: set[str] = set()
    manners: dict[str, str] = {}
    onward: set[str] = set()
    figurative_objects: set[str] = set()
    figurative_modifiers: set[str] = set()
    register_cues: dict[str, set[str]] = {}
    political_sectors: set[str] = set()
    register_kept: set[str] = set()
    private_sectors: set[str] = set()
    armed_sectors: set[str] = set()
    undergo: set[str] = set()
    register_min, register_ratio, campaign_min = 6, 2.0, 6
    harm_cues: set[str] = set()
    campaign_attack: set[str] = set()
    evaluation: dict[str, set[str]] = {
        k: set()
        for k in ("characterize_verbs", "negative_terms", "positive_terms", "reaction_verbs", "failure_verbs")
    }
    for where, data in files:
        verbs.update(_section(data, "verbs", "verb", known, where))
        adjectives.update(_section(data, "adjectives", "adj", known, where))
        nouns.update(_section(data, "nouns", "noun", known, where))
        support.update(data.get("support_verbs") or ())
        intent.update(data.get("intent_verbs") or ())
        occurrence.update(data.get("occurrence_verbs") or ())
        averting.update(data.get("averting_verbs") or ())
        light.update(data.get("light_nouns") or ())
        fixes.update({str(k): str(v) for k, v in (data.get("lemma_fixes") or {}).items()})
        instruments.update({str(k): str(v) for k, v in (data.get("instrument_modes") or {}).items()})
        non_agents.update(data.get("non_agents") or ())
        sports_verbs.update(data.get("sports_verbs") or ())
        sports_cues.update(data.get("sports_cues") or ())
        election_cues.update(data.get("election_cues") or ())
        election_verbs.update(data.get("election_verbs") or ())
        verbal_attack.update(data.get("verbal_attack_verbs") or ())
        potential.update(data.get("potential_nouns") or ())
        contenders.update(data.get("contender_nouns") or ())
        disasters.update(data.get("disaster_cues") or ())
        not_demanded.update(data.get("not_demanded") or ())
        attitudes.update(data.get("attitude_verbs") or ())
        states.update(data.get("state_verbs") or ())
        manners.update({str(k): str(v) for k, v in (data.get("manner_modes") or {}).items()})
        onward.update(data.get("onward_verbs") or ())
        figurative_objects.update(data.get("figurative_objects") or ())
        figurative_modifiers.update(data.get("figurative_modifiers") or ())
        for name, cues in (data.get("register_cues") or {}).items():
            register_cues.setdefault(str(name), set()).update(str(c) for c in cues or ())
        political_sectors.update(data.get("political_sectors") or ())
        register_kept.update(data.get("register_kept") or ())
        private_sectors.update(data.get("private_sectors") or ())
        armed_sectors.update(data.get("armed_sectors") or ())
        undergo.update(data.get("undergo_verbs") or ())
        register_min = int(data.get("register_min", register_min))
        register_ratio = float(data.get("register_ratio", register_ratio))
        campaign_min = int(data.get("campaign_min", campaign_min))
        harm_cues.update(data.get("harm_cues") or ())
        campaign_attack.update(data.get("campaign_attack_words") or ())
        for key, words in evaluation.items():
            words.update(str(w) for w in data.get(key) or ())
    return Lexicon(
        verbs={k: v for k, v in verbs.items() if v},
        adjectives={k: v for k, v in adjectives.items() if v},
        nouns={k: v for k, v in nouns.items() if v},
        support_verbs=frozenset(support),
        intent_verbs=frozenset(intent),
        occurrence_verbs=frozenset(occurrence),
        averting_verbs=frozenset(averting),
        light_nouns=frozenset(light),
        lemma_fixes=fixes,
        instrument_modes=instruments,
        non_agents=frozenset(non_agents),
        sports_verbs=frozenset(sports_verbs),
        sports_cues=frozenset(sports_cues),
        election_cues=frozenset(election_cues),
        election_verbs=frozenset(election_verbs),
        verbal_attack_verbs=frozenset(verbal_attack),
        potential_nouns=frozenset(potential),
        contender_nouns=frozenset(contenders),
        disaster_cues=frozenset(disasters),
        not_demanded=frozenset(not_demanded),
        attitude_verbs=frozenset(attitudes),
        state_verbs=frozenset(states),
        manner_modes=manners,
        onward_verbs=frozenset(onward),
        characterize_verbs=frozenset(evaluation["characterize_verbs"]),
        reaction_verbs=frozenset(evaluation["reaction_verbs"]),
        negative_terms=frozenset(evaluation["negative_terms"]),
        positive_terms=frozenset(evaluation["positive_terms"]),
        failure_verbs=frozenset(evaluation["failure_verbs"]),
        figurative_objects=frozenset(figurative_objects),
        figurative_modifiers=frozenset(figurative_modifiers),
        register_cues={k: frozenset(v) for k, v in register_cues.items()},
        political_sectors=frozenset(political_sectors),
        register_kept=frozenset(register_kept),
        private_sectors=frozenset(private_sectors),
        armed_sectors=frozenset(armed_sectors),
        undergo_verbs=frozenset(undergo),
        register_min=register_min,
        register_ratio=register_ratio,
        campaign_min=campaign_min,
        harm_cues=frozenset(harm_cues),
        campaign_attack_words=frozenset(campaign_attack),
        sources=tuple(w for w, _ in files),
    )
