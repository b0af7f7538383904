"""Corpus sources: format detection, front matter, RSS/Atom feeds, WARC crawls, malformed inputs."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from herald.corpus import sources
from herald.inputs import ArticleInput, InputFailure

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Feed</title>
<item><title>Talks open</title><link>https://t.example/1</link><guid>g1</guid>
<pubDate>Wed, 19 Mar 2025 10:00:00 +0000</pubDate>
<description><![CDATA[<p>Delegations met in Doha on Wednesday.</p><p>Talks will go on.</p>]]>
</description></item>
<item><title>Empty</title><link>https://t.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title>
<entry><title>Ceasefire</title><id>urn:x:1</id><link href="https://a.example/1"/><updated>2025-03-23T08:00:00Z</updated>
<content type="html">&lt;p&gt;The two sides signed a ceasefire on Sunday.&lt;/p&gt;</content></entry>
</feed>"""

PAGE = """<html><head><title>Raid</title>
<meta property="article:published_time" content="2025-04-05T10:00:00Z">
</head><body><article><h1>Raiders kill herders</h1>
<p>Armed raiders killed six herders near the border on Saturday, police said.
The raiders stole about 400 cattle and fled across the frontier, officers said.</p>
</article></body></html>"""


def make_warc(path: Path, pages: dict[str, str]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, html in pages.items():
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(html.encode()), http_headers=http)
            )
    return path


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.jsonl", b"{}", "jsonl"),
        ("a.txt", b"hello", "text"),
        ("a.md", b"# x", "markdown"),
        ("a.html", b"<html>", "html"),
        ("a.rss", b"<rss>", "feed"),
        ("a.atom", b"<feed>", "feed"),
        ("a.warc.gz", b"\x1f\x8b", "warc"),
        ("a.warc", b"WARC/1.0", "warc"),
        ("noext", b"WARC/1.1\r\n", "warc"),
        ("noext", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        ("noext", b"plain words", "auto"),
    ],
)
def test_detect(name: str, head: bytes, expected: str) -> None:
    assert sources.detect(Path(name), head) == expected


def test_front_matter_sets_metadata(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("---\npublished: 2025-03-14\nsource: Wire\ntitle: Talks\n---\nBody text here.\n")
    (item,) = list(sources.read([p]))
    assert isinstance(item, ArticleInput)
    assert (item.published, item.source, item.title, item.text) == (
        "2025-03-14",
        "Wire",
        "Talks",
        "Body text here.\n",
    )


@pytest.mark.parametrize(
    "text", ["No front matter.\n---\nx: y\n---\n", "---\nnot metadata at all\n---\nBody\n"]
)
def test_no_front_matter_keeps_text(tmp_path: Path, text: str) -> None:
    p = tmp_path / "a.txt"
    p.write_text(text)
    (item,) = list(sources.read([p]))
    assert isinstance(item, ArticleInput) and item.text == text and item.published is None


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "f.rss").write_text(RSS)
    (tmp_path / "g.atom").write_text(ATOM)
    items = list(sources.read([tmp_path]))
    ok = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, InputFailure)]
    assert [(a.published, a.source, a.url) for a in ok] == [
        ("2025-03-19", "Test Feed", "https://t.example/1"),
        ("2025-03-23", "Atom Test", "https://a.example/1"),
    ]
    assert ok[0].text == "Delegations met in Doha on Wednesday.\n\nTalks will go on."
    assert len(bad) == 1 and "no content" in bad[0].reason  # the empty entry is reported, not dropped


def test_malformed_feed_reported(tmp_path: Path) -> None:
    p = tmp_path / "bad.rss"
    p.write_text(RSS.replace("</channel></rss>", "<item><title>unclosed"))
    items = list(sources.read([p]))
    assert any(isinstance(i, InputFailure) and "malformed" in i.reason for i in items)


def test_warc(tmp_path: Path) -> None:
    p = make_warc(tmp_path / "c.warc.gz", {"https://w.example/raid": PAGE})
    (item,) = list(sources.read([p]))
    assert isinstance(item, ArticleInput)
    assert (
        item.url == "https://w.example/raid" and item.published == "2025-04-05" and "six herders" in item.text
    )


def test_truncated_warc_reported(tmp_path: Path) -> None:
    good = make_warc(tmp_path / "c.warc", {"https://w.example/1": PAGE, "https://w.example/2": PAGE})
    data = good.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) // 2 + 40] + b"\r\nWARC/1.0\r\ngarbage")
    items = list(sources.read([cut]))
    assert isinstance(items[0], ArticleInput)
    assert any(isinstance(i, InputFailure) for i in items)


def test_directory_walk_skips_docs_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("An article.")
    (tmp_path / "README.md").write_text("About this corpus.")
    (tmp_path / "script.py").write_text("print()")
    assert [p.name for p in sources.files([tmp_path])] == ["a.txt"]
    assert [p.name for p in sources.files([tmp_path / "README.md"])] == ["README.md"]  # explicit path: read


def test_format_override(tmp_path: Path) -> None:
    p = tmp_path / "dump.txt"  # JSONL content behind a misleading suffix
    p.write_text('{"id": "x", "text": "Police arrested four men.", "published": "2025-03-17"}\n')
    (auto,) = list(sources.read([p]))
    (forced,) = list(sources.read([p], "jsonl"))
    assert isinstance(auto, ArticleInput) and auto.text.startswith("{")
    assert isinstance(forced, ArticleInput) and (forced.id, forced.published) == ("x", "2025-03-17")
