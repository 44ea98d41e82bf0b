"""Fit the confidence calibration (saidwhat/calibration.py) on PolNeAR train; write data/calibration.json.

Usage: python scripts/calibrate.py [--mode default|accurate] [--data ../shared/data/polnear]
Run by `make train` (default mode, after the cue model) and `make train-accurate` (accurate mode); each
rewrites its own mode's curves and keeps the other's. A quote is right when it matches a gold quote
(lenient span, one to one) with the right speaker, by EVAL.md's end-to-end test. It then prints each
mode's calibration error on dev, before and after: the measure, not the fit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train import parsed  # noqa: E402

from saidwhat.calibration import CALIBRATION_FILE, Calibration, fit, load_calibration  # noqa: E402
from saidwhat.evaluate import match, quote_intervals, speaker_ok  # noqa: E402
from saidwhat.extractor import quotes_with_origins  # noqa: E402

PATH = ROOT / "src" / "saidwhat" / "data" / CALIBRATION_FILE


def records(split: str, data: Path, scorer: Any) -> list[tuple[Any, str, float, bool]]:
    """(origin, kind, raw value, right?) for every quote saidwhat finds in a PolNeAR split."""
    gold_list, docs = parsed(split, data, None)
    out = []
    for g, doc in zip(gold_list, docs, strict=True):
        found = quotes_with_origins(doc, doc.text, scorer)
        text = g["text"]
        preds = [q.to_dict() for q, _ in found]
        pairs = dict(
            (p, gq)
            for gq, p in match(
                [quote_intervals(text, q) for q in g["quotes"]], [quote_intervals(text, p) for p in preds]
            )
        )
        for k, (q, origin) in enumerate(found):
            right = k in pairs and speaker_ok(g["quotes"][pairs[k]], preds[k], "mention")
            out.append((origin, q.kind, q.confidence, right))
    return out


def calibration_error(
    recs: list[tuple[Any, str, float, bool]], calibration: Calibration | None, mode: str
) -> float:
    """Expected calibration error over tenths of the stated confidence (0 is perfect)."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for origin, kind, raw, right in recs:
        c = raw if calibration is None else calibration.confidence(raw, kind, origin, mode)  # type: ignore[arg-type]
        bins.setdefault(min(int(c * 10), 9), []).append((c, right))
    return sum(abs(sum(c for c, _ in b) - sum(r for _, r in b)) for b in bins.values()) / len(recs)


def _formatted(curves: dict[str, dict[str, list]]) -> str:
    """The table as JSON with one curve per line (diffs stay readable)."""
    modes = []
    for mode in sorted(curves):
        keys = [f"   {json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(curves[mode].items())]
        modes.append(f"  {json.dumps(mode)}: {{\n" + ",\n".join(keys) + "\n  }")
    return '{\n "curves": {\n' + ",\n".join(modes) + "\n }\n}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=("default", "accurate"), default="default")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    args = ap.parse_args()
    scorer = None
    if args.mode == "accurate":
        from saidwhat.encoder import load_scorer

        scorer = load_scorer()
    curves = fit(records("train", args.data, scorer))
    table = json.loads(PATH.read_text(encoding="utf-8")) if PATH.exists() else {"curves": {}}
    table["curves"][args.mode] = curves
    PATH.write_text(_formatted(table["curves"]), encoding="utf-8")
    load_calibration.cache_clear()
    fitted = load_calibration()  # the table as written, read back the way extraction reads it
    dev = records("dev", args.data, scorer)
    before, after = calibration_error(dev, None, args.mode), calibration_error(dev, fitted, args.mode)
    print(f"{args.mode}: {len(curves)} curves -> {PATH.name}; dev error {before:.3f} -> {after:.3f}")


if __name__ == "__main__":
    main()
