"""Name variants of one actor, joined into one mention chain before descriptions and pronouns are resolved.

An article names an actor in full once and then in shorter forms; NER labels the forms inconsistently, so the
actors stage sees several actors. These rules join them (each moved mention says why in its ``rule``):

- ``alias:same-name``: the same name up to case, a leading "the" and a possessive ("the Church of
  Scientology's" = "Church of Scientology");
- ``alias:surname``: a one- or two-word name that ends the name of exactly one person named before it
  ("Rathbun" after "Mark Rathbun", whatever label NER gave it; "Karbouly" after "Ziad al-Karbouly": a
  hyphenated particle of ``surname_particles`` in ``name_variants.yaml`` is left out; "Wang" after "Wang Yi"
  for a person of a ``family_name_first`` country);
- ``alias:acronym``: an acronym in brackets right after a name ("... Agnostics (UAAR)", also when NER cut the
  name short or took it for a person's: "Movimento 5| Stelle (M5S)"), which becomes a mention even where NER
  missed it, and its later uses; or whose letters are the initials of exactly one organisation's name;
  ``alias:acronym-expansion``: a name in brackets after an acronym with its letters, in any order ("CEI
  (Italian Episcopal Conference)");
- ``alias:short-name``: an organisation's name that is part of exactly one longer organisation name named
  before it and keeps its head noun ("the Supreme Court" after "the Italian Supreme Court of Cassation"), or
  is the words after its "of" ("Scientology" after "Church of Scientology"; never a place);
- ``alias:repeat``: a later occurrence of a chain's name (or a person's surname) that NER did not tag;
- ``alias:head-noun``: "the church", "the court" (a head noun of ``org_heads``) after exactly one organisation
  whose name has that head ("Church of Scientology"), unless another one ("a lower court") came up between.

Two actors the KB knows as different entries are never joined; an actor the KB knows absorbs the other.
Everything here is linear in the article's length (token scans with dictionary lookups) or quadratic only in
the number of actors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ...knowledge import load_layered
from .resolve import Draft, drafts_at
from .syntax import MODIFIER_DEPS, is_location

NAMED_KINDS = frozenset({"person", "organization", "group"})
ORG_KINDS = frozenset({"organization", "group"})
# Words an acronym skips ("Union of Rationalist Atheists and Agnostics" -> UAAR).
_MINOR = frozenset(
    {"of", "and", "the", "for", "in", "on", "de", "la", "di", "del", "des", "du", "und", "&", "to"}
)
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]{1,7}$")
_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@functools.lru_cache(maxsize=8192)
def _chain_key(name: str) -> str:
    """Case-less name without a leading "the" and a trailing possessive (not the bulk KB's lookup form:
    accents and punctuation stay)."""
    text = " ".join(name.replace("\u2019", "'").split())
    text = _POSSESSIVE.sub("", text).strip(" ,.;:")
    low = text.lower()
    return low[4:] if low.startswith("the ") else low


@functools.lru_cache(maxsize=8192)
def _words(name: str) -> tuple[str, ...]:
    return tuple(_chain_key(name).split())


def _named(d: Draft) -> bool:
    m = d.first
    return (
        bool(d.spans)
        and m.kind in NAMED_KINDS
        and not m.unnamed
        and not m.rule.startswith(("group-ref", "phantom", "office", "demonym"))
        and m.label not in _PLACE_LABELS
        and m.role_key is None
    )


def _family(d: Draft) -> str:
    return "person" if d.first.kind == "person" else "org"


def _head(words: tuple[str, ...]) -> str:
    """Head noun of an organisation's name: the word before its first "of"/"for", else its last word."""
    for i, w in enumerate(words):
        if w in ("of", "for") and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def _of_tail(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after an organisation name's first "of" ("church of scientology" -> "scientology")."""
    for i, w in enumerate(words):
        if w == "of" and 0 < i < len(words) - 1:
            return words[i + 1 :]
    return ()


def _initials(name: str) -> tuple[str, str]:
    """Initials of a name without and with its minor words ("Registrar of Societies": RS, ROS)."""
    words = name.replace("-", " ").split()
    return (
        "".join(w[0].upper() for w in words if w.lower() not in _MINOR),
        "".join(w[0].upper() for w in words),
    )


class Chains:
    """The named drafts of one article and the merges between them."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts

    def live(self) -> list[Draft]:
        named = [d for d in self.drafts if _named(d)]
        named.sort(key=lambda d: min(d.spans))
        return named

    def merge(self, keep: Draft, other: Draft, how: str) -> bool:
        """Move ``other``'s mentions into ``keep`` (the KB-known or earlier one); False if they conflict."""
        if keep is other or not other.spans:
            return False
        a, b = keep.first.entry, other.first.entry
        if a is not None and b is not None and a.key != b.key:
            return False
        if b is not None and a is None:
            keep, other = other, keep
        rule = f"alias:{how}"
        for s, e in other.spans:
            keep.spans.append((s, e))
            keep.span_rules.setdefault((s, e), other.span_rules.get((s, e), rule))
        for r in ["alias", *other.ref_rules]:
            if r not in keep.ref_rules:
                keep.ref_rules.append(r)
        if keep.title is None:
            keep.title = other.title
        if keep.first.entry is None and not keep.first.sector and other.first.sector:
            # "the Supreme Court" (a judiciary role) names what "the Supreme Court of Cassation" is
            keep.first.sector, keep.first.sectors = other.first.sector, list(other.first.sectors)
        other.spans.clear()
        for d in self.drafts:
            if d.parent is other:
                d.parent = keep
        return True


def _same_name(chains: Chains) -> None:
    by_name: dict[tuple[str, str], Draft] = {}
    for d in chains.live():
        key = (_family(d), _chain_key(d.first.name))
        if not key[1]:
            continue
        first = by_name.get(key)
        if first is None:
            by_name[key] = d
        elif chains.merge(first, d, "same-name") and not first.spans:
            by_name[key] = d  # the KB-known one kept the mentions


def _titled_person(d: Draft) -> bool:
    """ "Opposition leader Job Sikhala": a named person a role word titles (the role keeps its key)."""
    m = d.first
    return bool(d.spans) and m.kind == "person" and not m.unnamed and m.role_key is not None and not m.entry


def _unknown_place(d: Draft) -> bool:
    """A name NER called a place that neither the KB nor the gazetteer knows (a "state" with no country):
    often a surname ("Sikhala said" after "Job Sikhala")."""
    m = d.first
    return bool(d.spans) and m.label == "GPE" and m.kind == "state" and m.country is None and m.entry is None


def _surnames(chains: Chains) -> None:
    live = chains.live()
    persons = [
        d
        for d in [*live, *(x for x in chains.drafts if _titled_person(x))]
        if d.first.kind == "person" and len(_words(d.first.name)) > 1
    ]
    for d in [*live, *(x for x in chains.drafts if _unknown_place(x))]:
        if d.first.entry is not None or not d.spans:
            continue
        words = d.first.name.split()
        if not 1 <= len(words) <= 2 or (d.first.label in _PLACE_LABELS and not _unknown_place(d)):
            continue
        start = min(d.spans)[0]
        fits = [
            p
            for p in persons
            if p is not d
            and p.spans
            and min(p.spans)[0] < start
            and len(p.first.name.split()) > len(words)
            and (
                _surname_words(p.first.name.split()[-len(words) :]) == _surname_words(words)
                or _family_first(p, words)
            )
        ]
        if len({id(p) for p in fits}) == 1:
            chains.merge(fits[0], d, "surname")


@functools.cache
def _particles() -> frozenset[str]:
    """``surname_particles`` of ``data/lexicons/name_variants.yaml``."""
    data = load_layered("lexicons/name_variants.yaml")
    return frozenset(str(p).lower() for p in data.get("surname_particles") or [])


@functools.cache
def _family_first_countries() -> frozenset[str]:
    """``family_name_first`` of ``data/lexicons/name_variants.yaml``."""
    data = load_layered("lexicons/name_variants.yaml")
    return frozenset(str(c) for c in data.get("family_name_first") or [])


def _family_first(person: Draft, words: list[str]) -> bool:
    """A lone name that opens the two-word name of a person whose country puts the family name first ("Wang"
    for "Wang Yi")."""
    name = person.first.name.split()
    return (
        len(words) == 1
        and len(name) == 2
        and person.first.country in _family_first_countries()
        and name[0] == words[0]
    )


def _surname_words(words: list[str]) -> list[str]:
    """Name words without a hyphenated lower-case particle ("al-Karbouly" -> "Karbouly"), case-less: a
    particle is capitalised when the surname opens a sentence or stands alone ("Frenkie de Jong" ... "De
    Jong", "Ursula von der Leyen" ... "Von der Leyen")."""
    out = []
    for w in words:
        head, sep, rest = w.partition("-")
        out.append((rest if sep and rest and head in _particles() else w).lower())
    return out


def _acronyms(chains: Chains, doc: Doc) -> None:
    live = chains.live()
    orgs = [d for d in live if d.first.kind in ORG_KINDS]
    start_of: dict[int, Draft] = {}
    end_of: dict[int, Draft] = {}
    for d in orgs:
        for s, e in d.spans:
            start_of[s] = d
            end_of[e] = d
    for d in orgs:
        name = d.first.name.strip()
        if not _ACRONYM.match(name) or sum(c.isupper() for c in name) < 2:
            continue
        target: Draft | None = None
        for s, _e in d.spans:  # "Name (ACR)"
            long = end_of.get(s - 1) if s >= 2 and doc[s - 1].text == "(" else None
            if long is not None and long is not d:
                target = long
                break
        if target is None:
            letters = "".join(c for c in name if c.isupper() or c.isdigit())
            fits = {
                id(o): o
                for o in orgs
                if o is not d and len(o.first.name.split()) > 1 and letters in _initials(o.first.name)
            }
            if len(fits) == 1:
                target = next(iter(fits.values()))
        if target is not None:
            chains.merge(target, d, "acronym")


def _letters(text: str) -> list[str]:
    return sorted(c for c in text if c.isupper() or c.isdigit())


def _is_acronym(tok_text: str) -> bool:
    return bool(_ACRONYM.match(tok_text)) and sum(c.isupper() for c in tok_text) >= 2


def _name_run(doc: Doc, e: int, limit: int = 4) -> int:
    """The end of a name NER cut short: title-case and minor words after ``e`` ("Union of Rationalist
    Atheists| and Agnostics")."""
    j = e
    while j < len(doc) and j - e < limit and (doc[j].text[:1].isupper() or doc[j].lower_ in _MINOR):
        j += 1
    while j > e and doc[j - 1].lower_ in _MINOR:
        j -= 1
    return j


def _bracketed(chains: Chains, doc: Doc) -> list[tuple[tuple[str, ...], Draft]]:
    """An acronym introduced in brackets right after an organisation's name ("Movimento 5 Stelle (M5S)",
    "... Atheists and Agnostics (UAAR)"), or a name in brackets after an acronym whose letters it has
    ("CEI (Italian Episcopal Conference)"): the bracketed words are a mention of that organisation. Returns
    the acronyms, for their later occurrences (``_repeats``)."""
    drafts = chains.drafts
    covering = drafts_at(drafts)
    out: list[tuple[tuple[str, ...], Draft]] = []
    for d in [x for x in drafts if _named(x) and x.first.kind in (*ORG_KINDS, "person")]:
        for s, e in sorted(d.spans):
            j = _name_run(doc, e)
            if d.first.kind == "person":
                # a name NER took for a person's introduces an acronym of its initials: an organisation
                # ("Movimento 5 Stelle (M5S)")
                b = s
                while b > 0 and (doc[b - 1].text[:1].isupper() or doc[b - 1].text.isdigit()):
                    b -= 1
                acr = doc[j + 1].text if j + 2 < len(doc) and doc[j].text == "(" else ""
                if d.first.entry is not None or not _is_acronym(acr) or acr not in _initials(doc[b:j].text):
                    continue
                d.first.kind, d.first.label = "organization", "ORG"
                d.first.rule += "+acronym-org"
            if j + 2 >= len(doc) or doc[j].text != "(":
                continue
            inner_s, inner_e = j + 1, j + 2
            while inner_e < len(doc) and inner_e - inner_s < 8 and doc[inner_e].text != ")":
                inner_e += 1
            if inner_e >= len(doc) or doc[inner_e].text != ")":
                continue
            inner = doc[inner_s:inner_e]
            other = covering.get(inner_s)
            if other is not None and other is not d and other.first.entry is not None:
                continue  # "Reuters (UK)": a known place or body, not this one's short name
            if any(t.ent_type_ in _PLACE_LABELS for t in inner):
                continue
            if len(inner) == 1 and _is_acronym(inner.text):
                how = "acronym"
            elif (
                e - s == 1
                and _is_acronym(doc[s].text)
                and len(inner) > 1
                and all(t.text[:1].isupper() or t.lower_ in _MINOR for t in inner)
                and _letters(doc[s].text) == _letters(_initials(inner.text)[0])
            ):
                how = "acronym-expansion"  # "CEI (Italian Episcopal Conference)": the letters, in any order
            else:
                continue
            if other is not None and other is not d:
                chains.merge(d, other, how)
            elif other is None:
                d.link(inner_s, inner_e, f"alias:{how}")
                for i in range(inner_s, inner_e):
                    covering[i] = d
            if how == "acronym":
                out.append(((inner.text,), d if d.spans else other))  # type: ignore[arg-type]
            break
    return [(seq, d) for seq, d in out if d is not None and d.spans]


def _title_role(d: Draft) -> bool:
    """A role written like a name ("the Supreme Court", not "the court"), with no country of its own."""
    m = d.first
    words = [w for w in m.name.split() if w.lower() not in _MINOR]
    return (
        bool(d.spans)
        and m.unnamed
        and m.kind in ORG_KINDS
        and m.entry is None
        and m.country is None
        and len(words) > 1
        and all(w[:1].isupper() for w in words)
    )


def _short_names(chains: Chains) -> None:
    live = chains.live()
    orgs = [d for d in live if d.first.kind in ORG_KINDS]
    for d in orgs + [d for d in chains.drafts if _title_role(d)]:
        if d.first.entry is not None or not d.spans or d.first.label in _PLACE_LABELS:
            continue
        words = _words(d.first.name)
        if not words:
            continue
        start = min(d.spans)[0]
        fits = {}
        for o in orgs:
            if o is d or not o.spans or min(o.spans)[0] >= start:
                continue
            long = _words(o.first.name)
            if len(long) <= len(words):
                continue
            if _head(long) not in words:
                # "Scientology" after "Church of Scientology": the name after "of" of an organisation,
                # itself taken for one (not "England" after "Bank of England": a place)
                if d.first.label == "ORG" and d.first.kind in ORG_KINDS and _of_tail(long) == words:
                    fits[id(o)] = o
                continue
            if any(long[i : i + len(words)] == words for i in range(len(long) - len(words) + 1)):
                fits[id(o)] = o
        if len(fits) == 1:
            chains.merge(next(iter(fits.values())), d, "short-name")


def _repeats(
    doc: Doc, drafts: list[Draft], heads: frozenset[str], extra: list[tuple[tuple[str, ...], Draft]]
) -> None:
    """Later occurrences of a chain's name, or of a person's surname, that no rule found."""
    taken = bytearray(len(doc))
    for d in drafts:
        for s, e in d.spans:
            taken[s:e] = b"\x01" * (e - s)
    names: dict[str, dict[tuple[str, ...], Draft | None]] = {}

    def add(seq: tuple[str, ...], d: Draft) -> None:
        slot = names.setdefault(seq[0], {})
        slot[seq] = d if slot.get(seq, d) is d else None  # two actors share it: ambiguous

    for d in drafts:
        titled = _titled_person(d)  # "Opposition leader Job Sikhala": the name is the role's
        if not (_named(d) or titled) or d.first.label in _PLACE_LABELS:
            continue
        s, e = min(d.spans)
        toks = d.first.name.split() if titled else [t.text for t in doc[s:e] if not t.is_space]
        if toks and toks[0].lower() == "the":
            toks = toks[1:]
        if toks and toks[-1] in ("'s", "\u2019s", "'"):
            toks = toks[:-1]
        if not toks or not all(t[:1].isupper() or t[:1].isdigit() for t in toks if t.lower() not in _MINOR):
            continue
        add(tuple(toks), d)
        if d.first.kind == "person" and len(toks) > 1:
            add((toks[-1],), d)
    for seq, d in extra:
        add(seq, d)
    if not names:
        return
    n = len(doc)
    firsts = frozenset(get_string_id(w) for w in names)
    orths = doc.to_array(ORTH).tolist()
    for i in [i for i, h in enumerate(orths) if h in firsts]:  # Tokens only where a name may start
        slot = names.get(doc[i].text)
        if slot is None or taken[i]:
            continue
        for seq, owner in sorted(slot.items(), key=lambda x: -len(x[0])):
            e = i + len(seq)
            if owner is None or e > n or any(taken[i:e]):
                continue
            if tuple(t.text for t in doc[i:e]) != seq:
                continue
            if (i > 0 and doc[i - 1].pos_ == "PROPN") or (e < n and doc[e].pos_ == "PROPN"):
                continue  # part of a longer name ("Tom Rathbun" is someone else)
            if doc[i].ent_type_ in _PLACE_LABELS or (len(seq) == 1 and doc[i].pos_ not in ("PROPN", "NOUN")):
                continue
            if is_location(doc[e - 1]):
                continue  # "in Riverdale": a place, whatever NER called it elsewhere
            last = doc[e - 1]
            if e < n and doc[e].text[:1].isupper() and doc[e].pos_ == "NOUN":
                continue  # "the Mets Poet"
            if last.dep_ in MODIFIER_DEPS and last.head.i >= e and last.head.lower_ not in heads:
                continue  # "a Scientology attorney" is the attorney; "the Scientology organization" is it

            owner.link(i, e, "alias:repeat")
            taken[i:e] = b"\x01" * (e - i)
            break


def _head_nouns(doc: Doc, drafts: list[Draft], heads: frozenset[str]) -> None:
    """ "the church" after "Church of Scientology": the one organisation named with that head."""
    by_head: dict[str, list[tuple[int, Draft]]] = {}
    taken = bytearray(len(doc))
    for d in drafts:
        for s, e in d.spans:
            taken[s:e] = b"\x01" * (e - s)
        if not _named(d) or d.first.kind not in ORG_KINDS:
            continue
        words = _words(d.first.name)
        if len(words) < 2:
            continue
        h = _head(words)
        if h in heads:
            by_head.setdefault(h, []).extend((s, d) for s, _e in d.spans)
    if not by_head:
        return
    blocked: dict[str, int] = {}  # head -> token where an unnamed one of its kind came up ("a lower court")
    wanted = frozenset(get_string_id(h) for h in by_head)
    lowers = doc.to_array(LOWER).tolist()
    for tok in [doc[i] for i, h in enumerate(lowers) if h in wanted]:
        low = tok.lower_
        owners = by_head.get(low)
        if owners is None or taken[tok.i]:
            continue
        before = {id(d): d for s, d in owners if s < tok.i}
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        definite = prev in ("the", "this") and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound"
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if not definite or nxt in ("of", "for") or tok.tag_ in ("NNS", "NNPS"):
            if tok.dep_ != "compound":
                blocked[low] = tok.i
            continue
        if len(before) != 1 or blocked.get(low, -1) > max(s for s, d in owners if s < tok.i):
            continue
        target = next(iter(before.values()))
        target.link(tok.i - 1, tok.i + 1, f"alias:head-noun:{low}")
        taken[tok.i - 1 : tok.i + 1] = b"\x01\x01"


def join_name_variants(doc: Doc, drafts: list[Draft], org_heads: Iterable[str]) -> None:
    """Join the drafts that are name variants of one actor (see the module docstring); edits in place."""
    chains = Chains(drafts)
    _same_name(chains)
    acronyms = _bracketed(chains, doc)
    _acronyms(chains, doc)
    _surnames(chains)
    _short_names(chains)
    heads = frozenset(org_heads)
    _repeats(doc, drafts, heads, acronyms)
    _head_nouns(doc, drafts, heads)
