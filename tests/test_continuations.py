"""The tests on the words between and around quotations that decide whether one goes on with another."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.content import Attribution
from saidwhat.continuations import (
    adjacent,
    conjoined,
    goes_on_after_its_cue,
    mixed_goes_on,
    phrase_in_sentence,
    resumed_after_its_cue,
    said_right_after,
    said_right_before,
    same_paragraph,
)
from saidwhat.quotemarks import find_stretches


def test_a_short_attribution_between_two_quotations_makes_them_adjacent() -> None:
    text = "“We will rebuild,” Marsh said, “and we will pay for it.”"
    first, second = find_stretches(text)
    assert adjacent(text, list(first.spans), list(second.spans))
    far = "“We will rebuild,” Marsh said on Tuesday at a meeting of the council in the town hall, “and pay.”"
    first, second = find_stretches(far)
    assert not adjacent(far, list(first.spans), list(second.spans))


def test_a_paragraph_break_separates_paragraphs() -> None:
    text = "“One,” she said.\n\n“Two.”"
    first, second = find_stretches(text)
    assert not same_paragraph(text, list(first.spans), list(second.spans))
    assert same_paragraph("“One,” she said. “Two.”", [(1, 5)], [(18, 22)])


def test_a_cue_right_after_or_before_a_quotation() -> None:
    text = "“No!” shouted Smith."
    (st,) = find_stretches(text)
    assert said_right_after(text, st, text.index("shouted"))
    text = "Priebus said, “Probably.”"
    (st,) = find_stretches(text)
    assert said_right_before(text, st, text.index(","))
    assert not said_right_before(
        "Priebus said that “probably” it was.", find_stretches("Priebus said that “probably” it was.")[0], 12
    )


def test_a_phrase_the_sentence_runs_on_from_and_a_conjoined_quotation() -> None:
    text = "She said “You squeezed employees” to drive up the price."
    (st,) = find_stretches(text)
    assert phrase_in_sentence(text, st)
    text = "He claimed fraud is “a big problem” but “nobody has the guts to talk about it.”"
    first, second = find_stretches(text)
    assert conjoined(text, list(first.spans), list(second.spans))


def test_a_quoted_sentence_goes_on_after_a_direct_quote_and_its_cue(nlp: Any) -> None:
    text = "“I disagree,” she said. “We feel good about it.” She noted a rally on Saturday."
    doc = nlp(text)
    first, second = find_stretches(text)
    said = next(t for t in doc if t.text == "said")
    noted = next(t for t in doc if t.text == "noted")
    previous = Attribution(said.i, list(first.spans), 4, 0.9, "direct")
    assert goes_on_after_its_cue(doc, text, previous, second, noted)
    # a question with its own attribution right after it is its own
    text = "“I disagree,” she said. “Who pays?” Lee asked."
    doc = nlp(text)
    first, second = find_stretches(text)
    previous = Attribution(next(t.i for t in doc if t.text == "said"), list(first.spans), 4, 0.9, "direct")
    assert not goes_on_after_its_cue(doc, text, previous, second, next(t for t in doc if t.text == "asked"))


def test_a_quoted_sentence_goes_on_after_a_mixed_quote_ending_on_a_quotation(nlp: Any) -> None:
    text = 'His chances are "very slim," says Walter Stone, an author of many books. "The deck is stacked."'
    doc = nlp(text)
    first, second = find_stretches(text)
    says = next(t for t in doc if t.text == "says")
    mixed = Attribution(says.i, [(0, first.spans[0][1])], None, 0.9, "mixed")
    assert mixed_goes_on(doc, text, mixed, second)
    mixed_elsewhere = Attribution(says.i, [(0, 11)], None, 0.9, "mixed")  # content not ending on the quote
    assert not mixed_goes_on(doc, text, mixed_elsewhere, second)


def test_a_short_quotation_resumes_the_quote_its_attribution_interrupted(nlp: Any) -> None:
    text = '"My record speaks for itself," Denton said on Monday, "and so does hers."'
    doc = nlp(text)
    first, second = find_stretches(text)
    said = next(t for t in doc if t.text == "said")
    previous = Attribution(said.i, list(first.spans), 2, 0.9, "direct")
    assert resumed_after_its_cue(doc, text, previous, second)
    (quote,) = extract(text).quotes
    assert quote.text == "My record speaks for itself, … and so does hers."
    # a clause of its own between them has its own cue: the quotation is not resumed
    text = '"I see lights," he said. The streets were empty, he added, "but people go out."'
    doc = nlp(text)
    first, second = find_stretches(text)
    previous = Attribution(next(t.i for t in doc if t.text == "said"), list(first.spans), 4, 0.9, "direct")
    assert not resumed_after_its_cue(doc, text, previous, second)
