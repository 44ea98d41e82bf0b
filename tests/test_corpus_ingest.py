"""Ingest reliability: bad inputs skipped and recorded, a SIGKILLed ingest resumed with nothing lost or
duplicated, two concurrent ingests into PostgreSQL. The kill and concurrency tests run the real CLI (and so
the real extraction pipeline) in subprocesses on the alteration test set."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "data" / "corpus"
sys.path.insert(0, str(HERE))
from backends import BACKENDS, corpus_url  # noqa: E402
from fakes import Doc, LineErr, article, fake_extract  # noqa: E402

from saidwhat.corpus import Corpus  # noqa: E402

ARTICLES = HERE / "alterations.jsonl"
N_ARTICLES = sum(1 for _ in ARTICLES.open(encoding="utf-8"))
QUOTE = "We will not raise taxes on working families, and I sent [the president] a letter saying so."


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from corpus_url(request.param, tmp_path)


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    yield from corpus_url("postgres", tmp_path)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "saidwhat.cli", *args]


def count(db: str, table: str) -> int:
    with Corpus(db, create=False) as corpus:
        return corpus.stats()[table]


def assert_consistent(corpus: Corpus) -> None:
    """No duplicate articles or quotes, and every cluster's counters match its members."""
    q = corpus.store.query
    assert (
        q("SELECT COUNT(*) FROM articles")[0][0] == q("SELECT COUNT(DISTINCT dedup_key) FROM articles")[0][0]
    )
    assert (
        q("SELECT COUNT(*) FROM quotes")[0][0]
        == q("SELECT COUNT(*) FROM (SELECT DISTINCT article_id, position FROM quotes) t")[0][0]
    )
    bad = q(
        "SELECT c.id FROM clusters c LEFT JOIN (SELECT cluster_id, COUNT(*) AS n FROM cluster_members "
        "GROUP BY cluster_id) m ON m.cluster_id = c.id WHERE COALESCE(m.n, 0) <> c.n_quotes"
    )
    assert bad == []
    orphans = q("SELECT COUNT(*) FROM quotes q JOIN quote_fingerprints f ON f.quote_id = q.id "
                "LEFT JOIN cluster_members m ON m.quote_id = q.id WHERE m.quote_id IS NULL")  # fmt: skip
    assert orphans[0][0] == 0


def test_bad_records_are_skipped_recorded_and_the_rest_stored(db_url: str) -> None:
    docs = [
        article("ok1", [(QUOTE, "Joe Biden")]),
        LineErr("feed.jsonl", 2, "invalid JSON (Expecting value at column 1)"),
        Doc("boom", "This one breaks the extractor.", meta={"explode": True}, line=3),
        article("ok2", [(QUOTE.replace("raise", "hike"), "Joe Biden")]),
    ]
    with Corpus(db_url) as corpus:
        report = corpus.ingest(docs, extractor=fake_extract)
        assert (report.articles, len(report.failures)) == (2, 2)
        reasons = {f.source: f.reason for f in corpus.failures()}
        assert reasons["feed.jsonl"].startswith("invalid JSON")
        assert "cannot parse document boom" in reasons["boom"]
        assert corpus.stats()["clusters"] == 1
        # the rerun changes nothing that is stored; it only counts the failures again
        again = corpus.ingest(docs, extractor=fake_extract)
        assert (again.articles, again.duplicates) == (0, 2)
        assert corpus.stats()["articles"] == 2


def test_killed_ingest_resumes_without_loss_or_duplicates(db_url: str, tmp_path: Path) -> None:
    db = db_url
    proc = subprocess.Popen(
        cli("ingest", str(ARTICLES), "--db", db, "--batch-size", "8", "--no-progress"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            stored = count(db, "articles")
        except Exception:  # the schema may not exist yet
            stored = 0
        if stored > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, (
        f"ingest ended before it could be killed: {proc.stderr.read() if proc.stderr else ''}"
    )
    time.sleep(0.3)  # land somewhere inside a later batch
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = count(db, "articles")
    assert 0 < partial < N_ARTICLES
    done = subprocess.run(cli("ingest", str(ARTICLES), "--db", db, "--format", "jsonl"), capture_output=True,
                          text=True, timeout=600, check=True)  # fmt: skip
    assert f'"duplicates": {partial}' in done.stdout  # what was committed is skipped, not re-extracted
    with Corpus(db, create=False) as corpus:
        assert corpus.stats()["articles"] == N_ARTICLES
        assert_consistent(corpus)
        resumed = corpus.stats()
    with Corpus(str(tmp_path / "reference.sqlite")) as reference:
        reference.ingest_paths([str(ARTICLES)])
        expected = reference.stats()
    assert resumed == expected


def test_two_concurrent_ingests_into_postgres(pg_url: str, tmp_path: Path) -> None:
    url = pg_url
    half = tmp_path / "half.jsonl"
    lines = ARTICLES.read_text(encoding="utf-8").splitlines(keepends=True)
    half.write_text("".join(lines[: len(lines) // 2 + 50]), encoding="utf-8")  # overlaps the full file
    env = {**os.environ}
    procs = [
        subprocess.Popen(cli("ingest", str(path), "--db", url, "--batch-size", "16", "--no-progress"),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        for path in (ARTICLES, half)
    ]  # fmt: skip
    for proc in procs:
        assert proc.wait(timeout=600) == 0, proc.stderr.read() if proc.stderr else ""
    with Corpus(url, create=False) as corpus:
        assert corpus.stats()["articles"] == N_ARTICLES
        assert_consistent(corpus)
        quotes = corpus.stats()["quotes"]
    with Corpus(str(tmp_path / "reference.sqlite")) as reference:
        reference.ingest_paths([str(ARTICLES)])
        assert reference.stats()["quotes"] == quotes
