"""Events stage: ontology and lexicon data files, user overrides, finer patterns, and the gold-data evals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc

from herald.stages.s5_events.lexicon import load_lexicon
from herald.stages.s5_events.ontology import load_ontology

PUB = "2024-04-30"
Make = Callable[..., Doc]


def test_ontology_has_plover_2() -> None:
    onto = load_ontology()
    assert len(onto.types) == 16
    assert len(onto.contexts) == 37
    assert onto.quad("ASSAULT") == 4 and onto.quad("AGREE") == 1
    assert onto.cameo("ACCUSE", "investigate") == "09" and onto.cameo("REJECT", None) == "12"
    assert onto.intensity("ACCUSE", None) == -3.0
    assert onto.crosswalk["129"][0] == "REJECT"  # veto
    for t in onto.types.values():
        assert t.definition and t.cameo


def test_lexicon_entries_use_known_types_and_modes() -> None:
    onto, lex = load_ontology(), load_lexicon()
    for table in (lex.verbs, lex.adjectives, lex.nouns):
        for lemma, entries in table.items():
            for e in entries:
                assert e.type in onto.types, lemma
                assert e.mode is None or onto.has_mode(e.type, e.mode), (lemma, e.mode)
                assert all(c in onto.contexts for c in e.contexts), (lemma, e.contexts)


@pytest.fixture()
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("HERALD_HOME", str(tmp_path))
    load_ontology.cache_clear()
    load_lexicon.cache_clear()
    yield tmp_path
    monkeypatch.delenv("HERALD_HOME")
    load_ontology.cache_clear()
    load_lexicon.cache_clear()


def test_user_ontology_overrides_scores(user_home: Path) -> None:
    (user_home / "ontology").mkdir()
    (user_home / "ontology" / "mine.yaml").write_text(
        "types:\n  ASSAULT:\n    score: -10\n    modes:\n      drone: {score: -8.5, cameo: '19'}\n"
        "contexts:\n  maritime: Ships and sea lanes.\n",
        encoding="utf-8",
    )
    onto = load_ontology()
    assert onto.intensity("ASSAULT", None) == -10
    assert onto.intensity("ASSAULT", "drone") == -8.5
    assert "maritime" in onto.contexts and onto.quad("ASSAULT") == 4


def test_user_lexicon_adds_a_trigger(user_home: Path, make: Make) -> None:
    text = "Russian forces pummeled the Ukrainian city of Kharkiv."
    assert not any(e.type == "ASSAULT" for e in make(text, published=PUB)._.herald_events)
    (user_home / "lexicons").mkdir()
    (user_home / "lexicons" / "event_mine.yaml").write_text(
        "verbs:\n  pummel: [{type: ASSAULT, mode: heavy-weapons}]\n", encoding="utf-8"
    )
    load_lexicon.cache_clear()
    evs = make(text, published=PUB)._.herald_events
    assert evs and evs[0].type == "ASSAULT" and evs[0].mode == "heavy-weapons"
    assert evs[0].rule.startswith("verb:pummel")


def test_lexicon_fields_are_the_shipped_keys() -> None:
    """Every field of the event lexicon (but where it was read from) is a key of a shipped file, and every
    key of a shipped file is a field: the loader is driven by the fields, with nothing read by hand."""
    import dataclasses

    from herald.knowledge import read_yaml, shipped
    from herald.stages.s5_events.lexicon import FILES, Lexicon

    keys = {k for name in FILES for k in read_yaml(shipped(f"lexicons/{name}"))}
    assert keys == {f.name for f in dataclasses.fields(Lexicon)} - {"sources"}
    lex = load_lexicon()
    assert lex.sources == FILES
    assert "attack" in lex.verbs and "strike" in lex.nouns and "sexually" in lex.manner_modes
    assert lex.register_min == 6 and isinstance(lex.register_ratio, float)


def _user_lexicon(home: Path, text: str, name: str = "event_mine.yaml") -> None:
    (home / "lexicons").mkdir(exist_ok=True)
    (home / "lexicons" / name).write_text(text, encoding="utf-8")
    load_lexicon.cache_clear()


@pytest.mark.parametrize(
    "text,check",
    [
        ("sports_cues: [wicket]\n", lambda lex: {"wicket", "league"} <= lex.sports_cues),
        (
            "register_cues: {sports: [wicket]}\n",
            lambda lex: {"wicket", "league"} <= lex.register_cues["sports"],
        ),
        (
            "register_min: 9\nregister_ratio: 3\n",
            lambda lex: (lex.register_min, lex.register_ratio) == (9, 3.0),
        ),
        (
            "lemma_fixes: {shellin: shell}\n",
            lambda lex: lex.lemma_fixes["shellin"] == "shell" and lex.lemma_fixes["stag"] == "stage",
        ),
        ("verbs:\n  pummel: {type: ASSAULT, prt: on}\n", lambda lex: lex.verbs["pummel"][0].prt == "on"),
        ("verbs:\n  attack: []\n", lambda lex: "attack" not in lex.verbs and "shell" in lex.verbs),
        (
            "nouns:\n  strike: [{type: PROTEST, mode: strike, with: [hunger]}]\n",
            lambda lex: [e.with_ for e in lex.nouns["strike"]] == [frozenset({"hunger"})],
        ),
        ("", lambda lex: "attack" in lex.verbs),  # an empty file adds nothing and removes nothing
    ],
)
def test_user_lexicon_merges_by_field(user_home: Path, text: str, check: Callable[..., bool]) -> None:
    _user_lexicon(user_home, text)
    lex = load_lexicon()
    assert check(lex)
    assert lex.sources[-1].endswith("event_mine.yaml")


@pytest.mark.parametrize(
    "text,error,parts",
    [
        (
            "sport_cues: [wicket]\n",
            "LexiconKeyError",
            ["event_mine.yaml", "'sport_cues'", "did you mean 'sports_cues'"],
        ),
        (
            "verbs:\n  pummel: [{type: ASSAULT, two_side: true}]\n",
            "LexiconKeyError",
            ["event_mine.yaml: verb 'pummel'", "'two_side'", "did you mean 'two_sided'"],
        ),
        ("nouns:\n  raid: [{type: ASSAULT, withs: [police]}]\n", "LexiconKeyError", ["'withs'", "'with'"]),
        ("verbs:\n  pummel: [{type: BEAT}]\n", "ConfigError", ["unknown event type 'BEAT'"]),
        ("register_cues: [wicket]\n", "KnowledgeBaseError", ["'register_cues' must be a mapping"]),
        ("sports_cues: wicket\n", "KnowledgeBaseError", ["'sports_cues' must be a list"]),
        ("verbs:\n  pummel: ASSAULT\n", "KnowledgeBaseError", ["verb 'pummel'", "an entry is a mapping"]),
    ],
)
def test_user_lexicon_bad_key_is_named(user_home: Path, text: str, error: str, parts: list[str]) -> None:
    from herald import errors

    _user_lexicon(user_home, text)
    with pytest.raises(getattr(errors, error)) as info:
        load_lexicon()
    assert type(info.value).__name__ == error
    for part in parts:
        assert part in str(info.value)


def test_other_event_files_are_not_the_lexicon(user_home: Path) -> None:
    """A user's event_history.yaml belongs to the history rules: the event lexicon neither reads it nor
    rejects its keys."""
    _user_lexicon(user_home, "background_before_year: 1990\n", name="event_history.yaml")
    assert load_lexicon().sources == (
        "event_verbs.yaml",
        "event_nouns.yaml",
        "event_evaluation.yaml",
        "event_motion.yaml",
    )


@pytest.mark.parametrize(
    "text,type_,mode",
    [
        ("Two insurgents were killed in a precision airstrike in Helmand.", "ASSAULT", "aerial"),
        ("Coalition aircraft engaged the insurgents, killing four.", "ASSAULT", "aerial"),
        ("Militiamen armed with machetes attacked the village.", "ASSAULT", None),
        ("Serbia lodged an official protest with Albania.", "ACCUSE", "disapprove"),
        ("Workers went on strike in Lagos.", "PROTEST", "strike"),
        ("The government declared a state of emergency.", "COERCE", "martial-law"),
        ("Switzerland expelled two Russian diplomats.", "SANCTION", "expel"),
        ("Italy suspended air links with Serbia.", "SANCTION", "withdraw"),
        ("Russia said on Tuesday that Sudan must release the prisoners.", "REQUEST", "yield"),
    ],
)
def test_patterns(make: Make, text: str, type_: str, mode: str | None) -> None:
    evs = make(text, published=PUB)._.herald_events
    assert evs, text
    assert evs[0].type == type_
    if mode is not None:
        assert evs[0].mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "No civilians were injured during the operation.",
        "The leader is responsible for conducting attacks on police in the district.",
        "Police did not detain anyone.",
    ],
)
def test_not_an_occurrence(make: Make, text: str) -> None:
    evs = make(text, published=PUB)._.herald_events
    assert all(e.negated or e.hypothetical for e in evs), [(e.type, e.rule) for e in evs]


def test_plover_gsr_dev(shared_data: Path) -> None:
    from herald.eval import run

    report = run("plover-gsr", shared_data / "plover-gsr", limit=60)
    acc = report.value("type", "accuracy")
    assert acc is not None and acc >= 0.6
    assert report.value("type", "accuracy", system="majority") is not None


def test_isaf_events_dev(shared_data: Path) -> None:
    from herald.eval import run

    report = run("isaf-events", shared_data / "isaf-press-releases", limit=40)
    f1 = report.value("type:COERCE", "f1")
    assert f1 is not None and f1 >= 0.8


@pytest.mark.parametrize(
    "text,type_,negated",
    [
        ("Hamas has not yet accepted the Israeli proposal.", "AGREE", True),  # not yet: no refusal
        ("Hamas did not accept the Israeli proposal.", "REJECT", False),
    ],
)
def test_negated_acceptance(make: Make, text: str, type_: str, negated: bool) -> None:
    evs = make(text, published=PUB)._.herald_events
    assert evs and evs[0].type == type_ and evs[0].negated is negated


def test_mobilize_object_is_not_a_recipient(make: Make) -> None:
    doc = make("Russia deployed troops to Belarus.", published=PUB)
    e = doc._.herald_events[0]
    assert e.type == "MOBILIZE"
    names = {a.id: a.name for a in doc._.herald_actors}
    assert not any("troops" in names.get(i, "") for i in e.recipients)


def test_cli_explain(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from herald.cli import app

    f = tmp_path / "a.txt"
    f.write_text("Iran threatened to attack Israel. Police arrested 40 protesters.", encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", str(f), "--published", PUB])
    assert out.exit_code == 0, out.output
    assert "THREATEN" in out.output and "COERCE" in out.output and "confidence" in out.output
    missing = CliRunner().invoke(app, ["explain", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2


def test_cli_explain_reads_front_matter_and_jsonl(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from herald.cli import app

    md = tmp_path / "story.md"
    md.write_text(
        "---\npublished: 2024-05-10\n---\nPolice arrested 40 protesters on Tuesday.", encoding="utf-8"
    )
    out = CliRunner().invoke(app, ["explain", str(md)])
    assert out.exit_code == 0, out.output
    assert "published:" not in out.output and "COERCE" in out.output
    jl = tmp_path / "two.jsonl"
    rows = [
        {"id": "a", "text": "Iran threatened to attack Israel."},
        {"id": "b", "text": "Rebels attacked a base."},
    ]
    jl.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["explain", str(jl)])
    assert out.exit_code == 1  # two explained, one line unreadable
    assert "THREATEN" in out.output and "ASSAULT" in out.output
