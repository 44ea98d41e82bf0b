"""The word-level diff of a quote's appearance against its first appearance, one change class at a time."""

from __future__ import annotations

import pytest

from saidwhat.corpus.diff import diff_quotes
from saidwhat.corpus.text import norm_text, same_speaker, speaker_key, words

ORIGINAL = "We will not raise taxes on working families, and I sent [the president] a letter saying so."


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        # a clause word dropped silently, inside the quote
        ("We will not raise taxes on families, and I sent [the president] a letter saying so.", ("removed",)),
        # a word slipped in
        ("We will not ever raise taxes on working families, and I sent [the president] a letter saying so.",
         ("added",)),
        # one word swapped for another
        ("We will not cut taxes on working families, and I sent [the president] a letter saying so.",
         ("replaced",)),
        # editorial brackets removed: the same words, the marks changed
        ("We will not raise taxes on working families, and I sent the president a letter saying so.",
         ("brackets",)),
        # a bracketed stand-in replacing the bracketed words
        ("We will not raise taxes on working families, and I sent [Biden] a letter saying so.",
         ("brackets",)),
        # dropped words marked by an ellipsis: an honest elision, not a silent removal
        ("We will not raise taxes on working families … I sent [the president] a letter saying so.",
         ("brackets",)),
        # cut at the end / at the start
        ("We will not raise taxes on working families", ("truncated",)),
        ("and I sent [the president] a letter saying so.", ("truncated",)),
        # cut and a word swapped
        ("We will not cut taxes on working families", ("replaced", "truncated")),
    ],
)  # fmt: skip
def test_each_change_class(variant: str, expected: tuple[str, ...]) -> None:
    assert diff_quotes(ORIGINAL, variant).types == expected


def test_case_and_punctuation_are_not_changes() -> None:
    variant = "we will NOT raise taxes on working families and I sent [the president] a letter saying so"
    diff = diff_quotes(ORIGINAL, variant)
    assert diff.changes == () and diff.score == 0


def test_speaker_changed_only_between_named_people() -> None:
    assert diff_quotes(ORIGINAL, ORIGINAL, "Joe Biden", "Kamala Harris").types == ("speaker",)
    assert diff_quotes(ORIGINAL, ORIGINAL, "Joe Biden", "President Biden").types == ()
    # a pronoun or an unresolved speaker names nobody: not a change of speaker
    assert diff_quotes(ORIGINAL, ORIGINAL, "Joe Biden", "he").types == ()
    assert diff_quotes(ORIGINAL, ORIGINAL, "Joe Biden", None).types == ()


def test_change_records_say_what_changed_and_where() -> None:
    diff = diff_quotes(ORIGINAL, ORIGINAL.replace("raise", "cut"), "A B", "C D")
    replaced = next(c for c in diff.changes if c.type == "replaced")
    assert (replaced.original, replaced.variant, replaced.position) == ("raise", "cut", 3)
    speaker = next(c for c in diff.changes if c.type == "speaker")
    assert speaker.to_dict() == {"type": "speaker", "original": "A B", "variant": "C D", "position": None}
    assert diff.score > 1  # a changed speaker outranks any word edit


def test_score_orders_by_how_much_changed() -> None:
    small = diff_quotes(ORIGINAL, ORIGINAL.replace("raise", "cut"))
    large = diff_quotes(ORIGINAL, "We will not raise taxes")
    marks = diff_quotes(ORIGINAL, ORIGINAL.replace("[", "").replace("]", ""))
    assert large.score > small.score > marks.score > 0


def test_normalisation_ignores_marks_case_and_curly_apostrophes() -> None:
    assert norm_text(words("I sent [the President] … a letter")) == "i sent the president a letter"
    assert words("Don’t") == words("don't") == ["don't"]


def test_speaker_keys() -> None:
    assert speaker_key("President Joe Biden") == frozenset({"joe", "biden"})
    assert speaker_key("a source") is None and speaker_key("She") is None
    assert same_speaker("Biden", "Joe Biden") is True
    assert same_speaker("Jill Biden", "Joe Biden") is False
