"""Finding candidate mentions: KB names (spaCy PhraseMatcher) and lexicon phrases (a token trie).

Both are built once per component, never per Doc.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .kb import Entry, KnowledgeBase
from .kb_index import BulkIndex

# How a surface form names an entry, best first: a shared ("ambiguous") alias wins only as a last resort.
HOW_RANK = {"name": 0, "alias": 1, "demonym": 2, "capital": 3, "seat": 4, "ambiguous": 5}

T = TypeVar("T")
_END = -1  # marks a phrase end in a trie node (hashes are non-negative)


@dataclass(frozen=True)
class Hit:
    """A KB candidate for a surface form."""

    key: str
    how: str  # name | alias | demonym | capital | seat | ambiguous


@dataclass
class KBSpan:
    start: int  # token offsets
    end: int
    hits: list[Hit]


def _variants(form: str) -> list[str]:
    """The forms to match: names are matched without a leading "the" (mentions never include the article);
    "The Hague"-style capitalised forms are kept as well."""
    form = " ".join(form.split())
    if form.startswith("the ") and len(form) > 4:
        return [form[4:]]
    if form.startswith("The ") and len(form) > 4:
        return [form, form[4:]]
    return [form]


class KBMatcher:
    """Every name, alias, demonym, capital and seat of the KB, matched case-sensitively on token texts."""

    def __init__(self, tokenize: Callable[[str], Doc], vocab: Vocab, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.forms: dict[str, list[Hit]] = {}
        for entry in kb:
            for how, forms in self._forms(entry):
                for form in forms:
                    for v in _variants(form):
                        hits = self.forms.setdefault(v, [])
                        if not any(h.key == entry.key for h in hits):
                            hits.append(Hit(entry.key, how))
        for hits in self.forms.values():
            hits.sort(key=lambda h: HOW_RANK[h.how])
        # Single tokens match case-sensitively ("US" is not "us"); names of several tokens also match in any
        # case ("Labour party", "the islamic state") - rarely a common phrase.
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self._by_id: dict[int, str] = {}
        forms = list(self.forms)
        for form, doc in zip(forms, (tokenize(f) for f in forms), strict=True):
            if len(doc) == 0:
                continue
            self.matcher.add(form, [doc])
            if len(doc) > 1 and any(t.is_alpha for t in doc[1:]):
                self.lower.add(form, [doc])
            self._by_id[vocab.strings[form]] = form
        # Office holders by (canonical office, country), for "the US president" on a given date.
        self.offices: dict[tuple[str, str | None], list[Entry]] = {}
        self.bulk: BulkIndex | None = (
            None  # dated offices of imported/bulk actors (holder() falls back to it)
        )
        self._office_name: Callable[[str], str] = str

    @staticmethod
    def _forms(entry: Entry) -> Iterable[tuple[str, list[str]]]:
        yield "name", [entry.name] if entry.name not in entry.ambiguous_aliases else []
        yield "alias", [a for a in entry.aliases if a not in entry.ambiguous_aliases]
        yield "ambiguous", list(entry.ambiguous_aliases)
        yield "demonym", list(entry.demonyms)
        if entry.capital:
            yield "capital", [entry.capital]
        yield "seat", list(entry.seats)

    def index_offices(self, office_name: Callable[[str], str]) -> None:
        self._office_name = office_name
        for entry in self.kb:
            for office in entry.offices:
                self.offices.setdefault((office_name(office.role), office.country), []).append(entry)

    def holder(self, office: str, country: str | None, day: date | None) -> Entry | None:
        """The one person holding ``office`` for ``country`` on ``day``; None without a date or if unsure."""
        if day is None or country is None:
            return None
        found = []
        for entry in self.offices.get((office, country), ()):
            for o in entry.offices:
                if o.country == country and o.holds(day) and entry not in found:
                    found.append(entry)
        if not found and self.bulk is not None:
            # the curated KB names nobody: an imported office spell (Wikidata, Peppercat, a user's table)
            keys = {
                k for k, role in self.bulk.office_spells(country, day) if self._office_name(role) == office
            }
            if len(keys) == 1:
                return self.bulk.entry(keys.pop(), day)
        return found[0] if len(found) == 1 else None

    def __call__(self, doc: Doc) -> list[KBSpan]:
        """Non-overlapping matches, longest first (then leftmost)."""
        raw = [(s, e, self._by_id[m]) for m, s, e in self.matcher(doc)]
        # Any-case matches must still look like a name: "Labour party", not "the state department".
        raw += [
            (s, e, self._by_id[m])
            for m, s, e in self.lower(doc)
            if any(t.text[:1].isupper() for t in doc[s:e])
        ]
        raw.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken = bytearray(len(doc))
        out: list[KBSpan] = []
        for s, e, form in raw:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append(KBSpan(s, e, list(self.forms[form])))
        out.sort(key=lambda k: k.start)
        return out


def token_keys(doc: Doc) -> list[tuple[int, int]]:
    """(LOWER, LEMMA) hashes of every token, read from the token array (no Token objects)."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([LOWER, LEMMA])
    return list(zip(arr[:, 0].tolist(), arr[:, 1].tolist(), strict=True))


class PhraseTrie(Generic[T]):
    """Lower-case token sequences -> value; each token may also match by lemma ("soldiers" -> soldier).

    Nodes are keyed by string hashes so a Doc is scanned from its attribute array, not token by token."""

    def __init__(self, tokenize: Callable[[str], Doc]) -> None:
        self.tokenize = tokenize
        self.root: dict[int, object] = {}

    def add(self, phrase: str, value: T) -> None:
        node = self.root
        for tok in self.tokenize(phrase.lower()):
            node = node.setdefault(hash_string(tok.lower_), {})  # type: ignore[assignment]
        node.setdefault(_END, value)

    def match_at(self, keys: list[tuple[int, int]], i: int) -> tuple[int, T] | None:
        """The longest phrase starting at token i: (end, value)."""
        node = self.root
        best: tuple[int, T] | None = None
        j = i
        while j < len(keys):
            low, lem = keys[j]
            nxt = node.get(low)
            if nxt is None:
                nxt = node.get(lem)
            if not isinstance(nxt, dict):
                break
            node = nxt
            j += 1
            if _END in node:
                best = (j, node[_END])  # type: ignore[assignment]
        return best

    def __call__(self, doc: Doc, keys: list[tuple[int, int]] | None = None) -> list[tuple[int, int, T]]:
        """Non-overlapping longest matches, left to right."""
        keys = token_keys(doc) if keys is None else keys
        out: list[tuple[int, int, T]] = []
        i = 0
        root = self.root
        n = len(keys)
        while i < n:
            low, lem = keys[i]
            if low in root or lem in root:
                m = self.match_at(keys, i)
                if m is not None:
                    out.append((i, m[0], m[1]))
                    i = m[0]
                    continue
            i += 1
        return out
