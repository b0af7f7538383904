"""Finding actor mentions in a Doc: role phrases, KB names, capitals/seats, unknown named entities.

Order matters: role phrases first (they absorb their modifiers and the name that follows: "Chinese foreign
ministry spokesman Lin Jian" is one mention), then KB names, then the named entities nobody claimed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..common import sentence_starts
from .bulk_format import norm_name
from .bulk_link import NON_NATIONAL, BulkLinker, Context, NameVariants
from .cities import known_place, place_country
from .coref_lexicon import load_coref_lexicon
from .kb import Entry
from .kb_index import BulkIndex
from .lexicon import Lexicons, Role
from .matcher import Hit, KBMatcher, KBSpan, PhraseTrie, token_keys
from .mentions import Mention, entry_mention
from .ner_repair import NerRepair, credit_spans, initial_names
from .origins import origin_demonym
from .place_args import SECTOR as PLACE_SECTOR
from .place_args import place_argument, place_mention
from .syntax import MODIFIER_DEPS, head_of, is_agentive, is_location, is_noun_like, lift_conj, modifies_noun

NER_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "state"}
# Named entities whose inside is a different name ("George Washington", "Beijing Daily").
# NER labels an organisation's name often gets ("the Citizens Coalition for Change" as LAW)
MISLABELLED_ORG = frozenset({"ORG", "NORP", "GPE", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC"})
NAME_LABELS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
STOP_LEFT_POS = frozenset({"DET", "NUM", "ADP", "PRON", "CCONJ", "AUX", "ADV", "SCONJ"})
# A PERSON/ORG entity that is a town's name is read as the town only for big towns ("Lyon", "Marseille"):
# smaller ones share their names with people ("Jackson", "Lincoln").
MISLABELLED_TOWN_POP = 300_000
# A proper noun before a role noun that NER did not call a place gives a country only for a sizeable town.
ROLE_TOWN_POP = 100_000
# Participles by which an organisation says where it sits ("based in Beirut").
BASED_WORDS = frozenset({"based", "headquartered", "located", "stationed"})


class Finder:
    def __init__(self, kb: KBMatcher, roles: PhraseTrie[Role], lex: Lexicons) -> None:
        self.kb = kb
        self.roles = roles
        self.lex = lex
        self.honorifics = NameVariants.load().honorifics
        self.bulk: BulkLinker | None = None  # the bulk KB (kb_index), for names the curated KB lacks
        self.linked: dict[str, Entry] = {}  # bulk entries linked in the current Doc, by key
        self._variants: dict[str, set[str]] | None = None  # spelling-tolerant curated forms -> keys
        self._state_words: frozenset[str] | None = None  # states' names, aliases and demonyms
        self.ctx = Context()
        self.owner_suffixes = frozenset(lex.owner_suffixes)
        self.motion = frozenset(lex.motion_words)
        self.place_nouns = frozenset(lex.place_nouns)
        self.ethnic = frozenset(lex.ethnic_markers)
        self.origin_suffixes = frozenset(lex.origin_suffixes)
        self.origin_nouns = frozenset(lex.origin_nouns)
        self.policy_nouns = frozenset(lex.policy_nouns)
        self.action_nouns = frozenset(lex.action_nouns)
        self.strike_nouns = frozenset(lex.strike_nouns)
        self.harm_verbs = frozenset(lex.harm_verbs)
        self.action_modifiers = frozenset(lex.action_modifiers)
        self.inanimate = frozenset(lex.inanimate_nouns)
        self.phenomena = frozenset(lex.phenomenon_words)
        self.former = frozenset(lex.former_markers)
        self.authority_verbs = frozenset(lex.speech_verbs) | frozenset(lex.authority_verbs)
        # group references ("both governments") are resolve.py's, not a role of their own
        self.group_refs = frozenset(" ".join(p.lower().split()) for r in lex.pairs for p in r.phrases)
        self.opposition = frozenset(lex.opposition_markers)
        self.side_words = frozenset(lex.side_words)
        self.side_prefixes = tuple(lex.side_prefixes)
        self.side_targets = frozenset(lex.side_targets)
        self._state_lower: frozenset[str] | None = None
        self.top_markers = frozenset(lex.top_markers)
        self.roles_by_key = {r.key: r for r in lex.roles}
        self.org_sectors = [(tuple(f" {w} " for w in o.words), o.sector) for o in lex.org_name_sectors]
        self.region_words = frozenset(lex.region_words)
        self.repair = NerRepair(load_coref_lexicon())
        self.org_name_heads = frozenset(load_coref_lexicon().org_name_heads)
        self._org_head_ids = frozenset(get_string_id(w) for w in self.org_name_heads)

    def use_bulk(self, index: BulkIndex) -> None:
        """Link names the curated KB lacks to the bulk index (kb_index), with the article's support."""
        self.bulk = BulkLinker(index, self.kb.kb)

    # --- helpers -------------------------------------------------------------------------------------------
    def choose(self, span: KBSpan, resolved: set[str], day: date | None) -> tuple[Entry, Hit] | None:
        """Pick one entry for a surface form: already in the article > in office on the date > best-ranked."""
        hits = span.hits
        if hits and all(h.how == "ambiguous" for h in hits) and not any(h.key in resolved for h in hits):
            return None  # a shared name ("Congo", "Korea") needs support elsewhere in the article
        if len(hits) > 1:
            for h in hits:
                if h.key in resolved:
                    return self._pair(h)
            if day is not None:
                for h in hits:
                    e = self.kb.kb.get(h.key)
                    if e is not None and e.office_at(day) is not None:
                        return self._pair(h)
        return self._pair(hits[0]) if hits else None

    def _is_state(self, key: str) -> bool:
        entry = self.kb.kb.get(key)
        return entry is not None and entry.kind == "state"

    def _country_of(self, key: str) -> str | None:
        entry = self.kb.kb.get(key)
        return entry.country if entry is not None else None

    def _pair(self, hit: Hit) -> tuple[Entry, Hit] | None:
        entry = self.kb.kb.get(hit.key)
        return (entry, hit) if entry is not None else None

    def owner_entry(self, entry: Entry) -> Entry:
        """A capital or seat stands for its state's government; the state is the entry itself."""
        return entry

    def _org_names(self, doc: Doc, kb_spans: list[KBSpan]) -> list[Span]:
        """Organisation names NER missed, as ORG spans: title-case words ending in an organisation head noun
        (``org_name_heads``: "Citizens Coalition for Change", "Kachin Independence Army"), optionally with a
        "for/of" complement of title-case words. Not inside another entity, a KB name, or a title-case
        headline."""
        if not self.org_name_heads or not len(doc):
            return []
        # A set look-up per token: numpy.isin sorts both arrays on every call, which costs more.
        heads = self._org_head_ids
        hits = [i for i, low in enumerate(doc.to_array(LOWER).tolist()) if low in heads]
        out: list[Span] = []
        for i in hits:
            h = doc[i]
            if not h.is_title or (h.ent_type_ and h.ent_type_ not in MISLABELLED_ORG) or h.ent_type_ == "ORG":
                continue  # an ORG NER found is the NER pass's; a person's or date's word is no name's
            start = h.i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
                start -= 1
                if doc[start].is_sent_start:
                    break
            if start == h.i:
                continue  # "the Party": no name of its own
            end = h.i + 1
            if end + 1 < len(doc) and doc[end].lower_ in ("for", "of"):
                j = end + 1
                while j < len(doc) and (
                    doc[j].is_title or (doc[j].lower_ == "and" and j + 1 < len(doc) and doc[j + 1].is_title)
                ):
                    j += 1
                if j > end + 1 and doc[j - 1].is_title:
                    end = j
            if out and start < out[-1].end:
                continue
            if any(k.start < end and start < k.end for k in kb_spans):
                continue  # a KB name ("African Union", "Russian Army") is the matcher's
            lo = start - 1 if start > 0 and doc[start - 1].dep_ == "det" else start
            if {t.ent_type_ for t in doc[start:end] if t.ent_type_} - MISLABELLED_ORG or any(
                x.start < lo or x.end > end for x in doc[start:end].ents
            ):
                continue  # part of a person's name, a date, or a longer entity
            starts = sentence_starts(doc)  # cached on the Doc (Token.sent scans the Doc)
            first = starts[h.i]
            last = h.i
            while last + 1 < len(doc) and starts[last + 1] == first:
                last += 1
            words = [t for t in doc[first : last + 1] if t.is_alpha]
            if len(words) >= 4 and sum(t.is_title for t in words) >= 0.6 * len(words):
                continue  # a title-case headline: every word is capitalised
            out.append(Span(doc, start, end, label="ORG"))
        return out

    # --- main ----------------------------------------------------------------------------------------------
    def find(self, doc: Doc, day: date | None) -> list[Mention]:
        n = len(doc)
        kb_spans = self.kb(doc)
        kb_at_end: dict[int, KBSpan] = {k.end: k for k in kb_spans}
        kb_at_start: dict[int, KBSpan] = {k.start: k for k in kb_spans}
        ent_of = [None] * n  # type: list[Span | None]
        ents = _close_parens(doc.ents)  # spaCy rebuilds the tuple on every access
        missed = initial_names(doc, ents)
        if missed:
            ents = tuple(sorted([*ents, *missed], key=lambda x: x.start))
        named_orgs = self._org_names(doc, kb_spans)
        if named_orgs:
            inner = {id(x) for x in ents if any(o.start <= x.start and x.end <= o.end for o in named_orgs)}
            ents = tuple(
                sorted([*(x for x in ents if id(x) not in inner), *named_orgs], key=lambda x: x.start)
            )
        for ent in ents:
            for i in range(ent.start, ent.end):
                ent_of[i] = ent
        taken = bytearray(n)
        mentions: list[Mention] = []
        # Entries named unambiguously anywhere in the article support their shared names ("Korea").
        resolved: set[str] = {h.key for k in kb_spans for h in k.hits if h.how != "ambiguous"}
        # Where each state is named (as actor or place): the context of a bare "the Prime Minister".
        states = [
            (k.start, h.key)
            for k in kb_spans
            for h in k.hits[:1]
            if h.how != "ambiguous" and self._is_state(h.key)
        ]

        # 1. role phrases, right to left so the head role absorbs modifier roles ("government officials").
        role_hits = self.roles(doc, token_keys(doc))
        role_start_at_end = {e: s for s, e, _r in role_hits}
        sent_starts = sentence_starts(doc) if role_hits else []
        self.linked = {}
        self.ctx = Context(countries={c for _, k in states if (c := self._country_of(k))})
        self.ctx.resolved = resolved
        for k in kb_spans:  # so do a state's organs ("the Pentagon", "the United States Congress")
            org = self.kb.kb.get(k.hits[0].key) if k.hits and k.hits[0].how != "ambiguous" else None
            country = org.country if org is not None and org.kind == "organization" else None
            if country and country not in NON_NATIONAL:
                self.ctx.countries.add(country)
        for ent in ents:  # towns and regions name their country too ("in Melbourne")
            if ent.label_ == "GPE" and (town := place_country(ent.text)) and town[1] >= ROLE_TOWN_POP:
                self.ctx.countries.add(town[0])
        role_sents = {sent_starts[s] for s, _e, _r in role_hits}
        for s, e, role in reversed(role_hits):
            if any(taken[s:e]):
                continue
            # A KB name covering the role phrase wins ("European Union" is not a trade union) unless another
            # country owns it ("the German Foreign Office" is not the UK's).
            if any(
                k.start <= s
                and e <= k.end
                and (k.end - k.start) >= (e - s)
                and not self._foreign_owner(doc, k, kb_at_end)
                for k in kb_spans
                if k.start <= s
            ):
                continue
            role_ent = ent_of[e - 1]
            if (
                role_ent is not None
                and role_ent.label_ in NAME_LABELS
                and _bare_end(role_ent) > e
                and role_ent.label_ != "PERSON"
            ):
                continue  # "Police Scotland", "Army Corps of Engineers": the name, not the role
            if (
                role_ent is not None
                and role_ent.label_ == "ORG"
                and any(doc[i].lower_ == "of" for i in range(role_ent.start, s))
            ):
                continue  # "the Nigerian Union of Teachers": a name ending in a role word
            if role_ent is not None and role_ent.label_ == "ORG" and self._named_head(doc, role_ent, s, e):
                continue  # "EB-5 Investment Coalition", "East European Coalition": a name, not the role
            m = self._role_mention(
                doc, s, e, role, kb_at_end, kb_at_start, ent_of, day, resolved, states, taken, sent_starts
            )
            if m is None:
                continue
            cut = self.repair.backer_end(doc, m.start, s) if m.unnamed else None
            if cut is not None:  # "Russian-backed separatists": Russia is a mention of its own (step 2)
                m.start, m.name = cut, _strip_det(doc[cut : m.end].text)
            self._possessor_title(doc, m, role_start_at_end, ent_of)
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            mentions.append(m)
            if m.owner is not None:
                mentions.append(m.owner)
            for sib in self._conjoined_states(doc, m, kb_at_end, resolved, day):
                if not any(taken[sib.start : sib.end]):
                    taken[sib.start : sib.end] = b"\x01" * (sib.end - sib.start)
                    mentions.append(sib)

        # 2. KB names, capitals, seats, demonyms.
        for k in kb_spans:
            if any(taken[k.start : k.end]):
                continue
            kb_ent = ent_of[k.start]
            if (
                kb_ent is not None
                and kb_ent.label_ in NAME_LABELS
                and (_bare_start(kb_ent) < k.start or _bare_end(kb_ent) > k.end)
            ):
                continue  # part of a longer name: handled with the named entity
            chosen = self.choose(k, resolved, day)
            if chosen is None:
                taken[k.start : k.end] = b"\x01" * (k.end - k.start)  # unsupported shared name: no actor
                continue
            if self._foreign_owner(doc, k, kb_at_end):
                continue
            entry, hit = chosen
            if (
                entry.kind == "state"
                and hit.how in ("name", "alias", "demonym")
                and self.repair.backer(doc, k.end)
            ):
                # "Russian-backed", "US-led": the country backing someone is a mention of the country
                m = entry_mention(k.start, k.end, entry, f"backer:{entry.key}")
                m.sector = m.sector or "GOV"
                taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                resolved.add(entry.key)
                mentions.append(m)
                continue
            head = head_of(doc, k.start, k.end)
            rule = f"kb:{entry.key}"
            if hit.how in ("capital", "seat"):
                # Capitals and seats are actors only as agents/speakers/possessors; otherwise places.
                arg = None if is_agentive(head) else place_argument(head, place_nouns=self.place_nouns)
                if not is_agentive(head) and arg is None:
                    taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                    continue
                rule = f"{hit.how}:{entry.key}" + (f"+{arg}" if arg else "")
                m = entry_mention(k.start, k.end, entry, rule)
                m.sector = PLACE_SECTOR[arg] if arg else m.sector or "GOV"
            elif hit.how == "demonym":
                if origin_demonym(doc, k.start, k.end, self.origin_suffixes, self.origin_nouns):
                    taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                    continue  # "a Kenyan-born aid worker": where they come from, no actor (origins.py)
                ethnic = k.start > 0 and doc[k.start - 1].lower_ in self.ethnic
                if not is_noun_like(head):
                    lifted = lift_conj(head)  # "the Turkish and Greek sides": both conjuncts
                    if entry.kind == "state" and not ethnic and self._military_action(head):
                        # "Israeli air strikes", "Russian shelling": the state's military acted.
                        m = entry_mention(k.start, k.end, entry, f"demonym-action:{entry.key}")
                        m.sector, m.sectors = "MIL", ["MIL", *[x for x in m.sectors if x != "MIL"]]
                        taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                        resolved.add(entry.key)
                        mentions.append(m)
                        continue
                    if (
                        entry.kind == "state"
                        and not ethnic
                        and lifted.dep_ == "amod"
                        and lifted.head.lemma_.lower() in self.policy_nouns
                    ):
                        # "an Indian proposal": the proposal is India's (the state acts through it).
                        m = entry_mention(k.start, k.end, entry, f"demonym-state:{entry.key}")
                        m.sector = m.sector or "GOV"
                        taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                        resolved.add(entry.key)
                        mentions.append(m)
                    elif entry.kind == "state" and not ethnic and self.repair.modifies_event(head):
                        # "Chinese sanctions", "a US veto": the state is the agent of the event noun
                        m = entry_mention(k.start, k.end, entry, f"demonym-event:{entry.key}")
                        m.sector = m.sector or "GOV"
                        taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                        resolved.add(entry.key)
                        mentions.append(m)
                    continue  # "Israeli tanks": an adjective, not an actor
                # "Israelis", "the Kurds": a people, i.e. civilians (PLOVER CVL); "ethnic Albanians" in
                # Macedonia are no Albanian nationals, so an ethnic demonym gives no country.
                m = Mention(
                    start=k.start,
                    end=k.end,
                    rule=f"demonym-people:{entry.key}" if not ethnic else "ethnic-people",
                    kind="group",
                    name=doc[k.start : k.end].text,
                    country=None if ethnic else entry.country,
                    sector="CVL",
                    sectors=["CVL"],
                )
            else:
                arg = None
                if entry.kind == "state" and is_location(head, self.motion, self.place_nouns):
                    arg = place_argument(
                        head, place_nouns=self.place_nouns
                    )  # "a curfew in X", "send arms to X": an event's argument
                    if arg is None:
                        taken[k.start : k.end] = b"\x01" * (k.end - k.start)
                        continue  # "in Gaza", "across Syria": a place
                m = entry_mention(k.start, k.end, entry, rule + (f"+{arg}" if arg else ""))
                if entry.kind == "state" and self._military_action(head):
                    # "a US drone strike", "Russia's offensive": the state acts through its military.
                    m.sector, m.sectors = "MIL", ["MIL", *[x for x in m.sectors if x != "MIL"]]
                    m.rule += "+action"
                if entry.kind == "person" and day is not None:
                    office = entry.office_at(day)
                    m.title = office.role if office else None
            taken[k.start : k.end] = b"\x01" * (k.end - k.start)
            resolved.add(entry.key)
            mentions.append(m)

        # 3. Named entities nobody claimed still become actors (never silently dropped).
        for ent in ents:
            kind = NER_KINDS.get(ent.label_)
            if kind is None or any(taken[ent.start : ent.end]):
                continue
            # NER calls a surname a place now and then ("Jayapal said"): a GPE the gazetteer does not know
            # as a sizeable place may still end the name of a person named earlier
            surname_ok = ent.label_ in ("PERSON", "ORG") or (
                ent.label_ == "GPE" and not known_place(ent.text, ROLE_TOWN_POP)
            )
            m = self._surname(doc, ent, resolved) if surname_ok else None
            if m is None and ent.label_ in ("PERSON", "ORG"):
                m = self._variant(doc, ent)
            if m is None and ent.label_ == "NORP" and self.bulk is not None:
                m = self._party_adjective(doc, ent, day)
            if m is None and self.bulk is not None:
                self.ctx.role_in_sentence = bool(role_sents) and sent_starts[ent.start] in role_sents
                self.ctx.role_country = None
                m = self._bulk_mention(doc, ent, day)
            if m is None:
                m = self._ner_mention(doc, ent, kind, kb_spans)
                if m is not None and ent in named_orgs:
                    noun = next((t.lower_ for t in ent if t.lower_ in self.org_name_heads), "")
                    m.rule += f"+name-head:{noun}"  # an organisation's name NER missed (_org_names)
            if m is not None:
                mentions.append(m)
                taken[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
                if m.entry is not None:
                    resolved.add(m.entry.key)
        mentions = _drop_redefined_acronyms(doc, mentions)
        credits = credit_spans(doc)
        if credits:  # the writers and their agency are no actors of the story
            mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in credits)]
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    # --- rules ---------------------------------------------------------------------------------------------
    def _role_mention(
        self,
        doc: Doc,
        s: int,
        e: int,
        role: Role,
        kb_at_end: dict[int, KBSpan],
        kb_at_start: dict[int, KBSpan],
        ent_of: list[Span | None],
        day: date | None,
        resolved: set[str],
        states: list[tuple[int, str]],
        taken: bytearray,
        sent_starts: list[int],
    ) -> Mention | None:
        head = doc[e - 1]
        if any(doc[max(s - k, 0) : e].text.lower() in self.group_refs for k in (1, 2)):
            return None  # "both governments", "the two governments": the pair named before (resolve.py)
        sent_start = sent_starts[e - 1]
        # Right: a person's name right after the role ("spokesman Lin Jian", "President Joe Biden").
        end = e
        person: Entry | None = None
        nxt = kb_at_start.get(e)
        name_text: str | None = None
        name_country: str | None = None
        ranked = False
        if nxt is not None:
            chosen = self.choose(nxt, resolved, day)
            if chosen is not None and chosen[0].kind == "person":
                person, end = chosen[0], nxt.end
            elif chosen is None:
                # "President Bush": two KB persons share the name, but both are the same country's.
                found = [self.kb.kb.get(h.key) for h in nxt.hits]
                countries = {f.country for f in found if f is not None and f.kind == "person"}
                if len(countries) == 1 and all(f is not None and f.kind == "person" for f in found):
                    name_country, end, name_text = countries.pop(), nxt.end, doc[e : nxt.end].text
        if person is None and e < len(doc):
            at = self._after_ranks(doc, e, ent_of)
            ent = ent_of[at]
            if at > e and ent is not None and ent.label_ == "PERSON" and ent.start == at:
                # "spokesman Brig. Nabil Abdallah", "Maj. Gen. X": NER splits the rank off the name (rule
                # +rank); the person is the role's all the same
                end, name_text, ranked = ent.end, doc[at : ent.end].text, True
            elif ent is not None and ent.label_ == "PERSON":
                end, name_text = ent.end, doc[e : ent.end].text
            elif ent_of[e - 1] is not None and ent_of[e - 1].label_ == "PERSON" and ent_of[e - 1].end > e:  # type: ignore[union-attr]
                pent = ent_of[e - 1]
                assert pent is not None
                end, name_text = pent.end, doc[e : pent.end].text
        if end > e and any(taken[e:end]):
            # "opposition leader Raila Odinga's spokesman": the name already belongs to the role after it
            # (roles run right to left), so this role gets no name and mentions never overlap.
            person, name_text, name_country, end = None, None, None, e
        named = person is not None or name_text is not None
        if not named and modifies_noun(head, e):
            return None  # "police station", "military operation": an adjective use
        if (
            not named
            and role.kind != "person"
            and head.tag_ in ("NN", "NNP")
            and is_location(head, self.motion)
        ):
            return None  # "outside parliament", "at the ministry": a building
        # Left: modifiers of the role noun ("Chinese", "China's", "Hamas-run", "Israeli army").
        start = s
        while start - 1 >= sent_start:
            tok = doc[start - 1]
            kb = kb_at_end.get(start)
            if kb is not None and kb.start >= sent_start:
                khead = head_of(doc, kb.start, kb.end)
                if start <= khead.head.i < end:
                    start = kb.start
                    continue
                if khead.dep_ == "conj" and start <= lift_conj(khead).head.i < end:
                    start = kb.start  # "[US and] British forces": the last conjunct; the others: siblings
                    break
            if tok.tag_ == "POS" or tok.dep_ == "case":
                start -= 1  # "China's"
                continue
            if tok.text == "-" and start - 2 >= sent_start:
                if tok.whitespace_ or doc[start - 2].whitespace_:
                    break  # a dash between words, not a hyphenated modifier
                start -= 1  # "Hamas-run", "US-backed"
                continue
            if tok.pos_ in STOP_LEFT_POS or tok.dep_ in (
                "det",
                "nummod",
                "cc",
                "conj",
                "prep",
                "appos",
                "punct",
            ):
                break
            if not start <= tok.head.i < end:
                break
            start -= 1
        part = ent_of[start] if start < s else None
        if part is not None and _bare_start(part) < start and part.end <= s and start not in kb_at_start:
            # a role does not cut into a name ("the Church of Scientology's lawyers": the church stays whole)
            start = part.end
            while start < s and (doc[start].tag_ == "POS" or doc[start].dep_ == "case"):
                start += 1
        title = doc[s:e].text.lower()
        top = next((doc[i].lower_ for i in range(start, s) if doc[i].lower_ in self.top_markers), None)
        if top is not None and (key := self.lex.top_roles.get(head.lemma_.lower())) in self.roles_by_key:
            # "the top Chinese diplomat" is China's foreign minister (rule role:<key>+top)
            role, title = self.roles_by_key[key], f"{top} {title}"
        side = self._side(doc, start, s)
        # "the president of France"
        country: str | None = None
        owner: Mention | None = None
        modifier: Entry | None = None
        i = start
        while i < e - 1:  # a KB organ may sit inside the role phrase: "[Foreign Office] spokesman"
            kb = kb_at_start.get(i)
            if kb is not None and kb.end < e:  # may reach into it: "[Chinese foreign ministry] spokesman"
                chosen = self.choose(kb, resolved, day)
                ethnic = kb.start > 0 and doc[kb.start - 1].lower_ in self.ethnic
                if chosen is not None and not ethnic:
                    owner_entry, _hit = chosen
                    after = kb.end
                    hyphen = after + 1 < len(doc) and doc[after].text == "-"
                    if hyphen and doc[after + 1].lower_ in self.owner_suffixes:
                        owner = entry_mention(kb.start, kb.end, owner_entry, f"kb:{owner_entry.key}")
                        resolved.add(owner_entry.key)
                        modifier = owner_entry
                    elif hyphen:
                        pass  # "US-backed forces" are not the US's
                    elif self._prefixed(doc, kb.start):
                        pass  # "pro-Russian separatists", "anti-US protesters" are not Russia's, the US's
                    elif owner_entry.kind == "state" or modifier is None:
                        modifier = owner_entry
                i = kb.end
                continue
            i += 1
        if owner is None:
            owner = self._ner_owner(doc, start, s, ent_of)
        if modifier is None and end < len(doc) - 1 and doc[end].lower_ == "of":
            j = end + 1
            if doc[j].lower_ == "the" and j + 1 < len(doc):
                j += 1
            kb = kb_at_start.get(j)
            possessor = kb is not None and kb.end < len(doc) and doc[kb.end].tag_ == "POS"
            if kb is not None and not possessor:  # "the chief of Israel's militia ally" is not Israel's
                chosen = self.choose(kb, resolved, day)
                if chosen is not None and chosen[0].kind == "state" and chosen[1].how in ("name", "alias"):
                    modifier, end = chosen[0], kb.end
        local: Entry | None = None
        in_place = False
        # "a newspaper based in X": any group or organisation says where it is, as a local role does with "in"
        based = end < len(doc) - 2 and doc[end].lower_ in BASED_WORDS and doc[end + 1].lower_ == "in"
        at = end + 1 if based else end
        # "the government of Sindh province": an organisation of a town or region is that place's
        of_place = role.kind == "organization" and at < len(doc) - 1 and doc[at].lower_ == "of"
        if (
            modifier is None
            and (((role.local or based) and at < len(doc) - 1 and doc[at].lower_ == "in") or of_place)
            and not named
        ):
            # "rebels in Darfur", "police in Guinea", "demonstrators in Baghdad": the country they are in (the
            # state or capital stays a place).
            j = at + 1
            if doc[j].lower_ == "the" and j + 1 < len(doc):
                j += 1
            pobj = next((c for c in doc[at].children if c.dep_ == "pobj"), None)
            first = ent_of[j]
            if kb_at_start.get(j) is None and (first is None or first.label_ == "NORP") and pobj is not None:
                # "based in Christian east Beirut": the place is the preposition's object, after its modifiers
                if (kb_end := kb_at_end.get(pobj.i + 1)) is not None:
                    j = kb_end.start
                elif (pent := ent_of[pobj.i]) is not None:
                    j = pent.start
            kb = kb_at_start.get(j)
            chosen = self.choose(kb, resolved, day) if kb is not None else None
            listed = kb is not None and any(
                c.dep_ == "conj" for c in head_of(doc, kb.start, kb.end).children
            )  # "armed groups in Syria, Iraq and Iran": which one is unknown
            if (
                chosen is not None
                and not listed
                and chosen[0].kind == "state"
                and chosen[1].how in ("name", "alias", "capital")
            ):
                local = chosen[0]
            elif (
                kb is None
                and (ent := ent_of[j]) is not None
                and ent.label_ in ("GPE", "LOC")
                and ent.start == j
            ):
                town = place_country(ent.text)  # "police in Kaduna": the country the town lies in
                if town is not None:
                    name_country, in_place = town[0], True
        if modifier is not None:
            country = modifier.country
        elif local is not None:
            country = local.country
        elif name_country is not None:
            country = name_country
        place: str | None = None
        if country is None and modifier is None and owner is None:
            # "Gaza residents", "Donetsk separatists", "Rafah's municipality": a town or region the KB does
            # not know gives the role the country the gazetteer puts it in.
            place = self._place_before(doc, start, s, ent_of)
            country = place
        non_state = False
        if country is None and role.country and modifier is None and owner is None and not named:
            country, non_state = role.country, True  # "human rights groups": non-governmental (NGO)
        if role.needs_country and country is None:
            return None  # "people", "the population": an actor only as some country's ("Zambian people")
        text = doc[start:end].text
        sector = role.sector
        sectors = [role.sector]
        # "former president X", "ex-minister": PLOVER codes former officials as elites.
        former = any(doc[i].lower_ in self.former for i in range(start, s))
        if (
            sector == "GOV"
            and role.kind == "person"
            and any(doc[i].lower_ in self.opposition for i in range(start, s))
        ):
            # "opposition leader X", "the opposition's candidate": the opposition's, not the government's.
            sector, sectors = "OPP", ["OPP", *[x for x in sectors if x != "OPP"]]
        if modifier is not None and modifier.kind != "state" and (role.generic or owner is not None):
            # "Hamas officials": Hamas's sector; "Hamas-run health ministry": the organ's, then Hamas's.
            extra = modifier.all_sectors()
            if role.generic and extra:
                sector = extra[0]
            sectors = [sector] + [x for x in [role.sector, *extra] if x != sector]
        org_rule = ""
        if role.generic and modifier is None and owner is None and not named and sector == role.sector:
            # "a spokeswoman for the party", "the company's spokesman": an organisation's, not the state's
            of_org = self._organisation_of(doc, start, s, end, kb_at_start, ent_of, resolved, day)
            if of_org is not None:
                sector, sectors = of_org, [of_org] if of_org else []  # "": an organisation, sector unknown
                org_rule = f"+of-organisation:{of_org or 'unknown'}"
        rule = f"role:{role.key}{org_rule}" + ("+rank" if ranked else "")
        if top is not None and role.key == self.lex.top_roles.get(head.lemma_.lower()):
            rule += "+top"
        if side is not None:
            rule += f"+side:{side}"
        if non_state:
            rule += f"+non-state:{country}"
        if local is not None:
            rule += f"+in:{local.key}"
        elif in_place:
            rule += f"+in-place:{name_country}"
        elif name_country is not None:
            rule += "+name-country"
        elif place is not None:
            rule += f"+place:{place}"
        # Who is it? A named KB person; else the office holder on the publication date; else the role itself.
        if person is None and not named and role.office and modifier is not None and modifier.kind == "state":
            holder = self.kb.holder(self.lex.office_name(role.office), country, day)
            if holder is not None:
                person = holder
                rule = f"office:{role.key}@{day.isoformat() if day else ''}"
        elif person is None and not named and role.office and modifier is None and day is not None:
            # "the Prime Minister" with one single state named before it in the article: that state's.
            before = {key for at, key in states if at < s}
            state = self.kb.kb.get(next(iter(before))) if len(before) == 1 else None
            if state is not None:
                holder = self.kb.holder(self.lex.office_name(role.office), state.country, day)
                if holder is not None:
                    person = holder
                    rule = f"office-context:{role.key}@{day.isoformat()}"
        variant = False
        if person is None and name_text is not None:
            # "Egyptian President El-Sissi": the name is a curated person's, spelt differently
            keys = self._variant_index().get(_variant_key(name_text), set())
            other = self.kb.kb.get(next(iter(keys))) if len(keys) == 1 else None
            if other is not None and other.kind == "person" and (country is None or other.country == country):
                person, variant = other, True
        if person is None and name_text is not None and self.bulk is not None:
            # "Kenyan opposition leader X": a bulk person of the role's country (the role's sector stands)
            self.ctx.role_in_sentence, self.ctx.role_country = True, country
            link = self.bulk.link(name_text, "PERSON", day, self.ctx)
            if link is not None and (country is None or link[0].country in (None, country)):
                linked, link_rule = link
                self.linked[linked.key] = linked
                resolved.add(linked.key)
                m = entry_mention(start, end, linked, f"role:{role.key}>{link_rule}")
                m.country = m.country or country
                m.sector = sector if not former else "ELI"
                m.sectors = list(dict.fromkeys([m.sector, *sectors, *linked.all_sectors()]))
                m.title, m.role_key = title, role.key
                m.label = "PERSON"
                return m
        if person is not None:
            m = entry_mention(start, end, person, rule if rule.startswith("office") else f"kb:{person.key}")
            m.rule += "+variant" if variant else ""
            m.title = title
            if former:
                m.sector, m.sectors = "ELI", ["ELI", *[x for x in m.sectors if x != "ELI"]]
                m.rule += "+former"
            resolved.add(person.key)
            return m
        if role.state and modifier is not None and modifier.kind == "state" and not named:
            m = entry_mention(start, end, modifier, f"role:{role.key}>kb:{modifier.key}")
            m.role_key = role.key
            resolved.add(modifier.key)
            return m
        kind = "person" if named else role.kind
        if former:
            sector, sectors = "ELI", ["ELI", *[x for x in sectors if x != "ELI"]]
            rule += "+former"
        m = Mention(
            start=start,
            end=end,
            rule=rule,
            kind=kind,
            name=name_text if name_text else _strip_det(text),
            country=country,
            sector=sector or None,
            sectors=sectors,
            title=title,
            role_key=role.key,
            owner=owner,
            unnamed=not named,
            plural=doc[e - 1].tag_ in ("NNS", "NNPS"),
            side=side,
        )
        if named:
            m.label = "PERSON"
        return m

    def _named_head(self, doc: Doc, ent: Span, s: int, e: int) -> bool:
        """An organisation name ending in an organisation head noun (``org_name_heads``: coalition, party,
        council...) with a capitalised word of its own before it that names no state ("Investment Coalition"),
        unlike "the Kenyan Coalition" or "the ruling coalition"."""
        if _bare_end(ent) != e or doc[e - 1].lemma_.lower() not in self.org_name_heads:
            return False
        states = self._state_words_lower()
        return any(
            t.is_title and t.lower_ not in states and t.lower_ not in self.side_words
            for t in doc[_bare_start(ent) : s]
        )

    def _side(self, doc: Doc, start: int, s: int) -> str | None:
        """The camp a modifier of the role names: "Republican senators", "pro-government militias" (lexicon
        side_words, side_prefixes); roles of two camps are two actors."""
        for w in doc[start:s].text.lower().split():
            if w in self.side_words:
                return w
            pre = next((p for p in self.side_prefixes if w.startswith(p)), None)
            rest = w[len(pre) :] if pre else ""
            if rest in self.side_targets or rest in self._state_words_lower():
                return w  # "pro-government", "anti-junta", "pro-Russian": not "anti-riot police"
        return None

    def _prefixed(self, doc: Doc, i: int) -> bool:
        """Token ``i`` follows a side prefix and a hyphen written as one word ("Russian" of "pro-Russian")."""
        if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
            return False
        return f"{doc[i - 2].lower_}-" in self.side_prefixes

    def _state_words_lower(self) -> frozenset[str]:
        if self._state_lower is None:
            self._state_lower = frozenset(w.lower() for w in self._demonyms())
        return self._state_lower

    def _after_ranks(self, doc: Doc, e: int, ent_of: list[Span | None]) -> int:
        """The token after up to three rank or honorific words ("Brig.", "Maj. Gen.", "Dr.") at ``e``;
        ``e`` itself when none is there or no name follows them."""
        at = e
        while at < len(doc) and at - e < 6 and doc[at].text.rstrip(".") in self._ranks:
            at += 2 if at + 1 < len(doc) and doc[at + 1].text == "." else 1
        return at if at < len(doc) and ent_of[at] is not None else e

    @functools.cached_property
    def _ranks(self) -> frozenset[str]:
        """Honorifics and abbreviated ranks (``name_variants.yaml``), without their full stop: the tokenizer
        sometimes splits "Brig." into "Brig" and "."."""
        return frozenset(h.rstrip(".") for h in self.honorifics if h.endswith(".") or len(h) <= 4)

    def _organisation_of(
        self,
        doc: Doc,
        start: int,
        s: int,
        end: int,
        kb_at_start: dict[int, KBSpan],
        ent_of: list[Span | None],
        resolved: set[str],
        day: date | None,
    ) -> str | None:
        """The sector of the organisation a generic role (spokesperson, official) belongs to, when its phrase
        names one that is no state: a possessor or compound ("the party's spokesman"), or a "for/of"
        complement ("a spokeswoman for the ruling party", "a spokesman for Shell"). "" for an organisation of
        unknown sector; None when the phrase names none (the role's own sector stands)."""
        padded = " " + " ".join(t.lower_ for t in doc[start:s] if t.tag_ != "POS" and t.dep_ != "case") + " "
        for words, sec in self.org_sectors:
            if any(w in padded for w in words):
                return sec
        if end >= len(doc) - 1 or doc[end].lower_ not in ("for", "of"):
            return None
        prep = doc[end]
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        j = end + 1
        while j < pobj.i and doc[j].dep_ == "det":
            j += 1
        kb = kb_at_start.get(j)
        if kb is not None:
            chosen = self.choose(kb, resolved, day)
            if chosen is None or chosen[0].kind == "state":
                return None  # "the spokesman of France" is its government's
            sectors = chosen[0].all_sectors()
            return sectors[0] if sectors else ""
        phrase = f" {doc[j : pobj.right_edge.i + 1].text.lower()} "
        for words, sec in self.org_sectors:
            if any(w in phrase for w in words):
                return sec
        ent = ent_of[pobj.i]
        if ent is not None and ent.label_ == "ORG" and ent.start >= j:
            return ""  # an organisation of its own, not (known to be) the government
        return None

    @staticmethod
    def _possessor_title(
        doc: Doc, m: Mention, role_start_at_end: dict[int, int], ent_of: list[Span | None]
    ) -> None:
        """'opposition leader Raila Odinga's spokesman': the possessor's title belongs to the mention too (the
        parser often hangs it elsewhere), so no overlapping "opposition leader Raila Odinga" is made."""
        ent = ent_of[m.start]
        title_start = role_start_at_end.get(m.start)
        if title_start is None or ent is None or ent.label_ != "PERSON" or ent.start != m.start:
            return
        if not any(t.tag_ == "POS" or t.lower_ == "'s" for t in doc[ent.start : min(ent.end + 1, m.end)]):
            return  # only a possessor's title ("X's spokesman")
        old = doc[m.start : m.end].text
        m.start = title_start
        if m.name == old:
            m.name = _strip_det(doc[m.start : m.end].text)

    def _harms(self, noun: Token) -> bool:
        verb = lift_conj(noun).head
        return noun.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in self.harm_verbs

    def _military_action(self, tok: Token) -> bool:
        """The token (a state's name or demonym) modifies a noun of military action, directly or through
        action modifiers ("[US] drone strike"); the noun's other noun modifiers are all action modifiers
        ("Israeli air strikes", not "a Kenyan police raid"); a strike noun needs one (not "a rail strike")."""
        nxt = tok.i + 1
        if nxt < len(tok.doc) and tok.dep_ == "amod" and tok.doc[nxt].pos_ in ("AUX", "VERB"):
            # the small model reads "Russian shelling hit" with "shelling" as an auxiliary
            return tok.doc[nxt].lower_ in self.action_nouns
        node = lift_conj(tok)
        for _ in range(3):
            if node.dep_ not in MODIFIER_DEPS and node.dep_ != "poss":
                return False
            head = node.head
            if head.i == node.i or head.pos_ not in ("NOUN", "PROPN"):
                return False
            words = (head.lemma_.lower(), head.lower_)
            strike = any(w in self.strike_nouns for w in words)
            if strike or any(w in self.action_nouns for w in words):
                mods = [
                    c
                    for c in head.children
                    if c.i < head.i
                    and c.dep_ in MODIFIER_DEPS
                    and c.pos_ in ("NOUN", "PROPN")
                    and c.i != node.i
                ]
                mods += [node] if node.i != lift_conj(tok).i else []
                if any(c.lower_ not in self.action_modifiers for c in mods):
                    return False
                # a bare "Israeli strikes" only as the subject of a verb of harm ("killed"), not "disrupted"
                return not strike or bool(mods) or self._harms(head)
            if head.lower_ not in self.action_modifiers:
                return False
            node = head
        return False

    def _conjoined_states(
        self, doc: Doc, m: Mention, kb_at_end: dict[int, KBSpan], resolved: set[str], day: date | None
    ) -> list[Mention]:
        """ "Hungarian and Romanian officials", "US and British forces": each conjoined state before the role
        is its own actor with the same role (the role mention keeps the state next to it)."""
        if m.role_key is None or m.country is None or not m.unnamed:
            return []
        out: list[Mention] = []
        i = m.start
        while i - 2 >= 0 and doc[i - 1].lower_ in ("and", ",", "or") and len(out) < 5:
            if not out and doc[i - 1].lower_ == ",":
                break  # a list ends "... and Polish officials"; "with Bulgaria, Macedonian officials" is none
            kb = kb_at_end.get(i - 1)
            chosen = self.choose(kb, resolved, day) if kb is not None else None
            if kb is None or chosen is None:
                break
            entry, hit = chosen
            if (
                entry.kind != "state"
                or hit.how not in ("name", "alias", "demonym")
                or entry.country == m.country
            ):
                break
            if kb.start > 0 and doc[kb.start - 1].lower_ in self.ethnic:
                break
            out.append(
                Mention(
                    start=kb.start,
                    end=kb.end,
                    rule=f"{m.rule.split('+')[0]}+conj:{entry.key}",
                    kind=m.kind,
                    name=f"{doc[kb.start : kb.end].text} {m.title or ''}".strip(),
                    country=entry.country,
                    sector=m.sector,
                    sectors=list(m.sectors),
                    title=m.title,
                    role_key=m.role_key,
                    unnamed=True,
                    plural=m.plural,
                )
            )
            i = kb.start
        return out

    def _foreign_owner(self, doc: Doc, k: KBSpan, kb_at_end: dict[int, KBSpan]) -> bool:
        """A national organ in the KB ("Foreign Office" = the UK's) preceded by another country's name or
        demonym ("the German Foreign Office", "Taiwan's Defense Ministry"): not that KB entry."""
        entry = self.kb.kb.get(k.hits[0].key)
        if entry is None or entry.kind == "state" or not entry.country or len(entry.country) != 3:
            return False
        i = k.start - 1
        if i >= 0 and doc[i].tag_ == "POS":
            i -= 1
        if i < 0:
            return False
        before = kb_at_end.get(i + 1)
        for h in before.hits if before is not None else []:
            e = self.kb.kb.get(h.key)
            if e is not None and e.kind == "state" and h.how in ("name", "alias", "demonym"):
                return e.country != entry.country
        return False

    def _authority_subject(self, head: Token) -> bool:
        """Active subject of a speech or authority verb ("Lagos said", "Lagos and Abuja imposed")."""
        tok = lift_conj(head)
        return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.authority_verbs

    def _town(self, doc: Doc, ent: Span, start: int, end: int) -> str | None:
        """Country (alpha-3) of a named entity that is a town or region the KB does not know, else None."""
        if start >= end or ent.label_ not in ("GPE", "ORG", "PERSON"):
            return None
        if start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_quote):
            return None  # the end of a person's name ("Jackie 'O' Henderson asked")
        text = doc[start:end].text
        found = place_country(text)
        if found is None:
            return None
        if ent.label_ == "GPE":
            # a small town's name is often a person's NER mislabelled ("Henderson said"): no country for it
            return found[0] if found[1] >= ROLE_TOWN_POP or found[1] == 0 else None
        if end - start != 1 or found[1] < MISLABELLED_TOWN_POP:
            return None
        word = doc[start].text
        if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in doc.ents):
            return None  # "Whitney Houston ... Houston said": the person
        return found[0]

    def _place_before(self, doc: Doc, start: int, s: int, ent_of: list[Span | None]) -> str | None:
        """Country of the first run of proper nouns in [start, s) that the gazetteer places in one country."""
        i = start
        while i < s:
            if doc[i].pos_ != "PROPN":
                i += 1
                continue
            j = i
            while j < s and doc[j].pos_ == "PROPN":
                j += 1
            found = place_country(doc[i:j].text)
            if origin_demonym(doc, i, j, self.origin_suffixes, self.origin_nouns):
                found = None  # "Somali-born lawmaker": a birthplace, not where the role is
            ent = ent_of[i]
            if found is not None and (
                (ent is not None and ent.label_ in ("GPE", "LOC")) or found[1] >= ROLE_TOWN_POP
            ):
                return found[0]
            i = j
        return None

    def _surname(self, doc: Doc, ent: Span, resolved: set[str]) -> Mention | None:
        """ "Cameron" after "David Cameron", "De Goey" after "Jordan De Goey": a one- or two-word name that
        ends the name of exactly one KB person already in the article."""
        start, end = _bare_start(ent), _bare_end(ent)
        while end - start > 1 and doc[start].text in self.honorifics:  # "M. Valls", "Sen. Warren"
            start += 1
        n = end - start
        if n not in (1, 2) or not all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end]):
            return None
        words = [_fold(t.text) for t in doc[start:end]]
        found = [
            e
            for key in resolved
            if (e := self.kb.kb.get(key) or self.linked.get(key)) is not None
            and e.kind == "person"
            and len(e.name.split()) > n
            and [_fold(w) for w in e.name.split()[-n:]] == words
        ]
        if len(found) != 1:
            return None
        return entry_mention(start, end, found[0], f"surname:{found[0].key}")

    def _variant(self, doc: Doc, ent: Span) -> Mention | None:
        """ "El-Sissi", "PUTIN": a named entity whose spelling-tolerant form (case, accents, a leading
        al-/el-, doubled letters) is the name or alias of exactly one curated person or organisation."""
        start, end = _bare_start(ent), _bare_end(ent)
        text = doc[start:end].text.removesuffix("'s").removesuffix("’s")
        key = _variant_key(text)
        if len(key.replace(" ", "")) < 4:
            return None
        keys = self._variant_index().get(key, set())
        entry = self.kb.kb.get(next(iter(keys))) if len(keys) == 1 else None
        if entry is None:
            return None
        return entry_mention(start, end, entry, f"kb:{entry.key}+variant")

    def _variant_index(self) -> dict[str, set[str]]:
        if self._variants is None:
            index: dict[str, set[str]] = {}
            for e in self.kb.kb:
                if e.kind in ("person", "organization", "group"):
                    for form in {e.name, *e.aliases} - set(e.ambiguous_aliases):
                        index.setdefault(_variant_key(form), set()).add(e.key)
            self._variants = index
        return self._variants

    def _people_noun(self, tok: Token) -> bool:
        """A plural demonym ("Serbs", "Kurds"): the name of a people."""
        return tok.text.endswith("s") and tok.text in self._demonyms()

    def _demonyms(self) -> frozenset[str]:
        if self._state_words is None:
            self._state_words = frozenset(
                w for e in self.kb.kb if e.kind == "state" for w in [e.name, *e.aliases, *e.demonyms]
            )
        return self._state_words

    def _party_adjective(self, doc: Doc, ent: Span, day: date | None) -> Mention | None:
        """ "the Socialist government", "Conservatives": a one-word party adjective or member noun tagged
        NORP stands for "<word> Party" of the article's country, when the article's countries single one
        party out (bulk rules for organisations, with the country required)."""
        assert self.bulk is not None
        start, end = _bare_start(ent), _bare_end(ent)
        if end - start != 1 or not doc[start].is_title:
            return None
        word = doc[start].text
        if word in self._demonyms() or word.removesuffix("s") in self._demonyms():
            return None  # "American aid groups": the people of a state, not the American Party
        for name in dict.fromkeys([f"{word} Party", f"{word[:-1]} Party" if word.endswith("s") else ""]):
            found = self.bulk.link(name, "ORG", day, self.ctx) if name else None
            if found is not None and ("+country" in found[1] or found[0].country in self.ctx.countries):
                entry, rule = found
                if entry.key not in self.kb.kb.entries:
                    self.linked[entry.key] = entry
                m = entry_mention(start, end, entry, f"{rule}+party-adjective")
                m.label = ent.label_
                return m
        return None

    def _bulk_mention(self, doc: Doc, ent: Span, day: date | None) -> Mention | None:
        """A named entity the curated KB lacks, linked to the bulk index when the article supports it."""
        assert self.bulk is not None
        start, end = _bare_start(ent), _bare_end(ent)
        if start >= end:
            return None
        # "Treasurer Joe Hockey": NER sometimes takes the title into the name; the title is an agent phrase
        agent = self.bulk.agents.prefix([t.lower_ for t in doc[start : min(end, start + 4)]])
        if agent is not None and ent.label_ == "PERSON" and end - (start + agent[0]) >= 2:
            title = doc[start : start + agent[0]].text
            start += agent[0]
            self.ctx.role_in_sentence = True
        else:
            agent, title = None, None
        text = doc[start:end].text
        if text.endswith("'s") or text.endswith("’s"):
            text = text[:-2]
        found = self.bulk.link(text, ent.label_, day, self.ctx)
        if found is None and end < len(doc) and doc[end].text in ("'s", "’s"):
            # "Sainsbury's", "McDonald's": NER left the name's own 's outside the entity
            found = self.bulk.link(text + "'s", ent.label_, day, self.ctx)
            end = end + 1 if found is not None else end
        if found is None:
            if agent is None:
                return None
            # not in the KB: still a person, with the sector the title gives ("Treasurer X" is GOV)
            return Mention(
                start=start,
                end=end,
                rule=f"ner:PERSON+agent:{agent[1]}",
                kind="person",
                name=text,
                sector=agent[1],
                sectors=[agent[1]],
                title=title.lower() if title else None,
                label="PERSON",
            )
        entry, rule = found
        if agent is not None:
            rule += f"+agent:{agent[1]}"
        if entry.key not in self.kb.kb.entries:
            self.linked[entry.key] = entry
        m = entry_mention(start, end, entry, rule)
        m.label = ent.label_
        if entry.kind == "person" and day is not None:
            office = entry.office_at(day)
            m.title = office.role if office and office.role not in ("legislator", "office") else None
        return m

    def _ner_owner(self, doc: Doc, start: int, s: int, ent_of: list[Span | None]) -> Mention | None:
        """ "Hamas-run" when Hamas is not in the KB: the named entity before "-run" owns the organ."""
        for i in range(start, s - 1):
            if doc[i].text == "-" and doc[i + 1].lower_ in self.owner_suffixes and i > start:
                ent = ent_of[i - 1]
                if ent is not None and ent.label_ in ("ORG", "PERSON", "NORP", "GPE"):
                    b = max(_bare_start(ent), start)
                    kind = NER_KINDS[ent.label_]
                    if b < i:
                        return Mention(b, i, f"ner:{ent.label_}", kind, doc[b:i].text, label=ent.label_)
        return None

    def _ner_mention(self, doc: Doc, ent: Span, kind: str, kb_spans: list[KBSpan]) -> Mention | None:
        text = ent.text.strip()
        if len(text) < 2 or text.islower():
            return None
        start, end = _bare_start(ent), _bare_end(ent)
        if (end - start == 1 and doc[start].lower_ in self.inanimate) or (
            end - start > 1 and doc[start].lower_ in self.phenomena
        ):
            return None  # "Debris damaged", "Hurricane Milton killed": no actor
        head = head_of(doc, ent.start, ent.end)
        if self.repair.is_place(doc, ent, start, end, head):
            # "the town of Maarat al-Numan" tagged PERSON: a place, the places stage's business, unless it is
            # an event's argument ("a curfew in the town of Cizre")
            arg = place_argument(head, place_nouns=self.place_nouns)
            where = place_country(doc[start:end].text) if arg is not None else None
            if arg is None or where is None:
                return None
            return place_mention(doc, start, end, where[0], arg)
        town = self._town(doc, ent, start, end)
        if town is not None or (ent.label_ == "GPE" and known_place(doc[start:end].text, ROLE_TOWN_POP)):
            # A town or region (not a KB state/capital) is a place; it stands for its authorities only as the
            # subject of a speech/authority verb ("Lagos imposed a curfew", not "Lyon beat Marseille"), and
            # then with the country it lies in.
            arg = (
                None if self._authority_subject(head) else place_argument(head, place_nouns=self.place_nouns)
            )
            if arg is None and not self._authority_subject(head):
                return None
            if town is not None:
                return place_mention(doc, start, end, town, arg)
        elif ent.label_ == "GPE" and not is_agentive(head):
            return None  # unknown places are the places stage's business
        if ent.label_ == "NORP" and not is_noun_like(head):
            return None
        country = None
        # A demonym or state name inside or right before the name gives the country ("Syrian activist X").
        for k in kb_spans:
            if ent.start - 1 <= k.start < ent.end and k.end <= ent.end:
                for h in k.hits:
                    e = self.kb.kb.get(h.key)
                    if e is not None and e.kind == "state" and h.how in ("demonym", "name", "alias"):
                        if k.end < end and doc[k.end].lower_ in self.region_words:
                            break  # "Niger Delta Development Commission": a region's, not Niger's
                        country = e.country
                        break
                    if (
                        e is not None
                        and h.how == "capital"
                        and ent.label_ == "ORG"
                        and k.start == start < k.end < end
                    ):
                        country = e.country  # "Baghdad University Medical School": the capital's country
                        break
            if country:
                break
        if start >= end:
            return None
        sector: str | None = None
        if ent.label_ == "NORP":
            sector = "CVL"  # "the Kurds": a people, i.e. civilians
        elif ent.label_ == "ORG":
            padded = f" {doc[start:end].text.lower()} "
            sector = next((sec for words, sec in self.org_sectors if any(w in padded for w in words)), None)
        repaired = ""
        if ent.label_ == "PERSON" and end - start > 1 and self._people_noun(doc[end - 1]):
            # "Bosnian Serbs" tagged PERSON: a people (civilians), not a person
            kind, sector, repaired = "group", "CVL", "+people"
        elif ent.label_ in ("PERSON", "ORG"):
            group_sector = self.repair.group_name(doc, start, end)
            if group_sector is not None and (ent.label_ == "PERSON" or (group_sector and not sector)):
                # "Ahrar al-Sham" tagged PERSON: a name made of organisation words is a group
                kind, sector = "group", group_sector or sector
                repaired = "+group-name" + (f":{sector}" if sector else "")
        return Mention(
            start=start,
            end=end,
            rule=f"ner:{ent.label_}"
            + (f"+name-sector:{sector}" if sector and ent.label_ == "ORG" and not repaired else "")
            + repaired,
            kind=kind,
            name=_strip_det(doc[start:end].text),
            country=country,
            sector=sector,
            sectors=[sector] if sector else [],
            label=ent.label_,
        )


def _fold(name: str) -> str:
    """Spelling-tolerant form of a surname: "El-Sissi" and "el-Sisi" agree."""
    letters = [c for c in name.lower() if c.isalpha()]
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


@functools.lru_cache(maxsize=8192)
def _variant_key(name: str) -> str:
    """Spelling-tolerant form of a whole name: no case, accents or punctuation, no leading Arabic article,
    doubled letters single ("El-Sissi" = "Sisi", "PUTIN" = "Putin")."""
    words = norm_name(name).split()
    if len(words) > 1 and words[0] in _PARTICLES:
        words = words[1:]
    return " ".join(_fold(w) for w in words)


def _close_parens(ents: Sequence[Span]) -> tuple[Span, ...]:
    """Named entities cut before a bracket they open but do not close: NER's "World Health Organisation
    (WHO" is the name "World Health Organisation", and "WHO" the KB's acronym after it."""
    if not any(t.text == "(" for ent in ents for t in ent[1:]):
        return tuple(ents)
    out: list[Span] = []
    for ent in ents:
        cut = next((t.i for t in ent[1:] if t.text == "("), None)
        if cut is not None and not any(t.text == ")" for t in ent.doc[cut : ent.end]):
            while cut > ent.start + 1 and ent.doc[cut - 1].is_space:
                cut -= 1
            ent = Span(ent.doc, ent.start, cut, label=ent.label_)
        out.append(ent)
    return tuple(out)


def _bare_start(ent: Span) -> int:
    """Start of a named entity without its determiner ("the UN Security Council")."""
    return ent.start + 1 if ent[0].lower_ in ("the", "a", "an") and len(ent) > 1 else ent.start


def _bare_end(ent: Span) -> int:
    """End of a named entity without trailing spaces, line breaks or a possessive ending: NER's "High
    Court's" is the name "High Court"."""
    end = ent.end
    while end > ent.start + 1 and (ent.doc[end - 1].is_space or ent.doc[end - 1].lower_ in _POSSESSIVE):
        end -= 1
    return end


_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text


# "the artificial pancreas (AP)": an acronym the article defines, after the words whose initials it spells.
_ACRONYM_DEF = re.compile(r"\(([A-Z]{2,6})\)")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "de", "on", "in", "&"})


def _defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article defines -> their long form ("AP" -> "artificial pancreas")."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        words = text[max(0, m.start() - 200) : m.start()].split()
        initials, taken = "", 0
        for w in reversed(words):  # walk back over the words until their initials spell the acronym
            if len(initials) == len(acr) or taken > 2 * len(acr):
                break
            taken += 1
            if w.lower() in _SMALL_WORDS:
                continue
            initials = w[:1].upper() + initials
        if initials == acr:
            out.setdefault(acr, " ".join(words[-taken:]))
    return out


def _drop_redefined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """An acronym the article defines as something else is not the KB actor that has it as an alias: "the
    artificial pancreas (AP)" is not the Associated Press. No link is better than a wrong one."""
    defined = _defined_acronyms(doc.text)
    if not defined:
        return mentions
    out = []
    for m in mentions:
        acr = doc[m.start : m.end].text
        long = defined.get(acr)
        if long is not None and m.entry is not None:
            names = {norm_name(n) for n in (m.entry.name, *m.entry.aliases)}
            if norm_name(long) not in names and not any(
                n and n in norm_name(long) for n in names - {norm_name(acr)}
            ):
                continue
        out.append(m)
    return out
