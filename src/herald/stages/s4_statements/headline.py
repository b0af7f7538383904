"""Headline attributions: a title line "Speaker: content" ("China: Hamas, Fatah showed 'political will'")."""

from __future__ import annotations

from spacy.tokens import Doc

from ..common import actor_for_token
from .found import Found
from .lexicon import CueLexicon
from .quotes import QUOTE_CHARS
from .syntax import trim

_MAX_SPEAKER_TOKENS = 6
_SPEAKER_ENTS = {"PERSON", "GPE", "NORP"}
_SPEAKER_ACTORS = {"person", "state"}
_MAX_HEADLINE_TOKENS = 30


def headline_statement(doc: Doc, text: str, lex: CueLexicon, title: str | None) -> Found | None:
    """The statement of the article's first line when it is a headline of the form "Speaker: content".

    The first line counts as a headline when it equals the given title or is short and has no final full stop.
    """
    start = len(text) - len(text.lstrip())
    nl = text.find("\n", start)
    end = len(text) if nl < 0 else nl
    line = text[start:end].rstrip()
    end = start + len(line)
    if not line or ":" not in line:
        return None
    is_title = title is not None and title.strip() == line
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) > _MAX_HEADLINE_TOKENS:
        return None
    # a body sentence, not a headline: a first line that is the whole text and ends like a sentence (a line of
    # its own may end with a stop: some feeds add one to headlines)
    if not is_title and line[-1] in ".!?" and line.count(" ") > 3 and nl < 0:
        return None
    colon = next((t for t in span if t.text == ":"), None)
    if colon is None:
        return None
    before = [t for t in doc[span.start : colon.i] if not t.is_space]
    if not 0 < len(before) <= _MAX_SPEAKER_TOKENS:
        return None
    words = " ".join(t.lower_ for t in before)
    if words in lex.headline_labels or before[0].lower_ in lex.headline_labels:
        return None
    if any(t.pos_ in ("VERB", "AUX", "NUM") or t.like_num for t in before):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in before):  # the tagger reads "Sanders" as a noun
        return None
    cs, ce = trim(doc, colon.i + 1, span.end, keep_final=True)
    if ce - cs < 3:
        return None
    # Character range: quote marks around the content stay (they are part of the headline's wording).
    c_start = colon.idx + 1
    while c_start < end and text[c_start].isspace():
        c_start += 1
    ss, se = trim(doc, span.start, colon.i)
    if se <= ss:
        return None
    head = doc[se - 1]
    # "Great Orme bus fire: Blaze destroys ...", "Vogue Business: New title ..." name a topic, not a source:
    # the speaker must be a person, a state or a people, unless the content quotes someone.
    quoted = any(ch in QUOTE_CHARS for ch in text[c_start:end])
    speaker_kind = head.ent_type_ or ""
    actor = actor_for_token(head)
    # a poll, survey or study is a source too ("Poll: Clinton and Trump in dead heat")
    document = head.lemma_.lower() in lex.message_nouns and len(before) == 1
    if (
        not quoted
        and not document
        and speaker_kind not in _SPEAKER_ENTS
        and (actor is None or actor.kind not in _SPEAKER_ACTORS)
    ):
        return None
    return Found(
        content=(c_start, end),
        kind="indirect",
        rule="headline-colon",
        cue=colon,
        cue_text=":",
        cue_class="speech",
        speaker=(doc[ss].idx, head.idx + len(head.text)),
        speaker_head=head,
        tokens=[ss, ce - 1],
        evidence=(start, end),
    )
