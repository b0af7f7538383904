"""Where articles come from: files, directories, JSONL, RSS/Atom feeds and WARC crawls.

Plain files reuse :mod:`herald.inputs`; feeds are read with feedparser and WARC files with warcio. Text and
Markdown files may start with a small front-matter block (``---`` lines around ``key: value`` pairs: title,
published, source, url, id) so that a folder of ``.txt`` files can carry publication dates.
Nothing is dropped silently: what cannot be read becomes an :class:`~herald.inputs.InputFailure`.
"""

from __future__ import annotations

import html as htmllib
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, InputFormatError
from ..inputs import (
    SUFFIX_FORMATS,
    ArticleInput,
    InputFailure,
    article_from_html,
    decode_bytes,
    is_housekeeping,
    read_bytes,
)

Item = ArticleInput | InputFailure

FEED_SUFFIXES = {".rss": "feed", ".atom": "feed", ".xml": "feed"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FORMATS = ("auto", "text", "markdown", "html", "json", "jsonl", "feed", "warc")

_TAG = re.compile(r"<[^>]+>")


def detect(path: Path, head: bytes = b"") -> str:
    """The source format of a file: by suffix first, then by sniffing the first bytes."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if path.suffix.lower() in FEED_SUFFIXES:
        return "feed"
    if path.suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[path.suffix.lower()]
    sniff = head[:1024].lstrip().lower()
    if sniff.startswith(b"warc/"):
        return "warc"
    if b"<rss" in sniff or b"<feed" in sniff or b"<rdf:rdf" in sniff:
        return "feed"
    return "auto"


def wanted(path: Path) -> bool:
    name = path.name.lower()
    return (
        not is_housekeeping(path)  # a folder's README/LICENSE; still read when named explicitly
        and (
            path.suffix.lower() in SUFFIX_FORMATS
            or path.suffix.lower() in FEED_SUFFIXES
            or name.endswith(WARC_SUFFIXES)
        )
    )


def files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every readable file under the given paths (directories recursively, sorted for reproducibility)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and wanted(p))
        else:
            yield path


def read(paths: Iterable[Path], fmt: str = "auto") -> Iterator[Item]:
    """Articles from files and directories; ``fmt`` overrides format detection for every file."""
    for path in files(paths):
        yield from read_file(path, fmt)


def read_file(path: Path, fmt: str = "auto") -> Iterator[Item]:
    origin = str(path)
    if not path.exists():
        yield InputFailure(origin, InputError(f"{path}: no such file or directory."))
        return
    if fmt == "auto":
        with path.open("rb") as fh:
            head = fh.read(1024)
        fmt = detect(path, head)
    if fmt == "warc":
        yield from read_warc(path)
        return
    yield from read_data(path.read_bytes(), path, fmt)


def read_data(data: bytes, name: str | Path, fmt: str = "auto") -> Iterator[Item]:
    """Articles in the bytes of one file named ``name`` (the Spark job reads files as bytes through this)."""
    origin, path = str(name), Path(name)
    if fmt == "auto":
        fmt = detect(path, data[:1024])
    if fmt == "warc":
        yield from read_warc_stream(io.BytesIO(data), origin)
        return
    if fmt == "feed":
        yield from read_feed(data, origin=origin)
        return
    kind = None if fmt == "auto" else fmt
    # Front matter in .txt/.md files is read by herald.inputs.
    yield from read_bytes(data, origin=origin, path=path, fmt=kind)


# --- RSS / Atom ---------------------------------------------------------------------------------------


def _plain(value: str) -> str:
    """Text of a feed field that may hold HTML."""
    if "<" not in value:
        return htmllib.unescape(value).strip()
    text = re.sub(r"(?i)</p\s*>|<br\s*/?>", "\n\n", value)
    text = htmllib.unescape(_TAG.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def read_feed(data: bytes, *, origin: str) -> Iterator[Item]:
    """Articles in an RSS or Atom feed: one per entry, text from its content (else its summary)."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.get("bozo"):
        problem = feed.get("bozo_exception")
        yield InputFailure(
            origin,
            InputFormatError(
                f"{origin}: the feed is malformed ({problem}); "
                f"{len(feed.entries)} entr{'y' if len(feed.entries) == 1 else 'ies'} could still be read. "
                "Check the XML (e.g. `xmllint --noout FILE`)."
            ),
        )
    source = (feed.get("feed") or {}).get("title")
    for i, entry in enumerate(feed.entries, 1):
        where = f"{origin}#entry{i}"
        contents = entry.get("content") or []
        body = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
        text = _plain(body or "")
        ident = entry.get("id") or entry.get("link")
        if not text:
            yield InputFailure(
                where, InputFormatError(f"{where}: the feed entry has no content or summary text."), id=ident
            )
            continue
        yield ArticleInput(
            text=text,
            id=ident,
            title=_plain(entry.get("title", "")) or None,
            published=_entry_date(entry),
            published_from="metadata" if _entry_date(entry) else "none",
            source=source,
            url=entry.get("link"),
            origin=where,
        )


# --- WARC ---------------------------------------------------------------------------------------------


def read_warc(path: Path) -> Iterator[Item]:
    """Articles in a WARC (or ARC) crawl: every HTML ``response`` record, main text via trafilatura.

    The crawl date is not a publication date, so only the page's own metadata supplies ``published``.
    """
    with path.open("rb") as fh:
        yield from read_warc_stream(fh, str(path))


def read_warc_stream(fh: BinaryIO, origin: str) -> Iterator[Item]:
    """Articles in a WARC (or ARC) crawl read from an open binary stream; see :func:`read_warc`."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offset = 0  # of the last record read whole, for the error message
    records = ArchiveIterator(fh, arc2warc=True)
    try:
        for record in records:
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            url = record.rec_headers.get_header("WARC-Target-URI")
            if "html" not in ctype.lower():
                continue
            # read the payload before asking for the offset: asking first skips the payload
            raw = record.content_stream().read()
            offset = records.get_record_offset()
            where = f"{origin}@{offset}"
            try:
                page = decode_bytes(raw, origin=where)
                article = article_from_html(page, origin=where, url=url)
            except InputError as exc:
                yield InputFailure(where, exc)
                continue
            article.id = article.id or url
            yield article
    # warcio raises many kinds of errors on damaged input (even AttributeError); all mean 'malformed'
    except (ArchiveLoadFailed, Exception) as exc:
        where = f"{origin}@{offset}"
        yield InputFailure(
            where,
            InputFormatError(
                f"{where}: the WARC file is malformed or truncated ({exc}); records before it were read."
            ),
        )
