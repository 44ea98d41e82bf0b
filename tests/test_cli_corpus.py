"""The corpus commands end to end, through the real extraction pipeline, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent / "data" / "corpus"
sys.path.insert(0, str(HERE))
from backends import BACKENDS, corpus_url  # noqa: E402

from saidwhat.cli import main  # noqa: E402

CHANGES = {"removed", "added", "replaced", "brackets", "truncated", "speaker"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The alteration test set's articles about its first eight original quotes (~40 articles)."""
    truth = [json.loads(line) for line in (HERE / "alterations_truth.jsonl").open(encoding="utf-8")]
    keep = {t["article_id"] for t in truth if t["group"] is not None and t["group"] < 8}
    path = tmp_path_factory.mktemp("cli") / "sample.jsonl"
    with (HERE / "alterations.jsonl").open(encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        out.writelines(line for line in fh if json.loads(line)["id"] in keep)
    return path


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path, sample: Path) -> Iterator[str]:
    """A corpus holding the sample, ingested through `saidwhat ingest`."""
    for url in corpus_url(request.param, tmp_path):
        main(["ingest", str(sample), "--db", url, "--no-progress"])
        yield url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    main(list(args))
    return capsys.readouterr().out


def fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("saidwhat: error: ")
    return err


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_ingest_is_idempotent_and_stats_has_the_fixed_shape(
    db: str, sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    n = sum(1 for _ in sample.open())
    (stats,) = jsonl(run(capsys, "stats", "--db", db, "--format", "jsonl"))
    assert list(stats) == ["articles", "quotes", "speakers", "clusters", "failures"]
    assert stats["articles"] == n and stats["failures"] == 0 and stats["clusters"] >= 8
    out = run(capsys, "ingest", str(sample), "--db", db, "--no-progress")
    assert "ingested 0 new article(s)" in out and f"skipped {n} already stored" in out
    assert jsonl(run(capsys, "stats", "--db", db, "--format", "jsonl"))[0] == stats
    table = run(capsys, "stats", "--db", db)
    assert "articles" in table and "altered_clusters" in table


def test_variants_jsonl_contract(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    clusters = jsonl(run(capsys, "variants", "--db", db, "--format", "jsonl"))
    assert clusters
    scores = [c["change_score"] for c in clusters]
    assert scores == sorted(scores, reverse=True)  # most changed first
    seen: set[str] = set()
    for c in clusters:
        assert set(c["first"]) >= {"article_id", "published", "quote_id", "text", "speaker"}
        assert any(a["changes"] for a in c["appearances"])
        for a in c["appearances"]:
            assert set(a) >= {"article_id", "published", "quote_id", "text", "speaker", "changes"}
            seen.update(ch["type"] for ch in a["changes"])
    assert seen <= CHANGES and len(seen) >= 4
    only = jsonl(run(capsys, "variants", "--db", db, "--format", "jsonl", "--change", "speaker"))
    assert only and all(
        any(ch["type"] == "speaker" for a in c["appearances"] for ch in a["changes"]) for c in only
    )
    table = run(capsys, "variants", "--db", db, "--limit", "3")
    assert table.splitlines()[0].split()[:3] == ["cluster", "appearances", "altered"]
    assert len(table.splitlines()) == 2 + min(3, len(clusters))


def test_quote_shows_first_appearance_timeline_and_diffs(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = jsonl(run(capsys, "variants", "--db", db, "--format", "jsonl", "--limit", "1"))[0]
    (view,) = jsonl(run(capsys, "quote", str(first["cluster_id"]), "--db", db, "--format", "jsonl"))
    assert view["first"] == first["first"] and view["appearances"] == first["appearances"]
    table = run(capsys, "quote", f"c{first['cluster_id']}", "--db", db)
    assert "first appearance:" in table and first["first"]["article_id"] in table
    by_quote = run(
        capsys, "quote", f"q{first['appearances'][0]['quote_id']}", "--db", db, "--format", "jsonl"
    )
    assert jsonl(by_quote)[0]["cluster_id"] == first["cluster_id"]


def test_search_with_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # a content word (PostgreSQL's English configuration drops stop words such as "we")
    word = "library"
    hits = jsonl(run(capsys, "search", word, "--db", db, "--format", "jsonl", "--limit", "50"))
    assert hits and all(
        {"quote_id", "cluster_id", "text", "speaker", "article_id", "published"} <= set(h) for h in hits
    )
    speaker = next(h["speaker"] for h in hits if h["speaker"])
    mine = jsonl(run(capsys, "search", word, "--db", db, "--format", "jsonl", "--speaker", speaker))
    assert mine and all(speaker.split()[-1] in (h["speaker"] or "") for h in mine)
    late = jsonl(run(capsys, "search", word, "--db", db, "--format", "jsonl", "--since", "2024-05-15"))
    assert all(h["published"] >= "2024-05-15" for h in late)
    early = jsonl(run(capsys, "search", word, "--db", db, "--format", "jsonl", "--until", "2024-05-05"))
    assert all(h["published"] < "2024-05-06" for h in early)
    assert run(capsys, "search", word, "--db", db, "--kind", "direct").startswith("quote")


def test_speakers_and_export(db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    speakers = jsonl(run(capsys, "speakers", "--db", db, "--format", "jsonl"))
    assert speakers and speakers[0]["n_quotes"] >= speakers[-1]["n_quotes"]
    assert "speaker" in run(capsys, "speakers", "--db", db).splitlines()[0]
    rows = jsonl(run(capsys, "export", "--db", db))
    (stats,) = jsonl(run(capsys, "stats", "--db", db, "--format", "jsonl"))
    assert len(rows) == stats["quotes"]
    assert {"quote_id", "article_id", "text", "speaker", "cluster_id", "changes"} <= set(rows[0])
    table = list(csv.DictReader(io.StringIO(run(capsys, "export", "--db", db, "--format", "csv"))))
    assert len(table) == len(rows) and table[0]["quote_id"] == str(rows[0]["quote_id"])
    target = tmp_path / "quotes.parquet"
    try:
        import pyarrow.parquet as pq
    except ImportError:
        err = fails(capsys, "export", "--db", db, "--format", "parquet", "-o", str(target))
        assert "pip install saidwhat[parquet]" in err
    else:
        run(capsys, "export", "--db", db, "--format", "parquet", "-o", str(target))
        assert pq.read_table(target).num_rows == len(rows)


def test_usage_errors_are_one_line_exit_2(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "--format" in fails(capsys, "stats", "--db", db, "--format", "xml")
    assert "no corpus" in fails(capsys, "stats", "--db", str(tmp_path / "nothing.sqlite"))
    assert "no quote cluster with id 999999" in fails(capsys, "quote", "999999", "--db", db)
    assert "not a cluster id" in fails(capsys, "quote", "abc", "--db", db)
    assert "--since" in fails(capsys, "search", "taxes", "--db", db, "--since", "yesterday")
    assert "no words" in fails(capsys, "search", "--db", db, "--", "?!")
    assert "unknown change type" in fails(capsys, "variants", "--db", db, "--change", "moved")
    assert "parquet export needs --output" in fails(capsys, "export", "--db", db, "--format", "parquet")
    assert "no such file" in fails(capsys, "ingest", str(tmp_path / "missing.jsonl"), "--db", db)


def test_ingest_from_stdin(tmp_path: Path, sample: Path) -> None:
    db = str(tmp_path / "stdin.sqlite")
    first = sample.read_text(encoding="utf-8").splitlines()[0]
    command = [sys.executable, "-m", "saidwhat.cli"]
    ingest = [*command, "ingest", "-", "--db", db, "--format", "jsonl"]
    done = subprocess.run(ingest, input=first + "\n", capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(done.stdout)["articles"] == 1
    stats_cmd = [*command, "stats", "--db", db, "--format", "jsonl"]
    stats = subprocess.run(stats_cmd, capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(stats.stdout)["articles"] == 1


def test_corrupt_and_hostile_files_are_skipped_and_summarised(
    tmp_path: Path, sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = tmp_path / "messy"
    (messy / "sub").mkdir(parents=True)
    (messy / "sub" / "good.jsonl").write_text(
        "".join(sample.read_text().splitlines(True)[:3]), encoding="utf-8"
    )
    (messy / "bad.jsonl.gz").write_bytes(b"\x9b_not gzip at all" * 100)
    (messy / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (messy / "empty.html").write_text("")
    text = (
        "“We will not raise taxes on working families, and I sent the council a letter,” Mayor Ann Lee said."
    )
    records = [
        {"id": "x1'; DROP TABLE quotes; --", "published": "31/31/2024", "title": "T" * 20_000, "text": text},
        {"id": 3.5, "text": "an id that is neither a string nor an integer"},
    ]
    (messy / "sub" / "odd.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "messy.sqlite")
    out = run(capsys, "ingest", str(messy), str(messy / "bad.jsonl.gz"), "--db", db, "--format", "jsonl")
    (summary,) = jsonl(out)
    assert summary["articles"] == 4 and summary["failures"] == 5
    reasons = " | ".join(f["reason"] for f in summary["failure_details"])
    for expected in ("corrupt gzip", "empty", "binary", '"id" must be'):
        assert expected in reasons
    (stats,) = jsonl(run(capsys, "stats", "--db", db, "--format", "jsonl"))
    assert stats == {**stats, "articles": 4, "failures": 4}  # the same gzip failure twice is one row
    (hostile,) = [r for r in jsonl(run(capsys, "export", "--db", db)) if r["article_id"].startswith("x1")]
    assert hostile["article_id"] == records[0]["id"] and hostile["published"] is None
