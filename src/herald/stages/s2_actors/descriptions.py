"""Definite descriptions back to named actors: "the army" after "the Nigerian army" or "the IDF", "the
militants" after "Boko Haram", "the president" after "President Bola Tinubu".

A description is a role actor with no country and no name of its own whose first mention is definite ("the",
"this"). It joins the nearest actor before it that has the sector and kind the description asks for
(``descriptions`` in coref.yaml) and a name or a country of its own, in the same or one of the previous
``WINDOW`` sentences; for an office ("the president") the antecedent must hold or be titled with that office,
or have its name written after the description's own words ("the crown prince" -> "Crown Prince Mohammed Bin
Salman");
for a ``same_title`` description its head noun must be in the antecedent's title or name ("the minister" ->
"Tourism minister Prisca Mupfumira", "the registrar" -> "the Registrar of Societies"). A plural description
("the officials") never stands for one person.
The description's mentions become the antecedent's, each with the rule ``definite:<role>``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..common import sentence_starts
from .coref_lexicon import CorefLexicon, Description
from .resolve import Draft

WINDOW = 6  # sentences back


def _sectors(d: Draft) -> set[str]:
    return {x for x in [d.first.sector, *d.first.sectors] if x}


def _named(d: Draft) -> bool:
    m = d.first
    return m.entry is not None or not m.unnamed or m.country is not None


def _fits(d: Draft, want: Description, day: date | None, head: str, written: str = "") -> bool:
    m = d.first
    if want.kinds and m.kind not in want.kinds:
        return False
    if want.countries and m.country not in want.countries:
        return False
    untyped = want.untyped and not _sectors(d) and m.kind == "organization" and m.label == "ORG"
    if want.sectors and not _sectors(d) & set(want.sectors) and not untyped:
        return False
    if want.office:
        office = m.entry.office_at(day) if m.entry is not None and day is not None else None
        titles = " ".join(x for x in [d.title, office.role if office else None, m.title] if x).lower()
        if want.office not in titles and m.role_key != want.role and not written:
            return False
    if want.same_title:
        words = " ".join(x for x in [d.title, m.title, m.name] if x).lower().replace("-", " ").split()
        if head not in words and head + "s" not in words:
            return False
    return _named(d)


def _titled(doc: Doc, s: int, e: int, phrase: str) -> bool:
    """The name mention [s, e) opens with the title ``phrase`` ("Crown Prince Mohammed Bin Salman")."""
    words = phrase.split()
    n = len(words)
    return bool(words) and e - s > n and [t.lower_ for t in doc[s : s + n]] == words


def _clause_verb(doc: Doc, i: int) -> int:
    """The verb governing token ``i`` (its nearest verbal ancestor), or the sentence root."""
    tok = doc[i]
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok.i
        tok = tok.head
    return tok.i


def _clause_mate(doc: Doc, other: Draft, s0: int, e0: int) -> bool:
    """Binding: a description is not a mention of an actor named in its own clause ("Kurdish fighters
    recaptured the town from the militants": the militants are someone else)."""
    verb = _clause_verb(doc, e0 - 1)
    sent = doc[s0].sent
    return any(
        sent.start <= s < sent.end and s != s0 and _clause_verb(doc, e - 1) == verb for s, e in other.spans
    )


def link_descriptions(doc: Doc, drafts: list[Draft], lex: CorefLexicon, day: date | None) -> None:
    wants = {w.role: w for w in lex.descriptions}
    definite = frozenset(lex.definite_words)
    todo = [
        d
        for d in drafts
        if d.spans
        and d.first.unnamed
        and (d.first.country is None or "+non-state:" in d.first.rule)
        and d.first.entry is None
        and d.first.owner is None
        and d.first.role_key in wants
    ]
    if not todo:
        return
    starts = sentence_starts(doc)
    sent_no: dict[int, int] = {s: n for n, s in enumerate(sorted(set(starts)))}
    for d in todo:
        s0, e0 = min(d.spans)
        if s0 == 0 or doc[s0 - 1].lower_ not in definite:
            continue  # "rebels", "troops": bare plurals are generic, not references back
        gerund = e0 + 1 < len(doc) and doc[e0 + 1].tag_ == "VBG"  # "accused the army of bombing ..."
        if e0 < len(doc) and doc[e0].lower_ in ("of", "for") and not gerund:
            continue  # "the president of the club": the complement says who, not the story so far
        want = wants[d.first.role_key or ""]
        head_tok = doc[e0 - 1]
        if want.kinds == ["person"] and head_tok.tag_ in ("NNS", "NNPS"):
            continue  # "the officials", "the governors": several people, not the one named before
        head = head_tok.lemma_.lower() if want.same_title else ""
        phrase = " ".join(t.lower_ for t in doc[s0:e0] if t.dep_ != "det")
        here = sent_no[starts[s0]]
        best: tuple[int, Draft] | None = None
        for other in drafts:
            if other is d or not other.spans:
                continue
            # the description's own words written in the antecedent's name ("the crown prince" after
            # "Crown Prince Mohammed Bin Salman"), when the KB has no dated office for it
            written = (
                phrase if want.office and any(_titled(doc, s, e, phrase) for s, e in other.spans) else ""
            )
            if not _fits(other, want, day, head, written):
                continue
            if _clause_mate(doc, other, s0, e0):
                continue
            before = [s for s, _e in other.spans if s < s0 and here - sent_no[starts[s]] <= WINDOW]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), other)
        if best is None:
            continue
        target = best[1]
        for s, e in sorted(d.spans):
            target.link(s, e, f"definite:{want.role}")
        if target.title is None and d.title:
            target.title = d.title
        d.spans.clear()
