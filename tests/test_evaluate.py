"""saidwhat.evaluate must give the reference scorer's numbers (shared/tools/score.py) on the same files."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from saidwhat.errors import InputError, UsageError
from saidwhat.evaluate import (
    SystemRun,
    evaluate_predictions,
    evaluate_system,
    load_gold,
    load_predictions,
    match,
    norm_name,
    quote_intervals,
    score,
    speaker_ok,
    trim,
)

SHARED = Path(__file__).parents[1].parent / "shared"
REFERENCE = SHARED / "tools" / "score.py"


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _gold_and_pred() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A hand-built pair covering every rule of EVAL.md that can make two scorers disagree."""
    t1 = (
        '"We will finish the bridge by May," Mayor Ana Ruiz said, "and not a day later." '
        "She said the budget was tight. It was reported that the contract had been signed."
    )
    a, b = _span(t1, "We will finish the bridge by May,"), _span(t1, "and not a day later.")
    ind = _span(t1, "the budget was tight")
    sourceless = _span(t1, "the contract had been signed")
    she = _span(t1, "She")
    ruiz = _span(t1, "Mayor Ana Ruiz")
    gold1 = {
        "id": "d1",
        "text": t1,
        "quotes": [
            {"start": a[0] - 1, "end": b[1] + 1, "spans": [[a[0] - 1, a[1] + 1], [b[0] - 1, b[1] + 1]],
             "kind": "direct", "speaker": "Mayor Ana Ruiz", "speaker_aliases": ["Ana Ruiz"],
             "speaker_spans": [list(ruiz)]},
            {"start": ind[0], "end": ind[1], "kind": "indirect", "speaker": "She",
             "speaker_spans": [list(she)]},
            {"start": sourceless[0], "end": sourceless[1], "kind": "indirect", "speaker": None,
             "speaker_spans": []},
        ],
    }  # fmt: skip
    pred1 = {
        "id": "d1",
        "quotes": [
            # discontinuous, predicted as one envelope: lenient but not exact
            {"start": a[0], "end": b[1], "kind": "direct", "speaker": "ana ruiz"},
            # pronoun gold: the name "she" counts in name mode only; this mention points elsewhere
            {"start": ind[0], "end": ind[1], "kind": "mixed", "speaker": "She",
             "speaker_mention": {"start": ruiz[0], "end": ruiz[1], "text": "Mayor Ana Ruiz"}},
            # sourceless gold, predicted with a speaker: wrong
            {"start": sourceless[0] + 4, "end": sourceless[1], "kind": "indirect", "speaker": "reporters"},
            # out of range: a bad span, never matched
            {"start": len(t1) + 3, "end": len(t1) + 40, "kind": "direct", "speaker": "x"},
            {"start": 5, "end": 2, "kind": "direct", "speaker": "x"},
        ],
    }  # fmt: skip
    t2 = (
        "The Pentagon said the strike hit a depot. “It was a clean operation,” a spokesman said. "
        "Officials said the so-called “reform” would wait."
    )
    s1, s2 = _span(t2, "the strike hit a depot"), _span(t2, "It was a clean operation,")
    s3 = _span(t2, "the so-called “reform” would wait")
    gold2 = {
        "id": "d2",
        "text": t2,
        "quotes": [
            {"start": s1[0], "end": s1[1], "kind": "indirect", "speaker": "The Pentagon",
             "speaker_spans": [list(_span(t2, "The Pentagon"))]},
            {"start": s2[0], "end": s2[1], "kind": "direct", "speaker": "a spokesman",
             "speaker_spans": [list(_span(t2, "a spokesman"))]},
            {"start": s3[0], "end": s3[1], "kind": "mixed", "speaker": "Officials",
             "speaker_spans": [list(_span(t2, "Officials"))]},
        ],
    }  # fmt: skip
    pred2 = {
        "id": "d2",
        "quotes": [
            {"start": s1[0], "end": s1[1], "kind": "indirect", "speaker": "pentagon"},
            {"start": s2[0] - 1, "end": s2[1] + 1, "kind": "direct", "speaker": None,
             "speaker_mention": {"start": _span(t2, "spokesman")[0], "end": _span(t2, "spokesman")[1]}},
            # two predictions over one gold: only the better one matches
            {"start": s3[0], "end": s3[1], "kind": "indirect", "speaker": "Officials"},
            {"start": s3[0] + 4, "end": s3[1], "kind": "mixed", "speaker": "Officials"},
            {"start": _span(t2, "reform")[0], "end": _span(t2, "reform")[1], "kind": "direct"},
        ],
    }  # fmt: skip
    gold3 = {"id": "d3", "text": "Nothing was said here.", "quotes": []}  # no prediction at all: missing
    return [gold1, gold2, gold3], [pred1, pred2, {"id": "not-in-gold", "quotes": []}]


def _random_pair(seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Crowded overlapping spans with many Jaccard ties: tie-breaking must agree with the reference."""
    rng = random.Random(seed)
    words = ['"Yes,"', "he", "said", "the", "budget", "“was”", "fine.", "'no'", "—", "officials", "say"]
    gold, pred = [], []
    for n in range(30):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 60)))

        def quote(text: str = text) -> dict[str, Any]:
            s = rng.randrange(len(text))
            e = rng.randint(s, min(len(text), s + 40))
            q: dict[str, Any] = {"start": s, "end": e, "kind": rng.choice(["direct", "indirect", "mixed"]),
                                 "speaker": rng.choice([None, "He", "officials", "The budget"])}  # fmt: skip
            if rng.random() < 0.3 and e - s > 6:
                q["spans"] = [[s, s + 3], [e - 3, e]]
            q["speaker_spans"] = [] if q["speaker"] is None else [[rng.randrange(len(text)), len(text)]]
            q["speaker_mention"] = {"start": rng.randrange(len(text)), "end": len(text)}
            if rng.random() < 0.05:
                q["end"] = len(text) + 5
            return q

        gq = [quote() for _ in range(rng.randint(0, 6))]
        for q in gq:
            q["end"] = min(q["end"], len(text))
        gold.append({"id": f"r{n}", "text": text, "quotes": gq})
        pred.append({"id": f"r{n}", "quotes": [quote() for _ in range(rng.randint(0, 8))]})
    return gold, pred


def _write(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.mark.parametrize("pair", ["hand", "random"])
def test_identical_to_reference_scorer(tmp_path: Path, pair: str) -> None:
    if not REFERENCE.is_file():
        pytest.skip(f"reference scorer not found at {REFERENCE} (../shared is absent)")
    gold_docs, pred_docs = _gold_and_pred() if pair == "hand" else _random_pair(7)
    gold_path, pred_path = (
        _write(tmp_path / "gold.jsonl", gold_docs),
        _write(tmp_path / "pred.jsonl", pred_docs),
    )
    gold, pred = load_gold(gold_path), load_predictions(pred_path)
    for mode in ("name", "mention"):
        for kinds, pred_kinds in [(None, None), ("direct,mixed", "direct,mixed"), ("indirect", None)]:
            args = [sys.executable, str(REFERENCE), str(gold_path), str(pred_path), "--speaker", mode]
            args += ["--kinds", kinds] if kinds else []
            args += ["--pred-kinds", pred_kinds] if pred_kinds else []
            expected = json.loads(subprocess.run(args, capture_output=True, check=True, text=True).stdout)
            ours = score(gold, pred, kinds and kinds.split(","), pred_kinds and pred_kinds.split(","), mode)
            assert json.loads(json.dumps(ours.to_dict())) == expected, (mode, kinds, pred_kinds)


def test_hand_pair_exercises_every_rule() -> None:
    """Guard the parity test's own coverage: each rule it is meant to exercise must actually fire."""
    gold, pred = _gold_and_pred()
    name, mention = score(gold, pred, speaker_mode="name"), score(gold, pred, speaker_mode="mention")
    assert name.bad_spans == 2 and name.missing_docs == 1
    assert name.lenient == 6 and name.exact == 4  # discontinuous-vs-envelope is lenient only
    assert name.speaker == mention.speaker == 4
    (g1, g2, _), (p1, p2, _) = gold[:3], pred[:3]
    assert speaker_ok(g1["quotes"][1], p1["quotes"][1], "name")  # "She" == "She" as names ...
    assert not speaker_ok(g1["quotes"][1], p1["quotes"][1], "mention")  # ... but a pronoun names nobody
    assert not speaker_ok(g1["quotes"][2], p1["quotes"][2], "name")  # sourceless gold, a speaker named
    assert speaker_ok(g2["quotes"][1], p2["quotes"][1], "mention")  # no name, overlapping mention
    assert not speaker_ok(g2["quotes"][1], p2["quotes"][1], "name")
    only_dm = score(gold, pred, {"direct", "mixed"}, {"direct", "mixed"})
    assert (only_dm.gold, only_dm.pred) == (3, 7)


def test_trim_and_intervals_are_canonical() -> None:
    text = "“Yes,” he said. (No.)"
    assert trim(text, 0, 6) == (1, 4)
    # touching fragments merge, so equal character sets give equal tuples
    assert quote_intervals(text, {"spans": [[1, 3], [3, 4]], "start": 1, "end": 4}) == ((1, 4),)
    assert quote_intervals(text, {"start": 0, "end": 6}) == ((1, 4),)
    bad = [0]
    assert quote_intervals(text, {"start": 10, "end": 99}, bad) == () and bad == [1]


def test_match_is_greedy_best_first_and_one_to_one() -> None:
    gold = [((0, 10),), ((20, 30),)]
    pred = [((0, 8),), ((0, 10),), ((22, 40),)]  # (22, 40) vs (20, 30): 8/20 < 0.5
    assert sorted(match(gold, pred)) == [(0, 1)]
    # a tie goes to the higher indices, as the reference's reverse sort over (jaccard, i, j) does
    assert match([((0, 10),)], [((0, 10),), ((0, 10),)]) == [(0, 1)]


def test_names_and_speakers() -> None:
    assert norm_name("The Pentagon") == norm_name("pentagon") == "pentagon"
    assert norm_name("U.S. officials") == "u s officials"
    assert norm_name(None) == ""
    gold = {"speaker": "Jane Doe", "speaker_aliases": ["Dr. Jane Doe"], "speaker_spans": [[0, 4]]}
    assert speaker_ok(gold, {"speaker": "dr jane doe"}, "name")
    assert not speaker_ok(gold, {"speaker": "Doe"}, "name")
    assert speaker_ok(gold, {"speaker": "x", "speaker_mention": {"start": 3, "end": 9}}, "mention")
    assert not speaker_ok(gold, {"speaker": "x", "speaker_mention": {"start": 3, "end": 9}}, "name")
    he = {"speaker": "He", "speaker_spans": [[10, 12]]}
    assert speaker_ok(he, {"speaker": "he"}, "name") and not speaker_ok(he, {"speaker": "he"}, "mention")
    sourceless: dict[str, Any] = {"speaker": None, "speaker_spans": []}
    assert speaker_ok(sourceless, {"speaker": None}, "mention")
    assert not speaker_ok(sourceless, {"speaker": None, "speaker_mention": {"start": 0, "end": 1}}, "name")


def test_load_gold_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "absent.jsonl")
    cases = {
        "{not json\n": "not JSON",
        '{"id": 1, "quotes": []}\n': "no 'text'",
        '{"id": 1, "text": "ab", "quotes": [{"start": 0, "end": 9}]}\n': "outside the text",
        '{"id": 1, "text": "ab", "quotes": [{"start": "x"}]}\n': "integer",
        '{"id": 1, "text": "a", "quotes": []}\n{"id": 1, "text": "b", "quotes": []}\n': "duplicate id",
        "\n": "no gold documents",
    }
    for n, (content, message) in enumerate(cases.items()):
        path = tmp_path / f"g{n}.jsonl"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InputError, match=message):
            load_gold(path)


def test_load_gold_limit_keeps_file_order(tmp_path: Path) -> None:
    path = _write(tmp_path / "g.jsonl", [{"id": i, "text": "t", "quotes": []} for i in range(5)])
    assert list(load_gold(path, limit=2)) == ["0", "1"]


def test_evaluate_system_with_a_callable() -> None:
    gold, pred = _gold_and_pred()
    by_id = {p["id"]: p for p in pred}
    failed = {"id": "d3", "quotes": [], "error": "ValueError: odd quotes"}

    def oracle(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        return [by_id.get(item["id"], failed) for item in items]

    report = evaluate_system(gold, oracle, "mention")
    assert report.system == "oracle" and report.failures == 1 and report.documents == 3
    seen = [by_id["d1"], by_id["d2"], failed]  # what the system produced for the gold documents
    assert report.subsets["all"] == score(gold, seen, speaker_mode="mention")
    assert report.subsets["all"].missing_docs == 0
    direct_mixed = score(gold, seen, {"direct", "mixed"}, {"direct", "mixed"}, "mention")
    assert report.subsets["direct+mixed"] == direct_mixed
    assert report.by_kind["indirect"] == score(gold, seen, {"indirect"}, None, "mention")
    as_dict = report.to_dict()
    assert as_dict["subsets"]["direct+mixed"] == direct_mixed.to_dict()
    assert set(as_dict["recall_by_kind"]) == {"direct", "indirect", "mixed"}


def test_evaluate_predictions_direct_mixed_filters_both_sides() -> None:
    gold, pred = _gold_and_pred()
    report = evaluate_predictions({g["id"]: g for g in gold}, SystemRun("p", {p["id"]: p for p in pred}))
    assert report.subsets["direct+mixed"] == score(gold, pred, ["direct", "mixed"], ["direct", "mixed"])
    assert report.subsets["all"] == score(gold, pred)


def test_unknown_system() -> None:
    with pytest.raises(UsageError, match="unknown system"):
        evaluate_system([], "nope")
