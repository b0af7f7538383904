"""Streets and named buildings: places no gazetteer here holds, found by the form of their names.

- ``street``: a run of capitalised words before a street designator ("Royal Street", "N. Bedford Drive",
  "Assiniboine Avenue") or after a street opener ("Rue Casa Calvo"), whatever NER made of it, unless the next
  word is capitalised too ("Wall Street Journal") or NER's PERSON has a middle initial ("Marvin F. Lane").
- ``facility``: an ORG/FAC entity ending in a building word ("Northwestern Memorial Hospital", "Carnegie
  Library", "Meydan Racecourse"), the word's GeoNames feature code from ``facility_features``.

Neither has coordinates of its own: :func:`place_in_town` puts each at the town the article names nearest to
it ("... Crossroads Correctional Center in Shelby"), and leaves it unresolved when the article names no town.
Words, designators and feature codes are data (``lexicon.yaml``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..common import token_texts
from .gazetteer import Entry
from .lexicon import lexicon
from .mentions import Mention

# Words allowed inside a multi-word name ("Bank of Mexico", "Alder Hey Children's Hospital").
_JOINERS = frozenset({"of", "the", "and", "de", "du", "la", "'s", "’s", "&"})
_MAX_WORDS = 5


def _name_word(tok: Token) -> bool:
    return (tok.is_alpha and tok.is_title) or tok.text in lexicon().street_initials


def _streets(doc: Doc, owner: list[tuple[int, int, str] | None]) -> list[tuple[int, int]]:
    lex = lexicon()
    out: list[tuple[int, int]] = []
    texts = token_texts(doc)  # Tokens only at street words and openers, not for every word
    for i in [i for i, w in enumerate(texts) if w in lex.street_words or w in lex.street_openers]:
        tok = doc[i]
        if tok.text in lex.street_words and i > 0:
            start = i
            while (
                start > 0
                and i - start < _MAX_WORDS
                and _name_word(doc[start - 1])
                and doc[start - 1].text not in lex.street_words
            ):
                if doc[start - 1].is_sent_start and doc[start - 1].text in ("The", "A", "An"):
                    break
                start -= 1
            end = i + 1
        elif tok.text in lex.street_openers and i + 1 < len(doc) and doc[i + 1].is_title:
            start, end = i, i + 1
            while (
                end < len(doc)
                and end - i <= _MAX_WORDS
                and (_name_word(doc[end]) or doc[end].text[:2] == "d’")
            ):
                end += 1
        else:
            continue
        if end - start < 2 or (end < len(doc) and doc[end].is_title and not doc[end].is_sent_start):
            continue  # "Street" alone; "Wall Street Journal"
        own = owner[start]
        if (
            own is not None
            and own[2] == "PERSON"
            and any(
                len(t.text) == 2 and t.text.endswith(".") and t.text not in lex.street_initials
                for t in doc[start:end]
            )
        ):
            continue  # "Virginia L. Lane"
        out.append((start, end))
    return out


def _facilities(doc: Doc) -> list[tuple[int, int, str]]:
    feats = lexicon().facility_features
    out: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC") or len(ent) < 2:
            continue
        end = ent.end
        while end > ent.start and doc[end - 1].text in ("'s", "’s"):
            end -= 1
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        code = feats.get(doc[end - 1].text) if end - start >= 2 else None
        if code is None:
            continue
        words = doc[start:end]
        if any(t.like_num for t in words) or not all(
            t.is_title or t.is_upper or t.text in _JOINERS for t in words
        ):
            continue
        out.append((start, end, code))
    return out


def find_sites(doc: Doc, owner: list[tuple[int, int, str] | None], found: list[Mention]) -> list[Mention]:
    """Street and building mentions; a place mention inside a street's name ("North State" of "North State
    Street") gives way to it and is removed from ``found``."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for s, e in _streets(doc, owner):
        span = doc[s:e]
        a, b = span.start_char, span.end_char
        found[:] = [m for m in found if not (a <= m.start and m.end <= b)]
        if any(m.start < b and a < m.end for m in found):
            continue
        out.append(Mention(a, b, span.text, "street", (), feature="R.ST"))
        taken.append((a, b))
    for s, e, code in _facilities(doc):
        span = doc[s:e]
        a, b = span.start_char, span.end_char
        if any(x < b and a < y for x, y in taken) or any(m.start == a and m.end == b for m in found):
            continue
        out.append(Mention(a, b, span.text, "facility", (), feature=code))
    return out


def place_in_town(doc: Doc, mentions: list[Mention]) -> None:
    """Give each street or building the point of a town the article names: the nearest in its sentence
    ("Crossroads Correctional Center in Shelby"), else the dateline's town, else the town the article names
    most often in the country it names most often (ties: the nearest). A town inside another name
    ("Washington University") counts only in the last case. Unresolved when the article names no town."""
    if not any(m.feature is not None for m in mentions):
        return
    placed = [m for m in mentions if m.best is not None and m.feature is None and not m.demonym]
    towns = [m for m in placed if m.best is not None and m.best.kind == "city"]
    countries = Counter(m.best.iso3 for m in placed if m.best is not None and m.best.iso3)
    names = Counter(m.best.name for m in towns if m.best is not None)
    # Countries by the distinct names the article gives places in them ("Dubreuil" twice is one name).
    named = Counter(iso3 for iso3, _ in {(m.best.iso3, m.text) for m in placed if m.best and m.best.iso3})
    sents = doc.has_annotation("SENT_START")
    for m in mentions:
        if m.feature is None or m.best is not None:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if sents else None
        lo, hi = (span.sent.start_char, span.sent.end_char) if span is not None else (m.start, m.end)
        pool = [t for t in towns if lo <= t.start < hi and not t.embedded and _at_home(t, named)]
        pool = pool or [t for t in towns if t.rule.startswith("dateline")]
        if not pool and towns:
            top = max(countries[t.best.iso3 or ""] for t in towns if t.best is not None)
            pool = [t for t in towns if t.best is not None and countries[t.best.iso3 or ""] == top]
            most = max(names[t.best.name] for t in pool if t.best is not None)
            pool = [t for t in pool if t.best is not None and names[t.best.name] == most]
        if not pool:
            m.score_rule = "no-town"
            continue
        town = min(pool, key=lambda t: abs(t.start - m.start))
        e: Entry = town.best  # type: ignore[assignment]
        m.best = replace(
            e,
            name=m.text,
            kind="point",
            feature=m.feature,
            population=0,
            geonameid=None,
            capital=False,
            source="article-town",
        )
        m.confidence = 0.4
        m.score_rule = "in-town"


_CITY_POP = 100_000


def _at_home(town: Mention, countries: Counter[str]) -> bool:
    """A town in the country the article names most, in one it names by two names or more, or a city
    (100,000+): not a lone small namesake abroad ("Dubreuil", a surname NER called a place that the
    gazetteer has only in Mauritius, in a story about New Orleans)."""
    if town.best is None or not countries:
        return False
    n = countries[town.best.iso3 or ""]
    return n == max(countries.values()) or n > 1 or town.best.population >= _CITY_POP
