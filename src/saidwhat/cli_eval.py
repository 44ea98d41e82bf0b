"""`saidwhat eval`: score saidwhat (or a prediction file) and optionally the textacy baseline on gold JSONL.

Every figure comes from `saidwhat.evaluate`, which reproduces shared/tools/score.py exactly, so a number
printed here can be checked with the reference scorer on the file `--save-pred` writes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from saidwhat.errors import InputError
from saidwhat.evaluate import (
    Record,
    Report,
    Scores,
    SpeakerMode,
    SystemRun,
    evaluate_predictions,
    has_speaker_spans,
    load_gold,
    load_predictions,
    run_system,
)
from saidwhat.models import KINDS

SUBSET_LABELS = {"all": "all kinds", "direct+mixed": "direct+mixed"}
COLUMNS = ("system", "subset", "gold", "pred", "len P", "len R", "len F1", "exact F1", "spk acc",
           "kind acc", "e2e P", "e2e R", "e2e F1")  # fmt: skip


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _row(system: str, subset: str, s: Scores) -> list[str]:
    figures = [*s.lenient_prf, s.exact_prf.f1, s.speaker_acc, s.kind_acc, *s.end2end_prf]
    return [system, SUBSET_LABELS.get(subset, subset), str(s.gold), str(s.pred), *map(_pct, figures)]


def _recall_cell(s: Scores) -> str:
    return f"{_pct(s.lenient_prf.recall)} / {_pct(s.end2end_prf.recall)}" if s.gold else "– (no gold)"


def _grid(rows: Sequence[Sequence[str]], names: int) -> list[str]:
    """Left-align the first `names` columns, right-align the figures."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            c.ljust(w) if i < names else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]


def format_table(
    gold_path: Path, gold: Mapping[str, Record], mode_note: str, reports: Sequence[Report]
) -> str:
    """The human-readable report: one row per system × subset, then recall per gold kind, then caveats."""
    kinds = Counter(q.get("kind") for doc in gold.values() for q in doc["quotes"])
    kind_list = ", ".join(f"{kinds[k]} {k}" for k in KINDS)
    lines = [
        f"gold: {gold_path} ({len(gold)} documents, {kinds.total()} quotes: {kind_list})",
        f"speaker scoring: {mode_note}",
        "figures in %; len = lenient match (char Jaccard >= 0.5); e2e = lenient match with the right speaker",
        "",
    ]
    rows = [list(COLUMNS)] + [_row(r.system, name, s) for r in reports for name, s in r.subsets.items()]
    lines += _grid(rows, names=2)
    lines += ["", "recall by gold kind (lenient / end-to-end), every predicted kind counted:"]
    kind_rows = [["system", *KINDS]]
    for r in reports:
        kind_rows.append([r.system, *(_recall_cell(r.by_kind[k]) for k in KINDS)])
    lines += _grid(kind_rows, names=1)
    notes = []
    for r in reports:
        counts = r.subsets["all"]
        if r.failures:
            notes.append(
                f"{r.system}: failed on {r.failures} of {r.documents} documents (scored as no quotes)"
            )
        if counts.missing_docs:
            notes.append(f"{r.system}: no prediction for {counts.missing_docs} of {r.documents} documents")
        if counts.bad_spans:
            notes.append(f"{r.system}: {counts.bad_spans} predicted spans outside their text (never matched)")
        if r.seconds:
            notes.append(
                f"{r.system}: {r.seconds:.1f} s wall time for {r.documents} documents, loading included"
            )
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def _save(path: Path, predictions: Mapping[str, Record]) -> None:
    try:
        with path.open("w", encoding="utf-8") as f:
            for pred in predictions.values():
                f.write(json.dumps(pred, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot write predictions ({exc.strerror})") from exc


def _resolve_mode(speaker: str, gold: Mapping[str, Record]) -> tuple[SpeakerMode, str]:
    if speaker == "name":
        return "name", "name (as asked)"
    if speaker == "mention":
        return "mention", "mention (as asked)"
    if has_speaker_spans(gold):
        return "mention", "mention (auto: the gold quotes carry speaker_spans)"
    return "name", "name (auto: the gold quotes carry no speaker_spans)"


@click.command("eval")
@click.argument("gold_path", metavar="GOLD.jsonl", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--pred",
    "pred_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Score this prediction JSONL instead of running saidwhat.",
)
@click.option("--baseline", type=click.Choice(["textacy"]), help="Also run and score a baseline.")
@click.option(
    "--accurate",
    is_flag=True,
    help="Also run and score the accurate mode (needs pip install 'saidwhat[accurate]').",
)
@click.option(
    "--speaker",
    type=click.Choice(["auto", "name", "mention"]),
    default="auto",
    show_default=True,
    help="Speaker test: entity name, or source mention (PolNeAR); auto = mention if the gold "
    "has speaker_spans.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold documents.")
@click.option(
    "--n-process",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes for saidwhat's extract_many.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--save-pred",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write saidwhat's predictions here (the baseline's to NAME.textacy.jsonl beside it).",
)
def eval_command(
    gold_path: Path,
    pred_path: Path | None,
    baseline: str | None,
    accurate: bool,
    speaker: str,
    limit: int | None,
    n_process: int,
    fmt: str,
    save_pred: Path | None,
) -> None:
    """Score saidwhat (and a baseline) against gold JSONL (shared/docs/EVAL.md metrics).

    Prints lenient/exact/end-to-end P/R/F1, speaker and kind accuracy for all kinds and for
    direct+mixed quotes, and recall per gold kind.
    """
    gold = load_gold(gold_path, limit=limit)
    mode, mode_note = _resolve_mode(speaker, gold)
    progress = sys.stderr.isatty()
    runs: list[tuple[SystemRun, Path | None]] = []
    if pred_path is not None:
        predictions = {k: v for k, v in load_predictions(pred_path).items() if k in gold}
        runs.append((SystemRun(pred_path.name, predictions), None))
    else:
        runs.append((run_system(gold, "saidwhat", n_process=n_process, progress=progress), save_pred))
        if accurate:
            target = save_pred.with_name(f"{save_pred.stem}.accurate.jsonl") if save_pred else None
            run = run_system(gold, "saidwhat-accurate", n_process=n_process, progress=progress)
            runs.append((run, target))
    if baseline:
        target = save_pred.with_name(f"{save_pred.stem}.{baseline}.jsonl") if save_pred else None
        runs.append((run_system(gold, baseline, progress=progress), target))
    for run, target in runs:
        if target is not None:
            _save(target, run.predictions)
    reports = [evaluate_predictions(gold, run, mode) for run, _ in runs]
    if fmt == "json":
        click.echo(f"speaker scoring: {mode_note}", err=True)
        out: dict[str, Any] = {"gold": str(gold_path), "documents": len(gold), "speaker_mode": mode,
                               "systems": [r.to_dict() for r in reports]}  # fmt: skip
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        click.echo(format_table(gold_path, gold, mode_note, reports))
