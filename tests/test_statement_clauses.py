"""Which that-clause hung on a cue's prepositional noun is the cue's content (saidwhat.statement_clauses,
real pipeline)."""

from __future__ import annotations

from typing import Any

from saidwhat.statement_clauses import that_clause_in


def clause_of(nlp: Any, text: str, cue: str) -> str | None:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == cue)
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        found = that_clause_in(prep)
        if found is not None:
            return doc[found[0] : found[1]].text
    return None


def test_a_clause_on_the_message_a_cue_is_made_in_is_its_content(nlp: Any) -> None:
    text = "She told The Chronicle in an email that the governor's office had been preparing for weeks."
    assert clause_of(nlp, text, "told") == "that the governor's office had been preparing for weeks"


def test_the_complement_the_parser_hung_on_the_cue_finishes_the_clause(nlp: Any) -> None:
    text = (
        "Judge Maria Ocampo wrote in a 34-page opinion that the county had failed to show the closures "
        "would save money."
    )
    assert clause_of(nlp, text, "wrote") == "that the county had failed to show the closures would save money"


def test_the_clause_of_a_report_the_cue_came_after_is_that_reports(nlp: Any) -> None:
    text = "Lawmakers demanded answers after a report that health data had been shared with insurers."
    assert clause_of(nlp, text, "demanded") is None


def test_a_clause_after_an_event_that_is_no_report_stays_the_cues(nlp: Any) -> None:
    # the parser hangs the that-clause on "hearing"; a hearing holds no statement of its own
    assert clause_of(nlp, "She wrote after the hearing that the judge had erred.", "wrote") == (
        "that the judge had erred"
    )
