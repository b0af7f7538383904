"""Modality cues on a trigger: negation, future, hypothetical (PLOVER's auxiliary modes).

Each detector returns the cue text (for explanations) or None. Historical framing is decided in attach.py
from the governing time expression.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..common import children_labelled, has_child, sentence_of, span_text
from .roles import by_gerund, is_headline, speech_governor

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # "wo" of "won't"
HYPO_AUX = frozenset({"could", "might", "may", "should", "must", "can", "ought"})
# Verbs of attempting: the attempt is told ("tried to detain him" is an attempted arrest), but what the
# attempted act was to bring about is not ("tried to force him to resign": he did not resign).
ATTEMPT_HEADS = frozenset({"try", "attempt", "strive", "endeavour", "endeavor"})
ATTEMPTED = "attempted (content)"
# Verbs whose embedded action is a plan, not a fact ("plans to visit", "intends to withdraw").
PLAN_HEADS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "aim",
        "hope",
        "want",
        "wish",
        "seek",
        "prepare",
        "schedule",
        "mull",
        "consider",
        "propose",
        "decide",
    }
)
# Verbs that push someone else to act ("incited supporters to attack police", "encouraged them to riot"):
# the action they name is not reported as done (verbs of the event lexicon, "urge" or "order", code their
# own event and fold the action in).
INCITEMENT_HEADS = frozenset({"incite", "encourage", "persuade", "instigate", "provoke", "exhort", "induce"})
DENIAL_HEADS = frozenset({"deny", "refute"})
# Verbs of asking and nouns of asking, proposing and promising: the action in their infinitive or
# subjunctive complement is what was asked for or proposed, not a reported act ("called on the mayor to
# resign", "calls for Emanuel to resign", "his call to deport 11 million people", "demanded that he
# resign", "whose plan to announce the endorsements"). The asking is the event (REQUEST, AGREE, THREATEN,
# coded from the head when it is in the lexicon); its content is not. Verbs of planning and promising are
# not listed: a voiced plan ("said he planned to visit the US") is an intention (future, AGREE), see future().
REQUESTED_VERBS = frozenset(
    {
        "call",
        "urge",
        "ask",
        "demand",
        "press",
        "push",
        "beg",
        "implore",
        "appeal",
        "plead",
        "petition",
        "lobby",
        "suggest",
        "recommend",
        "advocate",
    }
)
REQUESTED_NOUNS = frozenset(
    {
        "call",
        "demand",
        "appeal",
        "plea",
        "request",
        "push",
        "proposal",
        "suggestion",
        "recommendation",
        "plan",
        "promise",
        "pledge",
        "vow",
        "threat",
        "offer",
        "ultimatum",
        "bid",
    }
)
# Nouns of prediction and expectation: the clause they take is foreseen, not reported ("his prediction that
# Russia would pull out of the slump", "fears that the army will attack").
PREDICTION_NOUNS = frozenset(
    {
        "prediction",
        "forecast",
        "projection",
        "expectation",
        "speculation",
        "rumour",
        "rumor",
        "fear",
        "hope",
        "possibility",
        "prospect",
        "scenario",
        "likelihood",
    }
)
CONDITION = frozenset({"if", "unless", "whether"})
# The cue of an event inside a condition or an embedded question ("if convicted", "wondered whether he could
# file charges"): it is supposed or asked about, not told.
# "when/whenever" before a present-tense clause: a habit or a general condition, no reported occurrence.
GENERIC_WHEN = frozenset({"when", "whenever"})
CONDITION_CLAUSE = frozenset(f"{m} (condition)" for m in CONDITION | GENERIC_WHEN)
# Heads whose complement is not a reported act (dropped by extract.UNREALISED): asking, proposing, predicting,
# and the condition an event is stated under.
REQUESTED_HEADS = REQUESTED_VERBS | REQUESTED_NOUNS | PREDICTION_NOUNS | CONDITION_CLAUSE
PLAN_ADJ = frozenset({"set", "due", "likely", "expected", "scheduled", "poised", "about"})
# Adjectives of ability or disposition whose infinitive names an action that has not happened ("is not
# afraid to fight", "was unable to attend", "free to leave").
DISPOSITION_ADJ = frozenset(
    {
        "afraid",
        "able",
        "unable",
        "free",
        "reluctant",
        "hesitant",
        "unwilling",
        "loath",
        "keen",
        "happy",
        "right",
    }
)
QUESTION = "?"  # the cue of a yes/no question (see question())
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
# Heads under which an act is held back, not done: "refrained from", "stopped short of calling for", "avoided
# naming", "dragged its feet on providing".
HELD_BACK = frozenset(
    {"refrain", "abstain", "avoid", "forgo", "forego", "short", "feet", "foot", "decline", "refuse"}
)
# Verbs that keep someone else from an act ("prevent police from using force", "barred troops from
# entering"): the act after "from" is what is kept from happening (the preventing is an event of its own).
PREVENT_HEADS = frozenset(
    {"prevent", "stop", "bar", "keep", "deter", "dissuade", "discourage", "prohibit", "ban", "block"}
    | {"restrain"}
)
NOBODY = frozenset({"none", "nobody", "no-one", "neither"})


def _aux(tok: Token) -> list[Token]:
    return children_labelled(tok, ("aux", "auxpass"))


def negation(tok: Token, anchor: Token | None = None) -> str | None:
    """ "did not attack", "never met", "no talks were held"."""
    for t in (tok, anchor, _shared_head(tok)):
        if t is None:
            continue
        for c in t.children:
            if c.dep_ == "neg" and c.i > 0 and c.nbor(-1).lower_ == "or":
                continue  # "whether or not Israel is willing": an alternative, not a negation
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in ("no", "never")):
                return c.text
            if c.dep_ == "preconj" and c.lower_ == "neither" and c.i < t.i:
                return c.text  # "... and neither apologized": the parser hangs "neither" on the verb
            # "No civilians were injured", "none of the soldiers was hurt".
            if c.dep_ in ("nsubj", "nsubjpass") and (
                c.lower_ in NOBODY
                or any(d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in c.children)
            ):
                return f"no {c.text}" if c.lower_ not in NOBODY else c.text
    # "failed to attack": the action did not happen.
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "fail":
        return tok.head.text
    if (held := held_back(tok)) is not None:
        return held
    # "denied that its troops had shelled the camp", "denied shelling the camp": the speaker says it did not
    # happen (the denial itself is for the verbal-event rules).
    if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in DENIAL_HEADS:
        return tok.head.text
    return None


def held_back(tok: Token) -> str | None:
    """ "refrained from attacking", "stopped short of calling for", "avoided naming": the act is withheld."""
    gov: Token | None = None
    if tok.dep_ == "xcomp" or (tok.dep_ == "dobj" and tok.tag_ == "VBG"):
        gov = tok.head
    elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        gov = tok.head.head
    if gov is None:
        return None
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "than"):
        # "instead of attacking me", "rather than fight": "instead" hangs on the preposition or governs it
        alt = [gov, *(c for c in tok.head.children if c.dep_ == "advmod")]
        if any(a.lower_ in ("instead", "rather") for a in alt):
            return f"instead {tok.head.text}"
    if gov.lemma_.lower() in HELD_BACK:
        return gov.text
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and gov.lemma_.lower() in PREVENT_HEADS:
        return f"{gov.text} from"
    if gov.lemma_ == "drag" and any(c.lemma_.lower() in ("foot", "feet") for c in gov.children):
        return "dragged its feet"
    return None


def _present(tok: Token) -> bool:
    """A finite present-tense verb with no auxiliary (the tagger gives plural presents VBP or VB)."""
    if tok.tag_ not in ("VBP", "VBZ", "VB") or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def predicted(tok: Token) -> str | None:
    """The clause of a noun of prediction or expectation ("his prediction that Russia would pull out")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("acl", "ccomp") and cur.head.pos_ == "NOUN":
            lemma = cur.head.lemma_.lower()
            return lemma if lemma in PREDICTION_NOUNS else None
        if cur.dep_ in ("conj", "xcomp") and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
            continue
        break
    return None


def _shared_head(tok: Token) -> Token | None:
    """The verb a conjunct shares its auxiliaries (and so its negation) with: "did not attack or kill",
    "has not met or spoken". A finite conjunct has its own tense and polarity: "is not an advocacy group and
    supports candidates", "did not attack but retreated"."""
    if tok.dep_ != "conj" or tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return None
    if has_child(tok, ("nsubj", "nsubjpass", "aux", "auxpass")):
        return None
    return tok.head


def question(tok: Token) -> str | None:
    """A yes/no question asks whether the act happens, it does not report it: "Will you resign?", "Did
    Russia attack the base?" (an auxiliary before the subject, in a sentence ending with "?"). A wh-question
    ("Who attacked the base?") presupposes the act and is not a cue."""
    if not span_text(sentence_of(tok)).rstrip().rstrip("\"'”’)").endswith("?"):
        return None
    if any(c.tag_ in ("WRB", "WP", "WDT", "WP$") for c in tok.children):
        return None  # "Why did Russia attack the base?" takes the attack as given
    aux = next((c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"), None)
    # "Marco Rubio, will you resign?": the vocative may be parsed as a second subject before the auxiliary
    if aux is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i for c in tok.children):
        return QUESTION
    return None


def _infinitival(tok: Token) -> bool:
    """An infinitive ("to resign", "for him to resign") or a bare subjunctive ("that he resign")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    return tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children)


def requested(tok: Token) -> str | None:
    """The head of asking, proposing or promising whose complement ``tok`` is (see REQUESTED_HEADS)."""
    cur = tok
    for _ in range(3):
        if (
            cur.dep_ == "conj"
            and cur.tag_ == "VB"
            and cur.head.lemma_.lower() in REQUESTED_VERBS
            and not has_child(cur, ("nsubj", "nsubjpass", "aux"))
            and any(c.dep_ == "xcomp" and _infinitival(c) for c in cur.head.children)
        ):
            # "urge the government to cancel the law and provide an amnesty": the parser hangs the second
            # bare verb on "urge" itself; it is a second thing asked for
            return cur.head.lemma_.lower()
        if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head  # "to stop pimping votes and call on Emanuel to resign"
            continue
        clause = cur.dep_ in ("xcomp", "ccomp", "acl", "advcl", "relcl") and _infinitival(cur)
        heads = REQUESTED_NOUNS if cur.head.pos_ in ("NOUN", "PROPN") else REQUESTED_VERBS
        if clause and cur.head.lemma_.lower() in heads:
            return cur.head.lemma_.lower()
        break
    return None


def _reported(tok: Token) -> bool:
    """A "that"-clause under a verb ("assured that the tribes would stand with the army", "believed that
    Iran would retaliate"): its "would" is the future seen from the past, not a counterfactual. (Not made
    ``future`` either: an assurance told this way is coded as the act it assures, as the DEV gold does.)"""
    return (
        tok.dep_ == "ccomp"
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    )


def headline_infinitive(tok: Token) -> bool:
    """ "Turkey to expel Dutch diplomats", "EU to impose sanctions": a headline tells a coming act with "to"
    and the bare verb, as the main verb of the line (the parser hangs it as the root or as a clause of the
    subject noun)."""
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    head = tok.head
    clause = tok.dep_ in ("acl", "relcl") and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN")
    if not (tok.dep_ == "ROOT" or (clause and head.i < tok.i)):
        return False
    return is_headline(sentence_of(tok))


def future(tok: Token) -> str | None:
    """ "will visit", "is going to sign", "plans to withdraw", "would boycott" in reported speech; "X to
    expel" in a headline."""
    if headline_infinitive(tok):
        return "to"
    cur = tok
    for _ in range(3):
        for a in _aux(cur):
            if a.lower_ in FUTURE_AUX:
                return a.text
            if a.lower_ == "would" and speech_governor(cur) is not None:
                return a.text
        if cur.dep_ == "xcomp":
            head = cur.head
            if head.lemma_ in PLAN_HEADS or head.lower_ in PLAN_ADJ:
                return head.text
            if head.lemma_ == "go" and head.tag_ == "VBG":
                return "going to"
            cur = head
            continue
        if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head  # "will capture or kill": the auxiliary is shared
            continue
        if by_gerund(cur):
            cur = cur.head.head  # "will respond by imposing sanctions"
            continue
        break
    return None


def past_tense(tok: Token) -> bool:
    """The clause is told in the past ("ordered", "has ordered", "was ordered"): whatever a weekday resolves
    to, the event cannot lie after publication."""
    if tok.tag_ == "VBD":
        return True
    return any(a.tag_ == "VBD" or (a.lemma_ == "have" and a.dep_ == "aux") for a in _aux(tok))


def hypothetical(tok: Token) -> str | None:
    """ "could impose sanctions", "if troops attacked", "would attack" outside reported speech."""
    if (q := question(tok)) is not None:
        return q
    if (asked := requested(tok)) is not None:
        return asked
    if (foreseen := predicted(tok)) is not None:
        return foreseen
    cur = tok
    nested = False  # gone up through a complement: "force him to resign" under "tried"
    for _ in range(3):
        if cur.dep_ == "xcomp" and nested and cur.head.lemma_ in ATTEMPT_HEADS:
            return ATTEMPTED
        if cur.dep_ == "xcomp" and cur.head.tag_ == "MD" and cur.head.lower_ in HYPO_AUX:
            return cur.head.text  # "he ought to pull back": the parser makes the modal the head
        for c in cur.children:
            if c.dep_ == "mark" and c.lower_ in CONDITION:
                return f"{c.lower_} (condition)"  # the event is the condition itself: supposed, not told
            if c.dep_ == "advmod" and c.lower_ in GENERIC_WHEN and _present(cur):
                # "when you attack him, he punches back": a present-tense "when" clause is a habit
                return f"{c.lower_} (condition)"
        for a in _aux(cur):
            if a.lower_ in HYPO_AUX:
                return a.text
            if a.lower_ == "would" and speech_governor(cur) is None and not _reported(cur):
                return a.text
        # The main clause of a conditional: "if they refuse, the army would attack".
        for c in cur.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children):
                return "if"
        if cur.dep_ == "xcomp" and cur.head.pos_ == "ADJ" and cur.head.lower_ in DISPOSITION_ADJ:
            return cur.head.text
        if cur.dep_ in ("xcomp", "ccomp") and cur.head.lemma_ in INCITEMENT_HEADS:
            return cur.head.lemma_
        if cur.dep_ in ("xcomp", "conj") and cur.head.pos_ in ("VERB", "AUX"):
            nested = nested or cur.dep_ == "xcomp"
            cur = cur.head
            continue
        if by_gerund(cur):
            cur = cur.head.head  # "could retaliate by cutting gas supplies"
            continue
        break
    return None
