"""Finding the actor and recipient arguments of a trigger in the dependency parse, and resolving them to the
actor records of the actors stage.

Resolution order for an argument head (each coordinated head separately, so "Hamas and Fatah" gives two actors
in ONE event): a group mention spanning the whole phrase ("the two sides"), a mention covering the head, a
mention on a pre-modifier ("Israeli soldiers", "Russia's veto"), then (marked inferred) a mention in an
"of/in/from" complement ("leaders of Romania's government", "forces in Guinea").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ...schema import Actor
from .. import memo
from ..common import children_labelled, has_child, sentence_of, syntax
from ..opponents import opposing_noun
from .actor_index import actor_for_token, actor_named, actors_at, actors_for_token, state_named

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
INFER_PREPS = frozenset({"of", "in", "from"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "him", "her", "them", "us"})
SPEECH = frozenset(
    {
        "say",
        "announce",
        "tell",
        "state",
        "declare",
        "report",
        "claim",
        "add",
        "confirm",
        "indicate",
        "insist",
        "warn",
        "write",
        "tweet",
        "reiterate",
        "note",
        "explain",
        "suggest",
        "assert",
        "reply",
    }
)


@dataclass
class Resolved:
    """Actors found for one role, and how (for explanations and confidence)."""

    actors: list[Actor] = field(default_factory=list)
    how: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    @property
    def inferred(self) -> bool:
        return bool(self.how) and all(h.startswith("inferred") for h in self.how)

    def add(self, actor: Actor, how: str) -> None:
        if all(a.id != actor.id for a in self.actors):
            self.actors.append(actor)
            self.how.append(how)

    def extend(self, other: Resolved) -> None:
        for a, h in zip(other.actors, other.how, strict=False):
            self.add(a, h)
        self.tokens.extend(other.tokens)


def heads_of(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it (not a "conjunct" that is the subject of the next clause:
    "imposed sanctions on Iran and the EU followed suit")."""
    if _clause_subject(tok) is not None:
        return [tok]  # the subject of its own clause, "coordinated" with the object before it
    nominal = ("NOUN", "PROPN", "PRON", "ADJ")
    return [tok, *[c for c in tok.conjuncts if c.pos_ in nominal and _clause_subject(c) is None]]


FINITE = frozenset({"VBD", "VBZ", "VBP"})
_SUBJECT_MARKS = SUBJ | PASS_SUBJ | {"expl"}


def _clause_subject(noun: Token) -> Token | None:
    """The finite verb a noun the parser coordinated with an earlier noun is really the subject of: the verb
    right after the noun phrase, a conjunct of the main clause with no subject of its own ("sanctions on Iran
    [and the EU] followed suit"); else None."""
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = noun.doc
    nxt = noun.right_edge.i + 1
    if nxt >= len(doc):
        return None
    verb = doc[nxt]
    while verb.dep_ in ("aux", "neg", "advmod") and verb.head.i > verb.i:
        verb = verb.head  # "and the EU has followed suit"
    if verb.tag_ not in FINITE and not has_child(verb, ("aux",)):
        return None
    if verb.pos_ != "VERB" or verb.dep_ != "conj" or verb.head.i >= noun.i:
        return None
    if has_child(verb, _SUBJECT_MARKS):
        return None
    return verb


def _stranded_subject(verb: Token) -> Token | None:
    """The subject of a coordinated finite verb the parser attached as a conjunct of the previous clause's
    last noun ("imposed sanctions on Iran and [the EU] condemned ..."), else None."""
    if verb.dep_ != "conj" or verb.i == 0:
        return None
    first = verb
    for c in sorted((c for c in verb.lefts if c.dep_ in ("aux", "neg", "advmod")), key=lambda t: -t.i):
        if c.i == first.i - 1:
            first = c
    prev = verb.doc[first.i - 1]
    noun = prev
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head
    clause = _clause_subject(noun) if noun.i == prev.i else None
    return noun if clause is not None and clause.i == verb.i else None


def topic_state(mod: Token, owner: Token) -> bool:
    """ "Turkey's Syria policy", "the EU's Russia sanctions": after a possessor, a compound naming a state
    is the topic or target of the thing owned, not a second owner (an organisation there is an affiliation:
    "its European Community partners", "bin Laden's al-Qaeda network")."""
    if mod.dep_ not in ("compound", "nmod") or mod.i < owner.i:
        return False
    found = actor_for_token(mod)
    return found is not None and found.kind == "state"


def _modifier_actors(tok: Token, out: Resolved, how: str) -> bool:
    found = False
    lefts = list(tok.lefts)
    owner = next((c for c in lefts if c.dep_ == "poss" and actor_for_token(c) is not None), None)
    if owner is not None:
        lefts = [c for c in lefts if not topic_state(c, owner)]
    for child in lefts:
        if child.dep_ == "amod" and child.lemma_ == "lead" and child.tag_ == "VBN":
            # "a US-led coalition": the leader acts (not "X-backed": a backer is no party to the act)
            for c in child.children:
                a = actor_for_token(c) if c.dep_ in MODIFIERS else None
                if a is not None:
                    out.add(a, f"{how}:led")
                    found = True
        if child.dep_ in MODIFIERS:
            for c in (child, *child.conjuncts):
                a = actor_for_token(c)
                if a is not None:
                    out.add(a, f"{how}:{c.dep_ or child.dep_}")
                    found = True
            if not found and (child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "NOUN")):
                found = _modifier_actors(child, out, how)  # "Russia's army's", "[US-led coalition] aircraft"
    return found


def _members(head: Token) -> list[Token]:
    """The appositive of a plural noun and the object of its "including" ("Western governments, including
    France"): the named members."""
    out = [c for c in head.children if c.dep_ == "appos"]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "including":
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _including(head: Token, found: Actor, out: Resolved) -> None:
    """ "Western governments, including France, condemned ...": the members named are parties too."""
    if head.tag_ not in ("NNS", "NNPS"):
        return
    for app in _members(head):
        for m in (app, *app.conjuncts):
            a = actor_for_token(m)
            if a is not None and a.id != found.id:
                out.add(a, "appositive-member")


def _appositive_members(head: Token, out: Resolved) -> bool:
    """ "several EU countries - Austria, Slovakia and Greece - declined", "two neighbours, Chad and Niger,
    closed ...": a plural noun with no mention of its own whose appositive lists named actors stands for them
    (not for the organisation or the state in its modifiers)."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    found = False
    for app in _members(head):
        for m in (app, *app.conjuncts):
            a = actor_for_token(m)
            if a is not None:
                out.add(a, "appositive-member")
                found = True
    return found


def _named_appositive(head: Token, out: Resolved) -> bool:
    """ "US-based aluminium producer Alcoa", "the militant group, al-Shabaab": a common noun with no mention
    of its own followed by the name it describes (an appositive, or a name the parser hung on the verb as a
    bare modifier) is that named actor."""
    if head.pos_ not in ("NOUN", "ADJ"):  # "neighbour Iraq": the parser may tag the noun an adjective
        return False
    if any((c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "poss" for c in head.children):
        # "a member of the Syrian parliament, X", "his wife, X": the body or the possessor named is the
        # party the description gives (resolve), as coded before
        return False
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    names = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if nxt is not None and nxt.dep_ == "npadvmod" and nxt.pos_ == "PROPN" and nxt.head.i == head.head.i:
        names.append(nxt)  # "producer Alcoa has signed": the name hung on the verb
    return _add_actors(names, out, "appositive-name")


def _add_actors(tokens: Iterable[Token], out: Resolved, rule: str) -> bool:
    """Each token's actor added to ``out`` under ``rule``; whether any was."""
    found = False
    for t in tokens:
        a = actor_for_token(t)
        if a is not None:
            out.add(a, rule)
            found = True
    return found


def _of_conjuncts(head: Token, found: Actor, out: Resolved) -> None:
    """ "the leaders of Germany, France and Italy": one mention names the first country only; the
    coordinated countries are actors too."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for c in pobj.conjuncts:
                a = actor_for_token(c)
                if a is not None and a.id != found.id:
                    out.add(a, "mention:of-conjunct")


def _coordinated_modifiers(head: Token, found: Actor, out: Resolved) -> None:
    """ "US and British forces": the mention on the head names the last conjunct; each coordinated modifier
    is a party too."""
    for child in head.lefts:
        if child.dep_ in MODIFIERS and child.conjuncts:
            for c in (child, *child.conjuncts):
                # a demonym without a mention of its own ("the Japanese and UK governments") names the
                # article's state actor of that country
                a = actor_for_token(c) or state_named(c)
                if a is not None and a.id != found.id:
                    out.add(a, "mention:coordinated-modifier")
        elif child.dep_ in MODIFIERS and any(c.dep_ == "cc" for c in child.children):
            # "Secretary of State Kerry and Secretary of Defense Carter will host": the parser hung the first
            # conjunct, with its "and", on the second as a modifier; a mention of the same kind is a party
            a = actor_for_token(child)
            if a is not None and a.id != found.id and a.kind == found.kind:
                out.add(a, "mention:coordinated-modifier")


AFFILIATIONS = frozenset({"state", "organization"})
# Actor kinds that own armed or police bodies acting for them ("its fighters", "Russia's forces").
OWNER_KINDS = frozenset({"state", "organization", "group"})


@lru_cache(maxsize=1)
def _owner_agent_sectors() -> frozenset[str]:
    from .sentence_roles import event_roles_data

    return frozenset(str(w).upper() for w in event_roles_data().get("owner_agent_sectors") or ())


def _owner(head: Token, found: Actor, out: Resolved) -> None:
    """ "Hamas said its fighters fired rockets", "the Taliban's fighters attacked": a generic noun (no name
    of its own) of an armed or police body (``owner_agent_sectors``) acts for the state, organisation or
    group that owns it by a possessor; the owner is a party too."""
    if head.pos_ != "NOUN" or found.wikidata or found.sector not in _owner_agent_sectors():
        return
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    owner = actor_for_token(poss) if poss is not None else None
    if owner is not None and owner.id != found.id and owner.kind in OWNER_KINDS:
        out.add(owner, "mention:owner")


def _affiliation(head: Token, found: Actor, out: Resolved) -> None:
    """ "U.N. mediator Diego Cordovez": a mention with no country whose own noun phrase names a state or an
    organisation in front of it (a compound or possessor chain) acts for it; the organisation is a party."""
    stack = [c for c in head.lefts if c.dep_ in ("compound", "poss", "nmod")]
    stack += [x for c in head.lefts if c.dep_ == "amod" and c.lemma_ == "lead" for x in c.children]
    while stack:
        c = stack.pop()
        a = actor_for_token(c)
        if a is not None and a.id != found.id and a.kind in AFFILIATIONS:
            out.add(a, "modifier:affiliation")
            return
        stack.extend(x for x in c.lefts if x.dep_ in ("compound", "poss", "nmod"))


@lru_cache(maxsize=1)
def _holder_participles() -> frozenset[str]:
    from .sentence_roles import role_words

    return role_words("holder_participles")


def _holders(head: Token, out: Resolved) -> bool:
    """ "shelled rebel-held territory", "areas controlled by the rebels": a thing with no actor of its own,
    held by the party its participle names, stands for that party (``holder_participles``)."""
    found = False
    for part in head.children:
        if (
            part.dep_ not in ("amod", "acl")
            or part.tag_ != "VBN"
            or part.lemma_.lower() not in _holder_participles()
        ):
            continue
        if part.dep_ == "acl":  # "territory held by Islamic State"
            agent = agent_of(part)
            holders = [agent, *agent.conjuncts] if agent is not None else []
        else:  # "rebel-held territory"
            holders = [c for c in part.children if c.dep_ in MODIFIERS or c.dep_ == "advmod"]
        found = _add_actors(holders, out, "inferred:holder") or found
    return found


def resolve(tok: Token, *, infer: bool = True, extra_preps: frozenset[str] = frozenset()) -> Resolved:
    """The actors an argument head (and its conjuncts) refers to."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" and tok.dep_ in OBJ:
        tok = relative_antecedent(tok.head, tok)  # "the preacher whom Erdogan accuses": the preacher
    out = Resolved(tokens=[tok])
    doc = tok.doc
    # A group reference ("the two sides", "both countries") is one mention of several actors.
    left = tok.left_edge
    for end_tok in (tok, tok.right_edge):
        group = actors_at(doc, left.idx, end_tok.idx + len(end_tok.text))
        if len(group) > 1:
            for a in group:
                out.add(a, "group")
            return out
    for h in heads_of(tok):
        every = actors_for_token(h)
        found = every[0] if every else None
        if found is not None:
            out.add(found, "mention")
            for other in every[1:]:
                out.add(other, "mention:shared")  # a plural description that is a mention of several actors
            _of_conjuncts(h, found, out)
            _coordinated_modifiers(h, found, out)
            _including(h, found, out)
            _owner(h, found, out)
            if not found.country:
                _affiliation(h, found, out)
            continue
        if _appositive_members(h, out) or _named_appositive(h, out):
            continue
        if opposing_noun(h):
            continue  # "Erdogan's opponents", "critics of the government": the owner is their target
        if _modifier_actors(h, out, "modifier"):
            continue
        named = actor_named(h)
        if named is not None:
            out.add(named, "same-name")
            continue
        state = state_named(h)
        if state is not None:
            out.add(state, "state-word")  # "accused Ottawa of ...": the capital stands for the state
            continue
        if not infer:
            continue
        if _holders(h, out):
            continue
        for c in h.lefts:
            # "duties on Canadian steel", "struck a Russian base": the demonym on a thing that is no actor
            state = (
                state_named(c) if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ == "NORP" else None
            )
            if state is not None:
                out.add(state, "inferred:demonym")
        for prep in children_labelled(h, ("prep",)):
            if prep.lower_ in INFER_PREPS | extra_preps:
                for pobj in children_labelled(prep, ("pobj",)):
                    for p in heads_of(pobj):
                        hit = actor_for_token(p)
                        if hit is not None:
                            out.add(hit, f"inferred:{prep.lower_}")
                        else:
                            _modifier_actors(p, out, f"inferred:{prep.lower_}")
    return out


def misparsed_main_verb(verb: Token) -> bool:
    """ "A Saudi-led coalition bombed Houthi positions", "Doctors from two aid groups donated and delivered
    goods": the parser made the main verb a reduced relative (acl, VBN/VBD) inside a verbless sentence whose
    root is a noun. A passive participle takes no direct object, so with one (on the verb or a coordinated
    verb), it is the active main verb and the root noun its subject (see :func:`subject_of`)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return False
    if not any(c.dep_ in OBJ for v in (verb, *verb.conjuncts) for c in v.children) and not particle_object(
        verb
    ):
        return _verbless_body_sentence(verb)
    root = sentence_of(verb).root
    return root.pos_ in ("NOUN", "PROPN") and root.i < verb.i


def particle_object(verb: Token) -> Token | None:
    """ "The militia handed in its weapons": the parser read the particle of a phrasal verb of the event
    lexicon ("hand in", "hand over") as a preposition right after the verb; its object is the verb's direct
    object. That object, else None."""
    from .lexicon import load_lexicon

    nxt = verb.i + 1
    if nxt >= len(verb.doc):
        return None
    prt = verb.doc[nxt]
    if prt.dep_ != "prep" or prt.head.i != verb.i:
        return None
    entries = load_lexicon().verbs.get(verb.lemma_.lower(), ())
    if not any(e.prt == prt.lower_ for e in entries):
        return None
    return next((c for c in prt.children if c.dep_ == "pobj"), None)


def _verbless_body_sentence(verb: Token) -> bool:
    """ "An official newspaper called Thursday on Arabs to unite": without an object, a participle hung on
    the root noun of a sentence of the body (final punctuation) with no "by" agent, taking a complement
    clause, is its main verb; not a verb of suffering ("Three soldiers killed in an ambush.",
    ``headline_passive_verbs``)."""
    head = verb.head
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > verb.i:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "agent" for c in kids) or verb.lemma_.lower() in _headline_verbs():
        return False
    if not any(c.dep_ in ("xcomp", "advcl", "ccomp") for c in kids):
        return False
    last = next((t for t in reversed(sentence_of(verb)) if not t.is_space), None)
    return last is not None and last.is_punct


def _swallowed_subject(verb: Token) -> Token | None:
    """ "With the signing of a memorandum, the government and the rebels have agreed to ...": the parser
    joined the subject to a noun of the fronted adjunct (as a conjunct after the comma) and left the finite
    main verb without one. The noun phrase right before the verb's auxiliaries, inside one of its own fronted
    prepositional adjuncts and after a comma, is the subject."""
    if verb.dep_ != "ROOT" or any(c.dep_ in SUBJ | PASS_SUBJ or c.dep_ == "expl" for c in verb.children):
        return None
    first = verb
    for c in sorted((c for c in verb.lefts if c.dep_ in ("aux", "neg", "advmod")), key=lambda t: -t.i):
        if c.i == first.i - 1:
            first = c
    if first.i == 0 or first.is_sent_start:
        return None
    cand = verb.doc[first.i - 1]
    adjuncts = [c for c in verb.lefts if c.dep_ == "prep" and c.left_edge.i <= cand.i <= c.right_edge.i]
    if not adjuncts or cand.pos_ not in ("NOUN", "PROPN"):
        return None
    head = cand
    while head.dep_ in ("conj", "compound", "nmod", "appos") and head.head.i < head.i:
        between = verb.doc[head.head.i : head.i]
        if any(t.text == "," for t in between):
            break
        head = head.head
    if head.dep_ != "conj" or verb.doc[head.left_edge.i - 1].text != ",":
        return None
    return head


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    from .sentence_roles import role_words

    return role_words("headline_passive_verbs")


def headline_passive(verb: Token) -> bool:
    """ "Opposition leader detained as police break up rally": a headline drops the passive's auxiliary. A
    transitive event verb (``headline_passive_verbs``) in the past form as the root of a line without final
    punctuation, with a subject and no object or auxiliary, is a passive whose subject undergoes it."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in _headline_verbs():
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in kids) or any(
        c.dep_ in OBJ or c.dep_ in ("aux", "auxpass") for c in kids
    ):
        return False
    sent = sentence_of(verb)
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.is_punct:
        return False  # a sentence of the body: "Rebels attacked." is active
    end = sent.end
    return end >= len(verb.doc) or "\n" in verb.doc[end - 1].text_with_ws or verb.doc[end].is_space


def perfect_misparsed(verb: Token) -> Token | None:
    """ "He's instructed his secretary to ...": the parser read the clitic of "has" as a passive auxiliary
    ("is"). A participle with a direct object is active, and its "passive subject" is its subject; that
    subject, else None."""
    if verb.tag_ != "VBN":
        return None
    sx = syntax(verb.doc)
    kids, deps = sx.children[verb.i], sx.deps
    if not any(deps[j] == "auxpass" and sx.lowers[j] in ("'s", "’s") for j in kids):
        return None
    if not any(deps[j] in OBJ for j in kids):
        return None
    return next((verb.doc[j] for j in kids if deps[j] == "nsubjpass"), None)


def is_headline(sent: Span) -> bool:
    """A line without final punctuation (a headline or a title), ending the text or followed by a line
    break."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.is_punct:
        return False
    doc, end = sent.doc, sent.end
    return end >= len(doc) or "\n" in doc[end - 1].text_with_ws or doc[end].is_space


def headline_coordinate(subj: Token) -> Token | None:
    """ "Turkey, Russia agree ceasefire", "US, China hold talks": a headline joins two subjects with a comma;
    the parser hangs the first on the verb (npadvmod, dep) or on the second. The name that opens the headline
    right before "<subject>," is a joint subject; that name's head, else None."""
    if subj.pos_ != "PROPN":
        return None
    doc = subj.doc
    comma = subj.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    first = doc[comma - 1]
    if first.pos_ != "PROPN" or first.dep_ not in ("npadvmod", "dep", "appos", "nmod", "compound", "nsubj"):
        return None
    if first.head.i not in (subj.i, subj.head.i) or not doc[first.left_edge.i].is_sent_start:
        return None
    sent = sentence_of(subj)
    return first if is_headline(sent) else None


@memo.per_token
def is_passive(verb: Token) -> bool:
    if misparsed_main_verb(verb) or perfect_misparsed(verb) is not None:
        return False
    if headline_passive(verb):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        # a reduced relative ("prisoners released by Israel"), not a content clause the parser hung on a
        # noun with its own subject ("reports that ISIL has killed 70 members": ISIL killed)
        return not any(c.dep_ in SUBJ for c in verb.children)
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def by_gerund(tok: Token) -> bool:
    """A gerund saying how the governing verb's action is done ("retaliate by cutting", "responded by
    firing"): same subject, same modality."""
    return (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VBG"
        and tok.head.dep_ == "prep"
        and tok.head.lower_ == "by"
        and tok.head.head.pos_ in ("VERB", "AUX")
    )


# Prepositions whose gerund shares the governing verb's subject ("joined the Democrats in calling for...",
# "after meeting the king"); not of/from/against/for, whose gerund may belong to the object ("accused X of
# shelling", "stopped X from entering").
ADJUNCT_PREPS = frozenset({"in", "after", "before", "while", "without", "through", "upon", "when"})


def adjunct_gerund(tok: Token) -> bool:
    """A gerund in an adjunct of a verb: the verb's subject does it."""
    return (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VBG"
        and tok.head.dep_ == "prep"
        and tok.head.lower_ in ADJUNCT_PREPS
        and tok.head.head.pos_ in ("VERB", "AUX")
    )


def _understood(verb: Token) -> Token | None:
    """Understood subject of an infinitive from the actors stage (subject and object control verbs)."""
    from ..s2_actors.coref import understood_subject
    from ..s2_actors.coref_lexicon import load_coref_lexicon

    return understood_subject(verb, load_coref_lexicon())


@memo.per_token
def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, following relative pronouns, control and coordination."""
    if misparsed_main_verb(verb):
        return sentence_of(verb).root
    if (swallowed := _swallowed_subject(verb)) is not None:
        return swallowed
    if (perfect := perfect_misparsed(verb)) is not None:
        return perfect
    seen = 0
    cur: Token | None = verb
    while cur is not None and seen < 6:
        seen += 1
        for c in children_labelled(cur, SUBJ):
            if not _marked_infinitive(cur):
                if c.lower_ in RELATIVE and cur.dep_ == "relcl":
                    return relative_antecedent(cur, c)
                if is_relative_pronoun(c) and (clause := _misattached_relative(cur)) is not None:
                    return relative_antecedent(clause, c)  # "one claimed by Daesh that targeted mourners"
                return _participle_subject(c)
        if (doer := _participle_noun(cur)) is not None:
            return doer  # "met families demanding compensation", "arrested protesters demanding X"
        if (owner := _infinitive_owner(cur)) is not None:
            return owner  # "backed Syria's efforts to retake Idlib": Syria retakes it, not the backer
        if cur.dep_ == "relcl" and not is_passive(cur):
            governor = _infinitival_governor(cur)
            if governor is None:
                return cur.head
            cur = governor  # "converged for a rally to protest X": who converged protests
            continue
        if (raised := raised_subject(cur)) is not None:
            return raised  # "X were reported to have fired": X fired
        if cur.dep_ in ("xcomp", "ccomp") and (u := _understood(cur)) is not None:
            return u  # the actors stage's control rule: "forced them to accept" -> them (issue 10)
        if (
            cur.dep_ == "pcomp"
            and cur.tag_ == "VBG"
            and cur.head.dep_ == "prep"
            and cur.head.head.pos_ == "ADJ"
            and cur.head.head.dep_ in ("acomp", "amod", "ROOT", "conj")
        ):
            cur = cur.head.head  # "X and Y are guilty of violating the ceasefire": X and Y violate it
            continue
        if (gerund_host := _finite_conjunct_of_gerund(cur)) is not None:
            cur = gerund_host  # "accused Mexico of interfering and expelled its envoy": who accused expelled
            continue
        if (stranded := _stranded_subject(cur)) is not None:
            return stranded  # "imposed sanctions on Iran and the EU condemned ...": the EU condemned
        if (modal_host := _finite_conjunct_of_modal(cur)) is not None:
            cur = modal_host  # "forecast that the economy would rebound and praised X": who forecast praised
            continue
        if (beneficiary := _purpose_beneficiary(cur)) is not None:
            return beneficiary  # "extended the amnesty to fighters to surrender": the fighters surrender
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if (controller := _object_of_reproach(cur)) is not None:
            return controller  # "accused the army of bombing civilians": the army bombed (alleged)
        if by_gerund(cur) or adjunct_gerund(cur):
            cur = cur.head.head  # "Moscow could retaliate by cutting supplies": Moscow cuts
            continue
        if cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "obj") and cur.head.head.pos_ == "VERB":
            dative = next((c for c in cur.head.head.children if c.dep_ == "dative"), None)
            if dative is not None:
                return dative  # "Israel gave Hamas a deadline to release ...": Hamas releases
            cur = cur.head.head  # "the party issued a declaration demanding ...": the issuer demands
            continue
        return None
    return None


@lru_cache(maxsize=1)
def _object_gerund_words() -> tuple[frozenset[str], frozenset[str]]:
    from .sentence_roles import event_roles_data

    data = event_roles_data()
    verbs = frozenset(str(w).lower() for w in data.get("object_gerund_verbs") or ())
    return verbs, frozenset(str(w).lower() for w in data.get("object_gerund_preps") or ())


def _object_of_reproach(gerund: Token) -> Token | None:
    """The direct object of a verb of reproach, praise or punishment whose of/for-gerund this is ("accused
    [the army] of bombing", "arrested [him] for inciting"): it does what the gerund names."""
    perfect = gerund.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having" for c in gerund.children)
    if gerund.dep_ != "pcomp" or not (gerund.tag_ == "VBG" or perfect) or gerund.head.dep_ != "prep":
        return None
    verbs, preps = _object_gerund_words()
    prep, verb = gerund.head, gerund.head.head
    if prep.lower_ in preps and verb.dep_ in OBJ and verb.head.lemma_.lower() in verbs:
        return verb  # the parser hung "of bombing" on the object: "accused [the army of bombing]"
    if prep.lower_ not in preps or verb.lemma_.lower() not in verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJ), None)
    if obj is None and is_passive(verb):
        obj = passive_subject(verb)  # "the army was accused of bombing": the army
    if obj is None:
        # "lashed out at Turkey for shooting down a jet", "railed against X for ...": the one aimed at
        obj = next((o for o in slot(verb, "prep:at") + slot(verb, "prep:against")), None)
    return obj


def _finite_conjunct_of_gerund(verb: Token) -> Token | None:
    """A past or present tense verb the parser coordinated with a gerund inside a prepositional complement
    ("accused Mexico [of interfering and expelled] its envoy"): a finite verb cannot be coordinated with a
    gerund, so it is the governing verb's conjunct and shares its subject; returns that verb."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    gerund = verb.head
    if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp" or gerund.head.dep_ != "prep":
        return None
    host = gerund.head.head
    return host if host.pos_ in ("VERB", "AUX") and host.i < verb.i else None


@lru_cache(maxsize=1)
def _directive_nouns() -> frozenset[str]:
    from .sentence_roles import role_words

    return role_words("directive_nouns")


def _infinitive_owner(verb: Token) -> Token | None:
    """ "Syria's efforts to retake Idlib", "the army's campaign to clear the city": a to-infinitive on a
    possessed noun is done by the possessor (not by whoever governs the noun), unless the noun directs
    someone else to act (``directive_nouns``: "Israel's call for/demand to ..."). Else None."""
    if verb.dep_ not in ("acl", "relcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _directive_nouns():
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


@lru_cache(maxsize=1)
def _demand_words() -> frozenset[str]:
    from .sentence_roles import demand_participles

    return demand_participles()


def _participle_noun(verb: Token) -> Token | None:
    """The noun an active participle of demanding describes, when it is an actor: "families demanding
    compensation" (acl on the object) are the ones demanding, not the subject who met them. One right after
    the object, without a comma, which the parser hung on the verb ("arrested dozens of protesters
    demanding X"), describes that object too. Any active participle hung on an actor noun is that actor's
    act when the participle is aimed at another actor ("struck enemy fighters firing on Iraqi forces": the
    fighters fire, not the strikers; "migrants travelling with the caravan" stay a description). Else None."""
    if verb.tag_ != "VBG":
        return None
    demand = verb.lemma_.lower() in _demand_words()
    if verb.dep_ == "acl" and (demand or _aimed_at_actor(verb)):
        noun = verb.head
    elif verb.dep_ == "advcl" and demand:
        obj = next((c for c in verb.head.children if c.dep_ in OBJ and c.right_edge.i == verb.i - 1), None)
        if obj is None:
            return None
        noun = obj
    else:
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if actor_for_token(noun) is None:
        # "dozens of protesters": the counted noun
        counted = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        noun = counted[0] if counted else noun
    found = actor_for_token(noun)
    return noun if found is not None and found.kind in ("person", "group") else None


def _aimed_at_actor(verb: Token) -> bool:
    """The verb's object, or the object of a targeting preposition on it ("firing on", "aimed at"), is an
    actor's mention (not a destination: "migrants travelling to the US" stay a description)."""
    args = [c for c in verb.children if c.dep_ in OBJ]
    args += [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(actor_for_token(a) is not None for a in args)


def _marked_infinitive(verb: Token) -> bool:
    """ "to testify before Congress to discuss the plan": a to-infinitive with a subordinator other than
    "for" ("before", read as a conjunction) has no subject of its own; the noun the parser made its subject is
    the preposition's object, and the governing clause's subject does it."""
    if verb.tag_ != "VB":
        return False
    sx = syntax(verb.doc)
    kids, deps, words = sx.children[verb.i], sx.deps, sx.lowers
    return any(deps[j] == "aux" and words[j] == "to" for j in kids) and any(
        deps[j] == "mark" and words[j] != "for" for j in kids
    )


def _finite_conjunct_of_modal(verb: Token) -> Token | None:
    """A past or present tense verb the parser coordinated with the bare infinitive of a modal inside a
    reported clause ("forecast that the economy [would rebound and praised] X"): a finite verb cannot be
    coordinated with a verb after "would", so it is the reporting verb's conjunct; returns that verb."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ"):
        return None
    head = verb.head
    if head.tag_ != "VB" or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
        return None
    if head.dep_ not in ("ccomp", "xcomp") or head.head.pos_ not in ("VERB", "AUX"):
        return None
    return head.head if head.head.i < verb.i else None


# Dependencies of a noun that can be a clause's subject the parser failed to attach to its verb.
SUBJECT_LIKE = frozenset({"nsubj", "ROOT", "dep", "appos", "npadvmod"})
# Attachments of a verb the parser left without a subject where one is recovered (a coordinated verb takes its
# conjunct's subject in subject_of; one coordinated with a passive clause does not share its subject).
RECOVERABLE = frozenset({"ROOT", "dep", "parataxis"})
# Tokens that close the clause when scanning left for a lost subject.
CLAUSE_STOPS = frozenset(
    {";", ":", "said", "says", "that", "which", "who", "because", "if", "while", "after"}
)


def recovered_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser left without one ("Police officers responding to a call
    fatally shot a man": *shot* hangs as ``dep`` under *responding*): the nearest noun left of the verb in the
    same clause that stands as a subject (or unattached), when no subject rule found one. Not for non-finite
    verbs and relative clauses (their subjects are understood), nor across a clause boundary (a semicolon, a
    speech verb, a subordinator)."""
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children
    )
    if (verb.tag_ not in ("VBD", "VBZ", "VBP") and not perfect) or verb.dep_ not in RECOVERABLE:
        return None
    if any(c.dep_ in SUBJ | PASS_SUBJ or c.dep_ == "expl" for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and not doc[i + 1].is_sent_start:
        t = doc[i]
        rel = next((a for a in t.ancestors if a.dep_ == "relcl" and a.i < verb.i), None)
        if rel is not None and rel.head.i < rel.left_edge.i:
            i = rel.left_edge.i - 1  # "the SDF, which includes X, has made progress": skip the relative
            continue
        if t.lower_ in CLAUSE_STOPS or t.dep_ == "mark":
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in SUBJECT_LIKE and t.head.i != verb.i:
            return t
        i -= 1
    return None


# Entity labels that cannot be what "who" refers to: the parser hung the relative clause on the nearest noun.
NOT_PERSONS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
# Links climbed from a misattached relative clause's head back to the noun phrase it belongs to.
NOUN_PHRASE_LINKS = frozenset({"conj", "pobj", "prep", "acl", "dobj", "appos", "compound"})


def relative_antecedent(clause: Token, pronoun: Token) -> Token:
    """What a relative pronoun stands for: the noun the relative clause modifies, except where "who" hangs
    on a place, a date or a noun that is no actor deep inside a longer noun phrase ("X was a member of a
    group seeking an end to rule in Bosnia who assassinated Y"): then the nearest noun up that phrase that
    is an actor's mention, or (through a copula's predicate noun) the copula's subject. Without either, the
    clause's head as parsed."""
    head = clause.head
    if pronoun.lower_ in ("which", "that"):
        return _event_noun_up(head) or head
    if pronoun.lower_ not in ("who", "whom"):
        return head
    if head.ent_type_ not in NOT_PERSONS and actor_for_token(head) is not None:
        return head
    cur = head
    for _ in range(10):
        if cur.dep_ == "attr" and cur.head.pos_ == "AUX":
            subj = next((c for c in cur.head.children if c.dep_ in SUBJ), None)
            return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else head
        if cur.dep_ not in NOUN_PHRASE_LINKS or cur.head.i == cur.i:
            return head
        if cur.dep_ == "appos" and actor_for_token(cur.head) is not None:
            return cur.head  # "Gulen, the preacher whom Erdogan accuses": the appositive names Gulen
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and cur.ent_type_ not in NOT_PERSONS:
            found = actor_for_token(cur)
            if found is not None and found.kind in ("person", "group"):
                return cur
    return head


def is_relative_pronoun(tok: Token) -> bool:
    """ "which", "who", "whom" and relative "that" (tagged WDT, unlike the demonstrative "that was wrong"):
    a pronoun that stands for the noun its clause modifies, never for a speaker or an earlier subject."""
    return tok.lower_ in RELATIVE and tok.tag_ in ("WDT", "WP")


def _misattached_relative(verb: Token) -> Token | None:
    """The reduced relative or relative clause a relative clause was wrongly hung under ("the attacks
    [claimed by Daesh] [that targeted mourners]": the parser makes *targeted* a complement of *claimed*):
    the nearest ``acl``/``relcl`` up a short chain of clause links whose head is a noun, else None."""
    cur = verb
    for _ in range(3):
        if cur.dep_ in ("acl", "relcl") and cur.head.i != cur.i and cur.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return cur
        if cur.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _event_noun_up(head: Token) -> Token | None:
    """ "ISIL's attacks in the town of Tel Tamer in Hasaka Province, which killed scores": a "which" hung on
    a place (or the place noun of a place phrase) stands for the event noun that phrase locates, up a chain of
    prepositional complements; None when the head is an actor or no event noun is found."""
    from .lexicon import load_lexicon

    if actor_for_token(head) is not None:
        return None
    nouns = load_lexicon().nouns
    if head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
        return None  # "her support of the 2011 raid that killed bin Laden": the raid killed, not the support
    cur = head
    for _ in range(6):
        if cur.dep_ not in ("pobj", "compound", "appos") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.dep_ == "prep":
            if cur.lower_ not in ("in", "of", "at", "near", "on", "outside", "across"):
                return None
            cur = cur.head
        if cur.pos_ != "NOUN":
            return None
        if cur.lemma_.lower() in nouns:
            return cur
    return None


def _participle_subject(subj: Token) -> Token:
    """ "The Red Cross operating in Iraq said": the parser makes the participle the subject and the noun its
    subject; the noun is the one who speaks."""
    if subj.tag_ in ("VBG", "VBN"):
        inner = next((c for c in subj.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        if inner is not None:
            return inner
    return subj


def _infinitival_governor(clause: Token) -> Token | None:
    """The verb whose subject does a to-infinitive that qualifies a noun without a subject of its own ("were
    converging for a rally to protest"): the verb governing that noun, else None."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    noun = clause.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    if (
        noun.dep_ in ("dobj", "obj")
        and noun.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "dative" for c in noun.head.children)
    ):
        return noun.head  # "organised a rally to protest", not "gave Hamas a deadline to release"
    return None


def agent_of(verb: Token) -> Token | None:
    """The "by" agent of a passive verb, or the one named by "at the hands of X" ("were killed at the hands
    of the militia")."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "by"):
            for hands in c.children:
                if hands.dep_ == "pobj" and hands.lower_ == "hands":
                    for of in hands.children:
                        if of.dep_ == "prep" and of.lower_ == "of":
                            return next((p for p in of.children if p.dep_ == "pobj"), None)
    return None


@lru_cache(maxsize=1)
def _raising_passives() -> tuple[frozenset[str], frozenset[str]]:
    from .sentence_roles import event_roles_data

    data = event_roles_data()
    raising = frozenset(str(w).lower() for w in data.get("raising_passive_verbs") or ())
    return raising, frozenset(str(w).lower() for w in data.get("quoted_as_verbs") or ())


def raised_subject(verb: Token) -> Token | None:
    """ "Israeli jets were reported to have fired missiles": the passive subject of a verb of saying or
    believing is the subject of its infinitive complement (the jets fired), not an absent "by" agent; so is
    that of an "as" gerund ("the army was quoted as warning Israel": the army warned)."""
    head = verb.head
    words, quoting = _raising_passives()
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ == "as":
        head, words = head.head, quoting  # not "was seen as supporting" (a characterisation)
    elif verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if head.i == verb.i or head.lemma_.lower() not in words:
        return None
    subj = next((c for c in head.children if c.dep_ in PASS_SUBJ), None)
    if subj is None or subj.lower_ in RELATIVE:
        return None
    return subj


def passive_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in PASS_SUBJ:
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return relative_antecedent(verb, c)  # "the prisoners, who were released on Monday"
            return c
    if headline_passive(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj")  # "Opposition leader detained"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head  # "the camp attacked by militiamen"
    return None


def speech_governor(tok: Token) -> Token | None:
    """The speech verb whose reported clause contains this token ("X said [Y attacked Z]"), if any."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("ccomp", "xcomp", "conj", "advcl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_ in SPEECH:
                return cur
            continue
        if cur.dep_ == "parataxis" and cur.head.lemma_ in SPEECH:
            return cur.head
        # "..., the ministry said." attaches the speech verb as the ROOT with the clause as ccomp.
        for c in children_labelled(cur, ("parataxis",)):
            if c.lemma_ in SPEECH:
                return c
        return None
    return None


def prep_objects(tok: Token, prep: str) -> list[Token]:
    out: list[Token] = []
    doc = tok.doc
    sx = syntax(doc)
    deps = sx.deps
    for j in sx.children[tok.i]:
        if deps[j] in ("prep", "agent", "dative") and sx.lowers[j] == prep:
            objs = [doc[k] for k in sx.children[j] if deps[k] == "pobj"]
            out.extend(objs or _stranded_object(tok, doc[j]))
    return out


def _stranded_object(verb: Token, prep: Token) -> list[Token]:
    """ "granted asylum to five officers holed up in...": the parser made the noun after the preposition the
    subject of a following clause; that noun is the preposition's object."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp", "relcl", "xcomp") and c.i > prep.i:
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.left_edge.i == prep.i + 1 and subj.pos_ in ("NOUN", "PROPN"):
                return [subj]
    return []


@lru_cache(maxsize=1)
def _double_object_verbs() -> frozenset[str]:
    from .sentence_roles import role_words

    return role_words("double_object_verbs")


# Actor kinds a name read as the first of two objects may be: a company before a product ("sold Airbus
# jets") names the maker.
DATIVE_KINDS = frozenset({"state", "person", "group"})
# Tags of a name that can be an object of its own: proper nouns and plural nouns ("gave the rebels weapons");
# an adjective ("Russian weapons") or a singular common noun ("army weapons") modifies the object.
DATIVE_TAGS = frozenset({"NNP", "NNPS", "NNS"})


def misparsed_dative(verb: Token) -> Token | None:
    """ "sold India 36 warplanes", "gave the Houthis weapons", "offered Ukraine military aid": after a verb of
    giving (``double_object_verbs``) the parser often hangs the first object, the recipient, on the second as
    a modifier. The first modifier of the object phrase is the dative when it is a name or a plural noun
    standing for a state, a person or a group, the verb has no dative nor "to" complement of its own, and the
    object is not that actor's own ("the US sent US troops": whose troops). Else None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _double_object_verbs():
        return None
    kids = list(verb.children)
    if any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in kids):
        return None
    obj = next((c for c in kids if c.dep_ in OBJ), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    first = next((c for c in obj.lefts if c.dep_ not in ("det", "predet")), None)
    if first is None or first.dep_ not in ("nmod", "compound", "amod") or first.tag_ not in DATIVE_TAGS:
        return None
    found = actor_for_token(first)
    if found is None or found.kind not in DATIVE_KINDS:
        return None
    owned = actor_for_token(obj)
    if owned is not None and (owned.id == found.id or (found.country and owned.country == found.country)):
        return None
    subj = subject_of(verb)
    doer = actor_for_token(subj) if subj is not None else None
    return None if doer is not None and doer.id == found.id else first


@lru_cache(maxsize=1)
def _purpose_recipient_verbs() -> frozenset[str]:
    from .sentence_roles import role_words

    return role_words("purpose_recipient_verbs")


def _purpose_beneficiary(clause: Token) -> Token | None:
    """ "Police extended the amnesty to fighters to surrender their weapons", "Kenya granted the rebels an
    amnesty to lay down their arms": a to-infinitive with no subject of its own, adjunct of a verb of giving
    possession (``purpose_recipient_verbs``), is done by the one given to (the dative or "to" object, else an
    object that is a person or a group), not by the giver. That recipient, else None."""
    if clause.dep_ != "advcl" or clause.tag_ != "VB" or clause.head.i == clause.i:
        return None
    sx = syntax(clause.doc)
    kids, deps = sx.children[clause.i], sx.deps
    if not any(deps[j] == "aux" and sx.lowers[j] == "to" for j in kids):
        return None
    if any(deps[j] in SUBJ or deps[j] == "mark" for j in kids):
        return None
    verb = clause.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _purpose_recipient_verbs():
        return None
    for c in verb.children:
        if c.dep_ == "dative" and c.i < clause.i:
            if c.pos_ in ("NOUN", "PROPN", "PRON"):
                return c
            got = next((p for p in c.children if p.dep_ == "pobj"), None)
            if got is not None:
                return got
    if (lost := misparsed_dative(verb)) is not None:
        return lost
    objs = [c for c in verb.children if c.dep_ in OBJ and c.i < clause.i]
    if len(objs) == 1:
        found = actor_for_token(objs[0])
        if found is not None and found.kind in ("person", "group"):
            return objs[0]
    return None


def slot(tok: Token, name: str) -> list[Token]:
    """Argument tokens in a named slot: dobj, dative, prep:<p>."""
    if name == "dobj":
        return children_labelled(tok, OBJ)
    if name == "dative":
        found = [c for c in children_labelled(tok, ("dative",)) if c.pos_ in ("NOUN", "PROPN", "PRON")]
        if not found and (lost := misparsed_dative(tok)) is not None:
            found = [lost]
        return found
    if name.startswith("prep:"):
        return prep_objects(tok, name[5:])
    return []
