"""``herald actors add/show/kb``: installing a user KB file and explaining how names resolve."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from herald.cli import app

runner = CliRunner()

ENTRY = {
    "key": "zz-front",
    "name": "Zedland Liberation Front",
    "kind": "group",
    "country": "ZZZ",
    "sector": "REB",
    "wikidata": None,
    "aliases": ["ZLF"],
}


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HERALD_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_add_copies_and_lists(home: Path, tmp_path: Path) -> None:
    src = tmp_path / "mine.yaml"
    src.write_text(yaml.safe_dump([ENTRY]), encoding="utf-8")
    result = runner.invoke(app, ["actors", "add", str(src)])
    assert result.exit_code == 0, result.output
    assert (home / "actors" / "mine.yaml").is_file()
    listed = runner.invoke(app, ["actors", "kb", "--user"])
    assert listed.exit_code == 0 and "zz-front" in listed.output


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"key": "x", "name": "X", "kind": "tribe"}, "kind"),
        ({"key": "x", "kind": "group"}, "name"),
    ],
)
def test_add_rejects_invalid(home: Path, tmp_path: Path, entry: dict[str, object], message: str) -> None:
    src = tmp_path / "bad.yaml"
    src.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    result = runner.invoke(app, ["actors", "add", str(src)])
    assert result.exit_code == 2
    assert message in result.output and not (home / "actors" / "bad.yaml").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Beijing", "capital:CHN"), ("Israeli soldiers", "role:military"), ("Zorblatt Quux", "No KB entry")],
)
def test_show_explains(name: str, expected: str) -> None:
    result = runner.invoke(app, ["actors", "show", name])
    assert result.exit_code == 0, result.output
    assert expected in " ".join(result.output.split())


def test_show_bad_date() -> None:
    result = runner.invoke(app, ["actors", "show", "US President", "--published", "yesterday"])
    assert result.exit_code == 2
