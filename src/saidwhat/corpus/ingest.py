"""Streaming ingest: documents -> extraction -> batches committed with their quotes and links.

Why it is shaped this way:
- Resumable: each batch (articles + quotes + speakers + links + failures) is one transaction, so a killed
  process leaves only whole batches; before extraction every document's dedup key is checked, so a rerun
  skips what was committed without paying for extraction again.
- Idempotent: an article is keyed by its origin (url, else id) and a hash of its text; the same key twice
  is stored once, a new text under the same origin is a new version.
- Extraction is streamed through one call of the extractor (so `--workers` processes stay busy); if it
  raises, the documents in flight are retried one by one to find and record the bad one, and the stream
  resumes after it. Nothing already stored is touched.
"""

from __future__ import annotations

import email.utils
import hashlib
import inspect
import json
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from saidwhat.corpus.linking import Linker, LinkInput
from saidwhat.corpus.records import Failure, IngestReport
from saidwhat.corpus.text import content_hash, speaker_key, speaker_norm
from saidwhat.errors import ModelError, SaidwhatError, StoreError
from saidwhat.models import Article, Quote
from saidwhat.store.base import ArticleRow, SQLStore, now_iso

MAX_FIELD = 4096  # url, source, title, author: longer values are cut (and the cut noted in warnings)
MAX_META = 65536  # bytes of JSON kept from a document's extra fields
_DROP_META = frozenset(
    {"text", "html", "quotes", "id", "title", "author", "url", "published", "date", "source"}
)


class DocumentLike(Protocol):
    """What ingest reads from `saidwhat.sources.Document` (or any object with these attributes)."""

    id: str | None
    text: str
    title: str | None
    author: str | None
    date: str | None
    url: str | None
    meta: Mapping[str, Any]
    line: int


Extractor = Callable[[Iterable[Any]], Iterator[Article]]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document with its identity computed before extraction."""

    doc: Any
    origin: str
    content_hash: str
    dedup_key: str


def normalize_date(value: Any) -> str | None:
    """ISO 8601 (or RFC 2822) -> sortable UTC text: 'YYYY-MM-DD' for a date, 'YYYY-MM-DDTHH:MM:SSZ' for a
    time; None when unparseable (the raw value is kept beside it, never lost)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, date):
        return value.isoformat()
    else:
        text = str(value).strip()
        if len(text) > 64:
            return None
        try:
            if len(text) == 10:
                return date.fromisoformat(text).isoformat()
            parsed = datetime.fromisoformat(text.replace(" ", "T", 1) if " " in text[:11] else text)
        except ValueError:
            try:
                parsed = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, ValueError):
        return None


def _clip(value: Any, name: str, warnings: list[str]) -> str | None:
    if value is None:
        return None
    text = str(value)
    if len(text) > MAX_FIELD:
        warnings.append(f"{name} cut from {len(text)} to {MAX_FIELD} characters")
        text = text[:MAX_FIELD]
    return text.replace("\x00", "")


def prepare(doc: Any, text: str | None = None) -> Prepared:
    """Compute a document's origin and dedup key (before it is extracted)."""
    meta = getattr(doc, "meta", None) or {}
    url = getattr(doc, "url", None) or meta.get("url")
    ident = getattr(doc, "id", None)
    body = text if text is not None else getattr(doc, "text", "") or ""
    chash = content_hash(body)
    origin = f"url:{url}" if url else (f"id:{ident}" if ident else "")
    key = hashlib.sha256(f"{origin}\x00{chash}".encode("utf-8", "surrogatepass")).hexdigest()
    return Prepared(doc, origin, chash, key)


def article_row(prep: Prepared, article: Article, ingested_at: str) -> tuple[ArticleRow, list[str]]:
    """The stored form of an extracted article, with any notes on what was cleaned on the way in."""
    doc = prep.doc
    meta: Mapping[str, Any] = getattr(doc, "meta", None) or {}
    notes: list[str] = []
    url = _clip(getattr(doc, "url", None) or meta.get("url") or article.meta.get("url"), "url", notes)
    source = meta.get("source") or meta.get("outlet") or article.meta.get("source")
    if not source and url:
        source = urlsplit(url).hostname
    raw_date = (
        meta.get("published") or getattr(doc, "date", None) or article.date or article.meta.get("published")
    )
    published = normalize_date(raw_date)
    if raw_date not in (None, "") and published is None:
        notes.append(f"unparseable published date {str(raw_date)[:80]!r} kept in published_raw")
    extra = {k: v for k, v in meta.items() if k not in _DROP_META}
    meta_json = json.dumps(extra, ensure_ascii=False, default=str)
    if len(meta_json) > MAX_META:
        notes.append(f"extra fields dropped: {len(meta_json)} bytes of JSON is over {MAX_META}")
        meta_json = "{}"
    ident = getattr(doc, "id", None) or article.id or f"sha-{prep.content_hash[:16]}"
    row = ArticleRow(
        id=_clip(ident, "id", notes) or f"sha-{prep.content_hash[:16]}",
        url=url,
        source=_clip(source, "source", notes),
        published=published,
        published_raw=_clip(raw_date, "published", notes) if raw_date not in (None, "") else None,
        title=_clip(getattr(doc, "title", None) or article.title, "title", notes),
        author=_clip(getattr(doc, "author", None) or article.author, "author", notes),
        text=article.text.replace("\x00", ""),
        content_hash=prep.content_hash,
        dedup_key=prep.dedup_key,
        ingested_at=ingested_at,
        meta=meta_json,
        warnings=json.dumps([*article.warnings, *notes], ensure_ascii=False),
    )
    return row, notes


@dataclass
class _Counters:
    documents: int = 0
    articles: int = 0
    duplicates: int = 0
    versions: int = 0
    quotes: int = 0
    failures: list[Failure] = field(default_factory=list)
    store_seconds: float = 0.0


def write_batch(
    store: SQLStore,
    linker: Linker,
    batch: list[tuple[Prepared, Article]],
    counters: _Counters,
    failures: list[Failure],
) -> None:
    """Store one batch in one transaction: articles, speakers, quotes, links, failures."""
    started = time.perf_counter()
    with store.write_transaction():
        stored: list[tuple[str, str | None, str, tuple[Quote, ...]]] = []
        for prep, article in batch:
            stamp = now_iso()
            row, _ = article_row(prep, article, stamp)
            where = store.insert_article(row)
            if where is None:
                counters.duplicates += 1
                continue
            counters.articles += 1
            counters.versions += where.version > 1
            stored.append((where.id, row.published, stamp, article.quotes))
        speakers = []
        for *_, quotes in stored:
            for q in quotes:
                if q.speaker and speaker_key(q.speaker) is not None:
                    mention = q.speaker_mention.text if q.speaker_mention else None
                    alias = mention if mention and mention != q.speaker else None
                    speakers.append((speaker_norm(q.speaker), q.speaker[:MAX_FIELD], q.speaker_type, alias))
        ids = store.speaker_ids(speakers, now_iso())
        link: list[LinkInput] = []
        next_quote = store.next_id("quotes")  # ids are ours until commit: the write lock is held
        for article_id, published, stamp, quotes in stored:
            sids = [
                ids.get(speaker_norm(q.speaker)) if q.speaker and speaker_key(q.speaker) is not None else None
                for q in quotes
            ]
            qids = store.insert_quotes(article_id, quotes, sids, next_quote)
            next_quote += len(qids)
            counters.quotes += len(qids)
            link.extend(
                LinkInput(qid, q.text, q.speaker, published, stamp)
                for qid, q in zip(qids, quotes, strict=True)
            )
        linker.link(link)
        store.record_failures((f.source, f.line, f.reason) for f in failures)
    counters.failures.extend(failures)
    failures.clear()
    counters.store_seconds += time.perf_counter() - started


class _Feed:
    """The document stream handed to the extractor: skips stored documents, remembers what is in flight.

    A class, not a generator, so an extractor that dies cannot close it: the stream resumes after the
    bad document with a fresh extractor call.
    """

    def __init__(
        self,
        store: SQLStore,
        items: Iterator[Any],
        counters: _Counters,
        failures: list[Failure],
        on_skip: Callable[[], None],
        chunk: int,
    ) -> None:
        self.store, self.items, self.counters, self.failures = store, items, counters, failures
        self.on_skip, self.chunk = on_skip, chunk
        self.ready: deque[Prepared] = deque()
        self.in_flight: deque[Prepared] = deque()
        self.seen: set[str] = set()

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> Any:
        while not self.ready:
            self._refill()
        prep = self.ready.popleft()
        self.in_flight.append(prep)
        return prep.doc

    def _refill(self) -> None:
        fresh: list[Prepared] = []
        for item in self.items:
            self.counters.documents += 1
            if not hasattr(item, "text"):  # a LineError from saidwhat.sources
                source = str(getattr(item, "source", "?"))
                self.failures.append(Failure(source, int(getattr(item, "line", 0) or 0), str(item.message)))
                self.on_skip()
                continue
            fresh.append(prepare(item))
            if len(fresh) >= self.chunk:
                break
        if not fresh:
            raise StopIteration
        stored = self.store.existing_dedup_keys([p.dedup_key for p in fresh])
        for prep in fresh:
            if prep.dedup_key in stored or prep.dedup_key in self.seen:
                self.counters.duplicates += 1
                self.on_skip()
            else:
                self.seen.add(prep.dedup_key)
                self.ready.append(prep)


def run_ingest(
    store: SQLStore,
    linker: Linker,
    documents: Iterable[Any],
    extractor: Extractor,
    *,
    batch_size: int = 64,
    commit_seconds: float = 5.0,
    progress: bool = False,
    total: int | None = None,
    single: Extractor | None = None,
) -> IngestReport:
    """Ingest `documents` (Document-like objects or LineErrors); see the module docstring."""
    from tqdm import tqdm

    started = time.perf_counter()
    counters = _Counters()
    pending_failures: list[Failure] = []
    bar = tqdm(
        total=total,
        unit="article",
        file=sys.stderr,
        disable=not progress,
        dynamic_ncols=True,
        smoothing=0.1,
        mininterval=0.5,
    )
    feed = _Feed(
        store, iter(documents), counters, pending_failures, lambda: bar.update(1), max(batch_size, 32)
    )
    batch: list[tuple[Prepared, Article]] = []
    last_commit = time.perf_counter()
    retry = single or extractor

    def on_error(item: Any, exc: Exception) -> None:
        """The extractor skipped `item`: record why, and forget it so the next article maps to the next
        document."""
        for index, prep in enumerate(feed.in_flight):
            if prep.doc is item:
                del feed.in_flight[index]
                break
        pending_failures.append(Failure(_describe(item), int(getattr(item, "line", 0) or 0), str(exc)))
        bar.update(1)

    call: Any = extractor  # an extractor that takes `on_error` reports skipped documents through it
    try:
        while True:
            stream = call(feed, on_error=on_error) if _takes_on_error(extractor) else extractor(feed)
            try:
                for article in stream:
                    prep = feed.in_flight.popleft()
                    batch.append((prep, article))
                    bar.update(1)
                    if len(batch) >= batch_size or time.perf_counter() - last_commit >= commit_seconds:
                        write_batch(store, linker, batch, counters, pending_failures)
                        batch, last_commit = [], time.perf_counter()
                        bar.set_postfix(stored=counters.articles, quotes=counters.quotes, refresh=False)
                for prep in feed.in_flight:  # an extractor that drops documents must not lose them silently
                    pending_failures.append(
                        Failure(
                            _describe(prep.doc),
                            int(getattr(prep.doc, "line", 0) or 0),
                            "the extractor returned no article for this document",
                        )
                    )
                feed.in_flight.clear()
                break
            except (StoreError, ModelError, KeyboardInterrupt):
                raise
            except Exception as exc:  # the extractor failed: isolate the document(s) in flight
                suspects = list(feed.in_flight)
                feed.in_flight.clear()
                for prep in suspects:
                    try:
                        batch.extend((prep, a) for a in retry([prep.doc]))
                    except (StoreError, ModelError):
                        raise
                    except Exception as inner:
                        source = _describe(prep.doc)
                        reason = (
                            str(inner)
                            if isinstance(inner, SaidwhatError)
                            else f"{type(inner).__name__}: {inner}"
                        )
                        pending_failures.append(
                            Failure(source, int(getattr(prep.doc, "line", 0) or 0), reason)
                        )
                    bar.update(1)
                if not suspects:
                    pending_failures.append(Failure("<extractor>", 0, f"{type(exc).__name__}: {exc}"))
                    break
        if batch or pending_failures:
            write_batch(store, linker, batch, counters, pending_failures)
    finally:
        bar.close()
    elapsed = time.perf_counter() - started
    return IngestReport(
        documents=counters.documents,
        articles=counters.articles,
        duplicates=counters.duplicates,
        versions=counters.versions,
        quotes=counters.quotes,
        failures=tuple(counters.failures),
        seconds=elapsed,
        link_seconds=linker.stats.seconds,
        extract_seconds=max(0.0, elapsed - counters.store_seconds),
        extra={"store_seconds": counters.store_seconds},
    )


def _takes_on_error(extractor: Extractor) -> bool:
    try:
        return "on_error" in inspect.signature(extractor).parameters
    except (TypeError, ValueError):
        return False


def _describe(doc: Any) -> str:
    meta = getattr(doc, "meta", None) or {}
    return str(
        meta.get("path")
        or meta.get("source_path")
        or getattr(doc, "url", None)
        or getattr(doc, "id", None)
        or "<document>"
    )
