"""The spine: library API, inputs, bad input, schema, CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import herald
from herald.cli import app
from herald.inputs import ArticleInput, InputFailure, decode_bytes, read_bytes, read_path
from herald.stages import STAGES

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = (
    "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Beijing on Tuesday. "
    '"The two sides agreed to deepen cooperation," the foreign ministry said.\n\n'
    "Separately, an air strike killed at least 12 people in Khan Younis, according to the health ministry. "
    "The figure could not be independently verified."
)


def all_spans(x: herald.Extraction) -> list[herald.Span]:
    spans: list[herald.Span] = []
    for a in x.actors:
        spans.extend(a.mentions)
    for e in x.events:
        spans.append(e.evidence)
        if e.trigger:
            spans.append(e.trigger)
    for s in x.statements:
        spans.extend([s.content, s.evidence])
    for f in x.figures:
        spans.append(f.evidence)
    for t in x.times:
        spans.append(herald.Span(start=t.start, end=t.end, text=t.text))
    for p in x.places:
        spans.append(herald.Span(start=p.start, end=p.end, text=p.text))
    return spans


def test_pipeline_has_every_stage_in_order(nlp: Language) -> None:
    names = [n for n in nlp.pipe_names if n.startswith("herald_")]
    assert names == ["herald_paragraphs_v1", *STAGES]
    assert nlp.pipe_names.index("herald_paragraphs_v1") < nlp.pipe_names.index("parser")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Rebels agree to talks\n\nKINSHASA, March 14 - The government said so.", "Rebels agree to talks"),
        ("A line\nwrapped once stays in its sentence.", "A line\nwrapped once stays in its sentence."),
    ],
)
def test_paragraph_break_starts_a_sentence(nlp: Language, text: str, first: str) -> None:
    doc = nlp(text)
    assert next(iter(doc.sents)).text.strip() == first


def test_stages_can_be_added_by_name() -> None:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("herald_times_v1")
    doc = blank("Nothing happened.")
    assert doc._.herald_times == []


def test_extract_returns_valid_extraction(extract: Callable[..., herald.Extraction]) -> None:
    x = extract(EXAMPLE, published="2024-04-30", title="Test", source="Desk", url="https://example.org/a")
    assert x.status == "ok"
    assert x.article.published == "2024-04-30"
    assert x.article.published_from == "option"
    assert x.article.language == "en"
    assert x.article.title == "Test"
    assert x.to_dict()["schema"] == "herald/1"
    assert x.actors, "named entities must become actors"
    jsonschema.validate(x.to_dict(), herald.json_schema())


def test_offsets_point_at_the_evidence(extract: Callable[..., herald.Extraction]) -> None:
    x = extract(EXAMPLE, published="2024-04-30")
    spans = all_spans(x)
    assert spans
    for span in spans:
        assert EXAMPLE[span.start : span.end] == span.text


def test_missing_publication_date_is_said(extract: Callable[..., herald.Extraction]) -> None:
    x = extract("Russia and China vetoed the resolution on Tuesday.")
    assert x.article.published is None
    assert [n.code for n in x.notes] == ["no-publication-date"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", herald.EmptyInputError),
        ("   \n\t ", herald.EmptyInputError),
        ("\x00\x01\x02\x03" * 50, herald.BinaryInputError),
    ],
)
def test_bad_text_raises_clear_error(
    extract: Callable[..., herald.Extraction], text: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        extract(text)


def test_bad_publication_date_is_rejected(extract: Callable[..., herald.Extraction]) -> None:
    with pytest.raises(herald.InputFormatError, match=r"YYYY-MM-DD|ISO"):
        extract("Talks resumed.", published="30/04/2024")


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2024-04-30T08:00:00Z", "2024-04-30"),
        ("Wed, 30 Apr 2024 15:01:00 -0500", "2024-04-30"),  # RSS / RFC 822
        ("Apr. 30, 2024, 2:54 AM EST", "2024-04-30"),
        ("April 30th, 2024 | 3:01pm EDT", "2024-04-30"),
        ("30 April 2024", "2024-04-30"),
        ("2024 Apr 30", "2024-04-30"),
        ("Sept. 5, 2017", "2017-09-05"),
        ("30/04/2024", None),  # day and month order unknowable
        ("yesterday", None),
        ("April 31, 2024", None),
        ("Spring 2024", None),
    ],
)
def test_publication_dates_written_out(written: str, iso: str | None) -> None:
    from herald.inputs import normalise_date

    if iso is None:
        with pytest.raises(herald.InputFormatError, match="month named"):
            normalise_date(written)
    else:
        assert normalise_date(written) == iso


def test_too_large_article_is_refused_with_a_way_out(nlp: Language) -> None:
    big = "Protesters marched in the capital. " * 400  # 14,000 characters
    with pytest.raises(herald.InputTooLargeError, match="--max-chars"):
        herald.extract(big, nlp=nlp, max_chars=10_000)
    x = herald.extract(big, nlp=nlp, max_chars=20_000)
    assert x.status == "ok"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "La Chine a déclaré mardi que les deux parties avaient convenu de poursuivre les pourparlers.",
            "fr",
        ),
        (
            "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen und angekündigt.",
            "de",
        ),
        (
            "Rusia y China vetaron el martes la resolución del Consejo de Seguridad de las Naciones Unidas.",
            "es",
        ),
        # Nigerian Pidgin: its own grammar words (don, dey, wey, dem) outnumber English ones
        ("Dem don arrest di oga wey dey collect bribe for Lagos, police tok. Di suspect bin dey run.", "pcm"),
    ],
)
def test_non_english_is_skipped_with_reason(
    extract: Callable[..., herald.Extraction], text: str, language: str
) -> None:
    x = extract(text)
    assert x.status == "skipped"
    assert x.article.language == language
    assert "unsupported-language" in [n.code for n in x.notes]
    assert not x.events and not x.actors


@pytest.mark.parametrize(
    "text",
    [
        # West African English news full of local names reads as Nigerian Pidgin to the identifier
        "ABUJA, Nigeria - Police spokesman Nnamdi Omoni said gunmen killed three villagers.",
        "Police said gunmen killed three villagers in Abuja on Monday.",
        "Ghana: Akufo-Addo Swears In New Ministers. President Nana Addo Dankwa Akufo-Addo has sworn in "
        "12 new ministers at the Jubilee House in Accra.",
    ],
)
def test_english_with_local_names_is_kept(extract: Callable[..., herald.Extraction], text: str) -> None:
    x = extract(text)
    assert x.status != "skipped"
    assert x.article.language == "en"


def test_extract_many_reports_bad_items_and_keeps_the_rest(nlp: Language) -> None:
    items: list[object] = [
        "Rebels attacked an army post.",
        "",
        {"id": "b", "text": "Protesters marched in Paris.", "published": "2024-04-30"},
        {"id": "c"},
        {"id": "d", "text": "Talks resumed.", "published": "yesterday"},
        ArticleInput(text="Police arrested 12 people.", id="e"),
    ]
    out = list(herald.extract_many(items, nlp=nlp, batch_size=2))  # type: ignore[arg-type]
    assert [x.status for x in out] == ["ok", "failed", "ok", "failed", "failed", "ok"]
    assert out[2].article.id == "b"
    assert out[2].article.published == "2024-04-30"
    assert out[3].article.id == "c"
    assert "text" in out[3].notes[0].message
    assert out[5].article.id == "e"


def test_extract_many_with_two_processes_matches_one() -> None:
    texts = [f"Protesters gathered in Cairo on day {i}. Police arrested {i + 2} people." for i in range(12)]
    one = [x.to_dict() for x in herald.extract_many(texts, n_process=1, batch_size=4)]
    two = [x.to_dict() for x in herald.extract_many(texts, n_process=2, batch_size=4)]
    assert one == two


# --- inputs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Kyiv said on Monday", "Kyiv said on Monday"),
        ("\ufeffKyiv said".encode(), "Kyiv said"),
        ("Le ministre a déclaré à Genève".encode("latin-1"), "Le ministre a déclaré à Genève"),
        ("Sanaa said 'no'".encode("utf-16"), "Sanaa said 'no'"),
    ],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7 binary", b"\x89PNG\r\n\x1a\n....", b"PK\x03\x04zip", b"abc\x00\x00\x00def" * 10],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(herald.BinaryInputError):
        decode_bytes(data, origin="photo.bin")


def test_jsonl_bad_lines_are_reported_not_dropped() -> None:
    data = b'{"id": "1", "text": "Talks resumed.", "published": "2024-05-01"}\n{oops\n\n{"id": "3"}\n'
    items = list(read_bytes(data, origin="in.jsonl", fmt="jsonl"))
    assert isinstance(items[0], ArticleInput) and items[0].published == "2024-05-01"
    assert isinstance(items[1], InputFailure) and "in.jsonl:2" in items[1].reason
    assert isinstance(items[2], InputFailure) and items[2].id == "3"
    assert len(items) == 3


def test_html_main_text_and_metadata() -> None:
    html = (
        "<html><head><title>Talks resume in Doha</title>"
        '<meta property="article:published_time" content="2024-04-30T08:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Talks resume in Doha</h1>"
        "<p>Negotiators from both sides met in Doha on Tuesday to discuss a ceasefire and the release of "
        "hostages, officials said.</p><p>The talks are expected to continue on Wednesday, according to "
        "a statement from the Qatari foreign ministry.</p></article><footer>Copyright</footer></body></html>"
    )
    [item] = list(read_bytes(html.encode(), origin="page.html", fmt="html"))
    assert isinstance(item, ArticleInput)
    assert "Negotiators from both sides" in item.text
    assert "Home | World" not in item.text
    assert item.title == "Talks resume in Doha"
    assert item.published == "2024-04-30"
    assert item.published_from == "metadata"


def test_read_directory_recursively(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Rebels attacked a convoy.")
    (tmp_path / "two.md").write_text("# Title\n\nTroops withdrew.")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    items = list(read_path(tmp_path))
    assert sorted(i.id for i in items if isinstance(i, ArticleInput)) == ["one", "two"]


# --- schema and CLI -------------------------------------------------------------------------------------


def test_committed_schema_is_current() -> None:
    committed = json.loads((REPO / "schema" / "herald.schema.json").read_text())
    assert committed == herald.json_schema(), "run `make schema` to regenerate schema/herald.schema.json"


def test_cli_extract_stdin_jsonl_and_table(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["extract", "-", "--published", "2024-04-30"], input=EXAMPLE)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["article"]["published"] == "2024-04-30"
    jsonschema.validate(payload, herald.json_schema())

    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        json.dumps({"id": "x1", "text": EXAMPLE, "published": "2024-04-30"})
        + "\n"
        + json.dumps({"id": "x2", "text": "Protesters marched in Nairobi."})
        + "\n"
    )
    result = runner.invoke(app, ["extract", str(jsonl), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["article"]["id"] for x in lines] == ["x1", "x2"]

    result = runner.invoke(app, ["extract", str(jsonl), "--format", "table"])
    assert result.exit_code == 0
    assert "x2" in result.stdout or "events" in result.stdout


def test_cli_reports_failures_with_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Talks resumed."}\nnot json\n')
    result = CliRunner().invoke(app, ["extract", str(bad), "--format", "jsonl"])
    assert result.exit_code == 1
    statuses = [json.loads(line)["status"] for line in result.stdout.splitlines()]
    assert statuses == ["ok", "failed"]


def test_cli_missing_file_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.output


@pytest.mark.parametrize(
    ("text", "published", "title", "body"),
    [
        (
            "---\npublished: 2025-03-14\ntitle: Talks\n---\nRebels agreed to talks.",
            "2025-03-14",
            "Talks",
            "Rebels agreed to talks.",
        ),
        ("---\ndate: '2024-01-02'\n---\nTroops withdrew.", "2024-01-02", None, "Troops withdrew."),
        ("Troops withdrew.\n---\npublished: 2025-03-14\n---\n", None, None, None),  # not at the start
        ("---\nno metadata here\n---\nText.", None, None, None),  # unknown keys: left as text
    ],
)
def test_front_matter(text: str, published: str | None, title: str | None, body: str | None) -> None:
    [item] = list(read_bytes(text.encode(), origin="a.md", fmt="markdown"))
    assert isinstance(item, ArticleInput)
    assert item.published == published
    assert item.title == title
    assert item.text == (body if body is not None else text)


def test_front_matter_bad_date_is_reported() -> None:
    [item] = list(read_bytes(b"---\npublished: soon\n---\nText.", origin="a.md", fmt="markdown"))
    assert isinstance(item, InputFailure)
    assert "a.md" in item.reason


def test_folder_readme_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Corpus\n\n42 articles, 1 exact copy.")
    (tmp_path / "story.txt").write_text("Rebels attacked a convoy.")
    assert [i.id for i in read_path(tmp_path) if isinstance(i, ArticleInput)] == ["story"]
    [named] = list(read_path(tmp_path / "README.md"))  # named on its own, it is read
    assert isinstance(named, ArticleInput)
