"""ISAF minimum killed / captured (exact) on subsets of the DEV releases, for the untuned-fold figures in
docs/quality-figures.md: the two halves of the file and the releases not read while tuning.

    python tools/isaf_figures_folds.py [--read 1,5,77,...]
"""

from __future__ import annotations

import argparse

from herald.eval import default_data_root
from herald.eval.datasets._isaf import releases, run
from herald.eval.datasets.isaf_figures import CAPTURED, KILLED, minimum

# Releases (source_line) read while building the issue 11 rules.
READ = "1,5,77,83,91,147,155,161,203,221,225,229"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--read", default=READ, help="comma-separated source_line values read while tuning")
    args = ap.parse_args()
    read = {int(x) for x in args.read.split(",") if x}
    root = default_data_root()
    if root is None:
        raise SystemExit("../shared/data is not present (set HERALD_EVAL_DATA)")
    rows = releases(root / "isaf-press-releases")
    counts: dict[tuple[str, str], list[int]] = {}
    for row, doc in zip(rows, run(rows), strict=True):
        figures = list(doc._.herald_figures or [])
        line = int(row["source_line"])
        for task, key, cats in (("killed", "min_killed", KILLED), ("captured", "min_captured", CAPTURED)):
            want = int(row["gold"].get(key) or 0)
            if want == 0:
                continue
            hit = minimum(figures, cats) == want
            subsets = ["all", "first half (<= 181)" if line <= 181 else "second half (> 181)"]
            if line not in read:
                subsets.append("never read")
            for subset in subsets:
                c = counts.setdefault((task, subset), [0, 0])
                c[0] += hit
                c[1] += 1
    for (task, subset), (hit, n) in sorted(counts.items()):
        print(f"{task:9} {subset:22} {hit / n:.3f}  ({hit}/{n}, releases with gold > 0)")


if __name__ == "__main__":
    main()
