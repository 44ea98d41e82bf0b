"""candidate.py's syntax helpers on real parses."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.candidate import Candidate, closes_its_report, relative_report_pronoun


def _pronoun(nlp: Any, text: str, cue: str) -> str | None:
    doc = nlp(text)
    found = relative_report_pronoun(next(t for t in doc if t.text == cue))
    return None if found is None else found.text


def test_the_relative_pronoun_a_relative_clause_reports_on(nlp: Any) -> None:
    text = "He attacked rivals for accepting donations, which he said were accompanied by favors."
    assert _pronoun(nlp, text, "said") == "which"
    text = "The plant, which officials say was closed in 2019, reopened on Monday."
    assert _pronoun(nlp, text, "say") == "which"


def test_no_pronoun_for_a_complement_with_its_own_subject_or_a_main_clause(nlp: Any) -> None:
    assert _pronoun(nlp, "She repeated the claim that he said the deal was dead.", "said") is None
    assert _pronoun(nlp, "Officials said the plant was closed in 2019.", "said") is None


def _closing(nlp: Any, text: str) -> bool:
    doc = nlp(text)
    cue = next(
        t for t in doc if t.dep_ == "ROOT" and t.tag_.startswith("VB") and t.lower_ in ("said", "told")
    )
    comma = next(t.i for t in doc if t.text == ",")
    return closes_its_report(doc, Candidate(cue.i, "ccomp", ((0, comma),), None))


def test_a_report_its_attribution_closes(nlp: Any) -> None:
    assert _closing(nlp, "Voters turned out in record numbers, the electoral commission said on Tuesday.")
    assert _closing(nlp, "The talks collapsed on Friday, a source close to the negotiations told Reuters.")
    # more said after the verb: the verb does not close the report
    assert not _closing(nlp, "Turnout rose, the commission said, and it said the count would take days.")


def test_a_closing_attribution_is_a_report_however_short() -> None:
    text = (
        "Election results\n\nVoters turned out in record numbers, the electoral commission said on Tuesday."
    )
    got = [(q.text, q.kind, q.speaker) for q in extract(text).quotes]
    assert got == [("Voters turned out in record numbers", "indirect", "the electoral commission")]


def test_an_inverted_attribution_closes_its_report_too(nlp: Any) -> None:
    doc = nlp("The review could end next month, said one of the people, who asked not to be identified.")
    cue = next(t for t in doc if t.text == "said")
    comma = next(t.i for t in doc if t.text == ",")
    assert closes_its_report(doc, Candidate(cue.i, "paren", ((0, comma),), None))
    # a clause the verb does not close: more after it
    doc = nlp("The review could end, said Ms. Lee, and the firm would then decide what to do.")
    cue = next(t for t in doc if t.text == "said")
    comma = next(t.i for t in doc if t.text == ",")
    assert not closes_its_report(doc, Candidate(cue.i, "paren", ((0, comma),), None))
    text = (
        "Inquiry\n\nThe review could end next month, said one of the people, who asked not to be identified "
        "because the inquiry is confidential."
    )
    got = [(q.text, q.speaker) for q in extract(text).quotes]
    assert got == [("The review could end next month", "one of the people")]  # scored 0.26: had been lost
