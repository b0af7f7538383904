"""Trigger lexicons (verbs, predicate adjectives, nouns) loaded from data files once per process.

Shipped: ``herald/data/lexicons/event_verbs.yaml``, ``event_nouns.yaml``, ``event_evaluation.yaml`` and
``event_motion.yaml`` (its verb and noun classes become MOBILIZE entries: :func:`motion_entries`). Files
named ``event_*.yaml`` under ``$HERALD_HOME/lexicons/`` are merged over them: a lemma given there replaces the
shipped entries of that lemma (``lemma: []`` removes it); word lists are added to. Each top-level key is the
:class:`Lexicon` field of the same name and each entry key an :class:`Entry` field: any other key is a
:class:`~herald.errors.LexiconKeyError` naming the file, the key and the nearest known one.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ...errors import ConfigError, KnowledgeBaseError
from ...knowledge import check_keys, read_fields
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
    # a motion-class entry (event_motion.yaml): what it moves must be a force (forces.py): the "object" of a
    # verb of sending or placing, the "subject" of a verb of self-motion, the "theme" of a noun
    force: str | None = None
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
        """Stable name used in ``Event.rule``: e.g. ``verb:call+for``, ``noun:strike[hunger]`` or, for the
        motion class, ``motion:force:send`` (``motion:force:move(self)`` when the subject moves)."""
        if self.force:
            label = f"motion:force:{self.lemma}" + (f"+{self.prt}" if self.prt else "")
            return label + ("(self)" if self.force == "subject" else "")
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
    """The event lexicon: every field but ``sources`` is the YAML key of the same name in the lexicon files
    (``verbs``, ``adjectives``, ``nouns``: entries by lemma; word lists; word lists by name; numbers). A new
    list is one field here and one key in a file."""

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
    possible_nouns: frozenset[str] = frozenset()  # "the risk of an attack": a possible act
    poll_shares: frozenset[str] = frozenset()  # "40 percent backed the party": a survey finding
    generic_voices: frozenset[str] = frozenset()  # "Many blame the government": unnamed opinion
    note_openers: frozenset[str] = frozenset()  # "Editor's note:": a paragraph that tells no news
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
    # Troop and force movements (event_motion.yaml): verb and noun classes of sending, placing and moving,
    # and what counts as a force (forces.py).
    motion_transfer_verbs: frozenset[str] = frozenset()
    motion_placing_verbs: frozenset[str] = frozenset()
    motion_summon_verbs: frozenset[str] = frozenset()
    motion_self_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    motion_destinations: tuple[str, ...] = ()
    motion_not_destinations: frozenset[str] = frozenset()
    motion_away: frozenset[str] = frozenset()
    motion_nouns: frozenset[str] = frozenset()
    force_modes: dict[str, str] = field(default_factory=dict)
    force_equipment: dict[str, str] = field(default_factory=dict)
    force_heads: dict[str, str] = field(default_factory=dict)
    force_bare: frozenset[str] = frozenset()
    force_qualifiers: dict[str, str] = field(default_factory=dict)
    force_not_words: frozenset[str] = frozenset()
    force_sectors: frozenset[str] = frozenset()
    sources: tuple[str, ...] = field(default=())


# The keys an entry takes in YAML: its fields but the lemma and part of speech it is filed under ("with" is
# the YAML name of ``with_``), and how a key's value is read when its type is not enough.
_ENTRY_HINTS = {k: v for k, v in typing.get_type_hints(Entry).items() if k not in ("lemma", "pos")}
_ENTRY_KEYS = {("with" if name == "with_" else name): name for name in _ENTRY_HINTS}
_ENTRY_READ: dict[str, Callable[[Any], Any]] = {
    # herald.knowledge.parse_yaml reads a bare on / off as the word
    "prt": lambda p: None if p is None else str(p),
    "not_prt": lambda ps: frozenset(str(p) for p in ps or ()),
    "support": lambda s: dict(s) if isinstance(s, dict) else None,
}


def _read_entry_value(name: str, value: Any) -> Any:
    if name in _ENTRY_READ:
        return _ENTRY_READ[name](value)
    hint = _ENTRY_HINTS[name]
    origin = typing.get_origin(hint)
    if origin in (frozenset, tuple):
        return origin(value or ())
    return bool(value) if hint is bool else value


def _entry(lemma: str, pos: str, spec: Any, known: set[str], where: str) -> Entry:
    if not isinstance(spec, dict):
        raise KnowledgeBaseError(
            f"{where}: {pos} {lemma!r}: an entry is a mapping ({{type: ...}}), not {spec!r}."
        )
    check_keys(f"{where}: {pos} {lemma!r}", spec, _ENTRY_KEYS)
    type_ = spec.get("type")
    if type_ not in known:
        raise ConfigError(f"{where}: {lemma!r} has unknown event type {type_!r}; use one of {sorted(known)}.")
    values = {_ENTRY_KEYS[key]: _read_entry_value(_ENTRY_KEYS[key], value) for key, value in spec.items()}
    return Entry(lemma=lemma, pos=pos, **values)


def _section(data: dict[str, Any], where: str, *, pos: str, known: set[str]) -> dict[str, tuple[Entry, ...]]:
    """One file's entries of a part of speech (``verbs:``, ``adjectives:``, ``nouns:``), by lemma."""
    out: dict[str, tuple[Entry, ...]] = {}
    for lemma, specs in data.items():
        if isinstance(specs, dict):
            specs = [specs]
        out[str(lemma)] = tuple(_entry(str(lemma), pos, s, known, where) for s in specs or ())
    return out


# The shipped files of this lexicon; the user's ``event_*.yaml`` files are merged over them, except those
# named like another shipped ``event_*.yaml`` (event_roles.yaml, event_history.yaml): other loaders read them.
FILES = ("event_verbs.yaml", "event_nouns.yaml", "event_evaluation.yaml", "event_motion.yaml")


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon with the user's ``event_*.yaml`` files merged over it: each YAML key is the
    :class:`Lexicon` field of the same name (see :func:`herald.knowledge.read_fields` for how each kind of
    field merges); an unknown key is a :class:`~herald.errors.LexiconKeyError`."""
    known = set(load_ontology().types)
    pkg = resources.files("herald.data") / "lexicons"
    others = {p.name for p in pkg.iterdir() if p.name.startswith("event_")} - set(FILES)
    files: list[tuple[str, dict[str, Any]]] = [(name, _read_yaml(pkg / name)) for name in FILES]
    files += [
        (str(p), _read_yaml(p))
        for p in user_files("lexicons")
        if p.name.startswith("event_") and p.name not in others
    ]
    sections = {
        key: functools.partial(_section, pos=pos, known=known)
        for key, pos in (("verbs", "verb"), ("adjectives", "adj"), ("nouns", "noun"))
    }
    lex = read_fields(Lexicon, files, sections=sections, sources=tuple(w for w, _ in files))
    verbs, nouns = motion_entries(lex)
    return dataclasses.replace(lex, verbs=verbs, nouns=nouns)


Entries = dict[str, tuple[Entry, ...]]


def motion_entries(lex: Lexicon) -> tuple[Entries, Entries]:
    """The verbs and nouns with the motion class's MOBILIZE entry put before their own entries: one moving
    its object (sending, placing verbs), one moving its subject (self-motion verbs), one for a noun whose
    theme is the force. The lemma's own entries stay the fallback when no force moves."""
    dest = tuple(f"prep:{p}" for p in lex.motion_destinations)
    verbs, nouns = dict(lex.verbs), dict(lex.nouns)

    def mobilize(
        lemma: str, pos: str, force: str, recipient: tuple[str, ...], prt: str | None = None
    ) -> Entry:
        return Entry(
            lemma, pos, "MOBILIZE", "troops", ("military",), prt=prt, force=force, recipient=recipient
        )

    new: dict[str, list[Entry]] = {}
    for verb in sorted(lex.motion_transfer_verbs | lex.motion_placing_verbs | lex.motion_summon_verbs):
        lemma, _, prt = verb.partition(" ")  # "call in": the particle is required
        new.setdefault(lemma, []).append(mobilize(lemma, "verb", "object", dest, prt or None))
    for lemma, extra in sorted(lex.motion_self_verbs.items()):
        preps = (*dest, *(f"prep:{p}" for p in sorted(extra)))
        new.setdefault(lemma, []).append(mobilize(lemma, "verb", "subject", preps))
    for lemma, entries in new.items():
        verbs[lemma] = (*entries, *verbs.get(lemma, ()))
    for lemma in sorted(lex.motion_nouns):
        nouns[lemma] = (mobilize(lemma, "noun", "theme", dest), *nouns.get(lemma, ()))
    return verbs, nouns
