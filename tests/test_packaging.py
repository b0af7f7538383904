"""Packaging as users install it (issue 11): metadata, serialisation by alias, failed inputs' hashes, and the
wheel installed in a fresh virtual environment outside the repository running ``herald extract``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

import herald
from herald.api import extract_many
from herald.inputs import read_bytes

ROOT = Path(__file__).parents[1]


def test_metadata_declares_python_and_spdx_licence() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"  # no upper cap
    assert project["license"] == "Apache-2.0"


def test_model_dump_uses_aliases(extract) -> None:  # type: ignore[no-untyped-def]
    x = extract("Police said 12 people were killed in Kabul on Monday.", published="2024-04-30")
    dumped = x.model_dump(mode="json")
    assert "schema" in dumped and "schema_" not in dumped
    assert dumped == json.loads(x.to_json()) == x.to_dict()
    assert json.loads(x.model_dump_json()) == dumped


# (bytes, origin suffix) of inputs that cannot be read: the failure carries the hash of these bytes
BAD_INPUTS = [
    b"%PDF-1.4 not an article",
    b"\x89PNG\r\n\x1a\n....",
    b"\x00\x01\x02 binary \x00\x00",
]


@pytest.mark.parametrize("data", BAD_INPUTS)
def test_failed_input_reports_hash_of_its_bytes(data: bytes) -> None:
    items = list(read_bytes(data, origin="bad.txt"))
    (x,) = list(extract_many(items))
    assert x.status == "failed"
    assert x.article.sha256 == hashlib.sha256(data).hexdigest()
    assert x.article.sha256 != hashlib.sha256(b"").hexdigest()


def test_failed_jsonl_line_reports_hash_of_the_line() -> None:
    line = '{"id": "x", "text": 5}'
    (x,) = list(extract_many(read_bytes(line.encode(), origin="feed.jsonl", fmt="jsonl")))
    assert x.status == "failed"
    assert x.article.sha256 == hashlib.sha256(line.encode()).hexdigest()


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_repository(tmp_path: Path) -> None:
    # Build from a copy of the project files, so nothing is written into the source tree.
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-build-isolation", "--no-deps", "-w", str(dist), str(project)],
        check=True,
        env=env,
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("herald-*.whl")
    # A fresh venv; the shared environment's packages (spaCy, the model...) are reachable through a .pth
    # file, so the test stays offline, while herald itself comes only from the wheel.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout.strip()
    (Path(site) / "shared-env.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], check=True, env=env
    )
    where = subprocess.run(
        [str(python), "-c", "import herald; print(herald.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(venv)), where
    article = tmp_path / "article.txt"
    shutil.copy(ROOT / "examples" / "articles" / "ceasefire-talks-doha.txt", article)
    out = subprocess.run(
        [str(venv / "bin" / "herald"), "extract", str(article), "--published", "2024-04-30"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    data = json.loads(out.stdout)
    assert data["schema"] == "herald/1" and data["status"] == "ok"
    assert data["herald_version"] == herald.__version__
    assert data["events"] and data["article"]["chars"] > 0  # front matter stripped, offsets after it
