"""Country context of an article and of each paragraph, for role nouns that name no country.

"Rebels", "police", "the army", "government forces", "protesters" in a story set in one country are that
country's. The story's country is the one with most votes — every mention of an actor with that country, every
place named in it, the dateline (``MAIDUGURI, Nigeria (Reuters) -``) counting double, a place someone goes to
(``destination_heads``: "his visit to Moscow") not at all — when it has at least ``min_votes`` and ``margin``
times as many as the next country; an international story has no context. A
paragraph with a clear country of its own uses it; else the article's, unless the paragraph is about another
country. A one-sentence text (``short_sentences``) that names one country only has it, with one vote. The
role's actor then says so in its rule: ``role:rebels+country-context:NGA``. Named persons the KB lacks, titled
by a role (``context_named_roles``: "Tourism minister Prisca Mupfumira"), take it too.

An office ("the president", "the prime minister") that takes the context country is then the person holding
that office for that country on the publication date, when the KB has dated spells for it (rule
``office-context:president@2018-04-06+country-context:USA``; the actor it joins if already named). Without a
date, or with no single holder, it stays the country's role actor (sector GOV). "The government" or "the
authorities" (roles with ``state: true``) of the context country are that state (``role:government>kb:SVN``).

Beyond role nouns the context also reaches: state organs the KB lacks, named in full ("Paranaque Regional
Trial Court": sector from the name); a KB organisation named only by an organ's common name several states
have ("the Foreign Office", "Congress") in a story set in another country, which becomes that country's organ;
ethnic groups and peoples without a state ("ethnic Albanians", "the Kurds"), coded to where they live; and
named persons the KB lacks, untitled, where no other country, IGO or foreign place is named with them.

The article's main protagonist (``link_protagonist``): a "he"/"she" left unresolved by the pronoun resolver
is the one person who clearly dominates the article's mentions (rule ``protagonist:he``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..common import doc_text, sentence_starts
from .cities import known_place, place_country
from .coref_lexicon import CorefLexicon
from .gender import first_name_gender
from .kb import Entry, KnowledgeBase
from .lexicon import Role
from .mentions import Mention, entry_mention
from .resolve import Draft

# (office name, country, day) -> the one person holding it then, or None (KBMatcher.holder)
Holder = Callable[[str, str | None, date | None], Entry | None]

# Codes that are no country a story can be set in.
NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "AFR", "ASA", "MEA", "WST"})
# "LAGOS, Nigeria (Reuters) -", "KYIV —": upper-case place, optional qualifiers, a dash.
_DATELINE = re.compile(
    r"\A\s*([A-Z][A-Z .'\-]{2,40}?)((?:,\s*[A-Z][A-Za-z .'\-]{1,40}?)*)\s*(?:\([^)]{1,40}\)\s*)?[-—–:]"
)


@functools.lru_cache(maxsize=4)
def _state_names(kb: KnowledgeBase) -> dict[str, str]:
    """Lower-case name, alias and capital of every state -> its country code."""
    out: dict[str, str] = {}
    for e in kb:
        if e.kind == "state" and e.country and e.country not in NON_STATES:
            for name in [e.name, *e.aliases, *([e.capital] if e.capital else [])]:
                out.setdefault(name.lower(), e.country)
    return out


def place_of(name: str, kb: KnowledgeBase) -> str | None:
    """Country code of a place name: a state (or its capital) in the KB, else the gazetteer's town/region."""
    code = _state_names(kb).get(name.lower().strip())
    if code is not None:
        return code
    found = place_country(name.strip())
    return found[0] if found is not None else None


def dateline_country(doc: Doc, kb: KnowledgeBase) -> str | None:
    m = _DATELINE.match(doc_text(doc)[:120])
    if m is None:
        return None
    parts = [p.strip() for p in m.group(2).split(",") if p.strip()]
    for part in [*reversed(parts), m.group(1).strip().title()]:
        code = place_of(part, kb)
        if code is not None:
            return code
    return None


def paragraph_ids(doc: Doc, starts: list[int]) -> list[int]:
    """Paragraph number of each token: a sentence after a line break starts a new paragraph."""
    ids = [0] * len(doc)
    para = 0
    for i in range(len(doc)):
        if i > 0 and starts[i] == i and ("\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text):
            para += 1
        ids[i] = para
    return ids


class CountryContext:
    """Votes per country, for the article and per paragraph, and the clear winner of each."""

    def __init__(
        self,
        doc: Doc,
        drafts: list[Draft],
        kb: KnowledgeBase,
        lex: CorefLexicon,
        mute: frozenset[int] = frozenset(),
    ) -> None:
        self.cfg = lex.context
        starts = sentence_starts(doc)
        self.para = paragraph_ids(doc, starts)
        self.article: Counter[str] = Counter()
        self.paragraphs: dict[int, Counter[str]] = {}
        covered = bytearray(len(doc))
        outside = frozenset(self.cfg.outside_suffixes)
        silent = frozenset(self.cfg.silent_sectors)
        for d in drafts:
            for s, e in d.spans:
                covered[s:e] = b"\x01" * (e - s)
                code = d.first.country if d.first.sector not in silent and id(d) not in mute else None
                backer = e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in outside
                if code and code not in NON_STATES and not backer:
                    self._vote(code, s, 1)
        goals = frozenset(self.cfg.destination_heads)
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC") and not any(covered[ent.start : ent.end]):
                if _destination(ent.root, goals):
                    continue  # "cancelled his visit to Moscow": who goes there is from elsewhere
                code = place_of(ent.text, kb)
                if code is not None:
                    self._vote(code, ent.start, 1)
        dateline = dateline_country(doc, kb) if len(doc) else None
        if dateline is not None:
            self._vote(dateline, 0, self.cfg.dateline_weight)
        self.dateline = dateline
        # a one-sentence text (a headline, an event report) naming a single country: one vote is enough
        self.short = len(set(starts)) <= self.cfg.short_sentences
        self.winner = self._clear(self.article)

    def _vote(self, code: str, at: int, weight: int) -> None:
        self.article[code] += weight
        self.paragraphs.setdefault(self.para[at], Counter())[code] += weight

    def _clear(self, votes: Counter[str]) -> str | None:
        ranked = votes.most_common(2)
        if self.short and len(ranked) == 1:
            return ranked[0][0]
        if not ranked or ranked[0][1] < self.cfg.min_votes:
            return None
        second = ranked[1][1] if len(ranked) > 1 else 0
        return ranked[0][0] if ranked[0][1] >= self.cfg.margin * second else None

    def at(self, token: int) -> tuple[str | None, str]:
        """(country, scope) for a token: the paragraph's clear country, else the article's unless the
        paragraph names other countries more often; scope is "paragraph" or "article"."""
        votes = self.paragraphs.get(self.para[token], Counter())
        own = self._clear(votes)
        if own is not None:
            return own, "paragraph"
        if self.winner is None:
            return None, "article"
        others = sum(v for c, v in votes.items() if c != self.winner)
        if others > votes.get(self.winner, 0) and others >= self.cfg.paragraph_override_votes:
            return None, "article"
        return self.winner, "article"


def apply_context(
    doc: Doc,
    drafts: list[Draft],
    kb: KnowledgeBase,
    lex: CorefLexicon,
    offices: dict[str, str] | None = None,
    holder: Holder | None = None,
    day: date | None = None,
    local_roles: frozenset[str] = frozenset(),
    state_roles: frozenset[str] = frozenset(),
    organ_phrases: frozenset[str] = frozenset(),
    organ_roles: dict[str, Role] | None = None,
) -> None:
    """Give role actors without a country the story's country (rule ``+country-context:XXX``); an office
    (``offices``: role key -> office name) becomes its holder on ``day`` when ``holder`` knows one."""
    roles = frozenset(lex.context_roles)
    named_roles = roles | frozenset(lex.context_named_roles)
    bodies = frozenset(lex.context.plural_bodies)
    institutions = frozenset(lex.context.institution_sectors)
    ethnic = frozenset(lex.context.ethnic_markers)
    peoples = frozenset(lex.context.peoples)
    todo = [
        d
        for d in drafts
        if d.spans
        and d.first.country is None
        and d.first.entry is None
        and (
            (d.first.unnamed and d.first.role_key in roles)
            # "officials said", "the authorities": a plural body of the story's state, whatever its role
            or (d.first.unnamed and doc[d.first.end - 1].lower_ in bodies and d.first.sector == "GOV")
            # "Tourism minister Prisca Mupfumira", "Judge X": a named person the KB lacks, titled by a role
            or (not d.first.unnamed and d.first.kind == "person" and d.first.role_key in named_roles)
            # "the Paranaque Regional Trial Court", "Department of Justice": a state organ the KB lacks
            or _institution(d, institutions)
            # "ethnic Albanians": an ethnic group is coded to the country it lives in, as "rebels" are
            # "the judiciary spokesman": the voice of a state organ the phrase names but does not own
            or _organ_voice(d, institutions)
            or (lex.context.plain_persons and _plain_person(d))
            or d.first.rule == "ethnic-people"
            or (d.first.rule == "ner:NORP" and d.first.name.lower().removeprefix("the ") in peoples)
            # "the Supreme Court", "Congress" capitalised: an organ's common name is no name of one state's
            or (
                not d.first.unnamed
                and d.first.kind != "person"
                and d.first.role_key in roles
                and _strip_the(d.first.name.lower()) in organ_phrases
            )
        )
        and d.first.owner is None
        and d.parent is None
    ]
    organs = _bare_organs(doc, drafts, organ_roles or {})
    if not todo and not organs:
        return
    ctx = CountryContext(doc, drafts, kb, lex, frozenset(id(d) for d, _r in organs))
    if not ctx.article:
        return
    for d, role in organs:
        _organ_of_story(doc, d, role, drafts, ctx)
    for d in todo:
        m = d.first
        words = doc[m.start : m.end]
        if _plain_person(d):
            # a person the KB lacks, with no title: the story's country only where no other country is named
            # in any sentence about them ("Noel Conway, 68, ..." in a British story)
            code, _scope = ctx.at(min(d.spans)[0])
            if (
                code is not None
                and not _other_country_near(doc, d, drafts, code, international=True, kb=kb)
                and not _titled_by_name(doc, d)
            ):
                d.first.country = code
                d.first.rule += f"+country-context:{code}"
            continue
        if _institution(d, institutions) or m.rule in ("ethnic-people", "ner:NORP"):
            code, _scope = ctx.at(min(d.spans)[0])
            if code is not None and not _foreign_place_in(words, code, kb):
                d.first.country = code
                d.first.rule += f"+country-context:{code}"
            continue
        if not m.unnamed:  # the name is PROPN of course; only a place or group in the title says whose
            # ("Interior Ministry spokesman X": an organ's name tagged ORG names no one's organ)
            if any(t.ent_type_ in ("GPE", "NORP", "ORG") and not _organ_ent(t, organ_phrases) for t in words):
                continue
        elif any(
            (t.ent_type_ in ("GPE", "NORP", "ORG") or (t.pos_ == "PROPN" and not t.is_sent_start))
            and not _ethnic(t, ethnic)
            and t.lower_ not in peoples
            for t in words[: _organ_suffix(words, organ_phrases | {(m.title or "").lower()})]
        ):
            continue  # "Congo's government", "Congolese troops": a name we could not resolve says whose
        if ctx.short and m.role_key not in local_roles and doc[m.end : m.end + 1].text == "in":
            continue  # "Troops in Iraq" (one sentence): often foreign troops; the place is no evidence
        if m.unnamed and m.kind == "person" and doc[m.end : m.end + 1].text in OF:
            continue  # "the president of the club": the complement says whose, not the story
        # (every mention of the actor such a noun: "officials" grouped with a "leader" by role is no body)
        plural_body = all(doc[e - 1].lower_ in ctx.cfg.plural_bodies for _s, e in d.spans)
        if m.unnamed and m.role_key not in roles and not plural_body and not _organ_voice(d, institutions):
            continue
        code, _scope = ctx.at(min(d.spans)[0])
        # "the governments", "military prosecutors": several countries' perhaps, unless no other country is
        # named where they are ("Prosecutors threatened to charge him" in a US story)
        if (
            m.kind != "group"
            and words[-1].tag_ in ("NNS", "NNPS")
            and not plural_body
            and (
                not m.unnamed
                or m.role_key not in roles
                or words[-1].lower_ in ctx.cfg.several_states
                or _other_country_near(doc, d, drafts, code)
            )
        ):
            continue
        if code is not None:
            d.first.country = code
            d.first.rule += f"+country-context:{code}"
            office = (offices or {}).get(m.role_key or "") if m.unnamed else None
            if office and holder is not None and day is not None:
                _to_holder(d, drafts, holder(office, code, day), f"office-context:{m.role_key}@{day}")
            elif m.unnamed and m.role_key in state_roles and m.kind != "person" and not plural_body:
                # "the government" of the story's country is that state, as "the Chinese government" is
                # China; a plural body ("the authorities", "officials") keeps its own actor with the country
                # (the country's GOV organs, not a mention of the state to link)
                state = kb.get(code)
                if state is not None and state.kind == "state":
                    _to_holder(d, drafts, state, f"role:{m.role_key}>kb:{code}+country-context:{code}")


OF = ("of", "for")  # "the president of the club": the complement says whose


def _destination(root: Token, goals: frozenset[str]) -> bool:
    """The place is where someone goes: "a visit to X", "travelled to X", "arrived in X", "visited X"."""
    head = root.head
    if root.dep_ == "dobj":
        return head.lemma_.lower() == "visit"
    if root.dep_ != "pobj" or head.lower_ not in ("to", "in"):
        return False
    lemma = head.head.lemma_.lower()
    return lemma in goals and (head.lower_ == "to" or lemma in ("arrive", "land"))


def _ethnic(tok: Token, ethnic: frozenset[str]) -> bool:
    """A demonym after "ethnic" ("ethnic Albanian guerrillas"): a people, saying nothing of whose state."""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in ethnic


def _organ_suffix(words: Span, organ_phrases: frozenset[str]) -> int:
    """Where the organ's common name ending ``words`` starts ("Supreme Court" in "the Supreme Court"), so
    that its own capitals are not taken for a name saying whose it is; else the head word's position."""
    for i in range(len(words) - 1):
        if " ".join(t.lower_ for t in words[i:]) in organ_phrases:
            return i
    return len(words) - 1


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def _bare_organs(doc: Doc, drafts: list[Draft], organ_roles: dict[str, Role]) -> list[tuple[Draft, Role]]:
    """KB organisations named only by an organ's common name ("the Foreign Office", "Congress", "the Supreme
    Court"), which several states have: each with the role that name is."""
    out: list[tuple[Draft, Role]] = []
    if not organ_roles:
        return out
    for d in drafts:
        e = d.first.entry
        if e is None or e.kind != "organization" or not d.spans or e.country in (None, *NON_STATES):
            continue
        names = {" ".join(t.lower_ for t in doc[s:end] if t.lower_ != "the") for s, end in d.spans}
        keys = {r.key if (r := organ_roles.get(n)) is not None else "" for n in names}
        if len(keys) == 1 and (role := organ_roles.get(next(iter(names)))) is not None:
            out.append((d, role))
    return out


def _organ_of_story(doc: Doc, d: Draft, role: Role, drafts: list[Draft], ctx: CountryContext) -> None:
    """A bare organ name in a story set in another country than the KB entry's is that country's organ ("the
    Foreign Office in Kabul" is Afghanistan's): the role actor of the story's country (rule
    ``role:foreign-ministry+country-context:AFG``), joining that organ's actor when there is one already."""
    entry = d.first.entry
    assert entry is not None
    code, _scope = ctx.at(min(d.spans)[0])
    if code is None or code == entry.country:
        return
    s0, e0 = min(d.spans)
    rule = f"role:{role.key}+country-context:{code}"
    same = next(
        (
            o
            for o in drafts
            if o is not d and o.spans and o.first.role_key == role.key and o.first.country == code
        ),
        None,
    )
    if same is not None:
        for s, e in sorted(d.spans):
            same.link(s, e, rule)
        d.spans.clear()
        return
    start = s0 + 1 if doc[s0].lower_ == "the" and e0 - s0 > 1 else s0
    d.first = Mention(
        start=start,
        end=e0,
        rule=rule,
        kind=role.kind,
        name=doc[start:e0].text,
        country=code,
        sector=role.sector,
        sectors=[role.sector],
        role_key=role.key,
        unnamed=True,
    )


def _other_country_near(
    doc: Doc,
    d: Draft,
    drafts: list[Draft],
    code: str | None,
    international: bool = False,
    kb: KnowledgeBase | None = None,
) -> bool:
    """Whether a sentence with a mention of ``d`` also names a country other than ``code`` (with
    ``international``, an international organisation too, whose envoy a person may be; with ``kb``, a place
    of another country too)."""
    sents = {(doc[s].sent.start, doc[s].sent.end) for s, _e in d.spans}
    for o in drafts:
        c = o.first.country
        if o is d or c is None or c == code or (c in NON_STATES and not international):
            continue
        if any(a <= s < b for s, _e in o.spans for a, b in sents):
            return True
    if kb is not None:  # places too: "Pagliano flew in from France"
        for a, b in sents:
            for ent in doc[a:b].ents:
                if ent.label_ == "GPE" and (where := place_of(ent.text, kb)) is not None and where != code:
                    return True
    return False


def _titled_by_name(doc: Doc, d: Draft) -> bool:
    """Whether a mention of the person is titled by a named entity ("U.N. mediator Diego Cordovez",
    "Hamas leader X"): whose they are is that name's business, not the story's."""
    for s, e in d.spans:
        head = doc[s:e].root
        if any(t.i < s and t.ent_type_ in ("ORG", "GPE", "NORP") for t in head.subtree):
            return True
    return False


def _plain_person(d: Draft) -> bool:
    """A named person the KB lacks, with no title or role, no one's member."""
    m = d.first
    return (
        not m.unnamed
        and m.kind == "person"
        and m.entry is None
        and m.label == "PERSON"
        and m.role_key is None
        and m.rule.startswith("ner:PERSON")
        and m.owner is None
        and d.parent is None
        and d.title is None
    )


def _organ_voice(d: Draft, sectors: frozenset[str]) -> bool:
    """A spokesman or official of a state organ named only by its common noun ("the judiciary spokesman")."""
    m = d.first
    return m.unnamed and m.kind == "person" and "+of-organisation:" in m.rule and m.sector in sectors


def _institution(d: Draft, sectors: frozenset[str]) -> bool:
    """A named organisation the KB lacks whose name makes it a state organ ("Regional Trial Court")."""
    m = d.first
    return (
        not m.unnamed
        and m.kind == "organization"
        and m.entry is None
        and m.label == "ORG"
        and m.sector in sectors
        and m.owner is None
    )


def _foreign_place_in(words: Span, code: str, kb: KnowledgeBase) -> bool:
    """Whether a capitalised word of a name is a place of another country than ``code`` ("Ontario
    Provincial Police" in a story set in the US)."""
    for t in words:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or len(t.text) < 3:
            continue
        where = _state_names(kb).get(t.lower_)
        if where is None and (town := place_country(t.text)) is not None and town[1] >= TOWN_POP:
            where = town[0]
        if where is not None and where != code:
            return True
        if where is None and known_place(t.text, TOWN_POP):
            return True  # a big town of several countries' ("Venice Commission"): not clearly the story's
    return False


TOWN_POP = 50_000  # a smaller namesake ("Justice", Illinois) says nothing of whose an organ is


def _organ_ent(tok: Token, organ_phrases: frozenset[str]) -> bool:
    """Whether the NER entity holding ``tok`` is no more than a state organ's common name ("Interior
    Ministry", "Police"), which says nothing about whose it is."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return False
    words = [t.lower_ for t in ent if t.lower_ != "the"]
    return " ".join(words) in organ_phrases


def _to_holder(d: Draft, drafts: list[Draft], person: Entry | None, rule: str) -> None:
    """The role's draft becomes the KB entry it stands for (an office's holder, a government's state): joins
    that entry's actor, or takes the entry's identity."""
    if person is None:
        return
    m = d.first
    same = next((o for o in drafts if o is not d and o.spans and o.first.entry is person), None)
    if same is not None:
        for s, e in sorted(d.spans):
            same.link(s, e, rule)
        if same.title is None:
            same.title = d.title or m.title
        d.spans.clear()
        return
    suffix = f"+country-context:{m.country}"
    new = entry_mention(m.start, m.end, person, rule if rule.endswith(suffix) else rule + suffix)
    new.title, new.role_key = m.title, m.role_key
    d.first = new


# Third-person singular pronouns a protagonist may be referred to by, with their gender.
PROTAGONIST_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
PROTAGONIST_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj"})
PROTAGONIST_MIN = 2  # mentions the article's main person needs (its name and at least one more)
PROTAGONIST_MARGIN = 2.0  # ... and this many times as many as any other person
PROTAGONIST_WINDOW = 2  # sentences before the pronoun in which no other person may be named


def _gender_of(doc: Doc, d: Draft) -> str | None:
    """m/f from the pronouns already linked to the person, else from the first name; None when unknown or
    mixed."""
    said = {
        PROTAGONIST_PRONOUNS.get(doc[s].lower_) or ("m" if doc[s].lower_ == "his" else None)
        for s, e in d.spans
        if e - s == 1
    } - {None}
    if len(said) == 1:
        return said.pop()
    if said:
        return None
    words = d.first.name.split()
    return first_name_gender(words[0]) if len(words) > 1 else None


def link_protagonist(doc: Doc, drafts: list[Draft]) -> None:
    """A "he"/"she" the pronoun resolver left unlinked (it is cautious across paragraph breaks and between
    close candidates) is the article's main person: the one person with at least ``PROTAGONIST_MIN``
    mentions and ``PROTAGONIST_MARGIN`` times as many as any other, named before the pronoun, whose gender
    does not contradict it (mention rule ``protagonist:he``). Not where another person is named in the
    pronoun's sentence or the ``PROTAGONIST_WINDOW`` sentences before it ("Lighthizer called the move
    unjustified ... he said" is Lighthizer's, whoever the story is about); not an object whose own clause's
    subject is the protagonist (binding: "Bajwa met the father and condoled with him"); not after a quotation
    mark in its sentence ('"...," he said': the quote's speaker) nor in what a noun other than the person
    said ("an expert said he doubted"). Only subjects and objects: a possessive "her"/"his" is left alone.
    Run after coref.py."""
    persons = sorted((d for d in drafts if d.spans and d.first.kind == "person"), key=lambda d: -len(d.spans))
    if not persons:
        return
    top = persons[0]
    second = len(persons[1].spans) if len(persons) > 1 else 0
    if len(top.spans) < PROTAGONIST_MIN or len(top.spans) < PROTAGONIST_MARGIN * second:
        return
    covered = bytearray(len(doc))
    for d in drafts:
        for s, e in d.spans:
            covered[s:e] = b"\x01" * (e - s)
    # other people named (an unnamed predicate or appositive role, "was a former army officer", is nobody new)
    others = sorted(
        s
        for d in persons[1:]
        for s, e in d.spans
        if not (d.first.unnamed and doc[s:e].root.dep_ in ("attr", "appos", "oprd"))
    )
    mine = frozenset(i for s, e in top.spans for i in range(s, e))
    starts = sentence_starts(doc)
    sent_starts = sorted(set(starts))
    first = min(s for s, _e in top.spans)
    gender = _gender_of(doc, top)
    for tok in doc[first + 1 :]:
        want = PROTAGONIST_PRONOUNS.get(tok.lower_)
        if want is None or covered[tok.i] or tok.dep_ not in PROTAGONIST_DEPS or tok.tag_ == "PRP$":
            continue
        if gender is not None and gender != want:
            continue
        n = bisect.bisect_right(sent_starts, tok.i) - 1
        since = sent_starts[max(0, n - PROTAGONIST_WINDOW)]
        lo = bisect.bisect_left(others, since)
        if lo < len(others) and others[lo] < tok.i:
            continue  # another person named just before: the resolver's doubt stands
        if tok.dep_ != "nsubj" and tok.dep_ != "nsubjpass" and _clause_subject_in(tok, mine):
            continue
        if tok.dep_ == "nsubj" and any(
            c.dep_ in ("dobj", "dative") and c.i in mine for c in tok.head.children
        ):
            continue  # binding the other way: "he also called Trump 'the first guy ...'" is not Trump
        if _after_quote(doc, tok, sent_starts[n]) or _reported_by_other(tok, mine):
            continue  # '"...," he said': the quote's speaker; "an expert said he doubted": the expert
        top.link(tok.i, tok.i + 1, f"protagonist:{tok.lower_}")


def _clause_subject_in(pron: Token, mine: frozenset[int]) -> bool:
    """The subject of the clause the object pronoun is in (its verb's own, or a coordinated verb's) is a
    mention of the person (token indices ``mine``)."""
    verb = pron.head.head if pron.dep_ == "pobj" else pron.head
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.i in mine
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _after_quote(doc: Doc, pron: Token, sent_start: int) -> bool:
    """A quotation mark comes before the pronoun in its sentence, other than one opening the sentence:
    '"...," he said' attributes a quote, whose speaker is the statements stage's to find, not the story's
    main person."""
    return any(t.text in _QUOTES for t in doc[sent_start + 1 : pron.i])  # not an opening mark: '"He had ...'


def _reported_by_other(pron: Token, mine: frozenset[int]) -> bool:
    """The pronoun's clause is what a noun other than the person said or thought ("an expert said he
    doubted ..."): the pronoun most likely stands for that noun."""
    verb = pron.head
    for _ in range(4):
        if verb.dep_ == "ccomp" and verb.head.i != verb.i:
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            return subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i not in mine
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
