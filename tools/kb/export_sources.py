"""Copy the pinned source files of tools/kb/bulk_sources.yaml out of local git clones, at the pinned commit.

    python tools/kb/export_sources.py --clones ~/src --out /tmp/kb-sources
    # expects ~/src/<owner>+<name>/ (or <name>/) to be a git clone (or bare repo) holding the pinned commit

Fetches nothing: clone the repositories yourself first (docs/actors-kb.md). An ``npm:NAME`` source is read
from the package tarball ``<clones>/NAME-<version>.tgz`` (``npm pack NAME@<version>``), checked against the
pinned sha512; a ``pypi:NAME`` source is the installed package itself (read by build_bulk.py at build time).
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import hashlib
import re
import subprocess
import tarfile
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
        if src["repo"].startswith("pypi:"):
            continue
        if src["repo"].startswith("npm:"):
            _export_npm(src, args.clones, args.out)
            continue
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


def _export_npm(src: dict[str, object], clones: Path, out: Path) -> None:
    """Copy the pinned paths out of an npm tarball after checking its sha512 integrity."""
    name = str(src["repo"]).removeprefix("npm:")
    pin = re.match(r"^(\S+) \(npm tarball (sha512-\S+)\)$", str(src["commit"]))
    if pin is None:
        raise SystemExit(f"{name}: commit must read 'VERSION (npm tarball sha512-...)'")
    version, integrity = pin.groups()
    tgz = clones / f"{name}-{version}.tgz"
    if not tgz.exists():
        raise SystemExit(f"no {tgz}: run `npm pack {name}@{version}` in {clones}")
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode()
    if digest != integrity:
        raise SystemExit(f"{tgz}: sha512 differs from the pinned one")
    with tarfile.open(tgz) as tar:
        for path in src["paths"]:  # type: ignore[attr-defined]
            data = tar.extractfile(f"package/{path}")
            if data is None:
                raise SystemExit(f"{tgz}: no package/{path}")
            dest = out / f"npm+{name}" / str(path)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data.read())
    print(f"npm:{name}@{version}: exported")


if __name__ == "__main__":
    main()
