"""The textacy baseline on the real spaCy pipeline: saidwhat's prediction dicts, failures counted."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("textacy", reason="textacy is a dev dependency: pip install 'saidwhat[dev]'")

from saidwhat.baseline import TextacyBaseline
from saidwhat.errors import UsageError
from saidwhat.evaluate import score

QUOTED = (
    "The city will repave Main Street this summer. "
    '"We have waited long enough for this road," Mayor Ana Ruiz said on Tuesday.'
)
UNBALANCED = 'Council members met on Monday. "We will vote next week, the chairman said.'


@pytest.fixture(scope="module")
def baseline() -> TextacyBaseline:
    return TextacyBaseline()


def test_direct_quote_as_prediction_dict(baseline: TextacyBaseline) -> None:
    [pred] = baseline.run([{"id": "a", "text": QUOTED}])
    assert pred["id"] == "a" and "error" not in pred
    [q] = pred["quotes"]
    assert q["kind"] == "direct"
    assert QUOTED[q["start"] : q["end"]] == q["text"]
    assert q["text"].strip('"') == "We have waited long enough for this road,"
    assert q["speaker"] == "Mayor Ana Ruiz"
    mention = q["speaker_mention"]
    assert QUOTED[mention["start"] : mention["end"]] == "Mayor Ana Ruiz" == mention["text"]
    assert q["cue"]["text"] == "said"


def test_unbalanced_quotes_fail_the_document_only(baseline: TextacyBaseline) -> None:
    preds = list(baseline.run([{"id": "bad", "text": UNBALANCED}, {"id": "good", "text": QUOTED}]))
    assert [p["id"] for p in preds] == ["bad", "good"]
    assert preds[0]["quotes"] == [] and "unclosed quotation" in preds[0]["error"]
    assert len(preds[1]["quotes"]) == 1


def test_predictions_score_against_gold(baseline: TextacyBaseline) -> None:
    start = QUOTED.index("We have")
    end = QUOTED.index(",", start + 30) + 1
    quote = {
        "start": start,
        "end": end,
        "kind": "direct",
        "speaker": "Ana Ruiz",
        "speaker_aliases": ["Mayor Ana Ruiz"],
    }
    gold = [{"id": "a", "text": QUOTED, "quotes": [quote]}]
    result = score(gold, baseline.run(gold), speaker_mode="name")
    assert (result.lenient, result.exact, result.speaker, result.kind) == (1, 1, 1, 1)


def test_missing_textacy_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    with pytest.raises(UsageError, match="pip install"):
        TextacyBaseline(nlp=object())  # type: ignore[arg-type]
