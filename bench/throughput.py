"""Throughput and memory of the Herald pipeline against bare spaCy on the same texts, in one run.

Not a test: run it by hand (``make bench`` or ``python bench/throughput.py --n 400``) and copy the figures to
docs/quality.md. Each configuration runs in its own subprocess so peak RSS is measured per configuration.

Targets every stage must keep:
- full Herald pipeline >= 0.75x bare spaCy throughput (same model, same texts, one process);
- n_process=2 >= 1.8x n_process=1;
- peak RSS <= 1 GiB per worker.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus(n: int, seed: int = 13) -> list[str]:
    """n articles made by recombining the paragraphs of the bundled examples (deterministic)."""
    sys.path.insert(0, str(REPO / "src"))
    from herald.inputs import ArticleInput, read_path

    paragraphs: list[str] = []
    for item in read_path(REPO / "examples"):
        if isinstance(item, ArticleInput):
            paragraphs.extend(p.strip() for p in item.text.split("\n") if len(p.strip()) > 40)
    if not paragraphs:
        raise SystemExit("no example articles found under examples/")
    rng = random.Random(seed)
    return ["\n\n".join(rng.sample(paragraphs, k=min(6, len(paragraphs)))) for _ in range(n)]


def _cpu() -> float:
    """CPU seconds of this process and its finished children (less noisy than wall time on a busy box)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _worker(mode: str, n: int, n_process: int, batch_size: int) -> dict[str, float]:
    texts = corpus(n)
    import herald

    if mode == "spacy":
        import spacy

        from herald.config import settings

        nlp = spacy.load(settings().model)
        t0, c0 = time.perf_counter(), _cpu()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    else:
        herald.load()  # load outside the timed region, like spacy.load above
        t0, c0 = time.perf_counter(), _cpu()
        tokens = 0
        for x in herald.extract_many(texts, n_process=n_process, batch_size=batch_size):
            tokens += x.article.chars
        seconds = time.perf_counter() - t0
        for worker in multiprocessing.active_children():  # extract_many does not wait for its workers
            worker.join()  # to exit; their CPU counts once they are reaped
        cpu = _cpu() - c0
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb_main": round(self_rss, 1),
        "peak_rss_mb_worker": round(child_rss, 1) if n_process > 1 else round(self_rss, 1),
    }


def run(mode: str, n: int, n_process: int, batch_size: int) -> dict[str, float]:
    cmd = [
        sys.executable,
        __file__,
        "--worker",
        mode,
        "--n",
        str(n),
        "--n-process",
        str(n_process),
        "--batch-size",
        str(batch_size),
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="articles in the generated corpus")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--worker", choices=["spacy", "herald"], help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run each configuration this many times (interleaved), keep the fastest",
    )
    ap.add_argument(
        "--one-process",
        action="store_true",
        help="only bare spaCy and Herald in one process (skip n_process=2: quicker A/B of a change)",
    )
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.n, args.n_process, args.batch_size)))
        return
    configs = {"spacy_1": ("spacy", 1), "herald_1": ("herald", 1), "herald_2": ("herald", 2)}
    if args.one_process:
        del configs["herald_2"]
    results: dict[str, dict[str, float]] = {}
    least_cpu: dict[str, float] = {}
    for _ in range(max(1, args.repeat)):  # interleaved, so a burst of load elsewhere hits every configuration
        for name, (mode, n_process) in configs.items():
            r = run(mode, args.n, n_process, args.batch_size)
            if name not in results or r["articles_per_s"] > results[name]["articles_per_s"]:
                results[name] = r
            least_cpu[name] = min(least_cpu.get(name, r["cpu_seconds"]), r["cpu_seconds"])
    ratio_vs_spacy = results["herald_1"]["articles_per_s"] / results["spacy_1"]["articles_per_s"]
    ratio_2_vs_1 = (
        results["herald_2"]["articles_per_s"] / results["herald_1"]["articles_per_s"]
        if "herald_2" in results
        else float("nan")
    )
    # CPU seconds of the same work, least of the repeats per configuration: on a machine shared with other
    # jobs the wall-clock ratio swings with their load, the CPU ratio far less.
    cpu_vs_spacy = least_cpu["spacy_1"] / least_cpu["herald_1"]
    summary = {
        "results": results,
        "least_cpu_seconds": least_cpu,
        "herald_vs_spacy_cpu": round(cpu_vs_spacy, 3),
        "herald_vs_spacy": round(ratio_vs_spacy, 3),
        "n_process_2_vs_1": round(ratio_2_vs_1, 3),
        "targets": {
            "herald_vs_spacy": ">= 0.75",
            "n_process_2_vs_1": ">= 1.8",
            "peak_rss_mb_worker": "<= 1024",
        },
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    for name, r in results.items():
        print(
            f"{name:10s} {r['articles_per_s']:8.1f} articles/s  {r['seconds']:7.2f}s  "
            f"cpu {r['cpu_seconds']:7.2f}s  "
            f"peak RSS main {r['peak_rss_mb_main']:.0f} MB, per worker {r['peak_rss_mb_worker']:.0f} MB"
        )
    print(f"Herald / bare spaCy (1 process): {ratio_vs_spacy:.2f}x   (target >= 0.75x)")
    print(
        f"Herald / bare spaCy, CPU time:   {cpu_vs_spacy:.2f}x   (least CPU seconds of the repeats, "
        f"{least_cpu['spacy_1']:.2f}s / {least_cpu['herald_1']:.2f}s: robust to load)"
    )
    print(f"Herald n_process=2 / 1:          {ratio_2_vs_1:.2f}x   (target >= 1.8x)")


if __name__ == "__main__":
    main()
