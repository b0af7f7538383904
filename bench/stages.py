"""CPU time of each pipeline component per token, as articles get longer: finds costs that grow faster than
article length (a scan of the whole Doc, of every mention or record, per token, candidate or sentence).

Not a test: run it by hand (``python bench/stages.py --lengths 1,4,16``). Articles are made by joining 1, 4,
16 ... articles of the throughput bench's corpus, so every length covers the same text; each component runs
over every Doc in turn (spaCy's unbatched, so their per-token cost falls with length as their per-Doc
overhead spreads). A Herald stage whose figure grows along the row has a cost that grows with the square of
article length. Figures are CPU seconds (``time.process_time``), least of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lengths", default="1,4,16", help="how many bench articles each article joins")
    ap.add_argument("--n", type=int, default=64, help="bench articles in all (a multiple of every length)")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "bench"))
    import herald
    from herald.inputs import ArticleInput
    from herald.pipeline import make_doc
    from throughput import corpus

    lengths = [int(x) for x in args.lengths.split(",")]
    base = corpus(args.n)
    nlp = herald.load()
    names = nlp.pipe_names
    per_token: dict[int, dict[str, float]] = {}
    for m in lengths:
        texts = ["\n\n".join(base[i : i + m]) for i in range(0, args.n, m)]
        best: dict[str, float] = {}
        tokens = 0
        for _ in range(max(1, args.repeat)):
            spent = dict.fromkeys(names, 0.0)
            tokens = 0
            for text in texts:
                doc = make_doc(nlp, ArticleInput(text=text, published="2024-05-01"))
                for name, proc in nlp.pipeline:
                    start = time.process_time()
                    doc = proc(doc)
                    spent[name] += time.process_time() - start
                tokens += len(doc)
            best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
        per_token[m] = {k: 1e6 * v / tokens for k, v in best.items()}
        print(f"x{m}: {len(texts)} articles, {tokens / len(texts):.0f} tokens each", file=sys.stderr)
    ours = [n for n in names if n.startswith("herald_") and n != "herald_paragraphs_v1"]
    print(f"{'component (µs per token)':28s}" + "".join(f"{'x' + str(m):>9s}" for m in lengths))
    for name in names:
        print(f"{name:28s}" + "".join(f"{per_token[m][name]:9.1f}" for m in lengths))
    rest = [n for n in names if n not in ours]
    for label, group in (("Herald stages", ours), ("spaCy + paragraphs", rest)):
        print(f"{label:28s}" + "".join(f"{sum(per_token[m][n] for n in group):9.1f}" for m in lengths))


if __name__ == "__main__":
    main()
