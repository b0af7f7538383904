"""Library side of ``herald actors show/add/list``: how a name resolves, and installing user KB files."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...config import Settings, settings
from ...errors import KnowledgeBaseError
from ...schema import Actor
from .kb import Entry, KnowledgeBase, load_kb, read_file
from .kb_index import Candidate, bulk_index


@dataclass
class Explanation:
    name: str
    published: date | None
    # Direct KB hits for the exact surface form: (entry, how it names the entry, where the entry comes from).
    kb_hits: list[tuple[Entry, str, str]] = field(default_factory=list)
    # Bulk-table candidates for the name (linked in an article only with context): with their country and
    # sector on the publication date.
    bulk_hits: list[tuple[Candidate, str | None, str | None]] = field(default_factory=list)
    # What the pipeline makes of "<name> said." (as a speaker, so capitals count as governments).
    actors: list[Actor] = field(default_factory=list)


def kb_hits(kb: KnowledgeBase, name: str) -> list[tuple[Entry, str, str]]:
    """Entries naming ``name`` exactly (case-sensitive like the matcher), else case-insensitively."""
    out: list[tuple[Entry, str, str]] = []
    for fold in (False, True):
        want = name.lower() if fold else name
        for e in kb:
            forms = [
                ("name", [e.name]),
                ("alias", e.aliases),
                ("ambiguous alias", e.ambiguous_aliases),
                ("demonym", e.demonyms),
                ("capital", [e.capital] if e.capital else []),
                ("seat", e.seats),
            ]
            for how, values in forms:
                if any((v.lower() if fold else v) in (want, f"the {want}") for v in values):
                    out.append((e, how, kb.origin.get(e.key, "?")))
                    break
        if out:
            break
    return out


def explain(name: str, published: date | None = None, cfg: Settings | None = None) -> Explanation:
    """How ``name`` resolves: the KB entries that carry it, and the actor the pipeline builds for it."""
    from ...api import extract
    from ...pipeline import load

    kb = load_kb(cfg)
    ex = Explanation(name=name, published=published, kb_hits=kb_hits(kb, name))
    index = bulk_index(cfg)
    if index is not None:
        for c in index.candidates(name)[:20]:
            country, sector, _dated = index.at(c.key, published)
            ex.bulk_hits.append((c, country, sector))
    result = extract(f"{name} said.", published=published, nlp=load())
    ex.actors = [a for a in result.actors if a.mentions and a.mentions[0].start < len(name)]
    return ex


def install(path: Path, cfg: Settings | None = None, *, overwrite: bool = False) -> tuple[Path, int]:
    """Validate a user KB file and copy it to ``$HERALD_HOME/actors/``; returns (destination, entries)."""
    cfg = cfg or settings()
    if not path.is_file():
        raise KnowledgeBaseError(f"{path}: no such file. Give a YAML file with a list of actor entries.")
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise KnowledgeBaseError(f"{path}: actor files must be YAML (.yaml or .yml).")
    entries = read_file(path)
    dest_dir = cfg.home / "actors"
    dest = dest_dir / (path.stem + ".yaml")
    if dest.exists() and not overwrite and dest.resolve() != path.resolve():
        raise KnowledgeBaseError(f"{dest} exists already. Pass --force to replace it, or rename your file.")
    dest_dir.mkdir(parents=True, exist_ok=True)
    if dest.resolve() != path.resolve():
        shutil.copyfile(path, dest)
    load_kb(cfg)  # the merged KB must still load (fails loudly otherwise)
    return dest, len(entries)
