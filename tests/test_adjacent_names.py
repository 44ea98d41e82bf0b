"""The speaker named next to a cue the parse gave no subject, on the real pipeline."""

from __future__ import annotations

from typing import Any

from saidwhat import extract
from saidwhat.adjacent_names import adjacent_name, stranded_subject


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


def test_a_phrase_stranded_between_and_and_a_cue_is_its_subject(nlp: Any) -> None:
    text = (
        'The British Medical Association called the funding "a sticking plaster," and its chair, '
        'Dr. Aisha Rahman, told reporters that "plasters do not fix broken bones."'
    )
    doc = nlp(text)
    told = next(t for t in doc if t.text == "told")
    assert told.dep_ == "conj"  # the misparse: "its chair" a second object of "called"
    subject = stranded_subject(told)
    assert subject is not None and subject.text == "Rahman"
    got = [(q.cue.text if q.cue else None, q.speaker, q.text) for q in extract(text).quotes]
    assert got == [
        ("called", "The British Medical Association", 'the funding "a sticking plaster,"'),
        ("told", "Aisha Rahman", 'that "plasters do not fix broken bones."'),
    ]
    # a verb coordinated directly with the first keeps its subject
    doc = nlp("The association called the funding inadequate and told reporters it would strike.")
    assert stranded_subject(next(t for t in doc if t.text == "told")) is None
