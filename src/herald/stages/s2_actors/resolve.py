"""Grouping mentions into actors, and resolving group references and speaker pronouns to them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...schema import Actor, ActorKind, ActorMention
from ..common import sentence_starts
from .lexicon import GroupRef, Lexicons, Want
from .matcher import PhraseTrie, token_keys
from .mentions import Mention


@dataclass
class Draft:
    """An actor being built: its first mention's facts and all its token spans."""

    first: Mention
    spans: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    parent: Draft | None = None
    ref_rules: list[str] = field(default_factory=list)
    span_rules: dict[tuple[int, int], str] = field(default_factory=dict)  # reference spans -> linking rule

    def link(self, s: int, e: int, rule: str) -> None:
        """Add a reference mention [s, e) with the rule that linked it."""
        self.spans.append((s, e))
        self.span_rules.setdefault((s, e), rule)
        family = rule.split(":")[0]  # the actor's rule names the kind of link, its mentions the detail
        if family not in self.ref_rules:
            self.ref_rules.append(family)

    @property
    def kind(self) -> str:
        return self.first.kind


def drafts_at(drafts: Iterable[Draft], keep: Callable[[Draft], bool] | None = None) -> dict[int, Draft]:
    """Token index -> the first draft (of those ``keep`` accepts) with a mention covering the token."""
    out: dict[int, Draft] = {}
    for d in drafts:
        if keep is not None and not keep(d):
            continue
        for s, e in d.spans:
            for i in range(s, e):
                out.setdefault(i, d)
    return out


def _role_head(m: Mention) -> str:
    """Role key and head word: "the ministers", "the envoy" do not join "minister X" (one key, many heads)."""
    head = (m.title or "").split()
    return f"{m.role_key}:{head[-1] if head else ''}"


def group(mentions: list[Mention]) -> list[Draft]:
    """One Draft per actor. Unnamed roles without a country join the latest actor with the same role
    ("Israeli soldiers ... the soldiers"); a lone surname joins the person it ends ("Lin Jian ... Lin")."""
    by_key: dict[tuple[str, ...], Draft] = {}
    last_role: dict[str, Draft] = {}
    persons: list[Draft] = []
    drafts: list[Draft] = []
    for m in mentions:
        target: Draft | None = None
        if (
            m.role_key
            and m.unnamed
            and m.country is None
            and _role_head(m) in last_role
            and last_role[_role_head(m)].first.sector == m.sector  # not a party's spokesman for Hamas's
            and m.side in (None, last_role[_role_head(m)].first.side)  # "Democratic senators" are others
        ):
            target = last_role[_role_head(m)]
        elif m.entry is None and m.kind == "person" and m.label == "PERSON":
            words = m.name.lower().split()  # case-less: "De Jong" ends "Frenkie de Jong"
            fits = []
            for d in persons:
                dn = d.first.name.lower().split()
                if (len(words) < len(dn) and dn[-len(words) :] == words) or (
                    len(words) == 1 and words[0] == dn[0]
                ):
                    fits.append(d)
            if len(fits) == 1:  # two persons named before share it ("Frenkie and Luuk de Jong"): neither
                target = fits[0]
        if target is None:
            key = m.group_key()
            target = by_key.get(key)
            if target is None:
                target = Draft(first=m)
                by_key[key] = target
                drafts.append(target)
                if m.kind == "person":
                    persons.append(target)
        target.spans.append((m.start, m.end))
        if target.title is None and m.title:
            target.title = m.title
        if m.role_key:
            last_role[_role_head(m)] = target
        if m.owner is not None:
            owner = by_key.get(m.owner.group_key())
            if owner is not None:
                target.parent = owner
    _surnames_before_names(drafts, persons)
    return drafts


def _surnames_before_names(drafts: list[Draft], persons: list[Draft]) -> None:
    """A lone surname before the full name ("Ready to back Clinton" ... "Hillary Clinton") is the one person
    named later whose name it ends."""
    for d in persons:
        m = d.first
        if m.entry is not None or m.label != "PERSON" or len(m.name.split()) != 1 or d.parent is not None:
            continue
        later = [
            o
            for o in persons
            if o is not d
            and o.spans
            and len(o.first.name.split()) > 1
            and o.first.name.split()[-1] == m.name
            and min(o.spans)[0] > min(d.spans)[0]
        ]
        if len(later) == 1:
            later[0].spans.extend(d.spans)
            d.spans.clear()
    drafts[:] = [d for d in drafts if d.spans]


def _fits(d: Draft, want: Want) -> bool:
    m = d.first
    if want.kind and m.kind not in want.kind:
        return False
    if m.kind == "state" and m.entry is None:
        return False  # an unknown place name acting as a speaker is no "country" to refer back to
    sectors = [m.sector, *m.sectors]
    if want.sector and not any(s in want.sector for s in sectors if s):
        return False
    if want.not_sector and (m.sector in want.not_sector or m.rule.startswith("town-")):
        return False  # nor is a town (its people or authorities) "the group"
    if want.country and m.country not in want.country:
        return False
    if want.title_has:
        title = (d.title or "") + " " + m.name.lower()
        if not any(t in title.lower() for t in want.title_has):
            return False
    return True


class References:
    """Group references ("the two sides", "the militant group", "the ministry"); pronouns are coref.py's."""

    def __init__(self, lex: Lexicons, trie: PhraseTrie[tuple[str, GroupRef]]) -> None:
        self.lex = lex
        self.trie = trie

    def resolve(self, doc: Doc, drafts: list[Draft], taken: bytearray) -> None:
        refs: list[tuple[int, int, str, Want]] = []
        for s, e, (how, ref) in self.trie(doc, token_keys(doc)):
            if not any(taken[s:e]):
                refs.append((s, e, how, ref.want))
        refs.sort(key=lambda r: r[0])
        unresolved: dict[str, Draft] = {}
        for s, e, how, want in refs:
            before = _mentions_before(drafts, s)
            if how == "pair":
                found = self._pair(doc, before, want, s)
                rule = "group-ref:pair"
            else:
                found = [d for _, _, d in before if _fits(d, want)][:1]
                rule = "group-ref:latest"
            if how == "pair" and not found:
                # "the two countries signed a deal" with no parties named before: still the agent, an actor
                # of its own (same phrase, same actor), with no country.
                self._unresolved(doc, s, e, str(id(want)), drafts, unresolved)
                continue
            for d in found:
                d.spans.append((s, e))
                d.span_rules.setdefault((s, e), rule)
                if rule not in d.ref_rules:
                    d.ref_rules.append(rule)

    @staticmethod
    def _unresolved(
        doc: Doc, s: int, e: int, key: str, drafts: list[Draft], unresolved: dict[str, Draft]
    ) -> None:
        """A pair reference with no parties before it; one actor per reference list ("both countries" and
        "the two countries" are the same two)."""
        start = s + 1 if doc[s].lower_ in ("the", "both") and e - s > 1 else s
        name = doc[start:e].text
        d = unresolved.get(key)
        if d is None:
            m = Mention(start=s, end=e, rule="group-ref:unresolved", kind="group", name=name, unnamed=True)
            d = Draft(first=m)
            unresolved[key] = d
            drafts.append(d)
        d.spans.append((s, e))

    @staticmethod
    def _pair(doc: Doc, before: list[tuple[int, int, Draft]], want: Want, at: int) -> list[Draft]:
        """The last sentence before the reference that mentions two distinct fitting actors: a conjoined pair
        there ("between Hamas and Fatah") if any, else its last two. A role with no country ("the rebels") is
        one of the two sides only when conjoined with the other ("the Syrian government and the rebels")."""
        by_sent: dict[int, list[tuple[int, Draft, bool]]] = {}
        order: list[int] = []
        starts = sentence_starts(doc)  # Token.sent scans for the boundaries on every call
        for s, _e, d in before:  # most recent first
            if not _fits(d, want):
                continue
            loose = d.first.unnamed and d.first.country is None  # "lawmakers" at large, unless conjoined
            sent = starts[s]
            if sent not in by_sent:
                by_sent[sent] = []
                order.append(sent)
            if all(d is not x for _, x, _l in by_sent[sent]):
                by_sent[sent].append((s, d, loose))
        for sent in order:
            found = by_sent[sent]
            if len(found) < 2:
                continue
            for s, d, _l in found:
                head = doc[s]
                for t, other, _lo in found:
                    if other is d:
                        continue
                    if (
                        doc[t].head.i == head.i
                        or any(c.i == t for c in head.conjuncts)
                        or _near_conj(doc, s, t)
                    ):
                        return [other, d] if t < s else [d, other]
            strict = [(s, d) for s, d, loose in found if not loose]
            if len(strict) < 2:
                continue
            pair = sorted(strict[:2], key=lambda x: x[0])
            return [pair[0][1], pair[1][1]]
        if want.kind == ["state"]:
            # "Israel struck ... Iran responded ... the two countries": the last two states, across sentences
            last: list[tuple[int, Draft]] = []
            for s, _e, d in before:
                if _fits(d, want) and d.first.entry is not None and all(d is not x for _, x in last):
                    last.append((s, d))
                if len(last) == 2:
                    return [last[1][1], last[0][1]]
        return []


def _near_conj(doc: Doc, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return hi - lo <= 6 and any(t.lower_ in ("and", "&") for t in doc[lo:hi])


def _mentions_before(drafts: list[Draft], at: int) -> list[tuple[int, int, Draft]]:
    """(start, end, draft) of every mention starting before token ``at``, most recent first."""
    out = [(s, e, d) for d in drafts for s, e in d.spans if e <= at]
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


def to_actors(doc: Doc, drafts: list[Draft]) -> list[Actor]:
    """Actor records, ids a1.. in order of first mention, mentions in text order."""
    live = [d for d in drafts if d.spans]
    live.sort(key=lambda d: min(d.spans))
    ids = {id(d): f"a{i}" for i, d in enumerate(live, 1)}
    actors: list[Actor] = []
    for d in live:
        m = d.first
        spans = sorted(set(d.spans))
        mentions = []
        for s, e in spans:
            span = doc[s:e]  # Span.text == doc.text[start_char:end_char], without building doc.text
            mentions.append(
                ActorMention(
                    start=span.start_char, end=span.end_char, text=span.text, rule=d.span_rules.get((s, e))
                )
            )
        sectors = list(dict.fromkeys([x for x in [m.sector, *m.sectors] if x]))
        rule = m.rule if not d.ref_rules else f"{m.rule}+{'+'.join(d.ref_rules)}"
        kind: ActorKind = m.kind  # type: ignore[assignment]
        actors.append(
            Actor(
                id=ids[id(d)],
                name=m.name,
                kind=kind,
                country=m.country,
                sector=sectors[0] if sectors else None,
                sectors=sectors,
                wikidata=m.entry.wikidata if m.entry is not None else None,
                title=d.title,
                mentions=mentions,
                rule=rule,
                parent=ids.get(id(d.parent)) if d.parent is not None else None,
            )
        )
    return actors
