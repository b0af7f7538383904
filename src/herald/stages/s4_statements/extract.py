"""Pure functions: Doc -> Statement records (who said, wrote, believes, intends or accuses what).

Order of work (each step records its rule on the statement):

1. a headline of the form "Speaker: content" (:mod:`.headline`);
2. quotations are paired on the raw text (:mod:`.quotes`) and each is attributed by the words right after
   its closing mark (``“A,” he said``), right before its opening mark (``He said: “A”``), or, for the second
   half of a split quotation (``“A,” he said, “B.”``), by the first half (a second statement, ``continues``);
3. ``X said:`` at a paragraph end makes the next paragraph a block quotation;
4. cue verbs from the lexicon outside quotations give indirect (``X said that ...``) and mixed (``X said the
   draft 'dodged the issue'``) statements; "according to X" and phrasal cues ("called for") likewise;
5. quotations of a full clause left without attribution: they inherit the speaker of the statement right
   before them when nothing but other quotations lies in between, else they keep no speaker.

Short quoted fragments outside any attributed content ("the so-called 'peace plan'") are scare quotes, not
statements.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import partial

from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...schema import Actor, Statement
from ...schema import Span as TextSpan
from ..common import actor_for_token, actors_at, doc_text, mention_index, meta, token_texts
from ..opponents import opposing_noun
from .agreement import agrees
from .found import Found
from .headline import headline_statement
from .layout import Turn, after_label, dash_signature, interview_role, transcript_turn, transcript_turns
from .lexicon import CueLexicon, cue_lexicon
from .quotes import Quote, find_quotes
from .syntax import (
    behind_relative,
    complement,
    is_negated,
    is_passive,
    negated_cue,
    phrasal_complement,
    skip_cue_adjunct,
    speaker_of,
    subtree_range,
    trim,
)

_ATTRIB_WINDOW = 12  # tokens after a closing mark searched for "he said"
_BEFORE_WINDOW = 10  # tokens before an opening mark searched for "he said:"
_MIN_CLAUSE_TOKENS = 4
_MIN_CONTENT_TOKENS = 2  # "to take" is too little to be a content
_MIN_PHRASE_TOKENS = 8  # a verbless quotation this long is still a quotation, not a scare quote
_SENT_END = {".", "!", "?"}
# Words opening the writer's own contrast after an "according to X" phrase.
_CONTRAST = {"though", "although", "but", "while", "whereas", "however", "yet"}
# Words opening a clause the parser may hang on a cue as ccomp although it is adverbial ("said after ...").
_ADVERBIAL = {"after", "before", "when", "while", "as", "because", "since", "until", "once", "if"}
_ACCORDING = get_string_id("according")
_COLON = get_string_id(":")
_OPEN_CONT = {",", ":", "—", "–", "-", ";"}


class _Context:
    """Per-Doc lookups shared by the rules."""

    def __init__(self, doc: Doc, lex: CueLexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex
        # Transcript turns are quotations of their own: a quotation mark pairing that runs across turns
        # (``"WALLACE: ...`` / ``"PENCE: ...``, one mark per paragraph) is no one's words, and marks
        # inside a turn quote within it.
        self.turns: list[Turn] = transcript_turns(self.text, lex.headline_labels)
        regions = [t.span for t in self.turns]
        own = [
            Quote(start=a, end=b, inner_start=a, inner_end=b, family="turn")
            for t in self.turns
            for a, b in t.parts
        ]
        self.quotes = sorted(
            [
                q
                for q in find_quotes(self.text)
                if q.depth == 0 and not any(q.start < hi and lo < q.end for lo, hi in regions)
            ]
            + own,
            key=lambda q: q.start,
        )
        # token index -> index of the top-level quotation containing it (marks included), or -1
        # Token attributes read as arrays: creating a Token object per position is the stage's main cost.
        arr = doc.to_array([IDX, LEMMA, LOWER, POS])
        self.starts: list[int] = arr[:, 0].tolist() if len(doc) else []
        self.lemmas: list[int] = arr[:, 1].tolist() if len(doc) else []
        self.lowers: list[int] = arr[:, 2].tolist() if len(doc) else []
        # the common nouns, for the cue-noun rules (no Token object for the other words)
        noun = POS_IDS["NOUN"]
        pos_ids: list[int] = arr[:, 3].tolist() if len(doc) else []
        self.nouns = [i for i, pos in enumerate(pos_ids) if pos == noun]
        self.quote_of: list[int] = [-1] * len(doc)
        qi = 0
        for i, idx in enumerate(self.starts):
            while qi < len(self.quotes) and self.quotes[qi].end <= idx:
                qi += 1
            if qi < len(self.quotes) and self.quotes[qi].start <= idx < self.quotes[qi].end:
                self.quote_of[i] = qi
        self.used_cues: set[int] = set()
        # Token.sent walks the Doc on every call: index the sentences once.
        self.sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.par_starts = [0] + [m.end() for m in re.finditer(r"\n+", self.text)]

    def sent(self, i: int) -> Span:
        return self.sents[self.sent_of[i]]

    def token_at(self, char: int) -> int:
        """Index of the token holding (or nearest before) a character offset."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def paragraph(self, char: int) -> tuple[int, int]:
        """Character bounds of the paragraph (line) holding ``char``."""
        k = bisect.bisect_right(self.par_starts, char) - 1
        start = self.par_starts[k]
        nl = self.text.find("\n", start)
        return start, len(self.text) if nl < 0 else nl

    def clip(self, rng: tuple[int, int], around: Token) -> tuple[int, int]:
        """A token range cut to the paragraph of ``around`` (the parser's sentences can run over a break)."""
        lo, hi = self.paragraph(around.idx)
        start, end = rng
        while start < end and self.doc[start].idx < lo:
            start += 1
        while end > start and self.doc[end - 1].idx >= hi:
            end -= 1
        return trim(self.doc, start, end) if (start, end) != rng else rng

    def tok_range(self, q: Quote) -> tuple[int, int]:
        """Token indices [first, last] of a quotation's marks."""
        if not len(self.doc) or q.end <= q.start:
            return -1, -1
        return self.token_at(q.start), self.token_at(q.end - 1)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Character range of the token range [start, end)."""
        doc = self.doc
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _content_of_quote(text: str, q: Quote) -> tuple[int, int]:
    """The quotation's inner text without edge whitespace and a trailing comma/colon."""
    start, end = q.inner_start, q.inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _is_clause(doc: Doc, first: int, last: int) -> bool:
    """A quotation long enough and verbal enough to be a statement rather than a scare quote or title."""
    toks = [t for t in doc[first + 1 : last] if not t.is_punct and not t.is_space]
    if len(toks) < _MIN_CLAUSE_TOKENS:
        return False
    return len(toks) >= _MIN_PHRASE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in toks)


def _cue_class(tok: Token, lex: CueLexicon) -> str | None:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB") and not _verb_as_noun(tok):
        return None
    return lex.verbs.get(lex.lemma(tok))


def _after_attribution(ctx: _Context, q: Quote, last: int) -> tuple[Token, int] | None:
    """The cue verb of ``“...,” he said`` / ``“...,” said X`` right after a quotation, and the token where the
    attribution ends."""
    doc = ctx.doc
    i = last + 1
    while i < len(doc) and (doc[i].text in _OPEN_CONT or doc[i].is_space):
        if "\n" in doc[i].text:
            return None
        i += 1
    start = i
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    ends_sentence = bool(inner) and inner[-1] in ".…" and last + 1 < len(doc) and doc[last + 1].text != ","
    j = start
    while j < len(doc) and j - start < _ATTRIB_WINDOW:
        t = doc[j]
        if ctx.quote_of[j] >= 0 or "\n" in t.whitespace_ or "\n" in t.text or t.text in _SENT_END:
            break
        cls = _cue_class(t, ctx.lex)
        if cls is not None:
            if any(
                c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that", "if", "whether") for c in t.children
            ):
                return None  # "would be "improper" for him to speak on ...": an infinitive, no attribution
            before = [x for x in doc[start:j] if not x.is_punct]
            if any(x.pos_ in ("VERB", "AUX") and not _name_like(x) for x in before):
                return None
            if any(x.dep_ == "cc" or x.lower_ in _COORD for x in before):
                return None  # "“justice for Terrence,” but pledged to ...": a coordinated verb, not "he said"
            if any(x.dep_ == "mark" or x.tag_ in ("WP", "WDT") for x in (*before, *t.children)):
                return None  # "..., while 73 percent said ...", "against what the campaign sees as ..."
            participle = t.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass", "nsubj") for c in t.children
            )
            if (
                participle
                and not before
                and (cls not in ("speech", "writing") or t.lemma_ in ctx.lex.np_predicate)
            ):
                return None  # "... as “false,” compared to 11%": a participle phrase, not "he said"
            if _own_object(ctx, t, cls):
                return None  # "... a “strong leader,” comparing him to Obama": the cue has its own content
            if len(before) > 6 and not _appositive_subject(before, t):
                return None
            if ends_sentence and (before and before[0].is_title and before[0].pos_ != "PRON"):
                return None  # "... end." Police said that ...: a new sentence with its own content
            if any(
                _content_clause(c)
                for c in t.children
                if c.dep_ == "ccomp" and c.i > j and ctx.quote_of[c.i] < 0 and not behind_relative(t, c)
            ):
                return None  # the verb has its own that-clause: not an attribution of this quote
            return t, j
        if t.pos_ in ("VERB", "AUX") and not _name_like(t):
            return None
        j += 1
    return None


_COORD = {"and", "but", "or", "nor", "yet"}


def _verb_as_noun(tok: Token) -> bool:
    """ "Trump claims that ...", "Polls show he ...": a verb the tagger took for a plural noun, told by the
    clause the parser still hung on it (a subject and a complement clause)."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NN"):
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"ccomp", "xcomp"})


def _own_object(ctx: _Context, cue: Token, cls: str) -> bool:
    """Whether a cue after a quotation governs a content of its own after it: an infinitive or predicate
    ("urged North Korea to resume ...", "called the plan a disaster"), or an object that is a content for this
    verb ("comparing him ...", "attacked the media"), not a speech verb's addressee ("told reporters")."""
    lex = ctx.lex
    lemma = lex.lemma(cue)
    content_object = (
        lemma in lex.np_content
        or lemma in lex.np_predicate
        or lemma in lex.np_content_agent
        or cls not in ("speech", "writing")
    )
    for c in cue.children:
        if c.i <= cue.i or ctx.quote_of[c.i] >= 0:
            continue
        if c.dep_ in ("xcomp", "oprd"):
            return True
        if c.dep_ == "dobj" and content_object:
            # "“...,” reports Engadget": an inverted subject the parser took for an object
            inverted = (
                cls in ("speech", "writing")
                and not any(k.dep_ in ("nsubj", "nsubjpass") for k in cue.children)
                and c.pos_ == "PROPN"
            )
            if not inverted:
                return True
    return False


_MAX_APPOSITIVE = 18  # words of "Vann R. Newkirk II, a writer for The Atlantic, said"


def _appositive_subject(before: list[Token], cue: Token) -> bool:
    """ "“...,” Vann R. Newkirk II, a writer for The Atlantic, said": a longer subject between a quotation and
    its cue is fine when it is a name with its description (the cue's subject opens it, nothing is a verb)."""
    if len(before) > _MAX_APPOSITIVE:
        return False
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i >= before[0].i and before[0].is_title


def _name_like(t: Token) -> bool:
    """A capitalised word the tagger took for a verb inside a name ("Tulsa police Chief ..."): not a verb."""
    return (
        t.is_title
        and t.dep_ in ("compound", "dep", "advcl", "nsubj", "npadvmod")
        and t.i > 0
        and (
            t.doc[t.i - 1].is_punct
            or t.doc[t.i + 1 if t.i + 1 < len(t.doc) else t.i].pos_ in ("NOUN", "PROPN")
        )
    )


def _content_clause(comp: Token) -> bool:
    """A ccomp that is a real complement clause (own subject or "that"), not a mis-hung adverbial."""
    if comp.left_edge.lower_ in _ADVERBIAL:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "mark" and c.lower_ == "that")
        for c in comp.children
    )


def _before_attribution(ctx: _Context, first: int) -> Token | None:
    """The cue verb of ``He said: “...”`` / ``He told reporters, “...”`` right before a quotation."""
    doc = ctx.doc
    if first <= 0:
        return None
    sent_start = ctx.sent(first).start
    j = first - 1
    lo = max(sent_start, first - _BEFORE_WINDOW)
    between: list[Token] = []
    while j >= lo:
        t = doc[j]
        if ctx.quote_of[j] >= 0 or "\n" in t.whitespace_:
            return None
        cls = _cue_class(t, ctx.lex)
        if cls is not None:
            words = [x for x in between if not x.is_punct]
            if any(x.pos_ in ("VERB", "AUX") or (x.lower_ == "that" and x.dep_ == "mark") for x in words):
                return None
            if words and not (between and between[0].text in (":", ",")):
                # "told reporters “...”" is fine; "said the draft “...”" is a mixed quotation
                if not all(
                    x.dep_
                    in (
                        "dobj",
                        "dative",
                        "pobj",
                        "prep",
                        "compound",
                        "det",
                        "amod",
                        "npadvmod",
                        "advmod",
                        "nummod",
                        "poss",
                    )
                    and x.head.i <= first
                    for x in words
                ):
                    return None
                if any(x.dep_ == "dobj" and x.i > first for x in t.children):  # not a scan to the end
                    return None
            return t
        if t.pos_ in ("VERB", "AUX") or t.text in _SENT_END:
            return None
        between.insert(0, t)
        j -= 1
    return None


def _attach_speaker(ctx: _Context, found: Found, cue: Token) -> bool:
    if _as_participle(cue) and not any(c.dep_ == "agent" for c in cue.children):
        return False  # "Patriot failed as predicted": Patriot predicted nothing
    sp = speaker_of(cue, ctx.lex.message_nouns)
    if sp is None:
        return False
    head, (s, e) = sp
    doc = cue.doc
    if ctx.quote_of[head.i] >= 0 and ctx.quote_of[cue.i] < 0:
        return False  # "“... Full panic mode,” said Wimes": the parse took a quoted noun for the subject
    lo, hi = sorted((head.idx, cue.idx))
    if "\n" in ctx.text[lo:hi]:
        return False  # the parser ran a sentence over a paragraph break
    # Keep the noun phrase inside the head's paragraph.
    for k in range(s, min(head.i, e)):
        if "\n" in doc[k].whitespace_ or "\n" in doc[k].text:
            s = k + 1
    for k in range(max(head.i, s), e - 1):
        if "\n" in doc[k].whitespace_ or "\n" in doc[k].text:
            e = k + 1
            break
    s, e = trim(doc, s, e)
    if e - s > 2 and doc[e - 1].like_num and doc[e - 1].dep_ == "appos" and doc[e - 2].text == ",":
        s, e = trim(doc, s, e - 2)  # "President Biden, 81, said": the age is no part of the name
    if e <= s:
        return False
    opened = sum(t.text == "(" for t in doc[s:e]) - sum(t.text == ")" for t in doc[s:e])
    if opened > 0 and e < len(doc) and doc[e].text == ")":
        e += 1  # "Gov. Pat McCrory (R)": keep the party label whole
    found.speaker = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
    found.speaker_head = head
    found.tokens.extend((s, e - 1))
    return True


def _fallback_speaker(ctx: _Context, found: Found, start: int, end: int) -> None:
    """Speaker from the plain words of the attribution when the parse gives the cue no subject."""
    s, e = trim(ctx.doc, start, end)
    words = [t for t in ctx.doc[s:e]]
    if 0 < len(words) <= 6 and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
        found.speaker = ctx.chars(s, e)
        heads = [t for t in words if t.head.i < s or t.head.i >= e or t.head.i == t.i]
        found.speaker_head = heads[0] if heads else words[-1]
        found.tokens.extend((s, e - 1))


def _direct_quotes(ctx: _Context, out: list[Found], by_quote: dict[int, Found]) -> None:
    """Step 1: attributed quotations (and the second halves of split ones)."""
    doc = ctx.doc
    for qi, q in enumerate(ctx.quotes):
        if qi in by_quote:
            continue
        first, last = ctx.tok_range(q)
        if first < 0:
            continue
        content = _content_of_quote(ctx.text, q)
        if content[1] <= content[0]:
            continue
        cue: Token | None = None
        rule = ""
        after = _after_attribution(ctx, q, last) if q.closed else None
        end_tok = last
        if after is not None:
            cue, end_tok = after
            rule = "quote-then-cue"
        else:
            cue = _before_attribution(ctx, first)
            rule = "cue-then-quote"
            # Only speech and writing verbs introduce a quotation directly ("said: “...”"); "showed 'political
            # will'" quotes a phrase, which the cue rules see as a mixed statement.
            if cue is not None and (
                ctx.lex.verbs.get(ctx.lex.lemma(cue)) not in ("speech", "writing")
                or ctx.lex.lemma(cue) in ctx.lex.np_predicate  # "a group called “...”" names, not quotes
            ):
                cue = None
        if cue is None:
            continue
        kind = "direct"
        verbatim = content
        if not _starts_sentence(ctx, first):
            if rule != "quote-then-cue" or ctx.quote_of[ctx.sent(first).start] >= 0:
                # "Protesters chanted "What curfew?"": a quotation right after its speech cue that ends the
                # sentence is what was said, clause or not
                adjacent = all(t.is_punct for t in doc[cue.i + 1 : first]) and rule == "cue-then-quote"
                if not _is_clause(doc, first, last) and not (adjacent and _ends_sentence(ctx, last)):
                    continue  # a phrase quoted mid-sentence whose cue governs something else
            else:
                # "Kids can ... by 'dragging and dropping reactions,' reports Engadget": the sentence up to
                # the closing mark is the content, the quotation its verbatim part.
                lo = max(ctx.sent(first).start_char, ctx.paragraph(q.start)[0])
                while lo < q.start and ctx.text[lo].isspace():
                    lo += 1
                kind, content = "mixed", (lo, q.end)
        found = _cued(ctx, content, kind, rule, cue, [first, last, cue.i], verbatim)
        if not _attach_speaker(ctx, found, cue) and rule == "quote-then-cue":
            if cue.i > last + 1:  # “...,” the minister said
                _fallback_speaker(ctx, found, last + 1, cue.i)
            if found.speaker is None:  # “...,” said the minister
                k = cue.i + 1
                while k < len(doc) and not doc[k].is_punct and k - cue.i < 6:
                    k += 1
                _fallback_speaker(ctx, found, cue.i + 1, k)
        found.rule += f":{ctx.lex.lemma(cue)}"
        ctx.used_cues.add(cue.i)
        out.append(found)
        by_quote[qi] = found
        # “A,” he said, “B.”: the next quotation continues this one.
        if rule == "quote-then-cue" and qi + 1 < len(ctx.quotes) and qi + 1 not in by_quote:
            nq = ctx.quotes[qi + 1]
            nfirst, nlast = ctx.tok_range(nq)
            gap = [t for t in doc[end_tok + 1 : nfirst] if ctx.quote_of[t.i] < 0]
            if (
                nfirst > end_tok
                and not any(t.text in _SENT_END or "\n" in t.whitespace_ for t in gap)
                and all(t.dep_ != "ROOT" or t.i == cue.i for t in gap)
                and len(gap) <= 12
                and (not gap or gap[-1].text in _OPEN_CONT)
            ):
                ncontent = _content_of_quote(ctx.text, nq)
                if ncontent[1] > ncontent[0]:
                    srule = f"split-quote:{ctx.lex.lemma(cue)}"
                    cont = _cued(ctx, ncontent, "direct", srule, cue, [nfirst, nlast, cue.i], ncontent)
                    cont.speaker, cont.speaker_head, cont.continues = found.speaker, found.speaker_head, found
                    out.append(cont)
                    by_quote[qi + 1] = cont


def _cued(
    ctx: _Context,
    content: tuple[int, int],
    kind: str,
    rule: str,
    cue: Token,
    tokens: list[int],
    verbatim: tuple[int, int],
) -> Found:
    """A statement of quoted words introduced by a cue verb (class from the lexicon, speech by default)."""
    return Found(
        content=content,
        kind=kind,
        rule=rule,
        cue=cue,
        cue_text=cue.text,
        cue_class=ctx.lex.verbs.get(ctx.lex.lemma(cue), "speech"),
        tokens=tokens,
        quotes=[verbatim],
    )


def _colon_blocks(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """``The ministry said:`` at a paragraph end: the next paragraph (or the quotation opening it) is the
    content, as in block quotations of statements."""
    doc = ctx.doc
    text = ctx.text
    colon = _COLON
    for i, low in enumerate(ctx.lowers):
        if low != colon or ctx.quote_of[i] >= 0:
            continue
        tok = doc[i]
        k = tok.idx + 1
        while k < len(text) and text[k] in " \t":
            k += 1
        if k >= len(text) or text[k] not in "\r\n":
            continue
        cue = None
        j = tok.i - 1
        while j >= ctx.sent(tok.i).start and j > tok.i - 8:
            t = doc[j]
            if t.pos_ in ("VERB", "AUX"):
                if ctx.lex.verbs.get(ctx.lex.lemma(t)) in ("speech", "writing") and j not in ctx.used_cues:
                    cue = t
                break
            j -= 1
        if cue is not None and _lists_other_things(ctx, cue, tok):
            continue
        message = _message_before_colon(ctx, tok) if cue is None else None
        if message is not None:
            cue = message[0] if message[1] is not None else message[0].head
        if cue is None or is_negated(cue):
            continue
        while k < len(text) and text[k].isspace():
            k += 1
        end = text.find("\n", k)
        end = len(text) if end < 0 else end
        if end <= k:
            continue
        qi = next((i for i, q in enumerate(ctx.quotes) if q.start == k), None)
        if qi is not None and qi in done:
            continue
        content = (
            _content_of_quote(ctx.text, ctx.quotes[qi]) if qi is not None else (k, len(text[:end].rstrip()))
        )
        if content[1] <= content[0]:
            continue
        span = doc.char_span(content[0], content[1], alignment_mode="expand")
        if span is None or len(span) < _MIN_CLAUSE_TOKENS:
            continue
        rule = f"cue-colon-block:{ctx.lex.lemma(cue)}"
        # a block quotation is verbatim even without marks
        found = _cued(ctx, content, "direct", rule, cue, [cue.i, tok.i, span.start, span.end - 1], content)
        if message is not None:
            # "The Red Cross provided the following statement:": the statement's words follow
            noun, author = message
            found.rule = f"message-colon-block:{noun.lemma_.lower()}"
            found.cue_text = ctx.text[cue.idx : noun.idx + len(noun.text)]
            found.cue_class = "writing" if noun.lemma_.lower() in ctx.lex.message_nouns else "speech"
            found.tokens.append(noun.i)
            if author is not None:
                s_, e_ = trim(doc, *subtree_range(author))
                found.speaker, found.speaker_head = ctx.chars(s_, e_), author
                found.tokens.extend((s_, e_ - 1))
        if found.speaker is None and not _attach_speaker(ctx, found, cue):
            continue
        ctx.used_cues.add(cue.i)
        out.append(found)
        if qi is not None:
            done[qi] = found


def _lists_other_things(ctx: _Context, cue: Token, colon: Token) -> bool:
    """ "The ministry released the following figures:": the cue's object right before the colon announces
    something other than words said (figures, a list, names)."""
    obj = ctx.doc[colon.i - 1]
    if obj.dep_ != "dobj" or obj.head.i != cue.i or obj.pos_ != "NOUN":
        return False
    lemma = obj.lemma_.lower()
    if lemma in ctx.lex.message_objects or lemma in ctx.lex.noun_cues or lemma in ctx.lex.message_nouns:
        return False
    return any(c.lower_ == "following" for c in obj.children)


_AUTHOR_PREPS = frozenset({"from", "by"})
# the words a message noun may have after it before the colon: "statement to Reuters", "comment on Monday"
_TRAILING = frozenset({"prep", "pobj", "det", "amod", "compound", "poss", "nummod", "npadvmod", "case"})


def _author_in(noun: Token) -> Token | None:
    """ "the full statement from the Red Cross", "this statement by Trump": the author named in the noun's
    "from"/"by" phrase (or in a "by" phrase the parser hung on the active verb that has the noun as object:
    "the website rated this statement by Trump")."""
    preps = list(noun.children)
    verb = noun.head
    if noun.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in verb.children):
        preps += [c for c in verb.children if c.lower_ == "by" and c.i > noun.i]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ in _AUTHOR_PREPS:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and actor_for_token(pobj) is not None:
                return pobj
    return None


def _message_before_colon(ctx: _Context, colon: Token) -> tuple[Token, Token | None] | None:
    """ "X provided the following statement (to Reuters):", "X issued a statement:", "Sanders made the
    following comment:", "Here is the full statement from the Red Cross:": the statement noun
    (message_objects, noun_cues) before a paragraph-final colon, with only its own modifiers after it, and
    the author named in its "from"/"by" phrase if any. Without an author the noun must be the object of a
    verb that gives it out (noun_cue_light_verbs, np_content_message) or be announced with "following".
    None otherwise."""
    doc = ctx.doc
    lex = ctx.lex
    lo = max(ctx.sent(colon.i).start, colon.i - 8)
    for k in range(colon.i - 1, lo - 1, -1):
        noun = doc[k]
        lemma = noun.lemma_.lower()
        if noun.pos_ == "NOUN" and (lemma in lex.message_objects or lemma in lex.noun_cues):
            break
        if noun.dep_ not in _TRAILING:
            return None
    else:
        return None
    if any(
        not (noun.i < t.head.i < colon.i or t.head.i == noun.i or t.head.i == noun.head.i)
        for t in doc[noun.i + 1 : colon.i]
    ):
        return None  # the words after the noun are no modifiers of it or of its verb
    author = _author_in(noun)
    if author is not None:
        return noun, author
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.i in ctx.used_cues:
        return None
    following = any(c.lower_ == "following" for c in noun.children)
    if not following and verb.lemma_.lower() not in lex.noun_cue_light_verbs | lex.np_content_message:
        return None
    return noun, None


def _quotes_in(ctx: _Context, start: int, end: int) -> list[int]:
    return [i for i, q in enumerate(ctx.quotes) if q.start >= start and q.end <= end]


def _classify(ctx: _Context, found: Found, done: dict[int, Found]) -> bool:
    """Set kind and quotes from the quotations inside the content; False if it duplicates a direct quote."""
    cs, ce = found.content
    inside: list[int] = []
    overlapping: list[int] = []
    for i, q in enumerate(ctx.quotes):
        if q.end <= cs or q.start >= ce:
            continue
        # Inside when its words are: the parse often leaves a closing mark or final stop out of the clause.
        ws, we = _words_of(ctx.text, q)
        if ws >= cs - 1 and we > ce and q.closed and i not in done and "\n\n" not in ctx.text[ce : q.end]:
            # "told Fox that "they hit Matt ... . What they are doing ..."": a quotation opened inside the
            # content runs over the parser's sentence end; the content runs to its close
            ce = q.end
            found.content = (cs, ce)
        (inside if ws >= cs - 1 and we <= ce else overlapping).append(i)
    taken = [i for i in inside + overlapping if i in done]
    if taken:
        # "She said fathers ... would not be eligible, and when pressed, she replied, “...”": a content that
        # runs into another statement's quotation ends before it
        cut = _cut_before(ctx, cs, min(ctx.quotes[i].start for i in taken))
        if cut is None or cut >= ce:
            return False
        found.content = (cs, cut)
        return _classify(ctx, found, done)
    if overlapping:
        return False  # the content cuts through a quotation: the parse is not to be trusted
    if not inside:
        found.kind = "indirect"
        return True
    spans = [_content_of_quote(ctx.text, ctx.quotes[i]) for i in inside]
    quoted = [(ctx.quotes[i].start, ctx.quotes[i].end) for i in inside]
    rest = "".join(ch for k, ch in enumerate(ctx.text[cs:ce], cs) if not any(a <= k < b for a, b in quoted))
    if not any(ch.isalnum() for ch in rest):
        found.kind = "direct"
        found.content = spans[0] if len(spans) == 1 else found.content
    else:
        found.kind = "mixed"
        # The content keeps the marks of the quotations it holds.
        found.content = (
            min(cs, *(ctx.quotes[i].start for i in inside)),
            max(ce, *(ctx.quotes[i].end for i in inside)),
        )
    found.quotes = spans
    for i in inside:
        done[i] = found
    return True


_MIN_CLAUSE_WORDS = _MIN_CLAUSE_TOKENS
_JOINT = re.compile(r"[,;]\s+(?:and|but)\s", re.IGNORECASE)
_CUT_TAIL = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|while|when|as)\b)+$", re.IGNORECASE)


def _cut_before(ctx: _Context, start: int, stop: int) -> int | None:
    """The end of a content cut before ``stop``: back over spaces, punctuation and a dangling conjunction, and
    past no clause boundary that leaves fewer than four words."""
    head = ctx.text[start:stop]
    # "..., and when pressed, the mother replied": the clause coordinated before the quotation is its
    # attribution, not part of this content
    joints = [m.start() for m in _JOINT.finditer(head) if len(head[: m.start()].split()) >= _MIN_CLAUSE_WORDS]
    if joints:
        head = head[: joints[-1]]
    m = _CUT_TAIL.search(head)
    end = start + (m.start() if m else len(head))
    if len(ctx.text[start:end].split()) < _MIN_CLAUSE_TOKENS:
        return None
    return end


def _words_of(text: str, q: Quote) -> tuple[int, int]:
    """A quotation's inner range without edge spaces and punctuation."""
    start, end = q.inner_start, q.inner_end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _cue_statements(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """Step 2: indirect and mixed statements from cue verbs, phrasal cues and "according to"."""
    doc = ctx.doc
    lex = ctx.lex
    phrasal_verbs = lex.phrasal_verbs
    wanted = lex.lemma_ids
    according = _ACCORDING
    for i, (lem, lw) in enumerate(zip(ctx.lemmas, ctx.lowers, strict=True)):
        if (
            (lem not in wanted and lw not in wanted and lw != according)
            or ctx.quote_of[i] >= 0
            or i in ctx.used_cues
        ):
            continue
        tok = doc[i]
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = _according_to(ctx, tok)
            if found is not None and _classify(ctx, found, done):
                out.append(found)
            continue
        lemma = lex.lemma(tok)
        if lemma not in lex.verbs and lemma not in phrasal_verbs:
            continue
        cls = _cue_class(tok, lex)
        phrasal = None
        if lemma in phrasal_verbs:
            for c in tok.children:
                key = (lemma, c.lower_)
                # the particle follows the verb, adverbs aside ("called on X", "called Friday for"), not a
                # later adjunct ("called Trump a liar on Monday")
                # "spoke out Tuesday about ...", "asked Clinton about ...": "out", dates and a named or
                # pronoun addressee may stand between the verb and its preposition
                addressee = {
                    t.i
                    for o in tok.children
                    if o.dep_ == "dobj" and o.pos_ in ("PRON", "PROPN")
                    for t in o.subtree
                }
                near = (
                    c.dep_ == "prt"
                    or all(
                        t.pos_ in ("ADV", "PART")
                        or (t.dep_ == "prt" and t.lower_ == "out")  # "spoke out about", not "called in for"
                        or t.ent_type_ in ("DATE", "TIME")
                        or t.i in addressee
                        for t in doc[tok.i + 1 : c.i]
                    )
                )
                if c.dep_ in ("prt", "prep") and key in lex.phrasal and c.i > tok.i and near:
                    phrasal = (c, lex.phrasal[key])
                    break
        if cls is None and phrasal is None:
            continue
        if tok.dep_ in ("amod", "compound") or (is_negated(tok) and not negated_cue(tok)):
            continue  # "the reported figures"; a "not" hung on the cue after its complement: a misparse
        rng: tuple[int, int] | None = None
        if phrasal is not None and _time_object(phrasal[0]):
            phrasal = None  # "voted for the first time", "ruled on Monday": a time, not a content
        if phrasal is not None:
            rng = phrasal_complement(tok, phrasal[0])
            cue_text = f"{tok.text} {phrasal[0].text}"
            cls_name = phrasal[1]
            rule = f"phrasal:{lex.lemma(tok)} {phrasal[0].lower_}"
            cue_idx = [tok.i, phrasal[0].i]
            paren = _parenthetical(ctx, tok, cls_name) if rng is None else None
            if paren is not None:  # "As many experts have pointed out, Mr. Trump is free to ..."
                rng, rule = paren[0], f"cue-{paren[1]}:{lex.lemma(tok)} {phrasal[0].lower_}"
        if rng is None and cls is not None:
            got = complement(tok, lex, cls) or _parenthetical(ctx, tok, cls)
            if got is None:
                continue
            rng, how = got
            cue_text = tok.text
            cls_name = cls
            rule = f"cue-{how}:{lex.lemma(tok)}"
            cue_idx = [tok.i]
        if rng is not None:
            rng = skip_cue_adjunct(doc, ctx.clip(rng, tok), tok)
        if rng is None:
            continue
        # one word is enough for a phrasal cue's named object ("voted for Trump", "called for calm")
        one = (
            (
                phrasal is not None
                or rule.startswith(("cue-object-agent", "cue-object-person", "cue-passive-"))
            )
            and rng[1] - rng[0] == 1
            and doc[rng[0]].pos_ in ("PROPN", "NOUN")
        )  # "endorsed Trump", "I despise Trump"
        if rng[1] - rng[0] < _MIN_CONTENT_TOKENS and not one:
            continue
        # The content must not contain the cue itself (a parse that loops back).
        if rng[0] <= tok.i < rng[1] and not rule.startswith("cue-parenthetical-inside"):
            continue
        found = _indirect(ctx, rng, rule, tok, cls_name, cue_idx, cue_text=cue_text)
        if negated_cue(tok) and rule.startswith(("cue-relative-", "cue-ccomp-preposed")):
            continue  # "the mail they never asked for" describes the mail; "X, he did not say" is no report
        if not _attach_speaker(ctx, found, tok) and not _agentless_passive(tok):
            continue
        agentive = ("cue-object-agent", "cue-predicate", "cue-object-message")
        if rule.startswith(agentive) and not _agentive(found.speaker_head, tok):
            continue  # "the bill welcomes ...", "the data describe ...": no person or group speaks
        if rule.startswith(("cue-passive-agent", "cue-participle")) and not _named_agent(
            found.speaker_head, tok
        ):
            continue  # "the bridge is supported by steel cables": only a person or group holds a stance
        if rule.startswith("cue-object-document") and not _document(found.speaker_head):
            continue  # "troops found a cache": finding a thing is no content
        inside = rule.startswith("cue-parenthetical-inside")  # "X, he said, is Y": the content holds the cue
        if found.speaker is not None and _overlaps(found.speaker, found.content) and not inside:
            continue
        if _classify(ctx, found, done):
            ctx.used_cues.add(tok.i)
            out.append(found)


# Dependents a parenthetical attribution may have besides its subject ("he said", "as police have said in a
# statement", "Mr. Obama often says"): anything else (an object, a clause) is a content of its own.
_PAREN_DEPS = {"nsubj", "aux", "advmod", "neg", "punct", "prep", "npadvmod", "mark", "cc", "prt"}
_PAREN_CLASSES = ("speech", "writing", "belief")


def _parenthetical(ctx: _Context, tok: Token, cls: str) -> tuple[tuple[int, int], str] | None:
    """A cue set into or after the clause it reports, the clause left without a complement link: "Climate
    change, Mr. Obama often says, is the greatest threat" (parataxis), "..., as police have said" (an
    "as"-clause), "People like Scott, he said." (the cue heading a sentence its words trail). The content is
    the rest of the sentence."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if cls not in _PAREN_CLASSES or (subj is None and not _as_participle(tok)):
        return None
    doc = ctx.doc
    sent = ctx.sent(tok.i)
    if tok.dep_ == "parataxis" or (
        tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    ):
        lo, hi = subtree_range(tok)
    elif tok.dep_ == "ROOT" and cls in ("speech", "writing") and subj is not None:
        # "..., he said.": the cue, its subject and adjuncts close the sentence after a comma
        lo, hi = min(subj.left_edge.i, tok.i), tok.i + 1
        for c in tok.rights:
            if c.dep_ in ("advmod", "npadvmod", "prep", "punct"):
                hi = max(hi, c.right_edge.i + 1)
        if lo <= sent.start or doc[lo - 1].text != "," or any(not t.is_punct for t in doc[hi : sent.end]):
            return None
    else:
        return None
    if any(c.dep_ not in _PAREN_DEPS and c.dep_ != "agent" for c in tok.children if c.i >= lo):
        return None
    left = ctx.clip(trim(doc, sent.start, lo), tok)
    right = ctx.clip(trim(doc, hi, sent.end), tok)
    left_n, right_n = left[1] - left[0], right[1] - right[0]
    if left_n >= 2 and right_n >= 2:
        return ctx.clip(trim(doc, sent.start, sent.end), tok), "parenthetical-inside"
    if left_n >= 3 and right_n == 0:
        return left, "parenthetical-after"
    if right_n >= 3 and left_n == 0:
        return right, "parenthetical-before"
    return None


def _as_participle(tok: Token) -> bool:
    """ "As reported by the Times, ...", "Patriot failed as predicted": a reporting participle in an
    "as"-clause (its source is its "by" agent or no one, never the main clause's subject)."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
    )


def _agentless_passive(cue: Token) -> bool:
    """ "Mr. Quiros was accused of ...", "North Korea is considered a threat": a passive cue without a "by"
    agent reports a content whose source the text leaves unnamed (the statement keeps no speaker)."""
    if _as_participle(cue):
        return not any(c.dep_ == "agent" for c in cue.children)
    if not is_passive(cue) or cue.dep_ == "amod" or any(c.dep_ == "agent" for c in cue.children):
        return False
    # "It is said that ...": an impersonal passive names no one and no one's content
    return not any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in cue.children)


def _time_object(particle: Token) -> bool:
    obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in _NOT_AGENT_ENTS or obj.lemma_.lower() in _TIME_NOUNS)


_TIME_NOUNS = {"time", "moment", "day", "week", "month", "year", "occasion"}
_AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_AGENT_PRONOUNS = {"i", "we", "he", "she", "they", "it"}  # "it" of an active cue: a paper, a party


def _agentive(head: Token | None, cue: Token) -> bool:
    """Whether a speaker is a person, group, organisation or state: a named entity of those types, a personal
    pronoun, or a noun the actors stage made an actor ("the senator", "critics"). A bare plural in the present
    tense is a habit, not a statement ("Residents call the district “the zone”")."""
    if head is None:
        return False
    habit = cue.tag_ == "VBP" and cue.pos_ == "VERB"
    if habit and head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "amod") for c in head.children):
        return False
    if head.ent_type_ in _AGENT_ENTS or head.lower_ in _AGENT_PRONOUNS:
        return True
    if head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON", "ORG", "NORP"):
        return True  # a name the NER left untyped ("Cruz")
    if head.pos_ in ("NOUN", "PROPN") and actor_for_token(head) is not None:
        return True
    if head.pos_ == "NOUN" and head.lemma_.lower() not in cue_lexicon().inanimate_heads:
        return (
            True  # "the woman disputes ...", "states are challenging ...": a common noun that can hold a view
        )
    # "Others in the African-American community", "44 percent of voters", "Many of his supporters": a part or
    # share of people named in the phrase
    part = head.lower_ in _PART_WORDS or head.ent_type_ == "PERCENT"
    return (
        part and any(t.ent_type_ in _AGENT_ENTS or t.lower_ in _AGENT_PRONOUNS for t in head.subtree)
    ) or (head.lower_ == "others")


_PART_WORDS = {
    "others",
    "many",
    "some",
    "most",
    "few",
    "all",
    "half",
    "percent",
    "majority",
    "minority",
    "number",
}


def _named_agent(head: Token | None, cue: Token) -> bool:
    """A "by" agent that is a person or group: as :func:`_agentive`, but a bare common noun counts only as an
    actor or a part of a group ("dozens of papers", "42 percent of those responding"), not "steel cables"."""
    if head is None or not _agentive(head, cue):
        return False
    if head.pos_ != "NOUN" or actor_for_token(head) is not None or head.lower_ in _PART_WORDS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _document(head: Token | None) -> bool:
    """ "Polls show ...", "the study found ...": a message or document noun (``message_nouns``) as subject."""
    return head is not None and head.lemma_.lower() in cue_lexicon().message_nouns


def _noun_source(tok: Token, light: frozenset[str]) -> Token | None:
    """The source of a cue noun: its possessor ("Moscow's decision"), a "by"/"from" agent ("a decision by
    Moscow", "a warning from the ministry"), or the subject of a light verb the noun is the object of ("Obama
    made a promise to ...", "the ministry issued a warning that ...")."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        ok = owner.pos_ in ("PROPN", "NOUN", "PRON") and owner.lower_ not in ("its", "their")
        return owner if ok else None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from") and prep.i > tok.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN") and obj.ent_type_ not in _NOT_AGENT_ENTS:
                return obj
    for c in tok.children:
        # "a New York Times report that ...": a name compounded with the noun
        if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN" and c.ent_type_ in _AGENT_ENTS:
            return c
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in light and not is_negated(head):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") and subj.lower_ not in ("it", "this"):
            return subj
    return None


# Entity types that never speak as the agent of a cue noun ("a decision by Friday", "a call from 2015").
_NOT_AGENT_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Prepositions whose object is the content of a cue noun with a source ("Trump's criticism of Clinton",
# "the GOP's call for a wall", "her concerns about the deal").
_NOUN_PREPS = {"of", "about", "over", "on", "for", "against", "with", "to"}


def _noun_content(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """A to-infinitive or that-clause after the cue noun, else the object of a content preposition."""
    comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i), None)
    if comp is not None and comp.pos_ in ("VERB", "AUX"):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
        # "that" opening the clause, whatever the parser called it (a "relcl" reading makes it the object)
        that = any(c.lower_ == "that" and c.i == comp.left_edge.i for c in comp.children)
        clause = that and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children)
        if infinitive or clause:
            return trim(doc, *subtree_range(comp))
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _NOUN_PREPS or prep.i != tok.i + 1:
            continue
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objs and objs[-1].ent_type_ not in _NOT_AGENT_ENTS:
            return trim(doc, prep.i + 1, objs[-1].right_edge.i + 1)
    return None


def _noun_cues(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "Moscow's decision to expel the diplomats", "a decision by Moscow to ...", "the minister's claim that
    the vote was rigged", "Trump's criticism of Clinton", "Obama made a promise to ...": a cue noun with a
    source (see ``_noun_source``) and a content (see ``_noun_content``)."""
    doc = ctx.doc
    nouns = ctx.lex.noun_cues
    if not nouns:
        return
    light = ctx.lex.noun_cue_light_verbs
    for i in ctx.nouns:
        tok = doc[i]
        cls = nouns.get(tok.lemma_.lower())
        if cls is None or ctx.quote_of[tok.i] >= 0 or tok.dep_ == "ROOT":
            continue  # a cue noun heading its sentence is a misparse ("His decision to resign surprised ...")
        owner = _noun_source(tok, light)
        got = _noun_content(doc, tok)
        if got is None or (owner is None and not _that_clause(doc, tok, got)):
            continue  # without a source only a that-clause makes a content ("charges that he ...")
        rng = ctx.clip(got, tok)
        above = {a.i for a in tok.ancestors}
        cut = next((k for k in range(rng[0], rng[1]) if k in above), None)
        if cut is not None:  # a parse that hangs the sentence's own verb under the content
            rng = trim(doc, rng[0], cut)
        # the source without what follows it ("a decision by Moscow to ...")
        if owner is not None:
            s, e = ctx.clip(trim(doc, owner.left_edge.i, owner.i + 1), owner)
        else:
            s, e = tok.i, tok.i + 1  # no speaker: only the bounds checks below
        if rng[1] - rng[0] < 1 or e <= s or _overlaps((s, e), rng):
            continue
        if rng[1] - rng[0] < _MIN_CONTENT_TOKENS and doc[rng[0]].pos_ not in ("PROPN", "NOUN"):
            continue
        rule = f"noun-cue:{tok.lemma_.lower()}"
        speaker = (s, e) if owner is not None else None
        found = _indirect(ctx, rng, rule, tok, cls, [tok.i, s], speaker=speaker, head=owner)
        if _classify(ctx, found, done):
            out.append(found)


_RECEIVED_PREPS = {"for", "about", "over", "of", "on"}
_UNDER_VERBS = {"come", "fall", "be", "remain", "go"}


def _received_content(doc: Doc, tok: Token, verb: Token) -> tuple[int, int] | None:
    """What a received cue noun is about: its "for/about/over/of" object, or one the parser hung on the verb
    after the noun ("faced criticism from Democrats for failing to ...")."""
    for prep in (*tok.children, *verb.children):
        if prep.dep_ == "prep" and prep.lower_ in _RECEIVED_PREPS and prep.i > tok.i:
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs and objs[-1].ent_type_ not in _NOT_AGENT_ENTS:
                return trim(doc, prep.i + 1, objs[-1].right_edge.i + 1)
    return None


def _received_cues(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "Trump has faced questions about his foundation", "The clip has drawn ridicule", "the U.N. came under
    withering criticism for ...": a cue noun its clause's subject receives. The noun's "from" object is the
    source (none when the text names none); the content is what the noun is about, else the subject (what is
    criticised)."""
    doc = ctx.doc
    lex = ctx.lex
    if not lex.noun_cue_receivers:
        return
    for i in ctx.nouns:
        tok = doc[i]
        cls = lex.noun_cues.get(tok.lemma_.lower())
        # Only criticism is received as a judgment of the receiver: "faced questions about their health" or
        # "received support" is an act of others, mostly not reported as theirs.
        if cls != "accusation" or ctx.quote_of[tok.i] >= 0 or any(c.dep_ == "poss" for c in tok.children):
            continue  # "his criticism of ...": an owner is the source, the noun-cue rule's case
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ == "under" and verb.head.lemma_.lower() in _UNDER_VERBS:
            verb = verb.head
        elif tok.dep_ != "dobj" or lex.lemma(verb) not in lex.noun_cue_receivers:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON") or subj.lower_ in _RELATIVE_WORDS:
            continue
        source = next(
            (
                o
                for p in (*tok.children, *verb.children)  # the parser hangs "from" on either
                if p.dep_ == "prep" and p.lower_ == "from" and p.i > tok.i
                for o in p.children
                if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in _NOT_AGENT_ENTS
            ),
            None,
        )
        rng = _received_content(doc, tok, verb) or trim(doc, *subtree_range(subj))
        rng = ctx.clip(rng, tok)
        if rng[1] <= rng[0] or rng[0] <= tok.i < rng[1]:
            continue
        speaker = (
            ctx.clip(trim(doc, source.left_edge.i, source.i + 1), source) if source is not None else None
        )
        if speaker is not None and _overlaps(speaker, rng):
            continue
        rule = f"noun-cue-received:{tok.lemma_.lower()}"
        found = _indirect(ctx, rng, rule, tok, cls, [tok.i, verb.i], speaker=speaker, head=source)
        if _classify(ctx, found, done):
            out.append(found)


_RELATIVE_WORDS = {"who", "which", "that", "whom", "whose", "what"}
_CLAUSE_DEPS = {"ccomp", "acl", "relcl", "advcl", "xcomp"}


def _made_clear(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "Ham made it clear he had major misgivings", "The minister made clear that the border would stay
    closed": "make" with a `make_adjectives` adjective is a speech cue; the clause the parser hung on the
    adjective (or on "make" after it) is the content."""
    doc = ctx.doc
    adjectives = ctx.lex.make_adjectives
    for i in [i for i, w in enumerate(token_texts(doc)) if w.lower() in adjectives]:  # Tokens only there
        adj = doc[i]
        verb = adj.head
        if adj.pos_ != "ADJ" or verb.lemma_.lower() != "make" or verb.i >= adj.i or ctx.quote_of[adj.i] >= 0:
            continue
        clause = next(
            (
                c
                for c in (*adj.children, *verb.children)
                if c.dep_ in ("advcl", "csubj", "ccomp") and c.i > adj.i and c.pos_ in ("VERB", "AUX")
                if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
            ),
            None,
        )
        if clause is None or verb.i in ctx.used_cues:
            continue
        rng = ctx.clip(trim(doc, *subtree_range(clause)), adj)
        if rng[1] - rng[0] < _MIN_CONTENT_TOKENS:
            continue
        rule = f"cue-make:{adj.lower_}"
        found = _indirect(ctx, rng, rule, verb, "speech", [verb.i, adj.i], cue_text=f"{verb.text} {adj.text}")
        if not _attach_speaker(ctx, found, verb) or not _agentive(found.speaker_head, verb):
            continue
        if found.speaker is not None and _overlaps(found.speaker, found.content):
            continue
        if _classify(ctx, found, done):
            ctx.used_cues.add(verb.i)
            out.append(found)


def _misread_verbs(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "Trump claims that he should be the exception", "Sanders Vows To Eliminate Tax Breaks", "House panel
    votes to hold ...": a cue verb's -s form the tagger read as a plural noun heading the sentence, its
    subject read as a compound. The compound is the speaker, the clause hung on the noun the content."""
    doc = ctx.doc
    lex = ctx.lex
    for sent in doc.sents:
        tok = sent.root
        if tok.tag_ not in ("NNS", "NNPS") or not tok.lower_.endswith("s") or tok.i in ctx.used_cues:
            continue
        lemma = lex.forms.get(tok.lower_)
        cls = lex.verbs.get(lemma) if lemma is not None else None
        if cls is None or lemma is None or ctx.quote_of[tok.i] >= 0:
            continue
        comps = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
        if not comps or comps[-1].i != tok.i - 1:
            continue  # the subject must stand right before the verb ("Trump claims")
        clause = next(
            (c for c in tok.children if c.dep_ in _CLAUSE_DEPS and c.i > tok.i and c.pos_ in ("VERB", "AUX")),
            None,
        )
        if clause is None:
            continue
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" and c.i == tok.i + 1 for c in clause.children)
        if not ((that and subject) or (infinitive and lemma in lex.infinitive_content)):
            continue
        head = comps[-1]
        if not _agentive(head, tok):
            continue
        speaker = trim(doc, comps[0].left_edge.i, tok.i)
        rng = ctx.clip(trim(doc, *subtree_range(clause)), tok)
        if rng[1] - rng[0] < _MIN_CONTENT_TOKENS or speaker[1] <= speaker[0]:
            continue
        rule = f"cue-misread-noun:{lemma}"
        found = _indirect(ctx, rng, rule, tok, cls, [tok.i], speaker=speaker, head=head)
        if _classify(ctx, found, done):
            ctx.used_cues.add(tok.i)
            out.append(found)


def _that_clause(doc: Doc, tok: Token, rng: tuple[int, int]) -> bool:
    """Whether a cue noun's content is a that-clause of its own ("charges that he has ...")."""
    return rng[0] > 0 and doc[rng[0] - 1].lower_ == "that" and doc[rng[0] - 1].head.head.i == tok.i


def _agent_noun_holder(tok: Token) -> Token:
    """Who holds the stance of an agent noun: the subject of "be" ("Clinton has been a supporter of NATO"),
    the noun an apposition describes ("Mr. Schultz, a defender of RT"), else the noun itself ("supporters of
    the bill")."""
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_ in ("be", "become", "remain"):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
            return subj
    if tok.dep_ == "appos" and head.pos_ in ("PROPN", "NOUN"):
        return head
    return tok


def _agent_nouns(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "a supporter of NATO", "critics of the deal", "Mr. Schultz, a defender of RT": a noun naming the
    holder of a stance (``agent_nouns`` in ``cues.yaml``) and its "of"/"for" object as the content."""
    doc = ctx.doc
    nouns = ctx.lex.agent_nouns
    if not nouns:
        return
    for i in ctx.nouns:
        tok = doc[i]
        cls = nouns.get(tok.lemma_.lower())
        if cls is None or ctx.quote_of[tok.i] >= 0:
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is None or obj is None or prep.i != tok.i + 1 or obj.ent_type_ in _NOT_AGENT_ENTS:
            continue
        rng = ctx.clip(trim(doc, prep.i + 1, obj.right_edge.i + 1), tok)
        holder = _agent_noun_holder(tok)
        end = holder.i + 1 if holder is not tok else tok.i + 1
        s, e = ctx.clip(trim(doc, holder.left_edge.i, end), holder)
        if rng[1] <= rng[0] or e <= s or _overlaps((s, e), rng):
            continue
        rule = f"agent-noun:{tok.lemma_.lower()}"
        cue_text = f"{tok.text} {prep.text}"
        found = _indirect(
            ctx, rng, rule, tok, cls, [tok.i, s], cue_text=cue_text, speaker=(s, e), head=holder
        )
        if _classify(ctx, found, done):
            out.append(found)


_ADJ_PREPS = {"of", "about", "with", "over", "at", "to", "in", "on"}


def _adjective_cues(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "Democrats are worried about turnout", "She is confident that ...", "Graham has been critical of
    Trump": an attitude adjective predicated of a person or group; its complement is the content."""
    doc = ctx.doc
    adjectives = ctx.lex.adjective_cues
    if not adjectives:
        return
    for i in [i for i, w in enumerate(token_texts(doc)) if w.lower() in adjectives]:  # Tokens only there
        tok = doc[i]
        cls = adjectives.get(tok.lower_) if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd") else None
        if cls is None or ctx.quote_of[tok.i] >= 0:
            continue
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
        if comp is None:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in _ADJ_PREPS), None)
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
            if prep is None or not objs:
                continue
            rng = trim(doc, prep.i + 1, objs[-1].right_edge.i + 1)
            least = 1  # "critical of Trump"
        else:
            rng = trim(doc, *subtree_range(comp))
            least = _MIN_CONTENT_TOKENS
        rng = ctx.clip(rng, tok)
        if rng[1] - rng[0] < least:
            continue
        found = _indirect(ctx, rng, f"adjective-cue:{tok.lower_}", tok, cls, [tok.i])
        if not _attach_speaker(ctx, found, tok.head) or not _agentive(found.speaker_head, tok.head):
            continue
        if found.speaker is not None and _overlaps(found.speaker, found.content):
            continue
        if _classify(ctx, found, done):
            out.append(found)


def _indirect(
    ctx: _Context,
    rng: tuple[int, int],
    rule: str,
    cue: Token,
    cue_class: str,
    cue_tokens: list[int],
    *,
    cue_text: str | None = None,
    speaker: tuple[int, int] | None = None,
    head: Token | None = None,
) -> Found:
    """An indirect statement whose content is the token range ``rng`` (``speaker``: a token range too); the
    evidence covers the content, the cue tokens and the speaker."""
    return Found(
        content=ctx.chars(*rng),
        kind="indirect",
        rule=rule,
        cue=cue,
        cue_text=cue.text if cue_text is None else cue_text,
        cue_class=cue_class,
        speaker=ctx.chars(*speaker) if speaker is not None else None,
        speaker_head=head,
        tokens=[rng[0], rng[1] - 1, *cue_tokens],
        negated=negated_cue(cue) or ctx.lex.lemma(cue) in ctx.lex.denials,
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _according_to(ctx: _Context, tok: Token) -> Found | None:
    """ "..., according to X." — X is the source, the rest of the sentence the content."""
    doc = ctx.doc
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    cue_class = ctx.lex.sources.get(("according", "to"), "other")
    obj = objs[0]
    return _source_phrase(ctx, tok, obj, subtree_range(obj), cue_class, "according-to")


def _source_phrase(
    ctx: _Context,
    tok: Token,
    obj: Token,
    source: tuple[int, int],
    cue_class: str,
    name: str,
    head: Token | None = None,
) -> Found | None:
    """A source phrase (``tok`` .. ``obj``'s subtree) in a sentence: ``source`` names the source, the rest of
    the sentence is the content (before the phrase, after it, or the whole sentence when it sits inside)."""
    doc = ctx.doc
    s_end = obj.right_edge.i + 1
    sent = ctx.sent(tok.i)
    phrase = (tok.i, s_end)
    left = ctx.clip(trim(doc, sent.start, phrase[0]), tok)
    right = ctx.clip(trim(doc, phrase[1], sent.end), tok)
    left_n = left[1] - left[0]
    right_n = right[1] - right[0]
    # "..., according to UN estimates, though some estimates are much higher": the writer's own contrast
    # after the source is not the source's content
    contrast = right_n >= 3 and doc[right[0]].lower_ in _CONTRAST
    if left_n >= 3 and (right_n < 3 or contrast):
        rng, rule = left, f"{name}:after"
    elif right_n >= 3 and left_n < 3:
        rng, rule = right, f"{name}:before"
    elif left_n >= 3 and right_n >= 3:
        rng, rule = ctx.clip(trim(doc, sent.start, sent.end), tok), f"{name}:inside"
    else:
        return None
    head = head or obj
    sp = ctx.clip(trim(doc, *source), head)
    if sp[1] <= sp[0]:
        return None
    cue_text = ctx.text[tok.idx : obj.idx + len(obj.text)] if name != "according-to" else "according to"
    return _indirect(
        ctx, rng, rule, tok, cue_class, [tok.i, sp[1] - 1], cue_text=cue_text, speaker=sp, head=head
    )


def _source_phrases(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """ "In this poll, Trump rose ...", "in his view, ...", "by one estimate, ...": a preposition
    (``source_phrases`` in ``cues.yaml``) whose object is a poll, document or view noun; the source is the
    object's possessor ("his") or the object itself ("this poll"). Skipped where a cue already gave the
    sentence a statement ("In a statement, the ministry said ...")."""
    doc = ctx.doc
    phrases = ctx.lex.source_phrases
    if not phrases:
        return
    wanted = {get_string_id(p) for p in phrases}
    for i, low in enumerate(ctx.lowers):
        if low not in wanted:  # read from the array: no Token object for the other words
            continue
        tok = doc[i]
        nouns = phrases.get(tok.lower_)
        if nouns is None or tok.dep_ != "prep" or ctx.quote_of[tok.i] >= 0:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in nouns or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        sent = ctx.sent(tok.i)
        lo, hi = doc[sent.start].idx, doc[sent.end - 1].idx + len(doc[sent.end - 1].text)
        if any(f.content[0] < hi and lo < f.content[1] for f in out):
            continue
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        source = subtree_range(owner) if owner is not None else (obj.left_edge.i, obj.i + 1)
        head = owner if owner is not None else obj
        found = _source_phrase(ctx, tok, obj, source, "other", f"source-phrase:{tok.lower_}", head)
        if found is None or _overlaps(found.speaker or (0, 0), found.content):
            continue
        found.cue_text = ctx.text[tok.idx : obj.idx + len(obj.text)]
        if _classify(ctx, found, done):
            out.append(found)


def _unattributed(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """Step 4: full-clause quotations without attribution."""
    doc = ctx.doc
    for qi, q in enumerate(ctx.quotes):
        if qi in done:
            continue
        if any(_overlaps((q.start, q.end), f.content) for f in out):
            continue
        first, last = ctx.tok_range(q)
        if first < 0 or not _is_clause(doc, first, last):
            continue
        if not _starts_sentence(ctx, first) and not _is_long_finite(doc, first, last):
            continue  # a fragment quoted in the middle of narration whose cue was not found
        content = _content_of_quote(ctx.text, q)
        prev = _previous(out, q.start)
        quoted = _previous([f for f in out if f.quotes], q.start)
        if quoted is not None and prev is not quoted and _only_quotes_between(ctx, quoted, q):
            # “A,” Sanders said, contrasting Clinton's proposals with Trump's. “B.”: a statement read in the
            # attribution sentence ("Clinton's proposals") is not the voice the quotation continues
            prev = quoted
        found = Found(
            content=content, kind="direct", rule="quote-unattributed", tokens=[first, last], quotes=[content]
        )
        if _layout_speaker(ctx, found, q):
            pass
        elif (
            prev is not None
            and prev.rule != "headline-colon"
            and _only_quotes_between(ctx, prev, q)
            and _ends_sentence(ctx, last)
        ):
            found.rule = "quote-follows-speaker"
            found.speaker, found.speaker_head = prev.speaker, prev.speaker_head
            found.cue_class = prev.cue_class if prev.cue_class in ("speech", "writing") else "speech"
        elif _whole_paragraph(ctx, q):
            _speaker_from_previous_paragraph(ctx, found, q)
        out.append(found)
        done[qi] = found


def _layout_speaker(ctx: _Context, found: Found, q: Quote) -> bool:
    """A quotation signed with a dash ("“...” ― Sonya Herridge") or opening with a transcript label
    ("“PENCE: Gennifer Flowers will not ...”"): the name is the speaker."""
    turn = transcript_turn(ctx.text, q.inner_start, ctx.lex.headline_labels)
    if turn is not None:
        start = after_label(ctx.text, turn[1])
        if start < found.content[1]:
            found.content = (start, found.content[1])
            found.quotes = [found.content]
            _set_layout_speaker(ctx, found, turn, "transcript-turn")
            return True
    sig = dash_signature(ctx.text, q.start, q.end)
    if sig is not None:
        _set_layout_speaker(ctx, found, sig, "quote-dash-signature")
        return True
    return False


def _set_layout_speaker(ctx: _Context, found: Found, span: tuple[int, int], rule: str) -> None:
    found.speaker = span
    found.speaker_head = ctx.doc[ctx.token_at(span[1] - 1)]
    found.rule = rule
    found.tokens.extend((ctx.token_at(span[0]), ctx.token_at(span[1] - 1)))


def _transcript_turns(ctx: _Context, out: list[Found], done: dict[int, Found]) -> None:
    """Turns of an interview transcript ("PENCE: Gennifer Flowers will not be attending ..."): the label is
    the speaker, the rest of the paragraph what was said (verbatim); the paragraphs continuing a turn are
    statements of the same speaker (``continues``). The first line is the headline's."""
    starts = {q.start: qi for qi, q in enumerate(ctx.quotes) if q.family == "turn"}
    for turn in ctx.turns:
        if any(_overlaps(turn.parts[0], f.content) for f in out):
            continue
        first: Found | None = None
        for start, end in turn.parts:
            found = Found(content=(start, end), kind="direct", rule="transcript-turn", quotes=[(start, end)])
            found.tokens = [ctx.token_at(start), ctx.token_at(end - 1)]
            _set_layout_speaker(ctx, found, turn.label, "transcript-turn")
            if first is None:
                first = found
            else:
                found.continues, found.rule = first, "transcript-turn-continued"
            out.append(found)
            qi = starts.get(start)
            if qi is not None:
                done.setdefault(qi, found)


def _label_actor(doc: Doc, label: str) -> Actor | None:
    """ "PENCE:" labels the turns of the one person of the article whose name ends in that word ("Gov. Mike
    Pence"); None when no person or several do."""
    word = label.strip(" .").lower()
    named = [
        a
        for a in doc._.herald_actors or ()
        if a.kind == "person" and not a.name.isupper() and a.name.lower().split()[-1:] == [word]
    ]
    return named[0] if len(named) == 1 else None


def _label_of(ctx: _Context, f: Found) -> str:
    """A turn's speaker label, upper case, without edge dots and spaces ("" when it has none)."""
    return ctx.text[f.speaker[0] : f.speaker[1]].strip(" .").upper() if f.speaker else ""


def _turn_speakers(ctx: _Context, out: list[Found]) -> dict[int, Actor]:
    """The actors of transcript turns, keyed by ``id(found)``: a named label's person; for questions and
    answers ("Q:" / "A:"), no one for the interviewer and, for the interviewee, the last person the article
    reported speaking before the interview starts ("Smith spoke to Reuters ... Q: ... A: ...")."""
    doc = ctx.doc
    resolved: dict[int, Actor] = {}
    turns = [f for f in out if f.rule.startswith("transcript-turn") and f.speaker is not None]
    if not turns:
        return resolved
    interview = [f for f in turns if interview_role(_label_of(ctx, f)) is not None]
    interviewee: Actor | None = None
    if interview:
        begin = min(f.content[0] for f in interview)
        # (character offset, person): speakers of statements and subjects of speech events ("Lavrov spoke
        # to reporters", cues.yaml speech_events) before the interview; the last one answers
        heard: list[tuple[int, Actor]] = []
        for f in out:
            if f.content[1] > begin or f.rule.startswith("transcript-turn") or f.speaker is None:
                continue
            actor = _speaker_actor(doc, f)
            if actor is not None and actor.kind == "person":
                heard.append((f.speaker[0], actor))
        for tok in doc[: ctx.token_at(begin)]:
            if tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in ctx.lex.speech_events:
                actor = actor_for_token(tok)
                if actor is not None and actor.kind == "person":
                    heard.append((tok.idx, actor))
        if heard:
            last = max(heard, key=lambda p: p[0])[1]
            interviewee = _named_for_role(doc, last) or last
    # one label, one speaker: the named person, else the first actor any of its turns links to
    by_label: dict[str, Actor | None] = {}
    for f in turns:
        label = _label_of(ctx, f)
        if by_label.get(label) is None and interview_role(label) is None:
            by_label[label] = _label_actor(doc, label) or _speaker_actor(doc, f)
    for f in turns:
        label = _label_of(ctx, f)
        role = interview_role(label)
        if role == "question":
            resolved[id(f)] = _NOBODY
        elif role == "answer":
            resolved[id(f)] = interviewee or _NOBODY
        else:
            resolved[id(f)] = by_label.get(label) or _NOBODY
    return resolved


def _whole_paragraph(ctx: _Context, q: Quote) -> bool:
    """Whether the quotation is its paragraph's only text (a block of quoted speech)."""
    lo, hi = ctx.paragraph(q.start)
    return not ctx.text[lo : q.start].strip() and not ctx.text[q.end : hi].strip(" \t.,")


def _speaker_from_previous_paragraph(ctx: _Context, found: Found, q: Quote) -> None:
    """A paragraph of quoted speech after one whose last sentence has someone address an audience or speak
    ("Colonel Ali addressed journalists in Kabul.\n\n“Our forces ...”"): that someone is the speaker."""
    lo, _ = ctx.paragraph(q.start)
    if lo <= 0:
        return
    k = lo - 1
    while k > 0 and ctx.text[k].isspace():
        k -= 1
    tok = ctx.doc[ctx.token_at(k)]
    sent = ctx.sent(tok.i)
    if ctx.quote_of[sent.start] >= 0 or ctx.quote_of[tok.i] >= 0:
        return  # the previous paragraph ends in a quotation of its own
    root = sent.root
    lemma = root.lemma_.lower()
    if lemma not in ctx.lex.speech_events and ctx.lex.verbs.get(lemma) not in ("speech", "writing"):
        return
    if is_negated(root):
        return
    sp = speaker_of(root, ctx.lex.message_nouns)
    if sp is None:
        return
    head, (s, e) = sp
    if head.pos_ == "PRON" or e <= s or actor_for_token(head) is None:
        return
    found.speaker = ctx.chars(s, e)
    found.speaker_head = head
    found.rule = f"quote-after-speaker-paragraph:{lemma}"


def _ends_sentence(ctx: _Context, last: int) -> bool:
    """Whether only punctuation follows a quotation's closing mark in its sentence (no "..., Kasem read")."""
    doc = ctx.doc
    j = last + 1
    while j < len(doc) and (doc[j].is_punct or doc[j].is_space) and ctx.quote_of[j] < 0:
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            return True
        j += 1
    return (
        j >= len(doc) or "\n" in doc[j - 1].whitespace_ or ctx.quote_of[j] >= 0 or bool(doc[j].is_sent_start)
    )


def _starts_sentence(ctx: _Context, first: int) -> bool:
    """Whether a quotation opens its sentence or paragraph (or follows a colon)."""
    doc = ctx.doc
    if first == 0 or doc[first].is_sent_start:
        return True
    prev = doc[first - 1]
    return prev.text in (":", "—", "–") or "\n" in prev.whitespace_ or prev.is_space or prev.text in _SENT_END


def _is_long_finite(doc: Doc, first: int, last: int) -> bool:
    toks = [t for t in doc[first + 1 : last] if not t.is_punct and not t.is_space]
    return len(toks) >= _MIN_PHRASE_TOKENS and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks)


def _previous(out: list[Found], before: int) -> Found | None:
    cands = [f for f in out if f.content[1] <= before]
    return max(cands, key=lambda f: f.content[1]) if cands else None


def _only_quotes_between(ctx: _Context, prev: Found, q: Quote) -> bool:
    """Nothing but attribution words of ``prev`` and quotation text lies between ``prev`` and ``q``."""
    doc = ctx.doc
    span = doc.char_span(prev.content[1], q.start, alignment_mode="expand")
    if span is None:
        return False
    own = set(prev.tokens)
    lo = min(own) if own else span.start
    hi = max(own) if own else span.start
    if prev.cue is not None and prev.rule.startswith("quote-then-cue"):
        # “A,” General Allen told reporters. “B.”: the rest of the attribution sentence is no narration
        hi = max(hi, ctx.sent(prev.cue.i).end - 1)
    for t in span:
        if ctx.quote_of[t.i] >= 0 or t.is_punct or t.is_space or lo <= t.i <= hi:
            continue
        return False
    return True


def _evidence(ctx: _Context, f: Found) -> tuple[int, int]:
    """The sentences holding the content, the cue and the speaker."""
    doc = ctx.doc
    toks = [i for i in f.tokens if 0 <= i < len(doc)]
    cs, ce = f.content
    toks += [ctx.token_at(cs), ctx.token_at(max(cs, ce - 1))]
    start, end = cs, ce
    # The parser's sentences can run over paragraph breaks: stay inside the paragraphs involved.
    p_lo = min(ctx.paragraph(ctx.starts[i])[0] for i in toks)
    p_hi = max(ctx.paragraph(ctx.starts[i])[1] for i in toks)
    for i in toks:
        sent = ctx.sent(i)
        start = min(start, max(sent.start_char, p_lo))
        end = max(end, min(sent.end_char, p_hi))
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    while start < end and ctx.text[start].isspace():
        start += 1
    return start, end


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=text[start:end])


def _named_for_role(doc: Doc, actor: Actor) -> Actor | None:
    """ "The minister said": a bare role mention stands for the named person introduced earlier with that
    role ("Interior Minister Gerald Darmanin"), when exactly one such person precedes it."""
    if actor.kind != "person" or not actor.title or actor.name.lower() != actor.title.lower():
        return None
    first = min((m.start for m in actor.mentions), default=0)
    role = actor.title.lower().split()[-1]
    named = [
        a
        for a in doc._.herald_actors or ()
        if a is not actor
        and a.kind == "person"
        and a.title
        and a.name.lower() != a.title.lower()
        and a.title.lower().split()[-1] == role
        and any(m.end <= first for m in a.mentions)
    ]
    return named[0] if len(named) == 1 else None


def _speaker_id(doc: Doc, f: Found, pronouns: dict[int, Actor]) -> str | None:
    actor = pronouns.get(id(f)) or _speaker_actor(doc, f)
    if actor is None or actor is _NOBODY:
        return None
    named = _named_for_role(doc, actor)
    return (named or actor).id


_PERSONAL = frozenset({"he", "she"})
_PLURAL = frozenset({"they", "we"})
_NOBODY = Actor(id="", name="", kind="person")  # a pronoun whose only candidate disagrees in gender
_PRONOUN_WINDOW = 2000  # characters back to the previous speaker a "he said" may refer to
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _agreeing_person(pronoun: str, actor: Actor) -> bool:
    return actor.kind == "person" and agrees(pronoun, actor)


def _pronoun_speakers(ctx: _Context, out: list[Found]) -> dict[int, Actor]:
    """ "he said" / "she added" refers to the person who spoke last, unless narration since then made
    another person the subject of a sentence ("Odinga accused Kibaki of rigging the vote. “This is theft,” he
    said" -> Odinga; "Lavrov said ... He met Kerry ... “...,” he said" -> Lavrov). Keyed by ``id(found)``."""
    doc = ctx.doc
    resolved: dict[int, Actor] = {}
    # (character end of the speaker mention, the person), latest last: "she said" skips back over speakers
    # of the other gender ("Trump said ... Clinton replied ... “...,” he said" -> Trump)
    speakers: list[tuple[int, Actor]] = []
    bodies: list[tuple[int, Actor]] = []  # the same for bodies and states ("the group said")
    # What someone else is reported to have said or done is no narration: "Cox says Obama is trying to
    # distract. He says ..." -> Cox, not Obama (a subject or a speaker inside a reported clause).
    merged: list[list[int]] = []  # the union of reported contents, as disjoint sorted ranges
    for lo, hi in sorted((g.content[0], g.content[1]) for g in out if g.kind != "direct"):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    starts = [lo for lo, _ in merged]

    def in_report(char: int) -> bool:
        i = bisect.bisect_right(starts, char) - 1
        return i >= 0 and char < merged[i][1]

    def last_subject(lo: int, end: int, fits: Callable[[Actor], bool]) -> Actor | None:
        """The last actor that fits made the subject of narration from character ``lo`` to token ``end``
        (quotations and reported clauses are not narration)."""
        found = None
        for i in range(ctx.token_at(lo), end):
            tok = doc[i]
            if tok.dep_ not in _SUBJECTS or ctx.quote_of[i] >= 0 or tok.idx < lo or in_report(tok.idx):
                continue
            actor = actor_for_token(tok)
            if actor is not None and fits(actor):
                found = actor
        return found

    for f in out:
        head = f.speaker_head
        if head is None or f.speaker is None:
            continue
        # "Ryan said Obama has never respected ...": Obama's "respected" is inside Ryan's report; Ryan stays
        # the last speaker for a following "he says"
        nested = in_report(f.speaker[0])
        wanted = _description_kind(ctx, f)
        if wanted == "voice":
            # "The spokesman said": an unnamed spokesperson speaks for the body that spoke last
            linked = _speaker_actor(doc, f)
            if linked is None or (_unnamed(linked) and _named_for_role(doc, linked) is None):
                near = [(end, a) for end, a in bodies if f.speaker[0] - end <= _PRONOUN_WINDOW]
                if near:
                    resolved[id(f)] = near[-1][1]
                    continue
            wanted = None
        if wanted is not None:
            linked = _speaker_actor(doc, f)
            if linked is not None and _kind_fits(wanted, linked):
                if not nested:
                    (speakers if wanted == "person" else bodies).append((f.speaker[1], linked))
                continue
            if linked is not None and wanted == "organization" and linked.kind != "state":
                continue  # only a country read off "the nation's ..." is overruled
            earlier = speakers if wanted == "person" else bodies
            near = [
                (end, a)
                for end, a in earlier
                if f.speaker[0] - end <= _PRONOUN_WINDOW and _kind_fits(wanted, a)
            ]
            pick = near[-1][1] if near else None
            lo = near[-1][0] if near else max(0, f.speaker[0] - _PRONOUN_WINDOW)
            since = last_subject(lo, head.i, partial(_kind_fits, wanted))
            if since is not None:
                pick = since
            if pick is not None:
                resolved[id(f)] = pick
                if not nested:
                    earlier.append((f.speaker[1], pick))
            continue
        if head.lower_ in _PLURAL and head.pos_ == "PRON":
            linked = _speaker_actor(doc, f)
            if linked is not None and linked.kind == "person":
                resolved[id(f)] = _NOBODY  # "they said" linked to one person: the number disagrees
            continue
        if head.lower_ in _PERSONAL and head.pos_ == "PRON":
            pronoun = head.lower_
            near = [(end, a) for end, a in speakers if f.speaker[0] - end <= _PRONOUN_WINDOW]
            fits = [(end, a) for end, a in near if agrees(pronoun, a)]
            pick = fits[-1][1] if fits else None
            lo = near[-1][0] if near else max(0, f.speaker[0] - _PRONOUN_WINDOW)
            since = last_subject(lo, head.i, partial(_agreeing_person, pronoun))
            if since is not None:
                pick = since  # a person made the subject of the narration since
            linked = _speaker_actor(doc, f)
            if pick is None and linked is not None and not agrees(pronoun, linked):
                pick = None
                resolved[id(f)] = _NOBODY  # the actors stage's link disagrees in gender: no speaker id
                continue
            if pick is not None:
                resolved[id(f)] = pick
                if not nested:
                    speakers.append((f.speaker[1], pick))
            continue
        actor = _speaker_actor(doc, f)
        if actor is not None and actor.kind == "person" and not nested:
            speakers.append((f.speaker[1], _named_for_role(doc, actor) or actor))
        elif actor is not None and actor.kind in ("organization", "group", "state") and not nested:
            bodies.append((f.speaker[1], actor))
    return resolved


def _unnamed(actor: Actor) -> bool:
    """A person known only by a role ("spokesman", "a senior official"), not by a name."""
    return actor.kind == "person" and (
        actor.name.islower() or actor.name.lower() == (actor.title or "").lower()
    )


def _kind_fits(wanted: str, actor: Actor) -> bool:
    return actor.kind == "person" if wanted == "person" else actor.kind in ("organization", "group")


_DEFINITE = frozenset({"the", "this", "that"})


def _description_kind(ctx: _Context, f: Found) -> str | None:
    """ "the Kentucky Republican", "the nation's largest gun group": a definite description whose head
    names a person or an organisation (cues.yaml speaker_descriptions) and which holds no person's name
    ("the Sanders campaign" is Sanders'): the kind of actor it stands for."""
    head = f.speaker_head
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    wanted = ctx.lex.speaker_descriptions.get(head.lemma_.lower()) or ctx.lex.speaker_descriptions.get(
        head.lower_
    )
    if wanted is None:
        return None
    kids = list(head.children)
    if not any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ == "NOUN") for c in kids
    ):
        return None
    for c in kids:
        if c.dep_ in ("appos", "relcl", "acl", "prep", "punct", "cc", "conj"):
            continue
        for t in c.subtree:
            actor = actor_for_token(t)
            if actor is not None and actor.kind == "person":
                return None
    return wanted


def _speaker_actor(doc: Doc, f: Found) -> Actor | None:
    if f.speaker is None:
        return None
    exact = actors_at(doc, *f.speaker)
    if exact:
        return exact[0]
    if f.speaker_head is not None:
        actor = actor_for_token(f.speaker_head)
        if actor is not None:
            return actor
    if f.speaker_head is not None:
        # "Clinton's Democratic opponent, Vermont Sen. Bernie Sanders, said": the name in apposition speaks
        for app in (c for c in f.speaker_head.children if c.dep_ == "appos"):
            actor = actor_for_token(app)
            if actor is not None:
                return actor
    if f.speaker_head is not None and opposing_noun(f.speaker_head):
        return None  # "critics of the government said": the actor named inside is their target
    # "according to a count by The Associated Press", "the ministry's figures": the one actor named inside
    start, end = f.speaker
    inside = {a.id for a in mention_index(doc._.herald_actors).inside(start, end)}
    if len(inside) != 1:
        return None
    ident = inside.pop()
    return next(a for a in doc._.herald_actors or () if a.id == ident)


def _describes_speaker(f: Found, out: list[Found]) -> bool:
    """ "said Rep. Crowley, a leading advocate for human rights": an agent noun inside another statement's
    speaker phrase describes that speaker; the statement is the other one."""
    if not f.rule.startswith("agent-noun") or f.cue is None:
        return False
    at = f.cue.idx
    return any(g is not f and g.speaker is not None and g.speaker[0] <= at < g.speaker[1] for g in out)


def extract_statements(doc: Doc) -> list[Statement]:
    if len(doc) == 0:
        return []
    ctx = _Context(doc, cue_lexicon())
    out: list[Found] = []
    done: dict[int, Found] = {}  # quotation index -> the statement that covers it
    head = headline_statement(doc, ctx.text, ctx.lex, meta(doc).title)
    if head is not None:
        # The headline's own words are not searched again for cues and quotations.
        _classify(ctx, head, done)
        out.append(head)
        for tok in doc.char_span(head.content[0], head.content[1], alignment_mode="expand") or ():
            ctx.used_cues.add(tok.i)
    _transcript_turns(ctx, out, done)
    _direct_quotes(ctx, out, done)
    _colon_blocks(ctx, out, done)
    _cue_statements(ctx, out, done)
    _misread_verbs(ctx, out, done)
    _made_clear(ctx, out, done)
    _noun_cues(ctx, out, done)
    _received_cues(ctx, out, done)
    _agent_nouns(ctx, out, done)
    _source_phrases(ctx, out, done)
    _adjective_cues(ctx, out, done)
    _unattributed(ctx, out, done)
    out = [f for f in out if f.content[1] > f.content[0] and not _describes_speaker(f, out)]
    out.sort(key=lambda f: (f.content[0], f.content[1]))
    ids = {id(f): f"s{n}" for n, f in enumerate(out, 1)}
    pronouns = _pronoun_speakers(ctx, out) | _turn_speakers(ctx, out)
    records: list[Statement] = []
    for f in out:
        ev = f.evidence or _evidence(ctx, f)
        records.append(
            Statement(
                id=ids[id(f)],
                speaker=_speaker_id(doc, f, pronouns),
                speaker_text=ctx.text[f.speaker[0] : f.speaker[1]] if f.speaker else None,
                cue=f.cue_text,
                cue_class=f.cue_class,
                kind=f.kind,
                content=_span(ctx.text, *f.content),
                evidence=_span(ctx.text, *ev),
                quotes=[_span(ctx.text, *q) for q in f.quotes],
                continues=ids.get(id(f.continues)) if f.continues is not None else None,
                rule=f.rule,
                negated=f.negated,
            )
        )
    return records
