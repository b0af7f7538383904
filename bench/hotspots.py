"""Where Herald's own CPU goes: cProfile over ``extract_many`` on the throughput bench's articles.

Not a test: run it by hand (``python bench/hotspots.py --n 64``). Besides the usual cumulative-time table it
prints the number of Python function calls made in all and by Herald's stage code: on a machine shared with
other jobs, CPU seconds move by 10-30 % between runs while call counts do not (run both sides with the
same ``PYTHONHASHSEED``: set iteration order, and so the calls some rules make, follows the string hash), so
compare call counts before and after a change (and time on an idle machine).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=64, help="bench articles")
    ap.add_argument("--join", type=int, default=1, help="join this many bench articles into one (length)")
    ap.add_argument("--top", type=int, default=40, help="rows of the table")
    ap.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative, ncalls)")
    ap.add_argument("--out", type=Path, help="also save the raw profile here")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    import herald
    from throughput import corpus

    base = corpus(args.n * args.join)
    texts = ["\n\n".join(base[i : i + args.join]) for i in range(0, len(base), args.join)]
    herald.load()
    prof = cProfile.Profile()
    prof.enable()
    for _ in herald.extract_many(texts):
        pass
    prof.disable()
    stats = pstats.Stats(prof)
    if args.out:
        stats.dump_stats(str(args.out))
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(nc for (_cc, nc, _tt, _ct, _callers) in raw.values())
    # Calls made by stage code: every call (to Herald, spaCy, builtins) whose caller is a function under
    # herald/stages; doc[...] separately (each builds a Token or Span object).
    made = getitem = 0
    for (file, _line, fn), (_cc, _nc, _tt, _ct, callers) in raw.items():
        for (caller_file, _l, _f), counts in callers.items():
            if "/herald/stages/" in caller_file:
                made += counts[0]
                getitem += counts[0] if fn == "__getitem__" and "doc.pyx" in file else 0
    print(
        f"{len(texts)} articles: {total:,} Python calls in all; {made:,} made by Herald's stage code, "
        f"{getitem:,} of them doc[...]"
    )
    stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
