"""Event candidates in one sentence, by dependency patterns over the spaCy parse.

Tokens are visited from the root down, so a control verb ("threatened to ban") or a verb with an event noun as
subject ("a bombing killed ...") is seen before the action it embeds and folds it in: one event, never one per
dyad. Triggers come from the verb/adjective/noun lexicons (triggers.py); roles from sentence_roles.py."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..common import children_labelled, has_child, syntax
from . import attach
from .actor_index import actor_for_token
from .candidate import Candidate, build, depth, mutual
from .chains import VERBAL, chained_to
from .filters import (
    adjectival_use,
    background_role,
    campaign_story,
    campaigners,
    figurative,
    generic_gerund,
    habitual_clause,
    nominal_use,
    nonspecific,
    political,
    poll_share,
    potential_act,
    private,
    register_kept,
    register_of,
    stance_content,
    state_participle,
    yes_no_question,
)
from .judgement import NEGATIVE, judging_word, lost_characterizer, own_words
from .lexicon import Entry
from .motion import MotionRoles, sent_to_party
from .orders import is_internal_order, recast
from .roles import (
    Resolved,
    agent_of,
    is_passive,
    passive_subject,
    slot,
    speech_governor,
    subject_of,
)
from .sentence_roles import ADVERSATIVE, adjunct_rules, impact_targets, passive_subject_acts
from .speech import statement_cued_by
from .triggers import (
    SPEECH_DEMAND,
    content_type,
    control_content,
    lemma_of,
    match_verb,
    noun_entry,
)

# A match score written as one token ("3-1", "2–0").
SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")
# Where a verb's recipient is found when its lexicon entry does not say: transfers also take "to X".
DEFAULT_SLOTS = {
    t: ("dobj", "dative", "prep:to") for t in ("AID", "COOPERATE", "AGREE", "SUPPORT", "CONCEDE")
} | {"REJECT": ("dobj", "prep:to")}  # "refused entry to X", "reneged on its promise to X"
# Speech verbs whose "must"/"should" clause is a demand ("Russia said Sudan must return the helicopter").

OBLIGATION = frozenset({"must", "should"})
SELF_PRONOUNS = frozenset({"i", "we", "it"})
# Determiners of a generic subject ("a president must ...", "any government should ...").
GENERIC_DETS = frozenset({"a", "an", "any", "every", "no"})
# Auxiliaries of a goal or a possibility ("will have defeated", "could be destroyed").
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "to"})
# Noun events the passive subject of their support verb undergoes ("was placed under arrest").
UNDERGONE = frozenset({"COERCE", "SANCTION"})
# Judgements: their object's target is the agent of the act judged ("condemned the attacks on civilians").
JUDGEMENTS = frozenset({"ACCUSE", "SUPPORT"})
# Cue set on an order to subordinates whose action codes no event (the candidate is dropped).
INTERNAL_ORDER = "internal-order"
# Verbs of promising in words (not "committed to opening up the economy", a policy stance).
PROMISING = frozenset({"vow", "pledge", "promise", "swear"})
# Sectors of people who run for office: their rallies in a campaign story are campaigning.
POLITICIANS = frozenset({"GOV", "LEG", "PTY", "ELI"})
# Material acts a verb of naming ("call", "describe") can only talk about, never carry out.
NAMED_NOT_DONE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "RETREAT"})
# Verbal reactions an actor receives from another ("drew criticism from", "won praise from").
# A characterised phrase without its relative clauses ("a regime that is desperate": not "desperate").
RELATIVE = frozenset({"relcl"})
VERBAL_REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "THREATEN", "REQUEST"})


class SentenceCoder(MotionRoles):
    """Coding of one sentence: triggers visited root first, each rule building a Candidate."""

    def code(self) -> list[Candidate]:
        # Only tokens whose lemma is in a lexicon can trigger (compared by hash: cheap); root first.
        if self.hits is not None:
            hits = [self.doc[i] for i in self.hits]
        else:
            known = self.known
            hits = [t for t in self.sent if t.lemma in known]
        if not hits:
            return []
        tokens = sorted(hits, key=lambda t: (depth(t), t.i))
        out: list[Candidate] = []
        for tok in tokens:
            if tok.i in self.consumed:
                continue
            lemma = lemma_of(tok)
            if tok.pos_ == "PROPN" and actor_for_token(tok) is not None:
                continue  # part of a name ("Strike Force", "Peace Now")
            cand: Candidate | None = None
            if tok.pos_ == "VERB" and (lemma in self.lex.characterize_verbs or lemma in SPEECH_DEMAND):
                cand = self._characterize(tok)
                if cand is not None:
                    self.matched[tok.i] = cand
                    out.append(cand)
                    continue
            if tok.lower_ == "thanks" and tok.pos_ == "NOUN":
                cand = self._credited(tok)
                if cand is not None:
                    self.matched[tok.i] = cand
                    out.append(cand)
                continue
            if lemma in SPEECH_DEMAND and tok.pos_ == "VERB":
                cand = self._said_no(tok) or self._speech_demand(tok)
                if cand is not None:
                    self.matched[tok.i] = cand
                    out.append(cand)
                    continue
            if tok.pos_ == "VERB" and (nominal_use(tok) or generic_gerund(tok)):
                continue  # "the accused", "closing the borders is ...": a person or an act in general
            if tok.pos_ == "VERB" and stance_content(tok, self.lex.attitude_verbs):
                continue  # "voters support banning Muslims": favoured, not done
            if tok.pos_ == "VERB" and state_participle(tok, self.lex.state_verbs):
                continue  # "felt threatened": a state, no act
            if tok.pos_ == "VERB" and adjectival_use(tok):
                continue  # "questions both basic and probing": a quality, no act
            if tok.pos_ == "VERB" and tok.dep_ != "amod" and lemma in self.lex.verbs:
                cand = self._verb(tok, self.lex.verbs[lemma], "verb")
            elif tok.pos_ == "ADJ" and lemma in self.lex.adjectives:
                cand = self._verb(tok, self.lex.adjectives[lemma], "adj")
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns:
                cand = self._noun(tok, self.lex.nouns[lemma])
            if cand is not None and cand.entry.ambiguous and not cand.actors.actors:
                cand = None  # an ambiguous trigger ("travel", "host", "engage") needs a resolved actor
            if cand is not None and cand.entry.armed_party and not self._armed_other_side(cand):
                cand = None  # "defeated the bill", "the fight against corruption": no combat
            if cand is not None and cand.entry.achieved and not _achieved(cand.anchor):
                cand = None  # "to defeat ISIL", "will defeat ISIL": a goal, no event
            if cand is not None and background_role(cand.anchor):
                cand.notes.append("describes a role, not an occurrence")
                cand = None
            if cand is not None and potential_act(
                cand.anchor, self.lex.potential_nouns, cand.trigger, self.lex.possible_nouns
            ):
                cand = None  # "the right to refuse services", "the risk of an attack": a possible act
            voices = self.lex.generic_voices if cand is not None and cand.type in VERBAL else frozenset()
            if cand is not None and poll_share(cand.anchor, self.lex.poll_shares, voices):
                cand = None  # "40 percent declared support for the party", "many blame X": no party acts
            asked = yes_no_question(cand.anchor) if cand is not None else None
            if cand is not None and asked:
                cand.notes.append(asked)
                cand = None  # a yes/no question: no occurrence is reported
            if cand is not None and nonspecific(cand.anchor, bool(cand.actors.actors)):
                cand = None  # "to monitor any ceasefire agreed by the two sides": no ceasefire was agreed
            if cand is not None and lemma in self.lex.sports_verbs and self._sports():
                cand = None  # "City beat Arsenal 3-1": a match result, not violence
            if cand is not None and (why := figurative(cand.trigger, cand.entry, self.lex)):
                cand.notes.append(why)
                cand = None  # "exiled their concerns", "pulled out of the slump", "a culture clash"
            if cand is not None and (why := habitual_clause(cand.anchor)):
                cand.notes.append(why)
                cand = None  # "the unit, which probes cases of serious injury": a remit
            if cand is not None and self._off_register(cand):
                cand = None  # a pianist paying tribute to his teachers, a wine tasting hosted
            if cand is not None and lemma in self.lex.election_verbs and self._election():
                cand = None  # "Cruz beat Dewhurst in the runoff": an election result, not violence
            if cand is not None and cand.type == "ASSAULT" and lemma in self.lex.verbal_attack_verbs:
                self._verbal_attack(cand)
            if cand is not None and cand.type in ("ASSAULT", "PROTEST") and self._campaigning(cand):
                cand = None  # a candidate's rally is campaigning (an attack between campaigners is recast)
            if cand is not None and self._disaster_emergency(cand):
                cand = None  # PLOVER: emergencies declared for a natural disaster are no repression
            if cand is not None and self._protest_purpose(cand):
                cand = None  # "blocked roads to demand higher prices": the demand is the protest's aim
            if cand is not None:
                self.matched[tok.i] = cand
                out.append(cand)
        for c in out:
            self._adjunct_recipients(c)
        return out

    def _shared_event_objects(self, prev: Candidate, tok: Token) -> None:
        """ "kidnapped three aid workers and killed two policemen": a coordinated verb folded into the event
        of the first (chains.chained_to) names another party the act is done to: a recipient of that event."""
        if tok.dep_ != "conj" or is_passive(tok):
            return
        for obj in children_labelled(tok, ("dobj", "obj")):
            for a in self._resolve(obj, infer=False).actors:
                if all(a.id != x.id for x in (*prev.actors.actors, *prev.recipients.actors)):
                    prev.recipients.add(a, "conjunct-object")
                    if "+recipient:conjunct-object" not in prev.rule:
                        prev.rule += "+recipient:conjunct-object"

    def _armed_other_side(self, cand: Candidate) -> bool:
        """An armed party (``armed_sectors``) is on the receiving side: a recipient, or, for a two-sided
        fight with no recipient, one of the actors ("ISIL and the army fought")."""
        armed = self.lex.armed_sectors
        side = cand.recipients.actors or (cand.actors.actors if cand.entry.two_sided else [])
        return any(a.sector in armed for a in side)

    def _sports(self) -> bool:
        """The sentence reports sport: a score ("3-1", "3 - 1") or a sports cue word."""
        toks = list(self.sent)
        for i, t in enumerate(toks):
            if lemma_of(t) in self.lex.sports_cues:
                return True
            if SCORE.fullmatch(t.text):
                return True
            if t.like_num and i + 2 < len(toks) and toks[i + 1].text in ("-", "–") and toks[i + 2].like_num:
                a, b = t.text, toks[i + 2].text
                if a.isdigit() and b.isdigit() and len(a) <= 2 and len(b) <= 2:
                    return True
        return False

    def _resolution(self, cand: Candidate) -> bool:
        """A promise whose content is no event the lexicons know and which names nobody it is made to or
        for ("has vowed to soldier on and amass delegates", "pledged to keep going"): a resolution about
        oneself, not PLOVER's offer or promise of cooperation (AGREE)."""
        if cand.entry.lemma not in PROMISING or cand.type != "AGREE" or cand.recipients.actors:
            return False
        content = cand.content
        if content is None or cand.content_type is not None or content.pos_ not in ("VERB", "AUX"):
            return False
        args = [
            c
            for c in content.children
            if c.dep_ in ("dobj", "obj", "dative", "ccomp", "xcomp")
            or (c.dep_ == "prep" and c.lower_ in ("to", "for", "with", "against"))
        ]
        if any(actor_for_token(t) is not None for a in args for t in a.subtree):
            return False  # "pledged to help Ukraine rebuild": the one it is for is named
        cand.notes.append(f"promised {content.text!r} to nobody: a resolution, no AGREE")
        return True

    def _campaigning(self, cand: Candidate) -> bool:
        """In a campaign story (filters.campaign_story), people and parties "attacking" one another with no
        harm named in the sentence criticise (ACCUSE, recast here: "launched a new round of attacks", "tone
        down his attacks against Clinton"); a candidate holding a rally campaigns (True: not coded)."""
        parties = [*cand.actors.actors, *cand.recipients.actors]
        # the attacker must be named and a campaigner: "thugs attacked Trump supporters" stays violence
        if not cand.actors.actors or not campaigners(parties) or not campaign_story(self.doc, self.lex):
            return False
        if any(lemma_of(t) in self.lex.harm_cues for t in self.sent):
            return False
        if cand.type == "PROTEST":
            if not any(a.kind == "person" and a.sector in POLITICIANS for a in cand.actors.actors):
                return False
            cand.notes.append("a candidate's rally in a campaign story is campaigning, not a protest")
            return True
        if lemma_of(cand.trigger) not in self.lex.campaign_attack_words:
            return False  # "terrorizing his opponents": no verbal sense
        cand.type, cand.mode = "ACCUSE", "disapprove"
        cand.rule += "=>ACCUSE(campaign)"
        cand.notes.append("an attack between campaigners with no harm named is criticism")
        return False

    def _off_register(self, cand: Candidate) -> bool:
        """Company news (every party a company or a news organisation) in any story; and in a sports,
        entertainment, business or lifestyle story (filters.register_of) an event none of whose parties is
        political ("paid tribute to his teachers", "hosted a tasting"): no PLOVER event, unless its type is
        news in any section (an arrest, a lawsuit, a stabbing). A sports verb is a match's language anywhere
        in a sports story ("Big time shot")."""
        lex = self.lex
        kept = register_kept(cand.type, cand.mode, lex.register_kept)
        parties = [*cand.actors.actors, *cand.recipients.actors]
        if kept and lemma_of(cand.trigger) not in lex.sports_verbs:
            return False
        if political(parties, lex.political_sectors):
            return False
        if (
            not kept
            and cand.actors.actors
            and private(parties, lex.private_sectors)
            and not self._politics_near()
        ):
            cand.notes.append("every party is a company or a news organisation: not coded")
            return True
        register = register_of(self.doc, lex)
        if register is None or (kept and register != "sports"):
            return False
        cand.notes.append(f"a {register} story and no political party: not coded")
        return True

    def _politics_near(self) -> bool:
        """A political party is named in the sentence ("the chief executive will testify before Congress"):
        the company's act may be political news, whatever its own parties."""
        sectors = self.lex.political_sectors
        return any(a is not None and political([a], sectors) for a in (actor_for_token(t) for t in self.sent))

    def _disaster_emergency(self, cand: Candidate) -> bool:
        """A state of emergency or a curfew in a sentence naming a natural disaster."""
        if cand.type != "COERCE" or cand.mode not in ("martial-law", "curfew"):
            return False
        return any(lemma_of(t) in self.lex.disaster_cues for t in self.sent)

    def _election(self) -> bool:
        """The sentence reports an electoral contest: one of the election cue lemmas."""
        cues = self.lex.election_cues
        return any(lemma_of(t) in cues for t in self.sent)

    def _contender(self, tok: Token | None) -> bool:
        """A person (named, a pronoun, or a contender noun such as "rival") who can run in an election."""
        if tok is None:
            return False
        if tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she", "him", "her"):
            return True
        return lemma_of(tok) in self.lex.contender_nouns

    def _verbal_attack(self, cand: Candidate) -> None:
        """ "Bush attacked Trump at the debate", "spending the day attacking a rival": in an election story a
        person attacking a person is criticising (PLOVER ACCUSE), not harming anyone."""
        tok = cand.trigger
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if not self._contender(subject_of(tok)) or not self._contender(obj) or not self._election():
            return
        cand.type, cand.mode = "ACCUSE", "disapprove"
        cand.rule += "=>ACCUSE(election)"
        cand.notes.append(f"{tok.text!r}: a person attacking a person in an election story criticises")

    def _protest_purpose(self, cand: Candidate) -> bool:
        """A REQUEST in the purpose clause of a protest ("marched to demand reforms") is the protest's aim:
        PLOVER codes demands made by demonstrating as PROTEST, so no second event."""
        if cand.type != "REQUEST":
            return False
        tok = cand.anchor
        if tok.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            return False
        head = self.matched.get(tok.head.i)
        return head is not None and head.type == "PROTEST"

    def _characterize(self, tok: Token) -> Candidate | None:
        """ "X called the move 'unjustified'", "X said the decision was an abuse of power": a speaker who
        characterises something with an evaluative word criticises (ACCUSE) or commends (SUPPORT) it; the
        thing characterised (or whoever it belongs to) is the recipient. Words: event_evaluation.yaml."""
        if has_child(tok, ("neg",)):
            return None
        lemma = lemma_of(tok)
        target: Token | None = None
        preds: list[Token] = []
        if lemma in self.lex.characterize_verbs:
            target = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            preds = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "acomp", "attr")]
            preds += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"]
            small = next((c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")), None)
            if not preds and target is None and small is not None:
                # "branded Beijing's retaliation unjustified" parsed as a verbless clause: its subject is the
                # thing characterised, the clause head the predicate
                target = next((c for c in small.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                preds = [small]
            if not preds and target is not None:
                preds = [target]  # "called Thursday's order 'tyranny'" parsed with the predicate as object
        else:
            clause = next((c for c in children_labelled(tok, ("ccomp",)) if c.lemma_ == "be"), None)
            if clause is None or has_child(clause, ("neg",)):
                return None
            target = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            preds = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
        said = [t for p in preds for t in own_words(p, RELATIVE)]
        words = {lemma_of(t) for t in said} | {t.lower_ for t in said}
        via = ""
        if words & self.lex.negative_terms:
            type_, mode, found = "ACCUSE", "disapprove", sorted(words & self.lex.negative_terms)[0]
        elif words & self.lex.positive_terms:
            type_, mode, found = "SUPPORT", None, sorted(words & self.lex.positive_terms)[0]
        elif (hit := next((j for p in preds if (j := judging_word(p)) is not None), None)) is not None:
            # the judgement lexicon: "called him a threat to democracy", "described her as a true patriot"
            type_, mode = ("ACCUSE", "disapprove") if hit[1] == NEGATIVE else ("SUPPORT", None)
            found, via = hit[0].lemma_.lower(), f"+{hit[1]}"
        else:
            return None
        head = self.matched.get(tok.head.i) if tok.dep_ == "conj" else None
        if type_ == "ACCUSE" and head is not None and head.type == "REJECT":
            self.consumed.update(t.i for p in preds for t in p.subtree)
            return None  # "rejected the accusation and called it baseless": one rejection
        notes = [f"{tok.text!r} characterises {target.text if target is not None else 'it'!r} as {found!r}"]
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            # "Reed, called “a traitor” by his rivals, resigned" parsed with Reed as subject: the one named
            # is the subject, the "by" agent names him
            target = target if target is not None else subject_of(tok)
            actors = Resolved()
            for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                actors.extend(self._resolve(pobj))
        else:
            actors = self._actor_from_subject(tok, notes)
        if not actors.actors and (root := lost_characterizer(tok)) is not None:
            actors = self._resolve(root, infer=False)  # "Lopez, a senator since 2010, called it tyranny."
            notes.append(f"{root.text!r} is the subject the parser lost: {tok.text!r} hangs on it")
            via += "+actor:verbless-root" if actors.actors else ""
        if not actors.actors and (st := statement_cued_by(self.doc, tok)) is not None and st.speaker:
            speaker = attach.actors_by_id(self.doc).get(st.speaker)
            if speaker is not None:  # the statements stage resolved who speaks with this verb
                actors.add(speaker, "speaker:cue")
                via += "+actor:cue-speaker"
        recipients = Resolved()
        if target is not None and target.pos_ != "PRON":
            recipients = self._resolve(target, infer=False)
            if not recipients.actors:
                recipients = self._noun_own_actors(target)
        if not actors.actors and not recipients.actors:
            return None
        if lemma not in self.lex.characterize_verbs and not recipients.actors:
            # "Exposure to import competition is bad for centrists, X said": a judgement of a state of
            # affairs that is nobody's act is a plain statement, not a criticism of anyone
            return None
        for p in preds:
            self.consumed.update(t.i for t in p.subtree)
        if target is not None:
            self.consumed.update(t.i for t in target.subtree)
        entry = Entry(lemma=lemma, pos="verb", type=type_, mode=mode)
        rule = f"pattern:characterize/{lemma}+{found}{via}"
        return build(entry, tok, actors, recipients, rule, notes=notes)

    def _credited(self, tok: Token) -> Candidate | None:
        """ "The caravan broke up thanks to Mexico's laws, Trump said": a speaker who attributes an outcome
        to X credits X (SUPPORT, PLOVER "commend"). Only in reported speech (the narrator's "thanks to heavy
        rain" is no event) and not for blame ("thanks to Russia's obstruction")."""
        clause = tok.head
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(tok.doc):
            nxt = tok.doc[tok.i + 1]
            to = nxt if nxt.lower_ == "to" and nxt.dep_ == "prep" and nxt.head.i == clause.i else None
        obj = next((p for p in to.children if p.dep_ == "pobj"), None) if to is not None else None
        gov = speech_governor(clause)
        if obj is None or gov is None or any(c.dep_ == "neg" for c in gov.children):
            return None
        words = {lemma_of(t) for t in obj.subtree} | {t.lower_ for t in obj.subtree}
        if words & self.lex.negative_terms or lemma_of(clause) in self.lex.failure_verbs:
            return None
        notes: list[str] = [f"{gov.text!r}: the speaker credits the outcome to {obj.text!r}"]
        actors = self._actor_from_subject(gov, notes)
        recipients = self._resolve(obj, infer=False) if obj.pos_ != "PRON" else Resolved()
        if not recipients.actors:
            recipients = self._noun_own_actors(obj)
        for owner in slot(obj, "prep:of") if not recipients.actors else ():
            recipients.extend(self._resolve(owner))  # "the strong immigration laws of Mexico"
        if not recipients.actors:
            recipients = self._target_of(obj)
        if not actors.actors or not recipients.actors:
            return None
        entry = Entry(lemma="thanks", pos="noun", type="SUPPORT")
        return build(entry, tok, actors, recipients, "pattern:thanks-to", anchor=gov, notes=notes)

    def _said_no(self, tok: Token) -> Candidate | None:
        """ "BA said no (to the request)": a refusal by the speaker; the "to" object, or its owner, is the
        recipient."""
        sx = syntax(tok.doc)
        kids = sx.children[tok.i]
        near = (*kids, *(g for c in kids for g in sx.children[c]))
        no = next((tok.doc[j] for j in near if sx.deps[j] == "intj"), None)
        if no is None or no.lower_ != "no" or any(c.dep_ == "neg" for c in tok.children):
            return None
        notes: list[str] = [f"{tok.text!r} + 'no': the speaker refuses"]
        actors = self._actor_from_subject(tok, notes)
        if not actors.actors:
            return None
        recipients = Resolved()
        for arg in slot(tok, "prep:to"):
            recipients.extend(self._resolve(arg))
            if not recipients.actors:
                recipients.extend(self._noun_own_actors(arg))
        entry = Entry(lemma=lemma_of(tok), pos="verb", type="REJECT")
        return build(entry, tok, actors, recipients, "pattern:say-no", notes=notes)

    def _speech_demand(self, tok: Token) -> Candidate | None:
        """ "X said Y must Z": a demand by the speaker on Y (REQUEST), whatever Z is."""
        clause = next(iter(children_labelled(tok, ("ccomp",))), None)
        if clause is None:
            return None
        aux = next((a for a in children_labelled(clause, ("aux",)) if a.lower_ in OBLIGATION), None)
        if aux is None or has_child(clause, ("neg",)):
            return None
        subj = subject_of(clause)
        if subj is not None and aux.i < subj.i and subj.head.i == clause.i:
            return None  # "should he win the nomination": an inverted condition, no obligation
        if subj is not None and subj.lower_ in SELF_PRONOUNS:
            return None  # "China said it must adopt countermeasures": an obligation on itself, no demand
        if lemma_of(clause) in self.lex.not_demanded:
            return None  # "says Trump should win the nomination": a state or an outcome, no demand
        if subj is not None and any(c.dep_ == "det" and c.lower_ in GENERIC_DETS for c in subj.children):
            return None  # "a president must be ready": a general maxim, nobody is asked
        notes: list[str] = [f"{tok.text!r} + {aux.text!r}: the speaker demands that the subject act"]
        actors = self._actor_from_subject(tok, notes)
        recipients = self._resolve(subj) if subj is not None and subj.pos_ != "PRON" else Resolved()
        if not recipients.actors and not actors.actors:
            return None
        ctype, centry = content_type(clause, self.lex)
        for x in clause.subtree:
            if x.pos_ in ("VERB", "NOUN", "ADJ") and x.i != tok.i:
                self.consumed.add(x.i)
        entry = Entry(lemma=lemma_of(tok), pos="verb", type="REQUEST", ambiguous=True)
        rule = f"pattern:say-{aux.lower_}/nsubj+content:{centry.name if centry else lemma_of(clause)}"
        mode = self.onto.content_mode("REQUEST", ctype)
        cand = build(entry, tok, actors, recipients, rule, mode=mode, notes=notes)
        cand.content, cand.content_type = clause, ctype
        return cand

    def _verb(self, tok: Token, entries: tuple[Entry, ...], kind: str) -> Candidate | None:
        if kind == "adj" and tok.dep_ not in ("acomp", "ROOT", "xcomp", "ccomp", "conj"):
            return None
        entry = match_verb(tok, entries)
        if entry is None:
            return None
        if (prev := chained_to(self.matched, tok, entry.type, entry.mode)) is not None:
            self._shared_event_objects(prev, tok)
            return None
        notes: list[str] = []
        subj = subject_of(tok)
        doer = agent_of(tok) if is_passive(tok) else subj
        if doer is not None and (
            lemma_of(doer) in self.lex.non_agents
            or any(c.dep_ == "compound" and lemma_of(c) in self.lex.non_agents for c in doer.children)
        ):
            # "the storm killed 12 people", "Hurricane Betsy destroyed the church", "the blocks were occupied
            # by rice mills": a force of nature or a building does nothing deliberately
            return None
        if entry.force:
            # a force moved (motion.py); equipment handed to another party leaves it to the later entries
            moved = self._motion(tok, entry)
            rest = entries[entries.index(entry) + 1 :]
            return moved if moved is not None or not rest else self._verb(tok, rest, kind)
        passive = is_passive(tok) and kind == "verb"
        anchor = tok.head if kind == "adj" and tok.dep_ == "acomp" else tok
        if entry.roles == "experiencer" and not passive:
            return self._stimulus(tok, entry)
        actors = self._actor_from_subject(anchor if kind == "adj" else tok, notes)
        if (
            passive
            and agent_of(tok) is None
            and (
                (entry.control and passive_subject_acts(tok))
                or (entry.mode or "") in adjunct_rules().passive_subject_acts.get(entry.type, ())
            )
        ):
            # "Vietnam is committed to opening up", "the guerrillas have been demobilized": the passive
            # subject is the one committed, the one who disarms ("Iran was urged to" is not: roles.yaml).
            actors = self._resolve(passive_subject(tok))
            passive = False
        slots = entry.recipient or DEFAULT_SLOTS.get(entry.type, ("dobj",))
        if entry.control and not entry.recipient:
            slots = ("dobj", "dative")
        if (
            entry.prt
            and not entry.recipient
            and any(c.dep_ == "prep" and c.lower_ == entry.prt for c in tok.children)
        ):
            slots = (*slots, f"prep:{entry.prt}")  # "reneged on its commitment to X", "acceded to X"
        if entry.roles == "experiencer" and is_passive(tok):
            # "China was disappointed with the decision": the one who feels it is the actor; the "by/with/at"
            # complement (or its owner) the recipient
            actors, passive = self._resolve(passive_subject(tok)), False
            slots = tuple(f"prep:{p}" for p in ("by", "with", "at", "over", "about"))
        mine = frozenset(a.id for a in actors.actors)
        recipients = self._recipients(tok, slots, passive, mine, judged=entry.type in JUDGEMENTS)
        if kind == "adj" and anchor.i != tok.i and not recipients.actors:
            # "was furious at the leak": the complement hangs on the copula
            recipients = self._recipients(anchor, slots, False, mine, judged=entry.type in JUDGEMENTS)
        # "donated and delivered goods to X": coordinated verbs share arguments when this one has no object of
        # its own; a verb with a clause of its own does not take the object of a later verb ("refused to
        # deploy troops and urged its citizens to leave"), but may that of an earlier one ("accused the
        # government of X and warned that ...")
        own_object = has_child(tok, ("dobj", "obj", "dative"))
        own_clause = has_child(tok, ("xcomp", "ccomp"))
        for conj in () if own_object else tok.conjuncts:
            if own_clause and conj.i > tok.i:
                continue
            if conj.pos_ == "VERB" and not recipients.actors:
                recipients.extend(self._recipients(conj, slots, is_passive(conj), mine))
        rule = f"{entry.name}/{'agent' if passive else 'nsubj'}"
        if entry.roles == "host":
            actors, recipients = recipients, actors
            rule += "-host"
        actors, recipients, partners, rule = mutual(entry.two_sided, actors, recipients, rule)
        cand = build(
            entry, tok, actors, recipients, rule, anchor=anchor, kind=kind, notes=notes, partners=partners
        )
        has_object = any(c.dep_ in ("dobj", "obj") for c in tok.children)
        if entry.needs_party and has_object and not recipients.actors and not _named_object(tok):
            # "blamed the tumble in oil prices": a cause named, nobody accused; a later sense may still hold
            # ("banned online Bible sales": no party on the other side: a restriction, no trade sanction)
            rest = entries[entries.index(entry) + 1 :]
            return self._verb(tok, rest, kind) if rest else None
        if entry.control:
            self._control(cand)
            if INTERNAL_ORDER in cand.cues:
                return None  # an order inside a state naming no codable action: no event
            if self._resolution(cand):
                return None  # "vowed to soldier on": a resolution about oneself, promised to nobody
        if cand.type == "ASSAULT":
            self._instrument(cand)
        return cand

    def _stimulus(self, tok: Token, entry: Entry) -> Candidate | None:
        """ "The move angered Beijing", "Russia's veto angered Western diplomats": the one the verb affects
        is the actor; the subject (an act, which stays an event of its own, or its owner) the recipient."""
        actors = Resolved()
        for obj in slot(tok, "dobj"):
            actors.extend(self._resolve(obj))
        subj = subject_of(tok)
        recipients = Resolved()
        if subj is not None and subj.pos_ != "PRON":
            recipients = self._resolve(subj, infer=False)
            if not recipients.actors:
                recipients = self._noun_own_actors(subj)
        notes = [f"{tok.text!r}: the party it affects disapproves of its subject"]
        return build(entry, tok, actors, recipients, f"{entry.name}/dobj-experiencer", notes=notes)

    def _instrument(self, cand: Candidate) -> None:
        """ "killed in an airstrike", "aircraft engaged the position": the instrument gives the mode, and an
        instrument that is itself an event noun is folded in."""
        tok = cand.trigger
        found: list[Token] = []
        subj = subject_of(tok)
        if subj is not None:
            found.append(subj)
        # A participle clause shares its head's instrument: "engaged them with an airstrike, killing four".
        heads = (tok, tok.head) if tok.dep_ in ("advcl", "conj") else (tok,)
        for h in heads:
            for c in h.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in (
                    "with",
                    "in",
                    "during",
                    "by",
                    "using",
                    "through",
                ):
                    found.extend(p for p in c.children if p.dep_ == "pobj")
                    for g in c.children:
                        if g.dep_ == "pcomp" and g.tag_ == "VBG" and c.lower_ in ("in", "during"):
                            self._fold_gerund(cand, g)  # "killed in shelling by separatist forces"
        for inst in found:
            lemma = lemma_of(inst)
            mods = [lemma, *(lemma_of(m) for m in inst.children if m.dep_ in ("compound", "amod"))]
            mode = next((self.lex.instrument_modes[m] for m in mods if m in self.lex.instrument_modes), None)
            if lemma in self.lex.nouns:
                ne = noun_entry(inst, self.lex.nouns[lemma])
                if ne is not None and ne.type == cand.type:
                    self.consumed.add(inst.i)
                    mode = mode or ne.mode
                    if not cand.actors.actors:
                        self._instrument_parties(cand, inst, ne)
            if mode and not cand.mode:
                cand.mode = mode
                cand.cues["instrument"] = inst.text
        for c in tok.children:  # "sexually assaulted": the manner names the mode over the verb's default
            manner = self.lex.manner_modes.get(c.lower_) if c.dep_ == "advmod" else None
            if manner and self.onto.has_mode(cand.type, manner):
                cand.mode = manner
                cand.cues["manner"] = c.text

    def _instrument_parties(self, cand: Candidate, inst: Token, ne: Entry) -> None:
        """An event with no actor folded with a two-sided event noun of its type that names its sides
        ("killed in fighting between X and Y", "injured in clashes with police"): those sides, not counting
        the event's recipients (a noun's own agent, "the army's offensive", is chains.link_actor's)."""
        if not ne.two_sided or self._noun_own_actors(inst).actors:
            return
        got = self._between_parties(inst, slot(inst, "prep:between"))
        if not got.actors:
            for arg in slot(inst, "prep:with"):
                got.extend(self._resolve(arg, infer=False))
        undergone = {a.id for a in cand.recipients.actors}
        kept = Resolved(tokens=list(got.tokens))
        for a, h in zip(got.actors, got.how, strict=False):
            if a.id not in undergone:
                kept.add(a, h)
        got = kept
        if got.actors:
            cand.actors = got
            cand.rule += "+instrument-parties"
            cand.notes.append(f"actors from the parties of {inst.text!r}")

    def _fold_gerund(self, cand: Candidate, g: Token) -> None:
        """A gerund of the same type naming how the event happened is the same event: its mode and its "by"
        agent (when the event has no actor yet) are the event's."""
        entries = self.lex.verbs.get(lemma_of(g))
        ge = match_verb(g, entries) if entries else None
        if ge is None or ge.type != cand.type:
            return
        self.consumed.add(g.i)
        if ge.mode and not cand.mode:
            cand.mode = ge.mode
            cand.cues["instrument"] = g.text
        if not cand.actors.actors:
            for c in g.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            got = self._resolve(p)
                            if got.actors:
                                cand.actors = got
                                cand.notes.append(f"actor from the 'by' agent of {g.text!r}")

    def _control(self, cand: Candidate) -> None:
        """Fold the embedded action into a control verb's event and derive the mode from it."""
        tok, entry = cand.trigger, cand.entry
        content = control_content(tok, entry)
        if content is None:
            return
        ctype, centry = content_type(content, self.lex)
        cand.content, cand.content_type = content, ctype
        internal = is_internal_order(cand)
        self._content_recipients(cand, content, centry)
        for c in (content, *content.conjuncts):
            self.consumed.add(c.i)
            for o in c.children:  # "threatened to impose sanctions": the sanctions are the threat's content
                if o.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
                    self.consumed.update(x.i for x in (o, *o.conjuncts))
        if internal and (ctype is None or centry is None):
            cand.cues[INTERNAL_ORDER] = f"{cand.trigger.text!r} to subordinates, action {content.text!r}"
            return
        if ctype is None or centry is None:
            cand.rule += f"+content:{lemma_of(content)}"
            if cand.type in ("REQUEST", "REJECT"):
                cand.mode = cand.mode or self.onto.content_mode(cand.type, None)
            return
        cand.rule += f"+content:{centry.name}"
        cand.notes.append(f"embedded action {content.text!r} is {ctype}")
        if internal:
            slots = (*(centry.recipient or ("dobj",)), "prep:to", "prep:on", "prep:against", "dative")
            mine = frozenset(a.id for a in (*cand.actors.actors, *cand.recipients.actors))
            recast(cand, ctype, centry.mode, self._recipients(content, slots, is_passive(content), mine))
            cand.contexts.extend(c for c in centry.contexts if c not in cand.contexts)
            return
        if (
            cand.type == "AGREE"
            and ctype in self.onto.intent_to_threaten
            and not _on_behalf(content)
            and not (ctype == "MOBILIZE" and sent_to_party(content, cand.actors, self.lex))
        ):
            cand.type = "THREATEN"
            cand.rule += "=>THREATEN"
        if cand.type == "THREATEN":
            cand.mode = cand.mode or self.onto.content_mode("THREATEN", ctype, centry.mode)
        elif cand.type in ("REQUEST", "REJECT"):
            cand.mode = cand.mode or self.onto.content_mode(cand.type, ctype, centry.mode)
        cand.contexts.extend(c for c in centry.contexts if c not in cand.contexts)

    def _noun(self, tok: Token, entries: tuple[Entry, ...]) -> Candidate | None:
        entry = noun_entry(tok, entries)
        if entry is None:
            return None
        anchor = tok
        if tok.dep_ == "compound" and lemma_of(tok.head) in self.lex.light_nouns:
            anchor = tok.head  # "a mediation effort"
        elif (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.pos_ == "NOUN"
            and tok.head.head.dep_ in ("dobj", "nsubjpass", "obj")
        ):
            anchor = tok.head.head  # "25,000 tons of food aid", "a series of attacks"
        head = anchor.head
        support: Token | None = None
        if anchor.dep_ in ("dobj", "obj", "nsubjpass") and lemma_of(head) in self.lex.averting_verbs:
            return None  # "cancelled his visit", "foiled an attack": the event did not take place
        claimant = self._claimant(anchor)
        if claimant is not None:
            return self._claimed(tok, entry, claimant)
        if anchor.dep_ in ("dobj", "nsubjpass", "obj") and head.pos_ in ("VERB", "AUX"):
            support = head
        elif (
            anchor.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in ("on", "in", "into", "under", "to")
            and head.head.pos_ == "VERB"
            # "to" only for a verb the noun names ("brought to trial"), not any light verb ("held thanks to")
            and (head.lower_ != "to" or lemma_of(head.head) in (entry.support or {}))
        ):
            # "went on strike", "engaged in talks", "placed under arrest", "brought to trial"
            support = head.head
        if (
            support is not None
            and anchor.dep_ in ("dobj", "obj")
            and lemma_of(support) in self.lex.characterize_verbs
            and (
                any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in support.children)
                or entry.type in NAMED_NOT_DONE
            )
        ):
            # "called the assault 'an attack on our country'": naming it, not doing it ("call" carries a
            # strike or a vote, never violence)
            support = None
        if (
            support is not None
            and anchor.dep_ in ("dobj", "obj")
            and lemma_of(support) in self.lex.reaction_verbs
            and entry.type in VERBAL_REACTIONS
        ):
            return self._reaction(tok, entry, support)
        if support is not None and entry.type == "ASSAULT" and lemma_of(support) in self.lex.undergo_verbs:
            # "came under fire from ISIL", "received heavy fire from militants": the subject is attacked
            return self._reaction(tok, entry, support)
        if support is not None and entry.support is not None and lemma_of(support) not in entry.support:
            # "staged a protest": a later entry of the noun whose light verbs include this one ("lodged a
            # protest" is the diplomatic one)
            entry = self._entry_for_support(tok, entries, lemma_of(support)) or entry
        type_ = entry.type
        notes: list[str] = []
        if support is not None:
            sl = lemma_of(support)
            if entry.support is not None:
                if sl not in entry.support:
                    support = None
                else:
                    type_ = entry.support[sl] or entry.type
            elif sl not in self.lex.support_verbs and sl not in self.lex.intent_verbs:
                support = None
        if support is not None and support.i in self.matched:
            return None  # the verb is a trigger itself and already coded ("signed an agreement")
        if support is not None and stance_content(support, self.lex.attitude_verbs):
            return None  # "opposes imposing sanctions": the act is the content of a stance
        if support is not None:
            if lemma_of(support) in self.lex.intent_verbs and type_ in self.onto.future_to_agree:
                notes.append(f"{support.text!r} announces the action: AGREE")
                type_ = "AGREE"
            elif lemma_of(support) in self.lex.intent_verbs and type_ in self.onto.future_to_concede:
                notes.append(f"{support.text!r} announces a concession: CONCEDE")
                type_ = "CONCEDE"
            actors = self._actor_from_subject(support, notes)
            if (
                not actors.actors
                and is_passive(support)
                and agent_of(support) is None
                and anchor.dep_ == "pobj"
                and entry.type not in UNDERGONE
            ):
                actors = self._resolve(passive_subject(support))  # "forces were engaged in ethnic cleansing"
            if not actors.actors:
                actors.extend(self._noun_own_actors(tok))
            if not actors.actors and entry.force:
                actors.extend(self._force_actors(tok))  # "the deployment of US troops was announced"
            if not actors.actors and is_passive(support):
                # "talks were held between X and Y": the parties of a passive light verb's noun
                for node in (tok, support):
                    for p in slot(node, "prep:between"):
                        actors.extend(self._resolve(p))
                        for c in p.conjuncts:
                            actors.extend(self._resolve(c))
            slots = entry.recipient or ("prep:against", "prep:on", "prep:with", "prep:to")
            recipients = Resolved()
            for node in (anchor, tok, support):
                for name in (*slots, "dative") if node.i == support.i else slots:
                    for arg in slot(node, name):
                        recipients.extend(self._resolve(arg))
            if not recipients.actors:
                # "the withdrawal of forces from Panama", "a suspension of air links with Serbia": the event's
                # theme names the other side; "opened investigations against officials"
                for theme in slot(tok, "prep:of"):
                    recipients.extend(self._target_of(theme, 1))
                for node in (tok, support) if not recipients.actors else ():
                    for arg in (a for name in ADVERSATIVE for a in slot(node, name)):
                        recipients.extend(self._resolve(arg))
            if not recipients.actors:
                for arg in impact_targets(tok, type_):  # "carried out an attack that targeted X"
                    recipients.extend(self._resolve(arg))
            if is_passive(support) and entry.type in UNDERGONE and not recipients.actors:
                recipients = self._resolve(passive_subject(support))  # "she was kept under surveillance"
            elif is_passive(support):
                recipients = Resolved() if not recipients.actors else recipients
            rule = f"{entry.name}/support:{lemma_of(support)}"
            kind = "noun+support"
            mod_anchor = support
        else:
            between = [
                p
                for c in (*tok.children, *anchor.children)
                if c.dep_ == "prep" and c.lower_ == "between"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            if not between and anchor.head.pos_ == "VERB":
                between = [
                    p
                    for c in anchor.head.children
                    if c.dep_ == "prep" and c.lower_ == "between"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
            if (
                not entry.own
                and not (entry.own_agent and _explicit_agent(tok))
                and not (entry.two_sided and self._between_parties(tok, between).actors)
            ):
                # "five days of fighting between X and Y": a two-sided act naming both sides is told, though
                # the noun alone ("the fighting") would not be
                return None
            actors = self._noun_own_actors(tok)
            if not actors.actors and entry.force:
                actors = self._force_actors(tok)  # "the movement of Russian troops"
            recipients = Resolved()
            for p in between:
                (recipients if "prep:between" in entry.recipient else actors).extend(self._resolve(p))
            slots = entry.recipient or ("prep:against", "prep:on", "prep:with")
            for name in slots:
                if name == "prep:between":
                    continue
                for arg in slot(tok, name):
                    recipients.extend(self._resolve(arg))
            if not recipients.actors:
                for arg in impact_targets(tok, type_):  # "air strikes hit Syria": what the attack hits
                    recipients.extend(self._resolve(arg))
            kind, rule, mod_anchor = "noun", f"{entry.name}/own", tok
            if (
                not actors.actors
                and entry.two_sided
                and recipients.actors
                and any(a.sector != "JRN" for a in recipients.actors)  # a press briefing is no meeting
            ):
                verb = _adjunct_governor(anchor)
                if verb is not None:
                    # "After talks with Iran, the EU said ...": the other party of an adjunct meeting is the
                    # subject of the clause it frames
                    actors = self._actor_from_subject(verb, notes)
                    if actors.actors:
                        rule += f"+adjunct:{lemma_of(verb)}"
            if not actors.actors:
                if anchor.dep_ == "nsubj" and lemma_of(head) in self.lex.occurrence_verbs:
                    kind, rule, mod_anchor = "noun+occur", f"{entry.name}/occur:{lemma_of(head)}", head
                elif entry.two_sided and _told_in_adjunct(anchor) and _named_party(recipients):
                    # "were injured in clashes with police", "after talks with the rebels": an act told in
                    # an adjunct, with one side named by "with" and the other left unsaid
                    rule += "+with-party"
                elif not between:
                    return None
        actors, recipients, partners, rule = mutual(entry.two_sided, actors, recipients, rule)
        cand = build(
            entry, tok, actors, recipients, rule, anchor=mod_anchor, kind=kind, type_=type_, notes=notes
        )
        cand.partners = partners
        if type_ in ("REQUEST", "THREATEN", "REJECT", "AGREE"):
            self._noun_content(cand)  # "its pledge to send troops": the pledged action is not a second event
        return cand

    def _entry_for_support(self, tok: Token, entries: tuple[Entry, ...], verb: str) -> Entry | None:
        """The first entry of a noun (its modifiers allowing) that the support verb ``verb`` supports."""
        for e in entries:
            if noun_entry(tok, (e,)) is None:
                continue
            if e.support is not None and verb in e.support:
                return e
            if e.support is None and (verb in self.lex.support_verbs or verb in self.lex.intent_verbs):
                return e
        return None

    def _claimant(self, noun: Token) -> Token | None:
        """The verb of a claim of responsibility for an event noun ("claimed responsibility for the attack",
        "took credit for the bombing"), if the noun is its object."""
        rules = adjunct_rules()
        prep = noun.head
        if noun.dep_ in ("dobj", "obj") and lemma_of(prep) == "claim":
            return prep  # "the group claimed the attack"
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.pos_ != "NOUN":
            return None
        resp = prep.head
        if lemma_of(resp) not in rules.responsibility_nouns or resp.dep_ not in ("dobj", "obj"):
            return None
        verb = resp.head
        return verb if lemma_of(verb) in rules.responsibility_verbs else None

    def _claimed(self, tok: Token, entry: Entry, verb: Token) -> Candidate | None:
        """The claimant of an event is its actor; the noun's own complements give the recipient."""
        subj = subject_of(verb)
        if any(c.dep_ == "neg" for c in verb.children) or (
            subj is not None and any(c.lower_ in ("no", "none") for c in subj.children)
        ):
            return None  # "has not claimed responsibility", "no group claimed": nobody is named
        notes = [f"{verb.text!r} responsibility: the claimant did the {tok.text!r}"]
        actors = self._actor_from_subject(verb, notes)
        if not actors.actors:
            return None
        recipients = Resolved()
        for name in entry.recipient or ("prep:against", "prep:on", "prep:with"):
            for arg in slot(tok, name):
                recipients.extend(self._resolve(arg))
        self.consumed.add(verb.i)
        rule = f"{entry.name}/claimed:{lemma_of(verb)}"
        return build(entry, tok, actors, recipients, rule, anchor=verb, kind="noun+support", notes=notes)

    def _reaction(self, tok: Token, entry: Entry, verb: Token) -> Candidate | None:
        """ "The plan drew criticism from Trump", "Israel faced condemnation from the UN": the event noun is
        done *to* the verb's subject, by the "from"/"by" party."""
        actors = Resolved()
        for node in (tok, verb):
            for name in ("prep:from", "prep:by"):
                for arg in slot(node, name):
                    actors.extend(self._resolve(arg))
        subj = subject_of(verb)
        recipients = self._resolve(subj) if subj is not None else Resolved()
        if subj is not None and not recipients.actors:
            recipients = self._noun_own_actors(subj)
        if subj is not None and not recipients.actors:
            recipients = self._act_owner(subj)
        if not actors.actors:
            return None
        self.consumed.add(verb.i)
        return build(
            entry,
            tok,
            actors,
            recipients,
            f"{entry.name}/reaction:{lemma_of(verb)}",
            anchor=verb,
            kind="noun+support",
            notes=[f"{verb.text!r} receives the {tok.text!r}: the 'from' party acts on the subject"],
        )

    def _noun_content(self, cand: Candidate) -> None:
        """ "its demand that Israel ease restrictions", "a threat to cut aid": the content is not coded."""
        for c in cand.trigger.children:
            content = None
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") and c.dep_ != "relcl":
                content = c
            elif c.dep_ == "prep" and c.lower_ in ("for", "of"):
                content = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if content is None:
                continue
            ctype, centry = content_type(content, self.lex)
            self.consumed.update(x.i for x in content.subtree if x.pos_ in ("VERB", "NOUN"))
            cand.content, cand.content_type = content, ctype
            if ctype and cand.type in ("REQUEST", "REJECT"):
                cand.mode = cand.mode or self.onto.content_mode(cand.type, ctype)
            elif ctype and cand.type == "THREATEN":
                cand.mode = cand.mode or self.onto.content_mode("THREATEN", ctype)
            cand.rule += f"+content:{centry.name if centry else lemma_of(content)}"
            return


# Prepositions of a time adjunct that frames a clause ("after talks with X", "following a meeting with X").
FRAMING_PREPS = frozenset({"after", "following", "during", "before", "since"})


PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _achieved(verb: Token) -> bool:
    """A verb told as done: past tense, or a participle of a perfect or a past passive ("has defeated", "was
    defeated"); a noun anchor ("the defeat of X by Y") has no tense to test."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in MODALS for a in aux):
        return False
    # a present passive states a condition or a goal ("until ISIL is defeated"); "was defeated" is done
    return not any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "be", "am") for c in verb.children)


def _explicit_agent(noun: Token) -> bool:
    """The noun names its agent outright: a "by" phrase, or a possessor beside an "of" patient ("the army's
    killing of protesters"; alone, "his killing", "Navalny's arrest", the possessor is the victim). An
    adjective ("Israeli killing") is not enough."""
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    return "by" in preps or ("of" in preps and any(c.dep_ == "poss" for c in noun.children))


def _named_object(tok: Token) -> bool:
    """The verb's object or "on"-complement is a named party or a pronoun ("blamed Hamas", "blamed it on
    them"), though no actor resolved."""
    args = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    args += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(a.pos_ == "PRON" or a.ent_type_ in PARTY_ENTS for a in args)


def _adjunct_governor(noun: Token) -> Token | None:
    """The verb whose clause a time adjunct holding ``noun`` frames, through "N of" ("after two days of
    negotiations with X"); None when the noun is not in such an adjunct."""
    node = noun
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    prep = node.head
    if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in FRAMING_PREPS:
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


# Prepositions of an adjunct that tells an act as having happened ("injured in clashes with police", "after
# talks with the rebels"); not "before" (the act may not have come).
TELLING_PREPS = frozenset({"in", "during", "after", "following", "amid", "since"})


def _told_in_adjunct(noun: Token) -> bool:
    """The noun (or the "N of" phrase holding it: "five days of clashes") is the object of an adjunct
    preposition of a verb that tells it as having happened."""
    node = noun
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
        node = node.head.head
    prep = node.head
    return (
        node.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in TELLING_PREPS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _named_party(res: Resolved) -> bool:
    """A party named outright (a mention, a group reference), not one inferred from a complement, nor the
    press."""
    strong = all(h in ("mention", "group", "same-name", "mention:shared") for h in res.how)
    # a press briefing is no meeting ("during a meeting with reporters")
    return bool(res.actors) and strong and any(a.sector != "JRN" for a in res.actors)


def _on_behalf(content: Token) -> bool:
    """ "promised that he would fight for them", "vowed to fight for Ukrainians": fighting *for* people,
    with no one fought, is a pledge of support, not a threat ("fight for the liberation of a city" is one)."""
    kids = list(content.children)
    if any(c.dep_ in ("dobj", "obj") for c in kids):
        return False
    preps = [c for c in kids if c.dep_ == "prep"]
    if any(p.lower_ in ("against", "with", "over") for p in preps):
        return False
    return any(
        o.dep_ == "pobj" and (o.pos_ == "PRON" or o.ent_type_ in ("PERSON", "NORP"))
        for p in preps
        if p.lower_ == "for"
        for o in p.children
    )
