"""candidate.py's syntax helpers on real parses."""

from __future__ import annotations

from typing import Any

from saidwhat.candidate import relative_report_pronoun


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
