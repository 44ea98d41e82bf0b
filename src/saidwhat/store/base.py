"""The storage interface both backends implement, and the SQL they share.

One class per backend (`SQLiteStore`, `PostgresStore`) supplies the connection, the dialect's few
differences (placeholders, the write lock, full-text search) and nothing else; every other statement is
written once here, in the common subset of SQLite and PostgreSQL, with `?` placeholders.

Writes happen only inside `write_transaction()`: one batch of articles, their quotes, speakers and links
commit together or not at all, which is what makes an interrupted ingest resumable with nothing lost or
duplicated. Nothing here ever deletes.
"""

from __future__ import annotations

import itertools
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from saidwhat.corpus.linking import ClusterHead, LinkInput, LinkWrites
from saidwhat.errors import StoreError
from saidwhat.models import Quote
from saidwhat.store import schema

CHUNK = 900  # values per IN (...) list: below SQLite's historic 999-variable limit


def now_iso() -> str:
    """UTC now as sortable ISO 8601 with microseconds: the ingest-time tie-breaker for first appearance."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article as stored; `id` may get a `~N` suffix when a different article already has that id."""

    id: str
    url: str | None
    source: str | None
    published: str | None
    published_raw: str | None
    title: str | None
    author: str | None
    text: str
    content_hash: str
    dedup_key: str
    ingested_at: str
    meta: str
    warnings: str


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """Where `insert_article` put an article, and which stored version it supersedes."""

    id: str
    version: int
    previous_id: str | None


class SQLStore(ABC):
    """Shared SQL for both backends. Subclasses set `dialect` and implement the abstract primitives."""

    dialect: str = ""
    url: str = ""

    # -- primitives -------------------------------------------------------------------------------------
    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return all rows (an empty list for statements without rows)."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows."""

    @abstractmethod
    def write_transaction(self) -> AbstractContextManager[None]:
        """A transaction holding the corpus write lock (only one writer links at a time)."""

    @abstractmethod
    def run_script(self, script: str) -> None:
        """Apply a migration script (inside the current transaction)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    @abstractmethod
    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """`column IN (values)` as SQL and parameters in this dialect."""

    # -- schema -----------------------------------------------------------------------------------------
    def migrate(self) -> None:
        """Apply every migration the database has not seen yet, each in its own transaction."""
        with self.write_transaction():
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in self.query("SELECT version FROM schema_migrations")}
        if done and max(done) > schema.LATEST:
            raise StoreError(
                f"{self.url}: schema version {max(done)} is newer than this saidwhat knows "
                f"({schema.LATEST}); "
                "upgrade saidwhat"
            )
        for migration in schema.MIGRATIONS:
            if migration.version in done:
                continue
            with self.write_transaction():
                if self.query("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)):
                    continue  # another process applied it while we waited for the lock
                self.run_script(migration.sqlite if self.dialect == "sqlite" else migration.postgres)
                self.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, now_iso()),
                )

    def schema_version(self) -> int:
        rows = self.query("SELECT MAX(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    def get_setting(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, key: str, value: str) -> None:
        self.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
            "excluded.value",
            (key, value),
        )

    # -- articles, quotes, speakers ------------------------------------------------------------------------
    def existing_dedup_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of `keys` are stored already (lets a rerun skip extraction of what it finished before)."""
        found: set[str] = set()
        for part in chunks(sorted(set(keys))):
            where, params = self.in_list("dedup_key", part)
            found.update(
                row[0] for row in self.query(f"SELECT dedup_key FROM articles WHERE {where}", params)
            )
        return found

    def insert_article(self, row: ArticleRow) -> StoredArticle | None:
        """Store `row` unless the same content from the same origin is stored (then None).

        A changed text under a stored url (or, without a url, a stored id) is a new version: it is kept
        beside the old one, with `version` counting up and `previous_id` pointing back.
        """
        # One round trip for the common case: is it stored, is its url stored, is its id taken?
        known = self.query(
            "SELECT id, version, url, dedup_key, ingested_at FROM articles "
            "WHERE dedup_key = ? OR url = ? OR id = ?",
            (row.dedup_key, row.url, row.id),
        )
        if any(r[3] == row.dedup_key for r in known):
            return None
        same_url = [r for r in known if row.url and r[2] == row.url]
        previous: tuple[Any, ...] | None = max(same_url, key=lambda r: (int(r[1]), str(r[4])), default=None)
        article_id = row.id
        taken = [r for r in known if r[0] == row.id]
        if taken:
            if previous is None and not row.url and not taken[0][2]:
                previous = self._latest_with_base(article_id)
            n = 2
            while self.query("SELECT 1 FROM articles WHERE id = ?", (f"{row.id}~{n}",)):
                n += 1
            article_id = f"{row.id}~{n}"
        version = int(previous[1]) + 1 if previous else 1
        previous_id = str(previous[0]) if previous else None
        self.execute(
            "INSERT INTO articles (id, url, source, published, published_raw, title, author, text, "
            "content_hash, "
            "dedup_key, version, previous_id, ingested_at, meta, warnings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                row.url,
                row.source,
                row.published,
                row.published_raw,
                row.title,
                row.author,
                row.text,
                row.content_hash,
                row.dedup_key,
                version,
                previous_id,
                row.ingested_at,
                row.meta,
                row.warnings,
            ),
        )
        return StoredArticle(article_id, version, previous_id)

    def _latest_with_base(self, base: str) -> tuple[Any, ...]:
        rows = self.query("SELECT id, version FROM articles WHERE id = ?", (base,))
        best = rows[0]
        n = 2
        while True:
            more = self.query("SELECT id, version FROM articles WHERE id = ?", (f"{base}~{n}",))
            if not more:
                return best
            best = max(best, more[0], key=lambda r: int(r[1]))
            n += 1

    def speaker_ids(
        self, speakers: Sequence[tuple[str, str, str, str | None]], seen_at: str
    ) -> dict[str, int]:
        """Upsert speakers given as (norm_name, name, type, alias) and return norm_name -> id.

        A speaker first stored as 'unknown' type takes the first real type seen later.
        """
        if not speakers:
            return {}
        first: dict[str, tuple[str, str]] = {}
        for norm, name, kind, _ in speakers:
            if norm not in first or (first[norm][1] == "unknown" and kind != "unknown"):
                first[norm] = (name, kind)
        self.executemany(
            "INSERT INTO speakers (name, norm_name, type, first_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (norm_name) DO UPDATE SET type = CASE WHEN speakers.type = 'unknown' "
            "THEN excluded.type ELSE speakers.type END",
            [(name, norm, kind, seen_at) for norm, (name, kind) in sorted(first.items())],
        )
        ids: dict[str, int] = {}
        for part in chunks(sorted(first)):
            where, params = self.in_list("norm_name", part)
            ids.update(
                (r[1], int(r[0]))
                for r in self.query(f"SELECT id, norm_name FROM speakers WHERE {where}", params)
            )
        aliases = sorted({(ids[norm], alias) for norm, _, _, alias in speakers if alias})
        if aliases:
            self.executemany(
                "INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING",
                aliases,
            )
        return ids

    def next_id(self, table: str) -> int:
        """The next free id of `table`: safe because ids are only taken under the write lock."""
        return int(self.query(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")[0][0])

    def insert_quotes(
        self,
        article_id: str,
        quotes: Sequence[Quote],
        speaker_ids: Sequence[int | None],
        start: int | None = None,
    ) -> list[int]:
        """Store an article's quotes in order; returns their ids (from `start`, else the next free id)."""
        start = self.next_id("quotes") if start is None else start
        rows = []
        for n, (q, sid) in enumerate(zip(quotes, speaker_ids, strict=True)):
            cue, mention = q.cue, q.speaker_mention
            rows.append(
                (
                    start + n,
                    article_id,
                    n,
                    q.text,
                    q.kind,
                    q.start,
                    q.end,
                    json.dumps([list(s) for s in q.spans]),
                    cue.text if cue else None,
                    cue.start if cue else None,
                    cue.end if cue else None,
                    q.speaker,
                    sid,
                    mention.text if mention else None,
                    mention.start if mention else None,
                    mention.end if mention else None,
                    q.speaker_type,
                    float(q.confidence),
                )
            )
        self.executemany(
            "INSERT INTO quotes (id, article_id, position, text, kind, start_char, end_char, spans, cue, "
            "cue_start, "
            "cue_end, speaker, speaker_id, speaker_mention, speaker_mention_start, speaker_mention_end, "
            "speaker_type, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return [start + n for n in range(len(rows))]

    def record_failures(self, failures: Iterable[tuple[str, int, str]]) -> int:
        """Remember (source, line, reason) triples; the same failure seen again counts an attempt."""
        stamp = now_iso()
        rows = [(source, line, reason[:2000], stamp) for source, line, reason in failures]
        if rows:
            self.executemany(
                "INSERT INTO failures (source, line, reason, failed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (source, line, reason) DO UPDATE SET attempts = failures.attempts + 1, "
                "failed_at = excluded.failed_at",
                rows,
            )
        return len(rows)

    # -- the linker's LinkStore ---------------------------------------------------------------------------
    def exact_matches(self, hashes: Sequence[int]) -> dict[int, tuple[int, int]]:
        out: dict[int, tuple[int, int]] = {}
        for part in chunks(hashes):
            where, params = self.in_list("norm_hash", part)
            for h, qid, cid in self.query(
                f"SELECT norm_hash, MIN(quote_id), MIN(cluster_id) FROM quote_fingerprints WHERE {where} "
                "GROUP BY norm_hash",
                params,
            ):
                out[int(h)] = (int(qid), int(cid))
        return out

    def bucket_members(self, keys: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
        out: dict[int, list[tuple[int, int]]] = {}
        for part in chunks(keys):
            where, params = self.in_list("band_key", part)
            for key, qid, cid in self.query(
                f"SELECT band_key, quote_id, cluster_id FROM lsh_buckets WHERE {where}", params
            ):
                entries = out.get(key)
                if entries is None:
                    out[key] = [(qid, cid)]
                else:
                    entries.append((qid, cid))
        return out

    def full_buckets(self) -> set[int]:
        return {int(r[0]) for r in self.query("SELECT band_key FROM lsh_full_buckets")}

    def fingerprint_norms(self, quote_ids: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for part in chunks(quote_ids):
            where, params = self.in_list("quote_id", part)
            out.update(
                (int(q), str(n))
                for q, n in self.query(f"SELECT quote_id, norm FROM quote_fingerprints WHERE {where}", params)
            )
        return out

    def cluster_heads(self, cluster_ids: Sequence[int]) -> dict[int, ClusterHead]:
        out: dict[int, ClusterHead] = {}
        for part in chunks(cluster_ids):
            where, params = self.in_list("c.id", part)
            for cid, qid, text, speaker, published, ingested, n, altered, types, score in self.query(
                "SELECT c.id, c.first_quote_id, q.text, q.speaker, a.published, a.ingested_at, c.n_quotes, "
                "c.n_altered, c.change_types, c.change_score FROM clusters c "
                "JOIN quotes q ON q.id = c.first_quote_id JOIN articles a ON a.id = q.article_id "
                f"WHERE {where}",
                params,
            ):
                first = LinkInput(int(qid), text, speaker, published, ingested)
                kinds = frozenset(t for t in str(types).split(",") if t)
                out[int(cid)] = ClusterHead(int(cid), first, int(n), int(altered), kinds, float(score))
        return out

    def cluster_member_inputs(self, cluster_id: int) -> list[tuple[LinkInput, float]]:
        return [
            (LinkInput(int(qid), text, speaker, published, ingested), float(sim))
            for qid, text, speaker, published, ingested, sim in self.query(
                "SELECT q.id, q.text, q.speaker, a.published, a.ingested_at, m.similarity FROM "
                "cluster_members m "
                "JOIN quotes q ON q.id = m.quote_id JOIN articles a ON a.id = q.article_id "
                "WHERE m.cluster_id = ?",
                (cluster_id,),
            )
        ]

    def reserve_cluster_ids(self, n: int) -> Iterator[int]:
        return itertools.count(self.next_id("clusters"))

    def write_links(self, writes: LinkWrites) -> None:
        stamp = now_iso()
        new = [c for c in writes.clusters if c.new]
        old = [c for c in writes.clusters if not c.new]
        if new:
            self.executemany(
                "INSERT INTO clusters (id, first_quote_id, n_quotes, n_altered, change_types, change_score, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        c.cluster_id,
                        c.first_quote_id,
                        c.n_quotes,
                        c.n_altered,
                        c.change_types,
                        c.change_score,
                        stamp,
                        stamp,
                    )
                    for c in new
                ],
            )
        if old:
            self.executemany(
                "UPDATE clusters SET first_quote_id = ?, n_quotes = ?, n_altered = ?, change_types = ?, "
                "change_score = ?, updated_at = ? WHERE id = ?",
                [
                    (
                        c.first_quote_id,
                        c.n_quotes,
                        c.n_altered,
                        c.change_types,
                        c.change_score,
                        stamp,
                        c.cluster_id,
                    )
                    for c in old
                ],
            )
        if writes.members:
            self.executemany(
                "INSERT INTO cluster_members (quote_id, cluster_id, similarity, change_types, "
                "change_score, changes) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (m.quote_id, m.cluster_id, m.similarity, m.change_types, m.change_score, m.changes)
                    for m in writes.members
                ],
            )
        if writes.member_updates:
            self.executemany(
                "UPDATE cluster_members SET change_types = ?, change_score = ?, changes = ? WHERE quote_id "
                "= ?",
                [(m.change_types, m.change_score, m.changes, m.quote_id) for m in writes.member_updates],
            )
        if writes.fingerprints:
            self.executemany(
                "INSERT INTO quote_fingerprints (quote_id, cluster_id, norm_hash, norm) VALUES (?, ?, ?, ?)",
                writes.fingerprints,
            )
        if writes.full_buckets:
            self.executemany(
                "INSERT INTO lsh_full_buckets (band_key) VALUES (?) ON CONFLICT DO NOTHING",
                [(k,) for k in writes.full_buckets],
            )
        if writes.buckets:
            self.executemany(
                "INSERT INTO lsh_buckets (band_key, quote_id, cluster_id) VALUES (?, ?, ?) ON CONFLICT DO "
                "NOTHING",
                writes.buckets,
            )
