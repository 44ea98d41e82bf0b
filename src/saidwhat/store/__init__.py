"""Corpus storage: one interface (`SQLStore`), two backends, chosen by the `--db` value.

`open_store("corpus.sqlite")` opens (or creates) a SQLite file; `open_store("postgresql://…")` a PostgreSQL
database. Either way the schema is migrated to the latest version on open.
"""

from __future__ import annotations

import os

from saidwhat.store.base import SQLStore
from saidwhat.store.queries import ReadQueries

DEFAULT_DB = "saidwhat.sqlite"
ENV_DB = "SAIDWHAT_DB"

__all__ = ["DEFAULT_DB", "ENV_DB", "ReadQueries", "SQLStore", "default_db", "is_postgres", "open_store"]


def default_db() -> str:
    """`$SAIDWHAT_DB`, else `saidwhat.sqlite` in the current directory."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | None = None, *, create: bool = True) -> ReadQueries:
    """Open the corpus at `url` (a path or a postgresql:// URL) and bring its schema up to date.

    With `create=False` a missing database is a UsageError instead of a new empty corpus: read commands
    should say "no corpus here", not show an empty one.
    """
    target = url or default_db()
    store: ReadQueries
    if is_postgres(target):
        from saidwhat.store.postgres import PostgresStore

        store = PostgresStore(target, create=create)
    else:
        from saidwhat.store.sqlite import SQLiteStore

        store = SQLiteStore(target, create=create)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store
