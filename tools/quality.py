"""Run every ``herald eval`` dataset and write the figures into docs/quality.md.

    python tools/quality.py                      # all datasets found under ../shared/data
    python tools/quality.py --only plover-gsr    # one dataset (its section is replaced, the rest kept)

Each dataset's section lists the exact command that produced it. The bench figures are pasted by hand
from ``python bench/throughput.py`` and ``python bench/ingest.py`` into the "Speed and memory" section,
which this script leaves untouched.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "quality.md"
BEGIN, END = "<!-- eval:{name}:begin -->", "<!-- eval:{name}:end -->"


def run(name: str) -> dict[str, object]:
    cmd = [str(Path(sys.executable).parent / "herald"), "eval", name, "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if out.returncode != 0:
        # the CLI wraps its message over several lines: keep all of it, as one sentence
        message = " ".join(line.strip(" │╭╮╰╯─") for line in (out.stderr or out.stdout).splitlines())
        return {"dataset": name, "error": " ".join(message.split())}
    return dict(json.loads(out.stdout))


def section(report: dict[str, object]) -> str:
    name = str(report["dataset"])
    lines = [BEGIN.format(name=name), f"### {name}", "", f"Command: `herald eval {name}`", ""]
    if "error" in report:
        lines += [f"Not run: {report['error']}", "", END.format(name=name)]
        return "\n".join(lines)
    metrics = report.get("metrics") or []
    assert isinstance(metrics, list)
    systems = list(dict.fromkeys(str(m["system"]) for m in metrics))
    rows: dict[tuple[str, str], dict[str, float]] = {}
    support: dict[tuple[str, str], object] = {}
    for m in metrics:
        key = (str(m["task"]), str(m["name"]))
        rows.setdefault(key, {})[str(m["system"])] = float(m["value"])
        support.setdefault(key, m.get("support"))
    lines.append(f"{report.get('documents')} documents, {report.get('seconds')} s, measured {date.today()}.")
    lines.append("")
    lines.append("| task | metric | " + " | ".join(systems) + " | n |")
    lines.append("|---|---|" + "---:|" * len(systems) + "---:|")
    for (task, metric), vals in rows.items():
        cells = [f"{vals[s]:.3f}" if s in vals else "" for s in systems]
        n = support.get((task, metric))
        lines.append(f"| {task} | {metric} | " + " | ".join(cells) + f" | {'' if n is None else n} |")
    notes = report.get("notes") or []
    assert isinstance(notes, list)
    if notes:
        lines.append("")
        lines += [f"- {n}" for n in notes]
    lines += ["", END.format(name=name)]
    return "\n".join(lines)


def datasets() -> list[str]:
    sys.path.insert(0, str(REPO / "src"))
    from herald.eval import available

    return list(available())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="datasets to (re)run")
    ap.add_argument("--save", type=Path, help="also write each report as DIR/<name>.json")
    args = ap.parse_args()
    names = args.only or datasets()
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        report = run(name)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
        block = section(report)
        pattern = re.compile(
            re.escape(BEGIN.format(name=name)) + r".*?" + re.escape(END.format(name=name)), re.S
        )
        if pattern.search(text):
            text = pattern.sub(lambda _m, b=block: b, text)
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
