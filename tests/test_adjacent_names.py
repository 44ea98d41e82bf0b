"""The speaker named next to a cue the parse gave no subject, on the real pipeline."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.adjacent_names import adjacent_name


def _named(nlp: Any, text: str, cue: str) -> str | None:
    doc = nlp(text)
    found = adjacent_name(doc, next(t for t in doc if t.text == cue))
    return None if found is None else found.text


def test_a_name_right_after_an_inverted_cue(nlp: Any) -> None:
    assert _named(nlp, "“We will win,” said Chief Jane Doe of the county police.", "said") == "Doe"
    # a surname the tagger reads as an adverb by its ending
    text = "“Having the file is valuable,” said Skelly, explaining he worked closely with the party."
    assert _named(nlp, text, "said") == "Skelly"


def test_the_one_told_and_a_date_are_no_speakers(nlp: Any) -> None:
    assert _named(nlp, "“We will win,” Ramos, 58, told AFP.", "told") == "Ramos"
    assert _named(nlp, "“We will win,” said Monday.", "said") is None


def test_a_misread_surname_is_the_quotes_speaker() -> None:
    text = (
        "Campaign News\n\n“Having access to the RNC file and two people who understand it is valuable,” "
        "said Skelly, explaining he worked more closely with Chrabasz.\n"
    )
    quote = next(q for q in extract(text).quotes if q.kind == "direct")
    assert quote.speaker == "Skelly"
