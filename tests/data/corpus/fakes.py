"""Test doubles for corpus tests: a Document stand-in and a deterministic extractor.

The fake extractor does no NLP: each document carries its quotes in `meta["quotes"]` (dicts in the shape of
`Quote.to_dict()`, where `start`/`end` may be omitted and are then found in the text). It lets storage and
linking tests control exactly which quotes exist, and runs in microseconds. CLI end-to-end tests use the
real pipeline instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from saidwhat.errors import InputError
from saidwhat.models import Article, Quote, Span


@dataclass(frozen=True)
class Doc:
    """The fields ingest reads from `saidwhat.sources.Document`."""

    id: str | None
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    line: int = 0


@dataclass(frozen=True)
class LineErr:
    """Stand-in for `saidwhat.sources.LineError`."""

    source: str
    line: int
    message: str


def quote(
    text: str, speaker: str | None = None, body: str | None = None, kind: str = "direct"
) -> dict[str, Any]:
    """A quote dict; offsets point into `body` when given (else 0..len)."""
    start = body.find(text) if body else 0
    start = max(start, 0)
    return {
        "text": text,
        "start": start,
        "end": start + len(text),
        "speaker": speaker,
        "kind": kind,
        "speaker_type": "person" if speaker else "unknown",
    }


def fake_extract(documents: Iterable[Any]) -> Iterator[Article]:
    """Articles in input order from each document's `meta["quotes"]`; a document whose meta has
    `"explode": True` raises InputError, as a broken input would in the real pipeline."""
    for doc in documents:
        meta = dict(doc.meta or {})
        if meta.get("explode"):
            raise InputError(f"cannot parse document {doc.id}")
        quotes = []
        for q in meta.get("quotes", []):
            d = dict(q)
            d.setdefault("start", 0)
            d.setdefault("end", len(d["text"]))
            if d.get("speaker") and not d.get("speaker_mention"):
                d["speaker_mention"] = None
            quotes.append(Quote.from_dict(d))
        yield Article(doc.id, doc.text, tuple(quotes), doc.title, doc.author, doc.date, (), {})


def article(
    ident: str,
    quotes: list[tuple[str, str | None]],
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Doc:
    """A document whose text is its quotes with attributions, and whose meta carries those quotes."""
    parts, qs = [], []
    for text, speaker in quotes:
        sentence = f"“{text}” said {speaker or 'someone'}."
        parts.append(sentence)
    body = " ".join(parts)
    for text, speaker in quotes:
        qs.append(quote(text, speaker, body))
    meta: dict[str, Any] = {"quotes": qs}
    if source:
        meta["source"] = source
    if published:
        meta["published"] = published
    return Doc(ident, body, title=f"Article {ident}", url=url, meta=meta, date=published)


def make_span(text: str, start: int) -> Span:
    return Span(text, start, start + len(text))
