"""Wire datelines (saidwhat.datelines), on a real parse."""

from __future__ import annotations

from typing import Any

from saidwhat.datelines import dateline_end, spaced_dash


def test_a_dateline_ends_at_its_dash(nlp: Any) -> None:
    for text in ("WASHINGTON — The Senate voted", "CLEVELAND, July 19 (UPI) — Delegates cheered"):
        doc = nlp(text)
        end = dateline_end(doc, 0)
        assert end is not None and doc[end].text == "—"


def test_a_clause_before_a_dash_is_no_dateline(nlp: Any) -> None:
    doc = nlp("The Senate voted — and then it adjourned.")
    assert dateline_end(doc, 0) is None  # a verb: a sentence, not a place
    doc = nlp("so-called reforms")
    assert not any(spaced_dash(t) for t in doc)  # a hyphen inside a word
