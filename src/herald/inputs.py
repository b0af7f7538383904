"""Reading articles: plain text, Markdown, HTML, JSONL and stdin, with encoding and binary detection.

Readers never drop an article silently: whatever cannot be read becomes an :class:`InputFailure` carrying
the reason, which the caller reports while the rest of the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from .errors import BinaryInputError, EmptyInputError, EncodingError, InputError, InputFormatError

Format = Literal["text", "markdown", "html", "jsonl", "json"]

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
JSON_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
SUFFIX_FORMATS: dict[str, str] = {**TEXT_SUFFIXES, **HTML_SUFFIXES, **JSON_SUFFIXES}

# Magic numbers of common binary formats that sometimes end up in a text pipeline.
_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)


_WESTERN = {"cp1252", "latin_1", "iso8859_15"}

# A leading block of ``key: value`` lines between ``---`` lines (the Markdown/Jekyll "front matter"
# convention) carries a text file's metadata, so a folder of .txt/.md articles can have publication dates.
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_FRONT_KEYS = {"title", "published", "date", "source", "url", "id"}


@dataclass
class ArticleInput:
    """One article as read from the input, before any processing."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    published_from: Literal["input", "metadata", "option", "none"] = "none"
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file path or "file:line" it came from, for error messages

    @property
    def sha256(self) -> str:
        return bytes_sha256(self.text)

    def resolved_id(self) -> str:
        return self.id if self.id else self.sha256[:16]


@dataclass
class InputFailure:
    """An article that could not be read; kept so that nothing is silently dropped."""

    origin: str
    error: InputError
    id: str | None = None
    sha256: str | None = None  # of the bytes that could not be read, so the failure names its input

    @property
    def reason(self) -> str:
        return str(self.error)


def bytes_sha256(data: bytes | str) -> str:
    """SHA-256 of raw input bytes (a str is hashed as UTF-8, as :attr:`ArticleInput.sha256` does)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def normalise_date(value: Any, *, what: str = "publication date") -> str | None:
    """Return an ISO date (YYYY-MM-DD) for a date-like value, or raise InputFormatError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError as exc:
            raise InputFormatError(f"Invalid {what} {text!r}: {exc}. Use YYYY-MM-DD.") from exc
    named = _named_month_date(text)
    if named is not None:
        return named.isoformat()
    raise InputFormatError(
        f"Invalid {what} {text!r}: expected an ISO date such as 2024-04-30, or a date with its month named "
        "and a four-digit year (30 April 2024, Apr. 30, 2024)."
    )


# Spelt out, not taken from ``calendar``, whose names follow the machine's locale.
_MONTH_NAMES = (
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
_MONTHS = {
    name: n
    for n, full in enumerate(_MONTH_NAMES, 1)
    for name in (full, full[:3], "sept" if n == 9 else full[:3])
}
# Day-month-year, month-day-year and year-month-day with the month spelt out, as feeds and datelines write
# them ("Wed, 23 Nov 2016 15:01:00 EST", "DEC. 14, 2016, 2:54 AM EST", "2016 Oct 10"). All-numeric forms
# such as 03/04/2016 stay errors: their day and month order cannot be told apart.
_NAMED_DATES = [
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]{3,9})\.?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<m>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b", re.I),
    re.compile(r"\b(?P<y>\d{4})\s+(?P<m>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})\b", re.I),
]


def _named_month_date(text: str) -> date | None:
    for pattern in _NAMED_DATES:
        for m in pattern.finditer(text):
            month = _MONTHS.get(m["m"].lower())
            if month is None:
                continue
            try:
                return date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                continue
    return None


def decode_bytes(data: bytes, *, origin: str = "<input>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM) first, then a detected encoding.

    Raises BinaryInputError for binary data and EncodingError when no encoding fits.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(
                f"{origin}: this looks like {what}, not text. Convert it to text or HTML first."
            )
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise BinaryInputError(
            f"{origin}: the input contains NUL bytes and looks like binary data, not text. "
            "Give Herald a text, Markdown, HTML or JSONL file."
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    # English news in a legacy encoding is far more often Windows-1252 than a Central European code page;
    # short texts cannot tell them apart statistically, so prefer a Western candidate when one fits.
    western = [m for m in matches if m.encoding in _WESTERN]
    best = western[0] if western else matches.best()
    if best is None:
        raise EncodingError(
            f"{origin}: could not detect the text encoding. Re-save the file as UTF-8 "
            "(e.g. `iconv -f <encoding> -t utf-8`)."
        )
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise BinaryInputError(
            f"{origin}: the decoded text is mostly control characters; this looks like binary data."
        )
    return text


# Control characters other than the whitespace ones (\t \n \f \r), deleted by str.translate.
_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\n\r\t\f")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    # Counted in C (what str.translate deletes), not by a Python loop over up to 8,192 characters.
    bad = len(sample) - len(sample.translate(_CONTROL))
    return bad / len(sample)


def apply_front_matter(item: ArticleInput) -> ArticleInput:
    """Read a leading front-matter block (title, published/date, source, url, id) and strip it from the text.

    Offsets in the output then count from the first character after the block.
    """
    m = _FRONT.match(item.text)
    if not m:
        return item
    found: dict[str, str] = {}
    for line in m[1].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _FRONT_KEYS:
            found[key.strip().lower()] = value.strip().strip("\"'")
    if not found:
        return item
    item.text = item.text[m.end() :]
    published = found.get("published") or found.get("date")
    if published:
        origin = item.origin or "<input>"
        item.published = normalise_date(published, what=f"publication date in the front matter of {origin}")
        item.published_from = "input"
    item.title = found.get("title") or item.title
    item.source = found.get("source") or item.source
    item.url = found.get("url") or item.url
    item.id = found.get("id") or item.id
    return item


def check_text(text: str, *, origin: str = "<input>") -> str:
    """Reject empty or binary-looking text with a clear error."""
    if not text or not text.strip():
        raise EmptyInputError(f"{origin}: the article is empty. Give Herald some text to read.")
    if _control_ratio(text) > 0.05:
        raise BinaryInputError(
            f"{origin}: the text is mostly control characters; this looks like binary data."
        )
    return text


def detect_format(path: Path | None, data: bytes) -> str:
    """Guess the input format from the suffix, then from the content."""
    if path is not None and path.suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[path.suffix.lower()]
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            return "text"
        if isinstance(obj, dict) and "text" in obj:
            return "jsonl"
    return "text"


def article_from_html(html: str, *, origin: str, url: str | None = None) -> ArticleInput:
    """Main text of an HTML page with trafilatura; title and date from the page metadata when present."""
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    doc: dict[str, Any] = {}
    if result is not None:
        doc = result if isinstance(result, dict) else result.as_dict()
    body = getattr(result, "body", None) if result is not None else None
    text = _blocks_text(body) if body is not None else ""
    if not text.strip():
        text = doc.get("text") or ""
    if not text.strip():
        raise EmptyInputError(f"{origin}: no article text found in this HTML page.")
    published = None
    published_from: Literal["input", "metadata", "option", "none"] = "none"
    if doc.get("date"):
        try:
            published = normalise_date(doc["date"])
            published_from = "metadata"
        except InputFormatError:
            published = None
    return ArticleInput(
        text=text,
        title=doc.get("title") or None,
        published=published,
        published_from=published_from,
        source=doc.get("sitename") or None,
        url=url or doc.get("url") or None,
        origin=origin,
    )


# Block elements of trafilatura's XML body (h1-h6 -> head, p, li -> item, blockquote -> quote, tr -> row):
# each becomes its own paragraph, so a headline or list item never runs into the next sentence.
_BLOCK_TAGS = frozenset({"head", "p", "item", "quote", "row", "code", "list", "table", "div", "body"})
_SOURCE_NEWLINE = re.compile(r"\s*\n\s*")


def _blocks_text(body: Any) -> str:
    """Text of trafilatura's XML body, one paragraph (separated by a blank line) per block element.

    Newlines of the HTML source inside a block are only wrapping and become spaces; ``<br>`` (``lb``) stays a
    line break.
    """
    paragraphs: list[str] = []
    current: list[str | None] = []  # None marks a <br>

    def flush() -> None:
        parts = ["\n" if part is None else _SOURCE_NEWLINE.sub(" ", part) for part in current]
        block = "".join(parts).strip()
        block = re.sub(r"[ \t]*\n[ \t]*", "\n", block)
        if block:
            paragraphs.append(block)
        current.clear()

    def walk(el: Any) -> None:
        if isinstance(el.text, str):
            current.append(el.text)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            elif tag == "lb":
                current.append(None)
            else:
                if tag == "cell" and current:
                    current.append(" ")
                walk(child)
            if isinstance(child.tail, str):
                current.append(child.tail)

    walk(body)
    flush()
    return "\n\n".join(paragraphs)


def article_from_record(obj: Any, *, origin: str) -> ArticleInput:
    """One JSONL/JSON record: ``text`` required; ``id``, ``title``, ``published``, ``source``, ``url``
    optional."""
    if not isinstance(obj, dict):
        raise InputFormatError(
            f"{origin}: expected a JSON object with a 'text' field, got {type(obj).__name__}."
        )
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputFormatError(f"{origin}: the record has no 'text' string field.")
    check_text(text, origin=origin)
    published = normalise_date(obj.get("published") or obj.get("date"))
    ident = obj.get("id")
    return ArticleInput(
        text=text,
        id=str(ident) if ident is not None else None,
        title=obj.get("title"),
        published=published,
        published_from="input" if published else "none",
        source=obj.get("source"),
        url=obj.get("url"),
        origin=origin,
    )


def iter_jsonl(text: str, *, origin: str) -> Iterator[ArticleInput | InputFailure]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(
                where,
                InputFormatError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})."),
                sha256=bytes_sha256(line),
            )
            continue
        try:
            yield article_from_record(obj, origin=where)
        except InputError as exc:
            ident = obj.get("id") if isinstance(obj, dict) else None
            yield InputFailure(
                where, exc, id=str(ident) if ident is not None else None, sha256=bytes_sha256(line)
            )


def read_bytes(
    data: bytes, *, origin: str, path: Path | None = None, fmt: str | None = None
) -> Iterator[ArticleInput | InputFailure]:
    """Articles in one blob of bytes (a file or stdin)."""
    try:
        text = decode_bytes(data, origin=origin)
        kind = fmt or detect_format(path, data)
        if kind == "jsonl":
            yield from iter_jsonl(text, origin=origin)
            return
        if kind == "json":
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputFormatError(f"{origin}: not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
            records = obj if isinstance(obj, list) else [obj]
            for i, rec in enumerate(records, 1):
                where = f"{origin}[{i}]"
                try:
                    yield article_from_record(rec, origin=where)
                except InputError as exc:
                    yield InputFailure(where, exc, sha256=bytes_sha256(json.dumps(rec, ensure_ascii=False)))
            return
        if kind == "html":
            yield article_from_html(text, origin=origin)
            return
        ident = path.stem if path is not None else None
        item = apply_front_matter(ArticleInput(text=text, id=ident, origin=origin))
        check_text(item.text, origin=origin)
        yield item
    except InputError as exc:
        yield InputFailure(origin, exc, sha256=bytes_sha256(data))


HOUSEKEEPING_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice"})


def is_housekeeping(path: Path) -> bool:
    """Hidden files and a folder's README/LICENSE are not articles (a file named on its own still is)."""
    return path.name.startswith(".") or path.stem.lower() in HOUSEKEEPING_STEMS


def read_path(path: Path, *, fmt: str | None = None) -> Iterator[ArticleInput | InputFailure]:
    """Articles in a file, or in every readable file under a directory (recursively, sorted)."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in SUFFIX_FORMATS and not is_housekeeping(child):
                yield from read_path(child, fmt=fmt)
        return
    if not path.exists():
        yield InputFailure(str(path), InputError(f"{path}: no such file or directory."))
        return
    yield from read_bytes(path.read_bytes(), origin=str(path), path=path, fmt=fmt)


def read_many(paths: Iterable[Path], *, fmt: str | None = None) -> Iterator[ArticleInput | InputFailure]:
    for path in paths:
        yield from read_path(path, fmt=fmt)
