"""refine.py's record-level rules; its behaviour on whole texts is tested through extract() in
test_extractor.py (continuations, titles, mixed quotes) and the fixture suite."""

from __future__ import annotations

from saidwhat import extract
from saidwhat.refine import _sentence_like, disjoint


def test_disjoint_joins_overlapping_fragments() -> None:
    assert disjoint([(40, 60), (0, 10), (45, 50), (55, 70), (12, 12)]) == ((0, 10), (40, 70))


def test_a_quotation_opening_with_a_number_is_a_sentence_but_a_number_alone_is_not() -> None:
    text = 'His wife, Marian, disagreed. "2014 was worse," she said. "He just does not remember."'
    got = extract(text).quotes
    assert [(q.text, q.speaker) for q in got] == [("2014 was worse, … He just does not remember.", "Marian")]
    assert not _sentence_like("13th.") and not _sentence_like("15%!")  # a film's title, a sign


def test_a_short_quotation_with_its_comma_outside_the_closing_mark_is_speech() -> None:
    # British and European style put the comma after the closing mark: the quote is as much speech
    text = "The talks resumed. «We will not give in», the spokesman said. “Never”, he added."
    got = extract(text).quotes
    assert [(q.text, q.kind, q.speaker) for q in got] == [
        ("We will not give in", "direct", "the spokesman"),
        ("Never", "direct", "the spokesman"),
    ]


def test_a_quoted_word_before_a_comma_is_still_no_statement() -> None:
    text = "He coined the word “Brexiteer”, which he said was meant kindly."
    assert all(q.kind != "direct" for q in extract(text).quotes)
