"""The bulk actor KB: context-gated linking, dated spells, imports (CSV, JSONL, Peppercat)."""

from __future__ import annotations

import bz2
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import herald
from actor_helpers import actor_with
from herald.config import settings
from herald.errors import KnowledgeBaseError
from herald.schema import Actor
from herald.stages.s2_actors.bulk_format import norm_name, read_actors, read_spells
from herald.stages.s2_actors.extract import ActorExtractor, extractor_for
from herald.stages.s2_actors.kb_import import import_kb, iso_day

Extract = Callable[..., herald.Extraction]


def _actor(extract: Extract, text: str, published: str | None, mention: str) -> Actor | None:
    return actor_with(extract(text, published=published).actors, mention)


# --- shipped bulk tables -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "published", "mention", "expected"),
    [
        # full name + the article's country: linked, sector from the dated spell
        ("Yuliya Tymoshenko met officials in Kiev.", "2005-06-01", "Yuliya Tymoshenko", ("UKR", "GOV")),
        # out of office on the date: Phoenix codes her an elite (ELI), not government
        ("Yuliya Tymoshenko met officials in Kiev.", "2006-06-01", "Yuliya Tymoshenko", ("UKR", "ELI")),
        # a role in the sentence gives country and sector; the bulk KB gives the Wikidata id
        (
            "Australian opposition leader Bill Shorten attacked the budget.",
            "2014-05-20",
            "Australian opposition leader Bill Shorten",
            ("AUS", "OPP"),
        ),
        # the surname after the full name joins the same actor
        (
            "Bill Shorten spoke in Melbourne. Shorten said it was unfair.",
            "2014-05-20",
            "Shorten",
            ("AUS", "LEG"),
        ),
    ],
)
def test_linked_with_context(
    extract: Extract, text: str, published: str, mention: str, expected: tuple[str, str]
) -> None:
    actor = _actor(extract, text, published, mention)
    assert actor is not None and (actor.country, actor.sector) == expected, actor
    assert actor.rule is not None and "bulk:" in actor.rule


@pytest.mark.parametrize(
    ("text", "published", "mention"),
    [
        # a surname alone, no full name before it, no role: left unlinked
        ("Tymoshenko said the deal was bad.", "2013-01-01", "Tymoshenko"),
        # a full name with nothing in the article to support it
        ("Jenny Macklin spoke on Tuesday.", "2015-02-11", "Jenny Macklin"),
        # a party name shared by a dozen countries, none named: no link
        ("The Socialist Party won the vote.", "2014-03-01", "Socialist Party"),
        # a two-word surname, but nobody was named in full in the article before it
        ("Van Manen said the deal was bad.", "2015-02-11", "Van Manen"),
    ],
)
def test_unsupported_names_stay_unlinked(extract: Extract, text: str, published: str, mention: str) -> None:
    actor = _actor(extract, text, published, mention)
    assert actor is not None  # still an actor record (a named entity)
    assert actor.wikidata is None and not (actor.rule or "").startswith("bulk:"), actor


@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        # a two-word surname after the full name earlier in the article ("De Goey" after "Jordan De Goey")
        ("Bert Van Manen spoke in Canberra. Later Van Manen met the press.", "Van Manen", "Q4895353"),
        # the one-word surname, as before
        ("Bill Shorten spoke in Canberra. Later Shorten met the press.", "Shorten", "Q4910865"),
    ],
)
def test_surname_tail_after_full_name(extract: Extract, text: str, mention: str, key: str) -> None:
    actor = _actor(extract, text, "2015-02-11", mention)
    assert actor is not None and actor.wikidata == key, actor


@pytest.mark.parametrize(
    ("text", "label", "countries", "expected"),
    [
        # an acronym NER took for a person: looked up as an organisation, the article's country singles it out
        ("AKEL", "PERSON", {"CYP"}, "+relabel"),
        # the same acronym in an article about another country: unlinked, as any one-word organisation name
        ("AKEL", "PERSON", {"GRC"}, None),
        # a full name NER took for an organisation: looked up as a person; the person rules still apply
        ("Bill Shorten", "ORG", {"AUS"}, "+relabel"),
        ("Bill Shorten", "ORG", set(), None),  # a full name with no support stays unlinked
        # a two-word organisation name is not turned into a person when an organisation carries it
        ("Socialist Party", "ORG", set(), None),
    ],
)
def test_wrong_ner_label_relabelled(text: str, label: str, countries: set[str], expected: str | None) -> None:
    from datetime import date

    from herald.stages.s2_actors.bulk_link import BulkLinker, Context
    from herald.stages.s2_actors.kb import load_kb
    from herald.stages.s2_actors.kb_index import bulk_index

    index = bulk_index()
    assert index is not None
    found = BulkLinker(index, load_kb()).link(text, label, date(2014, 5, 20), Context(countries=countries))
    if expected is None:
        assert found is None, found
    else:
        assert found is not None and found[1].endswith(expected), found


@pytest.mark.parametrize(
    ("text", "published", "mention", "qid"),
    [
        # spelling variants of a curated name: a doubled letter and the Arabic article, capitals
        (
            "Egyptian President El-Sissi said the talks failed.",
            "2015-01-01",
            "Egyptian President El-Sissi",
            "Q307871",
        ),
        ("El-Sissi said the talks failed.", "2015-01-01", "El-Sissi", "Q307871"),
        ("PUTIN SAID THE TALKS FAILED.", "2022-01-01", "PUTIN", "Q7747"),
        # a party adjective or member noun: the party of the article's country
        ("Conservatives in Britain won the vote.", "2015-05-08", "Conservatives", "Q9626"),
        # the same word with no country in the article: no party is singled out
        ("Conservatives won the vote.", "2015-05-08", "Conservatives", None),
        # a demonym is the people of a state, not a party named after it ("American Party")
        ("American doctors met in Washington.", "2015-05-08", "American", None),
        # a short word never goes through the variant rule ("Sis" is not "Sisi")
        ("Sis said the talks failed.", "2015-01-01", "Sis", None),
    ],
)
def test_variants_and_party_adjectives(
    extract: Extract, text: str, published: str, mention: str, qid: str | None
) -> None:
    actor = _actor(extract, text, published, mention)
    assert (actor.wikidata if actor else None) == qid, actor


def test_phoenix_people_borrow_ids_by_name_and_country() -> None:
    """Phoenix lists no Wikidata ids; build_bulk gives one where another table has the same name + country."""
    shipped = Path(herald.__file__).parent / "data" / "actors" / "bulk" / "phoenix.tsv.gz"
    by_name = {a.name: a for a in read_actors(shipped)}
    assert by_name["Aaron Motsoaledi"].wikidata == "Q302359"  # EveryPolitician's id, same name, ZAF
    assert by_name["Pakishe Aaron Motsoaledi"].wikidata is None  # another spelling: not guessed


def test_ambiguity_resolved_by_country(extract: Extract) -> None:
    actor = _actor(extract, "In France, the Socialist Party won the vote.", "2014-03-01", "Socialist Party")
    assert actor is not None and actor.country == "FRA" and actor.wikidata == "Q170972", actor
    assert actor.rule is not None and "+country" in actor.rule


def test_unknown_person_gets_role_country_and_sector(extract: Extract) -> None:
    actor = _actor(
        extract,
        "Kenyan opposition leader Wafula Kiprono said the vote was rigged.",
        "2022-08-20",
        "Kenyan opposition leader Wafula Kiprono",
    )
    assert actor is not None and (actor.country, actor.sector, actor.kind) == ("KEN", "OPP", "person")


@pytest.mark.parametrize(
    ("text", "expected"), [("El-Sisi", "el sisi"), ("Nicolás  Maduro", "nicolas maduro")]
)
def test_norm_name(text: str, expected: str) -> None:
    assert norm_name(text) == expected


# --- imports -----------------------------------------------------------------------------------------------
@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HERALD_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("HERALD_CACHE", str(tmp_path / "cache"))
    return tmp_path / "home"


PEOPLE = [
    {
        "id": "zz-arlo",
        "name": "Arlo Vantrees",
        "aliases": ["A. Vantrees"],
        "kind": "person",
        "country": "NZL",
        "sector": "GOV",
        "wikidata": None,
        "offices": [
            {"role": "foreign minister", "country": "NZL", "start": "2010-01-01", "end": "2014-12-31"}
        ],
    },
    {
        "id": "zz-mira",
        "name": "Mira Okonkwo-Hale",
        "kind": "person",
        "country": "NZL",
        "offices": [{"role": "Minister of Foreign Affairs", "country": "NZL", "start": "2020-01-01"}],
    },
]


def _run(nlp: Language, make: Callable[..., Doc], text: str, published: str) -> list[Actor]:
    doc = make(text, published=published)
    return extractor_for(nlp.vocab, nlp.tokenizer, settings())(doc)


@pytest.fixture(scope="module")
def people_extractor(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> ActorExtractor:
    """PEOPLE imported once (and the KB index built once) for the module: the settings point at a home of
    its own only while importing and loading, so other tests see the usual settings."""
    root = tmp_path_factory.mktemp("people")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HERALD_HOME", str(root / "home"))
        mp.setenv("HERALD_CACHE", str(root / "cache"))
        src = root / "people.jsonl"
        src.write_text("\n".join(json.dumps(p) for p in PEOPLE), encoding="utf-8")
        dest, n, spells = import_kb(src)
        assert (n, spells) == (2, 2) and dest.parent == root / "home" / "actors" / "bulk"
        return extractor_for(nlp.vocab, nlp.tokenizer, settings())


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2012-06-01", "Arlo Vantrees"), ("2024-06-01", "Mira Okonkwo-Hale"), ("2017-06-01", None)],
)
def test_dated_office_from_import(
    people_extractor: ActorExtractor, make: Callable[..., Doc], published: str, expected: str | None
) -> None:
    doc = make("New Zealand's foreign minister said the talks would go on.", published=published)
    actors = people_extractor(doc)
    actor = actor_with(actors, "New Zealand's foreign minister")
    assert actor is not None
    holder = actor.name if actor.kind == "person" and actor.rule and "office" in actor.rule else None
    assert holder == expected, actor


def test_csv_import_and_linking(home: Path, tmp_path: Path, nlp: Language, make: Callable[..., Doc]) -> None:
    src = tmp_path / "mine.csv"
    src.write_text(
        "id,name,aliases,kind,country,sector,wikidata,offices\n"
        "zz-front,Zedland Liberation Front,ZLF,group,COD,REB,,\n"
        "zz-gen,Tobias Kalemba-Ruhl,,person,COD,MIL,,army chief/COD/MIL/2019-01-01/\n",
        encoding="utf-8",
    )
    _dest, n, spells = import_kb(src)
    assert (n, spells) == (2, 1)
    actors = _run(nlp, make, "The Zedland Liberation Front attacked a village in Congo.", "2023-01-01")
    actor = actor_with(actors, "Zedland Liberation Front")
    assert actor is not None and (actor.country, actor.sector) == ("COD", "REB"), actor


def test_peppercat_import(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "leaders" / "andorra"
    folder.mkdir(parents=True)
    (folder / "leaders-historic.csv").write_text(
        "catalog,position,person,personID,start,end,gender,DOB,DOD,image,enwiki\n"
        "Andorra,Prime Minister,Zed Example,Q99999991,2011-05-12,2019-05-16,male,,,,Zed Example\n"
        "Andorra,Minister of Finance,Zed Example,Q99999991,2005,2009,male,,,,Zed Example\n"
        "Andorra,Minister of Health,Yan Example,Q99999992,2019-05-22,,female,,,,\n",
        encoding="utf-8",
    )
    dest, n, spells = import_kb(tmp_path / "leaders", "peppercat", "pepper")
    assert (n, spells) == (2, 3)
    actors = {a.key: a for a in read_actors(dest)}
    assert actors["Q99999991"].wikidata == "Q99999991" and actors["Q99999991"].country == "AND"
    days = sorted((s.start, s.role) for s in read_spells(dest.with_name("pepper.spells.tsv.gz")))
    assert days[0] == ("2005-01-01", "Minister of Finance")


@pytest.mark.parametrize(
    ("content", "suffix"),
    [
        ("name,kind\nX,person\n", ".csv"),  # no id column
        ('{"id": "a", "name": "B", "country": "Narnia"}\n', ".jsonl"),  # not a PLOVER code
        ("not json\n", ".jsonl"),
    ],
)
def test_bad_imports_say_what_is_wrong(home: Path, tmp_path: Path, content: str, suffix: str) -> None:
    src = tmp_path / f"bad{suffix}"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        import_kb(src)


@pytest.mark.parametrize(("raw", "day"), [("2019", "2019-01-01"), ("2019-05", "2019-05-01"), ("", None)])
def test_iso_day(raw: str, day: str | None) -> None:
    assert iso_day(raw) == day


# --- Wikidata dump importer --------------------------------------------------------------------------------
def _dump_tool() -> ModuleType:
    path = Path(__file__).parent.parent / "tools" / "kb" / "wikidata_dump.py"
    spec = importlib.util.spec_from_file_location("wikidata_dump", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wikidata_dump_fixture(home: Path, tmp_path: Path, nlp: Language, make: Callable[..., Doc]) -> None:
    sample = Path(__file__).parent / "data" / "wikidata_dump_sample.json"
    dump = tmp_path / "latest-all.json.bz2"
    dump.write_bytes(bz2.compress(sample.read_bytes()))
    out = home / "actors" / "bulk"
    assert _dump_tool().main([str(dump), "--out", str(out)]) == 0
    actors = {a.key: a for a in read_actors(out / "wikidata.tsv.gz")}
    # humans without a position or party are left out; so are properties and the positions themselves
    assert sorted(actors) == ["Q900000001", "Q900000003", "Q900000004"]
    assert (actors["Q900000001"].country, actors["Q900000001"].aliases) == ("NZL", ["A. Quinterra"])
    assert (actors["Q900000003"].kind, actors["Q900000003"].sector) == ("group", "PTY")
    assert actors["Q900000004"].country == "IGO"
    spells = sorted(
        (s.role, s.country, s.sector, s.start, s.end) for s in read_spells(out / "wikidata.spells.tsv.gz")
    )
    assert spells == [
        ("Member of the New Zealand Parliament", "NZL", "LEG", "2005-01-01", None),
        ("Minister of Foreign Affairs", "NZL", "GOV", "2010-01-01", "2014-12-31"),
    ]
    actors_2012 = _run(nlp, make, "New Zealand's foreign minister said the talks would go on.", "2012-06-01")
    actor = actor_with(actors_2012, "New Zealand's foreign minister")
    assert actor is not None and actor.name == "Arla Quinterra" and actor.wikidata == "Q900000001", actor


# --- places carry Wikidata ids --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place", "qid"),
    [
        ("Fighting spread across Syria on Monday.", "Syria", "Q858"),
        ("Fighting spread across Syria on Monday.", "Monday", None),  # not a place at all
        ("Shelling hit Aleppo on Monday.", "Aleppo", "Q41183"),  # a town of 100k+: the city, not the province
        ("Protesters marched across Bavaria on Monday.", "Bavaria", "Q980"),  # a first-level division
        ("Texas Governor Greg Abbott spoke on Monday.", "Texas", "Q1439"),  # a role word after it: the place
        ("The fact that H Texas included her pleased her.", "Texas", None),  # part of a magazine's name
        ("Louisiana Alligator Advisory Council members met.", "Louisiana", None),  # part of a council's name
    ],
)
def test_place_wikidata(extract: Extract, text: str, place: str, qid: str | None) -> None:
    found = {p.text: p.wikidata for p in extract(text, published="2024-01-01").places}
    assert found.get(place) == qid


def test_cli_import_and_show(home: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from herald.cli import app

    src = tmp_path / "people.jsonl"
    src.write_text("\n".join(json.dumps(p) for p in PEOPLE), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["actors", "import", str(src), "--name", "nz"])
    assert result.exit_code == 0 and "imported 2 actors and 2 office spells" in result.output, result.output
    shown = runner.invoke(app, ["actors", "show", "Arlo Vantrees", "--published", "2012-06-01"])
    assert shown.exit_code == 0 and "zz-arlo" in shown.output and "user:nz" in shown.output, shown.output
    bad = runner.invoke(app, ["actors", "import", str(tmp_path / "missing.csv")])
    assert bad.exit_code == 2
