"""`saidwhat eval` through the real console entry point: table, JSON, speaker-mode choice, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from saidwhat.cli import main
from saidwhat.evaluate import load_gold, load_predictions, score

TEXT = 'The Pentagon said the strike hit a depot. "It was a clean operation," a spokesman said.'


def _gold(with_spans: bool) -> dict[str, Any]:
    s1 = TEXT.index("the strike")
    s2 = TEXT.index("It was")
    quotes = [
        {
            "start": s1,
            "end": s1 + len("the strike hit a depot"),
            "kind": "indirect",
            "speaker": "The Pentagon",
        },
        {"start": s2, "end": TEXT.index(",", s2) + 1, "kind": "direct", "speaker": "a spokesman"},
    ]
    if with_spans:
        quotes[0]["speaker_spans"] = [[0, 12]]
        quotes[1]["speaker_spans"] = [[TEXT.index("a spokesman"), TEXT.index("a spokesman") + 11]]
    return {"id": "p1", "text": TEXT, "quotes": quotes}


def _files(tmp_path: Path, with_spans: bool = True) -> tuple[Path, Path]:
    gold = _gold(with_spans)
    pred = {"id": "p1", "quotes": [dict(gold["quotes"][0], speaker="Pentagon"),
                                   dict(gold["quotes"][1], speaker="spokesman")]}  # fmt: skip
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps(pred) + "\n", encoding="utf-8")
    return gold_path, pred_path


def test_table_rows_and_auto_mention(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path, pred_path = _files(tmp_path)
    main(["eval", str(gold_path), "--pred", str(pred_path)])
    out = capsys.readouterr().out
    assert "speaker scoring: mention (auto" in out
    rows = [line.split() for line in out.splitlines() if line.startswith("pred.jsonl")]
    # all kinds: 2/2 found, both speakers right ("a spokesman" normalises to "spokesman")
    assert rows[0][:4] == ["pred.jsonl", "all", "kinds", "2"] and rows[0][-1] == "100.0"
    assert rows[1][:3] == ["pred.jsonl", "direct+mixed", "1"]
    assert any(r[1:] == ["100.0", "/", "100.0", "100.0", "/", "100.0", "–", "(no", "gold)"] for r in rows[2:])


def test_json_matches_the_scorer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path, pred_path = _files(tmp_path, with_spans=False)
    main(["eval", str(gold_path), "--pred", str(pred_path), "--format", "json"])
    captured = capsys.readouterr()
    assert "speaker scoring: name (auto" in captured.err
    out = json.loads(captured.out)
    assert out["speaker_mode"] == "name" and out["documents"] == 1
    gold, pred = load_gold(gold_path), load_predictions(pred_path)
    [system] = out["systems"]
    assert system["subsets"]["all"] == score(gold, pred).to_dict()
    assert (
        system["subsets"]["direct+mixed"]
        == score(gold, pred, ["direct", "mixed"], ["direct", "mixed"]).to_dict()
    )


@pytest.mark.parametrize("content", [None, "{oops\n", '{"id": "x", "quotes": []}\n'])
def test_bad_gold_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None
) -> None:
    gold_path = tmp_path / "gold.jsonl"
    if content is not None:
        gold_path.write_text(content, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(gold_path), "--pred", str(gold_path)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("saidwhat: error: ") and err.count("\n") == 1


def test_textacy_baseline_and_save_pred(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("textacy", reason="textacy is a dev dependency: pip install 'saidwhat[dev]'")
    gold_path, pred_path = _files(tmp_path)
    saved = tmp_path / "out.jsonl"
    args = ["--pred", str(pred_path), "--baseline", "textacy", "--save-pred", str(saved), "--speaker", "name"]
    main(["eval", str(gold_path), *args])
    out = capsys.readouterr().out
    assert "speaker scoring: name (as asked)" in out
    assert [line.split()[0] for line in out.splitlines() if line.startswith("textacy ")] == ["textacy"] * 3
    assert not saved.exists()  # predictions read with --pred are not written back
    [baseline] = load_predictions(tmp_path / "out.textacy.jsonl").values()
    assert [q["kind"] for q in baseline["quotes"]] == ["direct"]
