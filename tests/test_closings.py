"""Repairs of an attribution closing its sentence (saidwhat.closings, run in the real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract


def test_an_attribution_closing_the_sentence_heads_it_again(nlp: Any) -> None:
    text = (
        "The RMT union has rejected the latest pay offer from Network Rail, its general secretary Mick "
        "Lynch said."
    )
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and [c.text for c in said.children if c.dep_ == "nsubj"] == ["secretary"]
    assert next(t for t in doc if t.text == "rejected").head.i == said.i and doc[-1].head.i == said.i
    got = [(q.text, q.speaker) for q in extract(text).quotes]
    assert got == [("The RMT union has rejected the latest pay offer from Network Rail", "Mick Lynch")]


def test_an_attribution_hung_on_its_report_with_its_subject_heads_it_again(nlp: Any) -> None:
    # the paragraph after it puts a space token in the sentence: no more than punctuation
    text = (
        "Hospital boss quits\n\nThe chief executive of Northgate University Hospitals has resigned after a "
        "damning report into emergency waiting times, the trust announced on Friday.\n\nDr. Fiona Reid, who "
        "had led the trust since 2021, said in a letter to staff that she was sorry."
    )
    doc = nlp(text)
    announced = next(t for t in doc if t.text == "announced")
    assert announced.dep_ == "ROOT" and next(t for t in doc if t.text == "resigned").head.i == announced.i
    got = [(q.text[:40], q.speaker) for q in extract(text).quotes]
    assert got[0] == ("The chief executive of Northgate Univers", "the trust")
    # a participle is what was announced, and a conjunct with a subject a clause of its own
    doc = nlp("The government will keep screening refugees, a plan announced earlier this year.")
    assert next(t for t in doc if t.text == "announced").dep_ != "ROOT"
    text = "They have lived here for three months, and though they speak no English, their smiles said a lot."
    assert next(t for t in nlp(text) if t.text == "said").dep_ != "ROOT"


def test_a_relative_clause_with_its_own_subject_is_left_alone(nlp: Any) -> None:
    doc = nlp("She met the minister, who said nothing about the plan.")
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "relcl" and said.head.text == "minister"


def test_a_time_before_the_verb_is_no_speaker(nlp: Any) -> None:
    doc = nlp(
        "“We have concerns and there have to be some things we come together on,” Beck said.\n\nBeck, who "
        "supported Sen. Ted Cruz, R-Texas, and virulently opposed Trump during the Republican presidential "
        "primaries, last week said Trump was seeking to start either a rebellious movement or a media "
        "empire.\n\n“What is going to happen next is anyone's guess,” he said."
    )
    said = [t for t in doc if t.text == "said"][1]
    assert "week" not in [c.text for c in said.children if c.dep_ == "nsubj"]


def test_a_report_read_as_the_modifier_of_a_second_subject_is_what_was_said(nlp: Any) -> None:
    text = (
        "Storm knocks out power\n\nA powerful storm swept across the region overnight, knocking out power to "
        "more than 300,000 homes and businesses, utility officials said Saturday."
    )
    doc = nlp(text)
    said, swept = (next(t for t in doc if t.text == w) for w in ("said", "swept"))
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["officials"]
    assert (swept.dep_, swept.head.i) == ("ccomp", said.i)
    assert [c.text for c in swept.children if c.dep_ == "nsubj"] == ["storm"]
    got = [(q.text[:30], q.speaker) for q in extract(text).quotes]
    assert got == [("A powerful storm swept across ", "utility officials")]  # had been no quote at all


def test_an_attribution_read_as_the_verb_of_a_comparison_closes_the_report(nlp: Any) -> None:
    text = (
        "The chip will cost about a third as much as the company's flagship processor, "
        "Chief Executive Anna Wojcik said at a launch event."
    )
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Wojcik"]
    assert next(t for t in doc if t.text == "processor").dep_ == "pobj"
    got = [(q.text, q.speaker) for q in extract("Nimbus unveils chip\n\n" + text).quotes]
    assert got == [
        ("The chip will cost about a third as much as the company's flagship processor", "Anna Wojcik")
    ]
    # a comparison whose verb is the sentence's own is left alone
    doc = nlp("Sales grew faster than analysts said they would.")
    assert next(t for t in doc if t.text == "grew").dep_ == "ROOT"
