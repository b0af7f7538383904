"""Doc -> Actor records: KB names, roles, capitals/seats, group references and pronouns (see docs/actors.md).

:class:`ActorExtractor` holds everything built once (KB phrase matcher, role and reference tries); the spaCy
component creates one in its ``__init__``. :func:`extract_actors` uses a cached default one.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ...config import Settings
from ...schema import Actor
from ..common import meta
from .aliases import join_name_variants
from .apposition import merge_appositions
from .campaigns import split_person_bodies
from .context import apply_context, link_protagonist
from .coref import PronounResolver
from .coref_lexicon import load_coref_lexicon
from .descriptions import link_descriptions
from .find import Finder
from .force_owner import own_forces
from .kb import KnowledgeBase, load_kb
from .kb_index import bulk_index
from .lexicon import GroupRef, Lexicons, Role, load_lexicons
from .matcher import KBMatcher, PhraseTrie
from .origins import country_from
from .owner_pronoun import own_by_pronoun
from .plurals import link_plural_roles
from .principal import link_principals
from .resolve import References, group, to_actors
from .sports_teams import mark_sports_teams


class ActorExtractor:
    """Everything the actors stage builds once, and the per-Doc pass."""

    def __init__(
        self,
        vocab: Vocab,
        tokenizer: object,
        kb: KnowledgeBase | None = None,
        lex: Lexicons | None = None,
        cfg: Settings | None = None,
    ) -> None:
        self.kb = kb if kb is not None else load_kb()
        self.lex = lex or load_lexicons()
        tokenize = tokenizer  # the nlp.tokenizer: str -> Doc
        self.matcher = KBMatcher(tokenize, vocab, self.kb)  # type: ignore[arg-type]
        self.matcher.index_offices(self.lex.office_name)
        roles: PhraseTrie[Role] = PhraseTrie(tokenize)  # type: ignore[arg-type]
        for role in self.lex.roles:
            for phrase in role.phrases:
                roles.add(phrase, role)
        refs: PhraseTrie[tuple[str, GroupRef]] = PhraseTrie(tokenize)  # type: ignore[arg-type]
        for how, items in (("pair", self.lex.pairs), ("latest", self.lex.latest)):
            for ref in items:
                for phrase in ref.phrases:
                    refs.add(phrase, (how, ref))
        self.finder = Finder(self.matcher, roles, self.lex)
        index = bulk_index(cfg)
        if index is not None:
            self.matcher.bulk = index
            self.finder.use_bulk(index)
        self.references = References(self.lex, refs)
        self.coref_lex = load_coref_lexicon()
        self.pronouns = PronounResolver(self.coref_lex)
        # role key -> office name, for "the president" of the story's country (context.py)
        self.offices = {r.key: self.lex.office_name(r.office) for r in self.lex.roles if r.office}
        self.local_roles = frozenset(r.key for r in self.lex.roles if r.local)
        self.state_roles = frozenset(r.key for r in self.lex.roles if r.state)
        self.generic_roles = {r.key: r.sector for r in self.lex.roles if r.generic}
        self.flee_verbs = frozenset(self.lex.flee_verbs)  # "refugees fleeing X" (origins.py)
        # a state's organs and forces by their common names ("interior ministry", "police"): in a named
        # person's title they say which sector, not which country (context.py)
        self.organ_phrases = frozenset(
            p
            for r in self.lex.roles
            if r.kind != "person" and not r.generic and not r.needs_country
            for p in r.phrases
        )
        # the same common names -> their role: a KB organisation named only so ("the Foreign Office") is the
        # story's country's organ in a story set elsewhere (context.py)
        self.organ_roles: dict[str, Role] = {}
        for r in self.lex.roles:
            if r.kind != "person" and not r.generic and not r.needs_country and not r.state:
                for p in r.phrases:
                    self.organ_roles.setdefault(p, r)

    def __call__(self, doc: Doc) -> list[Actor]:
        day = meta(doc).published
        mentions = self.finder.find(doc, day)
        mark_sports_teams(doc, mentions)  # "Sweden beat South Korea 1-0": the team, not the state
        merge_appositions(doc, mentions)
        own_forces(doc, mentions, self.lex)  # "Russia massed troops": Russia's troops
        drafts = group(mentions)
        taken = bytearray(len(doc))
        for m in mentions:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        self.references.resolve(doc, drafts, taken)
        join_name_variants(doc, drafts, self.coref_lex.org_heads)
        link_plural_roles(doc, drafts)
        # document-level resolution: descriptions, then the story's country, then pronouns (see coref.py)
        link_descriptions(doc, drafts, self.coref_lex, day)
        country_from(doc, drafts, self.kb, self.flee_verbs)  # "doctors from American aid groups" are American
        apply_context(
            doc,
            drafts,
            self.kb,
            self.coref_lex,
            self.offices,
            self.matcher.holder,
            day,
            self.local_roles,
            self.state_roles,
            self.organ_phrases,
            self.organ_roles,
        )
        split_person_bodies(doc, drafts, self.lex.person_bodies)  # "the Trump campaign": no person
        self.pronouns.resolve(doc, drafts)
        link_protagonist(doc, drafts)  # a "he" the resolver left: the article's main person
        own_by_pronoun(doc, drafts, self.generic_roles)  # "the party said its leader ..."
        link_principals(doc, drafts, frozenset(self.coref_lex.principal_nouns))  # "an aide to the minister"
        return to_actors(doc, drafts)


@functools.lru_cache(maxsize=1)
def _default() -> ActorExtractor:
    from spacy.lang.en import English

    nlp = English()
    return ActorExtractor(nlp.vocab, nlp.tokenizer)


def extractor_for(nlp_vocab: Vocab, tokenizer: object, cfg: Settings | None = None) -> ActorExtractor:
    """A fresh extractor with the KB for these settings (used by tests and ``herald actors show``)."""
    return ActorExtractor(nlp_vocab, tokenizer, kb=load_kb(cfg), cfg=cfg)


def extract_actors(doc: Doc) -> list[Actor]:
    """Actors of a parsed Doc, with a default extractor built once (the component builds its own)."""
    return _default()(doc)
