"""The corpus store on both backends: schema and migrations, idempotency, versions, hostile input, search.

Every test runs against a real SQLite file and a real PostgreSQL schema (see tests/data/corpus/backends.py).
Quotes come from a tiny deterministic extractor so these tests exercise storage, not NLP.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data" / "corpus"))
from backends import BACKENDS, corpus_url
from fakes import Doc, LineErr, article, fake_extract

from saidwhat.corpus import Corpus
from saidwhat.errors import StoreError, UsageError
from saidwhat.store import open_store, schema


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from corpus_url(request.param, tmp_path)


LONG = "We will not raise taxes on working families, and I sent the president a letter saying so."


def test_schema_is_created_once_and_versioned(db_url: str) -> None:
    with Corpus(db_url) as corpus:
        assert corpus.store.schema_version() == schema.LATEST
    with Corpus(db_url) as corpus:  # reopening applies nothing twice
        rows = corpus.store.query("SELECT version FROM schema_migrations")
        assert [r[0] for r in rows] == [m.version for m in schema.MIGRATIONS]
        for table in ("articles", "quotes", "speakers", "clusters", "cluster_members", "failures"):
            corpus.store.query(f"SELECT COUNT(*) FROM {table}")
        for view in ("quote_details", "cluster_appearances", "speaker_counts"):
            corpus.store.query(f"SELECT * FROM {view} LIMIT 1")


def test_a_newer_schema_is_refused(db_url: str) -> None:
    with Corpus(db_url) as corpus:
        corpus.store.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", (999, "future", "x")
        )
    with pytest.raises(StoreError, match="newer than this saidwhat"):
        Corpus(db_url)


def test_read_commands_do_not_create_a_corpus(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no corpus database"):
        Corpus(str(tmp_path / "missing.sqlite"), create=False)
    assert not (tmp_path / "missing.sqlite").exists()
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("this is not a database, just text " * 100)
    with pytest.raises(StoreError, match=r"notes\.sqlite"):
        Corpus(str(not_sqlite))


def test_same_article_twice_is_stored_once(db_url: str) -> None:
    docs = [article("a1", [(LONG, "Joe Biden")], "2024-01-01", url="https://x.example/1")]
    with Corpus(db_url) as corpus:
        first = corpus.ingest(docs, extractor=fake_extract)
        again = corpus.ingest(docs + docs, extractor=fake_extract)
        assert (first.articles, again.articles, again.duplicates) == (1, 0, 2)
        assert corpus.stats() == {"articles": 1, "quotes": 1, "speakers": 1, "clusters": 1, "failures": 0}


def test_changed_article_under_same_url_is_a_new_version(db_url: str) -> None:
    v1 = article("a1", [(LONG, "Joe Biden")], "2024-01-01", url="https://x.example/1")
    v2 = article(
        "a1", [(LONG.replace("raise", "hike"), "Joe Biden")], "2024-01-01", url="https://x.example/1"
    )
    other = Doc("a1", "A different article that reuses the id a1 but has no url.", meta={"quotes": []})
    with Corpus(db_url) as corpus:
        corpus.ingest([v1], extractor=fake_extract)
        report = corpus.ingest([v2, other], extractor=fake_extract)
        assert report.versions == 1
        rows = corpus.store.query("SELECT id, version, previous_id FROM articles ORDER BY ingested_at")
        assert rows[0] == ("a1", 1, None)
        assert rows[1][1:] == (2, "a1") and rows[1][0].startswith("a1~")
        assert rows[2][0].startswith("a1~") and rows[2][0] != rows[1][0]
        # both versions of the quote are kept and linked: the edit shows up as a variant
        (view,) = list(corpus.variants())
        assert view.appearances[0].change_types == ("replaced",)


def test_hostile_input_is_stored_verbatim_or_cleaned_with_a_note(db_url: str) -> None:
    evil = "Robert'); DROP TABLE articles; -- \" % _ ? $1 :name \\"
    quote_text = f"{evil} we will not raise taxes on working families, I promise you all {evil}"
    doc = Doc(
        evil,
        f"“{quote_text}” said {evil}.",
        title="T" * 100_000,
        url=f"https://x.example/{evil}",
        meta={
            "published": "the day after tomorrow",
            "source": evil,
            "quotes": [{"text": quote_text, "speaker": "Bobby Tables", "kind": "direct"}],
            "nested": {"deep": [1, 2, {"x": evil}]},
        },
    )
    nul = Doc("nul", "Text with a NUL \x00 byte and emoji 🦆 in it.", meta={"published": "2024-13-45"})
    with Corpus(db_url) as corpus:
        report = corpus.ingest([doc, nul], extractor=fake_extract)
        assert report.articles == 2 and not report.failures
        row = corpus.store.query(
            "SELECT id, source, published, published_raw, title, warnings, meta FROM articles WHERE id = ?",
            (evil,),
        )[0]
        assert row[0] == evil and row[1] == evil
        assert row[2] is None and row[3] == "the day after tomorrow"
        assert len(row[4]) == 4096
        warnings = json.loads(row[5])
        assert any("unparseable published date" in w for w in warnings)
        assert any("title cut" in w for w in warnings)
        assert json.loads(row[6])["nested"]["deep"][2]["x"] == evil
        text = corpus.store.query("SELECT text FROM articles WHERE id = ?", ("nul",))[0][0]
        assert "\x00" not in text and "🦆" in text
        # searching with the same metacharacters neither crashes nor injects
        for query in (
            evil,
            'taxes "unbalanced',
            "taxes OR",
            "-taxes families",
            "NEAR(taxes families)",
            "tax*",
        ):
            corpus.search(query)
        assert corpus.search("taxes families")[0].article_id == evil
        assert corpus.stats()["articles"] == 2


def test_search_needs_words(db_url: str) -> None:
    with Corpus(db_url) as corpus, pytest.raises(UsageError, match="no words"):
        corpus.search('"" -- ***')


def test_search_filters_and_ranking(db_url: str) -> None:
    docs = [
        article("a1", [(LONG, "Joe Biden")], "2024-01-01"),
        article("a2", [("Taxes are a matter for the states and the states alone, said the governor today.",
                        "Gavin Newsom")], "2024-02-01"),
        article("a3", [("Working families deserve a break on taxes this year, not another lecture.",
                        "Joe Biden")], "2024-03-01"),
    ]  # fmt: skip
    with Corpus(db_url) as corpus:
        corpus.ingest(docs, extractor=fake_extract)
        assert {h.article_id for h in corpus.search("taxes")} == {"a1", "a2", "a3"}
        assert {h.article_id for h in corpus.search("taxes", speaker="Biden")} == {"a1", "a3"}
        assert {h.article_id for h in corpus.search("taxes", since="2024-01-15")} == {"a2", "a3"}
        assert {h.article_id for h in corpus.search("taxes", until="2024-02-01")} == {"a1", "a2"}
        assert corpus.search("taxes", kind="indirect") == []
        assert corpus.search('"working families"')[0].article_id in {"a1", "a3"}
        hits = corpus.search("taxes", limit=2)
        assert len(hits) == 2 and hits[0].rank >= hits[1].rank
        with pytest.raises(UsageError, match="--since"):
            corpus.search("taxes", since="last tuesday")
        with pytest.raises(UsageError, match="--kind"):
            corpus.search("taxes", kind="paraphrase")


def test_failures_are_recorded_once_with_attempts(db_url: str) -> None:
    bad = LineErr("feed.jsonl", 3, "invalid JSON")
    with Corpus(db_url) as corpus:
        corpus.ingest([bad], extractor=fake_extract)
        corpus.ingest([bad], extractor=fake_extract)
        (failure,) = corpus.failures()
        assert (failure.source, failure.line, failure.attempts) == ("feed.jsonl", 3, 2)
        assert corpus.stats()["failures"] == 1


def test_speakers_with_aliases_and_counts(db_url: str) -> None:
    body = "“We will not raise taxes on working families this year or next,” the president said."
    doc = Doc("a1", body, meta={"quotes": [{
        "text": "We will not raise taxes on working families this year or next", "speaker": "Joe Biden",
        "speaker_type": "person", "speaker_mention": {"text": "the president", "start": 69, "end": 82},
    }]})  # fmt: skip
    with Corpus(db_url) as corpus:
        corpus.ingest([doc, article("a2", [("Pronoun speakers are not stored as people at all.", "he")])],
                      extractor=fake_extract)  # fmt: skip
        (row,) = corpus.speakers()
        assert (row.name, row.type, row.n_quotes, row.aliases) == (
            "Joe Biden",
            "person",
            1,
            ("the president",),
        )
        assert corpus.speakers("biden")[0].name == "Joe Biden" and corpus.speakers("harris") == []


def test_export_rows_are_flat_and_complete(db_url: str) -> None:
    docs = [article("a1", [(LONG, "Joe Biden"), ("No comment.", "Joe Biden")], "2024-01-01"),
            article("a2", [(LONG.replace("working ", ""), "Joe Biden")], "2024-01-02")]  # fmt: skip
    with Corpus(db_url) as corpus:
        corpus.ingest(docs, extractor=fake_extract)
        rows = list(corpus.export_rows())
    assert len(rows) == 3
    short = next(r for r in rows if r["text"] == "No comment.")
    assert short["cluster_id"] is None and short["is_first"] is None
    variant = next(r for r in rows if r["article_id"] == "a2")
    assert variant["change_types"] == ["removed"] and variant["is_first"] is False
    assert variant["changes"][0]["original"] == "working"


def test_sqlite_file_is_plain_and_readable_by_other_tools(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Corpus(str(path)) as corpus:
        corpus.ingest([article("a1", [(LONG, "Joe Biden")], "2024-01-01")], extractor=fake_extract)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = conn.execute("SELECT article_id, speaker, cluster_id FROM quote_details").fetchone()
    assert row == ("a1", "Joe Biden", 1)
    assert conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'taxes'").fetchall() == [(1,)]
    conn.close()


def test_open_store_defaults_to_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAIDWHAT_DB", str(tmp_path / "env.sqlite"))
    store = open_store()
    store.close()
    assert (tmp_path / "env.sqlite").exists()


def test_a_corpus_linked_with_other_settings_is_refused(db_url: str) -> None:
    with Corpus(db_url) as corpus:
        assert corpus.store.get_setting("linking") is not None
        corpus.store.execute("UPDATE settings SET value = ? WHERE key = ?", ("minhash 1x1", "linking"))
    with pytest.raises(StoreError, match="other settings"):
        Corpus(db_url)
