"""sources.py on real files written to tmp_path: encodings, sizes, JSONL errors, HTML, directories, stdin."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from saidwhat.errors import InputError
from saidwhat.sources import (
    DEFAULT_MAX_BYTES,
    Document,
    LineError,
    document_from_text,
    html_to_document,
    iter_documents,
    iter_jsonl,
    looks_like_html,
    read_path,
)

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Mayor backs new transit plan | The Daily Ledger</title>
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-05T10:15:00Z">
  <link rel="canonical" href="https://example.com/news/mayor-transit">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
  <li><a href="/sports">Sports</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
  <article>
    <h1>Mayor backs new transit plan</h1>
    <p>The mayor said on Tuesday that the city would expand its bus network by 2026, a plan that
    council members had debated for months.</p>
    <p>“We cannot wait any longer,” Mayor Ana Ruiz told reporters outside City Hall. “Every week we
    delay costs commuters time and money.”</p>
    <p>Council member Tom Blake said he was “cautiously optimistic” about the proposal but warned that
    funding remained uncertain.</p>
    <p>The plan will be put to a vote next month, according to a statement from the mayor's office.</p>
  </article>
  <footer><p>Copyright © 2024 The Daily Ledger. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


def items(path: str | Path, **kwargs: int) -> list[Document | LineError]:
    return list(read_path(path, **kwargs))


def only_document(path: str | Path) -> Document:
    (doc,) = items(path)
    assert isinstance(doc, Document)
    return doc


# ------------------------------------------------------------------------------------------ encodings


def test_latin1_file_decodes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café crème coûte trop cher, a dit le maire.\n".encode("latin-1"))
    assert only_document(path).text == "Le café crème coûte trop cher, a dit le maire.\n"


def test_cp1252_curly_quotes_decode(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = "The café owner said he knows him “fairly well” – and that’s all.\n"
    path.write_bytes(text.encode("cp1252"))
    assert only_document(path).text == text


def test_binary_file_with_nul_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 10)
    with pytest.raises(InputError, match=r"image\.txt: looks like a binary file, not text$"):
        items(path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff".encode()])
def test_empty_or_blank_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.txt: empty input$"):
        items(path)


def test_text_is_kept_exactly_as_given(tmp_path: Path) -> None:
    text = "Line one,\r\n  indented  twice\u00a0spaced.\r\n\r\n\tTabbed “quote”.  \n"
    path = tmp_path / "exact.txt"
    path.write_bytes(text.encode())
    doc = only_document(path)
    assert doc.text == text
    assert doc.id == str(path)
    assert doc.line is None and doc.title is None


# ---------------------------------------------------------------------------------------------- sizes


def test_oversized_text_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(25_000_000)  # sparse: 25 MB of NULs that would read as "binary" if read
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        items(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: 25 MB is over the 20 MB limit for one text or HTML article;")
    assert "split it, or use JSONL with one article per line" in message
    assert time.perf_counter() - started < 1.0


def test_oversized_file_without_known_extension_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_bytes(b"The mayor said no. " * 100)
    with pytest.raises(InputError, match=r"article: 1,900 bytes is over the 1,000 bytes limit"):
        items(path, max_bytes=1000)


def test_jsonl_larger_than_the_limit_streams_and_only_a_long_line_fails(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i} says “hello”."}) for i in range(200)]
    lines[50] = json.dumps({"id": "huge", "text": "x" * 5000})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 1000 * 5
    result = items(path, max_bytes=1000)
    errors = [r for r in result if isinstance(r, LineError)]
    docs = [r for r in result if isinstance(r, Document)]
    assert len(docs) == 199 and docs[-1].id == "a199"
    assert len(errors) == 1 and errors[0].line == 51
    assert errors[0].message == "line is 5,027 bytes, over the 1,000 bytes limit"


def test_stdin_larger_than_the_limit_is_rejected() -> None:
    result = run_stdin(b"The mayor said no. " * 200, max_bytes=1000)
    assert result.returncode == 1
    assert "InputError: <stdin>: the input is over the 1,000 bytes limit for one" in result.stdout


# ---------------------------------------------------------------------------------------------- JSONL


def test_malformed_jsonl_lines_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    rows = [
        '{"id": "a1", "text": "The mayor said “no”.", "source": "wire", "published": "2024-01-02"}',
        "",
        '{"id": 7, "text": "Seven."',
        "[1, 2, 3]",
        '{"id": "no-text", "title": "T"}',
        '{"id": "num", "text": 42}',
        '{"text": "   ", "html": ""}',
        '{"text": "No id here.", "url": "https://example.com/x", "author": "A. Writer"}',
        '"just a string"',
        '{"id": 12, "text": "Integer id.", "date": "2024-05-06", "published": "ignored"}',
        '{"id": [1], "text": "bad id"}',
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = items(path)
    assert [(type(r).__name__, r.line) for r in result] == [
        ("Document", 1),
        ("LineError", 3),
        ("LineError", 4),
        ("LineError", 5),
        ("LineError", 6),
        ("LineError", 7),
        ("Document", 8),
        ("LineError", 9),
        ("Document", 10),
        ("LineError", 11),
    ]
    first, no_id, int_id = (r for r in result if isinstance(r, Document))
    assert first.id == "a1" and first.text == "The mayor said “no”." and first.date == "2024-01-02"
    assert first.meta["source"] == "wire" and "text" not in first.meta
    assert no_id.id == 8 and no_id.url == "https://example.com/x" and no_id.author == "A. Writer"
    assert int_id.id == 12 and isinstance(int_id.id, int) and int_id.date == "2024-05-06"
    messages = {r.line: r.message for r in result if isinstance(r, LineError)}
    assert messages[3].startswith("invalid JSON (")
    assert messages[4] == "expected a JSON object, got an array"
    assert messages[5] == 'missing "text" (or "html") field'
    assert messages[6] == 'field "text" must be a string'
    assert messages[7] == 'empty "text" and "html"'
    assert messages[9] == "expected a JSON object, got a string"
    assert messages[11] == 'field "id" must be a string or an integer'
    assert all("\n" not in m for m in messages.values())
    assert str(result[1]) == f"{path}:3: {messages[3]}"


def test_iter_jsonl_on_strings_keeps_text_exactly() -> None:
    lines = ['{"id": "x", "text": "  two  spaces\\r\\nand CRLF  "}', "   ", '{"text": "second"}']
    docs = list(iter_jsonl(lines, "<mem>"))
    assert [d.text for d in docs if isinstance(d, Document)] == ["  two  spaces\r\nand CRLF  ", "second"]
    assert [d.line for d in docs if isinstance(d, Document)] == [1, 3]
    assert isinstance(docs[1], Document) and docs[1].id == 3


def test_jsonl_html_field_is_extracted_and_jsonl_fields_win(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    record = {"id": "p1", "html": NEWS_PAGE, "title": "Given title"}
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "p2", "html": "<html></html>"}) + "\n")
    doc, error = items(path)
    assert isinstance(doc, Document) and isinstance(error, LineError)
    assert "“We cannot wait any longer,”" in doc.text
    assert doc.title == "Given title" and doc.author == "Jane Doe" and doc.date == "2024-03-05"
    assert error.line == 2 and error.message == "no article text found in the HTML"


def test_gzipped_jsonl_and_corrupt_gzip(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as handle:
        handle.write('{"id": 1, "text": "Zipped."}\n{"id": 2, "text": "Also zipped."}\n')
    assert [d.text for d in items(good) if isinstance(d, Document)] == ["Zipped.", "Also zipped."]
    bad = tmp_path / "b.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"id": 1, "text": "x"}\n' * 50)[:-30])
    with pytest.raises(InputError, match=r"b\.jsonl\.gz: corrupt gzip file"):
        items(bad)
    not_gzip = tmp_path / "c.json.gz"
    not_gzip.write_bytes(b'{"id": 1, "text": "plain"}\n')
    with pytest.raises(InputError, match="corrupt gzip file"):
        items(not_gzip)


def test_json_file_with_an_array_or_one_pretty_object(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"text": "One."}, {"id": "b", "text": "Two."}, "junk"], indent=2))
    result = items(array)
    docs = [r for r in result if isinstance(r, Document)]
    assert [(d.id, d.text) for d in docs] == [(1, "One."), ("b", "Two.")]
    assert isinstance(result[2], LineError) and result[2].line == 3
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps({"id": "solo", "text": "Pretty printed."}, indent=4))
    assert only_document(pretty).id == "solo"


def test_jsonl_is_sniffed_without_extension_but_braces_in_text_are_not(tmp_path: Path) -> None:
    data = tmp_path / "export"
    data.write_text('\n{"id": "s", "text": "Sniffed."}\n')
    assert only_document(data).text == "Sniffed."
    prose = tmp_path / "notes"
    prose.write_text("{braces} open this note, which is plain text.\n")
    assert only_document(prose).text == "{braces} open this note, which is plain text.\n"


def test_empty_jsonl_is_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n")
    with pytest.raises(InputError, match="empty input"):
        items(path)


# ----------------------------------------------------------------------------------------------- HTML


def test_news_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    doc = only_document(path)
    assert doc.id == str(path)
    assert "“We cannot wait any longer,” Mayor Ana Ruiz told reporters outside City Hall." in doc.text
    assert "“cautiously optimistic”" in doc.text
    assert "according to a statement from the mayor's office." in doc.text
    for boilerplate in ("Politics", "Sports", "Privacy policy", "All rights reserved", "Subscribe now"):
        assert boilerplate not in doc.text
    assert doc.title == "Mayor backs new transit plan"
    assert doc.author == "Jane Doe"
    assert doc.date == "2024-03-05"
    assert doc.url == "https://example.com/news/mayor-transit"


def test_a_page_without_a_date_gets_none_not_a_guess_from_its_footer(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Council approves budget</title></head><body><article>"
        "<p>The city council approved the budget on Tuesday after a long and heated debate.</p>"
        "<p>“This budget protects the services people rely on,” said Council President Maria Ortiz.</p>"
        "</article><footer>© 2026 City News. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    assert only_document(path).date is None
    path.write_text(
        page.replace("</title>", '</title><meta name="date" content="2024-03-05">'), encoding="utf-8"
    )
    assert only_document(path).date == "2024-03-05"


def test_html_is_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(NEWS_PAGE)
    assert only_document(path).author == "Jane Doe"


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title><script>var x = 1;</script></head><body></body>")
    with pytest.raises(InputError, match=r"empty\.html: no article text found in the HTML$"):
        items(path)


def test_an_html_fragment_of_one_paragraph_gives_its_text() -> None:
    doc = html_to_document("<p>Officials say the plant was closed.</p>", source="feed.jsonl")
    assert doc.text == "Officials say the plant was closed."
    with pytest.raises(InputError, match="no article text found"):
        html_to_document("<div><nav>Home About</nav></div>", source="feed.jsonl")  # a menu stays none


def test_html_with_only_a_menu_has_no_article_text() -> None:
    page = '<html><body><nav><a href="/">Home</a> <a href="/about">About</a></nav></body></html>'
    with pytest.raises(InputError, match=r"^menu\.html: no article text found in the HTML$"):
        html_to_document(page, source="menu.html")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Unclosed <b>bold <div><p>The mayor said the plan “works” and more text follows here.",
        "<<<>>><p></p></p></body><html>",
        "<html><body>" + "<div>" * 3000 + "<p>Deep nesting, the mayor said.</p>",
        "<!DOCTYPE html><html><body>\x00\x01<p>Odd bytes inside.</p></body></html>",
    ],
)
def test_malformed_html_never_crashes(html: str) -> None:
    try:
        doc = html_to_document(html, source="bad.html")
    except InputError as exc:
        assert str(exc).startswith("bad.html: ") and "\n" not in str(exc)
    else:
        assert doc.text.strip()


def test_looks_like_html() -> None:
    assert looks_like_html("  <!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<html lang='en'>")
    assert looks_like_html("<p>One.</p>\n<p>Two.</p>")
    assert looks_like_html("Preamble text\n<body>\n<p>x</p>")
    assert not looks_like_html("The mayor said x < y and a <p> tag is HTML.")
    assert not looks_like_html("Plain text article.\n\nSecond paragraph.")


def test_document_from_text() -> None:
    text = "Mayor said:\r\n“No.”  "
    assert document_from_text(text, id=3) == Document(id=3, text=text)
    html_doc = document_from_text(NEWS_PAGE, id="h")
    assert html_doc.id == "h" and html_doc.title == "Mayor backs new transit plan"
    with pytest.raises(InputError, match="<text>: empty input"):
        document_from_text(" \n ")


# --------------------------------------------------------------------------------- paths, directories


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file or directory$"):
        items(tmp_path / "nope.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    with pytest.raises(InputError, match=r"secret\.txt: permission denied$"):
        items(path)


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.")
    (tmp_path / "b" / "a.md").write_text("Markdown.")
    (tmp_path / "a.jsonl").write_text('{"id": "j", "text": "From JSONL."}\n')
    (tmp_path / "c.html").write_text(NEWS_PAGE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "skip.csv").write_text("not,an,input")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.")
    result = items(tmp_path)
    assert [getattr(r, "text", None) for r in result[:3]] == ["From JSONL.", "Markdown.", "Zed."]
    assert isinstance(result[3], Document) and result[3].author == "Jane Doe"
    assert result[4] == LineError(str(tmp_path / "empty.txt"), 0, "empty input")
    assert str(result[4]) == f"{tmp_path / 'empty.txt'}: empty input"
    assert len(result) == 5


def test_directory_without_readable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no input files in this directory"):
        items(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    gen = read_path(tmp_path)
    assert next(gen) == LineError(str(tmp_path / "bad.txt"), 0, "looks like a binary file, not text")
    with pytest.raises(InputError, match="none of the 1 input files in this directory could be read"):
        next(gen)


def test_iter_documents_keeps_path_order(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("First.")
    (tmp_path / "2.txt").write_text("Second.")
    docs = list(iter_documents([tmp_path / "2.txt", str(tmp_path / "1.txt")]))
    assert [d.text for d in docs if isinstance(d, Document)] == ["Second.", "First."]
    assert DEFAULT_MAX_BYTES == 20_000_000


# ---------------------------------------------------------------------------------------------- stdin


def run_stdin(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> subprocess.CompletedProcess[str]:
    script = (
        "import sys\n"
        "from saidwhat.sources import read_path\n"
        "try:\n"
        f"    for item in read_path('-', max_bytes={max_bytes}):\n"
        "        print(repr(item))\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__ + ': ' + str(exc)); sys.exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True, timeout=60)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def test_stdin_text_jsonl_and_cp1252() -> None:
    text = run_stdin("“Yes,” said the café owner.\r\n".encode("cp1252"))
    assert text.returncode == 0, text.stderr
    assert "Document(id='<stdin>', text='“Yes,” said the café owner.\\r\\n'" in text.stdout
    jsonl = run_stdin(b'{"id": 1, "text": "One."}\nnot json\n{"id": 2, "text": "Two."}\n')
    assert jsonl.returncode == 0, jsonl.stderr
    assert jsonl.stdout.count("Document(") == 2 and "LineError(source='<stdin>', line=2" in jsonl.stdout
    empty = run_stdin(b"")
    assert empty.returncode == 1 and "InputError: <stdin>: empty input" in empty.stdout
