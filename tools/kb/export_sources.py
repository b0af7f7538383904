"""Copy the pinned source files of tools/kb/bulk_sources.yaml out of local git clones, at the pinned commit.

    python tools/kb/export_sources.py --clones ~/src --out /tmp/kb-sources
    # expects ~/src/<owner>+<name>/ (or <name>/) to be a git clone (or bare repo) holding the pinned commit

Fetches nothing: clone the repositories yourself first (docs/actors-kb.md).
"""

from __future__ import annotations

import argparse
import fnmatch
import subprocess
from pathlib import Path

import yaml

HERE = Path(__file__).parent


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clones", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    for src in yaml.safe_load((HERE / "bulk_sources.yaml").read_text()):
        owner, name = src["repo"].split("/")
        repo = next((p for p in (args.clones / f"{owner}+{name}", args.clones / name) if p.exists()), None)
        if repo is None:
            raise SystemExit(f"no clone of {src['repo']} under {args.clones}")
        missing: list[str] = []
        listing = _git(repo, "ls-tree", "-r", "--name-only", src["commit"]).decode().splitlines()
        for pattern in src["paths"]:
            for path in fnmatch.filter(listing, pattern):
                try:
                    data = _git(repo, "show", f"{src['commit']}:{path}")
                except subprocess.CalledProcessError:
                    missing.append(path)  # a partial clone may lack the largest blobs
                    continue
                dest = args.out / f"{owner}+{name}" / path
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
        print(f"{src['repo']}@{src['commit'][:10]}: exported; missing blobs: {missing or 'none'}")


if __name__ == "__main__":
    main()
