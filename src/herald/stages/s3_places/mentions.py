"""Finding place mentions: spaCy GPE/LOC/FAC entities, plus curated/country names that NER missed.

Rules (each mention records which one found it):

- ``ner:GPE`` / ``ner:LOC``: every GPE and LOC entity with a capital letter. ``ner:FAC`` only when the
  gazetteer knows the facility (a FAC entity is as often a road, bridge or building no gazetteer holds).
- ``match``: a country, US state, continent or curated region/sea/site name written exactly (case included)
  outside every NER entity — so a PERSON ("Jordan Peterson"), ORG ("Turkey Hill Dairy") or NORP entity is
  never re-read as a place, and lower-case words ("turkey", "chad") never match.
- PERSON, ORG, NORP (demonyms), WORK_OF_ART... entities are never places.
- ``"A, B"`` in one entity ("Paris, Texas") is split in two mentions, and B qualifies A; an unknown entity
  that runs two area names together ("Asia-Pacific") is split too (``+split``).
- ``dateline``: a town in capitals opening a line ("ALBUQUERQUE, N.M. (AP) -").
- ``match:discourse``: one sense per article — another occurrence of a name the article uses as a place.
- ``street`` / ``facility``: streets and named buildings by the form of their names (:mod:`.sites`).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..common import doc_text, token_texts
from .gazetteer import Entry
from .lexicon import lexicon
from .store import Store

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Leading words NER sometimes takes into a place span; dropped so the mention is the name itself.
_LEADING = frozenset({"the", "The"})
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K.": a name written with periods


@dataclass
class Mention:
    start: int  # character offsets
    end: int
    text: str
    rule: str
    candidates: tuple[tuple[Entry, bool], ...]
    demonym: bool = False  # "Syrian", "Gazans": a demonym or adjective standing for the place
    embedded: bool = False  # "Toronto" of "Toronto Police Services Board": inside an organisation's name
    feature: str | None = None  # a street or building found by its name's form (sites.py): its feature code
    qualifier: Mention | None = None
    qualifies: Mention | None = None
    # Neighbours in a list of places ("Alaska, Alabama, Arizona and Wyoming"): same level, as a rule.
    siblings: list[Mention] = field(default_factory=list)
    # Filled during resolution.
    best: Entry | None = None
    score_rule: str = ""
    confidence: float = 0.0
    counted: bool = False  # whether this mention's country counted as context
    scores: list[tuple[float, Entry]] = field(default_factory=list)


@functools.lru_cache(maxsize=4)
def _matcher(vocab: Vocab, names: frozenset[str]) -> PhraseMatcher:
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    matcher.add("PLACE", [tokenizer(name) for name in sorted(names)])
    return matcher


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without a leading 'the' and a trailing possessive."""
    while start < end and doc[start].text in _LEADING:
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _has_upper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def find_mentions(doc: Doc, store: Store) -> list[Mention]:
    found: list[Mention] = []
    # Token -> the entity holding it; place entities may give way to a longer curated name.
    owner: list[tuple[int, int, str] | None] = [None] * len(doc)
    for ent in doc.ents:
        for tok in ent:
            owner[tok.i] = (ent.start, ent.end, ent.label_)
        if ent.label_ not in PLACE_LABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        span = doc[start:end]
        if not _has_upper(span.text):
            continue
        found.extend(_entity_mentions(doc, span.start, span.end, f"ner:{ent.label_}", store))
    matcher = _matcher(doc.vocab, store.match_names)
    spans = sorted(((s, e) for _, s, e in matcher(doc)), key=lambda se: (se[0], -(se[1] - se[0])))
    last_end = -1
    for s, e in spans:
        if s < last_end or not _free(doc, owner, s, e, store):
            continue
        last_end = e
        span = doc[s:e]
        cands = store.candidates(span.text)
        if not cands:
            continue
        # A longer curated name ("Rafah crossing") replaces the NER place inside it ("Rafah").
        found = [m for m in found if not (span.start_char <= m.start and m.end <= span.end_char)]
        found.append(Mention(span.start_char, span.end_char, span.text, "match", cands))
    found.extend(_context_matches(doc, owner, found, store))
    found.extend(_demonyms(doc, owner, found, store))
    found.extend(_embedded(doc, found, store))
    found.extend(_datelines(doc, found, store))
    found.extend(_discourse(doc, owner, found))
    from .sites import find_sites  # sites.py builds on Mention

    found.extend(find_sites(doc, owner, found))
    found.sort(key=lambda m: m.start)
    _link_qualifiers(doc, found)
    _link_lists(doc, found)
    return found


_LIST_GLUE = frozenset({",", "and", ", and", "or", ", or", "&"})


def _link_lists(doc: Doc, mentions: list[Mention]) -> None:
    """Neighbours joined by a comma, "and" or "or" and nothing else are siblings of one list, unless one
    qualifies the other ("Richmond, Virginia")."""
    text = doc_text(doc) if len(mentions) > 1 else ""
    group: list[Mention] = []
    for a, b in itertools.pairwise(mentions):
        joined = (
            b.start - a.end <= 6
            and a.qualifier is not b
            and b.qualifier is not a
            and not (a.demonym or b.demonym)
            and " ".join(text[a.end : b.start].split()) in _LIST_GLUE
        )
        if joined:
            group = group or [a]
            group.append(b)
            continue
        _siblings(group)
        group = []
    _siblings(group)


def _siblings(group: list[Mention]) -> None:
    for m in group:
        m.siblings = [o for o in group if o is not m]


def _taken(found: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in found)


def _context_matches(
    doc: Doc, owner: list[tuple[int, int, str] | None], found: list[Mention], store: Store
) -> list[Mention]:
    """Town and admin1 names NER missed, kept only with a locative cue: "in/near/from/outside X", or
    "X, <state or country>". Not inside a longer name: the next token is not capitalised, and an entity
    over the name must be exactly the name (NER often calls a lone town a PERSON or ORG)."""
    out: list[Mention] = []
    cues = lexicon().context_cues
    matcher = _matcher(doc.vocab, store.context_names)
    for _, s, e in matcher(doc):
        span = doc[s:e]
        if not span[0].is_title or _taken(found, span.start_char, span.end_char):
            continue
        if e < len(doc) and (doc[e].is_title or doc[e].text in ("'s", "’s")) and not doc[e].is_sent_start:
            continue  # "Franklin Street", "Alexandria's mayor" is fine but "Jackson's" often a person
        own = {owner[i] for i in range(s, e)}
        if any(o is not None and (o[0], o[1]) != (s, e) for o in own):
            continue  # part of a longer entity ("Jackson Browne", "Cairns Post")
        before = doc[s - 1] if s > 0 else None
        tagged = any(o is not None for o in own)
        if tagged and (before is None or before.lower_ not in lexicon().strong_context_cues):
            continue
        after = doc[e + 1] if e + 1 < len(doc) and doc[e].text == "," else None
        qualified = after is not None and any(
            c.kind in ("admin1", "country") for c, _ in store.candidates(after.text)
        )
        if not qualified and (before is None or before.lower_ not in cues):
            continue
        cands = store.candidates(span.text)
        if cands:
            out.append(Mention(span.start_char, span.end_char, span.text, "match:context", cands))
    return out


_EMBEDDING = frozenset({"ORG", "FAC"})
_EMBEDDED_POP = 100_000


def _strong(cands: tuple[tuple[Entry, bool], ...]) -> bool:
    """A name that is a country's, a state's, a county's or a big town's own name ("Toronto", "Jamaica",
    "Colorado", "Henry County")."""
    return any(
        p
        and (
            e.kind in ("country", "continent", "admin1")
            or e.source.startswith("curated")
            or (e.kind == "city" and e.population >= _EMBEDDED_POP)
            or e.kind == "admin2"  # "Douglas County" of "Douglas County Hospital": the county, not a town
        )
        for e, p in cands
    )


def _embedded(doc: Doc, found: list[Mention], store: Store) -> list[Mention]:
    """A place name opening an organisation's or facility's name ("Toronto Police Services Board",
    "Jamaica Cancer Society", "Japan's Ministry of Agriculture"): the name still names the place, so
    toponym datasets such as GeoWebNews count it. Only countries, states and towns of 100,000 people or more,
    written as their primary name; flagged ``embedded``."""
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in _EMBEDDING or len(ent) < 2:
            continue
        start, _ = _trim(doc, ent.start, ent.end)
        # The name must leave some of the organisation's name after it, unless an opener precedes it.
        limit = ent.end - 1 + (1 if doc[ent.end - 1].text in ("'s", "’s") else 0)
        if doc[start].text in lexicon().org_openers and start + 1 < ent.end:
            start += 1  # "Air Zimbabwe", "Air Canada Cargo"
            limit += 1
        found_here = False
        for width in (3, 2, 1):
            end = start + width
            if end > limit or end > len(doc):
                continue
            if not (doc[end - 1].is_alpha or _ABBREVIATION.fullmatch(doc[end - 1].text)):
                continue  # "Armenia-" of "Armenia-Italy", "Japan’s" of "Japan’s Ministry": ends before
            span = doc[start:end]
            if not all(t.is_title or t.is_upper for t in span if t.is_alpha):
                continue
            if _taken(found, span.start_char, span.end_char):
                break
            cands = store.candidates(span.text)
            if cands and _strong(cands):
                mention = Mention(span.start_char, span.end_char, span.text, f"embedded:{ent.label_}", cands)
                mention.embedded = True
                out.append(mention)
                found_here = True
                break
            if width > 1 and any(p for _, p in cands):
                break  # "Boulder City Council": a small town's name, not Boulder's
        if not found_here and ent.label_ == "ORG":
            out.extend(_of_place(doc, ent, found + out, store))
    return out


def _of_place(doc: Doc, ent: Span, found: list[Mention], store: Store) -> list[Mention]:
    """A place closing an organisation's name after "of" ("the Conference Board of Canada", "the University
    of Georgia"): the same embedded name as an opening one."""
    end = ent.end - (1 if doc[ent.end - 1].text in ("'s", "’s") else 0)
    for width in (3, 2, 1):
        start = end - width
        if start <= ent.start + 1 or doc[start - 1].lower_ != "of":
            continue
        span = doc[start:end]
        if not all(t.is_title or t.is_upper for t in span if t.is_alpha):
            continue
        if _taken(found, span.start_char, span.end_char):
            continue
        cands = store.candidates(span.text)
        if cands and _strong(cands):
            mention = Mention(span.start_char, span.end_char, span.text, f"embedded:{ent.label_}:of", cands)
            mention.embedded = True
            return [mention]
    return []


def _demonyms(
    doc: Doc, owner: list[tuple[int, int, str] | None], found: list[Mention], store: Store
) -> list[Mention]:
    """ "Syrian", "Gazan", "Sri Lankan": a demonym, for the place it names, whatever NER made of it alone
    (NORP, often PERSON); flagged ``demonym`` so users who count only names can drop them. Not inside a
    longer name ("Syrian Observatory for Human Rights")."""
    out: list[Mention] = []
    if not store.demonyms:
        return out
    matcher = _matcher(doc.vocab, store.demonym_names)
    for _, s, e in matcher(doc):
        own = {owner[i] for i in range(s, e)}
        if any(o is not None and ((o[0], o[1]) != (s, e) and o[2] != "NORP") for o in own):
            continue  # inside a longer name: "Syrian Observatory for Human Rights"
        if any(o is not None and o[2] in ("ORG", "WORK_OF_ART", "FAC") for o in own):
            continue
        span = doc[s:e]
        if _taken(found, span.start_char, span.end_char):
            continue
        entry = store.demonyms[span.text]
        out.append(
            Mention(span.start_char, span.end_char, span.text, "demonym", ((entry, True),), demonym=True)
        )
    return out
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        start, end = _trim(doc, ent.start, ent.end)
        text = doc[start:end].text
        entry = store.demonyms.get(text)
        if entry is None or _taken(found, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
            continue
        span = doc[start:end]
        out.append(
            Mention(span.start_char, span.end_char, span.text, "demonym", ((entry, True),), demonym=True)
        )
    return out


def _free(doc: Doc, owner: list[tuple[int, int, str] | None], s: int, e: int, store: Store) -> bool:
    """May a gazetteer match over tokens s..e stand? Not inside a PERSON/ORG/NORP... entity, except an ORG
    entity that is exactly a country or curated region name (NER often calls "Crimea" an ORG), or an entity
    strictly inside the longer matched name. An admin1 area NER called an ORG ("Montana offered") counts too.
    """
    for i in range(s, e):
        own = owner[i]
        if own is None:
            continue
        start, end, label = own
        if label in PLACE_LABELS:
            if start < s or end > e or (start, end) == (s, e):
                return False  # NER's place is as long or longer: keep NER's mention
            continue
        if s <= start and end <= e and end - start < e - s:
            continue  # NER took part of a longer known name ("Rafah" of "Rafah crossing") for a person
        if start < len(doc) and doc[start].lower_ == "the":
            start += 1  # "the Holy See" as an ORG
        if label == "ORG" and (start, end) == (s, e):
            strong = any(
                p and (c.kind in ("country", "continent", "admin1") or c.source.startswith("curated"))
                for c, p in store.candidates(doc[s:e].text)
            )
            if strong:
                continue
        return False
    return True


_AREA_HEADS = frozenset({"state", "city", "commonwealth", "town", "village", "county", "province"})


def _entity_mentions(doc: Doc, start: int, end: int, rule: str, store: Store) -> list[Mention]:
    span = doc[start:end]
    cands = store.candidates(span.text)
    if (
        end - start > 2
        and doc[start].lower_ in _AREA_HEADS
        and doc[start + 1].lower_ == "of"
        and all(e.kind == "admin2" for e, _ in cands)
    ):
        # "the State of Illinois", "City of Norfolk": the place is the name after "of".
        rest = store.candidates(doc[start + 2 : end].text)
        if rest:
            start, span, cands = start + 2, doc[start + 2 : end], rest
    if not cands and end - start > 1 and doc[start].lower_ in lexicon().directions:
        # "Northeast Georgia", "southern Lebanon": the area is placed at the named place.
        cands = store.candidates(doc[start + 1 : end].text)
        rule += "+direction"
    commas = [t.i for t in span if t.text == ","]
    if not cands and len(commas) == 1 and start < commas[0] < end - 1:
        # "Paris, Texas" as one entity: two mentions, the second qualifying the first.
        head = doc[start : commas[0]]
        tail = doc[commas[0] + 1 : end]
        first = Mention(head.start_char, head.end_char, head.text, rule, store.candidates(head.text))
        second = Mention(tail.start_char, tail.end_char, tail.text, rule, store.candidates(tail.text))
        return [first, second]
    if not cands and end - start > 1:
        parts = _split(doc, start, end, store)
        if parts:
            return [
                Mention(p.start_char, p.end_char, p.text, rule + "+split", store.candidates(p.text))
                for p in parts
            ]
    if not cands and end - start > 1 and doc[end - 1].lower_ in lexicon().area_designators:
        # "Sokoto State", "Kandahar Province", "Oromia region": the admin1 area of that name, never a town.
        # A capitalised designator is part of the proper name; a lower-case one is not ("Idlib province").
        cands = tuple((e, p) for e, p in store.candidates(doc[start : end - 1].text) if e.kind == "admin1")
        if cands:
            rule += "+designator"
            if doc[end - 1].is_lower:
                span = doc[start : end - 1]
    if rule == "ner:FAC":
        # A facility is resolved only to a curated site or an area ("Gilgit-Baltistan"): "White House" is no
        # town in Tennessee.
        cands = tuple(
            (e, p)
            for e, p in cands
            if e.source.startswith("curated") or (p and e.kind in ("admin1", "country"))
        )
        if not cands:
            return []
    return [Mention(span.start_char, span.end_char, span.text, rule, cands)]


def _split(doc: Doc, start: int, end: int, store: Store) -> list[Span]:
    """An unknown NER place that is two known names run together ("Asia-Pacific", "Greece Italy" with its
    comma lost) is the two of them; one with trailing lower-case words ("Pacific equatorial") or a leading
    capitalised word that is no place ("Politics Ukraine") is the known name alone. Only names strong enough
    to stand alone: countries, continents, curated regions, admin1 areas."""
    for cut in range(start + 1, end):
        if doc[cut].text == "-":
            continue
        left = doc[start : cut - 1] if doc[cut - 1].text == "-" else doc[start:cut]
        right = doc[cut:end]
        if not len(left):
            continue
        lc, rc = store.candidates(left.text), store.candidates(right.text)
        if _area(lc) and _area(rc) and (_nation(lc) or _nation(rc)):
            return [left, right]  # not "Nile Delta" (a river and Nigeria's Delta State): one must be a nation
    last = end
    while last > start + 1 and doc[last - 1].is_lower:
        last -= 1
    if last < end and _area(store.candidates(doc[start:last].text)):
        return [doc[start:last]]
    first = doc[start]
    rest = doc[start + 1 : end]
    if end - start == 2 and first.is_title and rest[0].is_title and not store.candidates(first.text):
        return [rest] if _area(store.candidates(rest.text)) else []
    return []


def _nation(cands: tuple[tuple[Entry, bool], ...]) -> bool:
    return any(p and e.kind in ("country", "continent") for e, p in cands)


def _area(cands: tuple[tuple[Entry, bool], ...]) -> bool:
    """A country's, continent's, curated region's or admin1 area's own name."""
    return any(
        p and (e.kind in ("country", "continent", "admin1") or e.source.startswith("curated"))
        for e, p in cands
    )


def _link_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """``A, B`` where B names an admin1 area or a country: B qualifies A."""
    starts: dict[int, int] | None = None  # comma offsets, built only when two mentions are that close
    for a, b in itertools.pairwise(mentions):
        if b.start not in (a.end + 1, a.end + 2):
            continue
        if starts is None:  # doc.text is rebuilt per access: use the tokens
            starts = {t.idx: t.i for t in doc if t.text == ","}
        if starts.get(a.end) is None:
            continue
        if _nation(a.candidates):
            continue  # "China, Japan and Britain": a list of countries, not a town in Japan
        state = any(p and e.kind == "admin1" for e, p in a.candidates)
        if state and not any(e.kind == "country" for e, _ in b.candidates):
            continue  # "Alaska, Alabama, Arizona": a list of states
        if any(e.kind in ("admin1", "country") for e, _ in b.candidates):
            a.qualifier, b.qualifies = b, a


_DATELINE_AFTER = frozenset({",", "(", "—", "–", "-", "--"})


def _datelines(doc: Doc, found: list[Mention], store: Store) -> list[Mention]:
    """A dateline's town in capitals at the start of a line or sentence: "ALBUQUERQUE, N.M. (AP) -",
    "WASHINGTON (AP) -", "TORONTO —", whatever NER made of it. After a comma, the next word must name a
    state or country ("N.M.", "Wash.") or be in capitals too."""
    out: list[Mention] = []
    n = len(doc)
    # Tokens only for words in capitals (the same tests as Token.is_upper / is_alpha), not for every word.
    for i in [i for i, w in enumerate(token_texts(doc)) if len(w) >= 3 and w.isupper() and w.isalpha()]:
        tok = doc[i]
        if not tok.is_upper or not tok.is_alpha or len(tok) < 3:
            continue
        i = tok.i
        if not (i == 0 or tok.is_sent_start or (doc[i - 1].is_space and "\n" in doc[i - 1].text)):
            continue
        end = i + 1
        while end < n and end - i < 3 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end + 1 >= n or doc[end].text not in _DATELINE_AFTER:
            continue
        nxt = doc[end + 1]
        if doc[end].text == "," and not (
            nxt.is_upper or any(c.kind in ("admin1", "country") for c, _ in store.candidates(nxt.text))
        ):
            continue
        if doc[end].text == "(" and not nxt.is_upper:
            continue
        span = doc[i:end]
        if _taken(found, span.start_char, span.end_char):
            continue
        cands = store.candidates(span.text)
        if cands:
            out.append(Mention(span.start_char, span.end_char, span.text, "dateline", cands))
    return out


_NAMED_BY_NER = ("ner:GPE", "ner:LOC", "match", "dateline")


def _discourse(doc: Doc, owner: list[tuple[int, int, str] | None], found: list[Mention]) -> list[Mention]:
    """One sense per article: a name the article uses as a place (NER's GPE/LOC or an exact gazetteer
    match) is a place at its other occurrences too, where NER called it a lone PERSON or ORG or nothing
    ("relations between Harare and London" after "in Harare"). Not inside a longer name, and never for a name
    the article also uses inside a person's name ("Michael Jordan" ... "Jordan said")."""
    names: dict[str, Mention] = {}
    for m in found:
        if (
            m.rule.startswith(_NAMED_BY_NER)
            and not (m.demonym or m.embedded)
            and len(m.text) > 3
            and any(p for _, p in m.candidates)
        ):
            names.setdefault(m.text, m)
    if not names:
        return []
    persons = " ".join(e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
    by_first: dict[str, list[tuple[int, Mention]]] = {}
    for text, m in names.items():
        if text in persons:
            continue
        n = len(doc.char_span(m.start, m.end, alignment_mode="expand") or ())
        by_first.setdefault(text.split()[0], []).append((n, m))
    out: list[Mention] = []
    for i in [i for i, w in enumerate(token_texts(doc)) if w in by_first]:  # Tokens only at the names
        tok = doc[i]
        for n, m in by_first.get(tok.text, ()):
            s, e = tok.i, tok.i + n
            span = doc[s:e]
            if e > len(doc) or span.text != m.text or _taken(found + out, span.start_char, span.end_char):
                continue
            if e < len(doc) and doc[e].is_title and not doc[e].is_sent_start:
                continue
            if s > 0 and doc[s - 1].is_title and not tok.is_sent_start:
                continue
            own = {owner[i] for i in range(s, e)}
            if any(o is not None and ((o[0], o[1]) != (s, e) or o[2] in PLACE_LABELS) for o in own):
                continue
            out.append(Mention(span.start_char, span.end_char, span.text, "match:discourse", m.candidates))
    return out
