"""The public extraction API: `extract` one article, `extract_many` stream many through `nlp.pipe`.

Flow per document: read (sources.py: text, HTML or a JSONL record) -> clean (clean.py: repair scraped
text, keeping a map back to the caller's offsets) -> parse (parse.py, batched, optionally in several
processes) -> find quotes (extractor.py, run inside the worker processes too) -> map every offset back
into the text as given.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from saidwhat.errors import InputError, SaidwhatError
from saidwhat.models import Article, Quote, Span
from saidwhat.parse import MAX_CHARS, load_pipeline

if TYPE_CHECKING:
    from saidwhat.clean import CleanText
    from saidwhat.sources import Document


def to_document(item: Any, index: int = 0) -> Document:
    """Accept a str (text or HTML), a mapping with text/html, or a Document."""
    from saidwhat.sources import Document, document_from_text, record_to_document

    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return document_from_text(item, id=None, source="<text>")
    if isinstance(item, Mapping):
        doc = record_to_document(dict(item), index + 1, "<input>", None)
        if isinstance(doc, Document):
            return doc
        raise InputError(doc.message)
    raise InputError(f"cannot extract from a {type(item).__name__}: pass text, HTML or a {{'text': …}} dict")


def _prepare(doc: Document) -> CleanText:
    from saidwhat.clean import clean_text

    text = doc.text
    if not text.strip():
        raise InputError(f"document {doc.id!r}: empty text")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"document {doc.id!r}: {len(text):,} characters is over the {MAX_CHARS:,} limit; split it"
        )
    return clean_text(text)


def _article(doc: Document, clean: CleanText, quotes: Iterable[Quote]) -> Article:
    """The quotes in the caller's offsets. A paragraph a scraper duplicated is gone already (clean.py
    drops it, with a warning, so its quotes count once); a quote the article itself repeats in a new
    paragraph ("In one tweet, Trump said: …" after the tweet was quoted above) is a report of its own:
    PolNeAR counts every such repetition (dev 1 of 1, train 4 of 4)."""
    out: list[Quote] = []
    quotes = list(quotes)
    narrator = _sole_author(doc.author)
    quoted = [sp for q in quotes if q.kind != "indirect" for sp in q.spans]
    for q in quotes:
        if narrator is not None and _first_person_outside_quotes(q, quoted):
            q = replace(q, speaker=narrator, speaker_type="person")
        spans = tuple(clean.span_to_original(s, e) for s, e in q.spans)
        start, end = spans[0][0], spans[-1][1]
        cue = q.cue and _mapped(clean, q.cue.start, q.cue.end)
        mention = q.speaker_mention and _mapped(clean, q.speaker_mention.start, q.speaker_mention.end)
        text = " … ".join(clean.original[s:e] for s, e in spans)
        out.append(
            Quote(
                text=text,
                start=start,
                end=end,
                spans=spans,
                kind=q.kind,
                cue=cue,
                speaker=q.speaker,
                speaker_mention=mention,
                speaker_type=q.speaker_type,
                confidence=q.confidence,
            )
        )
    return Article(
        id=doc.id,
        text=clean.original,
        quotes=tuple(out),
        title=doc.title,
        author=doc.author,
        date=doc.date,
        warnings=tuple(clean.warnings),
        meta={**dict(doc.meta), **({"url": doc.url} if doc.url else {})},
    )


FIRST_PERSON = frozenset({"i", "me", "my"})


def _sole_author(author: str | None) -> str | None:
    """The byline's one author ("By Jane Doe" -> Jane Doe); None for none or several, since an "I" in the
    narration is then nobody in particular."""
    if not author:
        return None
    name = author.strip()
    if name.lower().startswith("by "):
        name = name[3:].strip()
    if not name or any(sep in name for sep in (";", ",", " and ", "&", "|")) or len(name.split()) > 4:
        return None
    return name


def _first_person_outside_quotes(q: Quote, quoted: list[tuple[int, int]]) -> bool:
    """Is the quote's speaker the narration's own "I" ("I told the mayor that …" in a column), left
    unresolved? An "I" inside someone's quotation is that speaker's, not the author's."""
    mention = q.speaker_mention
    if mention is None or mention.text.lower() not in FIRST_PERSON or q.speaker != mention.text:
        return False
    return not any(s <= mention.start < e for s, e in quoted)


def _mapped(clean: CleanText, start: int, end: int) -> Span:
    s, e = clean.span_to_original(start, end)
    return Span(clean.original[s:e], s, e)


def extract(text_or_html: str, *, id: str | int | None = None, accurate: bool = False) -> Article:
    """Find every quote in one article (plain text or HTML) with its kind, cue and speaker.

    Offsets point into `Article.text`: the text as given, or the text extracted from HTML. `accurate`
    scores candidates with the fine-tuned encoder (encoder.py; needs `pip install saidwhat[accurate]`).
    """
    doc = to_document(text_or_html)
    if id is not None:
        doc = replace(doc, id=id)
    return next(extract_many([doc], accurate=accurate))


def extract_many(
    items: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int | None = None,
    progress: bool = False,
    total: int | None = None,
    on_error: Callable[[Any, SaidwhatError], None] | None = None,
    accurate: bool = False,
) -> Iterator[Article]:
    """Stream Articles for many inputs, in input order.

    `items` are texts, HTML strings, `{"id", "text"|"html", …}` mappings or sources.Document records.
    A bad item raises InputError, or, with `on_error`, is reported to it and skipped.

    With `n_process > 1`, batches of `batch_size` documents go to worker processes that each clean,
    parse and extract, and send back only the small Article records. This scales better than spaCy's
    own `n_process`, which ships every parsed Doc back to the parent to be deserialised there.
    `batch_size` defaults to default_batch_size(n_process).

    `accurate=True` scores candidates with the fine-tuned encoder (encoder.py, the `accurate` extra):
    a little more accurate, several times slower; a missing extra raises ModelError before any work.
    """
    if accurate:
        from saidwhat.encoder import check_available

        check_available()  # fail fast when the extra is missing, without loading torch before a fork
    batch_size = batch_size or default_batch_size(n_process)
    documents = _documents(items, on_error)
    if n_process > 1:
        stream = _parallel(documents, n_process, batch_size, on_error, accurate)
    else:
        stream = _outcomes(_run_batch_iter(documents, batch_size, accurate), on_error)
    if not progress:
        yield from stream
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True, leave=False) as bar:
        for article in stream:
            yield article
            bar.update(1)


SERIAL_BATCH = 16
PARALLEL_BATCH = 8


def default_batch_size(n_process: int) -> int:
    """Documents per batch: larger batches parse a little faster in one process (PolNeAR dev: 16 is
    2.5% faster than 8), smaller ones keep several workers evenly busy to the end (8 is 2.5% faster
    than 16 with 2 workers; one batch larger than the input would leave a worker idle)."""
    return PARALLEL_BATCH if n_process > 1 else SERIAL_BATCH


def _documents(
    items: Iterable[Any], on_error: Callable[[Any, SaidwhatError], None] | None
) -> Iterator[Document]:
    for index, item in enumerate(items):
        try:
            yield to_document(item, index)
        except SaidwhatError as exc:
            if on_error is None:
                raise
            on_error(item, exc)


# An outcome is the Article, or the one-line reason a document could not be processed.
Outcome = tuple["Document", "Article | str"]


def _run_batch_iter(
    documents: Iterable[Document], batch_size: int, accurate: bool = False
) -> Iterator[Outcome]:
    """Clean, parse and extract, streaming: the serial path, and the body of every worker."""
    from saidwhat.extractor import find_quotes

    nlp = load_pipeline()
    scorer = None
    if accurate:
        from saidwhat.encoder import load_scorer

        scorer = load_scorer()
    failed: list[Outcome] = []

    def prepared() -> Iterator[tuple[str, tuple[Document, CleanText]]]:
        for doc in documents:
            try:
                clean = _prepare(doc)
            except SaidwhatError as exc:
                failed.append((doc, str(exc)))
                continue
            yield clean.text, (doc, clean)

    for parsed, (doc, clean) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        while failed:
            yield failed.pop(0)
        yield doc, _article(doc, clean, find_quotes(parsed, clean.text, scorer))
    while failed:
        yield failed.pop(0)


def _run_batch(documents: list[Document], accurate: bool = False) -> list[Outcome]:
    return list(_run_batch_iter(documents, len(documents), accurate))


def _warm_worker() -> None:
    load_pipeline()


def _parallel(
    documents: Iterator[Document],
    n_process: int,
    batch_size: int,
    on_error: Callable[[Any, SaidwhatError], None] | None,
    accurate: bool = False,
) -> Iterator[Article]:
    """Ordered, bounded fan-out over a process pool: at most two batches in flight per worker."""
    import multiprocessing as mp
    from collections import deque

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(n_process, initializer=_warm_worker) as pool:
        pending: deque[Any] = deque()
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= batch_size:
                pending.append(pool.apply_async(_run_batch, (batch, accurate)))
                batch = []
            if len(pending) >= 2 * n_process:
                yield from _outcomes(pending.popleft().get(), on_error)
        if batch:
            pending.append(pool.apply_async(_run_batch, (batch, accurate)))
        while pending:
            yield from _outcomes(pending.popleft().get(), on_error)


def _outcomes(
    results: Iterable[Outcome], on_error: Callable[[Any, SaidwhatError], None] | None
) -> Iterator[Article]:
    for doc, outcome in results:
        if isinstance(outcome, Article):
            yield outcome
            continue
        exc = InputError(outcome)
        if on_error is None:
            raise exc
        on_error(doc, exc)
