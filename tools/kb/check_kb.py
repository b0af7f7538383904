"""Compare the actor KB's identifiers with the gold data in ../shared/data (read-only, never copied).

- news-fair-v2 (DEV): every gold mention linked to a Wikidata QID whose text, or whose gold entity name, is a
  KB surface form -> does the KB entry carry the same QID (agree), another QID (DISAGREE) or none (KB null)?
- gum-news (DEV): every gold mention linked to a Wikipedia title whose text is a KB surface form -> is the
  KB entry's canonical name that title (agree) or another entity (differs, printed for review)?
- plover-gsr (DEV): every gold actor text that is a KB surface form -> same PLOVER country code?

Run: python tools/kb/check_kb.py [--data ../shared/data] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
KB_DIR = ROOT / "src" / "herald" / "data" / "actors"


def load_kb() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in sorted(KB_DIR.glob("*.yaml")):
        entries.extend(yaml.safe_load(path.read_text("utf-8")) or [])
    return entries


def surface_index(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    index: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        forms = {e["name"], *e["aliases"], *e["demonyms"], *e["seats"], *e["ambiguous_aliases"]}
        if e.get("capital"):
            forms.add(e["capital"])
        for form in forms:
            index[form].append(e)
    return index


def _form_type(entry: dict[str, Any], form: str) -> str:
    """Which field of the entry a surface form comes from (capitals and demonyms often name other things)."""
    if form in entry["demonyms"]:
        return "demonym"
    if form == entry.get("capital") or form in entry["seats"]:
        return "capital_or_seat"
    return "name"


def check_news_fair(data: Path, index: dict[str, list[dict[str, Any]]], verbose: bool) -> dict[str, Any]:
    path = data / "news-fair-v2" / "news-fair-v2.dev.benchmark.jsonl"
    if not path.exists():
        return {"skipped": str(path)}
    outcome: Counter[str] = Counter()
    seen: dict[tuple[str, str], str] = {}
    for line in path.read_text("utf-8").splitlines():
        article = json.loads(line)
        for label in article["labels"]:
            qid = label.get("entity_id", "")
            if not re.match(r"^Q\d+$", qid):
                continue
            text = article["text"][label["span"][0] : label["span"][1]]
            for form in {text, label.get("name") or ""}:
                for e in index.get(form, []):
                    if (e["key"], qid) in seen:
                        continue
                    same_name = (label.get("name") or "") in {e["name"], *e["aliases"]}
                    if e["wikidata"] == qid:
                        verdict = "agree"
                    elif e["wikidata"] is None:
                        verdict = "kb_null"
                    elif same_name:
                        verdict = "DISAGREE"  # same entity by name, different id: a KB error to fix
                    else:
                        verdict = "form_" + _form_type(e, form) + "_links_elsewhere"
                    seen[(e["key"], qid)] = verdict
                    outcome[verdict] += 1
                    if verbose or verdict == "DISAGREE":
                        print(f"  news-fair {verdict} {form!r} -> KB {e['key']} {e['wikidata']} / gold {qid}")
    return {"pairs": dict(outcome)}


def _gum_mentions(path: Path) -> list[tuple[str, str]]:
    """(mention text, Wikipedia title) pairs from one WebAnno TSV file."""
    tokens: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 7:
            continue
        for ident in cols[6].split("|"):
            m = re.match(r"^(.+?)\[(\d+)\]$", ident)
            if m:
                tokens[m.group(2)].append(cols[2])
                titles[m.group(2)] = m.group(1)
            elif ident not in ("_", "") and "[" not in ident:
                # single-token mention without an id
                tokens[f"{path.name}:{cols[0]}"].append(cols[2])
                titles[f"{path.name}:{cols[0]}"] = ident
    return [(" ".join(toks), titles[mid]) for mid, toks in tokens.items()]


def check_gum(data: Path, index: dict[str, list[dict[str, Any]]], verbose: bool) -> dict[str, Any]:
    folder = data / "gum-news" / "coref_tsv"
    if not folder.exists():
        return {"skipped": str(folder)}
    outcome: Counter[str] = Counter()
    for path in sorted(folder.glob("*.tsv")):
        for text, title in _gum_mentions(path):
            for e in index.get(text, []):
                wiki = unquote(title).replace("_", " ")
                verdict = "agree" if wiki in {e["name"], *e["aliases"]} else f"{_form_type(e, text)}_differs"
                outcome[verdict] += 1
                if verbose or verdict == "name_differs":
                    print(f"  gum {verdict:8s} {text!r} -> KB {e['key']} / gold {wiki}")
    return {"mentions": dict(outcome)}


def check_plover(data: Path, index: dict[str, list[dict[str, Any]]], verbose: bool) -> dict[str, Any]:
    path = data / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
    if not path.exists():
        return {"skipped": str(path)}
    outcome: Counter[str] = Counter()
    for record in json.loads(path.read_text("utf-8"))[1:]:
        for role in ("source", "target"):
            actors = record.get(role) or []
            for actor in actors if isinstance(actors, list) else [actors]:
                if not isinstance(actor, dict) or not actor.get("code"):
                    continue
                for e in index.get(actor.get("actorText", ""), []):
                    verdict = "agree" if e["country"] == actor["code"] else "differs"
                    outcome[verdict] += 1
                    if verbose or verdict == "differs":
                        print(
                            f"  plover {verdict} {actor['actorText']!r} -> KB {e['key']} {e['country']}"
                            f" / gold {actor['code']}"
                        )
    return {"actors": dict(outcome)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    entries = load_kb()
    index = surface_index(entries)
    kinds = Counter(e["kind"] for e in entries)
    print(f"KB: {len(entries)} entries {dict(kinds)}, {sum(1 for e in entries if e['wikidata'])} with a QID")
    report = {
        "news-fair-v2": check_news_fair(args.data, index, args.verbose),
        "gum-news": check_gum(args.data, index, args.verbose),
        "plover-gsr": check_plover(args.data, index, args.verbose),
    }
    print(json.dumps(report, indent=2))
    disagree = report["news-fair-v2"].get("pairs", {}).get("DISAGREE", 0)
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
