"""`saidwhat extract` as a user runs it: outputs, order, and one-line errors with exit code 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "“We will rebuild the bridge,” Mayor Elena Marsh said on Tuesday."


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "saidwhat.cli", *args], input=stdin, capture_output=True, timeout=300
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and all(line.startswith("saidwhat: error:") for line in lines), err
    return lines[0]


def test_help_is_fast_and_lists_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert b"extract" in result.stdout and b"eval" in result.stdout


def test_jsonl_in_input_order_with_ids_and_line_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "b", "text": GOOD, "source": "x"}),
        "{not json",
        json.dumps({"text": "Officials say the plant was closed in May after the inspection."}),
        json.dumps({"id": 7, "text": ""}),
        json.dumps({"id": "a", "text": "Nothing is quoted here at all."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.returncode == 2
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["b", 3, "a"]
    assert out[0]["quotes"][0]["speaker"] == "Elena Marsh"
    assert out[1]["quotes"][0]["kind"] == "indirect"
    assert out[2]["quotes"] == []
    err = result.stderr.decode()
    assert ":2:" in err and "Traceback" not in err


def test_csv_output(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = run("extract", str(path), "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert rows[0]["speaker"] == "Elena Marsh" and rows[0]["kind"] == "direct"
    assert GOOD[int(rows[0]["start"]) : int(rows[0]["end"])] == rows[0]["text"]


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes('"The café will reopen in June," Mayor Elena Marsh said.'.encode("cp1252"))
    result = run("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert "café" in json.loads(result.stdout)["quotes"][0]["text"]


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary"),
        (
            "blank.html",
            b"<html><head><title></title></head><body><script>var x=1;</script><div></div></body></html>",
            "no article text",
        ),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode == 2
    assert needle in one_error_line(result)


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes written instantly
    result = run("extract", str(path))
    assert result.returncode == 2
    assert "MB" in one_error_line(result) or "binary" in one_error_line(result)


def test_unknown_option_and_missing_file() -> None:
    assert "no such option" in one_error_line(run("extract", "--bogus", "x")).lower()
    result = run("extract", "/nonexistent/file.txt")
    assert result.returncode == 2
    one_error_line(result)


def test_empty_stdin() -> None:
    result = run("extract", "-", stdin=b"")
    assert result.returncode == 2
    assert "empty" in one_error_line(result)


def test_unknown_format() -> None:
    result = run("extract", "-", "--format", "xml", stdin=GOOD.encode())
    assert result.returncode == 2
    one_error_line(result)


def test_table_wraps_a_long_speaker_instead_of_cutting_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "According to a report by the city's transportation department, the bridge needs repairs.\n"
    )
    out = run("extract", str(path)).stdout.decode()
    assert "transportation" in out and "department" in out
    assert all(line == line.rstrip() for line in out.splitlines())
