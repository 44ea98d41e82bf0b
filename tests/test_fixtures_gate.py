"""The fixture gate: saidwhat must get every hand-written phenomenon in tests/data/fixtures.jsonl right.

One test per fixture (its id names the phenomenon): every gold quote found (lenient match, EVAL.md),
with the right speaker (entity-name test) and kind, and no extra quote. A fixture the engine cannot pass
yet goes into KNOWN_FAILURES (xfail, not strict) with the reason in a comment.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from saidwhat.evaluate import match, quote_intervals, speaker_ok

KNOWN_FAILURES: list[str] = []

DATA = Path(__file__).parent / "data"
FIXTURES = [
    json.loads(line) for line in (DATA / "fixtures.jsonl").read_text(encoding="utf-8").splitlines() if line
]


def test_fixture_file_is_what_the_builder_writes() -> None:
    """Offsets are generated, never hand-edited: the file must equal the builder's output."""
    result = subprocess.run(
        [sys.executable, str(DATA / "build_fixtures.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_fixtures_are_consistent() -> None:
    assert len(FIXTURES) >= 30
    assert len({doc["id"] for doc in FIXTURES}) == len(FIXTURES)
    assert not set(KNOWN_FAILURES) - {doc["id"] for doc in FIXTURES}, "KNOWN_FAILURES names unknown fixtures"
    for doc in FIXTURES:
        text = doc["text"]
        assert doc["phenomenon"]
        for q in doc["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
            assert text[q["cue"][0] : q["cue"][1]] == q["cue_text"]
            frags = q.get("spans") or [[q["start"], q["end"]]]
            assert frags[0][0] == q["start"] and frags[-1][1] == q["end"]
            assert not any(s < q["cue"][1] and q["cue"][0] < e for s, e in frags), "cue inside the content"
            assert q["kind"] in ("direct", "indirect", "mixed")
            # a speaker named, or none where the text names no source (the question put to someone, what
            # "is expected to" frames)
            assert q["speaker"] or (q["speaker"] is None and q["cue_text"].lower() in ("asked", "expected"))


@pytest.fixture(scope="module")
def extract() -> Callable[..., Any]:
    pipeline = pytest.importorskip(
        "saidwhat.pipeline", reason="saidwhat.pipeline (extract) is not available yet"
    )
    fn: Callable[..., Any] = pipeline.extract
    return fn


def _describe(text: str, q: dict[str, Any]) -> str:
    frags = q.get("spans") or [[q["start"], q["end"]]]
    return " … ".join(repr(text[s:e]) for s, e in frags)


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(
            doc,
            id=doc["id"],
            marks=[pytest.mark.xfail(strict=False, reason="in KNOWN_FAILURES")]
            if doc["id"] in KNOWN_FAILURES
            else [],
        )
        for doc in FIXTURES
    ],
)
def test_fixture(doc: dict[str, Any], extract: Callable[..., Any]) -> None:
    text, gold = doc["text"], doc["quotes"]
    article = extract(text, id=doc["id"])
    pred = [q.to_dict() for q in article.quotes]
    bad = [0]
    gold_iv = [quote_intervals(text, q) for q in gold]
    pred_iv = [quote_intervals(text, q, bad) for q in pred]
    assert bad[0] == 0, "predicted offsets outside the text"
    pairs = match(gold_iv, pred_iv)
    problems = []
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if not speaker_ok(g, p, "name"):
            problems.append(
                f"speaker of {_describe(text, g)}: got {p.get('speaker')!r}, want {g['speaker']!r}"
            )
        if g["kind"] != p["kind"]:
            problems.append(f"kind of {_describe(text, g)}: got {p['kind']}, want {g['kind']}")
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    problems += [f"missed {_describe(text, q)}" for i, q in enumerate(gold) if i not in matched_g]
    problems += [
        f"extra {_describe(text, q)} ({q['kind']})" for j, q in enumerate(pred) if j not in matched_p
    ]
    assert not problems, f"{doc['phenomenon']}:\n  " + "\n  ".join(problems)
