"""headlines.py's line- and colon-bound rules, on the real pipeline."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.headlines import name_label_before


def _label(nlp: Any, text: str, opening: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    first = next(t for t in doc if t.text == opening)
    cue, name = name_label_before(doc, first)
    return (cue.text if cue else None, name.text if name else None)


def test_a_name_and_a_colon_before_a_quotation_name_its_speaker(nlp: Any) -> None:
    body = "The committee met on Tuesday.\n\n"
    assert _label(nlp, body + "Rep. Trey Gowdy (R-S.C.): “I have not heard it.”", "I") == ("):", "Gowdy")
    text = body + "Polls matter for the contests - Philip Bump: “Two weeks ago, the South was his.”"
    assert _label(nlp, text, "Two") == (":", "Bump")


def test_a_clause_or_a_place_before_the_colon_is_no_label(nlp: Any) -> None:
    body = "The committee met on Tuesday.\n\n"
    assert _label(nlp, body + "He told the board Gowdy: “I have not heard it.”", "I") == (None, None)
    assert _label(nlp, body + "WASHINGTON: “We will not yield,” the senator said.", "We") == (None, None)


def test_a_labelled_quotation_in_the_body_is_the_names_not_the_last_speakers() -> None:
    text = (
        "Clinton Emails Questioned at Hearing\n\n"
        "The committee met on Tuesday to question the former secretary.\n\n"
        'Rep. Trey Gowdy (R-S.C.): "I have not heard anyone other than you explain it."\n'
    )
    quote = next(q for q in extract(text).quotes if q.kind == "direct")
    assert quote.speaker == "Trey Gowdy"
    assert quote.cue is not None and (quote.cue.text, text[quote.cue.start : quote.cue.end]) == (":", ":")
