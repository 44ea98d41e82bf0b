"""extract / extract_many: input kinds, order, errors, worker processes, offsets after clean-up."""

from __future__ import annotations

import pytest

from saidwhat import InputError, extract, extract_many

TEXTS = [
    "“We will rebuild the bridge,” Mayor Elena Marsh said.",
    "Officials say the plant was closed in May.",
    "Nothing is quoted here.",
    "According to the Pentagon, the base will close next year.",
]


@pytest.mark.parametrize("n_process", [1, 2])
def test_order_and_ids_are_kept(n_process: int) -> None:
    items = [{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS * 3)]
    got = list(extract_many(items, n_process=n_process, batch_size=2))
    assert [a.id for a in got] == [i["id"] for i in items]
    assert [len(a.quotes) for a in got] == [1, 1, 0, 1] * 3


def test_bad_items_go_to_on_error_and_the_rest_is_processed() -> None:
    errors: list[str] = []
    items = [{"id": "a", "text": TEXTS[0]}, {"id": "b", "text": "   "}, 42, {"id": "c", "text": TEXTS[1]}]
    got = list(extract_many(items, on_error=lambda item, exc: errors.append(str(exc))))
    assert [a.id for a in got] == ["a", "c"]
    assert len(errors) == 2


def test_empty_text_raises() -> None:
    with pytest.raises(InputError):
        extract("")


def test_offsets_survive_repairs_of_scraped_text() -> None:
    text = (
        "The utility will raise rates by 8 percent next year to pay for repairs. Its director said\n"
        "the pipes were“older than anyone”had thought.\n\nNo comments:\nPost a Comment"
    )
    art = extract(text)
    assert art.text == text
    q = art.quotes[0]
    assert q.kind == "mixed"
    for s, e in q.spans:
        assert "older than anyone" in text[s:e] or "pipes" in text[s:e]


def test_html_input_returns_extracted_text_and_metadata() -> None:
    html = (
        "<html><head><title>Bridge vote delayed</title></head><body><article><h1>Bridge vote delayed</h1>"
        "<p>“We will rebuild the bridge,” Mayor Elena Marsh said on Tuesday at City Hall.</p>"
        "<p>The council will vote next month on the repairs and on how to pay for them.</p>"
        "</article></body></html>"
    )
    art = extract(html)
    assert art.title == "Bridge vote delayed"
    q = art.quotes[0]
    assert art.text[q.start : q.end] == q.text
    assert q.speaker == "Elena Marsh"


def test_a_duplicated_paragraph_counts_once_but_a_quote_repeated_in_a_new_paragraph_twice() -> None:
    said = "“We will not close a single school this year,” Mayor Elena Marsh said on Monday."
    reposted = extract(f"{said}\n\n{said}\n\nThe board meets in May.")
    assert len(reposted.quotes) == 1
    assert any("repeats the paragraph" in w for w in reposted.warnings)
    requoted = extract(
        f"{said}\n\nParents cheered. In a letter to families, she repeated it: “We will not close a single "
        "school this year.”"
    )
    assert [q.speaker for q in requoted.quotes] == ["Elena Marsh", "Elena Marsh"]


def test_the_bundled_example_reads_as_the_readme_shows() -> None:
    from importlib import resources

    from saidwhat import extract

    text = resources.files("saidwhat").joinpath("examples", "city_hall.txt").read_text(encoding="utf-8")
    got = [(q.kind, q.speaker, q.cue.text if q.cue else None) for q in extract(text).quotes]
    assert got == [
        ("indirect", "Elena Marsh", "said"),
        ("direct", "Elena Marsh", "told"),
        ("indirect", "Tom Marsh", "said"),
        ("indirect", "the city's transportation department", "According to"),
        ("mixed", "Rita Okafor", "said"),
        ("indirect", "Rita Okafor", "added"),
        ("indirect", "Local business owners", "say"),
        ("direct", "Sam Whitfield", "said"),
    ]


COLUMN = (
    "Last week I told the mayor that the plan would fail. She said, “I am confident it will work.” "
    "I wrote in March that the council had ignored the engineers."
)


def test_the_narrators_i_is_the_sole_author_of_the_byline() -> None:
    article = next(extract_many([{"id": "c", "text": COLUMN, "author": "By Jane Doe"}]))
    speakers = [(q.speaker, q.speaker_mention.text if q.speaker_mention else None) for q in article.quotes]
    # the narration's "I" is the columnist; the "I" inside the mayor's quotation is not a mention at all
    assert speakers == [("Jane Doe", "I"), ("She", "She"), ("Jane Doe", "I")]
    assert article.quotes[0].speaker_type == "person"


@pytest.mark.parametrize("author", [None, "Jane Doe and John Roe", "Jane Doe; John Roe"])
def test_without_a_single_author_i_stays_i(author: str | None) -> None:
    article = next(extract_many([{"id": "c", "text": COLUMN, "author": author}]))
    assert [q.speaker for q in article.quotes] == ["I", "She", "I"]
