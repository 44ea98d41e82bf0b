"""PostgreSQL backend: for a corpus shared by many readers and several concurrent ingests.

psycopg 3 is imported only when a postgresql:// URL is opened, so SQLite users never need it. Writers
serialise their batches on a transaction-level advisory lock (one per database and schema): extraction,
the slow part, runs in parallel, and linking sees every quote committed before it. A `schema=NAME` query
parameter in the URL selects (and creates) a schema, which is how tests get a private namespace.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from saidwhat.corpus.records import SearchHit
from saidwhat.errors import StoreError, UsageError
from saidwhat.store.queries import ReadQueries, search_filters
from saidwhat.store.schema import statements

SEARCH_WINDOW = 5_000
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def split_schema(url: str) -> tuple[str, str | None]:
    """Remove saidwhat's own `schema` parameter from a libpq URL (libpq would reject it)."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in params if k == "schema"), None)
    rest = [(k, v) for k, v in params if k != "schema"]
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise UsageError(f"schema name {schema!r} must be letters, digits and underscores")
    return urlunsplit(parts._replace(query=urlencode(rest))), schema


class PostgresStore(ReadQueries):
    """The corpus in a PostgreSQL database (see module docstring)."""

    dialect = "postgres"

    def __init__(self, url: str, *, create: bool = True) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs psycopg: `pip install 'psycopg[binary]'`") from exc
        self._psycopg = psycopg
        self.url = redact(url)
        dsn, schema = split_schema(url)
        try:
            self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {self.url}: {first}") from exc
        if schema:
            if create:
                self.conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            self.conn.execute(f'SET search_path TO "{schema}"')
        where = self.conn.execute("SELECT current_database(), current_schema()").fetchone()
        if where is None or where[1] is None:
            raise StoreError(f"{self.url}: schema {schema!r} does not exist")
        if not create and not self.query(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_name = 'schema_migrations'"
        ):
            raise UsageError(f"no corpus in {self.url}; create one with `saidwhat ingest PATH --db URL`")
        digest = hashlib.blake2b(f"saidwhat:{where[0]}:{where[1]}".encode(), digest_size=8).digest()
        self.lock_key = int.from_bytes(digest, "big", signed=True)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            cursor = self.conn.execute(self._sql(sql), tuple(params))
            return cursor.fetchall() if cursor.description else []
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {str(exc).strip().splitlines()[0]}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.conn.execute(self._sql(sql), tuple(params))
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {str(exc).strip().splitlines()[0]}") from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {str(exc).strip().splitlines()[0]}") from exc

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        with self.conn.transaction(), self.conn.cursor(name="saidwhat_stream") as cursor:
            cursor.execute(self._sql(sql), tuple(params))
            while rows := cursor.fetchmany(1000):
                yield from rows

    @contextmanager
    def write_transaction(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (self.lock_key,))
                yield
        except self._psycopg.Error as exc:
            raise StoreError(f"{self.url}: {str(exc).strip().splitlines()[0]}") from exc

    def run_script(self, script: str) -> None:
        for statement in statements(script):
            self.conn.execute(statement)

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?)", [list(values)]

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
        """Quotes matching `query` (web-search syntax: words, "phrases", OR, -word), best first."""
        if not re.search(r"[^\W_]", query):
            raise UsageError(f"search query {query!r} has no words to look for")
        filters, extra = search_filters(speaker, since, until, kind)
        params: list[Any] = [query, *extra]
        joins = " JOIN articles a ON a.id = q.article_id" if since or until else ""
        where = "".join(f" AND {f}" for f in filters)
        # Rank only the newest SEARCH_WINDOW matches (as on SQLite): ranking reads every match's tsvector.
        # `q.id + 0` keeps the planner on the GIN index: once the table is analysed it would otherwise walk
        # the primary key backwards and test every row, which is ruinous for a rare word.
        window = (
            f"SELECT q.id, q.tsv, tq FROM quotes q CROSS JOIN websearch_to_tsquery('english', ?) tq{joins} "
            f"WHERE q.tsv @@ tq{where} ORDER BY q.id + 0 DESC LIMIT ?"
        )
        sql = (
            "SELECT q.id, m.cluster_id, q.text, q.speaker, q.kind, a.id, a.source, a.url, a.published, "
            "a.title, "
            f"w.score FROM (SELECT id, ts_rank_cd(tsv, tq) AS score FROM ({window}) v ORDER BY score DESC, "
            "id DESC "
            "LIMIT ?) w JOIN quotes q ON q.id = w.id JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN cluster_members m ON m.quote_id = q.id ORDER BY w.score DESC, q.id DESC"
        )
        params += [SEARCH_WINDOW, limit]
        return [
            SearchHit(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], float(r[10]))
            for r in self.query(sql, params)
        ]
