"""NER repair from the KB, the gazetteer and the lexicons, where the small spaCy model's labels are wrong.

- a name built from organisation words ("Ahrar al-Sham", "the Popular Front") tagged PERSON is a group;
- a name the gazetteer knows as a town or region, tagged PERSON or ORG, is a place (no actor) where the syntax
  says so ("the town of X", "in X", "X province") or, for names of several words, whenever it is no speaker;
  a name the syntax makes a town once ("the town of X") is one at its other mentions too (one sense per
  article);
- a country's adjective or name is a mention of the country before "-backed", "-led", ... ("Russian-backed
  separatists", "US-led coalition") and where it modifies an event noun ("Chinese sanctions");
- a name opening a sentence that NER missed ("Rakesh Kumar has accused ...") is a person where the article
  names that person again ("Kumar, a local leader, said") (:func:`initial_names`);
- a byline ("By JILL COLVIN and GILLIAN WONG, Associated Press", "By: Jane Doe") and a dateline's agency
  credit ("WASHINGTON (Reuters) -") name the writers, not actors of the story (:func:`credit_spans`).
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered
from ...paragraphs import dateline_end
from .cities import place_country
from .coref_lexicon import CorefLexicon
from .syntax import LOCATION_PREPS, lift_conj

# Event types whose noun says nothing about a state acting ("Chinese protests" are by Chinese people).
NOT_STATE_EVENTS = frozenset({"PROTEST"})
# A one-word name is read as a place only as a town of at least this many people (else "Jackson", "Lincoln").
ONE_WORD_TOWN_POP = 100_000


@functools.lru_cache(maxsize=1)
def state_event_nouns() -> frozenset[str]:
    """Event nouns (the events stage's lexicon) a state can be the agent of."""
    nouns = load_layered("lexicons/event_nouns.yaml").get("nouns") or {}
    out = set()
    for noun, senses in nouns.items():
        types = {s.get("type") for s in senses if isinstance(s, dict)}
        if types and not types & NOT_STATE_EVENTS:
            out.add(str(noun).lower())
    return frozenset(out)


class NerRepair:
    def __init__(self, lex: CorefLexicon) -> None:
        self.words: dict[str, str] = {}
        self.phrases: list[tuple[str, str]] = []
        for sector, words in lex.group_name_words.items():
            for w in words:
                if " " in w:
                    self.phrases.append((f" {w.lower()} ", sector))
                else:
                    self.words.setdefault(w.lower(), sector)
        self.place_heads = frozenset(lex.place_heads)
        self._places_doc: Doc | None = None
        self._places: frozenset[str] = frozenset()
        self.backers = frozenset(lex.backer_suffixes)
        state_event_nouns()  # read the lexicon now, when the pipeline is built, not on the first article

    def group_name(self, doc: Doc, start: int, end: int) -> str | None:
        """The sector ("" for none) of a name made of organisation words, or None for other names."""
        padded = f" {doc[start:end].text.lower()} "
        for phrase, sector in self.phrases:
            if phrase in padded:
                return sector
        found: str | None = None
        for tok in doc[start:end]:
            low = tok.lower_
            for part in (low, low.split("-")[-1], low.split("-")[0]):
                got = self.words.get(part)
                if got is not None and (found is None or (got and not found)):
                    found = got
        return found

    def is_place(self, doc: Doc, ent: Span, start: int, end: int, head: Token) -> bool:
        """A PERSON/ORG name that is a place: by syntax, or a town or region of several words, no subject."""
        if start >= end or ent.label_ not in ("PERSON", "ORG"):
            return False
        if self._place_syntax(doc, start, end, head):
            return True
        if doc[start:end].text in self._syntax_places(doc):
            return True  # "the town of Kasba Bonli" earlier: the same name is that town throughout
        if end - start < 2 or lift_conj(head).dep_ in ("nsubj", "nsubjpass", "poss"):
            return False
        if start > 0 and doc[start - 1].pos_ == "PROPN":
            return False
        return place_country(doc[start:end].text) is not None

    def _syntax_places(self, doc: Doc) -> frozenset[str]:
        """Names the syntax makes a place somewhere in the article ("the town of X"): one sense per
        discourse, so the name is a place at its other mentions too. Cached for the last Doc."""
        if self._places_doc is not doc:
            names = set()
            for ent in doc.ents:
                if ent.label_ in ("PERSON", "ORG"):
                    tok = lift_conj(ent.root)
                    if (
                        tok.dep_ == "pobj"
                        and tok.head.lower_ == "of"
                        and tok.head.head.lower_ in self.place_heads
                    ):
                        names.add(ent.text)
            self._places_doc, self._places = doc, frozenset(names)
        return self._places

    def _place_syntax(self, doc: Doc, start: int, end: int, head: Token) -> bool:
        tok = lift_conj(head)
        if end < len(doc) and doc[end].lower_ in self.place_heads and doc[end].pos_ == "NOUN":
            return place_country(doc[start:end].text) is not None  # "Borno state", "Idlib province"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in self.place_heads:
            return True  # "the town of Maarat al-Numan"
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS:
            found = place_country(doc[start:end].text)
            return found is not None and (end - start > 1 or found[1] >= ONE_WORD_TOWN_POP)
        return False

    def backer(self, doc: Doc, end: int) -> bool:
        """ "Russian-backed", "US-led": the country's name/adjective ends right before "-backed"."""
        return (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and doc[end + 1].lower_ in self.backers
        )

    def backer_end(self, doc: Doc, start: int, role_start: int) -> int | None:
        """Inside a role phrase's modifiers [start, role_start): the token after the last "-backed"."""
        last: int | None = None
        for i in range(start, role_start - 1):
            if doc[i].text == "-" and doc[i + 1].lower_ in self.backers and i > start:
                last = i + 2
        return last

    @staticmethod
    def modifies_event(tok: Token) -> bool:
        """The (demonym) token modifies an event noun a state can do ("Chinese sanctions", "a US veto")."""
        tok = lift_conj(tok)
        if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i <= tok.i:
            return False
        head = tok.head
        if any(
            c.i != tok.i and c.i < head.i and c.dep_ in ("compound", "amod", "nmod") for c in head.children
        ):
            return False  # "a Kenyan police raid", "a French general strike": another noun says who
        return head.pos_ == "NOUN" and head.lemma_.lower() in state_event_nouns()


# Words that open a byline, capitalised ("By Jane Doe", "BY: JILL COLVIN"; a wrapped line's "by" is none).
BYLINE_WORDS = frozenset({"By", "BY"})
# Words that join the names of a byline ("X and Y", "X & Y").
BYLINE_JOINS = frozenset({"and", "&"})
# The most words in one name of a byline ("Associated Press", "Mary Ann Smith-Jones").
BYLINE_NAME_MAX = 4
# Entity labels that say the words after "By" are no writer ("By Monday, ...", "By 2020").
NOT_WRITERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text) or "\n" in doc[i - 1].whitespace_


def _name_word(tok: Token) -> bool:
    """A word a writer's name or affiliation may hold: capitalised or in capitals, or an initial ("J.")."""
    text = tok.text
    if tok.is_alpha:
        return tok.is_title or tok.is_upper
    return len(text) <= 3 and text.endswith(".") and text[:1].isupper()


def _name_group(doc: Doc, j: int) -> int:
    """End of the capitalised name starting at ``j`` (``j`` when none): at most ``BYLINE_NAME_MAX`` words,
    all in one case ("Jane Doe" ends before "US-based", "Associated Press" before "WASHINGTON")."""
    n, k = len(doc), j
    upper = doc[j].is_upper if j < n else False
    while k < n and k - j < BYLINE_NAME_MAX and _name_word(doc[k]) and doc[k].ent_type_ not in NOT_WRITERS:
        if doc[k].is_alpha and len(doc[k]) > 1 and doc[k].is_upper != upper:
            break
        k += 1
    if k < n and doc[k].text == "-" and not doc[k - 1].whitespace_:
        k -= 1  # "US-based": the word belongs to what follows
    return k


def byline_end(doc: Doc, i: int) -> int | None:
    """End of a byline opening a line at ``i`` ("By JILL COLVIN and GILLIAN WONG, Associated Press", "By:
    Jane Doe"), through a dateline that follows it ("WASHINGTON (AP) —"); None when ``i`` opens none. The
    first name must have two words at least ("By Monday, Russia ..." is no byline)."""
    n = len(doc)
    if doc[i].text not in BYLINE_WORDS or not _line_start(doc, i):
        return None
    j = i + 1
    if j < n and doc[j].text == ":":
        j += 1
    end = _name_group(doc, j)
    if end - j < 2:
        return None
    while end + 1 < n and (doc[end].lower_ in BYLINE_JOINS or doc[end].text == ","):
        nxt = _name_group(doc, end + 1)
        if nxt == end + 1:
            break
        end = nxt
    after = dateline_end(doc, end)
    return after if after is not None else end


def credit_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that credit the writers and their agency, not actors of the story: bylines
    (:func:`byline_end`) and the agency in brackets of a dateline opening a line ("WASHINGTON (Reuters)
    -")."""
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if tok.is_space or not _line_start(doc, i):
            continue
        end = byline_end(doc, i)
        if end is not None:
            out.append((i, end))
            continue
        stop = dateline_end(doc, i)
        if stop is None:
            continue
        for j in range(i, stop):
            if doc[j].text == "(":
                close = next((k for k in range(j + 1, stop) if doc[k].text == ")"), None)
                if close is not None:
                    out.append((j + 1, close))
    return out


def initial_names(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """Names opening a sentence that NER missed ("Rakesh Kumar has accused ..."): two or three capitalised
    proper nouns at a sentence start, in no entity, whose last word ends a person the article names
    elsewhere ("Kumar, a local leader, said"; "Mr Kumar"), become PERSON entities."""
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
    if not surnames:
        return []
    out: list[Span] = []
    for sent in doc.sents:
        s = sent.start
        while s < sent.end and doc[s].is_space:
            s += 1
        k = s
        while (
            k < min(sent.end, s + 3) and doc[k].tag_ == "NNP" and doc[k].is_title and doc[k].ent_iob_ == "O"
        ):
            k += 1
        if k - s < 2 or doc[k - 1].text not in surnames:
            continue
        if k < sent.end and (doc[k].tag_ == "NNP" or doc[k].ent_iob_ != "O"):
            continue  # the name goes on, or runs into an entity: not one person's name
        out.append(Span(doc, s, k, label="PERSON"))
    return out
