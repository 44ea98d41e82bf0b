"""Database fixtures for the corpus tests: a fresh SQLite file, or a fresh PostgreSQL schema.

PostgreSQL: `SAIDWHAT_TEST_POSTGRES` (default postgresql://127.0.0.1:5432/test). Each test gets its own
schema `saidwhat_test_<random>`, passed to saidwhat as `?schema=…` in the URL, and dropped afterwards.
Where no server answers the PostgreSQL tests skip with the reason, except under CI=true, where they fail:
CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "SAIDWHAT_TEST_POSTGRES"
PG_DEFAULT = "postgresql://127.0.0.1:5432/test"


def pg_base_url() -> str:
    return os.environ.get(PG_ENV) or PG_DEFAULT


def pg_available() -> str | None:
    """None when the server answers, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    try:
        with psycopg.connect(pg_base_url(), connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:
        return f"no PostgreSQL server answers at {pg_base_url()} ({str(exc).strip().splitlines()[0]})"
    return None


def require_pg() -> None:
    reason = pg_available()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot be skipped in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}; set {PG_ENV} to a server URL")


def pg_schema_url() -> Iterator[str]:
    """A URL to a fresh schema; the schema is dropped when the generator closes."""
    require_pg()
    import psycopg

    schema = f"saidwhat_test_{secrets.token_hex(6)}"
    with psycopg.connect(pg_base_url(), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg_base_url() else "?"
    try:
        yield f"{pg_base_url()}{sep}schema={schema}"
    finally:
        with psycopg.connect(pg_base_url(), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


BACKENDS = ("sqlite", "postgres")


def corpus_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A fresh corpus location on backend `kind` (for a module's own `db_url` fixture)."""
    if kind == "sqlite":
        yield str(tmp_path / "corpus.sqlite")
    else:
        yield from pg_schema_url()
