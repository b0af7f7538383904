"""Frames where a trigger describes a role, a record or a non-specific thing rather than a reported
occurrence."""

from __future__ import annotations

from spacy.tokens import Token

from .actor_index import actor_for_token
from .history import record_marked

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


def potential_act(anchor: Token, nouns: frozenset[str]) -> bool:
    """An infinitive on a noun of right, ability or chance ("the right of owners to refuse services", "the
    power to arrest"): a possible act, not an occurrence."""
    if anchor.dep_ not in ("acl", "relcl"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        return False
    return anchor.head.lemma_.lower() in nouns


def stance_content(tok: Token, attitudes: frozenset[str]) -> bool:
    """A gerund or infinitive that is what a stance is about ("voters support banning Muslims", "Russia
    opposes imposing sanctions"): the act is favoured or opposed, not reported."""
    if tok.dep_ not in ("xcomp", "ccomp", "dobj", "pcomp") or tok.head.lemma_.lower() not in attitudes:
        return False
    return tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


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
