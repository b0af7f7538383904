"""Organisations named by a person: "the Trump campaign", "Clinton's campaign", "the Biden camp".

The person's name here names their organisation, which is not the person and, for an office holder, not their
government: the organisation is an actor of its own (``person_bodies`` in group_refs.yaml gives its nouns and
sector, PTY for a campaign), of the person's country (the KB's, or the story's where the person took it), with
the person as its parent. Rule ``campaign:<person key>``. The noun must be the head the name modifies
("Trump's re-election campaign"), with only allowed modifiers between, and no complement making it an action
("Putin's campaign against Ukraine" stays Putin's); a person the KB knows must be a politician
(``person_sectors``). Runs after the story's country is known, before pronouns.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import PersonBody
from .mentions import Mention
from .resolve import Draft

NAME_DEPS = frozenset({"compound", "poss"})


def _body_after(doc: Doc, s: int, e: int, by_head: dict[str, PersonBody]) -> tuple[Token, PersonBody] | None:
    """The organisation noun the person's name [s, e) modifies, and its lexicon entry, if any."""
    last = doc[e - 1]
    noun = last.head
    if last.dep_ not in NAME_DEPS or noun.i < e or noun.i - e > 5:
        return None
    body = by_head.get(noun.lemma_.lower())
    if body is None or noun.dep_ == "compound":
        return None  # "the Trump campaign headquarters": a place or thing of the campaign
    allowed = frozenset(body.modifiers)
    if any(t.lower_ not in allowed and t.tag_ != "POS" for t in doc[e : noun.i]):
        return None
    blocked = frozenset(body.blocked_preps)
    if any(c.dep_ in ("prep", "acl") and c.lower_ in blocked for c in noun.children):
        return None
    if any(c.dep_ == "acl" and any(a.tag_ == "TO" for a in c.children) for c in noun.children):
        return None  # "Netanyahu's campaign to destroy Hamas": an action
    return noun, body


def split_person_bodies(doc: Doc, drafts: list[Draft], bodies: list[PersonBody]) -> None:
    """Move "the X campaign" mentions from person X to an organisation actor of their own; edits in place."""
    by_head = {h: b for b in bodies for h in b.heads}
    if not by_head:
        return
    found: list[Draft] = []
    for d in drafts:
        m = d.first
        if m.kind != "person" or m.unnamed or not d.spans:
            continue
        own: Draft | None = None
        for s, e in sorted(d.spans):
            if doc[s].pos_ == "PRON":
                continue  # "his campaign": pronouns are resolved later
            hit = _body_after(doc, s, e, by_head)
            if hit is None:
                continue
            noun, body = hit
            known = {x for x in [m.sector, *m.sectors] if x}
            if known and body.person_sectors and not known & set(body.person_sectors):
                continue  # "the Messi camp": no political organisation
            if own is None:
                name = f"{doc[s:e].text.removesuffix(chr(39) + 's')} {noun.lemma_.lower()}"
                key = m.entry.key if m.entry is not None else "name"
                own = Draft(
                    first=Mention(
                        start=s,
                        end=noun.i + 1,
                        rule=f"{body.heads[0]}:{key}",
                        kind=body.kind,
                        name=name,
                        country=m.country,
                        sector=body.sector,
                        sectors=[body.sector],
                    ),
                    parent=d,
                )
                found.append(own)
            own.spans.append((s, noun.i + 1))
            d.spans.remove((s, e))
            d.span_rules.pop((s, e), None)
    drafts.extend(found)
