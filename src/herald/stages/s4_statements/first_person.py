"""First-person references resolved to the body that speaks (after the statements are found).

- **In a quotation** (a direct statement's quoted words, or a block quotation after "X said:"), "we", "our",
  "us" stand for the speaker's group, as the statements stage resolved the speaker (no second guess):
  the speaker itself when it is a body (organisation, group, state); else the body the speaker belongs to
  (the actor's parent, or a body named in the speaker's own phrase: "Gen. X, commander of U.S. Central
  Command"); else, for a role-holder of a government, the article's state actor of that country ("the
  foreign ministry spokesman said: 'we reject ...'" -> China); else the role-holder itself, whose country and
  sector are the role's. "I", "me", "my" in a quotation are the speaker (a person).
- **In narration**, "we", "our", "us" stand for the body that issued the text, where the text shows one:
  a body speaking for itself in the present tense with a performative verb or adjective ("The United States
  strongly condemns ...", "The Members of the Security Council are encouraged ...": news tells these acts in
  the past tense); in a text with a release header ("Press release", "Statement by ..."), the body the
  header names, or else the first body the narration makes its subject. The latest such body before the
  pronoun is the issuer. A body issues under its proper name or a KB entry ("the government" does not).
  "I" in narration is a person the release header names.
- **In an interview** (a headline with ``interview_markers``: "Wikinews interviews X", "Interview with X",
  "X: an interview") that names one person, "I", "me", "my" in the narration are that interviewee, and the
  second person ("you", "your") of a question paragraph (one ending with "?") is too; the questions' own "I"
  is the interviewer's, who is no actor (rule ``interviewee:<pronoun>>X``).
- **No actor** where the text gives none: a reporter's or columnist's "we" (no issuing body), a generic "we"
  ("we all know", "all of us", "let us"), a quotation whose speaker is unknown, a speaker with no group.

Each link becomes a mention of the actor, with its rule (``quote-group:<how>``, ``quote-speaker``,
``issuer:<how>``), and the actor's rule names the family; a statement whose speaker is such a pronoun ("We
call on all parties ...") takes the actor as its speaker. Lexicon: ``data/lexicons/first_person.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ...knowledge import load_layered_model
from ...schema import Actor, ActorMention, Statement
from ..common import doc_text, mention_index
from .quotes import find_quotes

BODY_KINDS = frozenset({"organization", "group", "state"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PRESENT = frozenset({"VBZ", "VBP"})
PERFECT_AUX = frozenset({"have", "has"})
QUESTION_SENTENCES = 2  # an interview's question paragraph is this short


class FirstPersonLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plural: list[str]
    singular: list[str]
    generic_quantifiers: list[str] = Field(default_factory=list)
    generic_governors: list[str] = Field(default_factory=list)
    release_markers: list[str] = Field(default_factory=list)
    header_lines: int = 4
    institutional_verbs: list[str] = Field(default_factory=list)
    institutional_adjectives: list[str] = Field(default_factory=list)
    excluded_sectors: list[str] = Field(default_factory=list)
    interview_markers: list[str] = Field(default_factory=list)
    second_person: list[str] = Field(default_factory=list)


@functools.lru_cache(maxsize=1)
def first_person_lexicon() -> FirstPersonLexicon:
    """The shipped lexicon with users' ``lexicons/first_person.yaml`` layered over it."""
    return load_layered_model("lexicons/first_person.yaml", FirstPersonLexicon)


@dataclass
class _Issuer:
    at: int  # character offset from which the body speaks
    actors: list[Actor]
    how: str


@dataclass
class _Links:
    """Mentions to add: actor id -> [(start, end, text, rule)]."""

    added: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)
    families: dict[str, list[str]] = field(default_factory=dict)

    def add(self, actor: Actor, tok: Token, rule: str) -> None:
        self.added.setdefault(actor.id, []).append((tok.idx, tok.idx + len(tok.text), tok.text, rule))
        fam = rule.split(":")[0]
        fams = self.families.setdefault(actor.id, [])
        if fam not in fams:
            fams.append(fam)


class _Resolver:
    def __init__(self, doc: Doc, actors: Sequence[Actor], statements: Sequence[Statement]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = first_person_lexicon()
        self.plural = frozenset(self.lex.plural)
        self.singular = frozenset(self.lex.singular)
        self.second = frozenset(self.lex.second_person)
        self.first_person_ids = frozenset(get_string_id(w) for w in self.plural | self.singular | self.second)
        self.actors = list(actors)
        self.by_id = {a.id: a for a in self.actors}
        self.index = mention_index(actors)
        self.statements = list(statements)
        self._quotes: list[tuple[int, int]] | None = None
        self.excluded = frozenset(self.lex.excluded_sectors)

    @property
    def quotes(self) -> list[tuple[int, int]]:
        """The closed quotations' inner ranges (found on first use)."""
        if self._quotes is None:
            self._quotes = [(q.inner_start, q.inner_end) for q in find_quotes(self.text) if q.closed]
        return self._quotes

    # -- which tokens -------------------------------------------------------------------------------------

    def pronouns(self) -> list[Token]:
        lowers = self.doc.to_array(LOWER).tolist()
        wanted = self.first_person_ids
        out = []
        for i, h in enumerate(lowers):
            if h not in wanted:
                continue
            tok = self.doc[i]
            if tok.pos_ != "PRON" or (tok.text.isupper() and len(tok.text) > 1):
                continue  # "US" is the United States
            if tok.lower_ in self.second and tok.dep_ not in (
                "nsubj",
                "nsubjpass",
                "dobj",
                "dative",
                "pobj",
                "poss",
            ):
                continue
            if self.index.covering(tok.idx, tok.idx + len(tok.text)) is not None:
                continue  # already a mention (the actors stage linked it)
            if tok.lower_ in self.plural and self._generic(tok):
                continue
            out.append(tok)
        return out

    def _generic(self, tok: Token) -> bool:
        """ "we all", "all of us", "each of us", "let us": a generic first person."""
        quants = frozenset(self.lex.generic_quantifiers)
        if any(c.lower_ in quants for c in tok.children):
            return True  # "we all know"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in quants:
            return True  # "all of us"
        if tok.dep_ in SUBJECTS and any(
            c.dep_ in ("advmod", "appos", "det", "predet") and c.lower_ in quants for c in tok.head.children
        ):
            return True  # "we have all seen"
        return tok.head.lemma_.lower() in self.lex.generic_governors and tok.dep_ in ("nsubj", "dobj")

    # -- quotations ---------------------------------------------------------------------------------------

    def quoted_in(self, tok: Token) -> Statement | bool | None:
        """The statement whose quoted words hold the token; True when inside a quotation nobody is known to
        have said; None in narration."""
        at = tok.idx
        best: Statement | None = None
        for st in self.statements:
            if any(q.start <= at < q.end for q in st.quotes) and (
                best is None or st.content.end - st.content.start < best.content.end - best.content.start
            ):
                best = st
        if best is not None:
            return best
        if any(lo <= at < hi for lo, hi in self.quotes):
            return True
        for lo, hi, st in self.colon_runs:
            if lo <= at < hi:
                return st
        return None

    @functools.cached_property
    def colon_runs(self) -> list[tuple[int, int, Statement]]:
        """ "Philip Hammond said: The UK has worked ... We are targeting ...": words given after a speaker's
        colon, without quote marks, run to the end of the paragraph (an indirect statement's content is only
        its first clause)."""
        out: list[tuple[int, int, Statement]] = []
        for st in self.statements:
            if st.kind == "direct" or not st.speaker or st.quotes:
                continue
            lead = self.text[st.evidence.start : st.content.start].rstrip()
            if not lead.endswith(":"):
                continue
            end = self.text.find("\n", st.content.start)
            out.append((st.content.start, len(self.text) if end < 0 else end, st))
        return out

    def speaker_phrase(self, st: Statement) -> tuple[int, int] | None:
        if not st.speaker_text:
            return None
        ev = st.evidence
        k = ev.text.find(st.speaker_text)
        return (ev.start + k, ev.start + k + len(st.speaker_text)) if k >= 0 else None

    def _several(self, st: Statement, speaker: Actor) -> bool:
        """An unnamed plural speaker ("officials said", "residents said"): several people, no "I"."""
        if speaker.wikidata is not None or not (speaker.rule or "").startswith("role:"):
            return False
        phrase = self.speaker_phrase(st)
        span = self.doc.char_span(*phrase, alignment_mode="expand") if phrase is not None else None
        return span is not None and span.root.tag_ in ("NNS", "NNPS")

    def speaker_group(self, st: Statement) -> tuple[list[Actor], str] | None:
        """The body a quoted "we" stands for (see the module docstring), with how it was found."""
        speaker = self.by_id.get(st.speaker or "")
        if speaker is None:
            return None
        if speaker.kind in BODY_KINDS:
            return [speaker], "speaker"
        parent = self.by_id.get(speaker.parent or "")
        if parent is not None and parent.kind in BODY_KINDS:
            return [parent], "parent"
        phrase = self.speaker_phrase(st)
        if phrase is not None:
            inside = [
                a
                for a in _unique(self.index.inside(*phrase))
                if a is not speaker and a.kind in BODY_KINDS and a.sector not in self.excluded
            ]
            bodies = [a for a in inside if a.kind != "state"] or inside
            if bodies:
                return [bodies[0]], "speaker-phrase"
        if speaker.country and speaker.sector == "GOV":
            state = next((a for a in self.actors if a.kind == "state" and a.country == speaker.country), None)
            if state is not None:
                return [state], "government"
        if speaker.sector:
            return [speaker], "role"
        return None

    # -- narration ----------------------------------------------------------------------------------------

    def _body(self, tok: Token) -> list[Actor]:
        """The issuing bodies a subject token names (with its conjuncts)."""
        out: list[Actor] = []
        for t in (tok, *tok.conjuncts):
            a = self.index.covering(t.idx, t.idx + len(t.text))
            if a is not None and self._issuing(a) and all(a is not b for b in out):
                out.append(a)
        return out

    def _issuing(self, a: Actor) -> bool:
        """A body that may issue a release: no medium or civilians, a state the KB knows, a group by its
        name (not "the forces", "the militants")."""
        if a.kind not in BODY_KINDS or a.sector in self.excluded:
            return False
        known = a.wikidata is not None or (a.rule or "").startswith("kb:")
        if a.kind == "state" or known:
            return known
        # a body by its proper name ("the Ministry of Defence"), not a common noun ("the government")
        return any(w[:1].isupper() for w in a.name.split() if w.lower() != "the")

    def _in_quote(self, at: int) -> bool:
        return any(lo <= at < hi for lo, hi in self.quotes) or any(
            st.kind == "direct" and st.content.start <= at < st.content.end for st in self.statements
        )

    def header(self) -> tuple[bool, int, list[Actor], Actor | None]:
        """(is a release, end of the header, its bodies, its person)."""
        markers = [m.lower() for m in self.lex.release_markers]
        lines: list[tuple[int, int]] = []
        for m in re.finditer(r"[^\n]+", self.text):
            if m.group().strip():
                lines.append((m.start(), m.end()))
            if len(lines) >= self.lex.header_lines:
                break
        last = -1
        for k, (s, e) in enumerate(lines):
            line = self.text[s:e].lower()
            if len(line.split()) <= 15 and any(re.search(rf"\b{re.escape(mk)}\b", line) for mk in markers):
                last = k
        if last < 0:
            return False, 0, [], None
        # the header runs to the marker line and the short lines right after it ("John Kirby", "Spokesperson")
        end_k = last
        while end_k + 1 < len(lines) and len(self.text[slice(*lines[end_k + 1])].split()) <= 6:
            end_k += 1
        end = lines[end_k][1]
        found = _unique(self.index.inside(0, end))
        bodies = [a for a in found if a.kind in BODY_KINDS and a.sector not in self.excluded]
        person = next((a for a in found if a.kind == "person"), None)
        return True, end, bodies, person

    def interviewee(self) -> tuple[int, Actor | None]:
        """(end of the header, the one person an interview header names)."""
        markers = [m.lower() for m in self.lex.interview_markers]
        # the headline only: a news paragraph's "said in an interview" makes no interview of the article
        lines = [m for m in re.finditer(r"[^\n]+", self.text) if m.group().strip()][:1]
        for m in lines:
            line = m.group().lower()
            if len(line.split()) > 20 or not any(re.search(rf"\b{re.escape(mk)}\b", line) for mk in markers):
                continue
            persons = [a for a in _unique(self.index.inside(m.start(), m.end())) if a.kind == "person"]
            # "Interview with US political activist Noam Chomsky": a role beside the name is no second person
            named = [
                a
                for a in persons
                if not (a.rule or "").startswith("role:") and not self._epithet(a, m.start())
            ]
            persons = named or persons
            if len(persons) == 1 and not self._coordinated(persons[0], m.start(), m.end()):
                return m.end(), persons[0]
            return m.end(), None
        return 0, None

    def _coordinated(self, a: Actor, lo: int, hi: int) -> bool:
        """The person is named with someone else the actors stage missed ("X and Isabel Ruiz")."""
        for x in a.mentions:
            if lo <= x.start < hi:
                after, before = self.text[x.end : hi], self.text[lo : x.start]
                if re.match(r"\s*(?:and|&)\s+[A-Z]", after) or re.search(r"[A-Z]\w*\s+(?:and|&)\s*$", before):
                    return True
        return False

    def _epithet(self, a: Actor, lo: int) -> bool:
        """The person's first header mention is a definite description ("the 'Mets Poet'"), not a name."""
        first = min((x for x in a.mentions if x.start >= lo), key=lambda x: x.start, default=None)
        return first is not None and self.text[max(0, first.start - 6) : first.start].strip(
            " '\"\u2018\u201c"
        ).lower().endswith("the")

    def _question(self, tok: Token) -> bool:
        """The pronoun's paragraph is the interviewer's question: it ends with "?" and is short (an answer
        may end on a question of its own, after several sentences)."""
        lo = self.text.rfind("\n", 0, tok.idx) + 1
        hi = self.text.find("\n", tok.idx)
        hi = len(self.text) if hi < 0 else hi
        if not self.text[lo:hi].rstrip().endswith("?"):
            return False
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        return span is not None and sum(1 for t in span if t.is_sent_start) <= QUESTION_SENTENCES

    def issuers(self, release: bool, header_end: int) -> list[_Issuer]:
        out: list[_Issuer] = []
        verbs = frozenset(self.lex.institutional_verbs)
        adjectives = frozenset(self.lex.institutional_adjectives)
        for sent in self.doc.sents:
            if sent.end_char <= header_end:
                continue
            root = sent.root
            subj = next((c for c in root.children if c.dep_ in SUBJECTS), None)
            if subj is None or root.pos_ not in ("VERB", "AUX", "ADJ"):
                continue
            if self._in_quote(subj.idx) or not subj.text[:1].isupper():
                continue  # a body issues under its name: not "the federal government offers loans"
            bodies = self._body(subj)
            if not bodies:
                continue
            lemma = root.lemma_.lower()
            voiced = _tense(root) == "simple" and (
                lemma in verbs
                or root.lower_ in adjectives
                or any(c.dep_ in ("acomp", "oprd") and c.lower_ in adjectives for c in root.children)
            )
            if voiced:
                out.append(_Issuer(subj.idx, bodies, "present-voice"))
            elif release and not out:
                out.append(_Issuer(subj.idx, bodies, "release-subject"))
        return out

    # -- the pass -----------------------------------------------------------------------------------------

    def run(self) -> _Links:
        links = _Links()
        toks = self.pronouns()
        if not toks:
            return links
        release, header_end, header_bodies, header_person = self.header()
        interview_end, guest = self.interviewee()
        issuers: list[_Issuer] | None = None
        for tok in toks:
            plural = tok.lower_ in self.plural
            where = self.quoted_in(tok)
            if tok.lower_ in self.second:
                # "you" in an interview's question is the interviewee; elsewhere it is no one we can name
                if guest is not None and where is None and tok.idx >= interview_end and self._question(tok):
                    links.add(guest, tok, f"interviewee:{tok.lower_}>{guest.name}")
                continue
            if isinstance(where, Statement):
                if plural:
                    got = self.speaker_group(where)
                    if got is not None:
                        for a in got[0]:
                            links.add(a, tok, f"quote-group:{got[1]}:{tok.lower_}>{a.name}")
                else:
                    speaker = self.by_id.get(where.speaker or "")
                    if speaker is not None and speaker.kind == "person" and not self._several(where, speaker):
                        said = where.speaker_text or speaker.name
                        links.add(speaker, tok, f"quote-speaker:{tok.lower_}>{said}")
                continue
            if where is True or tok.idx < header_end:
                continue
            if not plural:
                if guest is not None and tok.idx >= interview_end and not self._question(tok):
                    links.add(guest, tok, f"interviewee:{tok.lower_}>{guest.name}")
                elif release and header_person is not None:
                    links.add(header_person, tok, f"issuer:header-person:{tok.lower_}>{header_person.name}")
                continue
            if issuers is None:
                issuers = self.issuers(release, header_end)
            before = [i for i in issuers if i.at < tok.idx]
            if before:
                iss = before[-1]
                for a in iss.actors:
                    links.add(a, tok, f"issuer:{iss.how}:{tok.lower_}>{a.name}")
            elif release and header_bodies:
                for a in header_bodies[:1]:
                    links.add(a, tok, f"issuer:header:{tok.lower_}>{a.name}")
        return links


def _unique(actors: Sequence[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def _tense(verb: Token) -> str:
    """simple / progressive / perfect for a present-tense clause; "" otherwise."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes) or any(a.lower_ == "to" for a in auxes):
        return ""
    if any(a.lower_ in PERFECT_AUX and a.tag_ in PRESENT for a in auxes):
        return "perfect"
    if any(a.tag_ in PRESENT and a.lemma_.lower() == "be" for a in auxes):
        return "progressive" if verb.tag_ == "VBG" else "simple"  # "are encouraged": a present passive
    if verb.tag_ in PRESENT and not auxes:
        return "simple"
    if any(a.tag_ in PRESENT and a.lower_ in ("do", "does") for a in auxes):
        return "simple"
    return ""


def resolve_first_person(
    doc: Doc, actors: Sequence[Actor], statements: Sequence[Statement]
) -> tuple[list[Actor], list[Statement]]:
    """The actors with the first-person mentions added, and the statements with a first-person speaker
    resolved (the same lists, as new lists, when nothing was found)."""
    if not actors or len(doc) == 0:
        return list(actors), list(statements)
    links = _Resolver(doc, actors, statements).run()
    if not links.added:
        return list(actors), list(statements)
    new_actors: list[Actor] = []
    token_actor: dict[tuple[int, int], str] = {}
    for a in actors:
        extra = links.added.get(a.id)
        if not extra:
            new_actors.append(a)
            continue
        mentions = list(a.mentions)
        for s, e, text, rule in extra:
            mentions.append(ActorMention(start=s, end=e, text=text, rule=rule))
            token_actor.setdefault((s, e), a.id)
        mentions.sort(key=lambda m: (m.start, m.end))
        rule = "+".join([a.rule or "", *links.families[a.id]]).lstrip("+")
        new_actors.append(a.model_copy(update={"mentions": mentions, "rule": rule}))
    new_statements: list[Statement] = []
    for st in statements:
        if st.speaker is None and st.speaker_text:
            ev = st.evidence
            k = ev.text.find(st.speaker_text)
            span = (ev.start + k, ev.start + k + len(st.speaker_text)) if k >= 0 else None
            who = token_actor.get(span) if span is not None else None
            if who is not None:
                st = st.model_copy(update={"speaker": who})
        new_statements.append(st)
    return new_actors, new_statements
