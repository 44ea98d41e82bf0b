"""Quotation-mark pairing: every mark style, nesting, paragraphs, unbalanced marks, apostrophes."""

from __future__ import annotations

import pytest

from saidwhat.quotemarks import find_stretches, inside_paragraph_quotation


def inner(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in st.spans] for st in find_stretches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', [["we will win"]]),
        ("He said “we will win” today.", [["we will win"]]),
        ("Trump Was ‘Mocking’ Clinton Camp", [["Mocking"]]),
        ("Il a dit « nous gagnerons » hier.", [["nous gagnerons"]]),
        ("„Wir gewinnen“ sagte er.", [["Wir gewinnen"]]),
        ("''It's more tinkering,'' he said. ''Not reform.''", [["It's more tinkering,"], ["Not reform."]]),
        ("called him ''a genius'' for it", [["a genius"]]),
    ],
)
def test_mark_styles(text: str, expected: list[list[str]]) -> None:
    assert inner(text) == expected


def test_an_elided_word_opens_no_quotation_but_a_word_starting_like_one_does() -> None:
    assert inner("They rock 'n' roll 'til dawn and love 'em, as in the '90s.") == []
    # "'nothing" is no "'n'": British single quotes around a phrase that opens like an elision
    assert inner("He insisted he had 'nothing to apologise for'.") == [["nothing to apologise for"]]
    assert inner("It was 'sound' and 'temporary'.") == [["sound"], ["temporary"]]


def test_nested_single_inside_double_is_one_stretch() -> None:
    text = "“You say you ‘accept responsibility,’ but you do not,” Merkley said."
    assert inner(text) == [["You say you ‘accept responsibility,’ but you do not,"]]


def test_interrupted_quote_gives_two_stretches() -> None:
    text = "“This is it,” he said, “and more.”"
    assert inner(text) == [["This is it,"], ["and more."]]


def test_quote_over_paragraphs_is_one_stretch_with_a_span_per_paragraph() -> None:
    text = "“First paragraph of it.\n\n“Second paragraph,” she said."
    stretches = find_stretches(text)
    assert len(stretches) == 1
    assert [text[s:e] for s, e in stretches[0].spans] == ["First paragraph of it.", "Second paragraph,"]
    assert stretches[0].balanced


def test_a_quote_over_paragraphs_reopens_each_in_its_own_style() -> None:
    straight = '"First paragraph of it.\n\n"Second paragraph," she said.'
    assert inner(straight) == [["First paragraph of it.", "Second paragraph,"]]
    # a straight mark opening a block quotation's paragraph, then a curly quotation of its own
    block = '"Kevin was snoring.\n\n“Here he is, babe,” she said.'
    assert inner(block) == [["Kevin was snoring."], ["Here he is, babe,"]]
    assert [st.balanced for st in find_stretches(block)] == [False, True]


def test_unclosed_quote_runs_to_paragraph_end_and_recovers() -> None:
    text = "She said “we are leaving now.\n\nThe next paragraph is narration with “a quote” in it."
    got = inner(text)
    assert got[0] == ["we are leaving now."]
    assert got[1] == ["a quote"]
    assert not find_stretches(text)[0].balanced


def test_closer_without_opener_starts_at_paragraph_start() -> None:
    text = "we are leaving now,” he said."
    assert inner(text) == [["we are leaving now,"]]


@pytest.mark.parametrize("text", ["the Clintons’ house", "don’t do it", "He is 5'9\" tall.", "rock ’n’ roll"])
def test_apostrophes_and_measurements_are_not_quotes(text: str) -> None:
    assert inner(text) == []


def test_a_double_quotation_nested_in_the_same_style_is_part_of_the_outer_one() -> None:
    text = "“I’d rather live in what he calls “hell” than live where he is president.” ― Adriana Rodarte"
    assert inner(text) == [["I’d rather live in what he calls “hell” than live where he is president."]]
    # a closer right after a word still closes the outer quotation
    assert inner("“We won,” she said, “and “the best” is yet to come.”") == [
        ["We won,"],
        ["and “the best” is yet to come."],
    ]


def test_an_inch_sign_inside_a_quotation_does_not_close_it() -> None:
    text = "“I admit, he’s taller than me; he’s like 6’2”,” Rubio said. “He is 5’11” at most.”"
    assert inner(text) == [["I admit, he’s taller than me; he’s like 6’2”,"], ["He is 5’11” at most."]]


def test_two_apostrophes_keep_offsets_and_leave_single_apostrophes_alone() -> None:
    text = "''We're done,'' the mayor's aide said."
    (stretch,) = find_stretches(text)
    assert stretch.start == 0 and stretch.end == 15  # both apostrophes of each mark: the whole mark
    assert text[stretch.start : stretch.end] == "''We're done,''"
    assert text[stretch.inner_start : stretch.inner_end] == "We're done,"


def test_markup_attributes_are_not_quotations() -> None:
    text = 'He posted it. <tweet tweet-author="Bernie Sanders" tweet_id="7784"> "We will win," he wrote.'
    assert [text[s.inner_start : s.inner_end] for s in find_stretches(text)] == ["We will win,"]


def test_inside_a_quotation_is_read_within_the_paragraph() -> None:
    text = 'He said: "the Paris attackers showed it.\nThey said no." Later "yes" came.'
    assert inside_paragraph_quotation(text, text.index("attackers"))
    # the opening mark of the paragraph before pairs nothing in this one
    assert not inside_paragraph_quotation(text, text.index("They"))
    assert inside_paragraph_quotation(text, text.index("yes"))
