"""Linking a named entity the hand-curated KB does not know to an actor of the bulk index.

With tens of thousands of names, a bare name match is not enough: a name is linked only with support from the
article, and no link is better than a wrong one.

- A one-word name ("Tymoshenko", "Obama") is linked only to the person named in full earlier in the article,
  or to the one candidate of the article's country when a role word stands in the same sentence.
- A full name is linked to a person when the article supports it: the person's country is named in the
  article, or a role in the sentence agrees with the person's country, or the name was linked before.
  Organisations and groups need a unique candidate, or one that the article's countries single out.
- A one-word organisation name with no local candidate links to a multinational firm only when one firm
  has it as its name and it is not an English word ("Walmart" yes, "Target" or "Shell" no; the shipped
  ``common_names.txt.gz``); the rule ends ``+unique-firm``.
- Ambiguous candidates are ranked by support (earlier mention, the role's country, the article's countries,
  an office held on the publication date), then by prominence; a tie is left unlinked.
- A candidate with the Wikidata id of a hand-curated entry resolves to that entry (the YAML is authoritative).
- An organisation of one country from a general (non-political) table, such as the name-suggestion-index's
  brands and agencies, is linked only when the article names its country
  (``data/lexicons/name_variants.yaml``, ``country_required_tables``): "Ministry of Defence" is Britain's
  only in an article about Britain.
- A name with no candidate is tried once more with its abbreviated first word written out ("La. Department
  of Wildlife and Fisheries"; ``abbreviations`` in the same file) or without a firm's legal-form suffix
  ("Tesco PLC"; ``corporate_suffixes``); the rule then ends ``+variant``.

The ``rule`` says which support decided: ``bulk:<key>+country``, ``+role``, ``+earlier``, ``+dated``.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ...knowledge import load_layered
from .bulk_format import norm_name
from .kb import Entry, KnowledgeBase
from .kb_index import BulkIndex, Candidate, shipped_folder

KINDS_FOR_LABEL = {
    "PERSON": frozenset({"person"}),
    "ORG": frozenset({"organization", "group"}),
    "NORP": frozenset({"group"}),
}


# Country codes that are not one state: a firm, an IGO or an NGO is not tied to the article's countries.
NON_NATIONAL = frozenset({"MNC", "IGO", "NGO", "IMG", "ISM", "UNO", "EUR"})


@dataclass(frozen=True)
class NameVariants:
    """``data/lexicons/name_variants.yaml``: abbreviations, legal-form suffixes, honorifics, and the tables
    whose organisations need their country named in the article."""

    abbreviations: dict[str, str]
    country_required: frozenset[str]
    honorifics: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()

    @classmethod
    def load(cls) -> NameVariants:
        data = load_layered("lexicons/name_variants.yaml")
        return cls(
            {str(k): str(v) for k, v in (data.get("abbreviations") or {}).items()},
            frozenset(str(t) for t in data.get("country_required_tables") or []),
            frozenset(str(t) for t in data.get("honorifics") or []),
            tuple(sorted((str(t) for t in data.get("corporate_suffixes") or []), key=len, reverse=True)),
        )

    def expand(self, text: str) -> str | None:
        """``text`` with its abbreviated first word written out, or without a firm's legal-form suffix
        ("Tesco PLC"); None when it has neither."""
        first, _, rest = text.partition(" ")
        full = self.abbreviations.get(first)
        if full and rest:
            return f"{full} {rest}"
        for suffix in self.suffixes:
            stem = text.removesuffix(suffix).rstrip(" ,")
            if stem != text.rstrip(" ,") and text.endswith(" " + suffix) and len(stem.split()) >= 1:
                return stem if len(stem) >= 3 else None
        return None


@dataclass
class Context:
    """What the article says around a name: its countries, earlier links, the role in the sentence."""

    countries: set[str] = field(default_factory=set)
    resolved: set[str] = field(default_factory=set)
    role_in_sentence: bool = False
    role_country: str | None = None


class BulkLinker:
    def __init__(self, index: BulkIndex, kb: KnowledgeBase) -> None:
        self.index = index
        self.kb = kb
        self.curated_by_qid = {e.wikidata: e for e in kb if e.wikidata}
        self.agents = Agents.load(shipped_folder() / "agents.tsv.gz")
        self.variants = NameVariants.load()
        self.common = _common_names(shipped_folder() / "common_names.txt.gz")

    def link(self, text: str, label: str, day: date | None, ctx: Context) -> tuple[Entry, str] | None:
        """The entry a named entity of NER ``label`` stands for, with its rule; None if unsure.

        A name NER labelled wrongly is looked up under the label its shape suggests (``+relabel``): an
        acronym tagged PERSON ("JDRF") as an organisation, a name of two or three capitalised words tagged
        ORG or NORP as a person when only persons carry it; the new kind's rules then apply unchanged."""
        kinds = KINDS_FOR_LABEL.get(label)
        if kinds is None or len(text) < 3:
            return None
        every = self.index.candidates(text)
        if not every and (full := self.variants.expand(text)) is not None:
            found = self.link(full, label, day, ctx)
            return (found[0], found[1] + "+variant") if found else None
        cands = [c for c in every if c.kind in kinds]
        if not cands:
            other = _relabel(text, label, every)
            if other is None:
                return None
            found = self.link_as(text, other, day, ctx, every)
            return (found[0], found[1] + "+relabel") if found else None
        return self.link_as(text, label, day, ctx, every)

    def link_as(
        self, text: str, label: str, day: date | None, ctx: Context, every: tuple[Candidate, ...]
    ) -> tuple[Entry, str] | None:
        kinds = KINDS_FOR_LABEL[label]
        cands = [c for c in every if c.kind in kinds and not self._needs_country(c, ctx)]
        if not cands:
            return None
        one_word = len(text.split()) == 1
        if one_word or all(c.how == "surname" for c in cands):
            return self._short(cands, label, day, ctx, text)
        merged = _merge([c for c in cands if c.how != "surname"])
        if merged is not None:
            cands = [merged]
        scored = sorted(
            ((self._support(c, day, ctx), c) for c in cands),
            key=lambda x: (-x[0][0], -x[1].prominence, x[1].key),
        )
        (best_score, why), best = scored[0]
        tied = [c for (score, _w), c in scored if score == best_score]
        if len(tied) > 1 and len({(c.kind, c.country) for c in tied}) == 1 and best.kind == "person":
            # one person listed by two sources (a legislator in EveryPolitician, a minister in Phoenix): the
            # same name in the same country's politics; the one with a Wikidata id names it
            best = next((c for c in tied if c.wikidata), best)
            why = [*why, "same-person"]
        elif len(tied) > 1:
            if best_score == 0 or scored[1][1].prominence == best.prominence:
                return None  # a tie: no link is better than a wrong one
            why = [*why, "prominence"]
        if best.kind == "person":
            if not any(w in why for w in ("country", "role", "earlier")):
                return None  # a full name alone is shared by too many people
        elif len(scored) > 1 and best_score < 2:
            return None
        if best.how == "surname":
            return None
        return self._entry(best, day, why)

    def _needs_country(self, c: Candidate, ctx: Context) -> bool:
        """True when ``c`` is a national organisation of a general table and its country is not named."""
        return (
            c.kind != "person"
            and c.origin in self.variants.country_required
            and c.country not in NON_NATIONAL
            and c.country not in ctx.countries
        )

    def _short(
        self, cands: list[Candidate], label: str, day: date | None, ctx: Context, text: str = ""
    ) -> tuple[Entry, str] | None:
        earlier = [c for c in cands if c.key in ctx.resolved]
        if len(earlier) == 1:
            return self._entry(earlier[0], day, ["earlier"])
        if label != "PERSON" and all(c.how != "surname" for c in cands):
            # an acronym or one-word organisation name ("JEM"): the article's country must single it out
            local = [c for c in cands if c.country and c.country in ctx.countries]
            if len(local) == 1:
                return self._entry(local[0], day, ["country"])
            # a multinational firm's one-word name ("Walmart"): one firm, and not an English word ("Target")
            named = [c for c in cands if c.how == "name"]
            firm = cands[0] if len(cands) == 1 else named[0] if len(named) == 1 else _merge(cands)
            if (
                label == "ORG"
                and firm is not None
                and firm.country == "MNC"
                and len(text) >= 4
                and norm_name(text) not in self.common
                and all(norm_name(c.name) not in self.common for c in cands)
            ):
                return self._entry(firm, day, ["unique-firm"])
            return None
        if not ctx.role_in_sentence:
            return None
        country = ctx.role_country
        local = [
            c
            for c in cands
            if c.country and (c.country == country if country else c.country in ctx.countries)
        ]
        return self._entry(local[0], day, ["country", "role"]) if len(local) == 1 else None

    def _support(self, c: Candidate, day: date | None, ctx: Context) -> tuple[int, list[str]]:
        score, why = 0, list[str]()
        if c.key in ctx.resolved:
            score, why = score + 4, [*why, "earlier"]
        if ctx.role_country and c.country == ctx.role_country:
            score, why = score + 3, [*why, "role"]
        elif ctx.role_country and c.country and c.country != ctx.role_country:
            score -= 3  # "Kenyan opposition leader X" is not the Ugandan X
        if c.country and c.country in ctx.countries:
            score, why = score + 2, [*why, "country"]
        if day is not None and self.index.at(c.key, day)[2]:
            score, why = score + 1, [*why, "dated"]
        return score, why

    def _entry(self, c: Candidate, day: date | None, why: list[str]) -> tuple[Entry, str] | None:
        curated = self.curated_by_qid.get(c.wikidata) if c.wikidata else None
        if curated is not None:
            return curated, f"kb:{curated.key}+bulk-name"
        entry = self.index.entry(c.key, day)
        if entry is None:
            return None
        if c.origin == "merged":  # facts the other sources add: a country, more sectors
            entry.country = entry.country or c.country
            entry.sectors = list(dict.fromkeys([*entry.all_sectors(), *c.sectors]))
            entry.sector = entry.sector or (entry.sectors[0] if entry.sectors else None)
            why = [*why, "merged"]
        return entry, f"bulk:{c.key}" + "".join(f"+{w}" for w in why)


def _common_names(path: Path) -> frozenset[str]:
    """One-word organisation names that are English words (built by tools/kb/build_bulk.py)."""
    if not path.exists():
        return frozenset()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


def _relabel(text: str, label: str, every: tuple[Candidate, ...]) -> str | None:
    """The NER label a name's shape and its candidates suggest instead of ``label`` (see ``link``)."""
    words = text.split()
    if label == "PERSON" and len(words) == 1 and text.isupper() and text.isalnum() and 3 <= len(text) <= 6:
        return "ORG"
    if (
        label in ("ORG", "NORP")
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and every
        and all(c.kind == "person" and c.how != "surname" for c in every)
    ):
        return "PERSON"
    return None


def _merge(cands: list[Candidate]) -> Candidate | None:
    """Several sources listing one actor under the same name (Party Facts' party and UCDP's armed wing of it,
    a legislator in EveryPolitician and a minister in Phoenix): one candidate when they share the kind and at
    most one country and one Wikidata id; the one with the id stands for them, with every source's sectors."""
    if len(cands) < 2 or len({c.kind for c in cands}) != 1:
        return None
    countries = {c.country for c in cands if c.country}
    qids = {c.wikidata for c in cands if c.wikidata}
    if len(countries) > 1 or len(qids) > 1:
        return None
    base = max(cands, key=lambda c: (c.wikidata is not None, c.country is not None, c.prominence, c.key))
    sectors = tuple(dict.fromkeys(s for c in [base, *cands] for s in c.sectors))
    country = base.country or next(iter(countries), None)
    prominence = sum(c.prominence for c in cands)
    return replace(base, country=country, sectors=sectors, prominence=prominence, origin="merged")


class Agents:
    """Office and agent phrases -> PLOVER sector (shipped ``agents.tsv.gz``, from NGEC's PLOVER agents)."""

    def __init__(self, phrases: dict[tuple[str, ...], str]) -> None:
        self.phrases = phrases
        self.longest = max((len(p) for p in phrases), default=0)

    @classmethod
    def load(cls, path: Path) -> Agents:
        out: dict[tuple[str, ...], str] = {}
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                next(fh, None)
                for line in fh:
                    phrase, _, sector = line.rstrip("\n").partition("\t")
                    if phrase and sector:
                        out[tuple(phrase.split())] = sector
        return cls(out)

    def prefix(self, words: list[str]) -> tuple[int, str] | None:
        """(number of words, sector) of the longest agent phrase the words start with."""
        for n in range(min(self.longest, len(words)), 0, -1):
            sector = self.phrases.get(tuple(words[:n]))
            if sector is not None:
                return n, sector
        return None
