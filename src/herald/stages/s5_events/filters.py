"""Frames where a trigger describes a role, a record or a non-specific thing rather than a reported
occurrence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ...schema import Actor
from .actor_index import actor_for_token
from .history import record_marked
from .lexicon import Entry, Lexicon

# Frames whose complement describes a role or an allegation ("responsible for attacks"), not an occurrence.
HOST_VERBS = frozenset({"host", "mediate", "broker", "sponsor", "organize", "organise"})
ROLE_NOUNS = frozenset({"facilitator", "leader", "commander", "member"})
BACKGROUND_FRAMES = frozenset(
    {
        "responsible",
        "involved",
        "suspect",
        "suspected",
        "known",
        "wanted",
        "blame",
        "involvement",
        "role",
        "linked",
        "associated",
        "notorious",
        "experience",
        # an accusation's content is alleged, not reported as fact: "accused India of violating the truce"
        "accuse",
        "accusation",
        "allegation",
        "charge",
    }
)


def background_role(anchor: Token) -> bool:
    """ "responsible for conducting attacks", "suspected of blowing up a plane": a description of someone's
    role or an allegation, not a reported occurrence."""
    cur = anchor
    for _ in range(3):
        if cur.dep_ in ("pcomp", "pobj") and cur.head.dep_ == "prep":
            gov = cur.head.head
            if gov.lemma_.lower() in BACKGROUND_FRAMES:
                return True
            cur = gov
            continue
        return cur.dep_ in ("acl", "relcl") and cur.head.lemma_.lower() in ROLE_NOUNS
    return False


def nominal_use(tok: Token) -> bool:
    """A verb form used as a noun ("the accused", "the wounded", "the detained"): a determiner or possessive
    hangs on it and it has no subject or object of its own, so it names a person, not an act."""
    if tok.dep_ == "compound":
        return True  # "assault weapons", "strike force": a modifier naming a kind of thing
    kids = list(tok.children)
    if not any(c.dep_ in ("det", "poss") and c.i < tok.i for c in kids):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "agent", "aux", "auxpass") for c in kids)


def generic_gerund(tok: Token) -> bool:
    """A gerund naming an action in general as the subject of a clause ("closing the borders is going to
    provide prosperity"): nobody is said to do it."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("csubj", "csubjpass"):
        return False
    return not any(c.dep_ in ("nsubj", "poss", "nsubjpass") for c in tok.children)


def potential_act(
    anchor: Token, nouns: frozenset[str], trigger: Token | None = None, possible: frozenset[str] = frozenset()
) -> bool:
    """An infinitive on a noun of right, ability, chance or reason ("the right of owners to refuse
    services", "the power to arrest", "valid reasons to attack him"), or an event noun or gerund after "of"
    on a noun of risk or prospect (``possible``: "the risk of an attack", "the threat of strikes", "the
    opportunity of a summit"): a possible act, not an occurrence."""
    for t in (anchor, trigger):
        while t is not None and t.dep_ == "conj" and t.head.i != t.i:
            t = t.head  # "the risk of raids and strikes", "reasons to attack and critique him"
        of = t is not None and t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "of"
        if of and t is not None and t.head.head.lemma_.lower() in possible:
            return True
    while anchor.dep_ == "conj" and anchor.pos_ == "VERB" and anchor.head.pos_ == "VERB":
        anchor = anchor.head
    if anchor.dep_ not in ("acl", "relcl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        return False
    return anchor.head.lemma_.lower() in nouns


def poll_share(anchor: Token, shares: frozenset[str], voices: frozenset[str] = frozenset()) -> bool:
    """A share of those polled as the subject ("40 percent declared support for the party", "most
    respondents backed the plan"): a survey finding, not an act of a party. With ``voices``, also a bare
    quantifier as the active subject ("Many blame the government", "some criticised the plan"): an opinion
    held by unnamed people (pass ``voices`` for verbal acts only: "many were killed" is news)."""
    subj = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lemma_.lower() in shares:
        return True
    bare = subj.dep_ == "nsubj" and not any(c.dep_ in ("prep", "amod", "compound") for c in subj.children)
    return bare and subj.lower_ in voices


def stance_content(tok: Token, attitudes: frozenset[str]) -> bool:
    """A gerund or infinitive that is what a stance is about ("voters support banning Muslims", "Russia
    opposes imposing sanctions"): the act is favoured or opposed, not reported."""
    if tok.dep_ not in ("xcomp", "ccomp", "dobj", "pcomp") or tok.head.lemma_.lower() not in attitudes:
        return False
    # "supports banning", "opposes imposing", "does not like being arrested", "wants to attack"
    return tok.tag_ == "VBG" or any(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "auxpass" and c.lower_ == "being")
        for c in tok.children
    )


def state_participle(tok: Token, state_verbs: frozenset[str]) -> bool:
    """A past participle after a verb of seeming ("felt threatened", "looked defeated"): a state described."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("acomp", "xcomp", "oprd", "ccomp"):
        return False
    return tok.head.lemma_.lower() in state_verbs


def record_clause(anchor: Token) -> str | None:
    """A present-perfect relative clause on an actor ("al-Shabaab, which has killed hundreds in recent years")
    sums up the actor's record: background, not a new event. Only with a span or a frequency
    (history.record_marked): "Britain, which has accused Russia of poisoning ..." is one recent act."""
    if anchor.dep_ != "relcl" or actor_for_token(anchor.head) is None:
        return None
    perfect = any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in anchor.children
    )
    # one recent act ("Britain, which has accused Russia of ...") is news; a record needs a span or frequency
    if perfect and record_marked(anchor):
        return f"present-perfect relative clause on {anchor.head.text!r} describes its record"
    return None


def nonspecific(anchor: Token, has_actor: bool = True) -> bool:
    """A participle or relative clause describing a non-specific thing ("any deal reached", "no ceasefire
    agreed by both sides"): nothing has happened. Also a bare past participle naming a thing by what was
    done to it, with no agent anywhere ("the weapons recovered included...", "the people detained were
    released"): a description of something already reported, not a new report."""
    if anchor.dep_ not in ("acl", "relcl"):
        return False
    if (
        not has_actor
        and anchor.dep_ == "acl"
        and anchor.tag_ == "VBN"
        and not any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in anchor.children)
    ):
        return True
    if anchor.head.lower_ in ("nothing", "anything"):
        return True  # "there is nothing to protest": no act at all
    return any(
        c.dep_ == "det" and c.lower_ in ("any", "no", "every", "whatever") for c in anchor.head.children
    )


# Question words that presuppose the event ("Why did Russia expel the diplomats?": it did).
_WH = frozenset({"WRB", "WP", "WDT", "WP$"})


def _clause_head(anchor: Token) -> Token:
    cur = anchor
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def yes_no_question(anchor: Token) -> str | None:
    """ "Did the army attack the village?", "Will China retaliate?": a clause asked with the auxiliary before
    its subject and closed by a question mark asserts nothing. A wh-question ("Why did Russia expel...?")
    presupposes the event and is kept."""
    head = _clause_head(anchor)
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    aux = next((c for c in head.children if c.dep_ in ("aux", "auxpass")), None)
    if subj is None or aux is None or aux.i > subj.i:
        return None
    if any(t.tag_ in _WH for t in head.doc[head.left_edge.i : subj.i]):
        return None
    end, doc = head.right_edge.i + 1, head.doc
    if any(c.text == "?" for c in head.children) or (end < len(doc) and doc[end].text == "?"):
        return f"asked, not told: {aux.text!r} before its subject {subj.text!r} in a question"
    return None


# Types whose object can be an abstraction only by a figure of speech ("exiled their concerns", "pulled out of
# the slump", "seized the initiative"): material conflict, retreat and sanction.
MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "PROTEST"})


def figurative(tok: Token, entry: Entry, lex: Lexicon) -> str | None:
    """The head of the trigger's object (or of its particle's object) is an abstraction the lexicon lists
    (``figurative_objects``): the act is a figure of speech. A verb's abstract subject does the same for
    violence ("a culture that kills creativity" is no killing), and so does an abstract modifier of an event
    noun ("a culture clash", "a price war": ``figurative_modifiers``)."""
    if entry.type not in MATERIAL:
        return None
    words = lex.figurative_objects
    if tok.pos_ in ("NOUN", "PROPN"):
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        hit = next((c for c in mods if c.lemma_.lower() in lex.figurative_modifiers), None)
        return f"{hit.text!r} {tok.text!r}: a figure of speech" if hit is not None else None
    heads = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    for c in tok.children:
        if c.dep_ in ("prep", "prt") and c.lower_ == entry.prt:
            heads += [p for p in c.children if p.dep_ == "pobj"]
            heads += [p for g in c.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
    hit = next((h for h in heads if h.lemma_.lower() in words and h.ent_type_ == ""), None)
    if hit is not None:
        return f"{tok.text!r} {hit.text!r}: an abstraction, a figure of speech"
    made_of = lex.figurative_modifiers
    # "launched a 6-word missile", "fired a verbal broadside": only weapons and blows are made of words
    # ("seized food supplies", "blocked media access" are real)
    for h in heads if entry.type == "ASSAULT" else ():
        mod = next(
            (c for c in h.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in made_of), None
        )
        if mod is not None:
            return f"{mod.text!r} {h.text!r}: a figure of speech"
    return None


def adjectival_use(tok: Token) -> bool:
    """A participle used as an adjective: conjoined with one ("questions both basic and probing") or
    modifying a noun ("a probing question"), it describes a quality, not an act."""
    if tok.tag_ not in ("VBG", "VBN"):
        return False
    if tok.dep_ == "amod":
        return True
    return (
        tok.dep_ == "conj"
        and tok.head.pos_ == "ADJ"
        and not any(c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
    )


def habitual_clause(anchor: Token) -> str | None:
    """A simple-present relative clause on an organisation or role ("the Special Investigations Unit, which
    probes cases of serious injury", "a charity that feeds the homeless") describes what the body does in
    general: its remit, not a reported occurrence. Only with a generic object (a bare plural, or none), or
    on a kind of people ("people who attack my family", "those who break the law"): whoever does it."""
    while (
        anchor.dep_ == "conj"
        and anchor.head.dep_ == "relcl"
        and anchor.tag_ in ("VB", "VBP", "VBZ")
        and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in anchor.children)
    ):
        anchor = anchor.head  # "people who attack my wife and attack my father": the tagger gives VB
    if anchor.dep_ != "relcl" or anchor.tag_ not in ("VBZ", "VBP"):
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in anchor.children):
        return None
    if _kind(anchor.head):
        return f"{anchor.text!r} in a simple-present relative clause on {anchor.head.text!r}: whoever does it"
    obj = next((c for c in anchor.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and not _generic(obj):
        return None
    return (
        f"{anchor.text!r} in a simple-present relative clause on {anchor.head.text!r}: a remit, no occurrence"
    )


def _kind(head: Token) -> bool:
    """A bare plural naming a kind ("people", "leaders", not "the people" or "his critics"), or "those",
    "anyone", "whoever"."""
    if head.lower_ in ("those", "anyone", "anybody", "everyone", "everybody", "whoever"):
        return True
    if head.tag_ != "NNS" or head.ent_type_:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)


# Singular nouns naming a kind of case, generic without a determiner ("investigates misconduct").
GENERIC_MASS = frozenset({"case", "abuse", "misconduct", "crime", "fraud", "corruption", "violence"})


def _generic(obj: Token) -> bool:
    """A bare plural or a bare mass noun of a kind of case: no particular thing."""
    if obj.ent_type_ or any(c.dep_ in ("det", "poss", "nummod") for c in obj.children):
        return False
    return obj.tag_ == "NNS" or (obj.tag_ == "NN" and obj.lemma_.lower() in GENERIC_MASS)


# Cues per token that make a short story's register (3 cues in a 150-token item).
REGISTER_DENSITY = 0.02
# The register of the last document asked about: computed once per article, on demand.
_REGISTER: list[tuple[Doc, str | None]] = []
_CAMPAIGN: list[tuple[Doc, bool]] = []
# Sectors of armed or policing bodies: their attacks are violence in any story.
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "UAF", "CRM"})


def campaign_story(doc: Doc, lex: Lexicon) -> bool:
    """The article is about an election campaign: at least ``campaign_min`` election cue words."""
    if _CAMPAIGN and _CAMPAIGN[0][0] is doc:
        return _CAMPAIGN[0][1]
    cues = lex.election_cues
    n = sum(1 for t in doc if t.lemma_.lower() in cues)
    _CAMPAIGN[:] = [(doc, n >= lex.campaign_min)]
    return _CAMPAIGN[0][1]


def campaigners(actors: list[Actor]) -> bool:
    """Parties that campaign and cannot be armed: people and parties, none of an armed or policing sector,
    no state as a whole."""
    if not actors:
        return False
    for a in actors:
        if a.kind == "state" or (a.sector or "") in ARMED_SECTORS or a.country in ("IMG",):
            return False
    return True


def register_of(doc: Doc, lex: Lexicon) -> str | None:
    """The non-political register the article is written in (sports, entertainment, business, lifestyle),
    or None. Cue nouns of each register (``register_cues`` in event_verbs.yaml) are counted over the whole
    article: the leading register counts when it has at least ``register_min`` cues and ``register_ratio``
    times the political cues. A document-level signal, like a newspaper's section."""
    if _REGISTER and _REGISTER[0][0] is doc:
        return _REGISTER[0][1]
    counts: dict[str, int] = dict.fromkeys(lex.register_cues, 0)
    cues = lex.register_cues
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = t.lemma_.lower()
        for name, words in cues.items():
            if lemma in words:
                counts[name] += 1
    political = counts.pop("political", 0)
    found: str | None = None
    if counts:
        name, n = max(counts.items(), key=lambda kv: kv[1])
        # enough cues in a long story, or a dense handful in a short one (a 100-word celebrity item)
        enough = n >= lex.register_min or (n >= 3 and n >= REGISTER_DENSITY * len(doc))
        if enough and n >= lex.register_ratio * political:
            found = name
    _REGISTER[:] = [(doc, found)]
    return found


def political(actors: Iterable[Actor], sectors: frozenset[str]) -> bool:
    """A party that acts in politics: a state, or an actor of a political sector or non-state body."""
    for a in actors:
        if a.kind == "state" or (a.country or "") in sectors:
            return True
        if (a.sector or "") in sectors or any(s in sectors for s in a.sectors):
            return True
    return False


def private(actors: Iterable[Actor], sectors: frozenset[str]) -> bool:
    """Every party is a company or a news organisation (``private_sectors``)."""
    parties = list(actors)
    return bool(parties) and all(
        a.kind != "state" and ((a.sector or "") in sectors or (a.country or "") in sectors) for a in parties
    )


def register_kept(type_: str, mode: str | None, kept: frozenset[str]) -> bool:
    """Whether a type (or type/mode) is news in any section: arrests, lawsuits, stabbings."""
    return type_ in kept or f"{type_}/{mode}" in kept


BLANK_LINE = re.compile(r"\n[ \t]*\n")  # where a paragraph ends


def note_spans(text: str, openers: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of editorial notes: a paragraph that opens with "Editor's note:", "Correction:" or
    another of ``openers`` speaks about the story or its subject in general (the outlet's standing note on a
    candidate, a correction of an earlier version), and tells no news of the day. A span runs to the next
    blank line."""
    if not openers:
        return []
    words = "|".join(re.escape(o) for o in sorted(openers, key=len, reverse=True))
    pat = re.compile(rf"(?im)^[ \t]*(?:{words})[ \t]*[:—–-]")
    out = []
    for m in pat.finditer(text.replace("’", "'")):  # the same length: offsets stay
        end = BLANK_LINE.search(text, m.end())
        out.append((m.start(), end.start() if end else len(text)))
    return out
