"""CPU per token of one Herald stage alone, run again and again on the same parsed Docs: a quieter A/B
measure of a change inside one stage than a whole-pipeline run.

Not a test: run it by hand (``python bench/stage.py --stage herald_events_v1 --n 128 --repeat 5``). The bench
articles go once through every component before the stage (spaCy and the earlier Herald stages), then the
stage alone runs ``--repeat`` times over all of them; the least CPU time (``time.process_time``) is
printed in µs per token. ``--profile FILE`` saves a cProfile of one more pass. Run the code before and
after a change in turn (each invocation prints the number of records it made, which must not change).
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

REPO = Path(__file__).resolve().parents[1]


def _sample(work: Callable[[], object], passes: int, top: int = 45, tree_min: float = 0.7) -> None:
    """A CPU-time stack sampler (``ITIMER_PROF`` at 2 kHz): cProfile's per-call overhead inflates code that
    makes many small calls, a sampler does not. Prints the share of samples per function (inclusive, own)
    and the call tree. Time inside a long C call is counted at the next Python line that runs."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    paths: Counter[tuple[str, ...]] = Counter()
    total = 0

    def tick(_sig: int, frame: FrameType | None) -> None:
        nonlocal total
        total += 1
        seen: set[str] = set()
        first = True
        stack: list[str] = []
        while frame is not None:
            code = frame.f_code
            key = f"{Path(code.co_filename).name}:{code.co_firstlineno} {code.co_name}"
            if first:
                own[key] += 1
                first = False
            if key not in seen:
                inclusive[key] += 1
                seen.add(key)
            stack.append(key)
            frame = frame.f_back
        stack.reverse()
        for k in range(1, len(stack) + 1):
            paths[tuple(stack[:k])] += 1

    old = signal.signal(signal.SIGPROF, tick)
    signal.setitimer(signal.ITIMER_PROF, 0.0005, 0.0005)
    try:
        for _ in range(passes):
            work()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, old)
    print(f"{total} samples; inclusive % / own % per function")
    for key, n in inclusive.most_common(top):
        print(f"{100 * n / total:6.1f} {100 * own[key] / total:6.1f}  {key}")
    print(f"call tree (paths with at least {tree_min} % of samples):")
    for path, n in sorted(paths.items()):
        if 100 * n / total >= tree_min and len(path) > 4:
            print(f"{100 * n / total:6.1f}  {'  ' * (len(path) - 5)}{path[-1]}")
    print("own time, largest:")
    for key, n in own.most_common(top):
        print(f"{100 * n / total:6.1f}  {key}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stage", default="herald_events_v1", help="pipe name of the stage to time")
    ap.add_argument("--n", type=int, default=128, help="bench articles")
    ap.add_argument("--join", type=int, default=1, help="join this many bench articles into one (length)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", type=Path, help="save a cProfile of one more pass here")
    ap.add_argument("--docs", type=Path, help="read the parsed Docs from this pickle, or write it if absent")
    ap.add_argument("--sample", type=int, default=0, help="sample stacks over this many more passes")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    import herald
    from herald.inputs import ArticleInput
    from herald.pipeline import make_doc
    from throughput import corpus

    base = corpus(args.n * args.join)
    texts = ["\n\n".join(base[i : i + args.join]) for i in range(0, len(base), args.join)]
    nlp = herald.load()
    names = nlp.pipe_names
    if args.stage not in names:
        raise SystemExit(f"no pipe {args.stage!r}; the pipeline has {', '.join(names)}")
    before = nlp.pipeline[: names.index(args.stage)]
    stage = nlp.get_pipe(args.stage)
    if args.docs is not None and args.docs.exists():
        docs = pickle.loads(args.docs.read_bytes())  # the same Docs for both sides of an A/B
    else:
        docs = []
        for text in texts:
            doc = make_doc(nlp, ArticleInput(text=text, published="2024-05-01"))
            for _name, proc in before:
                doc = proc(doc)
            docs.append(doc)
        if args.docs is not None:
            args.docs.write_bytes(pickle.dumps(docs))
    tokens = sum(len(d) for d in docs)
    field = "herald_" + args.stage.removeprefix("herald_").removesuffix("_v1")
    runs = []
    for _ in range(max(1, args.repeat)):
        start = time.process_time()
        for doc in docs:
            stage(doc)
        runs.append(time.process_time() - start)
    records = sum(len(getattr(d._, field) or ()) for d in docs)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for doc in docs:
            stage(doc)
        prof.disable()
        prof.dump_stats(str(args.profile))
    if args.sample:
        _sample(lambda: [stage(doc) for doc in docs], args.sample)
    per_token = ", ".join(f"{1e6 * r / tokens:.1f}" for r in runs)
    print(
        f"{args.stage}: {len(docs)} articles, {tokens} tokens, {records} records; "
        f"least {1e6 * min(runs) / tokens:.1f} µs per token (runs: {per_token})"
    )


if __name__ == "__main__":
    main()
