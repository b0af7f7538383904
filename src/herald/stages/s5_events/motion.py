"""Who moves a force where (PLOVER MOBILIZE by the motion class of event_motion.yaml): the sender is the
actor (the subject, a "by" agent; when a passive names none, the force itself with its state: "US troops
were deployed"); the destination ("to/into/toward X", a place standing for its country) is the recipient,
never the force moved. Equipment a transfer verb sends to another party is an arms transfer, left to the
verb's other entries ("sent tanks to Ukraine" is AID; "sent tanks to the border" a deployment)."""

from __future__ import annotations

from spacy.tokens import Token

from .actor_index import actor_for_token, country_named
from .candidate import Candidate, build
from .forces import moved_force, noun_force
from .lexicon import Entry, Lexicon
from .roles import Resolved, agent_of, is_passive, slot
from .sentence_roles import SentenceRoles
from .triggers import lemma_of


class MotionRoles(SentenceRoles):
    """The roles of a motion-class candidate (mixed into the sentence coder)."""

    def _motion(self, tok: Token, entry: Entry) -> Candidate | None:
        """The MOBILIZE candidate of a motion verb whose entry matched (its force is found again here), or
        None when the force is equipment handed to another party (the verb's later entries decide)."""
        force = moved_force(tok, entry, self.lex)
        if force is None:
            return None
        notes = [f"{force.token.text!r} is a force ({force.mode}) that {tok.text!r} moves"]
        passive = is_passive(tok)
        actors = self._actor_from_subject(tok, notes)
        how = "agent" if passive and agent_of(tok) is not None else "nsubj"
        if not actors.actors and passive:
            actors = self._resolve(force.token)  # "US troops were deployed": the force itself acts
            how = "force"
        mine = frozenset(a.id for a in actors.actors)
        recipients = Resolved()
        # the destination hangs on the verb, on a word of degree ("moved closer to X") or on the force
        # itself by a common misattachment ("sent troops [to X]")
        nodes = [tok, *(c for c in tok.children if c.dep_ == "advmod"), force.token]
        for name in entry.recipient:
            for node in nodes:
                for arg in slot(node, name):
                    got = self._resolve_recipient(arg)
                    if not got.actors:
                        got = self._target_of(arg)  # "to the border with Ukraine"
                    for a, h in zip(got.actors, got.how, strict=False):
                        if a.id not in mine:
                            recipients.add(a, f"destination:{h}")
        if force.equipment and lemma_of(tok) in self.lex.motion_transfer_verbs and recipients.actors:
            return None  # "sent tanks to Ukraine": weapons handed over, not deployed
        rule = f"{entry.name}/{how}"
        return build(entry, tok, actors, recipients, rule, mode=force.mode, notes=notes)

    def _force_actors(self, noun: Token) -> Resolved:
        """Who moves the force a motion noun names when the noun names nobody else: the force itself, when
        it is an actor with a state ("the deployment of 3,000 US troops", "Russian troop movements")."""
        force = noun_force(noun, self.lex)
        if force is None or force.token.i == noun.i:
            return Resolved()
        got = self._resolve(force.token, infer=False)
        out = Resolved()
        for a, h in zip(got.actors, got.how, strict=False):
            if a.country:
                out.add(a, f"force:{h}")
        return out


def sent_to_party(content: Token, actors: Resolved, lex: Lexicon) -> bool:
    """ "Kenya agreed to send police to Haiti": forces a transfer verb sends *to* another state go there
    with its consent (PLOVER AID counts troops as help), so agreeing to it is an offer, not a threat
    ("vowed to deploy missiles to Kaliningrad", "to send troops to the border" stay shows of force)."""
    if lemma_of(content) not in lex.motion_transfer_verbs:
        return False
    own = {a.country for a in actors.actors if a.country}
    for arg in slot(content, "prep:to"):
        party = actor_for_token(arg)
        country = party.country if party is not None and party.kind == "state" else country_named(arg)
        if country is not None and country not in own:
            return True
    return False
