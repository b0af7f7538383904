"""Print a Markdown table of the actor KB's size per file (pasted into docs/actors-kb.md).

Run: python tools/kb/kb_stats.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

KB_DIR = Path(__file__).resolve().parent.parent.parent / "src" / "herald" / "data" / "actors"
FILES = ("states.yaml", "igos.yaml", "groups.yaml", "organizations.yaml", "people.yaml")


def main() -> None:
    print("| file | entries | with Wikidata id | surface forms | offices | ambiguous forms |")
    print("|---|---|---|---|---|---|")
    total = [0, 0, 0, 0, 0]
    for fname in FILES:
        entries = yaml.safe_load((KB_DIR / fname).read_text("utf-8")) or []
        forms = sum(
            1 + len(e["aliases"]) + len(e["demonyms"]) + len(e["seats"]) + (1 if e["capital"] else 0)
            for e in entries
        )
        row = [
            len(entries),
            sum(1 for e in entries if e["wikidata"]),
            forms,
            sum(len(e["offices"]) for e in entries),
            sum(len(e["ambiguous_aliases"]) for e in entries),
        ]
        total = [t + r for t, r in zip(total, row, strict=True)]
        print(f"| {fname} | " + " | ".join(str(x) for x in row) + " |")
    print("| **total** | " + " | ".join(f"**{x}**" for x in total) + " |")


if __name__ == "__main__":
    main()
