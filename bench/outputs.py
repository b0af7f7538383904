"""Prove a speed change left Herald's outputs unchanged: dump, then compare, the JSON of a fixed text sample.

Not a test: run it by hand around an optimisation.

    python bench/outputs.py dump /tmp/before.jsonl     # on the code before the change
    python bench/outputs.py dump /tmp/after.jsonl      # on the code after it
    python bench/outputs.py compare /tmp/before.jsonl /tmp/after.jsonl

The sample: every bundled example under ``examples/`` (text, Markdown, HTML, JSONL), plus, when
``../shared/data`` (or ``$HERALD_SHARED_DATA``) is present, a deterministic sample of its article texts
(ISAF press releases, news-fair-v2, GeoWebNews, PLOVER GSR sentences), and long articles joined from the
throughput bench's corpus (``--long``). One JSON line per article, keys sorted;
Herald's output carries no timings, so the lines must be byte-identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


# GeoWebNews DEV articles (by position in GWN.dev.xml) Herald must not be run on here: the 15 with event gold
# (events-gwn-dev, scored by its own eval) and the fold-c articles being annotated blind.
_GWN_KEPT_OUT = frozenset({12, 13, 25, 29, 33, 46, 57, 66, 78, 79, 82, 84, 86, 87, 89}) | frozenset(
    {14, 15, 21, 39, 47, 67, 70, 72, 77, 81, 97}
)


def _shared() -> Path:
    return Path(os.environ.get("HERALD_SHARED_DATA", REPO.parent.parent / "shared" / "data"))


def _sample(rows: list[dict[str, Any]], k: int, seed: int = 7) -> list[dict[str, Any]]:
    return rows if len(rows) <= k else random.Random(seed).sample(rows, k)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def shared_items(per_set: int) -> Iterator[dict[str, Any]]:
    """Article dicts from the shared gold data (texts only: gold labels are never read)."""
    root = _shared()
    isaf = root / "isaf-press-releases" / "isaf_press_releases.dev.jsonl"
    if isaf.exists():
        for i, row in enumerate(_sample(_jsonl(isaf), per_set)):
            yield {"id": f"isaf-{i}", "text": row["text"], "published": "2011-06-01"}
    fair = root / "news-fair-v2" / "news-fair-v2.dev.benchmark.jsonl"
    if fair.exists():
        for row in _sample(_jsonl(fair), per_set):
            yield {"id": f"fair-{row['id']}", "text": row["text"], "title": row.get("title")}
    gwn = root / "geowebnews" / "GWN.dev.xml"
    if gwn.exists():
        articles = [
            {"id": f"gwn-{a.get('file')}", "text": a.findtext("text") or ""}
            for i, a in enumerate(ET.parse(gwn).getroot().iter("article"))
            if i not in _GWN_KEPT_OUT
        ]
        yield from _sample([a for a in articles if a["text"].strip()], per_set)
    gsr = root / "plover-gsr" / "PLOVER_GSR_CAMEO.dev.json"
    if gsr.exists():
        rows = [r for r in json.loads(gsr.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
        for row in _sample(rows, per_set):
            yield {"id": f"gsr-{row['id']}", "text": row["eventText"]}


def long_items(per_length: int) -> list[dict[str, Any]]:
    """Long articles (4, 8 and 16 bench articles joined: about 3,500 to 14,000 characters), where a cost
    that grows faster than article length would show, and where a change to such a cost must keep outputs."""
    sys.path.insert(0, str(REPO / "bench"))
    from throughput import corpus

    base = corpus(16 * per_length, seed=29)
    out: list[dict[str, Any]] = []
    for m in (4, 8, 16):
        for i in range(per_length):
            text = "\n\n".join(base[i * m : (i + 1) * m])
            out.append({"id": f"long-{m}x-{i}", "text": text, "published": "2024-05-01"})
    return out


def events_items(gwn_extra: int = 30) -> list[dict[str, Any]]:
    """The events look material, run as its eval runs it (the gold's publication date, else the crawl date):
    events-gwn-dev fold a (even positions), the fold-c articles (``eval/events-gwn-foldc``), every ISAF DEV
    press release, and ``gwn_extra`` other GeoWebNews DEV articles (never fold b, fold d or event gold)."""
    sys.path.insert(0, str(REPO / "src"))
    from herald.eval.datasets.events_gwn_dev import fold_of, read_articles, read_gold

    root = _shared()
    gwn_dev, fold_c = root / "events-gwn-dev", REPO / "eval" / "events-gwn-foldc"
    articles = read_articles(gwn_dev)
    out: list[dict[str, Any]] = []
    for name, folder, keep in (
        ("a", gwn_dev, lambda pos: fold_of(pos) == "a"),
        ("c", fold_c, lambda pos: True),
    ):
        for pos, (n, gold) in enumerate(read_gold(folder)):
            if keep(pos):
                art = articles[n]
                published = gold.get("published") or art.fetched
                out.append(
                    {
                        "id": f"fold{name}-gwn-{n}",
                        "text": art.text,
                        "title": art.title,
                        "published": published,
                    }
                )
    for i, row in enumerate(_jsonl(root / "isaf-press-releases" / "isaf_press_releases.dev.jsonl")):
        out.append({"id": f"isaf-{i}", "text": row["text"], "published": "2011-06-01"})
    rest = [
        {"id": f"gwn-{n}", "text": a.text, "title": a.title, "published": a.fetched}
        for n, a in enumerate(articles)
        if n not in _GWN_KEPT_OUT and a.text.strip()
    ]
    out.extend(_sample(rest, gwn_extra))
    return out


def items(per_set: int, per_length: int = 0) -> list[Any]:
    sys.path.insert(0, str(REPO / "src"))
    from herald.inputs import read_path

    out: list[Any] = list(read_path(REPO / "examples"))
    out.extend(shared_items(per_set))
    out.extend(long_items(per_length))
    return out


def dump(
    path: Path, per_set: int, batch_size: int, per_length: int, n_process: int = 1, events: bool = False
) -> None:
    import herald

    data = events_items() if events else items(per_set, per_length)
    with path.open("w", encoding="utf-8") as fh:
        for x in herald.extract_many(data, batch_size=batch_size, n_process=n_process):
            fh.write(json.dumps(x.model_dump(mode="json"), sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(data)} articles -> {path}")


def compare(a: Path, b: Path) -> int:
    left = [line for line in a.read_text(encoding="utf-8").split("\n") if line]
    right = [line for line in b.read_text(encoding="utf-8").split("\n") if line]
    if len(left) != len(right):
        print(f"different article counts: {len(left)} vs {len(right)}")
        return 1
    differ = 0
    for i, (x, y) in enumerate(zip(left, right, strict=True)):
        if x != y:
            differ += 1
            ident = json.loads(x)["article"]["id"]
            dx, dy = json.loads(x), json.loads(y)
            keys = sorted(k for k in set(dx) | set(dy) if dx.get(k) != dy.get(k))
            print(f"line {i + 1} ({ident}): differs in {', '.join(keys)}")
    print(f"{len(left)} articles, {differ} differ")
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="write one JSON line per article of the sample")
    d.add_argument("out", type=Path)
    d.add_argument("--per-set", type=int, default=40, help="articles sampled from each shared dataset")
    d.add_argument("--batch-size", type=int, default=32)
    d.add_argument("--long", type=int, default=2, help="long articles per length (4x, 8x, 16x)")
    d.add_argument(
        "--n-process", type=int, default=1, help="worker processes (the records must not depend on it)"
    )
    d.add_argument(
        "--events",
        action="store_true",
        help="the events look material instead (events-gwn-dev fold a, fold c, ISAF DEV, 30 more GWN DEV)",
    )
    c = sub.add_parser("compare", help="compare two dumps line by line")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.per_set, args.batch_size, args.long, args.n_process, args.events)
    else:
        raise SystemExit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
