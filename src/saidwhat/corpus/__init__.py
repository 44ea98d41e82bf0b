"""`Corpus`: many articles, their quotes, and each quote tracked across articles.

    with Corpus("news.sqlite") as corpus:                 # or Corpus("postgresql://host/db")
        corpus.ingest_paths(["feeds/"], workers=2)
        for hit in corpus.search("border wall", speaker="Trump"):
            view = corpus.cluster(hit.cluster_id)         # first appearance, timeline, diffs
        for view in corpus.variants(changes=["speaker"]):
            ...

The CLI commands `ingest`, `search`, `quote`, `variants`, `speakers`, `export` and `stats` are thin shells
over these methods. Storage is `saidwhat.store`; linking is `saidwhat.corpus.linking`.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from saidwhat.corpus.diff import CHANGE_TYPES
from saidwhat.corpus.ingest import Extractor, normalize_date, run_ingest
from saidwhat.corpus.linking import Linker, fingerprint_settings
from saidwhat.corpus.records import ClusterView, Failure, IngestReport, SearchHit, SpeakerRow
from saidwhat.errors import InputError, StoreError, UsageError
from saidwhat.models import KINDS, Article

if TYPE_CHECKING:
    from saidwhat.store.queries import ReadQueries

__all__ = ["CHANGE_TYPES", "Corpus", "default_extractor"]

_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz")


def default_extractor(workers: int = 1, batch_size: int | None = None) -> Extractor:
    """`saidwhat.pipeline.extract_many` with the given worker processes, as ingest's extractor."""
    try:
        from saidwhat.pipeline import extract_many
    except ModuleNotFoundError as exc:  # pragma: no cover - only before the pipeline exists
        raise UsageError("the extraction pipeline is not available in this build") from exc

    def extract(
        documents: Iterable[Any], on_error: Callable[[Any, Exception], None] | None = None
    ) -> Iterator[Article]:
        return extract_many(
            documents, n_process=workers, batch_size=batch_size, progress=False, on_error=on_error
        )

    return extract


def _articles_as_documents(articles: Iterable[Article]) -> Iterator[Article]:
    yield from articles


def _identity(documents: Iterable[Any]) -> Iterator[Article]:
    for doc in documents:
        if not isinstance(doc, Article):
            raise TypeError("add_articles takes Article records")
        yield doc


def since_bound(value: str | None) -> str | None:
    """A --since value as a lower bound on stored `published` (inclusive)."""
    if value is None:
        return None
    norm = normalize_date(value)
    if norm is None:
        raise UsageError(f"--since {value!r} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")
    return norm


def until_bound(value: str | None) -> str | None:
    """A --until value as an exclusive upper bound: a bare date includes that whole day."""
    if value is None:
        return None
    norm = normalize_date(value)
    if norm is None:
        raise UsageError(f"--until {value!r} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")
    if len(norm) == 10:
        return (date.fromisoformat(norm) + timedelta(days=1)).isoformat()
    return norm[:-1] + ".000001Z" if norm.endswith("Z") else norm


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents `paths` hold, counted cheaply for the progress bar's ETA (None for stdin)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if not name.endswith(_SUFFIXES):
                continue
            try:
                if name.endswith(".jsonl"):
                    with file.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                elif name.endswith(".jsonl.gz"):
                    with gzip.open(file, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
            except (OSError, EOFError):
                total += 1
    return total


def read_paths(paths: Sequence[str], max_bytes: int | None = None) -> Iterator[Any]:
    """Documents from every path in turn; a path that cannot be read at all (a corrupt gzip file, a binary
    file given by name) becomes one failure record and the next path is still read."""
    from saidwhat.sources import LineError, read_path

    kwargs: dict[str, Any] = {} if max_bytes is None else {"max_bytes": max_bytes}
    for path in paths:
        try:
            yield from read_path(path, **kwargs)
        except InputError as exc:
            message = str(exc)
            prefix = f"{path}: "
            yield LineError(str(path), 0, message[len(prefix) :] if message.startswith(prefix) else message)


class Corpus:
    """A corpus database (SQLite file or PostgreSQL URL); see the module docstring."""

    def __init__(self, db: str | None = None, *, create: bool = True) -> None:
        from saidwhat.store import default_db, open_store

        self.db = db or default_db()
        self.store: ReadQueries = open_store(self.db, create=create)
        self.linker = Linker(self.store)
        self._check_settings(create)

    def _check_settings(self, create: bool) -> None:
        """Refuse to link into a corpus whose stored fingerprints were made with other parameters."""
        expected = fingerprint_settings()
        found = self.store.get_setting("linking")
        if found is None and create:
            with self.store.write_transaction():
                if self.store.get_setting("linking") is None:
                    self.store.set_setting("linking", expected)
        elif found is not None and found != expected:
            self.store.close()
            raise StoreError(
                f"{self.db} was linked with other settings ({found}); this saidwhat uses {expected}: "
                "ingest into a new database"
            )

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing --------------------------------------------------------------------------------------------
    def ingest(
        self,
        documents: Iterable[Any],
        *,
        extractor: Extractor | None = None,
        workers: int = 1,
        batch_size: int = 64,
        progress: bool = False,
        total: int | None = None,
    ) -> IngestReport:
        """Extract and store `documents` (`saidwhat.sources.Document`s, or LineErrors to record as failures).

        `extractor` maps an iterable of documents to Articles in input order; the default is
        `saidwhat.pipeline.extract_many` with `workers` processes. Safe to rerun after any interruption.
        """
        if workers < 1:
            raise UsageError("--workers must be at least 1")
        if batch_size < 1:
            raise UsageError("--batch-size must be at least 1")
        run = extractor or default_extractor(workers)
        single = extractor or default_extractor(1)
        return run_ingest(
            self.store,
            self.linker,
            documents,
            run,
            batch_size=batch_size,
            progress=progress,
            total=total,
            single=single,
        )

    def ingest_paths(
        self,
        paths: Sequence[str],
        *,
        workers: int = 1,
        batch_size: int = 64,
        progress: bool = False,
        max_bytes: int | None = None,
        extractor: Extractor | None = None,
    ) -> IngestReport:
        """Ingest files, directories (recursively) and `-` (stdin) through `saidwhat.sources`."""
        for raw in paths:
            if raw != "-" and not os.path.exists(raw):
                raise UsageError(f"no such file or directory: {raw}")
        total = count_documents(paths) if progress else None
        documents = read_paths(paths, max_bytes)
        return self.ingest(
            documents,
            extractor=extractor,
            workers=workers,
            batch_size=batch_size,
            progress=progress,
            total=total,
        )

    def add_articles(self, articles: Iterable[Article], *, batch_size: int = 64) -> IngestReport:
        """Store articles that are already extracted (e.g. `saidwhat extract` output read back)."""
        return run_ingest(
            self.store, self.linker, _articles_as_documents(articles), _identity, batch_size=batch_size
        )

    # -- reading --------------------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Full-text search over quotes, best first, filtered by speaker, publication date and kind."""
        if kind is not None and kind not in KINDS:
            raise UsageError(f"unknown --kind {kind!r}; choose from {', '.join(KINDS)}")
        if limit < 1:
            raise UsageError("--limit must be at least 1")
        return self.store.search(
            query, speaker=speaker, since=since_bound(since), until=until_bound(until), kind=kind, limit=limit
        )

    def cluster(self, cluster_id: int) -> ClusterView:
        """A quote's whole story: first appearance, every later appearance, and how each differs."""
        views = self.store.cluster_views([int(cluster_id)])
        if not views:
            raise UsageError(f"no quote cluster with id {cluster_id}")
        return views[0]

    def cluster_of_quote(self, quote_id: int) -> ClusterView:
        """The cluster a stored quote belongs to (short quotes belong to none: they are never linked)."""
        cid = self.store.cluster_of_quote(int(quote_id))
        if cid is None:
            raise UsageError(f"quote {quote_id} is not in any cluster (unknown id, or too short to link)")
        return self.cluster(cid)

    def variants(
        self, changes: Sequence[str] = (), *, limit: int | None = None, page: int = 200
    ) -> Iterator[ClusterView]:
        """Clusters with altered appearances, most changed first; `changes` keeps clusters with any of those
        change types (`CHANGE_TYPES`)."""
        bad = [c for c in changes if c not in CHANGE_TYPES]
        if bad:
            raise UsageError(f"unknown change type {bad[0]!r}; choose from {', '.join(CHANGE_TYPES)}")
        ids = self.store.variant_cluster_ids(changes, limit)
        for start in range(0, len(ids), page):
            yield from self.store.cluster_views(ids[start : start + page])

    def speakers(self, name: str | None = None, *, limit: int | None = None) -> list[SpeakerRow]:
        """Speakers by number of quotes, with the mentions each was found under."""
        return self.store.speaker_rows(name, limit)

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every stored quote as a flat dict with its article and cluster (see docs/corpus.md)."""
        return self.store.export_rows()

    def stats(self) -> dict[str, int]:
        """Counts of articles, quotes, speakers, clusters and failures."""
        return self.store.counts()

    def details(self) -> dict[str, Any]:
        """`stats()` plus cluster shape and date range, for people rather than scripts."""
        return {**self.stats(), **self.store.extra_counts(), "schema_version": self.store.schema_version()}

    def failures(self, limit: int | None = None) -> list[Failure]:
        """Inputs that could not be stored, with the reason."""
        return self.store.failure_rows(limit)
