"""SQLite backend: one file, WAL mode, FTS5 for search; the default because it needs no server.

WAL lets `saidwhat search` read while an ingest writes; `BEGIN IMMEDIATE` takes the write lock at the start
of a batch, so two ingests into one file take turns instead of failing half-way with SQLITE_BUSY.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from saidwhat.corpus.records import SearchHit
from saidwhat.errors import StoreError, UsageError
from saidwhat.store.queries import ReadQueries, search_filters
from saidwhat.store.schema import statements

SEARCH_WINDOW = 5_000
_TERM = re.compile(r'(-?)"([^"]*)"|(\S+)')


def fts5_query(text: str) -> str:
    """Turn what a person types into a safe FTS5 expression.

    Words must all match (AND); "double quotes" make a phrase; OR between terms means either; a leading
    minus excludes a term; a trailing * is a prefix search. Everything is quoted, so no input can be an
    FTS5 syntax error or reach a column filter.
    """
    positive: list[str] = []
    negative: list[str] = []
    join_or = False
    for match in _TERM.finditer(text):
        minus, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare == "OR":
            join_or = bool(positive)
            continue
        if bare is not None:
            minus = "-" if bare.startswith("-") and len(bare) > 1 else ""
            phrase = bare[1:] if minus else bare
        prefix = phrase.endswith("*") and bare is not None
        core = phrase.rstrip("*") if prefix else phrase
        if not re.search(r"[^\W_]", core):
            continue
        term = '"' + core.replace('"', '""') + '"' + ("*" if prefix else "")
        if minus:
            negative.append(term)
        elif join_or and positive:
            positive[-1] = f"({positive[-1]} OR {term})"
            join_or = False
        else:
            positive.append(term)
    if not positive:
        raise UsageError(f"search query {text!r} has no words to look for")
    expr = " AND ".join(positive)
    for term in negative:
        expr = f"({expr}) NOT {term}"
    return expr


class SQLiteStore(ReadQueries):
    """The corpus in one SQLite file (see module docstring)."""

    dialect = "sqlite"

    def __init__(self, path: str, *, create: bool = True) -> None:
        self.url = path
        if path != ":memory:" and not create and not Path(path).exists():
            raise UsageError(
                f"no corpus database at {path}; create one with `saidwhat ingest PATH --db {path}`"
            )
        if path != ":memory:" and Path(path).is_dir():
            raise UsageError(f"--db {path} is a directory; give a file path")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=120, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode = WAL")
            for pragma in (
                "synchronous = NORMAL",
                "foreign_keys = ON",
                "cache_size = -524288",
                "temp_store = MEMORY",
                "mmap_size = 4294967296",
                "busy_timeout = 120000",
            ):
                self.conn.execute(f"PRAGMA {pragma}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path} as a SQLite corpus: {exc}") from exc
        self._in_transaction = False

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.conn.execute(sql, tuple(params))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        cursor = self.conn.execute(sql, tuple(params))
        while rows := cursor.fetchmany(1000):
            yield from rows

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        if self._in_transaction:
            raise StoreError("nested write transaction")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.url}: cannot start a write: {exc}") from exc
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._in_transaction = False

    def run_script(self, script: str) -> None:
        for statement in statements(script):
            self.execute(statement)

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return f"{column} IN ({','.join('?' * len(values))})", list(values)

    def close(self) -> None:
        self.conn.close()

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
        """Quotes matching `query`, best first (BM25 over quote text and speaker name).

        BM25 is computed for at most `SEARCH_WINDOW` matches, the most recently stored ones: ranking every
        match of a word found in a hundred thousand quotes costs more than a person waits, and a query that
        broad is better served newest first. Below the window the ranking is exact.
        """
        filters, extra = search_filters(speaker, since, until, kind)
        params: list[Any] = [fts5_query(query), *extra]
        joins = ""
        if filters:
            joins = " JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
        where = "".join(f" AND {f}" for f in filters)
        window = (
            "SELECT quotes_fts.rowid AS rowid, bm25(quotes_fts) AS score FROM quotes_fts"
            f"{joins} WHERE quotes_fts MATCH ?{where} ORDER BY quotes_fts.rowid DESC LIMIT ?"
        )
        sql = (
            "SELECT q.id, m.cluster_id, q.text, q.speaker, q.kind, a.id, a.source, a.url, a.published, "
            "a.title, "
            f"w.score FROM (SELECT rowid, score FROM ({window}) ORDER BY score, rowid DESC LIMIT ?) w "
            "JOIN quotes q ON q.id = w.rowid JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN cluster_members m ON m.quote_id = q.id ORDER BY w.score, q.id DESC"
        )
        params += [SEARCH_WINDOW, limit]
        return [
            SearchHit(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], -float(r[10]))
            for r in self.query(sql, params)
        ]
