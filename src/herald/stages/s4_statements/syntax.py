"""Dependency helpers for attribution: speaker noun phrases, cue complements, token ranges."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import CueLexicon

_TRIM = set(",;:—–-\"'“”‘’«»‹›()")
# Symbols the tokenizer marks as punctuation that belong to the number before them ("below 5%").
_UNITS = {"%", "‰", "°"}
_SUBJECTS = ("nsubj", "csubj")
_RELATIVE = {"who", "which", "that", "whom"}
_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
_REFLEXIVE = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
_NO_SOURCE = {"you", "it", "there", "this", "that", "what", "which", "who", "whom", "whoever", "whatever"}
# Links through which a subjectless cue takes the subject of its head ("adding that", "went on to say").
_INHERIT = {"advcl", "xcomp", "conj", "ccomp", "pcomp"}
_AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def trim(doc: Doc, start: int, end: int, *, keep_final: bool = False) -> tuple[int, int]:
    """Token range [start, end) without punctuation, quote marks and spaces at either edge.

    ``keep_final`` keeps a sentence-final . ! ? at the end (quoted content keeps its own full stop)."""
    while start < end:
        first = doc[start]  # one Token object per step (each doc[i] builds a new one)
        if not (first.is_space or first.text in _TRIM or (first.lower_ == "that" and first.dep_ == "mark")):
            break
        start += 1
    while end > start:
        t = doc[end - 1]
        if (
            t.is_space
            or t.text in _TRIM
            or (t.is_punct and t.text not in _UNITS and not (keep_final and t.text in ".!?"))
        ):
            end -= 1
        else:
            break
    return start, end


def skip_cue_adjunct(doc: Doc, rng: tuple[int, int], cue: Token) -> tuple[int, int]:
    """ "said on Tuesday he would ...": a time phrase right after the cue dates the saying, whatever the parse
    attached it to; it is not part of the content."""
    start, end = rng
    if start != cue.i + 1 or doc[start].pos_ != "ADP":
        return rng
    k = doc[start].right_edge.i + 1
    if k >= end - 1 or not all(t.ent_type_ in ("DATE", "TIME") for t in doc[start + 1 : k]):
        return rng
    if doc[k].dep_ not in _CLAUSE_SUBJECTS and doc[k].lower_ != "that":
        return rng
    return trim(doc, k, end)


def subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def is_passive(cue: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in cue.children)


def is_negated(cue: Token) -> bool:
    return any(c.dep_ == "neg" for c in cue.children)


def _negated_before(tok: Token, limit: int) -> bool:
    # "not" after the cue's complement belongs to another phrase the parser hung there ("promising to lift
    # ... ― probably not what Graham had in mind")
    return any(c.dep_ == "neg" and c.i < limit for c in tok.children)


def negated_cue(cue: Token) -> bool:
    """The cue, or the verb a predicate cue hangs on, is negated: "did not say", "weren't sure that",
    "has no way of knowing"."""
    if _negated_before(cue, cue.i):
        return True
    head = cue.head
    if cue.dep_ in ("acomp", "oprd", "xcomp", "dobj", "pobj", "pcomp") and head.i != cue.i:
        if _negated_before(head, cue.i):  # "was not worried": the "not" follows the copula
            return True
        # "no way of knowing", "no intention to": a negative determiner on the noun the cue depends on
        if cue.dep_ in ("pobj", "pcomp") and head.head.i != head.i:
            head = head.head
        return any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
    return any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children) and cue.pos_ == "NOUN"


def speaker_of(
    cue: Token, message_nouns: frozenset[str] = frozenset()
) -> tuple[Token, tuple[int, int]] | None:
    """The speaker of a cue verb: its subject, a passive "by"-agent, the noun a relative clause hangs on,
    (for a subjectless participle or infinitive) the subject of the verb it depends on, or, for "a statement
    saying ...", the author of the statement."""
    doc = cue.doc
    tok = cue
    # "It says the campaign violated ...", "The benefit, it says, would be ...": an active cue's "it" stands
    # for a document or an organisation named before; "it is said" / "it seems" stay sourceless
    active_it = not is_passive(cue) and cue.lemma_ not in ("seem", "appear", "be")
    if cue.dep_ == "acl" and cue.head.lemma_.lower() in message_nouns:
        return _author_of(cue.head)
    agent = _participle_agent(cue)
    if agent is not None:  # "the levels desired by NATO"
        return agent, trim(doc, *subtree_range(agent))
    for _ in range(3):
        if is_passive(tok):
            # "was called a liar by colleagues": the parser may hang the agent on the predicate
            preds = [g for c in tok.children if c.dep_ == "oprd" for g in c.children if g.lower_ == "by"]
            for c in (*tok.children, *preds):
                if c.dep_ == "agent" or c in preds:
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0], trim(doc, *subtree_range(objs[0]))
            return None
        subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
                # "Members of the Syndicate, who said ...": the noun phrase up to its relative clause
                head = tok.head
                return head, trim(doc, head.left_edge.i, tok.left_edge.i)
            if subj.pos_ == "PRON" and subj.lower_ in _NO_SOURCE and not (subj.lower_ == "it" and active_it):
                return None  # "it is said", "this shows", "who says ...?": no source
            partitive = subj.pos_ in ("ADJ", "DET", "NUM") and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in subj.children
            )  # "Many of his supporters believe ...", "Some of them said ..."
            if subj.pos_ not in ("NOUN", "PROPN", "PRON") and not partitive:
                return None  # "less than half-a-year on deal want ...": not a source
            start, end = _np_range(subj)
            if subj.i < cue.i:
                end = min(end, cue.i)  # a parse that hangs the rest of the sentence on the subject
            return subj, trim(doc, start, end)
        if tok.dep_ == "xcomp" and tok.head.i != tok.i:
            # "led the journalist to fear ...", "urged Congress to ...": the object controls the infinitive
            ctrl = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            named = ctrl is not None and any(
                t.pos_ == "PROPN" or t.ent_type_ in _AGENT_ENTS for t in (ctrl, *ctrl.children)
            )
            if ctrl is not None and named and tok.tag_ == "VB":
                return ctrl, trim(doc, *_np_range(ctrl))
        if tok.dep_ in _INHERIT and tok.head.i != tok.i:
            participle = tok.dep_ == "advcl"
            gerund = tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i
            tok = tok.head
            if gerund:
                # "sings to Clinton before asking her", "After saying ..., she was": the gerund's subject is
                # the subject of the verb its preposition modifies
                tok = tok.head
            if participle and tok.dep_ == "ccomp" and tok.head.i != tok.i:
                # "the agency reported that 2,600 birds died, declaring ...": the participle belongs to the
                # reporting clause, not to the reported one
                tok = tok.head
            continue
        return None
    return None


def _author_of(noun: Token) -> tuple[Token, tuple[int, int]] | None:
    """Who issued "a statement (from X)": the object of "from"/"by", else the governing verb's subject."""
    doc = noun.doc
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in ("from", "by"):
            objs = [c for c in p.children if c.dep_ == "pobj"]
            if objs:
                return objs[0], trim(doc, *_np_range(objs[0]))
    # "a Donald Trump tweet attacking ...", "Trump's tweet attacking ...": the name on the noun wrote it
    names = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.ent_type_ in _AUTHOR_ENTS]
    if names:
        return names[-1], trim(doc, *_np_range(names[-1]))
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head  # "in a statement saying ..."
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") or subj.lower_ in _NO_SOURCE:
        return None
    return subj, trim(doc, *_np_range(subj))


_AUTHOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def _np_range(head: Token) -> tuple[int, int]:
    """The noun phrase under ``head``, without a trailing relative clause that contains the cue itself."""
    start, end = subtree_range(head)
    doc = head.doc
    for c in head.children:
        # ", who said ...": a non-restrictive relative clause is not part of the name
        if c.dep_ == "relcl" and c.left_edge.i > start and doc[c.left_edge.i - 1].text == ",":
            end = min(end, c.left_edge.i - 1)
        # "officials on Monday said": a date the parser hung on the subject is not part of it
        if (
            c.dep_ in ("prep", "npadvmod")
            and c.i > head.i
            and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        ):
            end = min(end, c.left_edge.i)
    return start, end


def _finite(verb: Token) -> bool:
    """A finite clause head: a tensed verb or one with a tensed or modal auxiliary."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children
    )


def behind_relative(cue: Token, comp: Token) -> bool:
    """ "she said of the election, in which she was sure Trump would triumph": a clause after a relative
    clause that lies between it and the cue belongs to that relative clause (the parser hung it on the
    cue)."""
    return any(t.dep_ == "relcl" for t in cue.doc[cue.i + 1 : comp.left_edge.i])


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def complement(cue: Token, lex: CueLexicon, cls: str) -> tuple[tuple[int, int], str] | None:
    """The content of a cue verb as a token range, and the rule that found it."""
    doc = cue.doc
    lemma = lex.lemma(cue)
    free = free_relative_content(cue)
    if free is not None:
        return free, "free-relative"
    ccomps = children(cue, "ccomp")
    if ccomps:
        # Prefer a complement after the cue; one before it is the "X happened, police said" order.
        after = [c for c in ccomps if c.i > cue.i and not behind_relative(cue, c)]
        before = [c for c in ccomps if c.i < cue.i]
        if not after and not before:
            return None
        comp = after[0] if after else before[-1]
        rule = "ccomp" if after else "ccomp-preposed"
        opener = comp.left_edge
        timed = opener.lower_ in _TIME_OPENERS and opener.head.i == comp.i
        if timed and not (negated_cue(cue) or lemma in _QUESTION_CUES):
            return None  # "what Liz Wahl said when she resigned": a time clause, not what was said
        # A content clause has its own subject ("found that the strike ..."), or at least a "that"; the
        # parser's other ccomps ("found a launcher", "To see the list, the library posts") are not contents.
        subjects = [c for c in comp.children if c.dep_ in _CLAUSE_SUBJECTS]
        if any(c.lower_ in _REFLEXIVE for c in subjects):
            return None  # "found herself knocked up": a small clause, not a content
        rel = [c for c in subjects if c.lower_ in _RELATIVE and c.i < cue.i]
        if rel and cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
            # "the test, which state media claimed was a success": the clause's subject is the relative
            # pronoun, so the content is the noun it stands for
            return trim(doc, cue.head.left_edge.i, rel[0].i + 1), "relative-subject"
        has_subject = bool(subjects)
        has_mark = any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in comp.children)
        # "think the outreach was phony", "has said single people ... would qualify": the parser took the
        # clause's subject for the cue's object
        objs = [o for o in children(cue, "dobj") if cue.i < o.i < comp.i]
        if not has_subject and after and objs and _finite(comp) and not has_mark:
            return trim(doc, objs[0].left_edge.i, comp.right_edge.i + 1), "ccomp-object-subject"
        if not has_subject and not (after and has_mark):
            return None
        if not after:
            # "Ten people died, police said": the preposed clause opens the sentence and has no "that"
            first = comp.left_edge
            sent_start = cue.sent.start if cue.doc.has_annotation("SENT_START") else 0
            opening = all(t.is_punct or t.is_space for t in cue.doc[sent_start : first.i])
            if has_mark or not opening:
                return None
        start, end = subtree_range(comp)
        for c in comp.children:
            # "..., declaring that ...": a reporting participle hung on the reported clause is not content
            # (", killing 12 people" is, and stays)
            if c.dep_ == "advcl" and c.tag_ == "VBG" and lex.lemma(c) in lex.verbs and c.left_edge.i > start:
                end = min(end, c.left_edge.i)
        return trim(doc, start, end, keep_final=False), rule
    # "said in a statement that 12 civilians had been killed": the parser may hang the "that" clause on the
    # statement noun instead of the cue
    for prep in children(cue, "prep"):
        if prep.i != cue.i + 1 or prep.lower_ not in ("in", "on"):
            continue
        for pobj in children(prep, "pobj"):
            for c in pobj.children:
                marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                clause = c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX")
                if clause and marked and any(x.dep_ in _CLAUSE_SUBJECTS for x in c.children):
                    return trim(doc, *subtree_range(c)), "ccomp-on-noun"
    # "said after the convention he would not accept ...": a time or place adjunct between the cue and its
    # clause makes the parser hang the clause as an adverbial one; without a subordinator it is the content
    if cls in ("speech", "writing", "belief"):
        for adv in children(cue, "advcl"):
            clause_subj = next((c for c in adv.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # the adjunct hangs on the clause or on the cue ("tweeted in the early hours that X was ...")
            adjunct = next(
                (c for c in (*adv.children, *cue.children) if c.dep_ == "prep" and c.i == cue.i + 1), None
            )
            if adv.i < cue.i or clause_subj is None or adjunct is None or clause_subj.i < adjunct.i:
                continue
            if any(c.dep_ == "mark" for c in adv.children) or adv.tag_ in ("VBG", "VBN"):
                continue
            start = clause_subj.left_edge.i
            if start > adjunct.right_edge.i:
                return trim(doc, start, adv.right_edge.i + 1), "ccomp-after-adjunct"
    question = _embedded_question(cue, lemma)
    if question is not None:
        return question, "question"
    if lemma in lex.infinitive_content:
        for x in children(cue, "xcomp"):
            # "proposes allowing parents to deduct ...": a gerund complement is a content as well
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children) or x.tag_ in ("VB", "VBG"):
                if not any(t.pos_ not in ("AUX", "PART") for t in x.subtree):
                    return None  # "the kind of teen he wants to be": no content
                objs = [o for o in children(cue, "dobj") if o.i < x.i]
                start = objs[0].left_edge.i if objs else x.left_edge.i
                return trim(doc, start, x.right_edge.i + 1), "xcomp"
    participle = participle_content(cue, lex, lemma)
    if participle is not None:
        return participle
    same = anaphoric_content(cue, cls)
    if same is not None:
        return same
    relative = relative_content(cue, lex, lemma, cls)
    if relative is not None:
        return relative
    passive = passive_content(cue, lex, lemma)
    if passive is not None:
        return passive
    if lemma in lex.np_predicate and not is_passive(cue):
        pred = predicate_content(cue)
        if pred is not None:
            return pred, "predicate"
        # "Trump attacked Machado", "she blasted him": a verb of criticism aimed at a person is a judgment of
        # that person even without a predicate ("Rebels attacked the checkpoint" is not)
        objs = children(cue, "dobj")
        person = bool(objs) and (objs[0].ent_type_ == "PERSON" or objs[0].lower_ in ("him", "her"))
        if cls == "accusation" and person:
            return trim(doc, *subtree_range(objs[0])), "object-person"
    agent = lemma in lex.np_content_agent
    if (agent or lemma in lex.np_content_document) and lemma not in lex.np_content and not is_passive(cue):
        objs = children(cue, "dobj")
        # "cited Trump's remarks", "endorsed Clinton": the caller checks that a person or group speaks;
        # a place object is an action, not a content ("the rebels rejected Aleppo" is rare, "hailed Kyiv" not)
        if objs and objs[0].ent_type_ not in _PLACE_ENTS and objs[0].pos_ in ("NOUN", "PROPN"):
            obj = objs[0]
            rng = trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
            return rng, "object-agent" if agent else "object-document"
    message = _message_object(cue, lex, lemma)
    if message is not None:
        return message, "object-message"
    if lemma in lex.np_content:
        if is_passive(cue):
            subj = children(cue, "nsubjpass")
            if subj:
                return trim(doc, *subtree_range(subj[0])), "passive-object"
            return None
        objs = children(cue, "dobj")
        if objs:
            obj = objs[0]
            end = obj.right_edge.i + 1
            # "accused Israel of violating ...", "blamed X for Y", "confirmed Wells to miss the opener": what
            # follows the object belongs to the content.
            for c in cue.children:
                if c.i >= end and (
                    c.dep_ in ("xcomp", "ccomp", "oprd")
                    or (c.dep_ == "prep" and c.lower_ in ("of", "for", "over", "as"))
                ):
                    end = c.right_edge.i + 1
            return trim(doc, obj.left_edge.i, end), "object"
    return None


_FREE_RELATIVES = {"what", "whatever"}


def free_relative_content(cue: Token) -> tuple[int, int] | None:
    """ "What Trump called a disaster was the trade deal", "The deal was what the senator called a disaster",
    "What the minister wants is a ceasefire": a free relative ("what X said") equated by "be" with a noun
    phrase; that noun phrase is the content (the relative pronoun alone would say nothing)."""
    rel = any(
        c.dep_ in ("dobj", "oprd") and c.lower_ in _FREE_RELATIVES and c.i < cue.i for c in cue.children
    )
    head = cue.head
    if not rel or head.i == cue.i or head.lemma_ != "be":
        return None
    if cue.dep_ == "csubj":
        other = next((c for c in head.children if c.dep_ in ("attr", "acomp") and c.i > head.i), None)
    elif cue.dep_ in ("ccomp", "attr") and cue.i > head.i:
        other = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
        if other is not None and other.pos_ == "PRON":
            return None  # "That was what she said": the pronoun says no more than "what"
    else:
        return None
    if other is None:
        return None
    return trim(cue.doc, *subtree_range(other))


_TIME_OPENERS = {"when", "while", "whenever"}
_WH_OPENERS = {"when", "whether", "if", "why", "how", "where"}
# Cues that take an embedded question whatever their polarity ("asked if", "wondered when", "explained how").
_QUESTION_CUES = {"ask", "wonder", "explain", "know", "specify", "disclose", "inquire", "question"}


def _embedded_question(cue: Token, lemma: str) -> tuple[int, int] | None:
    """ "have not said when they would take up the bill", "asked if he could leave": a clause opened by a
    wh-word that the parser hung on the cue as adverbial. Only after a negated cue or a cue of asking or
    knowing: "said when he arrived" is a time, not a content."""
    if not (negated_cue(cue) or lemma in _QUESTION_CUES):
        return None
    for adv in children(cue, "advcl"):
        first = adv.left_edge
        subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in adv.children)
        if adv.i > cue.i and first.lower_ in _WH_OPENERS and first.head.i == adv.i and subj:
            return trim(cue.doc, *subtree_range(adv))
    return None


def _message_object(cue: Token, lex: CueLexicon, lemma: str) -> tuple[int, int] | None:
    """ "released an ad showing Trump ...", "sent a letter opposing ...", "wrote a memoir": a verb of writing
    or sending whose object is a message or document noun; the content is the object phrase."""
    if lemma not in lex.np_content_message or is_passive(cue):
        return None
    objs = children(cue, "dobj")
    if not objs or objs[0].lemma_.lower() not in lex.message_objects or objs[0].pos_ != "NOUN":
        return None
    # the message's content must be told ("a letter opposing ...", "a statement that ...", "a memoir of her
    # time"): "issued a statement" or "sent a letter" alone reports an act of sending, not what was said
    told = any(
        c.dep_ in ("acl", "relcl", "ccomp")
        or (
            c.dep_ == "prep"
            and c.lower_ in _MESSAGE_PREPS
            and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)  # "a statement on Monday"
        )
        for c in objs[0].children
    )
    return trim(cue.doc, *subtree_range(objs[0])) if told else None


_MESSAGE_PREPS = {"of", "on", "about", "with", "against"}  # "letters for them" names a recipient


def _participle_agent(cue: Token) -> Token | None:
    """The "by" agent of a passive participle that modifies a noun ("the levels desired by NATO")."""
    if cue.tag_ != "VBN" or cue.dep_ not in ("acl", "advcl") or is_passive(cue):
        return None
    for c in cue.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def participle_content(cue: Token, lex: CueLexicon, lemma: str) -> tuple[tuple[int, int], str] | None:
    """A passive participle with a "by" agent on the noun it describes: "the levels desired by NATO", "Super
    PACs, first authorized by court rulings", "Charter schools remain a favorite, promoted by Trump". The
    content is that noun phrase (the participle's object), the agent is the speaker (:func:`speaker_of`)."""
    if lemma in lex.np_predicate or lex.verbs.get(lemma) == "writing" or _participle_agent(cue) is None:
        # "called to service by the governor": a characterizing verb needs its predicate; "the transcript,
        # published by the Post": publishing a text is no stance on it
        return None
    doc = cue.doc
    if cue.dep_ == "acl" and cue.head.pos_ in ("NOUN", "PROPN") and cue.head.i < cue.i:
        return trim(doc, cue.head.left_edge.i, cue.left_edge.i), "participle"
    subj = next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if cue.dep_ == "advcl" and subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i < cue.i:
        return trim(doc, *_np_range(subj)), "participle"
    return None


def anaphoric_content(cue: Token, cls: str) -> tuple[tuple[int, int], str] | None:
    """ "Mook said as much", "73 percent said the same of Trump", "has said the same thing": a content that
    stands for one given before (PolNeAR marks the phrase itself)."""
    if cls not in ("speech", "writing", "belief"):
        return None
    for c in cue.children:
        if c.i < cue.i or c.dep_ not in ("dobj", "advmod", "npadvmod"):
            continue
        as_much = c.lower_ == "much" and any(x.lower_ == "as" and x.i == c.i - 1 for x in c.children)
        same = c.dep_ == "dobj" and (
            c.lower_ == "same" or any(x.lower_ == "same" and x.i < c.i for x in c.children)
        )
        if as_much:
            return (c.i - 1, c.i + 1), "anaphoric"
        if same:
            return trim(cue.doc, *subtree_range(c)), "anaphoric"
    return None


_OBJECT_RELATIVES = {"which", "that", "whom"}
_RELATIVE_CLASSES = {"speech", "writing", "belief", "intention", "accusation"}


def relative_content(cue: Token, lex: CueLexicon, lemma: str, cls: str) -> tuple[tuple[int, int], str] | None:
    """A cue in a relative clause whose object is the noun the clause modifies: "the test, which state media
    claimed ...", "an explosion that de Blasio described as an intentional act", "the target it pledged",
    "numbers any taxpayer can understand". The content is that noun phrase with its relative pronoun (the
    speaker is the clause's own subject); a relative that is the clause's subject ("who said ...") is the
    speaker, not the content."""
    if cue.dep_ != "relcl" or cls not in _RELATIVE_CLASSES or is_passive(cue):
        return None
    noun = cue.head
    subj = next((c for c in cue.children if c.dep_ in _SUBJECTS), None)
    if noun.pos_ not in ("NOUN", "PROPN") or subj is None or subj.lower_ in _RELATIVE or subj.i > cue.i:
        return None
    objs = children(cue, "dobj")
    rel = [o for o in objs if o.lower_ in _OBJECT_RELATIVES and o.i < subj.i]
    if len(objs) > len(rel) or children(cue, "ccomp", "oprd"):
        return None  # the clause has an object or clause of its own ("the man who told me that ...")
    if lemma in lex.np_predicate and not any(c.lower_ in _PREDICATE_PREPS for c in children(cue, "prep")):
        return None  # "the man she called": a characterizing verb needs its "as" predicate
    if lemma in lex.np_content_message and noun.lemma_.lower() not in lex.message_objects:
        return None  # "the prisoners the group released": only a message is the content of sending
    first = cue.left_edge.i
    if any(t.tag_ == "WRB" for t in cue.doc[first : cue.i]):
        return None  # "a time when some calls ...": a relative adverb, not an object
    if not rel and any(t.lower_ in _RELATIVE or t.tag_ in ("WDT", "WP", "WP$") for t in cue.subtree):
        return None  # "the people whose views he shares": not a plain object relative
    start = noun.left_edge.i
    end = rel[0].i + 1 if rel else noun.i + 1
    if end > first and not rel:
        return None
    return trim(cue.doc, start, end), "relative-object"


def passive_content(cue: Token, lex: CueLexicon, lemma: str) -> tuple[tuple[int, int], str] | None:
    """The passive of a characterizing or object cue: "North Korea is considered a threat", "Oz has been
    called a charlatan by fellow physicians", "Clinton was supported by 42 percent", "The issue was first
    reported by The Washington Post". The content is the passive subject (what PolNeAR marks; the
    predicate would hold the cue). It needs a predicate ("as"-phrase, ``oprd``) or a "by" agent, and the
    object cues need the agent (the caller checks it is a person or group): "the bridge is supported" is no
    stance."""
    if lemma in lex.np_content or not is_passive(cue):
        return None  # np_content passives have their own rule ("passive-object")
    subj = children(cue, "nsubjpass")
    if not subj or subj[0].i > cue.i or subj[0].pos_ not in ("NOUN", "PROPN"):
        return None  # pronoun and relative subjects ("it", "which") are no content of their own
    predicate = any(
        c.i > cue.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and list(c.children)))
        for c in cue.children
    )
    agent = any(c.dep_ == "agent" for c in cue.children)
    if lemma in lex.np_predicate or cue_class_of(lex, lemma) == "belief":
        if not predicate and not (agent and lemma in lex.np_content_agent):
            return None
    elif lemma in lex.np_content_agent or lemma in lex.np_content_document:
        if not agent:
            return None
    else:
        return None
    doc = cue.doc
    return trim(doc, *_np_range(subj[0])), "passive-predicate" if predicate else "passive-agent"


def cue_class_of(lex: CueLexicon, lemma: str) -> str | None:
    return lex.verbs.get(lemma)


_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_PREDICATE_PREPS = {"as", "to", "for"}  # "described X as Y", "likened X to Y", "blasted X for Y"


def predicate_content(cue: Token) -> tuple[int, int] | None:
    """ "called Oz a quack", "described Clinton as a disgrace", "likened the rules to burning the
    Constitution": the object with its predicate (an ``oprd``, an "as"/"to" phrase on the verb or the object,
    or an ``xcomp``); None without a predicate ("called the police")."""
    doc = cue.doc
    objs = children(cue, "dobj")
    if not objs:
        # "called [Trump a pathological liar]": the parser may hang the object inside the predicate
        preds = [c for c in children(cue, "oprd") if c.i > cue.i and c.left_edge.i > cue.i]
        if preds and any(
            t.dep_ in ("nmod", "nsubj", "compound") and t.pos_ == "PROPN" for t in preds[0].lefts
        ):
            return trim(doc, *subtree_range(preds[0]))
        return None
    obj = objs[0]
    end = 0
    for c in (*cue.children, *obj.children):
        if c.i <= obj.i:
            continue
        if c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _PREDICATE_PREPS):
            end = max(end, c.right_edge.i + 1)
    if not end:
        return None
    return trim(doc, obj.left_edge.i, end)


def phrasal_complement(cue: Token, particle: Token) -> tuple[int, int] | None:
    """Content of a phrasal cue: what follows the particle ("called for a ceasefire", "pointed out that")."""
    doc = cue.doc
    ccomps = [c for c in cue.children if c.dep_ == "ccomp" and c.i > particle.i]
    if ccomps:
        return trim(doc, *subtree_range(ccomps[0]))
    # "called on police to release ...": the parser may read the preposition as a particle holding the object
    if particle.dep_ == "prep" or any(c.dep_ == "pobj" for c in particle.children):
        objs = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        end = (
            max(
                objs[-1].right_edge.i,
                max(
                    (
                        c.right_edge.i
                        for c in cue.children
                        if c.i > particle.i and c.dep_ in ("xcomp", "ccomp")
                    ),
                    default=0,
                ),
            )
            + 1
        )
        return trim(doc, particle.i + 1, end)
    return None
