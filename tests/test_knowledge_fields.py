"""Lexicons read by their fields (herald.knowledge.read_fields): one YAML key per field, merged by the field's
type over the shipped file and the user's files; a key that is no field is a LexiconKeyError."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from herald.errors import KnowledgeBaseError, LexiconKeyError
from herald.knowledge import parse_yaml, read_fields
from herald.stages.s1_times.lexicon import lexicon as times_lexicon


@dataclass(frozen=True)
class Demo:
    words: frozenset[str]
    order: tuple[str, ...]
    names: dict[str, str]
    groups: dict[str, frozenset[str]]
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    limit: int = 6
    ratio: float = 2.0
    sources: tuple[str, ...] = ()


SHIPPED = {
    "words": ["a", "B"],
    "order": ["x", "y"],
    "names": {"k": "v"},
    "groups": {"g": ["p"]},
    "units": {"day": {"seconds": 86400, "plural": "days"}},
}


@pytest.mark.parametrize(
    "user,expected",
    [
        ({}, {"words": {"a", "B"}, "limit": 6, "ratio": 2.0}),  # nothing added, defaults kept
        ({"words": ["c"]}, {"words": {"a", "B", "c"}}),  # lists unite
        ({"words": None}, {"words": {"a", "B"}}),  # an empty key adds nothing
        ({"order": ["z", "x"]}, {"order": ("x", "y", "z", "x")}),  # tuples keep file order
        ({"names": {"k": "w", "j": 1}}, {"names": {"k": "w", "j": "1"}}),  # a later file replaces a key
        ({"groups": {"g": ["q"], "h": ["r"]}}, {"groups": {"g": frozenset("pq"), "h": frozenset("r")}}),
        ({"units": {"day": {"plural": "dayz"}}}, {"units": {"day": {"seconds": 86400, "plural": "dayz"}}}),
        ({"limit": "9", "ratio": 3}, {"limit": 9, "ratio": 3.0}),  # numbers replaced and cast
    ],
)
def test_read_fields_merges_by_type(user: dict[str, Any], expected: dict[str, Any]) -> None:
    demo = read_fields(Demo, [("shipped.yaml", SHIPPED), ("mine.yaml", user)], sources=("s",))
    for name, value in expected.items():
        assert getattr(demo, name) == value, name
    assert demo.sources == ("s",)


def test_read_fields_lower_cases_through_norm() -> None:
    demo = read_fields(Demo, [("shipped.yaml", SHIPPED)], norm=lambda w: str(w).lower())
    assert demo.words == {"a", "b"} and demo.names == {"k": "v"}


@pytest.mark.parametrize(
    "user,error,parts",
    [
        ({"word": ["c"]}, LexiconKeyError, ["mine.yaml: unknown key 'word'", "did you mean 'words'?"]),
        ({"zzz": 1}, LexiconKeyError, ["unknown key 'zzz'; the keys it takes are groups, limit"]),
        ({"sources": ["c"]}, LexiconKeyError, ["unknown key 'sources'"]),  # fixed fields are not keys
        ({"words": "c"}, KnowledgeBaseError, ["mine.yaml: 'words' must be a list, not str"]),
        ({"names": ["c"]}, KnowledgeBaseError, ["'names' must be a mapping, not list"]),
        ({"groups": {"g": [True]}}, KnowledgeBaseError, ["'groups' lists the boolean True", '"true"']),
    ],
)
def test_read_fields_names_a_bad_key(user: dict[str, Any], error: type[Exception], parts: list[str]) -> None:
    with pytest.raises(error) as info:
        read_fields(Demo, [("shipped.yaml", SHIPPED), ("mine.yaml", user)], sources=())
    for part in parts:
        assert part in str(info.value)


@pytest.fixture()
def times_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("HERALD_HOME", str(tmp_path))
    (tmp_path / "lexicons").mkdir()
    times_lexicon.cache_clear()
    yield tmp_path / "lexicons" / "times.yaml"
    monkeypatch.delenv("HERALD_HOME")
    times_lexicon.cache_clear()


@pytest.mark.parametrize(
    "text,check",
    [
        ("age_cues: [Elderly]\n", lambda lex: {"elderly", "old"} <= lex.age_cues),  # lower-cased, united
        ("months: {Sept.: 9}\n", lambda lex: lex.months["sept."] == 9 and lex.months["january"] == 1),
    ],
)
def test_user_times_lexicon_adds_words(times_home: Path, text: str, check: Any) -> None:
    times_home.write_text(text, encoding="utf-8")
    assert check(times_lexicon())


def test_user_times_lexicon_misspelt_key(times_home: Path) -> None:
    times_home.write_text("age_cue: [aged]\n", encoding="utf-8")
    with pytest.raises(LexiconKeyError, match=r"times\.yaml: unknown key 'age_cue'; did you mean 'age_cues'"):
        times_lexicon()


@pytest.mark.parametrize(
    "text,expected",
    [
        # YAML 1.1 reads these as booleans; in Herald's word lists they are words ("attack on", "call off")
        ("[against, on, off, no, yes, n, y]", ["against", "on", "off", "no", "yes", "n", "y"]),
        ("[true, false, 'false']", [True, False, "false"]),
        ("[2018-03-01, 3, 1.5]", [date(2018, 3, 1), 3, 1.5]),
    ],
)
def test_parse_yaml_keeps_words(text: str, expected: list[Any]) -> None:
    assert parse_yaml(text) == expected


def test_word_list_rejects_a_boolean() -> None:
    with pytest.raises(KnowledgeBaseError, match="'words' lists the boolean False"):
        read_fields(Demo, [("mine.yaml", {**SHIPPED, "words": parse_yaml("[a, false]")})], sources=())
