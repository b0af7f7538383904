"""Whose word a figure rests on: the speaker of a statement covering it, else "according to X" or a reporting
verb ("officials said", "the UN estimates") governing the figure in its sentence."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..common import actor_at, statement_index
from .lexicon import FiguresLexicon


@dataclass
class Source:
    actor: str | None
    text: str | None
    statement: str | None
    rule: str


def _phrase(tok: Token) -> Span:
    """The noun phrase headed by tok (its subtree, without trailing punctuation or relative clauses)."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "punct", "appos", "cc", "conj", "advcl"):
            break
        right = c.right_edge.i
    return tok.doc[left : right + 1]


def _actor_for(doc: Doc, phrase: Span) -> str | None:
    actor = actor_at(doc, phrase.start_char, phrase.end_char)
    if actor is None:
        root = phrase.root
        actor = actor_at(doc, root.idx, root.idx + len(root.text))
    return actor.id if actor is not None else None


def _according_to(sent: Span, lowers: list[str]) -> Token | None:
    for i in range(sent.start, min(sent.end, len(lowers) - 1)):
        if lowers[i] == "according" and lowers[i + 1] == "to":
            to = sent.doc[i + 1]
            for p in to.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _reporting_verb(num: Token, sent: Span, lex: FiguresLexicon) -> Token | None:
    """The subject of a reporting verb above the figure (the figure in its complement, not its subject)."""
    path = {num.i}
    cur = num
    while cur.head.i != cur.i and cur.head.i >= sent.start:
        cur = cur.head
        path.add(cur.i)
        if cur.lemma_.lower() in lex.source_verbs:
            subj = next((c for c in cur.children if c.dep_ == "nsubj" and c.i not in path), None)
            if subj is not None:
                return subj
    # "20 were killed, officials said": the reporting verb hangs off the clause of the figure
    for tok in sent.root.children:
        if (
            tok.lemma_.lower() in lex.source_verbs
            and tok.i not in path
            and tok.dep_ in ("parataxis", "ccomp")
        ):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and tok.i > num.i:
                return subj
    return None


def resolve(
    doc: Doc, sent: Span, num: Token, start: int, end: int, lex: FiguresLexicon, lowers: list[str]
) -> Source:
    st = statement_index(doc).narrowest(start, end)  # the narrowest statement covering the figure
    if st is not None and (st.speaker or st.speaker_text):
        return Source(st.speaker, st.speaker_text, st.id, f"statement:{st.cue or st.kind}")
    # a statement without a known speaker still names the statement; the sentence may name the source
    st_id = st.id if st is not None else None
    tok = _according_to(sent, lowers)
    if tok is not None:
        phrase = _phrase(tok)
        return Source(_actor_for(doc, phrase), phrase.text, st_id, "according-to")
    subj = _reporting_verb(num, sent, lex)
    if subj is not None:
        phrase = _phrase(subj)
        rule = f"reporting-verb:{subj.head.lemma_.lower()}"
        return Source(_actor_for(doc, phrase), phrase.text, st_id, rule)
    return Source(None, None, st_id, "statement:no-speaker" if st_id else "unsourced")
