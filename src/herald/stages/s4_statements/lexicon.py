"""The attribution-cue lexicon (``data/lexicons/cues.yaml``), loaded once per process.

User files ``$HERALD_HOME/lexicons/cues.yaml`` (and ``cues.yaml`` in any extra data folder) are merged over
the shipped file: a verb listed again moves to the new class, a verb listed under ``remove`` is dropped.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Token

from ...errors import KnowledgeBaseError
from ...knowledge import check_keys, read_yaml, shipped, user_paths

CUE_CLASSES = ("speech", "writing", "belief", "intention", "accusation", "other")


@dataclass
class CueLexicon:
    verbs: dict[str, str] = field(default_factory=dict)  # lemma -> cue_class
    np_content: set[str] = field(default_factory=set)
    np_content_agent: set[str] = field(default_factory=set)  # object is content when a person/group speaks
    np_predicate: set[str] = field(default_factory=set)  # "called Oz a quack": object + predicate
    np_content_document: set[str] = field(default_factory=set)  # "Polls show a close contest"
    np_content_message: set[str] = field(default_factory=set)  # "released an ad", "sent a letter"
    message_objects: frozenset[str] = frozenset()  # the nouns np_content_message verbs take as contents
    adjective_cues: dict[str, str] = field(default_factory=dict)  # "worried about X": adjective -> cue_class
    infinitive_content: set[str] = field(default_factory=set)
    phrasal: dict[tuple[str, str], str] = field(default_factory=dict)  # (lemma, particle) -> cue_class
    sources: dict[tuple[str, ...], str] = field(default_factory=dict)  # lower-cased words -> cue_class
    headline_labels: set[str] = field(default_factory=set)
    inanimate_heads: frozenset[str] = frozenset()  # subjects that hold no stance: "the plan rejects ..."
    message_nouns: frozenset[str] = frozenset()  # "a statement saying ...": the statement's author speaks
    speech_events: frozenset[str] = frozenset()
    source_phrases: dict[str, frozenset[str]] = field(default_factory=dict)  # "in his view": prep -> nouns
    agent_nouns: dict[str, str] = field(default_factory=dict)  # "a supporter of NATO": noun -> cue_class
    noun_cue_light_verbs: frozenset[str] = frozenset()  # "made a promise to ...": the subject is the source
    noun_cue_receivers: frozenset[str] = frozenset()  # "faced criticism for ...": the subject is the target
    make_adjectives: frozenset[str] = frozenset()  # "made it clear that ...": "make" + adjective is a cue
    denials: frozenset[str] = frozenset()  # "denied that ...": the source rejects the content (negated)
    # "the Kentucky Republican said": description heads that name a person / an organisation (kind wanted)
    speaker_descriptions: dict[str, str] = field(default_factory=dict)
    noun_cues: dict[str, str] = field(
        default_factory=dict
    )  # "X's decision to ...": noun lemma -> cue_class  # "X addressed journalists.\n\n“...”": X speaks next

    @functools.cached_property
    def phrasal_verbs(self) -> frozenset[str]:
        return frozenset(verb for verb, _ in self.phrasal)

    @functools.cached_property
    def lemma_ids(self) -> frozenset[int]:
        """spaCy string ids of every cue lemma (as written and capitalised) and of their inflected forms, to
        filter tokens by array."""
        words = (*self.verbs, *self.phrasal_verbs, *self.forms)
        return frozenset(get_string_id(w) for w in words) | frozenset(
            get_string_id(w.capitalize()) for w in words
        )

    @functools.cached_property
    def forms(self) -> dict[str, str]:
        """Regular inflected forms of the cue verbs -> the verb ("hopes", "hoping" -> "hope"): the small
        model's lemmatizer gets some wrong ("hop", "rat"), and a cue must not depend on that."""
        out: dict[str, str] = {}
        for verb in (*self.verbs, *self.phrasal_verbs):
            if " " in verb or not verb.isalpha():
                continue
            for form in inflections(verb):
                out.setdefault(form, verb)
        return out

    def lemma(self, tok: Token) -> str:
        """The cue lemma of a verb token: spaCy's lemma, or the verb an inflected form belongs to when spaCy's
        lemma is no cue."""
        lemma = tok.lemma_.lower()
        if lemma in self.verbs or lemma in self.phrasal_verbs:
            return lemma
        return self.forms.get(tok.lower_, lemma)


_VOWELS = frozenset("aeiou")


def inflections(verb: str) -> set[str]:
    """The regular -s, -ed and -ing forms of an English verb, with the doubled final consonant as a variant
    ("admit" -> "admitted"); over-generation is harmless, the forms are only looked up."""
    out = set()
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        out.add(verb + "es")
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        out.add(verb[:-1] + "ies")
    else:
        out.add(verb + "s")
    if verb.endswith("e"):
        out.update((verb + "d", verb[:-1] + "ing" if not verb.endswith(("ee", "ye", "oe")) else verb + "ing"))
        if verb.endswith("ie"):
            out.add(verb[:-2] + "ying")
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        out.update((verb[:-1] + "ied", verb + "ing"))
    else:
        out.update((verb + "ed", verb + "ing"))
        if len(verb) > 2 and verb[-1] not in _VOWELS | {"w", "x", "y"} and verb[-2] in _VOWELS:
            out.update((verb + verb[-1] + "ed", verb + verb[-1] + "ing"))
    return out


def _merge_classed(into: dict[str, str], data: dict[str, Any], key: str, where: str) -> None:
    """Merge a ``class: [words]`` mapping of the file (noun_cues, agent_nouns, adjective_cues)."""
    for cls, words in (data.get(key) or {}).items():
        if cls not in CUE_CLASSES:
            raise KnowledgeBaseError(f"{where}: unknown cue class {cls!r} under {key}.")
        for w in words or ():
            into[str(w).lower()] = cls


# The plain word lists (each YAML key the field of the same name), and every key a cues file may have.
_WORD_SETS = tuple(
    name
    for name, hint in typing.get_type_hints(CueLexicon).items()
    if typing.get_origin(hint) in (set, frozenset)
)
_KEYS = frozenset(f.name for f in dataclasses.fields(CueLexicon)) | {"remove"}


def _merge(lex: CueLexicon, data: dict[str, Any], where: str) -> None:
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{where}: expected a mapping at the top level (see the shipped cues.yaml).")
    check_keys(where, data, _KEYS)
    for cls, words in (data.get("verbs") or {}).items():
        if cls not in CUE_CLASSES:
            raise KnowledgeBaseError(
                f"{where}: unknown cue class {cls!r}; use one of {', '.join(CUE_CLASSES)}."
            )
        for w in words or ():
            lex.verbs[str(w).lower()] = cls
    for name in _WORD_SETS:  # every plain word list, lower-cased and added to what earlier files gave
        setattr(lex, name, getattr(lex, name) | {str(w).lower() for w in data.get(name) or ()})
    for entry in data.get("phrasal") or ():
        try:
            particle = entry["particle"]
            key = (str(entry["verb"]).lower(), str(particle).lower())
            cls = str(entry.get("class", "speech"))
        except (KeyError, TypeError) as exc:
            raise KnowledgeBaseError(f"{where}: each phrasal entry needs 'verb' and 'particle'.") from exc
        if isinstance(particle, bool):  # YAML 1.1 reads a bare on/off/yes/no as a boolean
            raise KnowledgeBaseError(
                f"{where}: the particle of phrasal entry {entry!r} was read as a boolean; "
                'quote it (particle: "on").'
            )
        if cls not in CUE_CLASSES:
            raise KnowledgeBaseError(f"{where}: unknown cue class {cls!r} in phrasal entry {entry!r}.")
        lex.phrasal[key] = cls
    for entry in data.get("sources") or ():
        try:
            words = tuple(str(entry["cue"]).lower().split())
        except (KeyError, TypeError) as exc:
            raise KnowledgeBaseError(f"{where}: each sources entry needs 'cue'.") from exc
        lex.sources[words] = str(entry.get("class", "other"))
    _merge_classed(lex.noun_cues, data, "noun_cues", where)
    for kind, words in (data.get("speaker_descriptions") or {}).items():
        if kind not in ("person", "organization", "voice"):
            raise KnowledgeBaseError(
                f"{where}: speaker_descriptions takes 'person', 'organization' and 'voice', not {kind!r}."
            )
        for w in words or ():
            lex.speaker_descriptions[str(w).lower()] = str(kind)
    for prep, words in (data.get("source_phrases") or {}).items():
        have = lex.source_phrases.get(str(prep).lower(), frozenset())
        lex.source_phrases[str(prep).lower()] = have | {str(w).lower() for w in words or ()}
    _merge_classed(lex.agent_nouns, data, "agent_nouns", where)
    _merge_classed(lex.adjective_cues, data, "adjective_cues", where)
    for w in data.get("remove") or ():
        w = str(w).lower()
        lex.verbs.pop(w, None)
        lex.np_content.discard(w)
        lex.infinitive_content.discard(w)
        lex.np_content_agent.discard(w)
        lex.np_predicate.discard(w)
        lex.np_content_document.discard(w)
        lex.np_content_message.discard(w)
        lex.noun_cues.pop(w, None)
        lex.agent_nouns.pop(w, None)
        lex.adjective_cues.pop(w, None)
        lex.denials = lex.denials - {w}
        lex.speaker_descriptions.pop(w, None)


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The merged cue lexicon (shipped file, then user files)."""
    lex = CueLexicon()
    _merge(lex, read_yaml(shipped("lexicons/cues.yaml")), "herald/data/lexicons/cues.yaml")
    for path in user_paths("lexicons/cues.yaml"):
        _merge(lex, read_yaml(path), str(path))
    return lex
