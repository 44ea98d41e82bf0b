"""`saidwhat extract`: quotes from files, directories or stdin, as a table, JSON Lines or CSV.

Results go to stdout, in input order; progress and errors go to stderr. A bad JSONL line is reported
with its line number and the rest is processed; any error makes the exit code 2.
"""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import click

from saidwhat.errors import InputError, SaidwhatError
from saidwhat.models import Article

FORMATS = ("table", "jsonl", "csv")
CSV_COLUMNS = ("id", "start", "end", "kind", "speaker", "speaker_type", "cue", "confidence", "text")


class _Errors:
    """Counts and prints per-document errors as single lines on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, message: str) -> None:
        self.count += 1
        click.echo(f"saidwhat: error: {message}", err=True)


def _documents(paths: tuple[str, ...], max_bytes: int, errors: _Errors) -> Iterator[Any]:
    from saidwhat.sources import LineError, read_path

    for path in paths:
        try:
            for item in read_path(path, max_bytes=max_bytes):
                if isinstance(item, LineError):
                    errors.report(str(item))
                else:
                    yield item
        except InputError as exc:
            errors.report(str(exc))


def _table(article: Article, many: bool, out: Any) -> None:
    width = 100
    if many or article.id is not None:
        title = f" — {article.title}" if article.title else ""
        out.write(f"\n{article.id}{title}\n")
    if not article.quotes:
        out.write("  (no quotes found)\n")
        return
    out.write(f"  {'#':>3}  {'kind':<8}  {'speaker':<24}  {'cue':<14}  quote\n")
    out.write(f"  {'-' * 3}  {'-' * 8}  {'-' * 24}  {'-' * 14}  {'-' * 40}\n")
    for n, q in enumerate(article.quotes, 1):
        speakers = textwrap.wrap(q.speaker or "—", 24, break_long_words=True)[:3]
        cue = (q.cue.text if q.cue else "—")[:14]
        text = " ".join(q.text.split())
        lines = textwrap.wrap(text, width - 60) or [""]
        if len(lines) > 3:
            lines = [*lines[:3]]
            lines[-1] = lines[-1][: width - 64] + " …"
        speakers += [""] * (len(lines) - len(speakers))
        lines += [""] * (len(speakers) - len(lines))
        out.write(f"  {n:>3}  {q.kind:<8}  {speakers[0]:<24}  {cue:<14}  {lines[0]}\n")
        for who, more in zip(speakers[1:], lines[1:], strict=True):
            out.write(f"  {'':>3}  {'':<8}  {who:<24}  {'':<14}  {more}".rstrip() + "\n")
    for warning in article.warnings:
        out.write(f"  warning: {warning}\n")


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for people, jsonl for programs ({id, quotes} per document), csv for spreadsheets.",
)
@click.option(
    "--n-process",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Parser processes; with 2 or more, documents are parsed in parallel.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Documents per parse batch  [default: 16; 8 with --n-process 2 or more]",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=20_000_000,
    show_default=True,
    help="Largest single article accepted.",
)
@click.option("--text/--no-text", "with_text", default=False, help="Include each document's text in jsonl.")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal)."
)
@click.option(
    "--accurate",
    is_flag=True,
    help="Score candidates with the fine-tuned encoder: more accurate, several times slower "
    "(needs pip install 'saidwhat[accurate]').",
)
def extract(
    paths: tuple[str, ...],
    fmt: str,
    n_process: int,
    batch_size: int | None,
    max_bytes: int,
    with_text: bool,
    progress: bool | None,
    accurate: bool,
) -> None:
    """Find quotes and their speakers in PATHS (text, HTML, JSONL files, directories, or - for stdin)."""
    from saidwhat.pipeline import extract_many

    errors = _Errors()
    out = sys.stdout
    many = len(paths) > 1 or any(p.endswith((".jsonl", ".json", ".gz", ".ndjson")) for p in paths)
    show_progress = sys.stderr.isatty() if progress is None else progress
    writer = csv.writer(out) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)

    def on_error(item: Any, exc: SaidwhatError) -> None:
        line = getattr(item, "line", None)
        errors.report(f"line {line}: {exc}" if line else str(exc))

    produced = 0
    for article in extract_many(
        _documents(paths, max_bytes, errors),
        n_process=n_process,
        batch_size=batch_size,
        progress=show_progress,
        on_error=on_error,
        accurate=accurate,
    ):
        produced += 1
        if fmt == "jsonl":
            out.write(json.dumps(article.to_dict(with_text=with_text), ensure_ascii=False) + "\n")
        elif writer is not None:
            for q in article.quotes:
                writer.writerow(
                    [
                        article.id,
                        q.start,
                        q.end,
                        q.kind,
                        q.speaker or "",
                        q.speaker_type,
                        q.cue.text if q.cue else "",
                        f"{q.confidence:.3f}",
                        q.text,
                    ]
                )
        else:
            _table(article, many, out)
    out.flush()
    if errors.count:
        if not produced:
            raise InputError(f"nothing extracted: {errors.count} input error(s), see above")
        sys.exit(2)
