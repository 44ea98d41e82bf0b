"""The that-clause repair (saidwhat.that_clauses, run in the real pipeline after the parser)."""

from __future__ import annotations

from typing import Any

from saidwhat import extract


def test_a_that_clause_read_as_a_relative_on_the_listener_is_what_was_told(nlp: Any) -> None:
    # "that" read as the object of "reviewed", which as a passive has no room for one
    doc = nlp("Commission spokesman Eric Mamer told a daily briefing that the checks would be reviewed.")
    reviewed = next(t for t in doc if t.text == "reviewed")
    that = next(t for t in doc if t.text == "that")
    assert (reviewed.dep_, reviewed.head.text) == ("ccomp", "told")
    assert (that.dep_, that.tag_) == ("mark", "IN")
    got = extract("Officials told a briefing that two soldiers had been killed.").quotes
    assert [(q.text, q.cue.text if q.cue else None) for q in got] == [
        ("that two soldiers had been killed", "told")
    ]


def test_a_relative_clause_with_room_for_its_object_stays_one(nlp: Any) -> None:
    doc = nlp("He told a story that the children loved.")
    loved = next(t for t in doc if t.text == "loved")
    assert (loved.dep_, loved.head.text) == ("relcl", "story")
    assert extract("He told a story that the children loved.").quotes == ()


def test_a_that_the_parser_marks_as_opening_a_relative_clause_on_the_listener_is_a_complementizer(
    nlp: Any,
) -> None:
    doc = nlp(
        "The court's spokesman, Ian Marsh, told a daily briefing that the trial would be extended by a week."
    )
    extended = next(t for t in doc if t.text == "extended")
    assert (extended.dep_, extended.head.text) == ("ccomp", "told")


def test_a_that_clause_read_as_a_relative_on_the_time_of_speaking_is_what_was_said(nlp: Any) -> None:
    text = "Prosecutor James Whitaker said at the time that the officers had acted within the law."
    doc = nlp(text)
    acted = next(t for t in doc if t.text == "acted")
    assert (acted.dep_, acted.head.text) == ("ccomp", "said")
    got = [(q.text, q.speaker) for q in extract("Settlement\n\n" + text).quotes]
    assert got == [("that the officers had acted within the law", "James Whitaker")]  # had been lost
    # a relative clause on a time no one speaks at stays one
    doc = nlp("It was the time that he left the party.")
    assert next(t for t in doc if t.text == "left").dep_ == "relcl"


def test_a_that_clause_read_as_a_relative_on_the_place_of_speaking_is_what_was_told(nlp: Any) -> None:
    text = (
        "Mick Lynch, the general secretary of the RMT union, told reporters outside the conciliation "
        "service's offices that members would be balloted on the offer within a fortnight."
    )
    doc = nlp(text)
    balloted = next(t for t in doc if t.text == "balloted")
    assert (balloted.dep_, balloted.head.text) == ("ccomp", "told")
    got = [(q.text, q.speaker) for q in extract("Strike called off\n\n" + text).quotes]
    assert got == [("that members would be balloted on the offer within a fortnight", "Mick Lynch")]
    # a relative clause with room for "that" on a place stays one: the members visited the offices
    doc = nlp("She told reporters at the offices that members had visited.")
    assert next(t for t in doc if t.text == "visited").dep_ == "relcl"
