"""Read files, directories, stdin and JSONL into `Document`s whose `text` the offsets will point into.

Everything that can go wrong with input ends here as an `InputError` (one line, naming the source) or, for
one bad line of a JSONL file, as a `LineError` that is yielded in place of the document so the rest of the
file is still processed. Text is kept exactly as the caller wrote it (no newline or whitespace changes):
offsets reported later are string indices into `Document.text`.

Size policy: one article is at most `max_bytes`. Plain text and HTML are rejected by `stat` (or by reading
at most `max_bytes + 1` bytes from stdin or a gzip stream) before they are read; JSONL is streamed line
by line, so a big file of many articles is fine and only a single over-long line becomes a `LineError`.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from saidwhat.decoding import SNIFF_BYTES, decode_bytes
from saidwhat.errors import InputError

DEFAULT_MAX_BYTES = 20_000_000
"""Largest single article (plain text, HTML, or one JSONL line) saidwhat reads: 20 MB."""

STDIN_SOURCE = "<stdin>"

JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt", ".text", ".md", ".txt.gz")
DIRECTORY_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

_JSONL_START = re.compile(rb'\A\s*\{\s*"[^"\n]*"\s*:')
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]"
    r"|<(?:p|div|article|section|main|header|h[1-6]|table|span|meta|title)[\s>/])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_HTML_P = re.compile(r"<p[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """One article as read from the input, before any NLP.

    `id` keeps the JSON type the caller gave (a string or an integer) so results can be joined back to
    the caller's records; it defaults to the 1-based JSONL line number, or to the path of a file.
    """

    id: str | int | None
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)
    line: int | None = None


@dataclass(frozen=True)
class LineError:
    """A record that could not be read; yielded instead of raising so the rest of the input still runs.

    `line` is the 1-based JSONL line (or JSON array item). When a file inside a directory cannot be read
    at all, `line` is 0: one unreadable file should not abort a batch over a whole directory.
    """

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}" if self.line else f"{self.source}: {self.message}"


# --------------------------------------------------------------------------------------------- decoding


# ------------------------------------------------------------------------------------------------- HTML


MIN_ARTICLE_WORDS = 6


def looks_like_html(text: str) -> bool:
    """Sniff HTML so text input that is really a saved web page goes through article extraction.

    Only the first 64 KB are looked at: a document that starts like HTML, or has a `<body>`, or several
    `<p>` paragraphs. Plain text that merely mentions a tag does not count.
    """
    head = text[:SNIFF_BYTES].lstrip("\ufeff")
    if _HTML_START.match(head) or _HTML_BODY.search(head):
        return True
    return len(_HTML_P.findall(head, 0, SNIFF_BYTES)) >= 2 and "</p>" in head.lower()


def html_to_document(html: str, id: str | int | None = None, source: str = "<html>") -> Document:
    """Extract the article text and its metadata from a web page with trafilatura.

    trafilatura is imported in `_extract`, not at module import, because it costs a third of a second and most
    inputs are plain text. Comments are left out: readers' comments are not the article's quotes.
    """
    result = _extract(html, source)
    if _text_of(result) is None and not _HTML_BODY_TAG.search(html):
        # a fragment ("<p>Officials say …</p>" from a feed or a JSONL "html" field): trafilatura finds
        # no article in a lone paragraph outside a page, but does once the fragment has a page around it
        result = _extract(f"<html><body>{html}</body></html>", source)
    text = _text_of(result)
    if text is None or _only_link_text(text):
        raise InputError(f"{source}: no article text found in the HTML")
    return Document(
        id=id,
        text=text,
        title=_meta_str(getattr(result, "title", None)),
        author=_meta_str(getattr(result, "author", None)),
        date=_meta_str(getattr(result, "date", None)),
        url=_meta_str(getattr(result, "url", None)),
    )


_HTML_BODY_TAG = re.compile(r"<body[\s>]", re.IGNORECASE)


def _extract(html: str, source: str) -> Any:
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        # no extensive date search: it guesses a date from any year on the page ("© 2026" became
        # 2026-01-01), and a made-up date would misplace the article in a quote's history (corpus)
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # trafilatura/lxml raise many types on pathological markup
        reason = " ".join(str(exc).split())[:200]
        raise InputError(f"{source}: could not parse the HTML ({type(exc).__name__}: {reason})") from exc


def _text_of(result: Any) -> str | None:
    """The extracted text, where trafilatura found any."""
    text = getattr(result, "text", None)
    return text if isinstance(text, str) and text.strip() else None


def _only_link_text(text: str) -> bool:
    """trafilatura falls back to a page's menu when it finds no article ("Home About"): a few words
    with no sentence among them are navigation, not an article."""
    return len(text.split()) < MIN_ARTICLE_WORDS and not any(c in text for c in '.!?:;"“”')


def _meta_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def document_from_text(text: str, id: str | int | None = None, source: str = "<text>") -> Document:
    """A document from a string the caller holds: HTML (sniffed) is extracted, text is kept as given."""
    if not text.strip():
        raise InputError(f"{source}: empty input")
    if looks_like_html(text):
        return html_to_document(text, id=id, source=source)
    return Document(id=id, text=text)


# ------------------------------------------------------------------------------------------------ JSONL


def iter_jsonl(lines: Iterable[str], source: str) -> Iterator[Document | LineError]:
    """One document per JSONL line; a bad line becomes a `LineError` and the next line is still read."""
    for number, line in enumerate(lines, start=1):
        item = _parse_jsonl_line(line, number, source)
        if item is not None:
            yield item


def _parse_jsonl_line(line: str, number: int, source: str) -> Document | LineError | None:
    stripped = line.strip().lstrip("\ufeff")
    if not stripped:
        return None
    try:
        record = json.loads(stripped)
    except json.JSONDecodeError as exc:
        return LineError(source, number, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return LineError(source, number, "invalid JSON (nested too deeply)")
    return record_to_document(record, number, source, line=number)


_JSON_TYPE_NAMES = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}


def record_to_document(record: Any, number: int, source: str, line: int | None) -> Document | LineError:
    """Map one JSON record to a document; `number` is the default id (line or array position)."""
    if not isinstance(record, dict):
        kind = "null" if record is None else _JSON_TYPE_NAMES.get(type(record), type(record).__name__)
        return LineError(source, number, f"expected a JSON object, got {kind}")
    raw_id = record.get("id")
    if raw_id is None:
        doc_id: str | int = number
    elif isinstance(raw_id, str) or (isinstance(raw_id, int) and not isinstance(raw_id, bool)):
        doc_id = raw_id
    else:
        return LineError(source, number, 'field "id" must be a string or an integer')
    text, html = record.get("text"), record.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return LineError(source, number, f'field "{name}" must be a string')
    if text is None and html is None:
        return LineError(source, number, 'missing "text" (or "html") field')
    meta = {k: v for k, v in record.items() if k not in ("text", "html")}
    if isinstance(text, str) and text.strip():
        doc = Document(id=doc_id, text=text)
    elif isinstance(html, str) and html.strip():
        try:
            doc = html_to_document(html, id=doc_id, source=f"{source}:{number}")
        except InputError as exc:
            return LineError(source, number, _reason(exc, f"{source}:{number}"))
    else:
        return LineError(source, number, 'empty "text"' if html is None else 'empty "text" and "html"')
    date = _meta_str(record.get("date")) or _meta_str(record.get("published"))
    return Document(
        id=doc_id,
        text=doc.text,
        title=_meta_str(record.get("title")) or doc.title,
        author=_meta_str(record.get("author")) or doc.author,
        date=date or doc.date,
        url=_meta_str(record.get("url")) or doc.url,
        meta=meta,
        line=line,
    )


def _reason(exc: InputError, source: str) -> str:
    """The message of an InputError without its "<source>: " prefix, for a LineError that has a source."""
    message = str(exc)
    return message[len(source) + 2 :] if message.startswith(f"{source}: ") else message


# ------------------------------------------------------------------------------------------ files, stdin


class _LineReader(Protocol):
    def read(self, size: int, /) -> bytes: ...
    def readline(self, size: int, /) -> bytes: ...


class _Rejoined:
    """A binary stream whose first bytes were already read for sniffing; stdin cannot seek back."""

    def __init__(self, head: bytes, rest: _LineReader) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def read(self, size: int, /) -> bytes:
        data = self._head.read(size)
        return data + self._rest.read(size - len(data)) if len(data) < size else data

    def readline(self, size: int, /) -> bytes:
        line = self._head.readline(size)
        if line.endswith(b"\n") or len(line) >= size:
            return line
        return line + self._rest.readline(size - len(line))


def _size(n: int) -> str:
    if n % 100_000 == 0:
        return f"{n / 1e6:g} MB"
    return f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def _too_large(source: str, size: int | None, max_bytes: int) -> InputError:
    amount = f"{_size(size)} is" if size is not None else "the input is"
    return InputError(
        f"{source}: {amount} over the {_size(max_bytes)} limit for one text or HTML article; "
        "split it, or use JSONL with one article per line"
    )


def _kind_from_name(name: str) -> str | None:
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if name.lower().endswith(suffixes):
            return kind
    return None


def _iter_binary_lines(stream: _LineReader, max_bytes: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, bytes) per line; an over-long line gives its length instead and is skipped unread."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield number, line
            continue
        length = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            length += len(line)
        yield number, length


def _stream_jsonl(stream: _LineReader, source: str, max_bytes: int) -> Iterator[Document | LineError]:
    """JSONL from a binary stream, one line in memory at a time; no records at all is an empty input."""
    seen = False
    for number, line in _iter_binary_lines(stream, max_bytes):
        if isinstance(line, int) or line.strip():
            seen = True
        if isinstance(line, int):
            yield LineError(source, number, f"line is {_size(line)}, over the {_size(max_bytes)} limit")
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = decode_bytes(line, f"{source}:{number}")
            except InputError as exc:
                yield LineError(source, number, _reason(exc, f"{source}:{number}"))
                continue
        item = _parse_jsonl_line(text, number, source)
        if item is not None:
            yield item
    if not seen:
        raise InputError(f"{source}: empty input")


def _json_document(data: bytes, source: str) -> Iterator[Document | LineError]:
    """A `.json` file small enough to read: one object, an array of objects, or JSONL after all."""
    text = decode_bytes(data, source)
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        yield from iter_jsonl(text.split("\n"), source)
        return
    if isinstance(value, list):
        for number, record in enumerate(value, start=1):
            yield record_to_document(record, number, source, line=None)
    else:
        yield record_to_document(value, 1, source, line=1)


def _read_stream(
    stream: BinaryIO | gzip.GzipFile, source: str, kind: str | None, size: int | None, max_bytes: int
) -> Iterator[Document | LineError]:
    """Read one opened input; `size` is the stat size when known (plain files), else None."""
    head = stream.read(min(SNIFF_BYTES, max_bytes + 1))
    if kind is None:  # HTML is sniffed later, on the decoded text
        kind = "jsonl" if _JSONL_START.match(head.removeprefix(codecs.BOM_UTF8)) else "text"
    joined = _Rejoined(head, stream)
    if kind == "jsonl":
        if source.lower().endswith((".json", ".json.gz")) and (size is None or size <= max_bytes):
            data = joined.read(max_bytes + 1)
            if len(data) <= max_bytes:
                yield from _json_document(data, source)
                return
            joined = _Rejoined(data, stream)
        yield from _stream_jsonl(joined, source, max_bytes)
        return
    if size is not None and size > max_bytes:
        raise _too_large(source, size, max_bytes)
    data = joined.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(source, None, max_bytes)
    text = decode_bytes(data, source)
    if kind == "html" or looks_like_html(text):
        yield html_to_document(text, id=source, source=source)
    else:
        yield Document(id=source, text=text)


def _read_file(path: Path, max_bytes: int) -> Iterator[Document | LineError]:
    source = str(path)
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(f"{source}: no such file or directory") from exc
    except PermissionError as exc:
        raise InputError(f"{source}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from exc
    kind = _kind_from_name(path.name)
    zipped = path.name.lower().endswith(".gz")
    if not zipped and kind not in ("jsonl", None) and size > max_bytes:
        handle.close()
        raise _too_large(source, size, max_bytes)  # before reading a byte
    with handle:
        try:
            if zipped:
                with gzip.GzipFile(fileobj=handle, mode="rb") as unzipped:
                    yield from _read_stream(unzipped, source, kind, None, max_bytes)
            else:
                yield from _read_stream(handle, source, kind, size, max_bytes)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(f"{source}: corrupt gzip file ({exc or type(exc).__name__})") from exc
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from exc


def _read_directory(directory: Path, max_bytes: int) -> Iterator[Document | LineError]:
    """Input files under `directory`, recursively and sorted, hidden ones skipped; a file that cannot be
    read is a `LineError` with line 0, so one bad file does not stop the batch."""
    files = sorted(
        (Path(root) / name for root, dirs, names in os.walk(directory) for name in names
         if not name.startswith(".") and name.lower().endswith(DIRECTORY_SUFFIXES)
         and not any(part.startswith(".") for part in Path(root).relative_to(directory).parts)),
        key=lambda p: p.relative_to(directory).parts,
    )  # fmt: skip
    if not files:
        raise InputError(
            f"{directory}: no input files in this directory (looked for {', '.join(DIRECTORY_SUFFIXES)})"
        )
    readable = 0
    for path in files:
        try:
            for item in _read_file(path, max_bytes):
                readable += 1
                yield item
        except InputError as exc:
            yield LineError(str(path), 0, _reason(exc, str(path)))
    if not readable:
        raise InputError(f"{directory}: none of the {len(files)} input files in this directory could be read")


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | LineError]:
    """Documents from a file, a directory (recursively) or stdin (`-`).

    JSONL is chosen by extension or by a first line that starts like a JSON object; HTML by extension or
    by sniffing; everything else is plain text whose `id` is the path.
    """
    if str(path) == "-":
        yield from _read_stream(sys.stdin.buffer, STDIN_SOURCE, None, None, max_bytes)
    elif Path(path).is_dir():
        yield from _read_directory(Path(path), max_bytes)
    else:
        yield from _read_file(Path(path), max_bytes)


def iter_documents(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | LineError]:
    """Documents from several paths in order; an unreadable path raises `InputError` when reached."""
    for path in paths:
        yield from read_path(path, max_bytes)
