"""How evenly ``extract_many(n_process=N)`` shares a corpus out to its workers: the best speed-up its work
units allow, whatever the machine's load.

Not a test: run it by hand (``python bench/balance.py --n 150,300,600``). Each article's cost is taken as its
length in characters (Herald's CPU grows about linearly with it); units go, in order, to whichever worker is
free first, as ``ProcessPoolExecutor`` hands them out. The bound is total work / the busiest worker's work:
``n_process=2`` cannot beat it, and on an idle machine its measured speed-up sits a few per cent below it
(start-up, the parent's JSON decoding). Compares whole batches to the end (Herald before 2026-12-03) with
:func:`herald.api._work_units` (the last ``n_process`` batches cut small).
"""

from __future__ import annotations

import argparse
import heapq
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def makespan(units: Iterable[list[int]], n_process: int) -> int:
    """Time until the last worker is done when each takes the next unit as soon as it is free."""
    free = [0] * n_process
    for unit in units:
        heapq.heapreplace(free, free[0] + sum(unit))
    return max(free)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="150,300,600", help="corpus sizes (throughput bench articles)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--n-process", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    sys.path.insert(0, str(REPO / "src"))
    from herald.api import _work_units
    from throughput import corpus

    size, n_proc = args.batch_size, args.n_process
    print(
        f"{'articles':>8s} {'whole batches':>14s} {'tail cut small':>15s}",
        f"(bound on n_process={n_proc} / 1)",
    )
    for n in (int(x) for x in args.n.split(",")):
        costs = [len(text) for text in corpus(n)]
        batches = [costs[i : i + size] for i in range(0, n, size)]
        whole = sum(costs) / makespan(batches, n_proc)
        cut = sum(costs) / makespan(_work_units(iter(batches), n_proc), n_proc)
        print(f"{n:8d} {whole:13.2f}x {cut:14.2f}x")


if __name__ == "__main__":
    main()
