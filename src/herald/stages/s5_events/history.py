"""Background framing of an event's own time expression when the times stage could not give it a value:
"a year ago", "two months ago", or a bare month ("in February") in a story whose reference date (publication,
else the latest date the text gives) fixes the year. Used by the historical flag (attach.historical).

Also background told by the syntax around the event rather than by its own time (:func:`framed_background`):
what an anniversary is of, a clause dated "N years after" the main one, an event in a relative clause of a
noun dated in the past ("last year's protests, in which police killed 40 people"); and the other direction,
an activity still going on (:func:`continuing`: "has been fighting IS since 2014" is no background).
Words in data/lexicons/event_roles.yaml (anniversary_nouns, interval_marks, continuing_verbs,
durative_verbs).

Two more frames (:func:`past_period`, :func:`carried_background`): an event placed in a past office or by a
past body ("when he was president", "under the previous government", "the former regime jailed ..."), and
a past-tense sentence with no time of its own that continues a paragraph's dated background ("Obama blasted
the ruling in 2010. Republicans criticized him for it."). Words in data/lexicons/event_history.yaml."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered
from ..common import children_labelled, has_child, head_indices, sentence_of, syntax

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
# "a year ago", "two years ago", "18 months ago", "a decade ago": how long before the story's news.
AGO = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|\d+)\s+"
    r"(years?|decades?|months?|weeks?)\s+(?:ago|earlier|before)\b"
)
COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "many": 3,
    "few": 2,
}
UNIT_DAYS = {"week": 7, "month": 30, "year": 365, "decade": 3650}
# "last February", "in March", "on March 18", "February 2": a month without a year.
MONTH = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\b(?!\s*,?\s*\d{4})")


def undated_background(text: str, ref: date | None, days: int) -> str | None:
    """Why an unvalued time expression puts its event more than ``days`` days before ``ref``, or None."""
    low = text.lower()
    m = AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else COUNTS[m.group(1)]
        if n * UNIT_DAYS[m.group(2).rstrip("s")] > days:
            return f"{text!r} frames the event as background"
        return None
    if ref is None:
        return None
    month = MONTH.search(low)
    if month is None or "next" in low or "this" in low.split():
        return None
    n = MONTHS[month.group(1)]
    # The latest such month not after the reference date: "in February" in an April story is that February.
    year = ref.year if n <= ref.month else ref.year - 1
    last_day = date(year + (n == 12), n % 12 + 1, 1) - timedelta(days=1)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)
    if day and 1 <= int(day.group(1)) <= 31:
        try:
            last_day = date(year, n, int(day.group(1)))
        except ValueError:
            return None
    if last_day < ref - timedelta(days=days):
        return f"{text!r} ({last_day.isoformat()[:7]}) is more than {days} days before the story's date"
    return None


@lru_cache(maxsize=1)
def _frame_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    from .sentence_roles import event_roles_data

    data = event_roles_data()

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return (
        words("anniversary_nouns"),
        words("interval_marks"),
        words("continuing_verbs"),
        words("durative_verbs"),
    )


def _span_days(text: str) -> int | None:
    """ "two years", "a year", "18 months": how many days the phrase measures, or None."""
    m = re.search(
        r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|\d+)\s+"
        r"(years?|decades?|months?|weeks?)\b",
        text.lower(),
    )
    if m is None:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else COUNTS[m.group(1)]
    return n * UNIT_DAYS[m.group(2).rstrip("s")]


def _past_date(tok: Token, ref: date | None, days: int) -> str | None:
    """Whether a date entity on ``tok`` (a modifier of a noun) puts it in the past: "last year's", "the 2014
    war", "a decade-old"."""
    if tok.ent_type_ != "DATE":
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = (ent.text if ent is not None else tok.text).lower()
    if re.search(r"\b(last|past|previous)\s+(year|decade)", text) or AGO.search(text):
        return f"{text!r} dates it in the past"
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if year and ref is not None and date(int(year.group(1)), 12, 31) < ref - timedelta(days=days):
        return f"{text!r} dates it in the past"
    return None


def _noun_dated(noun: Token, ref: date | None, days: int) -> str | None:
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nummod", "npadvmod", "nmod"):
            for t in c.subtree:
                if (why := _past_date(t, ref, days)) is not None:
                    return why
        if c.dep_ == "prep" and c.lower_ in ("of", "in"):
            for p in c.children:
                if p.dep_ == "pobj" and (why := _past_date(p, ref, days)) is not None:
                    return why
    return None


def framed_background(anchor: Token, trigger: Token, ref: date | None, days: int) -> str | None:
    """Why the syntax around the event makes it background, or None."""
    anniversary, intervals, _, _ = _frame_words()
    # "on the anniversary of the kidnapping": the event is what is remembered
    for noun in dict.fromkeys((trigger, anchor)):
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in anniversary:
            return f"the event is what the {noun.head.head.text!r} is of"
    clause = anchor
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    # "two years after police killed a teenager, protesters clashed": the subordinate act is that long before
    if clause.dep_ in ("advcl", "pcomp"):
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in intervals), None)
        holder = clause
        if mark is None and clause.dep_ == "pcomp" and clause.head.lower_ in intervals:
            mark, holder = clause.head, clause.head
        if mark is not None:
            for c in holder.children:
                if c.dep_ == "npadvmod":
                    span = c.doc[c.left_edge.i : c.right_edge.i + 1].text
                    n = _span_days(span)
                    if n is not None and n > days:
                        return f"{span!r} {mark.lower_} ...: the event is that long before the news"
    # "last year's protests, in which police killed 40 people": the clause tells of a dated past thing
    if clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN"):
        why = _noun_dated(clause.head, ref, days)
        if why is not None:
            return f"{why} (the noun its clause describes)"
    if trigger.pos_ == "NOUN":
        return _noun_dated(trigger, ref, days)
    return None


def continuing(anchor: Token) -> str | None:
    """An activity still going on at the story's time: a progressive ("has been fighting", "are holding")
    or the complement of a verb of continuation ("continued to shell"). Its start date is no background."""
    _, _, verbs, durative = _frame_words()
    aux = children_labelled(anchor, ("aux", "auxpass"))
    present = any(a.lower_ in ("has", "have", "is", "are", "am", "'s", "'re") for a in aux)
    past = any(a.lower_ in ("had", "was", "were") for a in aux)
    if anchor.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux) and present and not past:
        return f"{anchor.text!r} is an activity still going on"
    perfect = any(a.lower_ in ("has", "have", "'ve") for a in aux) and not past
    if anchor.tag_ == "VBN" and perfect and anchor.lemma_.lower() in durative and anchor.dep_ != "relcl":
        return f"{anchor.text!r} (present perfect) is a lasting activity still going on"
    head = anchor.head
    present = head.tag_ in ("VBZ", "VBP", "VBG") or (
        head.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in head.children)
    )
    if anchor.dep_ == "xcomp" and head.lemma_.lower() in verbs and present:
        return f"{head.text!r} {anchor.text!r}: an activity still going on"
    return None


@lru_cache(maxsize=1)
def _history_words() -> dict[str, frozenset[str]]:
    data = load_layered("lexicons/event_history.yaml")
    keys = (
        "tenure_nouns",
        "past_modifiers",
        "acting_bodies",
        "when_marks",
        "background_adverbials",
        "period_units",
        "record_marks",
        "record_spans",
        "prior_adverbs",
    )
    return {k: frozenset(str(w).lower() for w in data.get(k) or ()) for k in keys}


@lru_cache(maxsize=1)
def background_before_year() -> int:
    """Years before this are background in a story with no publication date (event_history.yaml)."""
    value = load_layered("lexicons/event_history.yaml").get("background_before_year")
    return int(value) if isinstance(value, int) else 0


def _past_modified(noun: Token, past: frozenset[str]) -> str | None:
    """ "the former regime", "the previous government", "the late dictator's rule": the modifier."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lower_ in past:
            return c.text
        if c.dep_ == "poss":
            mods = (d.text for d in c.children if d.dep_ in ("amod", "compound") and d.lower_ in past)
            found = next(mods, None)
            if found is not None:
                return found
    return None


def _main_clause(anchor: Token) -> Token:
    clause = anchor
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    return clause


# The dependencies past_period reads on the main clause (a child with any other label is never a cue).
_PERIOD_DEPS = frozenset({"advcl", "prep", "nsubj", "nsubjpass", "agent"})


def past_period(anchor: Token) -> str | None:
    """Why the event lies in a past office or period, or was done by a past body, or None: "when he was
    president", "under the previous government", "during the former regime's rule", "the former regime
    jailed ...". A person once in office ("former president X was arrested") is not a past period."""
    w = _history_words()
    clause = _main_clause(anchor)
    for c in children_labelled(clause, _PERIOD_DEPS):
        if (
            c.dep_ == "advcl"
            and c.lemma_ == "be"
            and c.tag_ == "VBD"
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in w["when_marks"] for m in c.children)
        ):
            roles = (a for a in c.children if a.dep_ == "attr" and a.pos_ in ("NOUN", "PROPN"))
            role = next((a for a in roles if not a.ent_type_), None)
            if role is not None:
                return f"'{c.doc[c.left_edge.i : c.right_edge.i + 1].text}' places it in a past office"
        nouns: list[Token] = []
        if c.dep_ == "prep" and c.lower_ in ("under", "during", "in"):
            nouns = [p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in w["tenure_nouns"]]
        elif c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in w["acting_bodies"]:
            nouns = [c]
        elif c.dep_ == "agent":
            nouns = [p for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in w["acting_bodies"]]
        for n in nouns:
            mod = _past_modified(n, w["past_modifiers"])
            if mod is not None:
                return f"{mod!r} {n.text!r}: the event belongs to a past period"
    return None


def told_in_past(tok: Token) -> bool:
    """Simple past or past perfect ("arrested", "was arrested", "had arrested"), not the present perfect
    ("has arrested": still news), a present or a modal. A non-finite verb ("for attacking the decision",
    "trying to recapture") takes the tense of the verb it hangs from."""
    for _ in range(3):
        finite = tok.tag_ in ("VBD", "VBZ", "VBP") or has_child(tok, ("aux", "auxpass"))
        if finite or tok.head.i == tok.i:
            break
        tok = tok.head
    aux = [c for c in children_labelled(tok, ("aux", "auxpass")) if c.lower_ != "to"]
    if any(a.tag_ in ("VBZ", "VBP", "MD") or a.lower_ in ("has", "have") for a in aux):
        return False
    return tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux)


def carried_background(
    doc: Doc,
    sent: Span,
    anchor: Token,
    times: Sequence[tuple[int, int, object]],
    judge: Callable[[object, Span], str | None],
    text: str,
) -> str | None:
    """A sentence told in the past with no time of its own continues the dated background of the sentences
    just before it in its paragraph ("Obama blasted the ruling in 2010. Republicans criticized him for it.")
    : why, or None. ``times`` are (start, end, record) of the Doc's dates; ``judge`` says whether a time in
    a sentence's main clause makes it background. Walks back at most three sentences, through past-tense
    sentences without a time, and stops at a paragraph break, a present-tense sentence or a current date."""
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else sent.root
    if not told_in_past(verb) or any(sent.start_char <= s < sent.end_char for s, _, _ in times):
        return None
    for _ in range(3):
        if sent.start == 0:
            return None
        prev = sentence_of(doc[sent.start - 1])
        gap = text[prev.start_char : sent.start_char]
        if "\n" in gap.strip() or "\n" in gap[len(gap.rstrip()) :]:
            return None  # another paragraph (or a headline run into its lede)
        own = [
            rec
            for s, e, rec in times
            if prev.start_char <= s < prev.end_char and _root_of(doc, s, e, prev.root)
        ]
        if own:
            why = judge(own[-1], prev)
            return f"continues the background of {prev.text[:40]!r}... ({why})" if why else None
        if not told_in_past(prev.root):
            return None
        sent = prev
    return None


def _root_of(doc: Doc, start: int, end: int, root: Token) -> bool:
    """Whether the span start..end hangs in the main clause of ``root`` (not in a relative or other
    subordinate clause)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(12):
        if cur.i == root.i:
            return True
        if cur.dep_ in ("ccomp", "relcl", "acl", "advcl", "parataxis") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "conj"})


def in_other_clause(doc: Doc, start: int, end: int, tokens: Sequence[Token]) -> bool:
    """Whether the text start..end lies in a clause of its own that does not hold the event ("the magic
    that won her Kentucky in 2008", "..., who declined to comment, is a 1979 graduate"): such a date is
    not the event's. A date in the main clause governs its subordinate events ("In 2014, he said troops had
    shelled the town")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    if not any(sent.start <= t.i < sent.end for t in tokens):
        return False
    held = {t.i for t in tokens}
    cur = span.root
    for _ in range(16):
        if cur.i in held:
            return False
        if cur.dep_ in CLAUSES and cur.pos_ in ("VERB", "AUX") and cur.head.i != cur.i:
            return not any(cur.left_edge.i <= i <= cur.right_edge.i for i in held)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def present_elsewhere(doc: Doc, start: int, end: int, anchor: Token) -> bool:
    """A verb in the simple present ("the fund, which supports planting trees") told in a sentence whose past
    date ("a parade in 2004") hangs elsewhere: the date is not the event's."""
    if anchor.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in anchor.children):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.i == anchor.i for t in span.root.ancestors)


def unanchored_month(text: str, anchor: Token) -> str | None:
    """With no date to measure from (no publication date, no full date in the text), a month named without
    its year for an event told in the past ("In February, the court sentenced Choi") is a month before the
    story's own: news of the last days is told by weekday or "this month", so a named past month is taken
    as background (the events-gwn guidelines' one-month line). Not with a day ("on March 18"), "this",
    "next" or "last week"."""
    low = text.lower()
    if MONTH.search(low) is None or re.search(r"\b(this|next|early|late)\b|\d", low):
        return None
    if not told_in_past(anchor):
        return None
    return f"{text!r}: a past month named without its year, in a story with no date to measure from"


_NOT_ONCE = frozenset({"at", "again", "more"})


def background_words(text: str) -> bool:
    """Whether a time's text is itself a background adverbial ("earlier this year", "at the time")."""
    low = f" {text.lower()} "
    return any(f" {cue} " in low for cue in _history_words()["background_adverbials"])


_ADVERBIALS = frozenset({"advmod", "prep", "npadvmod", "advcl"})


def told_as_background(anchor: Token, ref: date | None) -> str | None:
    """Why an adverbial of the event's own clause tells it as background, or None: "historically defended",
    "once ruled", "At the time, he wrote", "earlier this year" (in a story dated after February), and a
    simple past over months or years ("For months, X was barred from the White House"), a period now over.
    Not an activity still going on ("has been barred for months", "is barred") nor "at once", "once again"."""
    w = _history_words()
    clause = _main_clause(anchor)
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else clause
    chain = [anchor]
    while chain[-1].i != clause.i and len(chain) < 5:
        chain.append(chain[-1].head)
    # adverbials of the event's verb, of the verbs it hangs from in its clause, and of its object noun
    kids = [c for v in chain for c in children_labelled(v, _ADVERBIALS)]
    objects = children_labelled(anchor, ("dobj", "pobj"))
    kids += [g for c in objects for g in children_labelled(c, _ADVERBIALS)]
    for c in kids:
        if c.dep_ not in ("advmod", "prep", "npadvmod", "advcl"):
            continue
        words = c.doc[c.left_edge.i : c.right_edge.i + 1]
        # the adverbial's own words, not those of a clause inside it ("for a case where ... two years ago")
        low = " ".join(t.lower_ for t in words if not _in_inner_clause(t, c))
        if c.dep_ == "advcl" and c.lower_ != "once":
            continue
        if c.dep_ == "advmod" and c.lower_ in w["prior_adverbs"] and _prior_adverb(c, verb):
            return f"{words.text!r} tells the event as one before the news"
        for cue in w["background_adverbials"]:
            if cue not in low or not re.search(rf"(?:^|\s){re.escape(cue)}(?:\s|$)", low):
                continue
            if cue == "once":
                if c.lower_ != "once" or any(t.lower_ in _NOT_ONCE for t in c.doc[c.i - 1 : c.i + 2]):
                    continue
                if c.dep_ == "advcl" or not told_in_past(verb):
                    continue  # "once he arrives" / "once the deal is signed": a condition
            if cue.startswith("earlier") and (ref is None or ref.month < 3):
                continue
            if cue in ("at the time", "at that time", "back then") and (
                not told_in_past(verb) or re.search(r"\btime of (writing|going to press|publication)", low)
            ):
                continue  # "at the time of writing" is the story's own time
            return f"{words.text!r} tells the event as background"
        passive = any(a.dep_ == "auxpass" for a in verb.children)
        if _perfect(verb) and not passive and verb.tag_ == "VBN" and not told_in_past(verb):
            spans = (
                r
                for r in w["record_spans"]
                if r in low and re.search(rf"(?:^|\s){re.escape(r)}(?:\s|$)", low)
            )
            span = next(spans, None)
            if span is not None:
                return f"{words.text!r} with a present perfect sums up past acts"
        if c.dep_ == "prep" and c.lower_ == "for" and told_in_past(verb) and not _perfect(verb):
            # "for months", "for many years"; not a counted term ("jailed him for ten years": a sentence)
            units = [
                t
                for t in c.subtree
                if t.lower_ in w["period_units"]
                and not _in_inner_clause(t, c)
                and not any(n.dep_ == "nummod" or n.like_num for n in t.children)
            ]
            if units and not any(t.lower_ in ("next", "coming") for t in c.subtree):
                return f"{words.text!r} with a simple past: a period now over"
    return None


def record_since(anchor: Token, ref: date | None, days: int) -> str | None:
    """A discrete act in the present perfect counted from a past start ("has fired critics and muzzled the
    media since the scandal erupted three years ago", "has sacked dozens since the 2015 vote") sums up acts
    of the past: background. The start is told by a "since" phrase or clause of the event's clause whose
    words date it before the reporting window. Lasting activities are left to :func:`continuing`."""
    clause = _main_clause(anchor)
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else clause
    # coordinated verbs share the first one's auxiliary ("has fired critics and muzzled the media", where
    # the tagger may read the second participle as a simple past)
    holder = verb
    if verb.dep_ == "conj" and not has_child(verb, ("aux", "auxpass")):
        holder = verb.head
    if verb.tag_ not in (("VBN",) if holder is verb else ("VBN", "VBD")):
        return None
    if any(a.dep_ == "auxpass" for a in holder.children):
        return None
    if not any(a.dep_ == "aux" and a.lower_ in ("has", "have", "'ve") for a in holder.children):
        return None
    for c in dict.fromkeys((*verb.children, *clause.children)):
        since = c.dep_ == "prep" and c.lower_ == "since"
        since = since or (
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        )
        if not since:
            continue
        for t in c.subtree:
            why = _past_date(t, ref, days)
            if why is not None:
                span = c.doc[c.left_edge.i : c.right_edge.i + 1].text
                return f"present perfect counted from {span!r}: {why}"
    return None


def _prior_adverb(adv: Token, verb: Token) -> bool:
    """ "previously imposed", "had been jailed twice before": an adverb, not a connective ("before the
    rally", "before police arrived"), on a verb told in the past or the perfect (not "will ... before")."""
    if any(c.dep_ in ("pobj", "pcomp", "advcl", "ccomp") for c in adv.children):
        return False
    return told_in_past(verb) or _perfect(verb)


def _in_inner_clause(tok: Token, top: Token) -> bool:
    heads, deps = head_indices(tok.doc), syntax(tok.doc).deps
    cur = tok.i
    while cur != top.i and heads[cur] != cur:
        if deps[cur] in CLAUSES or deps[cur] in ("acl", "pcomp"):
            return True
        cur = heads[cur]
    return False


def _perfect(verb: Token) -> bool:
    return any(a.lower_ in ("has", "have", "'ve", "had") for a in verb.children if a.dep_ == "aux")


def record_marked(anchor: Token) -> bool:
    """Whether a present-perfect relative clause sums up a record of many acts ("which has killed hundreds in
    recent years", "who has repeatedly attacked the press") rather than telling one recent act ("Britain,
    which has accused Russia of poisoning ...", "Cruz, who has blasted Trump's statements")."""
    marks = _history_words()["record_marks"]
    for c in anchor.children:
        if c.dep_ in ("advmod", "npadvmod", "prep") and any(t.lower_ in marks for t in c.subtree):
            return True
    return False


_SEQUENCE = frozenset({"before", "after", "until", "when", "by", "since", "as", "while", "once"})


def past_perfect_step_back(anchor: Token) -> str | None:
    """A main clause in the past perfect after the lede ("Priebus had resigned under pressure."), with no
    clause it is ordered against ("had fled before police arrived") and not reported speech ("said troops
    had shelled"): the story steps back from its news into background."""
    clause = _main_clause(anchor)
    sent = sentence_of(clause)
    if clause.dep_ != "ROOT" or sent.start == 0 or sentence_of(sent.doc[sent.start - 1]).start == 0:
        return None  # the headline or lede tells the news
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else clause
    if verb.tag_ != "VBN" or not any(a.dep_ == "aux" and a.lower_ in ("had", "'d") for a in verb.children):
        return None
    if any(t.dep_ in ("advcl", "mark") or t.lower_ in _SEQUENCE for t in clause.sent):
        return None
    return f"{verb.text!r} in the past perfect, outside reported speech: the story steps back into background"
