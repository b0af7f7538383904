"""NER repair from the KB, the gazetteer and the lexicons, where the small spaCy model's labels are wrong.

- a name built from organisation words ("Ahrar al-Sham", "the Popular Front") tagged PERSON is a group;
- a name the gazetteer knows as a town or region, tagged PERSON or ORG, is a place (no actor) where the syntax
  says so ("the town of X", "in X", "X province") or, for names of several words, whenever it is no speaker;
  a name the syntax makes a town once ("the town of X") is one at its other mentions too (one sense per
  article);
- a country's adjective or name is a mention of the country before "-backed", "-led", ... ("Russian-backed
  separatists", "US-led coalition") and where it modifies an event noun ("Chinese sanctions").
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from ...knowledge import load_layered
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
