"""Time the actors stage against bare spaCy and the whole Herald pipeline.

Usage: python tools/bench_actors.py [DATA_ROOT]   (default ../shared/data; texts of re3d + news-fair-v2 DEV,
read in memory only). Prints tokens/s of bare spaCy, of the full Herald pipeline, and of the actors component
alone on pre-parsed Docs, best of three runs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy

from herald.inputs import ArticleInput
from herald.pipeline import build, make_doc


def texts(root: Path) -> list[str]:
    out: list[str] = []
    for f in sorted(root.glob("re3d/*/documents.json")):
        out += [json.loads(line)["text"] for line in f.open(encoding="utf-8") if line.strip()]
    for f in sorted(root.glob("news-fair-v2/*.jsonl")):
        out += [json.loads(line)["text"] for line in f.open(encoding="utf-8") if line.strip()]
    return out


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
    docs_text = texts(root)
    full = build()
    bare = spacy.load(full.meta["lang"] + "_" + full.meta["name"])
    parsed = list(bare.pipe(docs_text, batch_size=16))
    n_tokens = sum(len(d) for d in parsed)
    actors = full.get_pipe("herald_actors_v1")

    def t_bare() -> float:
        t = time.perf_counter()
        list(bare.pipe(docs_text, batch_size=16))
        return time.perf_counter() - t

    def t_full() -> float:
        t = time.perf_counter()
        list(full.pipe((make_doc(full, ArticleInput(text=x)) for x in docs_text), batch_size=16))
        return time.perf_counter() - t

    def t_actors() -> float:
        t = time.perf_counter()
        for d in parsed:
            actors.extractor(d)  # type: ignore[attr-defined]
        return time.perf_counter() - t

    t_bare(), t_full()  # warm up
    best = {
        name: min(f() for _ in range(3))
        for name, f in (("bare", t_bare), ("full", t_full), ("actors", t_actors))
    }
    print(f"{len(docs_text)} docs, {n_tokens} tokens")
    for name, sec in best.items():
        print(f"{name:7s} {sec:6.2f}s {n_tokens / sec:9,.0f} tokens/s")
    print(f"full pipeline / bare spaCy throughput: {best['bare'] / best['full']:.2f}")
    print(f"actors stage share of full pipeline time: {best['actors'] / best['full']:.1%}")


if __name__ == "__main__":
    main()
