"""Pronouns back to actors: "they", "them", "their", "it", "its", "he", "him", "his", "she", "her".

A rule-based resolver in the spirit of Lappin and Leass (1994), kept deliberately cautious:

1. candidates are the mentions of actors before the pronoun, in its sentence and the ``WINDOW`` sentences
   before it within the same paragraph;
2. agreement filters them: kind (person / group / organisation / state), number (the head noun's tag: "the
   militias" are plural, "the army" singular; a person is singular unless an unnamed plural role such as
   "officials"), gender (an actor already called "she", or "Mrs X", is no "he");
3. binding: a pronoun object is never its own clause's subject ("the army attacked them");
4. salience ranks the rest: same sentence > previous sentences; subjects > possessors and by-agents > others;
   then recency;
5. no link when two different actors rank within ``MARGIN`` of each other, or when a non-actor noun subject of
   the pronoun's number ("the talks ... they", "the attack ... it") comes between the best candidate and the
   pronoun — a wrong link costs more than a missing one.

Subjects of controlled and embedded verbs need no pronoun: :func:`understood_subject` gives the token whose
actor is the understood subject of an infinitive ("X agreed to withdraw" -> X; "forced them to accept" ->
them).
"""

from __future__ import annotations

import bisect

from spacy.attrs import DEP, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..common import doc_text, sentence_starts
from ..s4_statements.quotes import find_quotes
from .context import paragraph_ids
from .coref_lexicon import CorefLexicon, PronounFeatures
from .gender import first_name_gender
from .mentions import Mention
from .resolve import Draft
from .syntax import head_of, lift_conj

WINDOW = 2  # previous sentences searched
SPEAKER_WINDOW = 3  # more sentences back for a quoted paragraph's speaker
MARGIN = 2.0  # a runner-up this close to the best candidate makes the pronoun ambiguous
SUBJECT = frozenset({"nsubj", "nsubjpass"})
OBJECT = frozenset({"dobj", "dative", "pobj", "attr", "oprd"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
NOMINAL = frozenset({"NOUN", "PROPN"})
# adjuncts before the main verb ("During his visit, X ...")
FRONTED = frozenset({"prep", "advcl", "npadvmod"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u2018", "'", "``"})
# The same sets as the ids ``Doc.to_array`` gives (labels that are spaCy symbols have small ids, not
# hashes: get_string_id knows both), to scan a Doc without a Token per word.
_SUBJECT_HASHES = frozenset(get_string_id(d) for d in SUBJECT)
_NOMINAL_IDS = frozenset(POS_IDS[p] for p in NOMINAL)


class _Cand:
    __slots__ = ("draft", "end", "head", "para", "phantom", "sent", "start")

    def __init__(
        self, start: int, end: int, draft: Draft, head: Token, sent: int, para: int, phantom: bool = False
    ) -> None:
        self.start, self.end, self.draft, self.head, self.sent, self.para = (
            start,
            end,
            draft,
            head,
            sent,
            para,
        )
        self.phantom = phantom  # an unresolved pronoun: someone the text refers to whom we could not name


def understood_subject(verb: Token, lex: CorefLexicon) -> Token | None:
    """The token that is the understood subject of an infinitive complement, or None.

    "X agreed to withdraw": withdraw -> X (subject control); "the shelling forced them to accept": accept ->
    them (object control). Follows chains ("X decided to try to leave") and conjoined infinitives."""
    subj_ctl = frozenset(lex.subject_control)
    obj_ctl = frozenset(lex.object_control)
    tok = lift_conj(verb)
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "ccomp") or tok.head.i == tok.i:
            return None
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return None
        if any(c.dep_ in SUBJECT for c in tok.children):
            return next(c for c in tok.children if c.dep_ in SUBJECT)
        matrix = tok.head
        lemma = matrix.lemma_.lower()
        objs = [c for c in matrix.children if c.dep_ in ("dobj", "dative") and c.i < tok.i]
        if lemma in obj_ctl and objs:
            return objs[0]
        if lemma in subj_ctl or (lemma in obj_ctl and not objs):
            subj = [c for c in matrix.children if c.dep_ in SUBJECT]
            if subj:
                return subj[0]
            tok = lift_conj(matrix)  # "decided to try to leave": climb
            continue
        return None
    return None


class PronounResolver:
    def __init__(self, lex: CorefLexicon) -> None:
        self.lex = lex
        self.features: dict[str, PronounFeatures] = {k.lower(): v for k, v in lex.pronouns.items()}
        self.expletive = frozenset(lex.expletive_verbs)
        self.honorifics = {k.lower(): v for k, v in lex.honorifics.items()}
        self._pronoun_hashes = frozenset(get_string_id(k) for k in self.features)
        self.speech = frozenset(lex.speech_verbs)
        self._para_first: dict[int, int] = {}

    def resolve(self, doc: Doc, drafts: list[Draft]) -> None:
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        pronouns = [doc[i] for i, h in enumerate(lowers) if h in self._pronoun_hashes]
        if not drafts or not pronouns:
            return  # first-person pronouns are the statements stage's (s4_statements/first_person.py)
        starts = sentence_starts(doc)
        paras = paragraph_ids(doc, starts)
        taken = bytearray(len(doc))
        for d in drafts:
            for s, e in d.spans:
                taken[s:e] = b"\x01" * (e - s)
        self._para_first = {}
        for i, para in enumerate(paras):
            if para not in self._para_first and not doc[i].is_space:
                self._para_first[para] = i
        numbers = _sentence_numbers(starts)
        sent_no = [numbers[s] for s in starts]
        cands = self._candidates(doc, drafts, starts, paras)
        cand_starts = [c.start for c in cands]
        # Subjects that are no actor: a noun blocks an "it"/"they" of its number ("the talks ... they"), a
        # name we could not resolve blocks "he"/"she" ("el-Sissi said ... He said").
        deps_pos = doc.to_array([DEP, POS]).tolist()
        blockers = [
            i
            for i, (dep, pos) in enumerate(deps_pos)
            if dep in _SUBJECT_HASHES and pos in _NOMINAL_IDS and not taken[i]
        ]
        gender: dict[int, str] = {}  # id(draft) -> m/f, from honorifics, first names and earlier pronouns
        for c in cands:
            if c.draft.kind != "person" or id(c.draft) in gender:
                continue
            g = self.honorifics.get(doc[c.start - 1].lower_) if c.start > 0 else None
            g = g or self.honorifics.get(doc[c.start].lower_)
            words = [w for w in c.draft.first.name.split() if w.lower().strip(".") not in self.honorifics]
            g = g or (first_name_gender(words[0]) if len(words) > 1 else None)
            if g:
                gender[id(c.draft)] = g
        # A third person inside a direct quotation is seldom the one quoted, and often someone the narration
        # has not named next to it ("X attacked Y: 'He ... wants the job'"): it looks only inside the quote.
        found_quotes = [q for q in find_quotes(doc_text(doc)) if q.closed]
        quotes = sorted((q.inner_start, q.inner_end) for q in found_quotes)
        quote_starts = [q[0] for q in quotes]
        for p in pronouns:
            if taken[p.i] or not self._referential(p):
                continue
            feats = self.features[p.lower_]
            k = bisect.bisect_right(quote_starts, p.idx) - 1
            inside = quotes[k] if k >= 0 and p.idx < quotes[k][1] else None
            found = self._best(doc, p, feats, cands, cand_starts, blockers, sent_no, paras, gender, inside)
            how = "pronoun"
            if found is None:
                found = self._cataphor(p, feats, cands, cand_starts, gender)
                how = "cataphora"
            if found is None:
                # an unresolved pronoun still refers to someone: it competes with the actors for later ones
                draft, phantom = Draft(first=Mention(p.i, p.i + 1, "phantom", "", p.lower_)), True
            else:
                draft, phantom = found[0], found[1].phantom
            if found is not None and not phantom:
                draft.link(p.i, p.i + 1, f"{how}:{p.lower_}>{doc[found[1].start : found[1].end].text}")
                taken[p.i] = 1
                if feats.gender:
                    gender.setdefault(id(draft), feats.gender)
            # the pronoun is now a mention too: later pronouns may chain through it
            new = _Cand(p.i, p.i + 1, draft, p, starts[p.i], paras[p.i], phantom)
            at = bisect.bisect_left(cand_starts, p.i)
            cands.insert(at, new)
            cand_starts.insert(at, p.i)

    def _cataphor(
        self,
        p: Token,
        feats: PronounFeatures,
        cands: list[_Cand],
        cand_starts: list[int],
        gender: dict[int, str],
    ) -> tuple[Draft, _Cand] | None:
        """A pronoun in a fronted adjunct refers ahead to the main clause's subject: "During his visit,
        Charlie Sheen said" / "After it seized the town, the army withdrew"."""
        tok, steps = p, 0
        while tok.head.i != tok.i and tok.head.dep_ != "ROOT" and steps < 8:
            tok, steps = tok.head, steps + 1
        verb = tok.head
        if verb.dep_ != "ROOT" or tok.i == verb.i or tok.dep_ not in FRONTED or tok.i > verb.i:
            return None
        subj = next((c for c in verb.children if c.dep_ in SUBJECT), None)
        if subj is None or subj.i <= p.i or subj.i > verb.i:
            return None
        j = bisect.bisect_right(cand_starts, subj.i) - 1
        while j >= 0 and cands[j].start > p.i:
            c = cands[j]
            if c.start <= subj.i < c.end and c.head.i == subj.i:
                if not c.phantom and self._agrees(c, feats, gender):
                    return c.draft, c
                return None
            j -= 1
        return None

    def _opens_with_quote(self, doc: Doc, p: Token, para: int) -> bool:
        """The pronoun is the subject of a speech verb in a paragraph whose first word is a quotation mark."""
        if p.dep_ not in SUBJECT or p.head.lemma_.lower() not in self.speech:
            return False
        first = self._para_first.get(para)
        return first is not None and doc[first].text in QUOTE_MARKS

    def _referential(self, p: Token) -> bool:
        low = p.lower_
        if low == "it":
            # only "it" as the subject of a full verb ("it said", "it killed"); not "it is", "it emerged that"
            return (
                p.dep_ in SUBJECT
                and p.head.pos_ == "VERB"
                and p.head.lemma_.lower() not in self.expletive
                and not any(c.dep_ in ("acomp", "attr") for c in p.head.children)
            )
        if low == "her" and p.dep_ not in ("poss", "dobj", "pobj", "dative"):
            return False
        return p.dep_ not in ("expl", "det") or low in ("its", "their", "his", "her")

    def _candidates(self, doc: Doc, drafts: list[Draft], starts: list[int], paras: list[int]) -> list[_Cand]:
        out: list[_Cand] = []
        for d in drafts:
            for s, e in d.spans:
                out.append(_Cand(s, e, d, head_of(doc, s, e), starts[s], paras[s]))
        out.sort(key=lambda c: (c.start, c.end))
        return out

    def _agrees(self, c: _Cand, feats: PronounFeatures, gender: dict[int, str]) -> bool:
        d = c.draft
        if c.phantom:
            return self.features[c.head.lower_] == feats or (
                self.features[c.head.lower_].gender == feats.gender is not None
            )
        if d.kind not in feats.kinds:
            return False
        if d.kind == "state" and d.first.entry is None:
            return False
        if len(c.head) > 0 and c.head.lower_ in self.features:
            plural = self.features[c.head.lower_].number == "pl"  # a pronoun already in the chain
        elif d.kind == "person":
            plural = d.first.unnamed and c.head.tag_ in PLURAL_TAGS
        elif d.kind == "state":
            plural = False
        else:
            plural = c.head.tag_ in PLURAL_TAGS or lift_conj(c.head) is not c.head
        if d.kind == "organization" and feats.number == "pl" and not plural:
            # "the ministry said they": British usage; allowed only for named organisations
            return d.first.entry is not None or not d.first.unnamed
        if feats.number == "sg" and plural:
            return False
        if feats.number == "pl" and not plural and d.kind in ("person", "state"):
            return False
        if feats.number == "pl" and not plural and d.kind == "group" and d.first.unnamed:
            return False  # "the army ... they": the small model is too unsure of number for this
        return not (feats.gender and gender.get(id(d), feats.gender) != feats.gender)

    def _best(
        self,
        doc: Doc,
        p: Token,
        feats: PronounFeatures,
        cands: list[_Cand],
        cand_starts: list[int],
        blockers: list[int],
        sent_no: list[int],
        paras: list[int],
        gender: dict[int, str],
        inside: tuple[int, int] | None = None,
    ) -> tuple[Draft, _Cand] | None:
        here_para, here_no = paras[p.i], sent_no[p.i]
        scores: dict[int, tuple[float, Draft, _Cand]] = {}
        i = bisect.bisect_left(cand_starts, p.i) - 1
        verb = p.head
        # '"...," he said' in a paragraph that opens with the quotation: the speaker is the one person of the
        # previous paragraph, or the one who spoke there (news quotes someone over several paragraphs)
        speaker = inside is None and feats.gender is not None and self._opens_with_quote(doc, p, here_para)
        before: dict[int, tuple[Draft, _Cand]] = {}  # compatible persons of the previous paragraph
        speakers: dict[int, tuple[Draft, _Cand]] = {}  # ... who are subjects of a speech verb there
        quoted_to = p.i  # in speaker mode: the quotation's words are no candidates
        if speaker:
            while quoted_to > 0 and doc[quoted_to - 1].text not in QUOTE_MARKS:
                quoted_to -= 1
        while i >= 0:
            c = cands[i]
            i -= 1
            dist = here_no - sent_no[c.start]
            if dist > WINDOW + (SPEAKER_WINDOW if speaker else 0):
                break
            if c.para != here_para:
                if not speaker or c.para < here_para - 1:
                    break  # not across paragraphs: a new paragraph's "he" is too often someone new
                if c.draft.kind == "person" and not c.phantom:
                    if gender.get(id(c.draft)) != feats.gender:
                        continue  # across a paragraph only a person known to be of that gender
                    if self._agrees(c, feats, gender):
                        before.setdefault(id(c.draft), (c.draft, c))
                        h = lift_conj(c.head)
                        if h.dep_ in SUBJECT and h.head.lemma_.lower() in self.speech:
                            speakers.setdefault(id(c.draft), (c.draft, c))
                    else:
                        before[-1] = (c.draft, c)  # a person of unknown number: no single speaker
                continue
            if dist > WINDOW or (speaker and c.start < quoted_to):
                continue
            if c.end > p.i:
                continue
            if inside is not None and not inside[0] <= doc[c.start].idx < inside[1]:
                continue  # the pronoun is quoted: no antecedent outside its quotation
            if not self._agrees(c, feats, gender) and not (feats.gender and _maybe_person(c)):
                continue
            chead = lift_conj(c.head)
            if dist == 0 and p.dep_ in OBJECT and _same_clause_subject(chead, p, verb):
                continue  # binding: "the army attacked them"
            if dist == 0 and p.dep_ in ("dobj", "dative") and _understood_is(chead, verb, self.lex):
                continue  # binding through control: "the prince tried to force him to resign"
            if dist == 0 and p.lower_ in ("its", "their", "his", "her") and _in_own_phrase(c, p):
                continue
            score = 10.0 - 4.0 * dist
            if chead.dep_ in SUBJECT:
                score += 4.0
            elif chead.dep_ == "poss" or (chead.dep_ == "pobj" and chead.head.dep_ == "agent"):
                score += 2.0
            elif chead.dep_ in ("dobj", "pobj"):
                score += 0.5
            score -= 0.02 * (p.i - c.end)
            key = id(c.draft)
            if key not in scores or scores[key][0] < score:
                scores[key] = (score, c.draft, c)
        if not scores and len(speakers) == 1:
            draft, cand = next(iter(speakers.values()))
            scores[id(draft)] = (0.0, draft, cand)
        elif not scores and len(before) == 1 and -1 not in before:
            draft, cand = next(iter(before.values()))
            scores[id(draft)] = (0.0, draft, cand)
        if not scores:
            return None
        ranked = sorted(scores.values(), key=lambda x: -x[0])
        best = ranked[0]
        if len(ranked) > 1 and ranked[1][0] > best[0] - MARGIN:
            return None
        if feats.gender and not best[2].phantom and best[1].kind != "person":
            return None  # an NER organisation that may be a person ranks first: no link
        # a non-actor noun subject of the pronoun's number between the antecedent and the pronoun
        lo = bisect.bisect_right(blockers, best[2].end - 1)
        hi = bisect.bisect_left(blockers, p.i)
        for b in blockers[lo:hi]:
            tok = doc[b]
            if tok.head.i == verb.i and p.dep_ in OBJECT:
                continue  # the pronoun's own clause subject cannot be its antecedent anyway
            if feats.gender is None:
                if (
                    tok.pos_ == "NOUN"
                    and tok.ent_type_ == ""
                    and (feats.number == "pl") == (tok.tag_ in PLURAL_TAGS)
                ):
                    return None
            elif tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON"):
                return None
        # cataphora: "after her tweets, JK Rowling ...": a fitting subject later in the pronoun's sentence
        j = bisect.bisect_right(cand_starts, p.i)
        while j < len(cands) and sent_no[cands[j].start] == here_no:
            c = cands[j]
            j += 1
            if (
                c.draft is not best[1]
                and lift_conj(c.head).dep_ in SUBJECT
                and self._agrees(c, feats, gender)
                and (p.dep_ == "poss" or p.head.i != c.head.head.i)
                and _governs(lift_conj(c.head).head, p)
            ):
                return None
        return best[1], best[2]


def _governs(verb: Token, p: Token) -> bool:
    """The pronoun is in the verb's clause ("after her tweets, JK Rowling said"), not in another clause
    coordinated with it ("X was booked for his foul, and Y scored")."""
    tok = p
    for _ in range(12):
        if tok.i == verb.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _maybe_person(c: _Cand) -> bool:
    """An organisation known only from an NER ORG label (no KB entry, no organisation word): NER often tags a
    person so ("el-Sissi said"); it competes for "he"/"she" but is never chosen."""
    return c.draft.first.rule == "ner:ORG" and c.draft.first.entry is None


def _sentence_numbers(starts: list[int]) -> dict[int, int]:
    return {s: n for n, s in enumerate(sorted(set(starts)))}


def _same_clause_subject(chead: Token, p: Token, verb: Token) -> bool:
    """The candidate is the subject of the verb the pronoun is the object of (directly or through a
    preposition)."""
    v = verb.head if p.dep_ == "pobj" and verb.dep_ == "prep" else verb
    return chead.dep_ in SUBJECT and chead.head.i == v.i


def _understood_is(chead: Token, verb: Token, lex: CorefLexicon) -> bool:
    """The candidate is the understood subject of the subjectless infinitive the pronoun is the object of
    (``understood_subject``): "the prince tried to force him" — "him" is not the prince."""
    if any(c.dep_ in SUBJECT for c in verb.children):
        return False
    subj = understood_subject(verb, lex)
    if subj is None:
        # "detained X and tried to force him": up the subject-control verbs, then the coordination
        cur, ctl = verb, frozenset(lex.subject_control)
        for _ in range(6):
            controlled = cur.dep_ == "xcomp" and cur.head.lemma_.lower() in ctl
            if not controlled and (cur.dep_ != "conj" or any(c.dep_ in SUBJECT for c in cur.children)):
                break
            cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in SUBJECT), None) if cur is not verb else None
    return subj is not None and lift_conj(subj).i == chead.i


def _in_own_phrase(c: _Cand, p: Token) -> bool:
    """ "its fighters" cannot refer to the noun it determines ("[their] leaders")."""
    return c.start <= p.head.i < c.end
