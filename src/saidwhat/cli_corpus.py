"""The corpus commands: ingest, search, quote, variants, speakers, export, stats.

Each is a thin shell over `saidwhat.corpus.Corpus`. Listing commands take `--format table|jsonl`: `table`
is for reading in a terminal (columns cut to the terminal width), `jsonl` is one JSON object per line for
scripts. Results go to stdout, the progress bar and the ingest summary's failures to stderr.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, TypeVar

import click

from saidwhat.corpus import CHANGE_TYPES, Corpus
from saidwhat.corpus.records import ClusterView
from saidwhat.errors import UsageError
from saidwhat.models import KINDS
from saidwhat.store import ENV_DB, default_db

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        help=f"SQLite file or postgresql:// URL (default: ${ENV_DB}, else ./saidwhat.sqlite).",
    )(func)


def format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        default="table",
        show_default=True,
        help="table (for people) or jsonl (one JSON object per line, for scripts).",
    )(func)


def _fmt(value: str) -> str:
    if value not in ("table", "jsonl"):
        raise UsageError(f"unknown --format {value!r}; choose table or jsonl")
    return value


def _open(db: str | None) -> Corpus:
    return Corpus(db or default_db(), create=False)


def _jsonl(records: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _cut(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], flexible: int = -1) -> str:
    """A plain-text table fitted to the terminal; column `flexible` (the long text) absorbs the squeeze."""
    cells = [[_cut(v, 10_000) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    total = shutil.get_terminal_size((120, 24)).columns
    flex = flexible % len(headers)
    fixed = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(headers) - 1)
    widths[flex] = max(min(widths[flex], total - fixed), 20)
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_cut(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _day(value: str | None) -> str:
    return (value or "undated")[:10]


# -- ingest ------------------------------------------------------------------------------------------------
@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--workers", default=1, show_default=True, type=int, help="Extraction processes.")
@click.option("--batch-size", default=64, show_default=True, type=int, help="Articles per committed batch.")
@click.option("--max-bytes", default=None, type=int, help="Largest single article read (default 20 MB).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a TTY).")
@format_option
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    workers: int,
    batch_size: int,
    max_bytes: int | None,
    progress: bool | None,
    fmt: str,
) -> None:
    """Extract quotes from files, directories and `-` (stdin), and store them in the corpus.

    Reads .txt, .html/.htm, .json, .jsonl and .jsonl.gz (directories recursively). JSONL records may carry
    id, url, published (ISO 8601), source, title, author. Safe to rerun: stored articles are skipped, an
    interrupted run resumes where its last committed batch ended. Bad inputs are skipped, recorded in the
    failures table and summarised at the end.
    """
    fmt = _fmt(fmt)
    show = sys.stderr.isatty() if progress is None else progress
    with Corpus(db or default_db(), create=True) as corpus:
        report = corpus.ingest_paths(
            list(paths), workers=workers, batch_size=batch_size, progress=show, max_bytes=max_bytes
        )
        counts = corpus.stats()
    summary = {**report.to_dict(), "corpus": counts}
    if fmt == "jsonl":
        _jsonl([{**summary, "failure_details": [f.to_dict() for f in report.failures]}])
        return
    rate = summary["articles_per_second"]
    click.echo(
        f"ingested {report.articles} new article(s) with {report.quotes} quote(s) from {report.documents} "
        f"document(s) in {report.seconds:.1f}s" + (f" ({rate} articles/s)" if rate else "")
    )
    click.echo(
        f"skipped {report.duplicates} already stored; {report.versions} new version(s) of stored articles; "
        f"{len(report.failures)} failure(s)"
    )
    click.echo(
        "corpus: " + ", ".join(f"{v} {k}" for k, v in counts.items())  # articles, quotes, … failures
    )
    for failure in report.failures[:20]:
        where = f"{failure.source}:{failure.line}" if failure.line else failure.source
        click.echo(f"  failed: {where}: {failure.reason}", err=True)
    if len(report.failures) > 20:
        click.echo(f"  … and {len(report.failures) - 20} more (see `saidwhat stats`)", err=True)


# -- search ------------------------------------------------------------------------------------------------
@click.command()
@click.argument("query")
@db_option
@click.option("--speaker", default=None, help="Only quotes whose speaker's name contains these words.")
@click.option("--since", default=None, metavar="DATE", help="Published on or after (ISO 8601).")
@click.option("--until", default=None, metavar="DATE", help="Published on or before (ISO 8601).")
@click.option("--kind", default=None, help=f"Only this kind of quote: {', '.join(KINDS)}.")
@click.option("--limit", default=20, show_default=True, type=int)
@format_option
def search(
    query: str,
    db: str | None,
    speaker: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    limit: int,
    fmt: str,
) -> None:
    """Full-text search over the stored quotes, best match first.

    QUERY is words (all must match), "a phrase", OR between alternatives, -word to exclude.
    """
    fmt = _fmt(fmt)
    with _open(db) as corpus:
        hits = corpus.search(query, speaker=speaker, since=since, until=until, kind=kind, limit=limit)
    if fmt == "jsonl":
        _jsonl(h.to_dict() for h in hits)
        return
    if not hits:
        click.echo("no quotes match", err=True)
        return
    rows = [
        (h.quote_id, h.cluster_id or "", _day(h.published), h.speaker or "?", h.text, h.article_id)
        for h in hits
    ]
    click.echo(table(("quote", "cluster", "published", "speaker", "text", "article"), rows, flexible=4))


# -- quote ------------------------------------------------------------------------------------------------
def _parse_id(raw: str) -> tuple[str, int]:
    text = raw.strip().lower()
    kind = "quote" if text.startswith("q") else "cluster"
    digits = text.lstrip("qc")
    if not digits.isdigit():
        raise UsageError(f"{raw!r} is not a cluster id (12 or c12) or a quote id (q34)")
    return kind, int(digits)


def _describe_change(change: dict[str, Any]) -> str:
    kind, orig, var = change["type"], change.get("original") or "", change.get("variant") or ""
    if kind == "speaker":
        return f"speaker: {orig!r} -> {var!r}"
    if kind in ("removed", "truncated"):
        return f"{kind}: {orig!r}"
    if kind == "added":
        return f"added: {var!r}"
    return f"{kind}: {orig!r} -> {var!r}"


def render_cluster(view: ClusterView) -> str:
    """A cluster for the terminal: first appearance, timeline, then each variant's changes."""
    first = view.first
    lines = [
        f"cluster {view.cluster_id}: {1 + len(view.appearances)} appearance(s), {len(view.altered)} altered"
        + (f" ({', '.join(view.change_types)})" if view.change_types else ""),
        "",
        f"first appearance: {_day(first.published)}  {first.source or ''}  article {first.article_id}",
        f"  {first.speaker or '?'}: “{first.text}”",
        "",
    ]
    rows = [(_day(first.published), first.source or "", first.article_id, first.speaker or "?", "first")]
    for app in view.appearances:
        rows.append(
            (_day(app.published), app.source or "", app.article_id, app.speaker or "?",
             ", ".join(app.change_types) or "same")
        )  # fmt: skip
    lines.append(table(("published", "source", "article", "speaker", "changes"), rows, flexible=2))
    for app in view.altered:
        lines += [
            "",
            f"{_day(app.published)} {app.source or ''} (article {app.article_id}, quote {app.quote_id}):",
        ]
        lines.append(f"  “{app.text}”")
        lines += [f"  - {_describe_change(c.to_dict())}" for c in app.changes]
    return "\n".join(lines)


@click.command()
@click.argument("ident", metavar="ID")
@db_option
@format_option
def quote(ident: str, db: str | None, fmt: str) -> None:
    """Show a quote cluster: its first appearance, the timeline of appearances, and each variant's diff.

    ID is a cluster id (12 or c12, as `search` and `variants` print) or a quote id prefixed with q (q34).
    """
    fmt = _fmt(fmt)
    kind, number = _parse_id(ident)
    with _open(db) as corpus:
        view = corpus.cluster_of_quote(number) if kind == "quote" else corpus.cluster(number)
    if fmt == "jsonl":
        _jsonl([view.to_dict()])
    else:
        click.echo(render_cluster(view))


# -- variants -----------------------------------------------------------------------------------------------
@click.command()
@db_option
@click.option(
    "--change", "changes", multiple=True, help=f"Only clusters with this change: {', '.join(CHANGE_TYPES)}."
)
@click.option("--limit", default=None, type=int, help="At most this many clusters.")
@format_option
def variants(db: str | None, changes: tuple[str, ...], limit: int | None, fmt: str) -> None:
    """List quote clusters whose appearances differ from the first one, most changed first."""
    fmt = _fmt(fmt)
    with _open(db) as corpus:
        views = corpus.variants(changes, limit=limit)
        if fmt == "jsonl":
            _jsonl(v.to_dict() for v in views)
            return
        rows = [
            (v.cluster_id, 1 + len(v.appearances), len(v.altered), ", ".join(v.change_types),
             f"{v.change_score:.2f}", _day(v.first.published), v.first.text)
            for v in views
        ]  # fmt: skip
    if not rows:
        click.echo("no altered quotes", err=True)
        return
    click.echo(
        table(("cluster", "appearances", "altered", "changes", "score", "first", "text"), rows, flexible=6)
    )


# -- speakers -----------------------------------------------------------------------------------------------
@click.command()
@db_option
@click.option("--name", default=None, help="Only speakers whose name contains these words.")
@click.option("--limit", default=50, show_default=True, type=int)
@format_option
def speakers(db: str | None, name: str | None, limit: int, fmt: str) -> None:
    """List the speakers in the corpus by number of quotes, with the mentions they were found under."""
    fmt = _fmt(fmt)
    with _open(db) as corpus:
        rows = corpus.speakers(name, limit=limit)
    if fmt == "jsonl":
        _jsonl(r.to_dict() for r in rows)
        return
    if not rows:
        click.echo("no speakers", err=True)
        return
    click.echo(
        table(
            ("speaker", "type", "quotes", "articles", "also called"),
            [(r.name, r.type, r.n_quotes, r.n_articles, ", ".join(r.aliases)) for r in rows],
            flexible=4,
        )
    )


# -- export ------------------------------------------------------------------------------------------------
EXPORT_FORMATS = ("jsonl", "csv", "parquet")


def _write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in row.items()
        }
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def _write_parquet(rows: Iterable[dict[str, Any]], path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError("parquet export needs `pip install saidwhat[parquet]`") from exc
    writer = None
    n = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        records = [{**r, "changes": json.dumps(r["changes"], ensure_ascii=False)} for r in batch]
        table_ = pa.Table.from_pylist(records, schema=writer.schema if writer is not None else None)
        if writer is None:
            writer = pq.ParquetWriter(path, table_.schema)
        writer.write_table(table_)
        batch.clear()

    try:
        for row in rows:
            batch.append(row)
            n += 1
            if len(batch) >= 10_000:
                flush()
        if batch or writer is None:
            flush()
    finally:
        if writer is not None:
            writer.close()
    return n


def _write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


@click.command()
@db_option
@click.option("--format", "fmt", default="jsonl", show_default=True, help="jsonl, csv or parquet.")
@click.option("--output", "-o", default="-", show_default=True, help="File to write (parquet needs one).")
def export(db: str | None, fmt: str, output: str) -> None:
    """Export every stored quote with its article and cluster: one row per quote."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown --format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet" and output == "-":
        raise UsageError("parquet export needs --output FILE")
    with _open(db) as corpus:
        rows = corpus.export_rows()
        if fmt == "parquet":
            n = _write_parquet(rows, output)
        else:
            out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
            try:
                n = _write_csv(rows, out) if fmt == "csv" else _write_jsonl(rows, out)
            finally:
                if out is not sys.stdout:
                    out.close()
    if output != "-":
        click.echo(f"wrote {n} quote(s) to {output}", err=True)


# -- stats ------------------------------------------------------------------------------------------------
@click.command()
@db_option
@click.option("--failures", "show_failures", is_flag=True, help="Also list the recorded failures.")
@format_option
def stats(db: str | None, show_failures: bool, fmt: str) -> None:
    """Count articles, quotes, speakers, clusters and failures."""
    fmt = _fmt(fmt)
    with _open(db) as corpus:
        counts = corpus.stats()
        details = corpus.details() if fmt == "table" else {}
        failures = corpus.failures(limit=1000) if show_failures else []
    if fmt == "jsonl":
        _jsonl([counts])
        if show_failures:
            _jsonl(f.to_dict() for f in failures)
        return
    click.echo(table(("", "count"), [(k, v) for k, v in details.items()], flexible=0))
    for failure in failures:
        where = f"{failure.source}:{failure.line}" if failure.line else failure.source
        click.echo(f"failed: {where}: {failure.reason} (x{failure.attempts})")
