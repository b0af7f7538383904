"""The events stage of another checkout against this one, in one process, on the same parsed Docs: runs
alternate (base, branch, branch, base, ...) so a burst of load elsewhere hits both sides alike.

Not a test: run it by hand around a change to the events stage, e.g.

    git archive main | tar -x -C /tmp/base
    python bench/stage.py --docs /tmp/docs128.pkl --repeat 1       # parse the bench articles once
    python bench/events_ab.py /tmp/base/src --docs /tmp/docs128.pkl --rounds 16

The other checkout's ``stages/s5_events`` is copied beside this one's (as ``s5_events_base``, in a
temporary copy of this ``src``), so both sides share everything else (spaCy, the earlier stages' helpers).
Prints whether both sides coded the same events (JSON of every record) and µs of CPU per token per side,
least and median of the rounds.
"""

from __future__ import annotations

import argparse
import importlib
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", type=Path, help="the other checkout's src folder")
    ap.add_argument("--docs", type=Path, required=True, help="parsed Docs pickled by bench/stage.py --docs")
    ap.add_argument("--rounds", type=int, default=16)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="herald-events-ab-"))
    try:
        shutil.copytree(REPO / "src", tmp / "src")
        stages = tmp / "src" / "herald" / "stages"
        shutil.copytree(args.base / "herald" / "stages" / "s5_events", stages / "s5_events_base")
        (stages / "s5_events_base" / "component.py").unlink()  # one factory per pipe name
        sys.path.insert(0, str(tmp / "src"))
        import herald

        herald.load()
        from herald.stages.s5_events.extract import extract_events as branch

        base = importlib.import_module("herald.stages.s5_events_base.extract").extract_events

        docs = pickle.loads(args.docs.read_bytes())
        tokens = sum(len(d) for d in docs)
        old = [e.model_dump_json() for d in docs for e in base(d)]
        new = [e.model_dump_json() for d in docs for e in branch(d)]
        print(f"{len(docs)} articles, {tokens} tokens; same events: {old == new} ({len(old)} / {len(new)})")
        spent: dict[str, list[float]] = {"base": [], "branch": []}
        sides = (("base", base), ("branch", branch))
        for r in range(args.rounds):
            for name, code in sides if r % 2 == 0 else sides[::-1]:
                start = time.process_time()
                for doc in docs:
                    code(doc)
                spent[name].append(1e6 * (time.process_time() - start) / tokens)
        for name, runs in spent.items():
            print(f"{name:6s} least {min(runs):5.1f}  median {statistics.median(runs):5.1f} µs per token")
        least = min(spent["branch"]) / min(spent["base"])
        middle = statistics.median(spent["branch"]) / statistics.median(spent["base"])
        print(f"branch / base: least {least:.3f}, median {middle:.3f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
