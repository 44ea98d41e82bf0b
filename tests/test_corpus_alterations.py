"""The quote-identity target on a test set with known alterations (tests/data/corpus/alterations.py):
≥ 95% of altered appearances grouped with their original AND their change types right, ≤ 2% false groupings,
stock phrases never grouped. Linking alone on both backends, then end to end through the real pipeline."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).parent / "data" / "corpus"
sys.path.insert(0, str(HERE))
import alterations  # noqa: E402
from backends import BACKENDS, corpus_url  # noqa: E402
from fakes import Doc, fake_extract  # noqa: E402

from saidwhat.corpus import Corpus  # noqa: E402


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from corpus_url(request.param, tmp_path)


def records() -> list[dict[str, Any]]:
    with (HERE / "alterations.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def truth() -> list[dict[str, Any]]:
    with (HERE / "alterations_truth.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def check(result: dict[str, Any]) -> None:
    assert result["found"] == result["planted"]
    assert result["accuracy"] >= 0.95, result
    assert result["false_grouping_rate"] <= 0.02, result
    assert result["largest_stock_cluster"] == 0, result
    assert result["copies_grouped"] >= 0.95, result


def test_the_set_is_big_and_varied_enough_and_reproducible() -> None:
    t = truth()
    altered = [x for x in t if x["changes"]]
    assert len(altered) >= 200
    assert {k for x in altered for k in x["changes"]} == set(alterations.KINDS)
    rebuilt = [alterations.render(a)[0] for a in alterations.build()]
    assert rebuilt == records()


def test_linking_meets_the_target(db_url: str) -> None:
    docs = [
        Doc(r["id"], r["text"], r["title"], None, r["published"], r["url"],
            {"source": r["source"], "published": r["published"],
             "quotes": [dict(p, kind="direct", speaker_type="person") for p in r["planted"]]})
        for r in records()
    ]  # fmt: skip
    with Corpus(db_url) as corpus:
        corpus.ingest(docs, extractor=fake_extract)
        result = alterations.score(list(corpus.export_rows()), truth())
    check(result)
    assert all(int(v.split("/")[0]) / int(v.split("/")[1]) >= 0.9 for v in result["per_kind"].values()), (
        result
    )


@pytest.mark.slow
def test_end_to_end_through_the_pipeline(tmp_path: Path) -> None:
    with Corpus(str(tmp_path / "c.sqlite")) as corpus:
        report = corpus.ingest_paths([str(HERE / "alterations.jsonl")])
        assert report.articles == len(records()) and not report.failures
        result = alterations.score(list(corpus.export_rows()), truth())
    check(result)
