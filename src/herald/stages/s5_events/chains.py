"""Event chains and document-level links.

- ``chained``: a later verb belonging to an event already coded in the sentence (same type, linked by syntax).
- ``link_actor``: an event with no actor in its own clause takes one the text gives elsewhere, only through an
  explicit link: the speaker of the statement that carries a verbal event, the actor of a nominal event the
  passive verb happened in ("killed in the army's offensive"), or the previous event's actor when a narrative
  adverb ("then", "later") continues it in the same paragraph.
- ``quoted_first_person``: "we", "I" or "our X" as the agent inside a direct quotation is the quotation's
  speaker, as the statements stage gives it ('"We shelled their positions," said a Taliban spokesman').
- ``merge_mentions``: one real-world event once per article: an anaphoric mention ("the strike", "the attack")
  and a repeated report of the same event (same type, actors, recipients, date and flags) become mentions of
  the first event. "The same actors" is identity, not country and sector: two different named actors (two
  senators, two chambers, two states) are never one party; a state may stand for its own organs, and a
  description for a named actor of its country and sector in a statement retold (``Parties``). A report
  marked as one more act ("also", "again"), or naming other parties in another word, is another act
  (``_retold``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...schema import Actor, Event, Statement
from ..common import actor_for_token, doc_text, meta
from . import attach, modality
from .candidate import Candidate
from .lexicon import load_lexicon
from .roles import PRONOUNS, Resolved, is_headline, is_passive, resolve, subject_of
from .sentence_roles import PRONOUN_KINDS, adjunct_rules, own_actors, quoted, role_words
from .triggers import lemma_of

# Verbal event types whose actor is the one voicing them: the speaker of the statement carrying the event.
VERBAL = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT"})
# Acts that last: a meeting told with a date and a visit told without one, by the same parties, are one stay.
SPANNING = frozenset({"CONSULT"})
# Acts on a body: an agentless report of what was done to a named person already told about ("X was killed on
# Friday ... before he was shot") is that act.
PHYSICAL = frozenset({"ASSAULT", "COERCE"})
NARRATIVE = attach.NARRATIVE
# Determiners that make an event noun refer back to an event already told ("the strike", "this attack").
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})
# Pronoun subjects that may stand for the speaker ("we will respond", "they demanded").
SPEAKER_PRONOUNS = PRONOUNS | {"i", "we"}
# First-person agents that, inside a quotation, are its speaker ("we", "I") or belong to them ("our forces").
FIRST_PERSON = frozenset({"i", "we"})
FIRST_PERSON_POSS = frozenset({"our", "my"})


def chained_to(
    matched: dict[int, Candidate], tok: Token, type_: str, mode: str | None = None
) -> Candidate | None:
    """A second verb of the same type coordinated with or subordinate to a coded one ("attacked ...,
    killing 156"), or describing a coded event noun ("an attack that killed 18"), belongs to the same
    event; not when both name different modes ("recaptured the town and arrested dozens": a seizure and
    arrests are two acts)."""

    def same(prev: Candidate | None) -> bool:
        return (
            prev is not None
            and prev.type == type_
            and (mode is None or prev.mode is None or prev.mode == mode)
            # "did not attack the town but shelled the port": a denied act and a reported one are two
            and (modality.negation(prev.anchor) is None) == (modality.negation(tok) is None)
        )

    cur = tok
    for _ in range(3):
        if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            prev = matched.get(cur.head.i)
            return prev if same(prev) and prev is not None and prev.trigger.i == cur.head.i else None
        if cur.dep_ not in ("conj", "advcl", "xcomp") or cur.head.i == cur.i:
            return None
        if cur.dep_ in ("conj", "advcl") and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in cur.children
        ):
            return None  # a clause with a subject of its own is its own act ("X detained as Y cracks down")
        if cur.dep_ == "conj" and _own_subject(cur):
            return None  # "shelled the town and the rebels killed two": the parser hung the subject elsewhere
        cur = cur.head
        if same(prev := matched.get(cur.i)):
            return prev
    return None


def _own_subject(verb: Token) -> bool:
    """A coordinated verb whose subject (found through a misparse) is not that of the verb it is coordinated
    with: its own clause."""
    mine, theirs = subject_of(verb), subject_of(verb.head)
    return mine is not None and theirs is not None and mine.i != theirs.i


def _subject_free(cand: Candidate) -> bool:
    """The event's own clause names no agent: no subject, or an unresolved pronoun."""
    if cand.kind.startswith("noun"):
        return True
    subj = subject_of(cand.anchor)
    return subj is None or (subj.pos_ == "PRON" and subj.lower_ in SPEAKER_PRONOUNS)


def _pronoun_fits(cand: Candidate, speaker: Actor, st: Statement | None) -> bool:
    """A third-person pronoun subject stands for the speaker only when its kind fits ("he"/"she" a person,
    "it" a state or organisation: "Kumar said the government had not created jobs as it had promised" is
    not Kumar's promise), and never inside the speaker's own quotation, where the speaker is "I" or "we"
    ('"He refuses to take responsibility," Clinton said': "he" is someone else)."""
    subj = None if cand.kind.startswith("noun") else subject_of(cand.anchor)
    if subj is None or subj.lower_ not in PRONOUN_KINDS:
        return True
    if st is not None and any(quoted(subj.doc, subj, q) for q in st.quotes):
        return False
    return speaker.kind in PRONOUN_KINDS[subj.lower_]


def _first_person_agent(cand: Candidate) -> Token | None:
    """The event's agent when it is first person: the subject "we"/"I" of an active verb, a subject owned by
    "our"/"my" ("our forces attacked"), or the owner of an event noun ("our offensive")."""
    if cand.kind.startswith("noun"):
        owner = next((c for c in cand.trigger.children if c.dep_ == "poss"), None)
        return owner if owner is not None and owner.lower_ in FIRST_PERSON_POSS else None
    if is_passive(cand.trigger):
        return None
    subj = subject_of(cand.anchor)
    if subj is None:
        return None
    if subj.lower_ in FIRST_PERSON:
        return subj
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    return owner if owner is not None and owner.lower_ in FIRST_PERSON_POSS else None


def quoted_first_person(doc: Doc, cand: Candidate) -> bool:
    """A first-person agent inside a direct quotation is the quotation's speaker: the actor becomes the
    speaker the statements stage found (an "our X" subject resolved to X alone is replaced, an actor the
    actors stage already gave "we" is kept)."""
    agent = _first_person_agent(cand)
    if agent is None:
        return False
    st = attach.statement_for(doc, cand.trigger)
    if st is None or not st.speaker or not any(q.start <= agent.idx < q.end for q in st.quotes):
        return False
    if agent.lower_ in FIRST_PERSON and cand.actors.actors:
        return False
    # "our forces": the speaker's group when the statements stage linked "our" to it, else the speaker
    group = actor_for_token(agent) if agent.lower_ in FIRST_PERSON_POSS else None
    speaker = group or attach.actors_by_id(doc).get(st.speaker)
    if speaker is None or speaker.id in {a.id for a in cand.recipients.actors}:
        return False
    got = Resolved()
    got.add(speaker, "speaker")
    cand.actors = got
    cand.rule += "+actor:quoted-speaker"
    who = "the speaker's group" if group is not None else "its speaker"
    cand.notes.append(f"{agent.text!r} inside the quotation of statement {st.id} is {who} ({speaker.name!r})")
    return True


def link_actor(doc: Doc, cand: Candidate, previous: Candidate | None) -> None:
    """Give an actorless candidate the actor the text links it to (see the module docstring)."""
    if quoted_first_person(doc, cand) or cand.actors.actors:
        return
    if (
        cand.type in VERBAL
        and cand.anchor.dep_ not in ("acl", "relcl")
        and _subject_free(cand)
        # "Clinton had been pilloried in coal country, he noted": an agentless passive act is not the
        # speaker's, who only reports it
        and not (cand.kind == "verb" and is_passive(cand.trigger))
    ):
        st = attach.statement_for(doc, cand.trigger)
        speaker = attach.actors_by_id(doc).get(st.speaker) if st is not None and st.speaker else None
        if (
            speaker is not None
            and speaker.id not in {a.id for a in cand.recipients.actors}
            and _pronoun_fits(cand, speaker, st)
        ):
            cand.actors.add(speaker, "speaker")
            cand.rule += "+actor:speaker"
            cand.notes.append(f"actor is the speaker of statement {st.id if st else '?'} ({speaker.name!r})")
            return
    if cand.kind == "verb" and is_passive(cand.trigger):
        nominal = _nominal_agent(cand)
        if nominal.actors:
            cand.actors = nominal
            cand.rule += "+actor:nominal"
            cand.notes.append("actor from the event noun the passive verb happened in")
            return
    if cand.anchor.dep_ == "acl" and cand.anchor.head.pos_ == "NOUN":
        owner = next((c for c in cand.anchor.head.children if c.dep_ == "poss"), None)
        got = resolve(owner, infer=False) if owner is not None else Resolved()
        if got.actors:  # "Trump's move to instruct ...", "China's decision to impose tariffs"
            cand.actors = got
            cand.rule += "+actor:possessor"
            cand.notes.append(f"actor is the possessor of {cand.anchor.head.text!r}, whose action this is")
            return
    adv = next((c for c in cand.anchor.children if c.dep_ == "advmod" and c.lower_ in NARRATIVE), None)
    if (
        adv is not None
        and previous is not None
        and previous.actors.actors
        and _subject_free(cand)
        and "\n" not in doc_text(doc)[previous.trigger.idx : cand.trigger.idx]
    ):
        got = Resolved()
        for a in previous.actors.actors:
            got.add(a, "chain:previous")
        cand.actors = got
        cand.rule += f"+actor:chain({adv.lower_})"
        cand.notes.append(f"{adv.text!r} continues the previous event: its actor acts again")


def blamed_actors(cands: list[Candidate]) -> None:
    """An agentless material act told in the same sentence as a blame ("five people were shot dead,
    according to a rights group, which blamed the police") takes the blamed party as its (alleged) actor."""
    rules = adjunct_rules()
    blames = [
        c
        for c in cands
        if c.type == "ACCUSE" and lemma_of(c.trigger) in rules.blame_verbs and c.recipients.actors
    ]
    for blame in blames:
        for c in cands:
            if c is blame or c.actors.actors or c.type not in rules.blamed_types or c.negated:
                continue
            victims = {a.id for a in c.recipients.actors}
            got = Resolved()
            for a in blame.recipients.actors:
                if a.id not in victims:
                    got.add(a, "blamed")
            if got.actors:
                c.actors = got
                c.rule += "+actor:blamed"
                c.notes.append(f"{blame.trigger.text!r} names who is held responsible")


# Reactions whose object may be an act told before ("condemned the detention", "rejected the ban",
# "protested against the arrest"): the act's actor is the reaction's recipient.
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "PROTEST"})
REACTION_PREPS = frozenset({"against", "over", "at", "of"})


def judged_act(cand: Candidate, earlier: list[Candidate]) -> None:
    """A reaction to a definite event noun with no agent of its own ("Amnesty condemned the detention",
    "the opposition rejected the ban") is aimed at whoever did the act it refers back to: the actors of the
    latest earlier event of the noun's type become the recipients (rule ``+recipient:judged-act``). Not for
    an indefinite or owned noun ("an attack", "Russia's attack": its own agent or none), nor when the
    reaction already has a recipient."""
    if cand.type not in REACTIONS or cand.recipients.actors or cand.partners.actors or not cand.actors.actors:
        return  # (a reaction with no actor of its own stays uncoded rather than coded by its target alone)
    nouns = load_lexicon().nouns
    performing = role_words("performing_verbs")
    if lemma_of(cand.anchor) in performing:
        return  # "signed the agreement": the act's own performance, not a reaction to it
    heads = [cand.anchor] if cand.anchor.pos_ in ("VERB", "AUX") else []
    args = [c for h in heads for c in h.children if c.dep_ in ("dobj", "obj")]
    args += [
        p
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in REACTION_PREPS
        for p in c.children
        if p.dep_ == "pobj"
    ]
    mine = {a.id for a in cand.actors.actors}
    for arg in args:
        lemma = lemma_of(arg)
        if arg.pos_ != "NOUN" or lemma not in nouns or arg.i == cand.trigger.i:
            continue
        if (
            not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in arg.children)
            or own_actors(arg).actors
        ):
            continue
        # the latest earlier act told by the same word ("agree" ... "the agreement") or of the noun's type
        # and mode ("the detention": an arrest, not the ban told in between); by type alone only for
        # material acts ("shelled ... the attack"), not for words as broad as "the agreement"
        kinds = {(e.type, e.mode) for e in nouns[lemma]}
        told = [p for p in reversed(earlier) if p is not cand and p.trigger.i < arg.i and p.actors.actors]
        prev = next((p for p in told if _same_word(lemma_of(p.trigger), lemma)), None)
        if prev is None:
            prev = next((p for p in told if any(p.type == t and m and p.mode == m for t, m in kinds)), None)
        if prev is None:
            prev = next(
                (p for p in told if p.type in MATERIAL and any(p.type == t and not m for t, m in kinds)), None
            )
        if prev is None:
            continue
        got = Resolved()
        for a in prev.actors.actors:
            if a.id not in mine:
                got.add(a, "judged-act")
        if got.actors:
            cand.recipients = got
            cand.rule += "+recipient:judged-act"
            cand.notes.append(
                f"{arg.text!r} refers back to the {prev.type} by {', '.join(a.name for a in got.actors)}"
            )
            return


MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


def _same_word(verb: str, noun: str) -> bool:
    """A verb and its nominalisation ("agree"/"agreement", "arrest"/"arrest", "invade"/"invasion"): a
    common stem of at least four letters."""
    n = 0
    for a, b in zip(verb, noun, strict=False):
        if a != b:
            break
        n += 1
    return n >= 4 or verb == noun


def _nominal_agent(cand: Candidate) -> Resolved:
    """ "Hundreds were killed in the army's offensive", "... during Israeli air strikes": the possessor or
    actor modifier of an event noun under in/during/amid/by is the passive event's agent."""
    for c in cand.trigger.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "during", "amid", "by", "after", "under"):
            for p in c.children:
                if p.dep_ == "pobj":
                    got = own_actors(p)
                    if got.actors:
                        return got
    return Resolved()


def _anaphoric(cand: Candidate) -> bool:
    """A definite event noun with no agent of its own refers back ("the strike", "this attack"), as the
    trigger itself or as the subject folded into a verb ("The strike killed 20 people")."""
    nouns = load_lexicon().nouns
    subj = None if cand.kind.startswith("noun") else subject_of(cand.anchor)
    for t in (cand.trigger, subj):
        if (
            t is not None
            and t.pos_ == "NOUN"
            and lemma_of(t) in nouns
            and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in t.children)
            and not any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.ent_type_ for c in t.children)
        ):
            return True
    return False


def _key(e: Event) -> tuple[object, ...]:
    return (e.type, e.historical, e.negated, e.hypothetical, e.future)


def _same_date(a: Event, b: Event) -> bool:
    """Dates that may be the same day: equal, both unstated, the headline's undated event and the body's
    dated one ("agree to resume talks" over "agreed on Thursday"), or, for a verbal act, a dated report and
    an undated restatement ("Trump threatened tariffs on Thursday ... Trump threatened tariffs on $100
    billion of goods"): a speech act retold without a date of its own refers back to the dated one, while two
    dated reports on different days stay two acts."""
    if a.date_from == "text" and b.date_from == "text":
        return a.date == b.date
    if a.date_from != "text" and b.date_from != "text":
        return True
    undated = a if a.date_from != "text" else b
    return undated.evidence.start == 0 or a.type in VERBAL


def merge_mentions(
    doc: Doc, items: list[tuple[Candidate, Event, dict[str, object]]]
) -> list[tuple[Event, dict[str, object]]]:
    """Fold later mentions of an event told before into it: its evidence is kept in ``mentions``."""
    kept: list[tuple[Candidate, Event, dict[str, object]]] = []
    by_id = attach.actors_by_id(doc)
    countries = {a.id: a.country for a in by_id.values()}
    states = frozenset(a.id for a in by_id.values() if a.kind == "state")
    sectors = {a.id: a.sector for a in by_id.values()}
    parties = Parties(countries, states, sectors, _named(doc, list(by_id.values())))
    title_start = meta(doc).title_start
    for cand, event, trace in items:
        target = _headline_mention(doc, event, kept, parties, title_start) or _earlier_mention(
            cand, event, kept, parties
        )
        if target is None:
            kept.append((cand, event, trace))
            continue
        first = target[1]
        if event.negated:  # a denied mention: its evidence only, not its parties
            _add_mention(first, event)
            continue
        if event.actors and not first.actors:
            first.rule += "+actor:later-mention"
        _add_mention(first, event)
        first.actors += [a for a in event.actors if a not in first.actors]
        first.recipients += [
            r for r in event.recipients if r not in first.recipients and r not in first.actors
        ]
        notes = target[2].setdefault("notes", [])
        if isinstance(notes, list):
            notes.append(f"also mentioned as {event.trigger.text if event.trigger else '?'!r} ({event.rule})")
    return [(e, t) for _, e, t in kept]


def _headline_mention(
    doc: Doc,
    event: Event,
    kept: list[tuple[Candidate, Event, dict[str, object]]],
    parties: Parties,
    title_start: int,
) -> tuple[Candidate, Event, dict[str, object]] | None:
    """The mention the headline's event and the body's event make of one act ("Police arrest opposition
    leader" and "police had arrested the opposition leader on Tuesday"): a headline states the story's main
    event in headline grammar, undated and often without its agent ("Key opposition party suspended"). A
    title appended after the text (``herald.headline``, ``title_start``) joins the body's first event that
    it restates; where the text opens with its headline, the body's first event restating it joins it."""
    if title_start:
        if event.evidence.start < title_start:
            return None
        return next(
            (k for k in kept if k[1].evidence.start < title_start and _restates(event, k[1], parties)), None
        )
    head = _opening_headline(doc)
    if head is None or event.evidence.start < head:
        return None
    return next(
        (
            k
            for k in kept
            if k[1].evidence.start < head and not k[1].mentions and _restates(event, k[1], parties)
        ),
        None,
    )


def _opening_headline(doc: Doc) -> int | None:
    """End (character offset) of the headline the text opens with, a line without final punctuation; None
    when the text opens with none."""
    first = next(iter(doc.sents), None)
    if first is None or not is_headline(first) or first.end >= len(doc):
        return None
    return first.end_char


def _restates(event: Event, other: Event, parties: Parties) -> bool:
    """Whether a headline's event and a body's event may be one act: the same type and flags, no other
    mode, actors the same or compatible (either side none, or :meth:`Parties.same`), recipients not two
    different named parties."""
    if _key(other) != _key(event) or (other.mode and event.mode and other.mode != event.mode):
        return False
    verbal = event.type in VERBAL
    if event.actors and other.actors and not parties.same(event.actors, other.actors, verbal):
        return False
    return not (
        event.recipients and other.recipients and parties.distinct(event.recipients, other.recipients)
    )


def _named(doc: Doc, actors: list[Actor]) -> frozenset[str]:
    """Actors with a name of their own: a Wikidata id, a state, or a mention headed by a proper noun
    ("Senator Elizabeth Warren", "the Nigerian Senate"), unlike a description ("a federal judge", "Russian
    forces", "a New York judge")."""
    out = set()
    for a in actors:
        if a.wikidata or a.kind == "state":
            out.add(a.id)
            continue
        for m in a.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.pos_ == "PROPN":
                out.add(a.id)
                break
    return frozenset(out)


def _denied_mention(cand: Candidate, event: Event, prior: Event) -> bool:
    """A definite mention of an act told before, inside a denial or a negation ("Russia denied carrying out
    the attack", "the strike did not hit the hospital"), refers to that act: it is one more mention of it,
    whose parties are not added to it."""
    return (
        event.negated
        and not (prior.negated or prior.hypothetical or prior.future)
        and prior.type == event.type
        and prior.historical == event.historical
        and _anaphoric(cand)
    )


def _repeated_noun(
    cand: Candidate,
    prior_cand: Candidate,
    event: Event,
    prior: Event,
    parties: Parties,
) -> bool:
    """The same event noun with the same actors, told again with no date of its own ("Trump's attacks on
    a federal judge" ... "Trump's attacks on Curiel"): one act, when the recipients are compatible (one side
    names none, or both name parties of the same countries and sectors, no two of them different actors).
    "Israeli strikes on Gaza" and "Israeli strikes on Syria" stay two."""
    if not (cand.kind.startswith("noun") and prior_cand.kind.startswith("noun")):
        return False
    if lemma_of(cand.trigger) != lemma_of(prior_cand.trigger) or event.date_from == "text":
        return False
    if not event.actors or set(event.actors) != set(prior.actors):
        return False
    a, b = event.recipients, prior.recipients
    if not a or not b or set(a) & set(b):
        return True
    if parties.distinct(a, b):
        return False
    ka = {(parties.countries.get(x), parties.sectors.get(x)) for x in a}
    kb = {(parties.countries.get(x), parties.sectors.get(x)) for x in b}
    return ka == kb and all(c and s for c, s in ka)


def _add_mention(first: Event, event: Event) -> None:
    if not first.mentions:
        first.mentions.append(first.evidence)
    if all(m.start != event.evidence.start for m in first.mentions):
        first.mentions.append(event.evidence)


@dataclass(frozen=True)
class Parties:
    """What the actors stage knows of every actor of the article, for telling whether two mentions of an
    act name the same parties: its country, and whether it is a state."""

    countries: dict[str, str | None]
    states: frozenset[str] = frozenset()
    sectors: dict[str, str | None] = field(default_factory=dict)
    named: frozenset[str] = frozenset()

    def distinct(self, a: list[str], b: list[str]) -> bool:
        """Whether the two sides name different actors: the actors stage has already joined every name,
        title and pronoun of one real-world actor into one actor, so two named actors (a proper name, a
        Wikidata id or a state) are two actors ("Senator Schumer" and "Senator Warren", the Senate and the
        House, Russia and Ukraine), whatever country and sector they share; only a state may stand for its
        own organs ("Russia" and "Russian forces", "Armenia and Azerbaijan" and their foreign ministers), and
        a description may be what a name names later ("a federal judge" ... "Judge Curiel")."""
        only_a, only_b = (set(a) - set(b)) & self.named, (set(b) - set(a)) & self.named
        return any((x in self.states) == (y in self.states) for x in only_a for y in only_b)

    def same(self, a: list[str], b: list[str], verbal: bool = True) -> bool:
        """The same actors; or one side a subset of the other ("the two sides" and one of them); or one
        side the states the other side's actors belong to, every one with a known country. Two disjoint
        sets of non-state actors of one country are not the same parties: in a domestic story the police,
        the opposition and a rights group all share the country. Only a ``verbal`` act (a statement
        retold) has one voice per sector, for descriptions ("the ministry" and "the foreign minister", "a
        New York judge" and the headline's "Judge"); never two different named actors, whatever country
        and sector they share (:meth:`distinct`: two senators, two ministers, two chambers)."""
        if set(a) == set(b):
            return True
        if self.distinct(a, b):
            return False
        sa, sb = {self.sectors.get(x) for x in a}, {self.sectors.get(x) for x in b}
        one_voice = verbal and None not in sa and sa == sb
        if not (set(a) & set(b) or set(a) <= self.states or set(b) <= self.states or one_voice):
            return False
        ca, cb = [self.countries.get(x) for x in a], [self.countries.get(x) for x in b]
        return all(ca) and all(cb) and set(ca) == set(cb)


@lru_cache(maxsize=1)
def _additive_adverbs() -> frozenset[str]:
    return role_words("additive_adverbs")


def _another_act(cand: Candidate) -> bool:
    """A report marked as one more act ("Warren also accused the administration", "Russia again shelled
    the town"): an additive or repetitive adverb on the event's verb (data/lexicons/event_roles.yaml
    ``additive_adverbs``)."""
    words = _additive_adverbs()
    return any(
        c.dep_ == "advmod" and c.lower_ in words for t in {cand.anchor, cand.trigger} for c in t.children
    )


def _earlier_mention(
    cand: Candidate,
    event: Event,
    kept: list[tuple[Candidate, Event, dict[str, object]]],
    parties: Parties,
) -> tuple[Candidate, Event, dict[str, object]] | None:
    for prior in reversed(kept):
        p = prior[1]
        if p.mode and event.mode and p.mode != event.mode:
            continue  # another kind of act ("recaptured the town and arrested dozens")
        if _denied_mention(cand, event, p):
            return prior  # "Russia denied carrying out the attack": a mention of the attack, not an event
        if _key(p) != _key(event):
            continue  # other flags
        if not event.actors and not event.recipients and _anaphoric(cand):
            return prior  # "the strike" after "Israeli jets struck ...": the same strike
        if not event.actors and event.date_from != "text" and _anaphoric(cand):
            return prior  # "the attack wounded two soldiers": the attack told before, its victims named
        if (
            event.actors
            and not p.actors
            and _anaphoric(cand)
            and (_same_date(p, event) or event.date_from != "text")
        ):
            # "Dozens were killed ... Russian forces carried out the attack", "Al-Shabaab claimed
            # responsibility for the attack": a definite mention names who did the act told before without
            # its actor
            return prior
        if (
            event.type in PHYSICAL
            and not event.actors
            and event.recipients
            and set(event.recipients) == set(p.recipients)
            and set(event.recipients) <= parties.named - parties.states
            and (event.date_from != "text" or _same_date(p, event))
            and not _another_act(cand)
        ):
            # "Officer Smith shot Jones on Friday ... Jones was killed ... before he was shot": an agentless
            # report of what was done to a named person, with no other date, is the act told before
            return prior
        if event.type in SPANNING and _same_stay(event, p, parties) and not _another_act(cand):
            return prior  # "Wang met Lavrov in Moscow on April 5 ... said Wang, who is visiting Russia"
        if _repeated_noun(cand, prior[0], event, p, parties):
            return prior  # "Trump's attacks on a federal judge ... Trump's attacks on Curiel"
        if (
            event.actors
            and p.actors
            and event.date_from != "text"
            and _anaphoric(cand)
            and parties.same(event.actors, p.actors, event.type in VERBAL)
        ):
            # "Russian forces shelled Kharkiv on Monday ... Russia said the attack targeted soldiers": a
            # definite mention with no date of its own and the same parties is the act told before
            return prior
        if (
            event.actors
            and parties.same(event.actors, p.actors, event.type in VERBAL)
            and (
                not event.recipients
                or not p.recipients
                or parties.same(event.recipients, p.recipients, event.type in VERBAL)
            )
            and _same_date(p, event)
            and _retold(cand, prior[0], event, p)
        ):
            return prior
    return None


def _same_stay(event: Event, prior: Event, parties: Parties) -> bool:
    """A meeting and a visit (or two mentions of one) with the same parties, one of them undated: a visit
    spans days and a meeting held during it is the same consultation. The parties are pooled (a meeting
    codes both sides as actors, a visit the host as recipient), and must be the same named actors or the
    same countries."""
    if prior.type != event.type or (event.date_from == "text" and prior.date_from == "text"):
        return False
    a, b = event.actors + event.recipients, prior.actors + prior.recipients
    if not a or not b or parties.distinct(a, b):
        return False
    ca = {parties.countries.get(x) for x in a}
    cb = {parties.countries.get(x) for x in b}
    return None not in ca and ca == cb and bool(set(a) & set(b))


def _retold(cand: Candidate, prior_cand: Candidate, event: Event, prior: Event) -> bool:
    """Whether a report that does not refer back (no "the attack") retells the act told before rather than
    telling another one of the same type: not when it says it is one more ("also", "again"), and, where the
    two name their parties differently ("Russian jets" and "Russia", "the two sides" and one of them), only
    in the same word ("Russia strikes Kyiv" ... "Russia struck Kyiv overnight"); "Obama said the nation
    remains committed to welcoming refugees" and "the US accepted 11,491 refugees" are two acts. (The same
    actors in other words still retell one act: "conducted a strike on the location to target fighters"
    names its target in the second word only.)"""
    if _another_act(cand):
        return False
    if set(event.actors) == set(prior.actors):
        return True
    return _same_word(lemma_of(prior_cand.trigger), lemma_of(cand.trigger))
